// What a Stream reports besides its events, against the scripted server: comments counted and
// flushed, notices until the next attempt, waiting for a held response head, and close().
#include "EventSource.h"
#include "FastOptions.h"
#include "StreamFixtures.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace StreamFixtures;

class TestStreamReports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void commentsAreCountedAndFlushed();
    void noticesLastUntilTheNextAttempt();
    void awaitingHeadersWhileTheHeadIsHeld();
    void closeGivesOneClosedEvent_data();
    void closeGivesOneClosedEvent();
};

void TestStreamReports::initTestCase()
{
    qRegisterMetaType<QList<CapturedEvent>>();
}

void TestStreamReports::commentsAreCountedAndFlushed()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events()
                                  .send(": hello\n" + countEvent(1, 10) + ": \xEF\xBB\xBF" "between\n:\n")
                                  .pause(100)
                                  .send(": late\n")
                                  .stall()});
    Stream stream(1, fastOptions(server.url()), QStringLiteral("s"));
    QSignalSpy events(&stream, &Stream::eventsAdded);
    QSignalSpy comments(&stream, &Stream::commentsAdded);
    QCOMPARE(stream.statistics().lastByteAtMs(), -1);
    stream.open();
    QTRY_COMPARE_WITH_TIMEOUT(stream.statistics().comments(), 3, Timeout);
    QCOMPARE(stream.pendingCount(), 1);
    QVERIFY(stream.statistics().lastByteAtMs() >= 0);
    QCOMPARE(comments.count(), 0); // on the flush, with the events
    stream.flush();
    QCOMPARE(events.count(), 1);
    QCOMPARE(comments.count(), 1);
    const auto first = comments.at(0).at(0).value<QList<StreamComment>>();
    QCOMPARE(first.size(), 3);
    QCOMPARE(first.at(0).text, QStringLiteral("hello"));
    QCOMPARE(first.at(1).text, QChar(0xFEFF) + QStringLiteral("between")); // a U+FEFF inside the stream stays
    QCOMPARE(first.at(2).text, QString());
    QCOMPARE(first.at(0).connection, 1);
    QVERIFY(first.at(0).receivedAt.isValid());

    // A read of comments alone: counted, flushed, no event batch.
    const qint64 byteBefore = stream.statistics().lastByteAtMs();
    QTRY_COMPARE_WITH_TIMEOUT(stream.statistics().comments(), 4, Timeout);
    QVERIFY(stream.statistics().lastByteAtMs() >= byteBefore);
    QCOMPARE(stream.statistics().lastEventAtMs() <= stream.statistics().lastByteAtMs(), true);
    stream.flush();
    QCOMPARE(events.count(), 1);
    QCOMPARE(comments.count(), 2);
    QCOMPARE(comments.at(1).at(0).value<QList<StreamComment>>().at(0).text, QStringLiteral("late"));
    QCOMPARE(stream.statistics().events(), 1);
    QCOMPARE(stream.capture()->size(), 1); // comments are no events
}

void TestStreamReports::noticesLastUntilTheNextAttempt()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {
        Response::events().header("Content-Encoding", "deflate").send(qCompress(countEvent(1, 10)).sliced(4)).hold().end(),
        Response::events().send(countEvent(2, 20)).stall(),
    });
    EventSourceOptions options = fastOptions(server.url());
    options.allowCompression = true;
    Stream stream(1, options, QStringLiteral("s"));
    ConnectionLog log(stream);
    stream.open();
    QTRY_COMPARE_WITH_TIMEOUT(stream.statistics().events(), 1, Timeout);
    QCOMPARE(stream.notices().size(), 1);
    QCOMPARE(stream.notices().at(0).kind, StreamNotice::Kind::Compressed);
    QCOMPARE(log.connectionsOf(Kind::Notice), QList<int>{1});
    const QList<ConnectionEvent> notices = stream.history().recent(Kind::Notice, 5);
    QCOMPARE(notices.size(), 1);
    QVERIFY(notices.at(0).reason.contains(u"Content-Encoding: deflate"));
    QCOMPARE(stream.status(), StreamStatus::Open); // a notice changes no state

    server.release();
    // The next connection is not compressed: the notice was about the one before.
    QTRY_COMPARE_WITH_TIMEOUT(stream.statistics().events(), 2, Timeout);
    QVERIFY(stream.notices().isEmpty());
    QCOMPARE(stream.history().recent(Kind::Notice, 5).size(), 1); // the history keeps it
    QVERIFY2(log.summary().startsWith(u"O1 N1 L1 S1 O2"), qPrintable(log.summary()));
}

void TestStreamReports::awaitingHeadersWhileTheHeadIsHeld()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.route(QStringLiteral("/slow"), [](const HttpRequest &, HttpResponseStream *response) {
        QTimer::singleShot(800, response, [response] {
            response->writeHead(200, {{"Content-Type", "text/event-stream"}});
            response->write(countEvent(1, 1));
        });
    });
    Stream stream(1, fastOptions(server.url("/slow")), QStringLiteral("s"));
    QCOMPARE(stream.awaitingHeadersSinceMs(), -1);
    stream.open();
    QTRY_VERIFY_WITH_TIMEOUT(stream.awaitingHeadersSinceMs() >= 0, Timeout);
    QCOMPARE(stream.status(), StreamStatus::Connecting);
    QTRY_COMPARE_WITH_TIMEOUT(stream.status(), StreamStatus::Open, Timeout);
    QCOMPARE(stream.awaitingHeadersSinceMs(), -1);
}

void TestStreamReports::closeGivesOneClosedEvent_data()
{
    QTest::addColumn<QString>("when");
    QTest::newRow("while connecting") << "connecting";
    QTest::newRow("while open") << "open";
    QTest::newRow("while reconnecting") << "reconnecting";
}

void TestStreamReports::closeGivesOneClosedEvent()
{
    QFETCH(QString, when);

    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send(countEvent(1, 1)).stall()});
    if (when == QLatin1String("reconnecting"))
        server.stop(); // nothing listens: every attempt is refused
    Stream stream(1, fastOptions(server.url()), {});
    ConnectionLog log(stream);
    stream.open();
    if (when == QLatin1String("open"))
        QTRY_COMPARE_WITH_TIMEOUT(stream.status(), StreamStatus::Open, Timeout);
    else if (when == QLatin1String("reconnecting"))
        QTRY_COMPARE_WITH_TIMEOUT(stream.status(), StreamStatus::Reconnecting, Timeout);

    const qsizetype before = log.events.size();
    stream.close();
    QCOMPARE(log.events.size(), before + 1);
    QCOMPARE(log.events.last().kind, Kind::Closed);
    QCOMPARE(stream.status(), StreamStatus::Closed);
    QCOMPARE(stream.source()->readyState(), EventSource::ReadyState::Closed);
    QCOMPARE(stream.history().reconnectAtMs(), 0);
    if (!stream.history().outages().empty())
        QVERIFY(stream.history().outages().back().second >= 0);

    stream.close();
    QCOMPARE(log.events.size(), before + 1);
}

QTEST_GUILESS_MAIN(TestStreamReports)
#include "tst_streamreports.moc"
