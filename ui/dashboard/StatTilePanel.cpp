#include "StatTilePanel.h"

#include "PanelSources.h"
#include "StatTileWidget.h"
#include "StreamFieldStore.h"
#include "ThresholdDialog.h"

#include <QMenu>
#include <QVBoxLayout>

StatTilePanel::StatTilePanel(const PanelSources *sources, QWidget *parent)
    : DashboardPanel(sources, parent)
    , m_tile(new StatTileWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tile);
}

QString StatTilePanel::defaultTitle() const
{
    if (config().series.isEmpty())
        return tr("Stat tile (drop a field here)");
    const PanelSeries &series = config().series.first();
    return sources()->streamName(series.stream) + QLatin1Char(' ') + series.key;
}

void StatTilePanel::configChanged()
{
    m_state.setThresholds(config().thresholds);
    if (config().series.isEmpty()) {
        m_state.setUnit(QString());
        m_tile->setName(QString());
    } else {
        const PanelSeries &series = config().series.first();
        m_state.setUnit(sources()->unit(series.stream, series.key));
        m_tile->setName(series.key);
        m_tile->setAccentColor(sources()->seriesColor(series.stream, series.key));
    }
    refresh({m_lastTick.nowMs, m_lastTick.windowMs, false});
}

void StatTilePanel::refresh(const PanelTick &tick)
{
    m_lastTick = tick;
    if (m_paused || (tick.visibleOnly && isOutOfSight()))
        return;
    const SeriesBuffer *buffer = nullptr;
    qint64 offset = 0;
    bool firing = false;
    if (!config().series.isEmpty()) {
        const PanelSeries &series = config().series.first();
        // Looked up on every tick: a field that held strings has no buffer until it holds a number.
        const StreamFieldStore *store = sources()->fields(series.stream);
        buffer = store ? store->buffer(series.key) : nullptr;
        offset = sources()->clockOffsetMs(series.stream);
        firing = sources()->isFiring(series.stream, series.key);
    }
    m_state.update(buffer, tick.nowMs + offset, tick.windowMs, m_tile->sparklineRect().width());
    m_tile->setState(m_state);
    m_tile->setFiring(firing);
}

void StatTilePanel::addMenuActions(QMenu *menu)
{
    QAction *thresholds = menu->addAction(tr("Thresholds\u2026"));
    connect(thresholds, &QAction::triggered, this, &StatTilePanel::editThresholds);
}

void StatTilePanel::editThresholds()
{
    auto *dialog = new ThresholdDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setThresholds(config().thresholds);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const auto steps = dialog->thresholds()) {
            PanelConfig changed = config();
            changed.thresholds = *steps;
            editConfig(changed);
        }
    });
    dialog->open();
}

void StatTilePanel::setDarkTheme(bool dark)
{
    m_tile->setDarkTheme(dark);
}
