#include "DashboardPanel.h"

#include "PanelSources.h"

#include <QPainter>

DashboardPanel::DashboardPanel(const PanelSources *sources, QWidget *parent)
    : QWidget(parent)
    , m_sources(sources)
{
}

void DashboardPanel::setConfig(const PanelConfig &config)
{
    if (config == m_config)
        return;
    m_config = config;
    configChanged();
    Q_EMIT titleChanged();
}

void DashboardPanel::sourcesChanged()
{
    configChanged();
    Q_EMIT titleChanged();
}

void DashboardPanel::editConfig(const PanelConfig &config)
{
    setConfig(config);
    Q_EMIT configEdited(m_config);
}

bool DashboardPanel::isOutOfSight() const
{
    if (!isVisible() || !visibleRegion().isEmpty())
        return false;
    for (const QWidget *child : findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
        if (child->isVisible() && !child->visibleRegion().isEmpty())
            return false;
    }
    return true;
}

QList<quint64> DashboardPanel::chosenStreams() const
{
    if (config().streams.isEmpty())
        return sources()->streamIds();
    QList<quint64> shown;
    for (quint64 stream : sources()->streamIds()) {
        if (config().streams.contains(stream))
            shown.append(stream);
    }
    return shown;
}

QString DashboardPanel::title() const
{
    return m_config.title.isEmpty() ? defaultTitle() : m_config.title;
}

void DashboardPanel::render(QPainter *painter, const QRectF &target)
{
    // A widget's own picture, scaled into the target.
    const QPixmap picture = grab();
    painter->drawPixmap(target, picture, QRectF(picture.rect()));
}
