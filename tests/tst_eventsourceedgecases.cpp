// EventSource edge cases: close() from anywhere (handlers, a pending reconnect), oversized events,
// server-sent "error" events, many streams to one host, and close-delimited bodies.
#include "EventSource.h"
#include "EventSourceTestHelpers.h"
#include "ScriptedServer.h"

#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

using namespace EventSourceTest;
using Response = ScriptedServer::Response;
using ReadyState = EventSource::ReadyState;

class TestEventSourceEdgeCases : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // close()
    void closeStopsEverything();
    void closeInsideAHandlerDropsQueuedEvents();
    void closeCancelsAPendingReconnect();
    void batchesCarryEveryEventAsWellFormedBytes();
    void closeInsideTheFailedHandler();

    // Limits and odd input
    void oversizedEventIsDroppedAndCounted();
    void serverSentErrorTypeIsAnEvent();
    void manyStreamsToOneHostAllOpen();
    void noPhantomRequestsAfterCloseDelimitedBodies_data();
    void noPhantomRequestsAfterCloseDelimitedBodies();
};

void TestEventSourceEdgeCases::initTestCase()
{
    qRegisterMetaType<SseEvent>();
    qRegisterMetaType<EventSource::ReadyState>();
}

void TestEventSourceEdgeCases::closeStopsEverything()
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

void TestEventSourceEdgeCases::closeInsideAHandlerDropsQueuedEvents()
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

void TestEventSourceEdgeCases::batchesCarryEveryEventAsWellFormedBytes()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events()
                                  .send("id: 7\nevent: tick\ndata: a\n\ndata: \xE2\x82\n\n")
                                  .pause(50)
                                  .send("id: 8\ndata: \xC3\xA9\ndata: 2\n\n")
                                  .stall()});

    // Only the batch signal is connected: the events still all come, in order, as bytes.
    EventSource source(fastOptions(server.url()));
    QList<QByteArray> seen;
    int batches = 0;
    connect(&source, &EventSource::eventsReceived, &source, [&](const SseEventBatch &events) {
        ++batches;
        for (qsizetype i = 0; i < events.size(); ++i)
            seen.append(events.type(i).toByteArray() + '|' + events.data(i).toByteArray() + '|'
                        + events.lastEventId(i).toByteArray());
    });
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(seen.size(), 3, Timeout);
    QCOMPARE(seen, (QList<QByteArray>{"tick|a|7", "message|\xEF\xBF\xBD|7", "message|\xC3\xA9\n2|8"}));
    QVERIFY(batches >= 2);
    QCOMPARE(source.lastEventId(), QStringLiteral("8"));
    source.close();
}

void TestEventSourceEdgeCases::closeCancelsAPendingReconnect()
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

void TestEventSourceEdgeCases::closeInsideTheFailedHandler()
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

void TestEventSourceEdgeCases::oversizedEventIsDroppedAndCounted()
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

void TestEventSourceEdgeCases::serverSentErrorTypeIsAnEvent()
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

void TestEventSourceEdgeCases::manyStreamsToOneHostAllOpen()
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

void TestEventSourceEdgeCases::noPhantomRequestsAfterCloseDelimitedBodies_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("GET") << QByteArray("GET") << QByteArray();
    // A request with a body is just as exposed: Qt would send the body again too.
    QTest::newRow("POST with a body") << QByteArray("POST") << QByteArray(R"({"model": "m", "stream": true})");
}

void TestEventSourceEdgeCases::noPhantomRequestsAfterCloseDelimitedBodies()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, body);
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
    options.method = method;
    options.body = body;
    options.headers = {{"Content-Type", "application/json"}};
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

QTEST_GUILESS_MAIN(TestEventSourceEdgeCases)
#include "tst_eventsourceedgecases.moc"
