#include "ConnectionTimelinePanel.h"

#include "ConnectionHistory.h"
#include "ConnectionTimelineModel.h"
#include "ConnectionTimelineView.h"
#include "PanelSources.h"

#include <QVBoxLayout>

#include <algorithm>

namespace {

// The span shown when the window is "all": from the earliest start.
constexpr qint64 MinimumSpanMs = 60'000;

} // namespace

ConnectionTimelinePanel::ConnectionTimelinePanel(const PanelSources *sources, QWidget *parent)
    : DashboardPanel(sources, parent)
    , m_model(new ConnectionTimelineModel(this))
    , m_view(new ConnectionTimelineView(this))
{
    m_view->setModel(m_model);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

QList<quint64> ConnectionTimelinePanel::shownStreams() const
{
    return chosenStreams();
}

QString ConnectionTimelinePanel::defaultTitle() const
{
    return tr("Connections");
}

void ConnectionTimelinePanel::configChanged()
{
    m_shownStreams = shownStreams();
    QList<TimelineStream> streams;
    for (quint64 stream : std::as_const(m_shownStreams)) {
        streams.append({stream, sources()->streamName(stream), sources()->streamColor(stream),
                        sources()->history(stream), sources()->startedAtMs(stream)});
    }
    m_model->setStreams(streams);
}

void ConnectionTimelinePanel::refresh(const PanelTick &tick)
{
    if (m_paused || (tick.visibleOnly && isOutOfSight()))
        return;
    if (shownStreams() != m_shownStreams)
        configChanged();
    // Connection times are wall-clock times, whatever clock the stream's charts use.
    qint64 from = tick.nowMs - tick.windowMs;
    if (tick.windowMs <= 0) {
        from = tick.nowMs - MinimumSpanMs;
        for (quint64 stream : std::as_const(m_shownStreams)) {
            const qint64 started = sources()->startedAtMs(stream);
            if (started > 0)
                from = std::min(from, started);
            if (const ConnectionHistory *history = sources()->history(stream); history && !history->events().empty())
                from = std::min(from, history->events().front().timeMs);
        }
    }
    if (from == m_model->fromMs() && tick.nowMs == m_model->toMs())
        m_model->refresh();
    else
        m_model->setRange(from, tick.nowMs);
}

void ConnectionTimelinePanel::setDarkTheme(bool dark)
{
    m_view->setDarkTheme(dark);
}
