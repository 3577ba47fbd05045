// EventSource opening a stream (rules A-B of the conformance rule book): the request it sends, what
// it makes of each status, content type and network or TLS error, and redirects.
#include "EventSource.h"
#include "EventSourceTestHelpers.h"
#include "ScriptedServer.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTest>

using namespace EventSourceTest;
using Response = ScriptedServer::Response;
using ReadyState = EventSource::ReadyState;

Q_DECLARE_METATYPE(ReconnectMode)

class TestEventSourceResponses : public QObject
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
};

void TestEventSourceResponses::initTestCase()
{
    qRegisterMetaType<SseEvent>();
    qRegisterMetaType<EventSource::ReadyState>();
}

void TestEventSourceResponses::firstRequestHeaders()
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

void TestEventSourceResponses::customHeadersAndInitialLastEventId()
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

void TestEventSourceResponses::readyStateLifecycle()
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

void TestEventSourceResponses::deliversEventsInOrder()
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

void TestEventSourceResponses::statusOutcomes_data()
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

void TestEventSourceResponses::statusOutcomes()
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

void TestEventSourceResponses::contentTypes_data()
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

void TestEventSourceResponses::contentTypes()
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

void TestEventSourceResponses::retryAfterIsHonoured()
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

void TestEventSourceResponses::networkErrorBeforeHeadersReconnects()
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

void TestEventSourceResponses::unsupportedUrlsFail_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::newRow("ftp") << QUrl(QStringLiteral("ftp://example.invalid/"));
    QTest::newRow("about:blank") << QUrl(QStringLiteral("about:blank"));
    QTest::newRow("mailto") << QUrl(QStringLiteral("mailto:a@example.invalid"));
    QTest::newRow("javascript") << QUrl(QStringLiteral("javascript:alert(1)"));
    QTest::newRow("no scheme") << QUrl(QStringLiteral("127.0.0.1/events"));
    QTest::newRow("empty") << QUrl();
}

void TestEventSourceResponses::unsupportedUrlsFail()
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

void TestEventSourceResponses::tlsCertificateErrorFails()
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

void TestEventSourceResponses::redirectsAreFollowed_data()
{
    QTest::addColumn<int>("status");
    for (int status : {301, 302, 303, 307, 308})
        QTest::addRow("%d", status) << status;
}

void TestEventSourceResponses::redirectsAreFollowed()
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

void TestEventSourceResponses::reconnectionStartsFromTheOriginalUrl()
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

void TestEventSourceResponses::redirectWithoutLocationFails()
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

void TestEventSourceResponses::tooManyRedirectsIsANetworkError()
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

void TestEventSourceResponses::secretHeadersStayWithTheirOrigin()
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

QTEST_GUILESS_MAIN(TestEventSourceResponses)
#include "tst_eventsourceresponses.moc"
