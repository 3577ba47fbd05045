// What StreamDiagnosis says about the way to a scripted server on 127.0.0.1: a response head held
// back, events held back in bursts (and a steady fast or slow stream left alone), compression on
// the stream, and a server that compresses although asked not to.
#include "EventSource.h"
#include "EventSourceTestHelpers.h"
#include "ScriptedServer.h"
#include "StreamDiagnosis.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace EventSourceTest;
using Response = ScriptedServer::Response;

Q_DECLARE_METATYPE(StreamNotice)

namespace {

// Thresholds scaled down so that a burst pattern takes a second, not a minute.
const BurstDetector::Thresholds QuickBursts{50, 400, 5, 2};

StreamNotice noticeAt(const QSignalSpy &spy, int i)
{
    return spy.at(i).at(0).value<StreamNotice>();
}

QByteArray events(int first, int count)
{
    QByteArray bytes;
    for (int i = first; i < first + count; ++i)
        bytes += "id: " + QByteArray::number(i) + "\ndata: {\"count\": " + QByteArray::number(i) + "}\n\n";
    return bytes;
}

// zlib-wrapped deflate, what HTTP calls Content-Encoding: deflate.
QByteArray deflated(const QByteArray &bytes)
{
    return qCompress(bytes).sliced(4);
}

// Holds the response head back for `delayMs`, then streams one event and stays open.
void routeSlowHead(ScriptedServer &server, const QString &path, int delayMs)
{
    server.route(path, [delayMs](const HttpRequest &, HttpResponseStream *stream) {
        QTimer::singleShot(delayMs, stream, [stream] {
            stream->writeHead(200, {{"Content-Type", "text/event-stream"}});
            stream->write("data: late\n\n");
        });
    });
}

// A source, its diagnosis, and what both say.
struct Watched
{
    explicit Watched(const EventSourceOptions &options)
        : source(options)
        , diagnosis(&source)
        , notices(&diagnosis, &StreamDiagnosis::notice)
        , recorder(source)
    {
    }

    EventSource source;
    StreamDiagnosis diagnosis;
    QSignalSpy notices;
    Recorder recorder;
};

} // namespace

class TestStreamDiagnosis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<StreamNotice>(); }
    void headersHeldBack_data();
    void headersHeldBack();
    void promptHeadersSayNothing();
    void burstsAreNoticed();
    void steadyStreamsAreNotFlagged_data();
    void steadyStreamsAreNotFlagged();
    void compressedStreamIsNoticed();
    void compressedThoughAskedNot();
};

void TestStreamDiagnosis::headersHeldBack_data()
{
    QTest::addColumn<bool>("allowCompression");
    QTest::newRow("identity asked") << false;
    QTest::newRow("compression offered") << true;
}

void TestStreamDiagnosis::headersHeldBack()
{
    QFETCH(bool, allowCompression);
    ScriptedServer server;
    QVERIFY(server.start());
    routeSlowHead(server, QStringLiteral("/slow"), 1500);
    EventSourceOptions options = fastOptions(server.url("/slow"));
    options.allowCompression = allowCompression;
    EventSource source(options);
    StreamDiagnosis diagnosis(&source);
    diagnosis.setHeaderWaitNoticeMs(300);
    QSignalSpy notices(&diagnosis, &StreamDiagnosis::notice);
    Recorder recorder(source);
    QCOMPARE(diagnosis.awaitingHeadersSinceMs(), -1);
    source.open();

    QTRY_VERIFY_WITH_TIMEOUT(diagnosis.awaitingHeadersSinceMs() >= 0, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(notices.count(), 1, Timeout);
    const StreamNotice notice = noticeAt(notices, 0);
    QCOMPARE(notice.kind, StreamNotice::Kind::HeadersHeldBack);
    QVERIFY2(notice.text.contains(u"proxy_buffering off") && notice.text.contains(u"X-Accel-Buffering: no"),
             qPrintable(notice.text));
    QCOMPARE(notice.text.contains(u"compression"), allowCompression);
    QVERIFY(diagnosis.awaitingHeadersSinceMs() >= 0); // still waiting: the state the row shows

    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 1, Timeout);
    QCOMPARE(recorder.data(0), QStringLiteral("late"));
    QCOMPARE(diagnosis.awaitingHeadersSinceMs(), -1);
    QCOMPARE(notices.count(), 1); // once for the request, not per event
    QCOMPARE(server.lastRequest("/slow").header("Accept-Encoding"),
             allowCompression ? server.lastRequest("/slow").header("Accept-Encoding") : QByteArray("identity"));
    if (allowCompression)
        QVERIFY(server.lastRequest("/slow").header("Accept-Encoding").contains("gzip"));
}

void TestStreamDiagnosis::promptHeadersSayNothing()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send("data: first\n\n").pause(600).send("data: second\n\n").stall()});
    EventSource source(fastOptions(server.url()));
    StreamDiagnosis diagnosis(&source);
    diagnosis.setHeaderWaitNoticeMs(200);
    QSignalSpy notices(&diagnosis, &StreamDiagnosis::notice);
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 2, Timeout);
    QCOMPARE(notices.count(), 0);
    QCOMPARE(diagnosis.awaitingHeadersSinceMs(), -1);
}

void TestStreamDiagnosis::burstsAreNoticed()
{
    ScriptedServer server;
    QVERIFY(server.start());
    // What a proxy that flushes its buffer now and then delivers.
    server.script("/events", {Response::events()
                                  .send(events(1, 10))
                                  .pause(700)
                                  .send(events(11, 10))
                                  .pause(700)
                                  .send(events(21, 10))
                                  .pause(700)
                                  .send(events(31, 10))
                                  .stall()});
    Watched watched(fastOptions(server.url()));
    watched.diagnosis.setBurstThresholds(QuickBursts);
    watched.source.open();
    Recorder &recorder = watched.recorder;
    QSignalSpy &notices = watched.notices;
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 40, Timeout);
    QCOMPARE(notices.count(), 1); // once per connection, though the pattern goes on
    const StreamNotice notice = noticeAt(notices, 0);
    QCOMPARE(notice.kind, StreamNotice::Kind::BufferingProxy);
    QVERIFY2(notice.text.contains(u"X-Accel-Buffering: no") && notice.text.contains(u"proxy_buffering off")
                 && notice.text.contains(u"10 at once"),
             qPrintable(notice.text));
}

void TestStreamDiagnosis::steadyStreamsAreNotFlagged_data()
{
    QTest::addColumn<int>("everyMs");
    QTest::addColumn<int>("perSend");
    QTest::addColumn<int>("sends");
    QTest::newRow("fast: 10 events every 10 ms") << 10 << 10 << 100;
    QTest::newRow("fast: 1 event every 5 ms") << 5 << 1 << 200;
    QTest::newRow("slow: 1 event every 500 ms") << 500 << 1 << 4;
    QTest::newRow("slow: 4 events every 500 ms") << 500 << 4 << 4;
}

void TestStreamDiagnosis::steadyStreamsAreNotFlagged()
{
    QFETCH(int, everyMs);
    QFETCH(int, perSend);
    QFETCH(int, sends);
    ScriptedServer server;
    QVERIFY(server.start());
    Response response = Response::events();
    for (int i = 0; i < sends; ++i)
        response.send(events(i * perSend, perSend)).pause(everyMs);
    server.script("/events", {response.stall()});
    Watched watched(fastOptions(server.url()));
    watched.diagnosis.setBurstThresholds(QuickBursts);
    watched.source.open();
    Recorder &recorder = watched.recorder;
    QSignalSpy &notices = watched.notices;
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), sends * perSend, Timeout);
    QCOMPARE(notices.count(), 0);
}

void TestStreamDiagnosis::compressedStreamIsNoticed()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().header("Content-Encoding", "deflate").send(deflated(events(1, 3))).stall()});
    EventSourceOptions options = fastOptions(server.url());
    options.allowCompression = true;
    EventSource source(options);
    StreamDiagnosis diagnosis(&source);
    QSignalSpy notices(&diagnosis, &StreamDiagnosis::notice);
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 3, Timeout);
    QCOMPARE(recorder.data(2), QStringLiteral("{\"count\": 3}")); // Qt decoded what it offered
    QCOMPARE(source.contentEncoding(), QByteArray("deflate"));
    QCOMPARE(notices.count(), 1);
    QCOMPARE(noticeAt(notices, 0).kind, StreamNotice::Kind::Compressed);
    QVERIFY2(noticeAt(notices, 0).text.contains(u"Content-Encoding: deflate"), qPrintable(noticeAt(notices, 0).text));
    QCOMPARE(recorder.reconnects.count(), 0);
}

void TestStreamDiagnosis::compressedThoughAskedNot()
{
    ScriptedServer server;
    QVERIFY(server.start());
    // A server that compresses whatever the request says.
    server.script("/events", {Response::events().header("Content-Encoding", "deflate").send(deflated(events(1, 2))).stall()});
    EventSource source(fastOptions(server.url()));
    StreamDiagnosis diagnosis(&source);
    QSignalSpy notices(&diagnosis, &StreamDiagnosis::notice);
    Recorder recorder(source);
    QVERIFY(!source.offersCompression());
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 2, Timeout);
    QCOMPARE(recorder.data(0), QStringLiteral("{\"count\": 1}")); // never the compressed bytes
    QCOMPARE(recorder.reconnects.count(), 1);
    QVERIFY2(recorder.reconnectReason(0).contains(u"compressed the stream (deflate)")
                 && recorder.reconnectReason(0).contains(u"Accept-Encoding: identity"),
             qPrintable(recorder.reconnectReason(0)));
    const QList<ScriptedServer::Request> requests = server.requests("/events");
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests[0].header("Accept-Encoding"), QByteArray("identity"));
    QVERIFY(requests[1].header("Accept-Encoding").contains("deflate"));
    QVERIFY(source.offersCompression());
    QCOMPARE(recorder.opened.count(), 1); // the compressed response was never opened as a stream
    QCOMPARE(notices.count(), 1);
    QCOMPARE(noticeAt(notices, 0).kind, StreamNotice::Kind::Compressed);
}

QTEST_GUILESS_MAIN(TestStreamDiagnosis)
#include "tst_streamdiagnosis.moc"
