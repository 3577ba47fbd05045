// SseParser size limits and large input: the event size cap, dropped events counted, events of
// several mebibytes, and a hundred events in one chunk.
#include "SseParser.h"
#include "SseParserTestHelpers.h"

#include <QtTest>

using namespace SseParserTest;

namespace {

QByteArray repeated(char c, qsizetype size)
{
    return QByteArray(size, c);
}

} // namespace

class TestSseParserLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultMaxEventSize();
    void eventAtTheCapArrives_data();
    void eventAtTheCapArrives();
    void invalidBytesAtTheCapDecodeToThreeTimesIt();
    void largerEventIsDroppedAndCounted_data();
    void largerEventIsDroppedAndCounted();
    void hugeLineInSmallChunks();
    void hugeCommentDoesNotSpoilItsBlock();
    void droppedEventStillCommitsItsId();
    void defaultCapTakesSixteenMebibytes();
    void fiveMebibytesInOneChunk();
    void tenMebibytesInTwoChunks();

    void hundredEventsInOneChunkInOrder();
};

void TestSseParserLimits::defaultMaxEventSize()
{
    QCOMPARE(SseParser::DefaultMaxEventSize, 16 * 1024 * 1024);
    QCOMPARE(SseParser().maxEventSize(), SseParser::DefaultMaxEventSize);
    SseParser small(100);
    QCOMPARE(small.maxEventSize(), 100);
    small.setMaxEventSize(200);
    QCOMPARE(small.maxEventSize(), 200);
}

void TestSseParserLimits::eventAtTheCapArrives_data()
{
    QTest::addColumn<int>("chunkSize");
    QTest::newRow("one chunk") << 0;
    QTest::newRow("7-byte chunks") << 7;
    QTest::newRow("1-byte chunks") << 1;
}

void TestSseParserLimits::eventAtTheCapArrives()
{
    QFETCH(int, chunkSize);
    constexpr int cap = 1000;
    const QByteArray value = repeated('a', cap);
    const QByteArray twoLines = repeated('b', cap / 2) + "\ndata: " + repeated('c', cap / 2 - 1);
    const QByteArray body = "data: " + value + "\n\ndata: " + twoLines + "\n\ndata: next\n\n";

    SseParser parser(cap);
    QList<SseEvent> events;
    parser.beginStream();
    const QByteArrayView view(body);
    if (chunkSize == 0) {
        parser.feed(view, events);
    } else {
        for (qsizetype i = 0; i < view.size(); i += chunkSize)
            parser.feed(view.sliced(i, qMin<qsizetype>(chunkSize, view.size() - i)), events);
    }
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(0).data, QString::fromLatin1(value));
    QCOMPARE(events.at(1).data.size(), cap);
    QCOMPARE(events.at(1).data, QString(cap / 2, u'b') + u'\n' + QString(cap / 2 - 1, u'c'));
    QCOMPARE(events.at(2).data, QStringLiteral("next"));
    QCOMPARE(parser.droppedEventCount(), 0);
}

void TestSseParserLimits::invalidBytesAtTheCapDecodeToThreeTimesIt()
{
    // Found by fuzz_sseparser: the cap counts bytes received, and each byte that is no UTF-8
    // becomes U+FFFD (three bytes): an event at the cap is dispatched, up to three times as long.
    constexpr int cap = 64;
    SseParser parser(cap);
    QList<SseEvent> events;
    parser.beginStream();
    const QByteArray body = "data: " + QByteArray(cap, '\xff') + "\n\n";
    parser.feed(body, events);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).data, QString(cap, QChar::ReplacementCharacter));
    QCOMPARE(events.at(0).data.toUtf8().size(), 3 * cap);
    QCOMPARE(parser.droppedEventCount(), 0);
}

void TestSseParserLimits::largerEventIsDroppedAndCounted_data()
{
    QTest::addColumn<QByteArray>("oversized");
    constexpr int cap = 1000;
    QTest::newRow("one line one byte over") << "data: " + repeated('a', cap + 1) + "\n\n";
    QTest::newRow("two lines one byte over")
        << "data: " + repeated('a', cap / 2) + "\ndata: " + repeated('b', cap / 2) + "\n\n";
    QTest::newRow("many short lines")
        << QByteArray("data: 0123456789\n").repeated(200) + "\n";
    QTest::newRow("line far over the cap") << "data: " + repeated('a', 10 * cap) + "\n\n";
    QTest::newRow("over-long line inside a block")
        << "event: big\ndata: small\ndata: " + repeated('a', 3 * cap) + "\ndata: tail\n\n";
    QTest::newRow("over-long line ended by CR") << "data: " + repeated('a', 3 * cap) + "\r\r";
}

void TestSseParserLimits::largerEventIsDroppedAndCounted()
{
    QFETCH(QByteArray, oversized);
    const QByteArray body = "data: before\n\n" + oversized + "data: after\n\n";

    for (int chunkSize : {0, 1, 13, 512}) {
        SseParser parser(1000);
        QList<SseEvent> events;
        parser.beginStream();
        const QByteArrayView view(body);
        if (chunkSize == 0) {
            parser.feed(view, events);
        } else {
            for (qsizetype i = 0; i < view.size(); i += chunkSize)
                parser.feed(view.sliced(i, qMin<qsizetype>(chunkSize, view.size() - i)), events);
        }
        QCOMPARE(events, (QList<SseEvent>{ev("before"), ev("after")}));
        QCOMPARE(parser.droppedEventCount(), 1);
    }
}

void TestSseParserLimits::hugeLineInSmallChunks()
{
    // 64 MiB on one line against a 1 MiB cap, in 1460-byte pieces: the parser may not hold it.
    constexpr qsizetype cap = 1024 * 1024;
    constexpr qsizetype lineSize = 64 * 1024 * 1024;
    const QByteArray piece = repeated('z', 1460);
    SseParser parser(cap);
    QList<SseEvent> events;
    parser.beginStream();
    parser.feed("id: 1\ndata: ", events);
    for (qsizetype sent = 0; sent < lineSize; sent += piece.size())
        parser.feed(piece, events);
    parser.feed("\n\nid: 2\ndata: after\n\n", events);
    QCOMPARE(events, QList<SseEvent>{ev("after", "2")});
    QCOMPARE(parser.droppedEventCount(), 1);
}

void TestSseParserLimits::hugeCommentDoesNotSpoilItsBlock()
{
    SseParser parser(1000);
    QList<SseEvent> events;
    parser.beginStream();
    const QByteArray body = "data: a\n:" + repeated('c', 5000) + "\ndata: b\n\n";
    for (qsizetype i = 0; i < body.size(); i += 100)
        parser.feed(QByteArrayView(body).sliced(i, qMin<qsizetype>(100, body.size() - i)), events);
    QCOMPARE(events, QList<SseEvent>{ev("a\nb")});
    QCOMPARE(parser.droppedEventCount(), 0);
}

void TestSseParserLimits::droppedEventStillCommitsItsId()
{
    // The server moved past this id; resuming from it must not replay the dropped event.
    SseParser parser(100);
    QList<SseEvent> events;
    parser.beginStream();
    parser.feed(QByteArray("id: 7\ndata: " + repeated('a', 200) + "\n\ndata: next\n\n"), events);
    QCOMPARE(events, QList<SseEvent>{ev("next", "7")});
    QCOMPARE(parser.lastEventId(), QStringLiteral("7"));
    QCOMPARE(parser.droppedEventCount(), 1);
}

void TestSseParserLimits::defaultCapTakesSixteenMebibytes()
{
    constexpr qsizetype cap = SseParser::DefaultMaxEventSize;
    SseParser parser;
    QList<SseEvent> events;
    parser.beginStream();
    parser.feed(QByteArray("data: " + repeated('a', cap) + "\n\n"), events);
    parser.feed(QByteArray("data: " + repeated('b', cap + 1) + "\n\ndata: next\n\n"), events);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).data.size(), cap);
    QVERIFY(events.at(0).data == QString(cap, u'a'));
    QCOMPARE(events.at(1).data, QStringLiteral("next"));
    QCOMPARE(parser.droppedEventCount(), 1);
}

void TestSseParserLimits::fiveMebibytesInOneChunk()
{
    const QByteArray value = repeated('x', 5 * 1024 * 1024);
    SseParser parser;
    QList<SseEvent> events;
    parser.beginStream();
    parser.feed(QByteArray("data: " + value + "\n\n"), events);
    QCOMPARE(events.size(), 1);
    QVERIFY(events.at(0).data == QString::fromLatin1(value));
}

void TestSseParserLimits::tenMebibytesInTwoChunks()
{
    const QByteArray value = repeated('y', 10 * 1024 * 1024);
    const QByteArray body = "data: " + value + "\n\n";
    SseParser parser;
    QList<SseEvent> events;
    parser.beginStream();
    const qsizetype half = body.size() / 2;
    parser.feed(QByteArrayView(body).first(half), events);
    QVERIFY(events.isEmpty());
    parser.feed(QByteArrayView(body).sliced(half), events);
    QCOMPARE(events.size(), 1);
    QVERIFY(events.at(0).data == QString::fromLatin1(value));
    QCOMPARE(parser.droppedEventCount(), 0);
}

void TestSseParserLimits::hundredEventsInOneChunkInOrder()
{
    QByteArray body;
    QList<SseEvent> expected;
    for (int i = 0; i < 100; ++i) {
        body += "id: " + QByteArray::number(i) + "\nevent: e" + QByteArray::number(i % 3)
                + "\ndata: " + QByteArray::number(i * i) + "\n\n";
        expected.append(ev(QString::number(i * i), QString::number(i),
                           QStringLiteral("e%1").arg(i % 3)));
    }
    SseParser parser;
    QList<SseEvent> events;
    parser.beginStream();
    parser.feed(body, events);
    QCOMPARE(events, expected);
    QCOMPARE(parser.lastEventId(), QStringLiteral("99"));
}

QTEST_GUILESS_MAIN(TestSseParserLimits)
#include "tst_sseparserlimits.moc"
