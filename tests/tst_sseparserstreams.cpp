// SseParser state across chunk and connection boundaries: exact chunkings, beginStream() and
// endStream(), and the last event ID and reconnection time from one response body to the next.
#include "SseParser.h"
#include "SseParserTestHelpers.h"

#include <QtTest>

#include <optional>

using namespace SseParserTest;

class TestSseParserStreams : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exactChunks_data();
    void exactChunks();
    void bomSplitOnEveryConnection_data();
    void bomSplitOnEveryConnection();

    void endStreamDiscardsUnterminatedBlock();
    void beginStreamForgetsPartialBlock();
    void lastEventIdPersistsAcrossStreams();
    void unterminatedIdIsNotSentOnReconnect();
    void nullIdIsIgnoredOnEveryConnection();
    void setLastEventIdSeedsTheStream();
    void retryAppliesFromUndispatchedBlock();
    void retryIsTakenOnce();
};

void TestSseParserStreams::exactChunks_data()
{
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<QList<SseEvent>>("events");

    QTest::newRow("LD CRLF where CR is end of 1 chunk")
        << QByteArrayList{"data: Hello\r", "\ndata: World\r", "\n\r\ndata: OK\r", "\n", "\r", "\n"}
        << QList<SseEvent>{ev("Hello\nWorld"), ev("OK")};
    QTest::newRow("LD two messages over three chunks")
        << QByteArrayList{"data: test", "test\n\ndata:", "test\n\n"}
        << QList<SseEvent>{ev("testtest"), ev("test")};
    QTest::newRow("EP issue 17 stream with CR separating chunks of the same event")
        << QByteArrayList{"data: A\r\n", "data: B\r", "\n", "data: C\r\n", "\n"}
        << QList<SseEvent>{ev("A\nB\nC")};
    QTest::newRow("EP discarded line whose CRLF is split")
        << QByteArrayList{":comment\r", "\ndata: x\r", "\n\r", "\n"} << QList<SseEvent>{ev("x")};
    QTest::newRow("R21 CR at chunk end followed by CR")
        << QByteArrayList{"data: a\r", "\rdata: b\r", "\r"} << QList<SseEvent>{ev("a"), ev("b")};
    QTest::newRow("R21 CR at chunk end then empty chunk then LF")
        << QByteArrayList{"data: a\r", "", "\n\r", "", "\n"} << QList<SseEvent>{ev("a")};
    QTest::newRow("R22 UTF-8 split inside a character")
        << QByteArrayList{"data: \xE2", "\x82", "\xAC\n\n"} << QList<SseEvent>{ev(u16(u"\u20AC"))};
    QTest::newRow("R22 four-byte character split three ways")
        << QByteArrayList{"data: \xF0\x9F", "\x98", "\x80\n\n"}
        << QList<SseEvent>{ev(u16(u"\U0001F600"))};
    QTest::newRow("R20 truncated sequence split before the continuation check")
        << QByteArrayList{"data: \xE2\x82", "d\n\n"} << QList<SseEvent>{ev(u16(u"\uFFFDd"))};
    QTest::newRow("R19 BOM split EF|BB|BF")
        << QByteArrayList{"\xEF", "\xBB", "\xBF" "data: x\n\n"} << QList<SseEvent>{ev("x")};
    QTest::newRow("R19 BOM split EF BB|BF")
        << QByteArrayList{"\xEF\xBB", "\xBF", "data: x\n\n"} << QList<SseEvent>{ev("x")};
    QTest::newRow("R19 BOM split EF|BB BF")
        << QByteArrayList{"\xEF", "\xBB\xBF" "data: x\n\n"} << QList<SseEvent>{ev("x")};
    QTest::newRow("R19 second BOM split after the first")
        << QByteArrayList{"\xEF\xBB\xBF", "\xEF", "\xBB\xBF" "data: 1\n\ndata: 2\n\n"}
        << QList<SseEvent>{ev("2")};
    QTest::newRow("R19 UTF-16 BOM split")
        << QByteArrayList{"\xFF", "\xFE" "data:1\n\ndata:2\n\n"} << QList<SseEvent>{ev("2")};
    QTest::newRow("LD multi-byte characters in single-byte pieces")
        << QByteArrayList{"d", "a", "t", "a", ":", " ", "\xE2", "\x82", "\xAC", "\xE8", "\xB1",
                          "\x86", "\xE8", "\x85", "\x90", "\n", "\n"}
        << QList<SseEvent>{ev(u16(u"\u20AC\u8C46\u8150"))};
}

void TestSseParserStreams::exactChunks()
{
    QFETCH(QByteArrayList, chunks);
    QFETCH(QList<SseEvent>, events);
    QList<QByteArrayView> views;
    for (const QByteArray &chunk : chunks)
        views.append(chunk);
    QCOMPARE(runChunks(views).events, events);
}

void TestSseParserStreams::bomSplitOnEveryConnection_data()
{
    QTest::addColumn<int>("split");
    for (int split = 0; split <= 3; ++split)
        QTest::addRow("BOM cut after byte %d", split) << split;
}

void TestSseParserStreams::bomSplitOnEveryConnection()
{
    QFETCH(int, split);
    const QByteArray bom = raw("\xEF\xBB\xBF");
    SseParser parser;
    QList<SseEvent> events;
    for (int connection = 1; connection <= 3; ++connection) {
        parser.beginStream();
        parser.feed(QByteArrayView(bom).first(split), events);
        parser.feed(QByteArrayView(bom).sliced(split), events);
        parser.feed(QByteArray("data: " + QByteArray::number(connection) + "\n\n"), events);
        // A second BOM in the same body is not stripped: that field is ignored.
        parser.feed(QByteArray(bom + "data: ignored\n\n"), events);
        parser.endStream();
    }
    QCOMPARE(events, (QList<SseEvent>{ev("1"), ev("2"), ev("3")}));
}

void TestSseParserStreams::endStreamDiscardsUnterminatedBlock()
{
    SseParser parser;
    QList<SseEvent> events;
    parser.beginStream();
    parser.feed("id: 1\ndata: a\n\nid: 2\nevent: t\ndata: b\n", events);
    parser.endStream();
    QCOMPARE(events, QList<SseEvent>{ev("a", "1")});
    QCOMPARE(parser.lastEventId(), QStringLiteral("1"));

    // Nothing of the discarded block leaks into the next connection.
    events.clear();
    parser.beginStream();
    parser.feed("data: c\n\n", events);
    QCOMPARE(events, QList<SseEvent>{ev("c", "1")});

    // Neither does a line cut in the middle.
    events.clear();
    parser.feed("data: cut", events);
    parser.endStream();
    parser.beginStream();
    parser.feed("\n\ndata: d\n\n", events);
    QCOMPARE(events, QList<SseEvent>{ev("d", "1")});
}

void TestSseParserStreams::beginStreamForgetsPartialBlock()
{
    SseParser parser;
    QList<SseEvent> events;
    parser.beginStream();
    parser.feed("id: 2\nevent: t\ndata: x\ndata: hal", events);
    // The body was abandoned without endStream(): a new one starts afresh.
    parser.beginStream();
    parser.feed("lo\n\n", events);
    QVERIFY(events.isEmpty());
    QCOMPARE(parser.lastEventId(), QString());
    parser.feed("data: y\n\n", events);
    QCOMPARE(events, QList<SseEvent>{ev("y")});
}

void TestSseParserStreams::lastEventIdPersistsAcrossStreams()
{
    // WPT format-field-id-2: three connections, the id and retry persist.
    SseParser parser;
    QList<SseEvent> events;
    const QString ellipsis = u16(u"\u2026");

    parser.beginStream();
    parser.feed(raw("id: \xE2\x80\xA6\nretry: 200\ndata: hello\n\n"), events);
    parser.endStream();
    QCOMPARE(parser.takeReconnectionTime(), std::optional<int>(200));
    QCOMPARE(parser.lastEventId(), ellipsis);

    for (int connection = 2; connection <= 3; ++connection) {
        parser.beginStream();
        parser.feed(raw("data: \xE2\x80\xA6\n\n"), events);
        parser.endStream();
        QCOMPARE(parser.lastEventId(), ellipsis);
    }
    QCOMPARE(events, (QList<SseEvent>{ev("hello", ellipsis), ev(ellipsis, ellipsis),
                                      ev(ellipsis, ellipsis)}));
    QCOMPARE(parser.takeReconnectionTime(), std::nullopt);
}

void TestSseParserStreams::unterminatedIdIsNotSentOnReconnect()
{
    // WPT format-data-before-final-empty-line: the same body on every connection.
    const QByteArray body = raw("retry:1000\ndata:test1\n\nid:test\ndata:test2\n");
    SseParser parser;
    for (int connection = 1; connection <= 2; ++connection) {
        QList<SseEvent> events;
        parser.beginStream();
        parser.feed(body, events);
        parser.endStream();
        QCOMPARE(events, QList<SseEvent>{ev("test1", "")});
        QCOMPARE(parser.lastEventId(), QString());
        QCOMPARE(parser.takeReconnectionTime(), std::optional<int>(1000));
    }
}

void TestSseParserStreams::nullIdIsIgnoredOnEveryConnection()
{
    SseParser parser;
    QList<SseEvent> events;
    for (int connection = 1; connection <= 2; ++connection) {
        parser.beginStream();
        parser.feed(raw("id: x\0x\nretry: 200\ndata: hello\n\n"), events);
        parser.endStream();
        QCOMPARE(parser.lastEventId(), QString());
    }
    QCOMPARE(events, (QList<SseEvent>{ev("hello"), ev("hello")}));
}

void TestSseParserStreams::setLastEventIdSeedsTheStream()
{
    SseParser parser;
    parser.setLastEventId(QStringLiteral("seed"));
    QList<SseEvent> events;
    parser.beginStream();
    parser.feed("data: a\n\nid\ndata: b\n\n", events);
    QCOMPARE(events, (QList<SseEvent>{ev("a", "seed"), ev("b", "")}));
    QCOMPARE(parser.lastEventId(), QString());
}

void TestSseParserStreams::retryAppliesFromUndispatchedBlock()
{
    // WPT eventsource-reconnect: `retry: 2` with no blank line still applies.
    SseParser parser;
    QList<SseEvent> events;
    parser.beginStream();
    parser.feed("retry: 2\n", events);
    parser.endStream();
    QCOMPARE(parser.takeReconnectionTime(), std::optional<int>(2));

    parser.beginStream();
    parser.feed("data: data\n\n", events);
    parser.endStream();
    QCOMPARE(events, QList<SseEvent>{ev("data")});

    // A retry line inside a block that the end of the body cuts off applies too.
    parser.beginStream();
    parser.feed("data: lost\nretry: 5\ndata: also lost", events);
    QCOMPARE(parser.takeReconnectionTime(), std::optional<int>(5));
    parser.endStream();
    QCOMPARE(events.size(), 1);
}

void TestSseParserStreams::retryIsTakenOnce()
{
    SseParser parser;
    QList<SseEvent> events;
    parser.beginStream();
    QCOMPARE(parser.takeReconnectionTime(), std::nullopt);
    parser.feed("retry: 10\n", events);
    QCOMPARE(parser.takeReconnectionTime(), std::optional<int>(10));
    QCOMPARE(parser.takeReconnectionTime(), std::nullopt);
    parser.feed("retry: 20\nretry: 30\n", events);
    QCOMPARE(parser.takeReconnectionTime(), std::optional<int>(30));
}

QTEST_GUILESS_MAIN(TestSseParserStreams)
#include "tst_sseparserstreams.moc"
