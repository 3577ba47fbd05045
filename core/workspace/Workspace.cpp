#include "Workspace.h"

#include "CaptureJournal.h"
#include "CertificatePin.h"
#include "CaptureReader.h"
#include "CaptureStore.h"
#include "DemoServer.h"
#include "DemoStream.h"
#include "EventSource.h"
#include "SessionFile.h"
#include "WorkspaceAlerts.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QStandardPaths>

#include <algorithm>

namespace {

constexpr qint64 MiB = 1024 * 1024;

} // namespace

Workspace::Workspace(QObject *parent)
    : QObject(parent)
    , m_demo(std::make_unique<DemoServer>())
{
    m_tick.setInterval(DefaultTickIntervalMs);
    connect(&m_tick, &QTimer::timeout, this, &Workspace::tick);
    m_tick.start();
    connect(m_demo.get(), &DemoServer::runningChanged, this, &Workspace::demoServerRunningChanged);
    m_alerts = new WorkspaceAlerts(this, this);
    connect(m_alerts, &WorkspaceAlerts::rulesChanged, this, [this] { setModified(); });
}

Workspace::~Workspace()
{
    setJournalEnabled(false);
    // Streams close before the demo server they may be connected to.
    for (Stream *stream : std::exchange(m_streams, {})) {
        stream->close();
        delete stream;
    }
}

Stream *Workspace::adopt(Stream *stream, int colorIndex)
{
    stream->setParent(this);
    stream->setColorIndex(colorIndex >= 0 ? colorIndex : freeColorIndex());
    applyLimits(stream);
    m_streams.push_back(stream);
    connect(stream, &Stream::eventsAdded, this, [this, stream](const QList<CapturedEvent> &events) {
        if (m_journal && !stream->isOffline())
            m_journal->append(events);
        Q_EMIT eventsAdded(stream, events);
    });
    connect(stream, &Stream::commentsAdded, this,
            [this, stream](const QList<StreamComment> &comments) { Q_EMIT commentsAdded(stream, comments); });
    connect(stream, &Stream::connectionEvent, this,
            [this, stream](const ConnectionEvent &event) { Q_EMIT connectionEvent(stream, event); });
    connect(stream, &Stream::changed, this, [this, stream] { Q_EMIT streamChanged(stream); });
    Q_EMIT streamAdded(stream);
    return stream;
}

int Workspace::freeColorIndex() const
{
    for (int index = 0;; ++index) {
        const bool taken = std::any_of(m_streams.cbegin(), m_streams.cend(),
                                       [index](const Stream *s) { return s->colorIndex() == index; });
        if (!taken)
            return index;
    }
}

void Workspace::applyLimits(Stream *stream) const
{
    stream->capture()->setMaxEvents(qsizetype(m_limits.captureMaxEvents));
    stream->capture()->setMaxBytes(m_limits.captureMaxMiB * MiB);
    stream->fields()->setPointCap(m_limits.chartPoints);
}

Stream *Workspace::addStream(const EventSourceOptions &options, const QString &name, bool open, int colorIndex)
{
    auto *stream = adopt(new Stream(m_nextId++, options, name), colorIndex);
    setModified();
    if (open)
        stream->open();
    return stream;
}

Stream *Workspace::demoStream() const
{
    const auto it = std::find_if(m_streams.cbegin(), m_streams.cend(),
                                 [](const Stream *s) { return s->isDemo(); });
    return it == m_streams.cend() ? nullptr : *it;
}

Stream *Workspace::startDemo(int intervalMs)
{
    return startDemo(intervalMs, tr("Demo"), -1);
}

Stream *Workspace::startDemo(int intervalMs, const QString &name, int colorIndex)
{
    if (!m_demo->start(intervalMs))
        return nullptr;
    const QUrl url = m_demo->url();
    if (Stream *existing = demoStream()) {
        if (existing->url() != url) {
            EventSourceOptions options = existing->options();
            options.url = url;
            existing->setOptions(options);
        }
        return existing;
    }
    EventSourceOptions options;
    options.url = url;
    auto *stream = new Stream(m_nextId++, options, name);
    stream->setDemo(true);
    adopt(stream, colorIndex);
    setModified();
    stream->open();
    return stream;
}

bool Workspace::setDemoServerRunning(bool running)
{
    if (!running) {
        m_demo->stop();
        return true;
    }
    return m_demo->wasStarted() && m_demo->start();
}

QList<Stream *> Workspace::openCapture(const QString &path, QString *errorMessage, QString *warning)
{
    QList<CapturedEvent> events;
    QString readError;
    const bool complete = CaptureReader::readFile(path, events, &readError);
    const QString file = QDir::toNativeSeparators(path);
    if (events.isEmpty()) {
        if (errorMessage) {
            *errorMessage = complete ? tr("%1 holds no events.").arg(file)
                                     : tr("Cannot open the capture %1: %2").arg(file, readError);
        }
        return {};
    }
    if (warning)
        *warning = complete ? QString() : readError;

    // One offline stream per URL, in the order they first appear; events a raw
    // text/event-stream capture does not attribute go to one named after the file.
    const QString unnamed = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString();
    QStringList urls;
    QHash<QString, QList<CapturedEvent>> byUrl;
    for (CapturedEvent &event : events) {
        if (event.url.isEmpty())
            event.url = unnamed;
        if (!event.receivedAt.isValid())
            event.receivedAt = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
        auto it = byUrl.find(event.url);
        if (it == byUrl.end()) {
            urls.append(event.url);
            it = byUrl.insert(event.url, {});
        }
        it->append(event);
    }
    QList<Stream *> opened;
    for (const QString &url : std::as_const(urls)) {
        const QUrl streamUrl(url);
        const QString name = tr("%1 (capture)").arg(Stream::defaultName(streamUrl));
        Stream *stream = adopt(new Stream(m_nextId++, streamUrl, name, byUrl[url]));
        stream->flush();
        opened.append(stream);
    }
    return opened;
}

void Workspace::editStream(Stream *stream, const EventSourceOptions &options, const QString &name)
{
    if (indexOf(stream) < 0 || stream->isOffline())
        return;
    stream->setName(name);
    stream->setOptions(options);
    setModified();
}

void Workspace::removeStream(Stream *stream)
{
    const int index = indexOf(stream);
    if (index < 0)
        return;
    // Closing announces the last events and the close while the stream is still listed: nothing
    // about it follows streamAboutToBeRemoved().
    stream->close();
    Q_EMIT streamAboutToBeRemoved(stream);
    m_streams.erase(m_streams.begin() + index);
    const Stream::Id id = stream->id();
    stream->disconnect(this);
    stream->deleteLater();
    setModified();
    Q_EMIT streamRemoved(id);
}

void Workspace::removeAllStreams()
{
    while (!m_streams.empty())
        removeStream(m_streams.back());
}

Stream *Workspace::stream(Stream::Id id) const
{
    const auto it = std::find_if(m_streams.cbegin(), m_streams.cend(),
                                 [id](const Stream *s) { return s->id() == id; });
    return it == m_streams.cend() ? nullptr : *it;
}

int Workspace::indexOf(const Stream *stream) const
{
    const auto it = std::find(m_streams.cbegin(), m_streams.cend(), stream);
    return it == m_streams.cend() ? -1 : int(it - m_streams.cbegin());
}

bool Workspace::containsUrl(const QUrl &url, const Stream *except) const
{
    return std::any_of(m_streams.cbegin(), m_streams.cend(), [&](const Stream *s) {
        return s != except && !s->isOffline() && s->url() == url;
    });
}

void Workspace::setLimits(const Limits &limits)
{
    const Limits bounded = limits.bounded();
    if (bounded == m_limits)
        return;
    m_limits = bounded;
    for (Stream *stream : m_streams)
        applyLimits(stream);
    enforceCaptureBudget();
    setModified();
    Q_EMIT limitsChanged(m_limits);
}

void Workspace::enforceCaptureBudget()
{
    const qint64 budget = qint64(m_limits.captureTotalMiB) * MiB;
    qint64 total = capturedBytes();
    if (total <= budget)
        return;
    // The oldest events go first, whichever stream holds them: the captures together are one
    // window on the recent past.
    std::vector<std::pair<qint64, CaptureStore *>> candidates;
    for (Stream *stream : std::as_const(m_streams)) {
        if (!stream->capture()->isEmpty())
            candidates.emplace_back(stream->capture()->oldestReceivedAtMs(), stream->capture());
    }
    while (total > budget && !candidates.empty()) {
        const auto oldest = std::min_element(candidates.begin(), candidates.end(),
                                             [](const auto &a, const auto &b) { return a.first < b.first; });
        CaptureStore *capture = oldest->second;
        const qint64 before = capture->byteSize();
        if (capture->dropOldestBlock() == 0) {
            candidates.erase(oldest); // its newest block stays
            continue;
        }
        total -= before - capture->byteSize();
        oldest->first = capture->oldestReceivedAtMs();
    }
}

qint64 Workspace::capturedCount() const
{
    qint64 total = 0;
    for (const Stream *stream : m_streams)
        total += stream->capture()->size() + stream->pendingCount();
    return total;
}

qint64 Workspace::notChartedCount() const
{
    qint64 total = 0;
    for (const Stream *stream : m_streams)
        total += stream->notChartedCount();
    return total;
}

qint64 Workspace::capturedDroppedCount() const
{
    qint64 total = 0;
    for (const Stream *stream : m_streams)
        total += stream->capture()->droppedCount();
    return total;
}

qint64 Workspace::capturedBytes() const
{
    qint64 total = 0;
    for (const Stream *stream : m_streams)
        total += stream->capture()->byteSize();
    return total;
}

qint64 Workspace::chartSampleCount() const
{
    qint64 total = 0;
    for (const Stream *stream : m_streams)
        total += stream->fields()->sampleCount();
    return total;
}

qint64 Workspace::chartDroppedSampleCount() const
{
    qint64 total = 0;
    for (const Stream *stream : m_streams)
        total += stream->fields()->droppedSampleCount();
    return total;
}

QList<CapturedEvent> Workspace::capturedEvents(const QList<Stream::Id> &ids, qint64 fromMs, qint64 toMs) const
{
    const bool ranged = fromMs <= toMs;
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(fromMs, Qt::UTC);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(toMs, Qt::UTC);
    QList<CapturedEvent> events;
    int streams = 0;
    for (Stream *stream : m_streams) {
        if (!ids.contains(stream->id()))
            continue;
        stream->flush();
        ++streams;
        const CaptureStore *capture = stream->capture();
        events.append(ranged ? capture->eventsBetween(from, to) : capture->events());
    }
    // Each store is in receive order; several streams interleave by receive time.
    if (streams > 1) {
        std::stable_sort(events.begin(), events.end(), [](const CapturedEvent &a, const CapturedEvent &b) {
            return a.receivedAt < b.receivedAt;
        });
    }
    return events;
}

QString Workspace::journalDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("journal"));
}

QString Workspace::journalPath() const
{
    return m_journal ? m_journal->path() : QString();
}

bool Workspace::setJournalEnabled(bool enabled, QString *errorMessage)
{
    if (enabled == isJournalEnabled())
        return true;
    if (!enabled) {
        for (Stream *stream : m_streams)
            stream->flush();
        const QString path = m_journal->path();
        const bool closed = m_journal->close();
        const QString error = m_journal->errorString();
        m_journal.reset();
        if (!closed && errorMessage)
            *errorMessage = tr("The journal %1 could not be completed: %2").arg(QDir::toNativeSeparators(path), error);
        Q_EMIT journalChanged(false);
        return closed;
    }

    const QString folder = journalDirectory();
    const QString stem = QDir(folder).filePath(
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("'capture-'yyyyMMdd-HHmmss-zzz")));
    // A journal of the same millisecond would be replaced when this one closes.
    QString path = stem + QStringLiteral(".jsonl");
    for (int n = 2; QFileInfo::exists(path) || QFileInfo::exists(CaptureJournal::journalPathFor(path)); ++n)
        path = stem + QStringLiteral("-%1.jsonl").arg(n);
    auto journal = std::make_unique<CaptureJournal>();
    if (!QDir().mkpath(folder) || !journal->open(path)) {
        if (errorMessage) {
            *errorMessage = tr("Cannot journal to %1: %2")
                                .arg(QDir::toNativeSeparators(folder),
                                     journal->errorString().isEmpty() ? tr("the folder cannot be created")
                                                                      : journal->errorString());
        }
        return false;
    }
    // Queued: the journal is inside append() when it reports.
    connect(journal.get(), &CaptureJournal::failed, this, [this](const QString &reason) {
        setJournalEnabled(false);
        Q_EMIT journalFailed(reason);
    }, Qt::QueuedConnection);
    m_journal = std::move(journal);
    Q_EMIT journalChanged(true);
    return true;
}

SessionData Workspace::toSession() const
{
    SessionData session;
    for (const Stream *stream : m_streams) {
        // A capture opened from a file is not a subscription.
        if (stream->isOffline())
            continue;
        const EventSourceOptions &options = stream->options();
        SubscriptionSettings sub;
        sub.name = stream->givenName();
        sub.url = options.url;
        for (const HttpHeader &header : options.headers) {
            sub.headers.append({QString::fromLatin1(header.first), QString::fromUtf8(header.second),
                                options.isSecretHeader(header.first)});
        }
        if (options.method != "GET")
            sub.method = QString::fromLatin1(options.method);
        sub.body = QString::fromUtf8(options.body);
        sub.bodySecret = options.secretBody;
        sub.reconnectMode = options.reconnectMode;
        sub.reconnectionTimeMs = options.reconnectionTimeMs;
        sub.maxBackoffMs = options.maxBackoffMs;
        sub.allowCompression = options.allowCompression;
        sub.idleTimeoutMs = options.idleTimeoutMs;
        sub.headerTimeoutMs = options.headerTimeoutMs;
        for (const QByteArray &pin : options.pinnedCertificates)
            sub.pinnedCertificates.append(QString::fromLatin1(pin));
        if (!options.lastEventId.isEmpty())
            sub.lastEventId = options.lastEventId;
        if (stream->fields()->timeSource() == StreamFieldStore::PayloadField)
            sub.timestampField = stream->fields()->timeFieldPath();
        sub.demo = stream->isDemo();
        sub.colorIndex = stream->colorIndex();
        sub.units = stream->units();
        sub.derivedSeries = stream->fields()->derivedKeys();
        session.subscriptions.append(sub);
    }
    session.eventLogCap = m_limits.logRows;
    session.pointCap = m_limits.chartPoints;
    session.captureMaxEvents = m_limits.captureMaxEvents;
    session.captureMaxMiB = m_limits.captureMaxMiB;
    session.captureTotalMiB = m_limits.captureTotalMiB;
    session.journal = isJournalEnabled();
    session.alertRules = m_alerts->toSettings();
    session.alertNotifications = m_alerts->desktopNotifications();
    session.alertSound = m_alerts->sound();
    return session;
}

void Workspace::applySession(const SessionData &session, QStringList *withheld)
{
    removeAllStreams();
    Limits limits;
    limits.logRows = session.eventLogCap;
    limits.chartPoints = session.pointCap;
    limits.captureMaxEvents = session.captureMaxEvents;
    limits.captureMaxMiB = session.captureMaxMiB;
    limits.captureTotalMiB = session.captureTotalMiB;
    setLimits(limits);
    setJournalEnabled(session.journal);

    for (const SubscriptionSettings &sub : session.subscriptions) {
        Stream *stream = nullptr;
        if (sub.demo) {
            stream = startDemo(DemoStream::DefaultIntervalMs, sub.name.isEmpty() ? tr("Demo") : sub.name,
                               sub.colorIndex);
            if (!stream) {
                Q_EMIT sessionStreamSkipped(tr("The demo stream was not restored: %1").arg(m_demo->errorString()));
                continue;
            }
        } else {
            EventSourceOptions options;
            options.url = sub.url;
            for (const SessionHeader &header : sub.headers) {
                const QByteArray name = header.name.toLatin1();
                options.headers.append({name, header.value.toUtf8()});
                if (header.secret && !SessionFile::isSecretHeaderName(header.name))
                    options.secretHeaderNames.append(name);
                const bool secret = header.secret || SessionFile::isSecretHeaderName(header.name);
                if (secret && header.value.isEmpty() && withheld) {
                    withheld->append(tr("%1: %2").arg(sub.name.isEmpty() ? Stream::defaultName(sub.url) : sub.name,
                                                      header.name));
                }
            }
            if (!sub.method.isEmpty())
                options.method = sub.method.toLatin1();
            options.body = sub.body.toUtf8();
            options.secretBody = sub.bodySecret;
            if (sub.bodySecret && sub.body.isEmpty() && withheld) {
                withheld->append(tr("%1: the request body").arg(sub.name.isEmpty() ? Stream::defaultName(sub.url)
                                                                                     : sub.name));
            }
            options.reconnectMode = sub.reconnectMode;
            options.reconnectionTimeMs = sub.reconnectionTimeMs;
            options.maxBackoffMs = sub.maxBackoffMs;
            options.allowCompression = sub.allowCompression;
            options.idleTimeoutMs = sub.idleTimeoutMs;
            options.headerTimeoutMs = sub.headerTimeoutMs;
            for (const QString &pin : sub.pinnedCertificates) {
                const QByteArray normalized = CertificatePin::normalized(pin.toLatin1());
                if (!normalized.isEmpty())
                    options.pinnedCertificates.append(normalized);
            }
            options.lastEventId = sub.lastEventId.value_or(QString());
            stream = addStream(options, sub.name, false, sub.colorIndex);
        }
        if (!sub.timestampField.isEmpty())
            stream->setTimeSource(StreamFieldStore::PayloadField, sub.timestampField);
        for (auto it = sub.units.cbegin(); it != sub.units.cend(); ++it)
            stream->setUnit(it.key(), it.value());
        for (const QString &spec : sub.derivedSeries) {
            QString error;
            if (!stream->fields()->addDerived(spec, &error))
                Q_EMIT sessionStreamSkipped(tr("%1: the derived series %2 was not restored: %3").arg(stream->name(), spec, error));
        }
        if (!stream->isDemo())
            stream->open();
    }
    m_alerts->setDesktopNotifications(session.alertNotifications);
    m_alerts->setSound(session.alertSound);
    QStringList problems;
    m_alerts->applySettings(session.alertRules, &problems);
    for (const QString &problem : std::as_const(problems))
        Q_EMIT sessionStreamSkipped(problem);
    setModified(false);
}

void Workspace::setModified(bool modified)
{
    if (modified == m_modified)
        return;
    m_modified = modified;
    Q_EMIT modifiedChanged(modified);
}

void Workspace::setTickInterval(int ms)
{
    if (ms <= 0) {
        m_tick.stop();
        return;
    }
    m_tick.setInterval(ms);
    m_tick.start();
}

void Workspace::tick()
{
    // How many events the charts can take in this tick, from what they cost in the last ones;
    // each stream gets its share by how many it has waiting.
    qsizetype pending = 0;
    for (const Stream *stream : std::as_const(m_streams))
        pending += stream->pendingCount();
    const double capacity = m_plotNsPerEvent > 0 ? PlotBudgetMs * 1e6 / m_plotNsPerEvent : -1;
    m_shedding = capacity > 0 && double(pending) > capacity;
    qint64 plotNs = 0;
    qsizetype plotted = 0;
    for (Stream *stream : std::as_const(m_streams)) {
        qsizetype limit = -1;
        if (m_shedding)
            limit = qMax<qsizetype>(1, qsizetype(capacity * double(stream->pendingCount()) / double(pending)));
        const bool flushed = stream->pendingCount() > 0;
        stream->flush(limit);
        stream->advance();
        if (flushed) {
            plotNs += stream->lastPlotNanoseconds();
            plotted += stream->lastPlottedCount();
        }
    }
    enforceCaptureBudget();
    if (plotted >= 100) {
        const double cost = double(plotNs) / double(plotted);
        m_plotNsPerEvent = m_plotNsPerEvent > 0 ? 0.8 * m_plotNsPerEvent + 0.2 * cost : cost;
    }
    Q_EMIT ticked();
    if (!m_tick.isActive() || ++m_ticksSinceText >= TextTickEvery) {
        m_ticksSinceText = 0;
        Q_EMIT textTicked();
    }
}
