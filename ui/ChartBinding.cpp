#include "ChartBinding.h"

#include "ChartArea.h"
#include "ChartPanel.h"
#include "FieldPicker.h"
#include "Stream.h"
#include "StreamFieldStore.h"
#include "Workspace.h"
#include "WorkspaceAlerts.h"

#include <QHash>

#include <limits>
#include <optional>

ChartBinding::ChartBinding(Workspace *workspace, ChartArea *area, FieldPicker *picker, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_area(area)
{
    for (Stream *stream : workspace->streams())
        add(stream);
    connect(workspace, &Workspace::streamAdded, this, &ChartBinding::add);
    connect(workspace, &Workspace::streamAboutToBeRemoved, this,
            [this](Stream *stream) { m_area->removeStream(stream->fields()); });
    connect(workspace, &Workspace::streamChanged, this,
            [this](Stream *stream) { m_area->renameStream(stream->fields(), stream->name()); });
    connect(workspace, &Workspace::ticked, this, &ChartBinding::updateOutages);
    connect(picker, &FieldPicker::timeSourceChangeRequested, this,
            [this](StreamFieldStore *store, StreamFieldStore::TimeSource source, const QString &path) {
                for (Stream *stream : m_workspace->streams()) {
                    if (stream->fields() == store) {
                        stream->setTimeSource(source, path);
                        m_workspace->setModified();
                        // A capture opened offline has no "now" to follow: show all of it on
                        // the new clock.
                        if (stream->isOffline())
                            showWholeSpan({stream});
                    }
                }
            });
    connect(area, &ChartArea::plottedFieldsChanged, this, [this] { m_workspace->setModified(); });
    connect(area, &ChartArea::dashboardEdited, this, [this] { m_workspace->setModified(); });
    connect(workspace, &Workspace::eventsAdded, this, &ChartBinding::addTypedEvents);

    area->setFiringLookup([workspace](quint64 id, const QString &key) { return workspace->alerts()->isFiring(id, key); });
    area->setUnitLookup([workspace](quint64 id, const QString &key) {
        const Stream *stream = workspace->stream(id);
        return stream ? stream->unit(key) : QString();
    });
}

void ChartBinding::add(Stream *stream)
{
    // The demo alone on a fresh area opens a dashboard that shows what the panels can do.
    const bool firstLook = stream->isDemo() && m_area->streams().isEmpty()
        && m_area->layoutMode() != ChartArea::Dashboard;
    m_area->addStream(stream->fields(), stream->name(), stream->colorIndex(), stream->id());
    m_area->setConnectionSources(stream->fields(), &stream->history(), &stream->rateHistory(),
                                 stream->createdAtMs());
    if (firstLook)
        m_area->setDashboardLayout(DashboardLayout::defaultFor(stream->id(), QStringLiteral("/count")));
}

void ChartBinding::addTypedEvents(Stream *stream, const QList<CapturedEvent> &events)
{
    for (const CapturedEvent &captured : events) {
        const QString &type = captured.event.type;
        if (type.isEmpty() || type == u"message")
            continue;
        const QString label = captured.event.lastEventId.isEmpty()
            ? type : tr("%1 #%2").arg(type, captured.event.lastEventId);
        m_area->addTypedEvent(stream->fields(), captured.receivedAt.toMSecsSinceEpoch(), type, label);
    }
}

void ChartBinding::updateOutages()
{
    for (const Stream *stream : m_workspace->streams()) {
        const auto &outages = stream->history().outages();
        m_area->setOutages(stream->fields(), QList<std::pair<qint64, qint64>>(outages.cbegin(), outages.cend()));
    }
}

QStringList ChartBinding::plottedFields(const Stream *stream) const
{
    return m_area->plottedFields(stream->fields());
}

std::pair<qint64, qint64> ChartBinding::visibleRange() const
{
    qint64 from = std::numeric_limits<qint64>::max();
    qint64 to = std::numeric_limits<qint64>::min();
    for (StreamFieldStore *store : m_area->streams()) {
        ChartPanel *panel = m_area->panelFor(store);
        if (!panel || store->fieldPaths().isEmpty())
            continue;
        // A panel drawn on a payload clock is ahead of (or behind) the receive times.
        const auto [first, last] = panel->timeRange();
        const qint64 offset = store->clockOffsetMs();
        from = std::min(from, first - offset);
        to = std::max(to, last - offset);
    }
    return {from, to};
}

void ChartBinding::showWholeSpan(const QList<Stream *> &streams)
{
    if (m_area->layoutMode() != ChartArea::ChartPerStream)
        return;
    for (Stream *stream : streams) {
        ChartPanel *panel = m_area->panelFor(stream->fields());
        if (!panel)
            continue;
        // The span of the samples, on whichever clock the stream is drawn.
        if (const auto span = stream->fields()->timeSpan())
            panel->zoomToRange(span->first, std::max(span->second, span->first + 1));
    }
}

void ChartBinding::writeLayout(SessionData &session) const
{
    int index = 0;
    for (const Stream *stream : m_workspace->streams()) {
        if (stream->isOffline())
            continue;
        if (index < session.subscriptions.size())
            session.subscriptions[index].plottedFields = m_area->plottedFields(stream->fields());
        ++index;
    }
    session.timeWindowMs = ChartPanel::windowLengthMs(m_area->timeWindow());
    session.chartLayout = m_area->layoutMode() == ChartArea::SingleChart ? ChartArrangement::Single : ChartArrangement::PerStream;
    session.dashboard = {};
    if (m_area->layoutMode() == ChartArea::Dashboard) {
        // A session names streams by their place among the subscriptions.
        QHash<quint64, quint64> positions;
        quint64 position = 0;
        for (const Stream *stream : m_workspace->streams()) {
            if (!stream->isOffline())
                positions.insert(stream->id(), position++);
        }
        session.dashboard = m_area->dashboardLayout();
        session.dashboard.mapStreams([&](quint64 id) -> std::optional<quint64> {
            const auto it = positions.constFind(id);
            return it == positions.cend() ? std::nullopt : std::optional<quint64>(*it);
        });
    }
}

void ChartBinding::readLayout(const SessionData &session)
{
    m_area->setTimeWindow(ChartPanel::windowForLength(session.timeWindowMs));
    m_area->setLayoutMode(session.chartLayout == ChartArrangement::Single ? ChartArea::SingleChart
                                                                     : ChartArea::ChartPerStream);
    const int count = std::min<int>(m_workspace->count(), int(session.subscriptions.size()));
    if (!session.dashboard.isEmpty()) {
        DashboardLayout layout = session.dashboard;
        layout.mapStreams([&](quint64 position) -> std::optional<quint64> {
            if (position >= quint64(count))
                return std::nullopt;
            return m_workspace->streamAt(int(position))->id();
        });
        m_area->setDashboardLayout(layout);
        return;
    }
    for (int i = 0; i < count; ++i) {
        // An empty list would stop the first discovered field from being plotted.
        if (!session.subscriptions[i].plottedFields.isEmpty())
            m_area->setPlottedFields(m_workspace->streamAt(i)->fields(), session.subscriptions[i].plottedFields);
    }
}
