// EventSource against the scripted server: the processing model (rules A-C of the conformance
// rule book) and every branch of the reconnection policy.

#include "EventSource.h"
#include "ScriptedServer.h"

#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTest>

#include <memory>

using Response = ScriptedServer::Response;
using ReadyState = EventSource::ReadyState;

Q_DECLARE_METATYPE(ReconnectMode)

namespace {

constexpr int Timeout = 15000;

EventSourceOptions fastOptions(const QUrl &url, ReconnectMode mode = ReconnectMode::Resilient)
{
    EventSourceOptions options;
    options.url = url;
    options.reconnectMode = mode;
    options.reconnectionTimeMs = 10;
    options.jitter = false;
    return options;
}

// Collects what a source delivers, the way a consumer would.
struct Recorder
{
    explicit Recorder(EventSource &source)
        : opened(&source, &EventSource::opened)
        , events(&source, &EventSource::eventReceived)
        , reconnects(&source, &EventSource::reconnectScheduled)
        , failures(&source, &EventSource::failed)
        , ended(&source, &EventSource::closedByServer)
    {
    }

    SseEvent event(int i) const { return events.at(i).at(0).value<SseEvent>(); }
    QString data(int i) const { return event(i).data; }
    int delay(int i) const { return reconnects.at(i).at(1).toInt(); }
    QString reconnectReason(int i) const { return reconnects.at(i).at(2).toString(); }
    QString failure() const { return failures.isEmpty() ? QString() : failures.last().at(0).toString(); }

    QSignalSpy opened;
    QSignalSpy events;
    QSignalSpy reconnects;
    QSignalSpy failures;
    QSignalSpy ended;
};

} // namespace

Q_DECLARE_METATYPE(SseEvent)

class TestEventSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // A. the request
    void firstRequestHeaders();
    void customHeadersAndInitialLastEventId();
    void readyStateLifecycle();

    // B. responses
    void deliversEventsInOrder();
    void statusOutcomes_data();
    void statusOutcomes();
    void contentTypes_data();
    void contentTypes();
    void retryAfterIsHonoured();
    void networkErrorBeforeHeadersReconnects();
    void unsupportedUrlsFail_data();
    void unsupportedUrlsFail();
    void tlsCertificateErrorFails();

    // Redirects
    void redirectsAreFollowed_data();
    void redirectsAreFollowed();
    void reconnectionStartsFromTheOriginalUrl();
    void redirectWithoutLocationFails();
    void tooManyRedirectsIsANetworkError();
    void secretHeadersStayWithTheirOrigin();

    // C. reconnection
    void reconnectsWithLastEventIdAfterACleanEnd();
    void partialBlockIsDiscardedWhenTheConnectionDrops();
    void emptiedIdSendsNoLastEventId();
    void retryFieldAppliesWithoutDispatch();
    void bomIsStrippedOnEveryConnection();
    void chunkBoundariesInsideUtf8AndCrLf();
    void backoffGrowsAndResetsAfterAnEvent();
    void strictModeWaitsTheReconnectionTime();
    void reconnectsWhenTheServerComesBack();
    void idleTimeoutForcesAReconnect();
    void commentsKeepTheIdleTimerAlive();

    // close()
    void closeStopsEverything();
    void closeInsideAHandlerDropsQueuedEvents();
    void closeCancelsAPendingReconnect();
    void closeInsideTheFailedHandler();

    // Limits and odd input
    void oversizedEventIsDroppedAndCounted();
    void serverSentErrorTypeIsAnEvent();
    void manyStreamsToOneHostAllOpen();
    void noPhantomRequestsAfterCloseDelimitedBodies();
};

void TestEventSource::initTestCase()
{
    qRegisterMetaType<SseEvent>();
    qRegisterMetaType<EventSource::ReadyState>();
}

void TestEventSource::firstRequestHeaders()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send("data: a\n\n").stall()});

    EventSource source(fastOptions(server.url()));
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 1, Timeout);

    const auto request = server.lastRequest("/events");
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.header("Accept"), QByteArray("text/event-stream"));
    QCOMPARE(request.header("Cache-Control"), QByteArray("no-cache"));
    QVERIFY(!request.hasHeader("Last-Event-ID"));
}

void TestEventSource::customHeadersAndInitialLastEventId()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send("data: a\n\n").stall()});

    EventSourceOptions options = fastOptions(server.url());
    options.headers = {{"X-Token", "abc"}, {"Authorization", "Bearer t"}};
    options.lastEventId = QStringLiteral("41");
    EventSource source(options);
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 1, Timeout);

    const auto request = server.lastRequest("/events");
    QCOMPARE(request.header("X-Token"), QByteArray("abc"));
    QCOMPARE(request.header("Authorization"), QByteArray("Bearer t"));
    QCOMPARE(request.header("Last-Event-ID"), QByteArray("41"));
    QCOMPARE(recorder.event(0).lastEventId, QStringLiteral("41"));
}

void TestEventSource::readyStateLifecycle()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send("retry: 10\ndata: a\n\n").hold(),
                              Response::events().stall()});

    EventSource source(fastOptions(server.url()));
    Recorder recorder(source);
    QCOMPARE(source.readyState(), ReadyState::Closed);
    source.open();
    QCOMPARE(source.readyState(), ReadyState::Connecting);
    QVERIFY(recorder.opened.wait(Timeout));
    QCOMPARE(source.readyState(), ReadyState::Open);
    // The body ends: CONNECTING again (the browser's error event), then OPEN.
    server.release();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.reconnects.count(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.opened.count(), 2, Timeout);
    QCOMPARE(source.readyState(), ReadyState::Open);
    QCOMPARE(source.connectionCount(), 2);
    source.close();
    QCOMPARE(source.readyState(), ReadyState::Closed); // synchronously
}

void TestEventSource::deliversEventsInOrder()
{
    ScriptedServer server;
    QVERIFY(server.start());
    QByteArray hundred;
    for (int i = 0; i < 100; ++i)
        hundred += "id: " + QByteArray::number(i) + "\ndata: " + QByteArray::number(i) + "\n\n";
    server.script("/events", {Response::events()
                                  .send("event: tick\ndata: first\ndata: second\n\n")
                                  .pause(20)
                                  .send(hundred)
                                  .stall()});

    EventSource source(fastOptions(server.url()));
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 101, Timeout);
    QCOMPARE(recorder.event(0).type, QStringLiteral("tick"));
    QCOMPARE(recorder.data(0), QStringLiteral("first\nsecond"));
    for (int i = 0; i < 100; ++i) {
        QCOMPARE(recorder.data(i + 1), QString::number(i));
        QCOMPARE(recorder.event(i + 1).type, QStringLiteral("message"));
        QCOMPARE(recorder.event(i + 1).lastEventId, QString::number(i));
    }
    QCOMPARE(source.lastEventId(), QStringLiteral("99"));
}

void TestEventSource::statusOutcomes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<ReconnectMode>("mode");
    QTest::addColumn<QString>("expected"); // reconnect / fail / end

    const QList<int> retried = {500, 502, 503, 504, 408, 429};
    const QList<int> fatal = {201, 205, 206, 210, 299, 304, 400, 401, 403, 404, 407, 410};
    for (int status : retried) {
        QTest::addRow("resilient %d", status) << status << ReconnectMode::Resilient << "reconnect";
        QTest::addRow("strict %d", status) << status << ReconnectMode::Strict << "fail";
    }
    for (int status : fatal) {
        QTest::addRow("resilient %d", status) << status << ReconnectMode::Resilient << "fail";
        QTest::addRow("strict %d", status) << status << ReconnectMode::Strict << "fail";
    }
    QTest::addRow("resilient 204") << 204 << ReconnectMode::Resilient << "end";
    QTest::addRow("strict 204") << 204 << ReconnectMode::Strict << "end";
}

void TestEventSource::statusOutcomes()
{
    QFETCH(int, status);
    QFETCH(ReconnectMode, mode);
    QFETCH(QString, expected);

    ScriptedServer server;
    QVERIFY(server.start());
    Response failing = status == 204 || status == 205 || status == 304
        ? Response::status(status).contentType("text/event-stream")
        : Response::body(status, "text/event-stream", "data: must not arrive\n\n");
    server.script("/events", {failing, Response::events().send("data: after\n\n").stall()});

    EventSource source(fastOptions(server.url(), mode));
    Recorder recorder(source);
    source.open();

    if (expected == QLatin1String("reconnect")) {
        QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 1, Timeout);
        QCOMPARE(recorder.data(0), QStringLiteral("after"));
        QCOMPARE(recorder.reconnects.count(), 1);
        QVERIFY2(recorder.reconnectReason(0).contains(QString::number(status)),
                 qPrintable(recorder.reconnectReason(0)));
        QCOMPARE(server.requestCount("/events"), 2);
    } else if (expected == QLatin1String("fail")) {
        QTRY_COMPARE_WITH_TIMEOUT(recorder.failures.count(), 1, Timeout);
        QVERIFY2(recorder.failure().contains(QString::number(status)), qPrintable(recorder.failure()));
        QCOMPARE(source.readyState(), ReadyState::Closed);
        QCOMPARE(recorder.reconnects.count(), 0);
        QCOMPARE(recorder.events.count(), 0);
        QCOMPARE(recorder.opened.count(), 0);
    } else {
        QTRY_COMPARE_WITH_TIMEOUT(recorder.ended.count(), 1, Timeout);
        QCOMPARE(source.readyState(), ReadyState::Closed);
        QCOMPARE(recorder.failures.count(), 0);
        QCOMPARE(recorder.reconnects.count(), 0);
    }
    QCOMPARE(recorder.opened.count(), expected == QLatin1String("reconnect") ? 1 : 0);
}

void TestEventSource::contentTypes_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("plain") << QByteArray("text/event-stream") << true;
    QTest::newRow("charset utf-8") << QByteArray("text/event-stream; charset=utf-8") << true;
    QTest::newRow("charset windows-1252") << QByteArray("text/event-stream;charset=windows-1252") << true;
    QTest::newRow("trailing semicolon") << QByteArray("text/event-stream;") << true;
    QTest::newRow("upper case") << QByteArray("TEXT/Event-Stream") << true;
    QTest::newRow("html") << QByteArray("text/html") << false;
    QTest::newRow("x-bogus") << QByteArray("text/x-bogus") << false;
    QTest::newRow("x bogus") << QByteArray("x bogus") << false;
    QTest::newRow("json") << QByteArray("application/json") << false;
    QTest::newRow("missing") << QByteArray() << false;
}

void TestEventSource::contentTypes()
{
    QFETCH(QByteArray, contentType);
    QFETCH(bool, accepted);

    ScriptedServer server;
    QVERIFY(server.start());
    // A wrong type may come with an endless body: the client must not wait for its end.
    server.script("/events", {Response::events().contentType(contentType).send("data: ok\xE2\x80\xA6\n\n").stall()});

    EventSource source(fastOptions(server.url()));
    Recorder recorder(source);
    source.open();
    if (accepted) {
        QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 1, Timeout);
        QCOMPARE(recorder.data(0), QStringLiteral("ok\u2026")); // UTF-8 whatever the charset says
    } else {
        QTRY_COMPARE_WITH_TIMEOUT(recorder.failures.count(), 1, Timeout);
        QVERIFY2(recorder.failure().contains(QStringLiteral("Content-Type")), qPrintable(recorder.failure()));
        if (!contentType.isEmpty())
            QVERIFY2(recorder.failure().contains(QString::fromLatin1(contentType)), qPrintable(recorder.failure()));
        QCOMPARE(recorder.events.count(), 0);
        QCOMPARE(recorder.reconnects.count(), 0);
        QCOMPARE(source.readyState(), ReadyState::Closed);
    }
}

void TestEventSource::retryAfterIsHonoured()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::status(503).header("Retry-After", "7"), Response::events().stall()});

    EventSource source(fastOptions(server.url()));
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.reconnects.count(), 1, Timeout);
    QCOMPARE(recorder.delay(0), 7000);
    QCOMPARE(recorder.reconnects.at(0).at(0).toInt(), 1);
    source.close();
}

void TestEventSource::networkErrorBeforeHeadersReconnects()
{
    ScriptedServer server;
    QVERIFY(server.start());
    const QUrl url = server.url();
    server.stop();

    for (ReconnectMode mode : {ReconnectMode::Resilient, ReconnectMode::Strict}) {
        EventSource source(fastOptions(url, mode));
        Recorder recorder(source);
        source.open();
        QTRY_VERIFY_WITH_TIMEOUT(recorder.reconnects.count() >= 2, Timeout);
        QCOMPARE(recorder.failures.count(), 0);
        QVERIFY2(recorder.reconnectReason(0).contains(QStringLiteral("refused"), Qt::CaseInsensitive),
                 qPrintable(recorder.reconnectReason(0)));
        QCOMPARE(source.readyState(), ReadyState::Connecting);
        source.close();
    }
}

void TestEventSource::unsupportedUrlsFail_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::newRow("ftp") << QUrl(QStringLiteral("ftp://example.invalid/"));
    QTest::newRow("about:blank") << QUrl(QStringLiteral("about:blank"));
    QTest::newRow("mailto") << QUrl(QStringLiteral("mailto:a@example.invalid"));
    QTest::newRow("javascript") << QUrl(QStringLiteral("javascript:alert(1)"));
    QTest::newRow("no scheme") << QUrl(QStringLiteral("127.0.0.1/events"));
    QTest::newRow("empty") << QUrl();
}

void TestEventSource::unsupportedUrlsFail()
{
    QFETCH(QUrl, url);
    EventSource source(fastOptions(url));
    Recorder recorder(source);
    source.open();
    QCOMPARE(recorder.failures.count(), 1);
    QVERIFY(!recorder.failure().isEmpty());
    QCOMPARE(source.readyState(), ReadyState::Closed);
    QCOMPARE(recorder.reconnects.count(), 0);
}

void TestEventSource::tlsCertificateErrorFails()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("No TLS backend");
    const QString dir = QStringLiteral(EVENTSCOPE_TEST_FIXTURES);
    QFile certFile(dir + QStringLiteral("/selfsigned.crt"));
    QFile keyFile(dir + QStringLiteral("/selfsigned.key"));
    QVERIFY(certFile.open(QIODevice::ReadOnly));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(QSslCertificate(certFile.readAll()));
    configuration.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));

    QSslServer server;
    server.setSslConfiguration(configuration);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    EventSource source(fastOptions(QUrl(QStringLiteral("https://127.0.0.1:%1/events").arg(server.serverPort()))));
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.failures.count(), 1, Timeout);
    QVERIFY2(recorder.failure().startsWith(QStringLiteral("TLS error")), qPrintable(recorder.failure()));
    QVERIFY2(recorder.failure().contains(QStringLiteral("self"), Qt::CaseInsensitive)
                 || recorder.failure().contains(QStringLiteral("certificate"), Qt::CaseInsensitive),
             qPrintable(recorder.failure()));
    QCOMPARE(recorder.reconnects.count(), 0);
}

void TestEventSource::redirectsAreFollowed_data()
{
    QTest::addColumn<int>("status");
    for (int status : {301, 302, 303, 307, 308})
        QTest::addRow("%d", status) << status;
}

void TestEventSource::redirectsAreFollowed()
{
    QFETCH(int, status);
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/old", {Response::redirect(status, server.url("/events"))});
    server.script("/events", {Response::events().send("data: here\n\n").stall()});

    EventSource source(fastOptions(server.url("/old")));
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 1, Timeout);
    QCOMPARE(recorder.data(0), QStringLiteral("here"));
    QCOMPARE(source.url(), server.url("/old")); // the url keeps the original
    QCOMPARE(server.lastRequest("/events").header("Accept"), QByteArray("text/event-stream"));
}

void TestEventSource::reconnectionStartsFromTheOriginalUrl()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/old", {Response::redirect(307, QUrl(QStringLiteral("/events")))}); // relative Location
    server.script("/events", {Response::events().send("retry: 10\nid: 1\ndata: a\n\n"),
                              Response::events().send("data: b\n\n").stall()});

    EventSource source(fastOptions(server.url("/old")));
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 2, Timeout);
    QCOMPARE(server.requestCount("/old"), 2);
    QCOMPARE(server.requestCount("/events"), 2);
    QCOMPARE(server.lastRequest("/old").header("Last-Event-ID"), QByteArray("1"));
    QCOMPARE(server.lastRequest("/events").header("Last-Event-ID"), QByteArray("1"));
}

void TestEventSource::redirectWithoutLocationFails()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::status(301), Response::events().stall()});

    EventSource source(fastOptions(server.url()));
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.failures.count(), 1, Timeout);
    QVERIFY2(recorder.failure().contains(QStringLiteral("Location")), qPrintable(recorder.failure()));
    QCOMPARE(server.requestCount("/events"), 1);
}

void TestEventSource::tooManyRedirectsIsANetworkError()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/loop", {Response::redirect(302, server.url("/loop"))});

    EventSourceOptions options = fastOptions(server.url("/loop"));
    options.reconnectionTimeMs = 60000;
    EventSource source(options);
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.reconnects.count(), 1, Timeout);
    source.close();
    QCOMPARE(server.requestCount("/loop"), 21); // the original request and 20 redirects
    QVERIFY2(recorder.reconnectReason(0).contains(QStringLiteral("redirects")), qPrintable(recorder.reconnectReason(0)));
    QCOMPARE(recorder.failures.count(), 0);
}

void TestEventSource::secretHeadersStayWithTheirOrigin()
{
    ScriptedServer first;
    ScriptedServer other;
    QVERIFY(first.start());
    QVERIFY(other.start());
    first.script("/same", {Response::redirect(302, first.url("/events"))});
    first.script("/cross", {Response::redirect(302, other.url("/events"))});
    first.script("/events", {Response::events().send("data: a\n\n").stall()});
    other.script("/back", {Response::redirect(302, first.url("/events"))});
    other.script("/events", {Response::events().send("data: a\n\n").stall()});

    EventSourceOptions options = fastOptions(first.url("/same"));
    options.headers = {{"Authorization", "Bearer secret"}, {"Cookie", "session=1"},
                       {"X-Api-Key", "k"}, {"X-Trace", "t"}};
    options.secretHeaderNames = {"x-api-key"};

    {
        EventSource source(options);
        Recorder recorder(source);
        source.open();
        QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 1, Timeout);
        const auto request = first.lastRequest("/events");
        QCOMPARE(request.header("Authorization"), QByteArray("Bearer secret"));
        QCOMPARE(request.header("Cookie"), QByteArray("session=1"));
        QCOMPARE(request.header("X-Api-Key"), QByteArray("k"));
    }
    {
        options.url = first.url("/cross");
        EventSource source(options);
        Recorder recorder(source);
        source.open();
        QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 1, Timeout);
        const auto request = other.lastRequest("/events");
        QVERIFY(!request.hasHeader("Authorization"));
        QVERIFY(!request.hasHeader("Cookie"));
        QVERIFY(!request.hasHeader("X-Api-Key"));
        QCOMPARE(request.header("X-Trace"), QByteArray("t"));
        QCOMPARE(first.lastRequest("/cross").header("Authorization"), QByteArray("Bearer secret"));
    }
    {
        // Out to another origin and back: what was withheld stays withheld for that chain.
        first.clearRequests();
        other.script("/hop", {Response::redirect(302, first.url("/events"))});
        first.script("/cross", {Response::redirect(302, other.url("/hop"))});
        options.url = first.url("/cross");
        EventSource source(options);
        Recorder recorder(source);
        source.open();
        QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 1, Timeout);
        QVERIFY(!first.lastRequest("/events").hasHeader("Authorization"));
    }
}

void TestEventSource::reconnectsWithLastEventIdAfterACleanEnd()
{
    ScriptedServer server;
    QVERIFY(server.start());
    // WPT format-field-id: the id is UTF-8 on the wire and persists into the next connection.
    server.script("/events", {Response::events().send("id: \xE2\x80\xA6\nretry: 10\ndata: hello\n\n"),
                              Response::events()
                                  .echo([](const HttpRequest &r) -> QByteArray { return "data: " + r.header("Last-Event-ID") + "\n\n"; })
                                  .stall()});

    EventSource source(fastOptions(server.url()));
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 2, Timeout);
    QCOMPARE(recorder.event(0).lastEventId, QStringLiteral("\u2026"));
    QCOMPARE(recorder.data(1), QStringLiteral("\u2026"));
    QCOMPARE(recorder.event(1).lastEventId, QStringLiteral("\u2026"));
    QCOMPARE(server.lastRequest("/events").header("Last-Event-ID"), QByteArray("\xE2\x80\xA6"));
    QCOMPARE(recorder.reconnectReason(0), QStringLiteral("Stream ended by the server"));
}

void TestEventSource::partialBlockIsDiscardedWhenTheConnectionDrops()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send("retry: 10\nid: abc\ndata: Hello\n\nid: def\ndata: Goodbye").abort(),
                              Response::events().send("data: next\n\n").stall()});

    EventSource source(fastOptions(server.url()));
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 2, Timeout);
    QCOMPARE(recorder.data(0), QStringLiteral("Hello"));
    QCOMPARE(recorder.data(1), QStringLiteral("next"));
    QCOMPARE(recorder.event(1).lastEventId, QStringLiteral("abc"));
    QCOMPARE(server.lastRequest("/events").header("Last-Event-ID"), QByteArray("abc"));
}

void TestEventSource::emptiedIdSendsNoLastEventId()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send("retry: 10\nid: 1\ndata: a\n\nid\ndata: b\n\n"),
                              Response::events().send("data: c\n\n").stall()});

    EventSource source(fastOptions(server.url()));
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 3, Timeout);
    QCOMPARE(recorder.event(1).lastEventId, QString());
    QVERIFY(!server.lastRequest("/events").hasHeader("Last-Event-ID"));
}

void TestEventSource::retryFieldAppliesWithoutDispatch()
{
    ScriptedServer server;
    QVERIFY(server.start());
    // WPT status-reconnect: `retry: 2` with no blank line still sets the reconnection time.
    server.script("/events", {Response::events().send("retry: 2\n"), Response::events().send("data: data\n\n").stall()});

    EventSourceOptions options = fastOptions(server.url());
    options.reconnectionTimeMs = 60000;
    EventSource source(options);
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 1, Timeout);
    QCOMPARE(source.reconnectionTime(), 2);
    QCOMPARE(recorder.delay(0), 2);
}

void TestEventSource::bomIsStrippedOnEveryConnection()
{
    ScriptedServer server;
    QVERIFY(server.start());
    const Response withBom = Response::events().send("\xEF\xBB").pause(10).send("\xBF" "data: x\nretry: 10\n\n");
    server.script("/events", {withBom, Response(withBom).stall()});

    EventSource source(fastOptions(server.url()));
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 2, Timeout);
    QCOMPARE(recorder.data(0), QStringLiteral("x"));
    QCOMPARE(recorder.data(1), QStringLiteral("x"));
}

void TestEventSource::chunkBoundariesInsideUtf8AndCrLf()
{
    ScriptedServer server;
    QVERIFY(server.start());
    // launchdarkly "CRLF where CR is end of 1 chunk", and a euro sign split over three writes.
    server.script("/events", {Response::events()
                                  .send("data: Hello\r").pause(5).send("\ndata: World\r").pause(5)
                                  .send("\n\r\ndata: OK\r").pause(5).send("\n").pause(5).send("\r").pause(5)
                                  .send("\n")
                                  .send("data: \xE2").pause(5).send("\x82").pause(5).send("\xAC\n\n")
                                  .stall()});

    EventSource source(fastOptions(server.url()));
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 3, Timeout);
    QCOMPARE(recorder.data(0), QStringLiteral("Hello\nWorld"));
    QCOMPARE(recorder.data(1), QStringLiteral("OK"));
    QCOMPARE(recorder.data(2), QStringLiteral("\u20AC"));
}

void TestEventSource::backoffGrowsAndResetsAfterAnEvent()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::status(503), Response::status(503), Response::status(503),
                              Response::events().send("data: a\n\n"), // ends cleanly after an event
                              Response::status(503), Response::events().stall()});

    EventSource source(fastOptions(server.url()));
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.reconnects.count(), 5, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.opened.count(), 2, Timeout);
    const QList<int> attempts = {1, 2, 3, 1, 2};
    const QList<int> delays = {10, 20, 40, 10, 20};
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(recorder.reconnects.at(i).at(0).toInt(), attempts.at(i));
        QCOMPARE(recorder.delay(i), delays.at(i));
    }
}

void TestEventSource::strictModeWaitsTheReconnectionTime()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send("data: a\n\n"), Response::events().send("data: b\n\n"),
                              Response::events().stall()});

    EventSource source(fastOptions(server.url(), ReconnectMode::Strict));
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.opened.count(), 3, Timeout);
    QCOMPARE(recorder.delay(0), 10);
    QCOMPARE(recorder.delay(1), 10);
}

void TestEventSource::reconnectsWhenTheServerComesBack()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send("id: 7\ndata: a\n\n").stall()});

    EventSource source(fastOptions(server.url()));
    Recorder recorder(source);
    QSignalSpy states(&source, &EventSource::readyStateChanged);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 1, Timeout);

    server.stop();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.reconnects.count() >= 2, Timeout); // the drop, then refused
    QCOMPARE(source.readyState(), ReadyState::Connecting);

    server.script("/events", {Response::events().send("data: back\n\n").stall()});
    QVERIFY(server.restart());
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 2, Timeout);
    QCOMPARE(source.readyState(), ReadyState::Open);
    QCOMPARE(server.lastRequest("/events").header("Last-Event-ID"), QByteArray("7"));
    QVERIFY(!states.isEmpty());
}

void TestEventSource::idleTimeoutForcesAReconnect()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send("id: 1\ndata: a\n\n").stall(),
                              Response::events().send("data: b\n\n").stall()});

    EventSourceOptions options = fastOptions(server.url());
    options.idleTimeoutMs = 300;
    EventSource source(options);
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 2, Timeout);
    QVERIFY2(recorder.reconnectReason(0).contains(QStringLiteral("idle")), qPrintable(recorder.reconnectReason(0)));
    QCOMPARE(server.lastRequest("/events").header("Last-Event-ID"), QByteArray("1"));
    source.close();
}

void TestEventSource::commentsKeepTheIdleTimerAlive()
{
    ScriptedServer server;
    QVERIFY(server.start());
    Response heartbeat = Response::events().send("data: start\n\n");
    for (int i = 0; i < 10; ++i)
        heartbeat.pause(100).send(":\n");
    heartbeat.send("data: end\n\n").stall();
    server.script("/events", {heartbeat});

    EventSourceOptions options = fastOptions(server.url());
    options.idleTimeoutMs = 3000; // 30 heartbeats' worth of slack
    EventSource source(options);
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 2, Timeout);
    QCOMPARE(recorder.reconnects.count(), 0);
    QCOMPARE(recorder.opened.count(), 1);
    source.close();
}

void TestEventSource::closeStopsEverything()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send("data: a\n\n").pause(50).send("data: b\n\n").stall()});

    EventSource source(fastOptions(server.url()));
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 1, Timeout);
    source.close();
    QCOMPARE(source.readyState(), ReadyState::Closed);
    QTRY_COMPARE_WITH_TIMEOUT(server.activeResponseCount(), 0, Timeout); // the connection is gone
    QCOMPARE(recorder.events.count(), 1);
    QCOMPARE(recorder.reconnects.count(), 0);
    QCOMPARE(recorder.failures.count(), 0);
}

void TestEventSource::closeInsideAHandlerDropsQueuedEvents()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send("data: 1\n\ndata: 2\n\ndata: 3\n\n").stall()});

    EventSource source(fastOptions(server.url()));
    QList<QString> seen;
    connect(&source, &EventSource::eventReceived, &source, [&](const SseEvent &event) {
        seen.append(event.data);
        source.close();
    });
    QSignalSpy states(&source, &EventSource::readyStateChanged);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(seen.size(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(server.activeResponseCount(), 0, Timeout);
    QCOMPARE(seen, QList<QString>{QStringLiteral("1")});
    QCOMPARE(source.readyState(), ReadyState::Closed);
    QCOMPARE(server.requestCount("/events"), 1);
}

void TestEventSource::closeCancelsAPendingReconnect()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send("data: a\n\n"), Response::events().stall()});

    EventSourceOptions options = fastOptions(server.url());
    options.reconnectionTimeMs = 200;
    EventSource source(options);
    Recorder recorder(source);
    connect(&source, &EventSource::reconnectScheduled, &source, [&] { source.close(); });
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.reconnects.count(), 1, Timeout);
    QCOMPARE(source.readyState(), ReadyState::Closed);

    // Let a second source go through a full reconnect cycle of the same length: by then the closed
    // one would have reconnected too.
    ScriptedServer witness;
    QVERIFY(witness.start());
    witness.script("/events", {Response::events().send("data: a\n\n"), Response::events().stall()});
    EventSourceOptions witnessOptions = fastOptions(witness.url());
    witnessOptions.reconnectionTimeMs = 200;
    EventSource other(witnessOptions);
    Recorder otherRecorder(other);
    other.open();
    QTRY_COMPARE_WITH_TIMEOUT(otherRecorder.opened.count(), 2, Timeout);
    QCOMPARE(server.requestCount("/events"), 1);
    QCOMPARE(recorder.opened.count(), 1);
}

void TestEventSource::closeInsideTheFailedHandler()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::status(404)});
    EventSource source(fastOptions(server.url()));
    Recorder recorder(source);
    connect(&source, &EventSource::failed, &source, [&] { source.close(); });
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.failures.count(), 1, Timeout);
    QCOMPARE(source.readyState(), ReadyState::Closed);
    QCOMPARE(recorder.reconnects.count(), 0);
}

void TestEventSource::oversizedEventIsDroppedAndCounted()
{
    ScriptedServer server;
    QVERIFY(server.start());
    const QByteArray big(5000, 'x');
    server.script("/events", {Response::events()
                                  .send("data: " + big.first(1024) + "\n\n")
                                  .send("data: " + big.first(2000))
                                  .pause(5)
                                  .send(big + "\n\n")
                                  .send("data: after\n\n")
                                  .stall()});

    EventSourceOptions options = fastOptions(server.url());
    options.maxEventSize = 1024;
    EventSource source(options);
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 2, Timeout);
    QCOMPARE(recorder.data(0).size(), 1024);
    QCOMPARE(recorder.data(1), QStringLiteral("after"));
    QCOMPARE(source.droppedEventCount(), 1);
}

void TestEventSource::serverSentErrorTypeIsAnEvent()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send("event: error\ndata: x\n\nevent: open\ndata: y\n\n").stall()});

    EventSource source(fastOptions(server.url()));
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 2, Timeout);
    QCOMPARE(recorder.event(0).type, QStringLiteral("error"));
    QCOMPARE(recorder.event(1).type, QStringLiteral("open"));
    QCOMPARE(recorder.failures.count(), 0);
    QCOMPARE(recorder.opened.count(), 1);
    QCOMPARE(source.readyState(), ReadyState::Open);
}

void TestEventSource::manyStreamsToOneHostAllOpen()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send("data: hi\n\n").stall()});

    std::vector<std::unique_ptr<EventSource>> sources;
    int events = 0;
    for (int i = 0; i < 10; ++i) {
        sources.push_back(std::make_unique<EventSource>(fastOptions(server.url())));
        connect(sources.back().get(), &EventSource::eventReceived, this, [&events] { ++events; });
        sources.back()->open();
    }
    QTRY_COMPARE_WITH_TIMEOUT(events, 10, Timeout);
    for (const auto &source : sources)
        QCOMPARE(source->readyState(), ReadyState::Open);
}

void TestEventSource::noPhantomRequestsAfterCloseDelimitedBodies()
{
    // The server runs in its own process and closes each response a few ms after its event: the
    // race in which Qt 6.4 re-sends an answered request on a new connection.
    QProcess server;
    server.start(QStringLiteral(CLOSE_DELIMITED_SERVER), {});
    QVERIFY2(server.waitForStarted(Timeout), qPrintable(server.errorString()));
    QList<QByteArray> lines;
    connect(&server, &QProcess::readyReadStandardOutput, this, [&] {
        while (server.canReadLine())
            lines.append(server.readLine().trimmed());
    });
    QTRY_VERIFY_WITH_TIMEOUT(!lines.isEmpty(), Timeout);
    QVERIFY(lines.first().startsWith("PORT "));
    const QByteArray port = lines.takeFirst().sliced(5);

    constexpr int Connections = 60;
    EventSourceOptions options = fastOptions(QUrl(QStringLiteral("http://127.0.0.1:%1/events").arg(QString::fromLatin1(port))));
    options.reconnectionTimeMs = 1;
    EventSource source(options);
    Recorder recorder(source);
    connect(&source, &EventSource::opened, &source, [&] {
        if (recorder.opened.count() == Connections)
            source.close();
    });
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.opened.count(), Connections, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(lines.size() >= Connections, Timeout);

    // A phantom is an old request again: the same Last-Event-ID twice.
    QSet<QByteArray> lastEventIds;
    for (const QByteArray &line : std::as_const(lines)) {
        QVERIFY2(!lastEventIds.contains(line), line.constData());
        lastEventIds.insert(line);
    }
    QCOMPARE(lines.size(), Connections);
    QCOMPARE(recorder.failures.count(), 0);
    server.kill();
    server.waitForFinished();
}

QTEST_GUILESS_MAIN(TestEventSource)
#include "tst_eventsource.moc"
