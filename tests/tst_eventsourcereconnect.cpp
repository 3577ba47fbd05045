// EventSource reconnection (rule C of the conformance rule book): Last-Event-ID, partial blocks,
// retry, BOM and chunking on every connection, backoff, strict mode, and the idle timeout.
#include "EventSource.h"
#include "EventSourceTestHelpers.h"
#include "ScriptedServer.h"

#include <QSignalSpy>
#include <QTest>

using namespace EventSourceTest;
using Response = ScriptedServer::Response;
using ReadyState = EventSource::ReadyState;

class TestEventSourceReconnect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

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
};

void TestEventSourceReconnect::initTestCase()
{
    qRegisterMetaType<SseEvent>();
    qRegisterMetaType<EventSource::ReadyState>();
}

void TestEventSourceReconnect::reconnectsWithLastEventIdAfterACleanEnd()
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

void TestEventSourceReconnect::partialBlockIsDiscardedWhenTheConnectionDrops()
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

void TestEventSourceReconnect::emptiedIdSendsNoLastEventId()
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

void TestEventSourceReconnect::retryFieldAppliesWithoutDispatch()
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

void TestEventSourceReconnect::bomIsStrippedOnEveryConnection()
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

void TestEventSourceReconnect::chunkBoundariesInsideUtf8AndCrLf()
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

void TestEventSourceReconnect::backoffGrowsAndResetsAfterAnEvent()
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

void TestEventSourceReconnect::strictModeWaitsTheReconnectionTime()
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

void TestEventSourceReconnect::reconnectsWhenTheServerComesBack()
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

void TestEventSourceReconnect::idleTimeoutForcesAReconnect()
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

void TestEventSourceReconnect::commentsKeepTheIdleTimerAlive()
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

QTEST_GUILESS_MAIN(TestEventSourceReconnect)
#include "tst_eventsourcereconnect.moc"
