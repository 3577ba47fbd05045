#include "EventRatePanel.h"

#include "ChartPanel.h"
#include "PanelSources.h"
#include "StreamRateHistory.h"

#include <QMenu>
#include <QVBoxLayout>

EventRatePanel::EventRatePanel(const PanelSources *sources, QWidget *parent)
    : DashboardPanel(sources, parent)
    , m_chart(new ChartPanel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_chart);
}

QList<quint64> EventRatePanel::shownStreams() const
{
    return chosenStreams();
}

QString EventRatePanel::defaultTitle() const
{
    return config().showBytes ? tr("Event rate (events/s, bytes/s)") : tr("Event rate (events/s)");
}

void EventRatePanel::configChanged()
{
    m_shownStreams = shownStreams();
    QList<PlotSeries> list;
    for (quint64 stream : std::as_const(m_shownStreams)) {
        const StreamRateHistory *rates = sources()->rates(stream);
        if (!rates)
            continue;
        const QString name = sources()->streamName(stream);
        const QColor color = sources()->streamColor(stream);
        PlotSeries events;
        events.name = tr("%1 events/s").arg(name);
        events.color = color;
        events.buffer = rates->eventRate();
        events.unit = tr("events/s");
        list.append(events);
        if (config().showBytes) {
            PlotSeries bytes;
            bytes.name = tr("%1 bytes/s").arg(name);
            bytes.color = color.lighter(150);
            bytes.buffer = rates->byteRate();
            bytes.axis = 1;
            bytes.unit = QStringLiteral("B/s");
            list.append(bytes);
        }
    }
    m_chart->setSeries(list);
    m_chart->setTitle(title());
}

void EventRatePanel::refresh(const PanelTick &tick)
{
    if (tick.visibleOnly && isOutOfSight())
        return;
    if (shownStreams() != m_shownStreams)
        configChanged();
    m_chart->refresh(tick.nowMs);
}

void EventRatePanel::addMenuActions(QMenu *menu)
{
    QAction *bytes = menu->addAction(tr("Show Bytes per Second"));
    bytes->setCheckable(true);
    bytes->setChecked(config().showBytes);
    connect(bytes, &QAction::toggled, this, [this](bool on) {
        PanelConfig changed = config();
        changed.showBytes = on;
        editConfig(changed);
    });
}

void EventRatePanel::render(QPainter *painter, const QRectF &target)
{
    m_chart->renderChart(painter, target);
}

void EventRatePanel::setDarkTheme(bool dark)
{
    m_chart->setDarkTheme(dark);
}

void EventRatePanel::setPaused(bool paused)
{
    m_chart->setPaused(paused);
}
