#include "Stream.h"

#include "CaptureStore.h"
#include "EventSource.h"
#include "SteadyClock.h"
#include "StreamDiagnosis.h"
#include "Utf8Decoder.h"

#include <QDateTime>

Stream::Stream(Id id, const EventSourceOptions &options, const QString &name, QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_name(name)
    , m_options(options)
    , m_urlText(options.url.toDisplayString())
    , m_capture(new CaptureStore(this))
    , m_fields(new StreamFieldStore(this))
    , m_statistics(steadyClockMs())
    , m_createdAtMs(QDateTime::currentMSecsSinceEpoch())
{
    m_rateHistory.advance(m_createdAtMs);
    m_source = std::make_unique<EventSource>(m_options);
    connectSource();
}

Stream::Stream(Id id, const QUrl &url, const QString &name, const QList<CapturedEvent> &events,
               QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_name(name)
    , m_urlText(url.toDisplayString())
    , m_offline(true)
    , m_capture(new CaptureStore(this))
    , m_fields(new StreamFieldStore(this))
{
    m_options.url = url;
    m_history.setStatus(StreamStatus::Offline, tr("Offline capture"));
    m_createdAtMs = events.isEmpty() ? QDateTime::currentMSecsSinceEpoch()
                                     : events.constFirst().receivedAt.toMSecsSinceEpoch();
    qint64 lastMs = m_createdAtMs;
    for (const CapturedEvent &event : events) {
        m_statistics.countEvent(event.event.lastEventId, 0);
        // A capture holds no wire bytes: only events are counted.
        lastMs = event.receivedAt.toMSecsSinceEpoch();
        m_rateHistory.count(1, 0, lastMs);
    }
    // Nothing more arrives: the last second is complete.
    if (!events.isEmpty())
        m_rateHistory.advance(lastMs + StreamRateHistory::SecondMs);
    m_pending = events;
}

Stream::~Stream()
{
    if (m_source)
        m_source->disconnect(this);
}

QString Stream::name() const
{
    return m_name.isEmpty() ? defaultName(m_options.url) : m_name;
}

void Stream::setName(const QString &name)
{
    if (name == m_name)
        return;
    m_name = name;
    Q_EMIT changed();
}

QString Stream::defaultName(const QUrl &url)
{
    QString name = url.host();
    if (url.port() >= 0)
        name += u':' + QString::number(url.port());
    name += url.path();
    // Streams often differ only by their query ("?topic=a"): keep it, or their names collide.
    if (url.hasQuery())
        name += u'?' + url.query(QUrl::PrettyDecoded);
    return name;
}

namespace {

bool sameConnection(const EventSourceOptions &a, const EventSourceOptions &b)
{
    return a.url == b.url && a.method == b.method && a.body == b.body && a.secretBody == b.secretBody
        && a.headers == b.headers
        && a.secretHeaderNames == b.secretHeaderNames
        && a.reconnectMode == b.reconnectMode && a.reconnectionTimeMs == b.reconnectionTimeMs
        && a.maxBackoffMs == b.maxBackoffMs && a.jitter == b.jitter && a.idleTimeoutMs == b.idleTimeoutMs
        && a.headerTimeoutMs == b.headerTimeoutMs && a.pinnedCertificates == b.pinnedCertificates
        && a.allowCompression == b.allowCompression
        && a.lastEventId == b.lastEventId && a.maxEventSize == b.maxEventSize
        && a.readBufferSize == b.readBufferSize;
}

} // namespace

void Stream::setOptions(const EventSourceOptions &options)
{
    if (m_offline || sameConnection(options, m_options))
        return;
    flush();
    const bool wasRunning = m_source && m_source->readyState() != EventSource::ReadyState::Closed;
    const bool sameUrl = options.url == m_options.url;
    // The old connection ends on purpose: no outage, no lost connection.
    if (wasRunning)
        record({ConnectionEvent::Kind::Closed, wallNow(), tr("Closed to apply new settings"), connectionNumber()});
    m_connectionOffset = connectionNumber();
    if (m_source) {
        m_source->disconnect(this);
        m_source->close();
    }
    m_options = options;
    m_urlText = options.url.toDisplayString();
    // The same stream resumes where it was; another URL starts a sequence of ids of its own.
    EventSourceOptions connection = m_options;
    if (sameUrl && connection.lastEventId.isEmpty())
        connection.lastEventId = m_statistics.lastEventId();
    if (!sameUrl)
        m_statistics.startNewIdSequence();
    m_source = std::make_unique<EventSource>(connection);
    connectSource();
    Q_EMIT changed();
    if (wasRunning)
        open();
}

void Stream::setUnit(const QString &key, const QString &unit)
{
    const QString trimmed = unit.trimmed();
    if (m_units.value(key) == trimmed)
        return;
    if (trimmed.isEmpty())
        m_units.remove(key);
    else
        m_units.insert(key, trimmed);
    Q_EMIT changed();
}

void Stream::open()
{
    if (m_source)
        m_source->open();
}

void Stream::close()
{
    if (!m_source || m_source->readyState() == EventSource::ReadyState::Closed)
        return;
    m_source->close();
    record({ConnectionEvent::Kind::Closed, wallNow(), tr("Closed"), connectionNumber()});
}

void Stream::connectSource()
{
    EventSource *source = m_source.get();
    using Kind = ConnectionEvent::Kind;
    connect(source, &EventSource::opened, this, [this] {
        m_statistics.countOpened();
        record({Kind::Opened, wallNow(), {}, connectionNumber()});
    });
    connect(source, &EventSource::readyStateChanged, this,
            [this](EventSource::ReadyState state, const QString &reason) {
                // An open connection that goes back to connecting was lost; the rest is said
                // by the signals that follow (reconnect scheduled, failed, ended).
                if (state == EventSource::ReadyState::Connecting && status() == StreamStatus::Open)
                    record({Kind::Lost, wallNow(), reason, connectionNumber()});
            });
    connect(source, &EventSource::reconnectScheduled, this,
            [this](int attempt, int delayMs, const QString &reason) {
                m_statistics.countAttempt();
                record({Kind::ReconnectScheduled, wallNow(), reason, connectionNumber(), attempt, delayMs});
            });
    connect(source, &EventSource::failed, this, [this](const QString &reason) {
        record({Kind::Failed, wallNow(), reason, connectionNumber()});
    });
    connect(source, &EventSource::closedByServer, this, [this](const QString &reason) {
        record({Kind::EndedByServer, wallNow(), reason, connectionNumber()});
    });
    connect(source, &EventSource::bytesArrived, this,
            [this](qint64 count) {
                m_statistics.countBytes(count, monotonicNow());
                m_rateHistory.count(0, count, wallNow());
            });
    m_diagnosis = new StreamDiagnosis(source, source);
    m_diagnosis->setClock([this] { return monotonicNow(); });
    connect(source, &EventSource::requestSent, this, [this] {
        if (!m_notices.isEmpty()) {
            m_notices.clear();
            Q_EMIT changed();
        }
    });
    connect(m_diagnosis, &StreamDiagnosis::notice, this, [this](const StreamNotice &notice) {
        m_notices.append(notice);
        record({Kind::Notice, wallNow(), notice.text, connectionNumber()});
    });
    connect(source, &EventSource::eventsReceived, this, [this](const SseEventBatch &events) {
        // The events of one read arrived together: one receive time for them all.
        const qint64 nowMs = wallNow();
        const qint64 monotonicMs = monotonicNow();
        const QDateTime receivedAt = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
        const int connection = connectionNumber();
        if (events.commentCount() > 0) {
            m_statistics.countComments(events.commentCount());
            for (qsizetype i = 0; i < events.commentCount(); ++i)
                m_pendingComments.append({Utf8Decoder::decode(events.comment(i)), receivedAt, connection, m_urlText});
        }
        for (qsizetype i = 0; i < events.size(); ++i) {
            const QString previousId = m_statistics.lastEventId();
            m_pending.append(CapturedEvent{m_urlText, events.event(i), receivedAt, connection});
            const QString &id = m_pending.constLast().event.lastEventId;
            if (m_statistics.countEvent(id, monotonicMs) == StreamStatistics::IdChange::Reset)
                record({Kind::IdReset, nowMs, tr("from %1 to %2").arg(previousId, id), connection});
        }
        m_rateHistory.count(events.size(), 0, nowMs);
    });
}

void Stream::record(ConnectionEvent event)
{
    // The events that came before the change are announced before it.
    flush();
    if (!m_history.record(event))
        return;
    Q_EMIT connectionEvent(event);
    Q_EMIT changed();
}

int Stream::connectionNumber() const
{
    return m_connectionOffset + (m_source ? m_source->connectionCount() : 0);
}

qsizetype Stream::plot(const QList<CapturedEvent> &events, qsizetype stride)
{
    QList<SseEvent> run;
    QList<qint64> times;
    auto plotRun = [&] {
        m_fields->addEvents(run, times);
        run.clear();
        times.clear();
    };
    qsizetype plotted = 0;
    const qsizetype count = events.size();
    for (qsizetype i = count > 0 ? (count - 1) % stride : 0; i < count; i += stride) {
        const CapturedEvent &event = events.at(i);
        // Samples of two connections are never joined by a line.
        if (event.connection != m_plottedConnection) {
            plotRun();
            if (m_plottedConnection != 0)
                m_fields->breakSeries();
            m_plottedConnection = event.connection;
        }
        run.append(event.event);
        times.append(event.receivedAt.toMSecsSinceEpoch());
        ++plotted;
    }
    plotRun();
    return plotted;
}

qint64 Stream::awaitingHeadersSinceMs() const
{
    return m_diagnosis ? m_diagnosis->awaitingHeadersSinceMs() : -1;
}

void Stream::flush(qsizetype plotLimit)
{
    if (!m_pendingComments.isEmpty() && m_pending.isEmpty()) {
        Q_EMIT commentsAdded(std::exchange(m_pendingComments, {}));
        return;
    }
    if (m_pending.isEmpty())
        return;
    const QList<CapturedEvent> batch = std::exchange(m_pending, {});
    m_capture->append(batch);
    const qsizetype stride = plotLimit > 0 && batch.size() > plotLimit
        ? (batch.size() + plotLimit - 1) / plotLimit : 1;
    m_fields->takeIngestNanoseconds();
    m_lastPlotted = plot(batch, stride);
    // Only what the fields spent: what charts do on changed() is per tick, not per event.
    m_lastPlotNs = m_fields->takeIngestNanoseconds();
    m_notCharted += batch.size() - m_lastPlotted;
    Q_EMIT eventsAdded(batch);
    if (!m_pendingComments.isEmpty())
        Q_EMIT commentsAdded(std::exchange(m_pendingComments, {}));
}

void Stream::setTimeSource(StreamFieldStore::TimeSource source, const QString &payloadPath)
{
    flush();
    const StreamFieldStore::TimeSource previous = m_fields->timeSource();
    const QString previousPath = m_fields->timeFieldPath();
    m_fields->setTimeSource(source, payloadPath);
    // The clock in use already: the store kept its samples, and replotting would add them twice.
    if (m_fields->timeSource() == previous && m_fields->timeFieldPath() == previousPath)
        return;
    m_plottedConnection = 0;
    constexpr qsizetype Chunk = 4096;
    for (qsizetype from = 0; from < m_capture->size(); from += Chunk) {
        QList<CapturedEvent> chunk;
        for (qsizetype i = from; i < qMin(from + Chunk, m_capture->size()); ++i)
            chunk.append(m_capture->at(i));
        plot(chunk);
    }
}

void Stream::advance()
{
    if (m_offline)
        return;
    m_statistics.advance(monotonicNow());
    m_rateHistory.advance(wallNow());
}

void Stream::setClocks(Clock wallClock, Clock monotonicClock)
{
    m_wallClock = std::move(wallClock);
    m_monotonicClock = std::move(monotonicClock);
    m_statistics = StreamStatistics(monotonicNow());
    if (!m_offline) {
        m_rateHistory.clear();
        m_createdAtMs = wallNow();
        m_rateHistory.advance(m_createdAtMs);
    }
}

qint64 Stream::wallNow() const
{
    return m_wallClock ? m_wallClock() : QDateTime::currentMSecsSinceEpoch();
}

qint64 Stream::monotonicNow() const
{
    return m_monotonicClock ? m_monotonicClock() : steadyClockMs();
}
