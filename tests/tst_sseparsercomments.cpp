// Comments (lines that begin with a colon) as the parser hands them on: their text, and their place
// among the events, whole and at every split of the body.
#include "SseEventBatch.h"
#include "SseParser.h"
#include "TextLiterals.h"

#include <QRegularExpression>
#include <QTest>

using TextLiterals::raw;

namespace {

// "e:<data>" for an event, "c:<text>" for a comment, in arrival order.
QStringList arrivals(const QList<QByteArrayView> &chunks, qint64 *commentCount = nullptr)
{
    SseParser parser;
    parser.beginStream();
    QStringList seen;
    SseEventBatch batch;
    for (QByteArrayView chunk : chunks) {
        batch.clear();
        parser.feed(chunk, batch);
        qsizetype nextEvent = 0;
        auto eventsUpTo = [&](qsizetype end) {
            for (; nextEvent < end; ++nextEvent)
                seen.append(u"e:" + QString::fromUtf8(batch.data(nextEvent)));
        };
        for (qsizetype c = 0; c < batch.commentCount(); ++c) {
            eventsUpTo(batch.eventsBeforeComment(c));
            seen.append(u"c:" + QString::fromUtf8(batch.comment(c)));
        }
        eventsUpTo(batch.size());
    }
    parser.endStream();
    if (commentCount)
        *commentCount = parser.commentCount();
    return seen;
}

} // namespace

class TestSseParserComments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void comments_data();
    void comments();
    void everySplitPoint_data() { comments_data(); }
    void everySplitPoint();
    void byteByByte_data() { comments_data(); }
    void byteByByte();
    void commentsDoNotDisturbEvents();
    void overlongCommentIsSkipped();
};

void TestSseParserComments::comments_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("heartbeat") << raw(": heartbeat\n") << QStringList{"c:heartbeat"};
    QTest::newRow("empty comment") << raw(":\n") << QStringList{"c:"};
    QTest::newRow("no space") << raw(":ping\n") << QStringList{"c:ping"};
    QTest::newRow("one space is taken, not two") << raw(":  two\n") << QStringList{"c: two"};
    QTest::newRow("colon inside") << raw(": a: b\n") << QStringList{"c:a: b"};
    QTest::newRow("crlf") << raw(": x\r\n: y\r\n") << QStringList{"c:x", "c:y"};
    QTest::newRow("cr") << raw(": x\r: y\r") << QStringList{"c:x", "c:y"};
    QTest::newRow("after a bom") << raw("\xEF\xBB\xBF: first\n") << QStringList{"c:first"};
    QTest::newRow("inside a block, before its event")
        << raw("data: a\n: mid\ndata: b\n\n") << QStringList{"c:mid", "e:a\nb"};
    QTest::newRow("between events")
        << raw("data: 1\n\n: between\n\ndata: 2\n\n") << QStringList{"e:1", "c:between", "e:2"};
    QTest::newRow("a blank line after a comment dispatches nothing")
        << raw(": only\n\n\n") << QStringList{"c:only"};
    QTest::newRow("utf-8") << raw(": \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x93\x88\n")
                           << QStringList{QString::fromUtf8("c:\xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x93\x88")};
    QTest::newRow("ill-formed utf-8 is repaired") << raw(": a\xFF" "b\n") << QStringList{QStringLiteral("c:a") + QChar(0xFFFD) + u'b'};
    QTest::newRow("nul") << raw(": a\0b\n") << QStringList{QStringLiteral("c:a") + QChar(0) + u'b'};
    QTest::newRow("unterminated at the end is never complete") << raw("data: a\n\n: cut") << QStringList{"e:a"};
    QTest::newRow("not a comment: a space first") << raw(" : x\n") << QStringList{};
    QTest::newRow("many") << raw(":1\n:2\n:3\ndata: x\n\n:4\n")
                          << QStringList{"c:1", "c:2", "c:3", "e:x", "c:4"};
}

void TestSseParserComments::comments()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, expected);
    qint64 count = -1;
    QCOMPARE(arrivals({body}, &count), expected);
    QCOMPARE(count, expected.filter(QRegularExpression(QStringLiteral("^c:"))).size());
}

void TestSseParserComments::everySplitPoint()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, expected);
    for (qsizetype split = 0; split <= body.size(); ++split) {
        const QByteArrayView view(body);
        const QStringList seen = arrivals({view.first(split), view.sliced(split)});
        if (seen != expected)
            QFAIL(qPrintable(QStringLiteral("split at %1: %2").arg(split).arg(seen.join(u'|'))));
    }
}

void TestSseParserComments::byteByByte()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, expected);
    QList<QByteArrayView> bytes;
    for (qsizetype i = 0; i < body.size(); ++i)
        bytes.append(QByteArrayView(body).sliced(i, 1));
    QCOMPARE(arrivals(bytes), expected);
}

void TestSseParserComments::commentsDoNotDisturbEvents()
{
    // The same events, with and without comments everywhere a line may go.
    SseParser plain;
    SseParser commented;
    QList<SseEvent> withoutComments;
    QList<SseEvent> withComments;
    plain.beginStream();
    commented.beginStream();
    plain.feed(raw("id: 7\nevent: tick\ndata: {\"count\": 1}\nretry: 500\n\n"), withoutComments);
    commented.feed(raw(": a\nid: 7\n: b\nevent: tick\n:c\ndata: {\"count\": 1}\n: d\nretry: 500\n: e\n\n"),
                   withComments);
    QCOMPARE(withComments, withoutComments);
    QCOMPARE(commented.lastEventId(), plain.lastEventId());
    QCOMPARE(commented.takeReconnectionTime(), plain.takeReconnectionTime());
    QCOMPARE(commented.commentCount(), 5);
    QCOMPARE(plain.commentCount(), 0);
}

void TestSseParserComments::overlongCommentIsSkipped()
{
    SseParser parser(64);
    parser.beginStream();
    SseEventBatch batch;
    const QByteArray longComment = ':' + QByteArray(1000, 'x') + '\n';
    parser.feed(longComment.first(500), batch);
    parser.feed(QByteArrayView(longComment).sliced(500), batch);
    parser.feed(raw(": short\ndata: after\n\n"), batch);
    QCOMPARE(batch.commentCount(), 1);
    QCOMPARE(batch.comment(0), QByteArrayView("short"));
    QCOMPARE(batch.size(), 1);
    QCOMPARE(batch.data(0), QByteArrayView("after"));
    QCOMPARE(parser.commentCount(), 1);
}

QTEST_APPLESS_MAIN(TestSseParserComments)
#include "tst_sseparsercomments.moc"
