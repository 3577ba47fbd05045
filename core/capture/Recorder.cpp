#include "Recorder.h"

#include "CaptureJournal.h"
#include "CaptureWriter.h"
#include "CapturedEvent.h"
#include "EventSource.h"
#include "StreamDiagnosis.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileDevice>
#include <QMetaMethod>
#include <QTimer>

#include <cstring>
#include <optional>
#include <utility>
#include <vector>

namespace {

struct Stream
{
    QString url;
    EventSourceOptions options;
    EventSource *source = nullptr;
    bool ended = false;
    // The last numeric id seen, to notice ids going back; compared only when the bytes change.
    QByteArray lastId;
    std::optional<qint64> lastNumericId;
    int lastConnection = 0;
};

// Ids of up to 18 decimal digits, read without a conversion call: this runs for most events.
std::optional<qint64> numericId(QByteArrayView id)
{
    if (id.isEmpty() || id.size() > 18)
        return std::nullopt;
    qint64 value = 0;
    for (const char c : id) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace

class Recorder::Private
{
public:
    Private(Recorder *q, CaptureWriter *writer)
        : q(q)
        , writer(writer)
    {
        flushTimer.setSingleShot(true);
        flushTimer.setInterval(0);
        durationTimer.setSingleShot(true);
        syncTimer.setSingleShot(true);
    }

    void onEvents(Stream &stream, const SseEventBatch &events);
    void checkId(Stream &stream, QByteArrayView id, int connection);
    void onStreamEnded(Stream &stream);
    void flush();
    void sync();
    void reportOutputFailure(const QString &reason);
    void finish();

    Recorder *q;
    CaptureWriter *writer;
    std::vector<std::unique_ptr<Stream>> streams;
    QTimer flushTimer;    // coalesces the events of one batch into one flush
    QTimer durationTimer;
    QTimer syncTimer;     // syncs what the last batches flushed when no later batch did
    QElapsedTimer sinceSync;
    QFileDevice *syncFile = nullptr;
    bool unsynced = false;
    qint64 maxEvents = 0;
    int durationMs = 0;
    qint64 eventCount = 0;
    int endedStreams = 0;
    bool running = false;
    bool started = false;
    bool recordComments = false;
    bool anyFailed = false;
    bool outputFailed = false;
    std::optional<int> stopCode;
};

void Recorder::Private::onEvents(Stream &stream, const SseEventBatch &events)
{
    if (!running)
        return;
    // The events of one read arrived together: one receive time for them all.
    const qint64 receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    const int connection = stream.source->connectionCount();
    static const QMetaMethod recorded = QMetaMethod::fromSignal(&Recorder::eventRecorded);
    const bool announce = q->isSignalConnected(recorded);
    const qsizetype comments = recordComments ? events.commentCount() : 0;
    qsizetype nextComment = 0;
    auto writeCommentsBefore = [&](qsizetype event) {
        for (; nextComment < comments && events.eventsBeforeComment(nextComment) <= event; ++nextComment)
            writer->writeComment(stream.url, events.comment(nextComment), receivedAtMs);
    };
    for (qsizetype i = 0; i < events.size(); ++i) {
        writeCommentsBefore(i);
        writer->writeBatchEvent(stream.url, events, i, receivedAtMs, connection);
        const QByteArrayView id = events.lastEventId(i);
        if (id != QByteArrayView(stream.lastId))
            checkId(stream, id, connection);
        ++eventCount;
        if (announce) {
            Q_EMIT q->eventRecorded(stream.url, events.event(i), receivedAtMs);
            if (!running)
                return; // stopped by a receiver, after a flush that holds this event
        }
        if (maxEvents > 0 && eventCount >= maxEvents) {
            finish(); // closes every source: events still undelivered are dropped
            return;
        }
    }
    writeCommentsBefore(events.size());
    if (!flushTimer.isActive())
        flushTimer.start();
}

void Recorder::Private::checkId(Stream &stream, QByteArrayView id, int connection)
{
    const std::optional<qint64> current = numericId(id);
    if (current && stream.lastNumericId && *current < *stream.lastNumericId) {
        Q_EMIT q->idsWentBack(stream.url, QString::fromUtf8(stream.lastId), QString::fromUtf8(id),
                              stream.lastConnection != connection);
    }
    // Into the buffer it has: no allocation per event.
    stream.lastId.resize(id.size());
    std::memcpy(stream.lastId.data(), id.data(), size_t(id.size()));
    stream.lastNumericId = current;
    stream.lastConnection = connection;
}

void Recorder::Private::onStreamEnded(Stream &stream)
{
    if (stream.ended)
        return;
    stream.ended = true;
    if (++endedStreams == int(streams.size()) && running)
        finish();
}

void Recorder::Private::flush()
{
    if (!writer->flush()) {
        reportOutputFailure(writer->errorString());
        return;
    }
    if (!syncFile)
        return;
    unsynced = true;
    const qint64 elapsed = sinceSync.isValid() ? sinceSync.elapsed() : CaptureJournal::SyncIntervalMs;
    if (elapsed >= CaptureJournal::SyncIntervalMs)
        sync();
    else if (!syncTimer.isActive())
        syncTimer.start(int(CaptureJournal::SyncIntervalMs - elapsed));
}

void Recorder::Private::sync()
{
    syncTimer.stop();
    if (!syncFile || !unsynced || outputFailed)
        return;
    unsynced = false;
    sinceSync.start();
    QString reason;
    if (!CaptureJournal::syncToDisk(*syncFile, &reason))
        reportOutputFailure(reason);
}

void Recorder::Private::reportOutputFailure(const QString &reason)
{
    if (outputFailed)
        return;
    outputFailed = true;
    Q_EMIT q->outputFailed(reason);
    finish();
}

void Recorder::Private::finish()
{
    if (!running)
        return;
    running = false;
    durationTimer.stop();
    flushTimer.stop();
    for (const auto &stream : streams)
        stream->source->close();
    flush();
    sync();
    // Queued, so that a recording that ends inside start() still reports to a caller that is
    // about to enter the event loop.
    QMetaObject::invokeMethod(q, [this] { Q_EMIT q->finished(q->exitCode()); }, Qt::QueuedConnection);
}

Recorder::Recorder(CaptureWriter *writer, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, writer))
{
    connect(&d->flushTimer, &QTimer::timeout, this, [this] { d->flush(); });
    connect(&d->durationTimer, &QTimer::timeout, this, [this] { d->finish(); });
    connect(&d->syncTimer, &QTimer::timeout, this, [this] { d->sync(); });
}

Recorder::~Recorder() = default;

void Recorder::addStream(const EventSourceOptions &options, const QString &url)
{
    Q_ASSERT(!d->started);
    auto stream = std::make_unique<Stream>();
    stream->options = options;
    stream->url = url.isEmpty() ? options.url.toString() : url;
    d->streams.push_back(std::move(stream));
}

void Recorder::setMaxEvents(qint64 count)
{
    d->maxEvents = qMax<qint64>(0, count);
}

void Recorder::setDurationMs(int ms)
{
    d->durationMs = qMax(0, ms);
}

void Recorder::setSyncFile(QFileDevice *file)
{
    d->syncFile = file;
}

void Recorder::setRecordComments(bool record)
{
    d->recordComments = record && d->writer->writesComments();
}

void Recorder::start()
{
    Q_ASSERT(!d->started);
    d->started = true;
    d->running = true;
    d->writer->begin();
    if (d->streams.empty()) {
        d->finish();
        return;
    }
    if (d->durationMs > 0)
        d->durationTimer.start(d->durationMs);

    for (const auto &owned : d->streams) {
        Stream &stream = *owned;
        auto *source = new EventSource(stream.options, this);
        stream.source = source;
        connect(source, &EventSource::opened, this,
                [this, &stream] { Q_EMIT streamOpened(stream.url, stream.source->connectionCount()); });
        auto *diagnosis = new StreamDiagnosis(source, source);
        connect(diagnosis, &StreamDiagnosis::notice, this,
                [this, &stream](const StreamNotice &notice) { Q_EMIT this->notice(stream.url, notice.text); });
        connect(source, &EventSource::eventsReceived, this,
                [this, &stream](const SseEventBatch &events) { d->onEvents(stream, events); });
        connect(source, &EventSource::reconnectScheduled, this,
                [this, &stream](int attempt, int delayMs, const QString &reason) {
                    Q_EMIT reconnectScheduled(stream.url, attempt, delayMs, reason);
                });
        connect(source, &EventSource::closedByServer, this, [this, &stream](const QString &reason) {
            Q_EMIT streamClosedByServer(stream.url, reason);
            d->onStreamEnded(stream);
        });
        connect(source, &EventSource::failed, this, [this, &stream](const QString &reason) {
            d->anyFailed = true;
            Q_EMIT streamFailed(stream.url, reason);
            d->onStreamEnded(stream);
        });
    }

    for (const auto &owned : d->streams) {
        if (!d->running)
            break;
        Stream &stream = *owned;
        if (!stream.options.url.isValid()) {
            stream.source->close();
            d->anyFailed = true;
            // QUrl's message goes on to repeat the whole URL and its parts.
            const QString problem = stream.options.url.errorString().section(QLatin1String("; source was"), 0, 0);
            Q_EMIT streamFailed(stream.url, QStringLiteral("Invalid URL (%1)").arg(problem));
            d->onStreamEnded(stream);
            continue;
        }
        stream.source->open();
    }
}

void Recorder::stop()
{
    d->finish();
}

void Recorder::stop(int exitCode)
{
    if (!d->running)
        return;
    d->stopCode = exitCode;
    d->finish();
}

bool Recorder::isRunning() const
{
    return d->running;
}

qint64 Recorder::eventCount() const
{
    return d->eventCount;
}

int Recorder::exitCode() const
{
    if (d->outputFailed)
        return OutputError;
    if (d->stopCode)
        return *d->stopCode;
    return d->anyFailed ? StreamFailed : Success;
}
