// Servers that misbehave, against 127.0.0.1: bodies of garbage, NULs, endless lines and comments,
// a million id lines or empty events, absurd retry values; servers that never answer, reset
// mid-event, drip a byte at a time, send an endless header or a Location that is no URL. Under each
// the events before and after arrive whole, and a steady stream beside it in the same process
// keeps its pace (its rate is printed) and loses nothing.
#include "EventSource.h"
#include "EventSourceTestHelpers.h"
#include "ScriptedServer.h"
#include "StreamDiagnosis.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace EventSourceTest;
using Response = ScriptedServer::Response;

Q_DECLARE_METATYPE(QList<QByteArray>)
Q_DECLARE_METATYPE(StreamNotice)

namespace {

constexpr int MiB = 1 << 20;

QByteArray repeated(QByteArrayView piece, qsizetype bytes)
{
    QByteArray out;
    out.reserve(bytes + piece.size());
    while (out.size() < bytes)
        out.append(piece);
    return out;
}

QByteArray garbage(qsizetype bytes)
{
    QRandomGenerator random(7);
    QByteArray out(bytes, Qt::Uninitialized);
    for (char &c : out)
        c = char(random.bounded(256));
    return out;
}

// A stream of one small event every 10 ms beside the hostile one, counting what arrives.
struct SteadyNeighbour
{
    explicit SteadyNeighbour(ScriptedServer &server)
    {
        Response response = Response::events();
        for (int i = 1; i <= 100000; ++i)
            response.send("id: " + QByteArray::number(i) + "\ndata: " + QByteArray::number(i) + "\n\n").pause(10);
        server.script(QStringLiteral("/steady"), {response.stall()});
        source = std::make_unique<EventSource>(fastOptions(server.url(QStringLiteral("/steady"))));
        QObject::connect(source.get(), &EventSource::eventReceived, source.get(), [this](const SseEvent &event) {
            inOrder = inOrder && event.data == QString::number(received + 1);
            ++received;
        });
        source->open();
        clock.start();
    }
    double rate() const { return received * 1000.0 / qMax<qint64>(1, clock.elapsed()); }

    std::unique_ptr<EventSource> source;
    QElapsedTimer clock;
    int received = 0;
    bool inOrder = true;
};

} // namespace

class TestHostileServers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<StreamNotice>(); }
    void hostileBodies_data();
    void hostileBodies();
    void endlessLineIsDroppedAndSaid();
    void neverAnswersIsConnectedToAgain();
    void resetMidEventLosesOnlyThatEvent();
    void dripOfOneBytePer100Ms();
    void endlessHeaderIsConnectedToAgain();
    void locationThatIsNoUrlFails_data();
    void locationThatIsNoUrlFails();
};

void TestHostileServers::hostileBodies_data()
{
    QTest::addColumn<QList<QByteArray>>("middle"); // sent between the event before and the event after
    QTest::addColumn<qint64>("comments");

    QTest::newRow("binary garbage, 4 MiB") << QList<QByteArray>(4, garbage(MiB)) << qint64(-1);
    QTest::newRow("a NUL flood, 8 MiB") << QList<QByteArray>(8, QByteArray(MiB, '\0')) << qint64(0);
    QTest::newRow("retry: of 30 digits") << QList<QByteArray>{"retry: 123456789012345678901234567890\n"} << qint64(0);
    QTest::newRow("a million id: lines without data")
        << QList<QByteArray>(10, repeated("id: 1234567\n", 100000 * 12)) << qint64(0);
    QTest::newRow("a million empty events") << QList<QByteArray>(10, QByteArray(100000, '\n')) << qint64(0);
    const QByteArray comment = ": keep-alive " + QByteArray(50, '.') + '\n';
    QTest::newRow("64 MiB of comments") << QList<QByteArray>(64, repeated(comment, MiB)) << qint64(-2);
}

void TestHostileServers::hostileBodies()
{
    QFETCH(QList<QByteArray>, middle);
    QFETCH(qint64, comments);
    ScriptedServer server;
    QVERIFY(server.start());
    Response response = Response::events().send("id: 1\ndata: before\n\n");
    qint64 commentLines = 0;
    for (const QByteArray &piece : middle) {
        response.send(piece);
        commentLines += piece.count(": keep-alive");
    }
    server.script("/events", {response.send("\n\nid: 2\ndata: after\n\n").stall()});
    SteadyNeighbour neighbour(server);
    EventSource source(fastOptions(server.url()));
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 2, 60000);
    QCOMPARE(recorder.data(0), QStringLiteral("before"));
    QCOMPARE(recorder.data(1), QStringLiteral("after"));
    QCOMPARE(recorder.event(1).lastEventId, QStringLiteral("2"));
    QCOMPARE(recorder.reconnects.count(), 0);
    if (comments == -2)
        QCOMPARE(source.commentCount(), commentLines);
    else if (comments >= 0)
        QCOMPARE(source.commentCount(), comments);
    if (QTest::currentDataTag() == QByteArrayView("retry: of 30 digits"))
        QCOMPARE(source.reconnectionTime(), std::numeric_limits<int>::max());
    QTRY_VERIFY_WITH_TIMEOUT(neighbour.received >= 20, Timeout);
    QVERIFY(neighbour.inOrder);
    qInfo("steady neighbour: %d events, %.0f events/s (sent at 100/s)", neighbour.received, neighbour.rate());
}

void TestHostileServers::endlessLineIsDroppedAndSaid()
{
    // A line of 64 MiB that never ends, with a 1 MiB cap; the next connection is a normal one.
    ScriptedServer server;
    QVERIFY(server.start());
    Response endless = Response::events().send("id: 1\ndata: before\n\ndata: ");
    const QByteArray chunk(MiB, 'x');
    for (int i = 0; i < 64; ++i)
        endless.send(chunk);
    server.script("/events", {endless.end(), Response::events().send("id: 2\ndata: after\n\n").stall()});
    EventSourceOptions options = fastOptions(server.url());
    options.maxEventSize = MiB;
    EventSource source(options);
    StreamDiagnosis diagnosis(&source);
    QSignalSpy notices(&diagnosis, &StreamDiagnosis::notice);
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 2, 60000);
    QCOMPARE(recorder.data(0), QStringLiteral("before"));
    QCOMPARE(recorder.data(1), QStringLiteral("after"));
    QCOMPARE(notices.count(), 1);
    const auto notice = notices.at(0).at(0).value<StreamNotice>();
    QCOMPARE(notice.kind, StreamNotice::Kind::EventTooLarge);
    QVERIFY2(notice.text.contains(u"(1 MiB)"), qPrintable(notice.text));
}

void TestHostileServers::neverAnswersIsConnectedToAgain()
{
    ScriptedServer server;
    int requests = 0;
    QList<QPointer<HttpResponseStream>> silent;
    server.route(QStringLiteral("/events"), [&](const HttpRequest &, HttpResponseStream *response) {
        if (++requests == 1) {
            silent.append(response); // accepted, never answered
            return;
        }
        response->writeHead(200, {{"Content-Type", "text/event-stream"}});
        response->write("data: answered\n\n");
    });
    QVERIFY(server.start());
    EventSourceOptions options = fastOptions(server.url());
    options.headerTimeoutMs = 400;
    EventSource source(options);
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 1, Timeout);
    QCOMPARE(recorder.data(0), QStringLiteral("answered"));
    QCOMPARE(recorder.reconnects.count(), 1);
    QCOMPARE(recorder.reconnectReason(0), QStringLiteral("No response headers within 0.4 s"));
    QCOMPARE(requests, 2);
}

void TestHostileServers::resetMidEventLosesOnlyThatEvent()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send("id: 1\ndata: whole\n\nid: 2\ndata: ha").abort(),
                              Response::events().echo([](const HttpRequest &r) -> QByteArray {
                                  return "data: resumed after " + r.header("Last-Event-ID") + "\n\n";
                              }).stall()});
    EventSource source(fastOptions(server.url()));
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 2, Timeout);
    QCOMPARE(recorder.data(0), QStringLiteral("whole"));
    QCOMPARE(recorder.data(1), QStringLiteral("resumed after 1")); // the cut event was never dispatched
}

void TestHostileServers::dripOfOneBytePer100Ms()
{
    ScriptedServer server;
    QVERIFY(server.start());
    const QByteArray event = "id: 9\r\ndata: drip\r\n\r\n";
    Response response = Response::events();
    for (char c : event)
        response.send(QByteArray(1, c)).pause(100);
    server.script("/events", {response.stall()});
    EventSource source(fastOptions(server.url()));
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 1, Timeout);
    QCOMPARE(recorder.data(0), QStringLiteral("drip"));
    QCOMPARE(recorder.event(0).lastEventId, QStringLiteral("9"));
    QCOMPARE(recorder.reconnects.count(), 0);
}

void TestHostileServers::endlessHeaderIsConnectedToAgain()
{
    // A raw server: the status line, then header lines for ever, never the blank line.
    QTcpServer raw;
    QVERIFY(raw.listen(QHostAddress::LocalHost));
    int connections = 0;
    QList<QTcpSocket *> sockets;
    connect(&raw, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = raw.nextPendingConnection()) {
            ++connections;
            sockets.append(socket);
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n");
            auto *timer = new QTimer(socket);
            connect(timer, &QTimer::timeout, socket, [socket] {
                if (socket->bytesToWrite() < 1 << 20)
                    socket->write("X-Endless: " + QByteArray(1000, 'h') + "\r\n");
            });
            timer->start(1);
        }
    });
    EventSourceOptions options = fastOptions(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(raw.serverPort())));
    options.headerTimeoutMs = 500;
    EventSource source(options);
    Recorder recorder(source);
    source.open();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.reconnects.count() >= 1, Timeout);
    QVERIFY2(recorder.reconnectReason(0).contains(u"No response headers") || recorder.reconnectReason(0).contains(u"header"),
             qPrintable(recorder.reconnectReason(0)));
    QTRY_VERIFY_WITH_TIMEOUT(connections >= 2, Timeout);
    QCOMPARE(recorder.events.count(), 0);
    QCOMPARE(recorder.failures.count(), 0);
    source.close();
    qDeleteAll(sockets);
}

void TestHostileServers::locationThatIsNoUrlFails_data()
{
    QTest::addColumn<QByteArray>("location");
    QTest::newRow("an unclosed IPv6 literal") << QByteArray("http://[::1/events");
    QTest::newRow("another scheme") << QByteArray("ftp://127.0.0.1/events");
    QTest::newRow("no host") << QByteArray("http:///events");
}

void TestHostileServers::locationThatIsNoUrlFails()
{
    QFETCH(QByteArray, location);
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::status(302).header("Location", location)});
    EventSource source(fastOptions(server.url()));
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.failures.count(), 1, Timeout);
    QVERIFY2(recorder.failure().contains(u"Redirect to an unsupported URL") || recorder.failure().contains(u"Invalid URL"),
             qPrintable(recorder.failure()));
    QCOMPARE(recorder.reconnects.count(), 0);
}

QTEST_GUILESS_MAIN(TestHostileServers)
#include "tst_hostileservers.moc"
