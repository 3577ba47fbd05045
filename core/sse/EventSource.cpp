#include "EventSource.h"

#include "CertificatePin.h"
#include "EventSourceRequest.h"
#include "FetchRequest.h"
#include "MimeType.h"
#include "ReconnectPolicy.h"
#include "SseParser.h"

#include <QIODevice>
#include <QMetaMethod>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>

#include <optional>

namespace {

constexpr int MaxRedirects = 20; // Fetch's limit

bool isRedirectStatus(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

QString httpReason(const QNetworkReply *reply, int status)
{
    const QString phrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    return phrase.isEmpty() ? QStringLiteral("HTTP %1").arg(status)
                            : QStringLiteral("HTTP %1 %2").arg(status).arg(phrase);
}

struct Outcome
{
    ConnectionVerdict verdict;
    QString reason;
    std::optional<int> retryAfterMs;
};

} // namespace

class EventSource::Private
{
public:
    Private(EventSource *q, EventSourceOptions options);

    void connectFromOriginalUrl();
    void sendRequest();

    void onMetaDataChanged(QNetworkReply *reply);
    void onReadyRead(QNetworkReply *reply);
    void onFinished(QNetworkReply *reply);
    void onSslErrors(QNetworkReply *reply, const QList<QSslError> &errors);

    void announce();
    void deliver(const SseEventBatch &events);
    SseEventBatch batch; // reused for every piece read
    Outcome outcomeOfUnannouncedResponse(QNetworkReply *reply, int status) const;
    Outcome outcomeOfTransportError(QNetworkReply *reply) const;
    bool followRedirect(QNetworkReply *reply, int status);
    void act(const Outcome &outcome);
    void scheduleReconnect(const QString &reason, std::optional<int> retryAfterMs);
    void fail(const QString &reason);
    void dropConnection();
    void setState(ReadyState state, const QString &reason);

    EventSource *q;
    EventSourceOptions options;
    QNetworkAccessManager *manager;
    SseParser parser;
    ReconnectPolicy policy;
    QTimer reconnectTimer;
    QTimer headerTimer; // the response head of the request in flight is overdue

    QNetworkReply *reply = nullptr;
    // Bumped whenever the current connection is replaced or closed, so that work still on the
    // stack for an old connection (events of one chunk being delivered) stops.
    quint64 generation = 0;
    std::optional<Outcome> decidedOutcome; // set before we abort a reply ourselves
    QList<QSslError> sslErrors;
    QSslCertificate offeredCertificate; // by the server of the request in flight, when it had errors
    QUrl currentUrl;
    int redirectCount = 0;
    QByteArray currentMethod = QByteArrayLiteral("GET"); // after the redirects so far
    bool bodyDropped = false;                           // a redirect turned the request into a GET
    bool secretsWithheld = false;
    bool announced = false;
    bool deliveredOnThisConnection = false;
    // A server compressed although the request asked for identity: later requests let Qt
    // negotiate (and decode) the encoding.
    bool compressionForced = false;
    bool acceptEncodingSet = false; // by us or by the user, on the request in flight: Qt decodes nothing
    QByteArray contentEncoding;

    ReadyState state = ReadyState::Closed;
    int connectionCount = 0;
    qint64 bytesReceived = 0;
};

EventSource::Private::Private(EventSource *q, EventSourceOptions opts)
    : q(q)
    , options(std::move(opts))
    , manager(new QNetworkAccessManager(q))
    , parser(options.maxEventSize)
    , policy(options.reconnectMode)
{
    policy.setReconnectionTime(options.reconnectionTimeMs);
    policy.setMaxBackoff(options.maxBackoffMs);
    policy.setJitterEnabled(options.jitter);
    parser.setLastEventId(options.lastEventId);
    reconnectTimer.setSingleShot(true);
    QObject::connect(&reconnectTimer, &QTimer::timeout, q, [this] { connectFromOriginalUrl(); });
    headerTimer.setSingleShot(true);
    QObject::connect(&headerTimer, &QTimer::timeout, q, [this] {
        if (!reply)
            return;
        decidedOutcome = Outcome{ConnectionVerdict::Reconnect,
                                 QStringLiteral("No response headers within %1 s").arg(options.headerTimeoutMs / 1000.0),
                                 std::nullopt};
        reply->abort(); // finished() acts on the outcome
    });
}

void EventSource::Private::connectFromOriginalUrl()
{
    // Every (re)connection starts again from the URL the user gave, redirects followed anew.
    currentUrl = options.url;
    currentMethod = FetchRequest::normalizedMethod(options.method);
    bodyDropped = false;
    redirectCount = 0;
    secretsWithheld = false;
    sendRequest();
}

void EventSource::Private::sendRequest()
{
    ++generation;
    announced = false;
    deliveredOnThisConnection = false;
    decidedOutcome.reset();
    sslErrors.clear();
    offeredCertificate = QSslCertificate();

    if (!EventSourceRequest::isHttpUrl(currentUrl)) {
        const QString shown = currentUrl.toDisplayString();
        fail(currentUrl.isValid() && !currentUrl.scheme().isEmpty() && !currentUrl.host().isEmpty()
                 ? QStringLiteral("Unsupported URL scheme \"%1\" in %2 (only http and https)")
                       .arg(currentUrl.scheme(), shown)
                 : QStringLiteral("Invalid URL \"%1\"").arg(shown));
        return;
    }

    auto *body = new FetchRequest::NoRewindBody(bodyDropped ? QByteArray() : options.body);
    const QNetworkRequest request = EventSourceRequest::build(
        options, {currentUrl, parser.lastEventId(), options.allowCompression || compressionForced, secretsWithheld,
                  bodyDropped, compressionForced});
    acceptEncodingSet = request.hasRawHeader("Accept-Encoding");
    contentEncoding.clear();
    QNetworkReply *newReply = manager->sendCustomRequest(request, currentMethod, body);
    if (options.headerTimeoutMs > 0)
        headerTimer.start(options.headerTimeoutMs);
    body->setParent(newReply);
    reply = newReply;
    EventSourceRequest::limitReadBuffer(newReply, options.readBufferSize);
    QObject::connect(newReply, &QNetworkReply::metaDataChanged, q,
                     [this, newReply] { onMetaDataChanged(newReply); });
    QObject::connect(newReply, &QNetworkReply::readyRead, q, [this, newReply] { onReadyRead(newReply); });
    QObject::connect(newReply, &QNetworkReply::finished, q, [this, newReply] { onFinished(newReply); });
    QObject::connect(newReply, &QNetworkReply::sslErrors, q,
                     [this, newReply](const QList<QSslError> &errors) { onSslErrors(newReply, errors); });
    // Now rather than at QNetworkReply::requestSent, which Qt 6.4 never emits for a request whose
    // body device is empty (our GETs: see NoRewindBody).
    Q_EMIT q->requestSent();
}

void EventSource::Private::onMetaDataChanged(QNetworkReply *source)
{
    if (source != reply || announced)
        return;
    const int status = source->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0)
        return;
    headerTimer.stop();
    Q_EMIT q->responseStarted(status);
    if (source != reply)
        return; // closed or replaced by a receiver
    if (isRedirectStatus(status))
        return; // redirects are followed once the (small) body is done
    const QByteArray contentType = source->rawHeader("Content-Type");
    if (status == 200 && MimeType::isEventStream(contentType)) {
        QByteArray encoding = source->rawHeader("Content-Encoding").trimmed().toLower();
        if (encoding == "identity")
            encoding.clear();
        if (!encoding.isEmpty() && acceptEncodingSet) {
            // Qt passes on what it did not offer undecoded: the parser would read compressed bytes.
            const QByteArray asked = source->request().rawHeader("Accept-Encoding");
            compressionForced = true;
            decidedOutcome = Outcome{ConnectionVerdict::Reconnect,
                                     QStringLiteral("The server compressed the stream (%1) although the request "
                                                    "asked for Accept-Encoding: %2; connecting again with "
                                                    "compression allowed")
                                         .arg(QString::fromLatin1(encoding), QString::fromLatin1(asked)),
                                     std::nullopt};
            QMetaObject::invokeMethod(source, [source] { source->abort(); }, Qt::QueuedConnection);
            return;
        }
        contentEncoding = encoding;
        announce();
        return;
    }
    decidedOutcome = outcomeOfUnannouncedResponse(source, status);
    // Aborting from inside metaDataChanged races Qt's own error reporting for 4xx/5xx; a queued
    // abort still stops an endless body of the wrong type, and finished() then acts on the outcome.
    QMetaObject::invokeMethod(source, [source] { source->abort(); }, Qt::QueuedConnection);
}

void EventSource::Private::announce()
{
    announced = true;
    ++connectionCount;
    parser.beginStream();
    setState(ReadyState::Open, QStringLiteral("Connected to %1").arg(currentUrl.toDisplayString()));
    if (state == ReadyState::Open)
        Q_EMIT q->opened();
}

void EventSource::Private::onReadyRead(QNetworkReply *source)
{
    if (source != reply)
        return;
    // At most the read buffer size (see EventSourceRequest::limitReadBuffer()): one batch per read stays small.
    const QByteArray bytes = source->readAll();
    if (!announced || bytes.isEmpty())
        return; // the body of a redirect or an error response
    bytesReceived += bytes.size();
    Q_EMIT q->bytesArrived(bytes.size());

    batch.clear();
    const qint64 oversizedBefore = parser.oversizedEventCount();
    parser.feed(bytes, batch);
    if (const std::optional<int> retry = parser.takeReconnectionTime())
        policy.setReconnectionTime(*retry);
    if (parser.oversizedEventCount() != oversizedBefore) {
        const QPointer<EventSource> alive(q);
        Q_EMIT q->eventTooLarge(parser.maxEventSize());
        if (!alive || source != reply)
            return;
    }
    deliver(batch); // may close or delete the source: nothing may follow
}

void EventSource::Private::deliver(const SseEventBatch &events)
{
    if (events.isBlank())
        return;
    if (!deliveredOnThisConnection && !events.isEmpty()) {
        deliveredOnThisConnection = true;
        policy.resetBackoff();
    }
    const QPointer<EventSource> alive(q);
    const quint64 connection = generation;
    // A handler may close (or even delete) the source: undelivered events then go too.
    auto stillOpen = [&] { return alive && connection == generation && state == ReadyState::Open; };
    if (!stillOpen())
        return;
    Q_EMIT q->eventsReceived(events);
    // One event at a time, decoded, only for whoever asked for it that way.
    static const QMetaMethod eventReceived = QMetaMethod::fromSignal(&EventSource::eventReceived);
    if (!alive || !q->isSignalConnected(eventReceived))
        return;
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (!stillOpen())
            return;
        Q_EMIT q->eventReceived(events.event(i));
    }
}

void EventSource::Private::onSslErrors(QNetworkReply *source, const QList<QSslError> &errors)
{
    if (source != reply)
        return;
    const QSslCertificate offered = source->sslConfiguration().peerCertificate();
    if (CertificatePin::isPinned(offered, options.pinnedCertificates)) {
        source->ignoreSslErrors(errors); // these errors, of this certificate only
        return;
    }
    offeredCertificate = offered;
    sslErrors.append(errors);
}

void EventSource::Private::onFinished(QNetworkReply *source)
{
    source->deleteLater();
    if (source != reply)
        return;
    reply = nullptr;
    headerTimer.stop();

    if (decidedOutcome) {
        act(*std::exchange(decidedOutcome, std::nullopt));
        return;
    }
    const int status = source->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (announced) {
        parser.endStream();
        QString reason;
        if (source->error() == QNetworkReply::OperationCanceledError && options.idleTimeoutMs > 0)
            reason = QStringLiteral("No data for %1 ms (idle timeout)").arg(options.idleTimeoutMs);
        else if (source->error() == QNetworkReply::ContentReSendError)
            reason = QStringLiteral("Stream ended by the server"); // Qt declined a phantom resend
        else if (source->error() != QNetworkReply::NoError)
            reason = source->errorString(); // the cause: whoever shows it says the connection was lost
        else
            reason = QStringLiteral("Stream ended by the server");
        act({ConnectionVerdict::Reconnect, reason, std::nullopt});
        return;
    }
    if (isRedirectStatus(status)) {
        if (followRedirect(source, status))
            return;
    } else if (status != 0) {
        act(outcomeOfUnannouncedResponse(source, status));
        return;
    }
    act(outcomeOfTransportError(source));
}

Outcome EventSource::Private::outcomeOfUnannouncedResponse(QNetworkReply *source, int status) const
{
    if (status == 200) {
        const QByteArray contentType = source->rawHeader("Content-Type");
        return {ConnectionVerdict::Fail,
                contentType.isEmpty()
                    ? QStringLiteral("No Content-Type (expected text/event-stream)")
                    : QStringLiteral("Content-Type %1 (expected text/event-stream)")
                          .arg(QString::fromLatin1(contentType)),
                std::nullopt};
    }
    const ConnectionVerdict verdict = policy.verdictForStatus(status);
    QString reason = httpReason(source, status);
    if (verdict == ConnectionVerdict::EndNormally)
        reason = QStringLiteral("Ended by server (%1)").arg(status);
    std::optional<int> retryAfter;
    if (verdict == ConnectionVerdict::Reconnect)
        retryAfter = ReconnectPolicy::parseRetryAfter(source->rawHeader("Retry-After"));
    return {verdict, reason, retryAfter};
}

Outcome EventSource::Private::outcomeOfTransportError(QNetworkReply *source) const
{
    const QNetworkReply::NetworkError error = source->error();
    if (!sslErrors.isEmpty() || error == QNetworkReply::SslHandshakeFailedError) {
        QStringList problems;
        for (const QSslError &sslError : sslErrors)
            problems.append(sslError.errorString());
        if (problems.isEmpty())
            problems.append(source->errorString());
        problems.removeDuplicates();
        QString reason = QStringLiteral("TLS error: %1").arg(problems.join(QStringLiteral("; ")));
        if (!offeredCertificate.isNull())
            reason += QStringLiteral(" (certificate SHA-256 %1)").arg(CertificatePin::displayText(offeredCertificate));
        return {ConnectionVerdict::Fail, reason, std::nullopt};
    }
    if (error == QNetworkReply::ProtocolUnknownError || error == QNetworkReply::ProtocolInvalidOperationError)
        return {ConnectionVerdict::Fail, source->errorString(), std::nullopt};
    if (error == QNetworkReply::OperationCanceledError && options.idleTimeoutMs > 0)
        return {ConnectionVerdict::Reconnect,
                QStringLiteral("No response for %1 ms (idle timeout)").arg(options.idleTimeoutMs),
                std::nullopt};
    return {ConnectionVerdict::Reconnect, source->errorString(), std::nullopt};
}

bool EventSource::Private::followRedirect(QNetworkReply *source, int status)
{
    const QByteArray location = source->rawHeader("Location").trimmed();
    if (location.isEmpty()) {
        act({ConnectionVerdict::Fail,
             QStringLiteral("HTTP %1 redirect without a Location header").arg(status), std::nullopt});
        return true;
    }
    if (++redirectCount > MaxRedirects) {
        // Fetch treats this as a network error, which EventSource answers by reconnecting.
        act({ConnectionVerdict::Reconnect,
             QStringLiteral("More than %1 redirects").arg(MaxRedirects), std::nullopt});
        return true;
    }
    const QUrl target = source->url().resolved(QUrl::fromEncoded(location));
    if (!EventSourceRequest::isHttpUrl(target)) {
        act({ConnectionVerdict::Fail,
             QStringLiteral("Redirect to an unsupported URL \"%1\"").arg(target.toDisplayString()),
             std::nullopt});
        return true;
    }
    if (!EventSourceRequest::sameOrigin(target, options.url))
        secretsWithheld = true;
    // The body and the headers that describe it go with the method.
    if (FetchRequest::redirectBecomesGet(status, currentMethod)) {
        currentMethod = QByteArrayLiteral("GET");
        bodyDropped = true;
    }
    currentUrl = target;
    sendRequest();
    return true;
}

void EventSource::Private::act(const Outcome &outcome)
{
    announced = false;
    switch (outcome.verdict) {
    case ConnectionVerdict::Reconnect:
        scheduleReconnect(outcome.reason, outcome.retryAfterMs);
        break;
    case ConnectionVerdict::Fail:
        fail(outcome.reason);
        break;
    case ConnectionVerdict::EndNormally:
        setState(ReadyState::Closed, outcome.reason);
        Q_EMIT q->closedByServer(outcome.reason);
        break;
    }
}

void EventSource::Private::scheduleReconnect(const QString &reason, std::optional<int> retryAfterMs)
{
    const int delay = policy.nextDelay(retryAfterMs);
    setState(ReadyState::Connecting, reason);
    if (state != ReadyState::Connecting)
        return; // closed by a handler
    reconnectTimer.start(delay);
    Q_EMIT q->reconnectScheduled(policy.attempt(), delay, reason);
}

void EventSource::Private::fail(const QString &reason)
{
    setState(ReadyState::Closed, reason);
    Q_EMIT q->failed(reason);
}

void EventSource::Private::dropConnection()
{
    ++generation;
    reconnectTimer.stop();
    headerTimer.stop();
    decidedOutcome.reset();
    announced = false;
    if (QNetworkReply *old = std::exchange(reply, nullptr)) {
        old->disconnect(q);
        old->abort();
        old->deleteLater();
    }
}

void EventSource::Private::setState(ReadyState newState, const QString &reason)
{
    state = newState;
    Q_EMIT q->readyStateChanged(newState, reason);
}

EventSource::EventSource(EventSourceOptions options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, std::move(options)))
{
}

EventSource::~EventSource()
{
    d->dropConnection();
}

const EventSourceOptions &EventSource::options() const
{
    return d->options;
}

QUrl EventSource::url() const
{
    return d->options.url;
}

void EventSource::open()
{
    d->dropConnection();
    d->policy.resetBackoff();
    d->setState(ReadyState::Connecting, QStringLiteral("Connecting to %1").arg(d->options.url.toDisplayString()));
    if (d->state == ReadyState::Connecting)
        d->connectFromOriginalUrl();
}

void EventSource::close()
{
    const bool wasClosed = d->state == ReadyState::Closed;
    d->dropConnection();
    d->state = ReadyState::Closed;
    if (!wasClosed)
        Q_EMIT readyStateChanged(ReadyState::Closed, QStringLiteral("Closed"));
}

EventSource::ReadyState EventSource::readyState() const
{
    return d->state;
}

QString EventSource::lastEventId() const
{
    return d->parser.lastEventId();
}

int EventSource::reconnectionTime() const
{
    return d->policy.reconnectionTime();
}

int EventSource::connectionCount() const
{
    return d->connectionCount;
}

int EventSource::reconnectAttempt() const
{
    return d->policy.attempt();
}

qint64 EventSource::bytesReceived() const
{
    return d->bytesReceived;
}

qint64 EventSource::droppedEventCount() const
{
    return d->parser.droppedEventCount();
}

qint64 EventSource::commentCount() const
{
    return d->parser.commentCount();
}

QByteArray EventSource::contentEncoding() const
{
    return d->state == ReadyState::Open ? d->contentEncoding : QByteArray();
}

QSslCertificate EventSource::offeredCertificate() const
{
    return d->offeredCertificate;
}

bool EventSource::offersCompression() const
{
    return d->options.allowCompression || d->compressionForced;
}
