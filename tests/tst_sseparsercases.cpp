// SseParser against the conformance cases (spec rules R19-R43, WPT, launchdarkly, eventsource-parser):
// every case whole, split in two at every byte, byte by byte, and in three pieces.
#include "SseParser.h"
#include "SseParserTestHelpers.h"

#include <QtTest>

#include <limits>
#include <optional>
#include <utility>

using namespace SseParserTest;

namespace {

constexpr int NoRetry = -1;

struct Case
{
    Case(QByteArray name, QByteArray input, QList<SseEvent> events, QString lastEventId = {},
         int retry = NoRetry)
        : name(std::move(name)), input(std::move(input)), events(std::move(events)),
          lastEventId(std::move(lastEventId)), retry(retry)
    {
    }

    QByteArray name;
    QByteArray input;
    QList<SseEvent> events;
    QString lastEventId; // committed after the whole body and endStream()
    int retry;           // the reconnection time the body sets, if any
};

Outcome expectedOutcome(const Case &c)
{
    Outcome outcome;
    outcome.events = c.events;
    outcome.lastEventId = c.lastEventId;
    if (c.retry != NoRetry)
        outcome.retry = c.retry;
    return outcome;
}

QByteArray describe(const Outcome &outcome)
{
    QByteArray text = "lastEventId=\"" + outcome.lastEventId.toUtf8() + "\" retry="
                      + (outcome.retry ? QByteArray::number(*outcome.retry) : QByteArray("none"))
                      + " dropped=" + QByteArray::number(outcome.dropped) + " events=[";
    for (const SseEvent &event : outcome.events) {
        char *one = toString(event);
        text += one;
        text += ' ';
        delete[] one;
    }
    return text + ']';
}

QList<Case> lineFeedCases()
{
    // launchdarkly/sse-contract-tests "linefeeds": every terminator, each shape.
    const QList<std::pair<const char *, QByteArray>> terminators = {
        {"LF", "\n"}, {"CRLF", "\r\n"}, {"CR", "\r"}};
    QList<Case> cases;
    for (const auto &[name, t] : terminators) {
        const QByteArray prefix = QByteArray("LD linefeeds ") + name + ' ';
        cases.append({prefix + "one-line event", "data: Hello" + t + t, {ev(QStringLiteral("Hello"))}});
        cases.append({prefix + "one-line and two-line events",
                      "data: Hello" + t + t + "data: one" + t + "data: two" + t + t,
                      {ev(QStringLiteral("Hello")), ev(QStringLiteral("one\ntwo"))}});
        cases.append({prefix + "empty first data line", "data:" + t + "data: second" + t + t,
                      {ev(QStringLiteral("\nsecond"))}});
        cases.append({prefix + "empty middle data line",
                      "data: first" + t + "data:" + t + "data: third" + t + t,
                      {ev(QStringLiteral("first\n\nthird"))}});
        cases.append({prefix + "one extra blank line ignored",
                      "data: one" + t + t + t + "data: two" + t + t,
                      {ev(QStringLiteral("one")), ev(QStringLiteral("two"))}});
        cases.append({prefix + "two extra blank lines ignored",
                      "data: one" + t + t + t + t + "data: two" + t + t,
                      {ev(QStringLiteral("one")), ev(QStringLiteral("two"))}});
    }
    return cases;
}

QList<Case> parsingCases()
{
    const QString ellipsis = u16(u"\u2026");
    const QByteArray xs(2048, 'x');
    QByteArray hundredEvents;
    QList<SseEvent> hundred;
    for (int i = 0; i < 100; ++i) {
        hundredEvents += "data: " + QByteArray::number(i) + "\n\n";
        hundred.append(ev(QString::number(i)));
    }
    // Many events in one chunk, each with an ID of its own (every split point of it is tried too,
    // so it stays short).
    QByteArray manyEvents;
    QList<SseEvent> many;
    for (int i = 1; i <= 120; ++i) {
        const QByteArray n = QByteArray::number(i);
        manyEvents += "id: " + n + "\nevent: message\ndata: {\"count\":" + n + "}\n\n";
        many.append(ev(QString::fromLatin1("{\"count\":" + n + '}'), QString::fromLatin1(n), "message"));
    }

    QList<Case> cases = {
        // D. Decoding and splitting lines
        {"R19 leading BOM stripped", raw("\xEF\xBB\xBF" "data: 1\n\n"), {ev("1")}},
        {"R19 second BOM becomes part of the field name",
         raw("\xEF\xBB\xBF\xEF\xBB\xBF" "data: 1\n\ndata: 2\n\n"), {ev("2")}},
        {"R19 BOM later in the stream is not stripped",
         raw("data: 1\n\n\xEF\xBB\xBF" "data: 2\n\n"), {ev("1")}},
        {"R19 BOM inside a data value is kept",
         raw("\xEF\xBB\xBF" "data: \xEF\xBB\xBF" "Second\n\n"), {ev(u16(u"\uFEFFSecond"))}},
        {"R19 incomplete BOM is not stripped", raw("\xEF\xBB" "data: 1\n\ndata: 2\n\n"), {ev("2")}},
        {"R19 UTF-16LE BOM decodes to U+FFFD", raw("\xFF\xFE" "data:1\n\ndata:2\n\n\n"), {ev("2")}},
        {"R19 UTF-16BE BOM decodes to U+FFFD", raw("\xFE\xFF" "data:1\n\ndata:2\n\n\n"), {ev("2")}},
        {"R19 BOM before a comment", raw("\xEF\xBB\xBF" ":comment\ndata: x\n\n"), {ev("x")}},
        {"R19 BOM before an empty data field", raw("\xEF\xBB\xBF" "data:\n\n"), {ev("")}},
        {"R19 BOM alone on the first line", raw("\xEF\xBB\xBF" "\ndata: x\n\n"), {ev("x")}},

        {"R20 E2 82 then d gives one U+FFFD", raw("data: \xE2\x82" "d\n\n"), {ev(u16(u"\uFFFDd"))}},
        {"R20 overlong C0 80 gives two U+FFFD", raw("data: \xC0\x80\n\n"),
         {ev(u16(u"\uFFFD\uFFFD"))}},
        {"R20 surrogate ED A0 80 gives three U+FFFD", raw("data: \xED\xA0\x80\n\n"),
         {ev(u16(u"\uFFFD\uFFFD\uFFFD"))}},
        {"R20 F4 90 80 80 gives four U+FFFD", raw("data: \xF4\x90\x80\x80\n\n"),
         {ev(u16(u"\uFFFD\uFFFD\uFFFD\uFFFD"))}},
        {"R20 FF gives one U+FFFD", raw("data: a\xFF" "b\n\n"), {ev(u16(u"a\uFFFDb"))}},
        {"R20 sequence truncated by the line end", raw("data: a\xE2\x82\ndata: b\n\n"),
         {ev(u16(u"a\uFFFD\nb"))}},
        {"R20 sequence truncated by CR", raw("data: a\xF0\x9F\x98\rdata: b\r\r"),
         {ev(u16(u"a\uFFFD\nb"))}},
        {"R20 invalid bytes in the event type", raw("event: \xFF" "x\ndata: 1\n\n"),
         {ev("1", {}, u16(u"\uFFFDx"))}},
        {"R20 invalid bytes in the id", raw("id: \xC0\ndata: 1\n\n"), {ev("1", u16(u"\uFFFD"))},
         u16(u"\uFFFD")},
        {"R20 invalid byte in a field name ignores the field", raw("d\xFF" "ata: 1\ndata: 2\n\n"),
         {ev("2")}},

        {"R21 LF ends a line", raw("data: a\ndata: b\n\n"), {ev("a\nb")}},
        {"R21 CRLF ends a line", raw("data: a\r\ndata: b\r\n\r\n"), {ev("a\nb")}},
        {"R21 CR alone ends a line", raw("data: a\rdata: b\r\r"), {ev("a\nb")}},
        {"R21 LF then CR is two line ends", raw("data: a\n\rdata: b\n\n"), {ev("a"), ev("b")}},
        {"R21 CR then CRLF is two line ends", raw("data: a\r\r\ndata: b\n\n"), {ev("a"), ev("b")}},
        {"R21 mixed terminators", raw("data: a\rdata: b\ndata: c\r\n\r\n"), {ev("a\nb\nc")}},
        {"R21 CR CR at the very end dispatches", raw("data: 1\r\r"), {ev("1")}},
        {"R21 CR in a comment ends it", raw(":comment\rdata: x\r\n\r\n"), {ev("x")}},

        {"R22 multi-byte characters", raw("data: \xE2\x82\xAC\xE8\xB1\x86\xE8\x85\x90\n\n"),
         {ev(u16(u"\u20AC\u8C46\u8150"))}},
        {"R22 four-byte character", raw("data: \xF0\x9F\x98\x80!\n\n"), {ev(u16(u"\U0001F600!"))}},
        {"R22 multi-byte id and type",
         raw("id: \xC3\xA9\nevent: \xE2\x82\xAC\ndata: \xC3\xA9\n\n"),
         {ev(u16(u"\u00E9"), u16(u"\u00E9"), u16(u"\u20AC"))}, u16(u"\u00E9")},

        // E. Interpreting lines
        {"R23 buffers start empty", raw("data: x\n\n"), {ev("x")}},
        {"R24 empty line dispatches", raw("data: 1\n\ndata: 2\n\n"), {ev("1"), ev("2")}},
        {"R24 blank lines without a block dispatch nothing", raw("\n\n\n\ndata: x\n\n\n\n"),
         {ev("x")}},
        {"R25 comment ignored", raw(":comment\ndata: x\n:another\n\n"), {ev("x")}},
        {"R25 comment alone dispatches nothing", raw(": hi\n\n"), {}},
        {"R25 comment that looks like a field", raw(":data: fail\ndata: ok\n\n"), {ev("ok")}},
        {"R25 comment of 300 colons", QByteArray(300, ':') + "\ndata: x\n\n", {ev("x")}},
        {"R25 non-ASCII comment", raw(":\xE2\x82\xAC \xFF\ndata: x\n\n"), {ev("x")}},
        {"R26 one leading space removed", raw("data: x\n\n"), {ev("x")}},
        {"R26 no leading space", raw("data:x\n\n"), {ev("x")}},
        {"R26 only one of two spaces removed", raw("data:  x\n\n"), {ev(" x")}},
        {"R26 tab is not removed", raw("data:\tx\n\n"), {ev("\tx")}},
        {"R26 further colons stay in the value", raw("data: a: b:c\n\n"), {ev("a: b:c")}},
        {"R26 space before the colon belongs to the name", raw("data : x\ndata: y\n\n"),
         {ev("y")}},
        {"R26 a single space value is empty", raw("data: \n\n"), {ev("")}},
        {"R26 trailing spaces kept", raw("data: x  \n\n"), {ev("x  ")}},
        {"R27 data without colon appends an empty line", raw("data\n\n"), {ev("")}},
        {"R27 two data lines without colon", raw("data\ndata\n\n"), {ev("\n")}},
        {"R27 event without colon resets the type", raw("event: foo\nevent\ndata: x\n\n"),
         {ev("x")}},
        {"R28 field names are case-sensitive", raw("Data: 1\nDATA: 2\ndata: 3\n\n"), {ev("3")}},
        {"R28 NUL after the name", raw("data\0: 1\ndata: 2\n\n"), {ev("2")}},
        {"R28 NUL before the name", raw("\0data: 1\ndata: 2\n\n"), {ev("2")}},
        {"R28 space before the name", raw(" data: 1\ndata: 2\n\n"), {ev("2")}},
        {"R28 BOM before the name mid-stream", raw("data: 1\n\xEF\xBB\xBF" "data: 2\n\n"),
         {ev("1")}},
        {"R28 event id and retry names are case-sensitive",
         raw("Event: foo\nID: 5\nRetry: 10\ndata: x\n\n"), {ev("x")}},
        {"R29 block without its blank line is discarded", raw("data: 1\n\ndata: 2\n"), {ev("1")}},
        {"R29 unterminated last line is discarded", raw("data: 1\n\ndata: 2"), {ev("1")}},
        {"R29 block ended by a lone CR at EOF is discarded", raw("data: 1\n\ndata: 2\r"),
         {ev("1")}},
        {"R29 id of an unterminated block is not committed",
         raw("id: 1\ndata: a\n\nid: 2\ndata: b\n"), {ev("a", "1")}, "1"},

        // F. Processing fields
        {"R30 event sets the type", raw("event: add\ndata: x\n\n"), {ev("x", {}, "add")}},
        {"R30 empty event means message", raw("event:\ndata: x\n\n"), {ev("x")}},
        {"R30 last event field wins", raw("event: a\nevent: b\ndata: x\n\n"), {ev("x", {}, "b")}},
        {"R30 error and open are ordinary types", raw("event: error\ndata: x\n\nevent: open\ndata: y\n\n"),
         {ev("x", {}, "error"), ev("y", {}, "open")}},
        {"R31 data lines joined by LF", raw("data: a\ndata: b\ndata: c\n\n"), {ev("a\nb\nc")}},
        {"R31 empty middle data line", raw("data: a\ndata:\ndata: c\n\n"), {ev("a\n\nc")}},
        {"R32 id sets the last event ID", raw("id: 42\ndata: x\n\n"), {ev("x", "42")}, "42"},
        {"R32 id with NUL ignored and earlier id kept", raw("id: 1\nid: 2\0\ndata: x\n\n"),
         {ev("x", "1")}, "1"},
        {"R32 empty id resets", raw("id: 1\ndata: a\n\nid:\ndata: b\n\n"),
         {ev("a", "1"), ev("b", "")}, ""},
        {"R32 a new id at every event of one chunk",
         raw("id: 1\ndata: a\n\nid: 2\ndata: b\n\nid: 3\ndata: c\n\n"),
         {ev("a", "1"), ev("b", "2"), ev("c", "3")}, "3"},
        {"R32 a new id at every event with a type",
         raw("id: 1\nevent: message\ndata: a\n\nid: 2\nevent: message\ndata: b\n\n"),
         {ev("a", "1"), ev("b", "2")}, "2"},
        {"R32 id back to the committed one before its dispatch",
         raw("id: 1\ndata: a\n\nid: 2\nid: 1\ndata: b\n\nid: 3\ndata: c\n\n"),
         {ev("a", "1"), ev("b", "1"), ev("c", "3")}, "3"},
        {"R32 id-only block between events",
         raw("id: 1\ndata: a\n\nid: 2\n\ndata: b\n\nid: 3\n\n"),
         {ev("a", "1"), ev("b", "2")}, "3"},
        {"R32 id persists to later events", raw("id: 1\ndata: a\n\ndata: b\n\n"),
         {ev("a", "1"), ev("b", "1")}, "1"},
        {"R32 id kept verbatim", raw("id:  a:b \ndata: x\n\n"), {ev("x", " a:b ")}, " a:b "},
        {"R32 non-ASCII id", raw("id: \xE2\x80\xA6\ndata: x\n\n"), {ev("x", ellipsis)}, ellipsis},
        {"R33 retry sets the reconnection time", raw("retry: 1500\ndata: x\n\n"), {ev("x")}, {},
         1500},
        {"R33 retry 0 is accepted", raw("retry: 0\n"), {}, {}, 0},
        {"R33 retry with letters ignored", raw("retry: 1000x\n"), {}, {}, NoRetry},
        {"R33 retry with two spaces ignored", raw("retry:  1000\n"), {}, {}, NoRetry},
        {"R33 negative retry ignored", raw("retry: -1\n"), {}, {}, NoRetry},
        {"R33 retry with plus ignored", raw("retry: +5\n"), {}, {}, NoRetry},
        {"R33 fractional retry ignored", raw("retry: 1.5\n"), {}, {}, NoRetry},
        {"R33 exponent retry ignored", raw("retry: 1e3\n"), {}, {}, NoRetry},
        {"R33 empty retry ignored", raw("retry:\n"), {}, {}, NoRetry},
        {"R33 hex retry ignored", raw("retry: 0x10\n"), {}, {}, NoRetry},
        {"R33 retry with trailing space ignored", raw("retry: 10 \n"), {}, {}, NoRetry},
        {"R33 huge retry clamped", raw("retry: 99999999999999999999999\n"), {}, {},
         std::numeric_limits<int>::max()},
        {"R33 retry applies without a dispatch", raw("retry: 2\n"), {}, {}, 2},
        {"R33 retry in an unterminated block applies", raw("data: x\nretry: 7\n"), {}, {}, 7},
        {"R33 last retry wins", raw("retry: 1\nretry: 2\n\n"), {}, {}, 2},
        {"R34 unknown field ignored", raw("foo: bar\ndata: x\n\n"), {ev("x")}},
        {"R34 unknown field alone dispatches nothing", raw("foo: bar\n\n"), {}},

        // G. Dispatch
        {"R35 id-only block commits the ID", raw("id: 5\n\n"), {}, "5"},
        {"R35 ID from an id-only block reaches the next event", raw("id: 5\n\ndata: x\n\n"),
         {ev("x", "5")}, "5"},
        {"R36 event type reset by a block without data", raw("event: foo\n\ndata: x\n\n"),
         {ev("x")}},
        {"R36 empty data field dispatches", raw("data:\n\n"), {ev("")}},
        {"R36 block of comments and unknown fields dispatches nothing",
         raw(":c\nfoo\nevent: t\n\n"), {}},
        {"R37 one trailing LF removed", raw("data: a\ndata:\ndata:\n\n"), {ev("a\n\n")}},
        {"R38 message type and committed ID on the event", raw("id: 9\ndata: x\n\n"),
         {ev("x", "9", "message")}, "9"},
        {"R39 type kept verbatim", raw("event:  my type \ndata: x\n\n"),
         {ev("x", {}, " my type ")}},
        {"R40 data reset after dispatch", raw("data: a\n\ndata: b\n\n"), {ev("a"), ev("b")}},
        {"R40 type reset after dispatch", raw("event: t\ndata: a\n\ndata: b\n\n"),
         {ev("a", {}, "t"), ev("b")}},

        // H. Other points
        {"R42 NUL in data passes through", raw("data: a\0b\n\n"), {ev(u16(u"a\0b"))}},
        {"R43 keep-alive comments between events",
         raw(":\n\ndata: 1\n\n:keepalive\n\n:\ndata: 2\n\n"), {ev("1"), ev("2")}},

        // WPT eventsource/ streams (exact bodies)
        {"WPT event-data",
         raw("data:msg\ndata: msg\n\n:\nfalsefield:msg\n\nfalsefield:msg\nData:data\n\ndata\n\ndata:end\n\n"),
         {ev("msg\nmsg"), ev(""), ev("end")}},
        {"WPT eventsource-onmessage", raw("data: data\n\n\n"), {ev("data")}},
        {"WPT eventsource-close reconnect-fail conn1", raw("retry: 2\ndata: opened\n\n"),
         {ev("opened")}, {}, 2},
        {"WPT eventsource-reconnect conn1", raw("retry: 2\n"), {}, {}, 2},
        {"WPT eventsource-reconnect ok_first conn1", raw("retry: 2\ndata: ok\n\n"), {ev("ok")}, {},
         2},
        {"WPT eventsource-request-cancellation body", raw("retry:1000\ndata:abc\n\n"), {ev("abc")},
         {}, 1000},
        {"WPT format-bom", raw("\xEF\xBB\xBF" "data:1\n\n\xEF\xBB\xBF" "data:2\n\ndata:3\n\n\n"),
         {ev("1"), ev("3")}},
        {"WPT format-bom-2", raw("\xEF\xBB\xBF\xEF\xBB\xBF" "data:1\n\ndata:2\n\ndata:3\n\n\n"),
         {ev("2"), ev("3")}},
        {"WPT format-bom-utf-16 FF FE", raw("\xFF\xFE" "data:1\n\ndata:2\n\n\n"), {ev("2")}},
        {"WPT format-bom-utf-16 FE FF", raw("\xFE\xFF" "data:1\n\ndata:2\n\n\n"), {ev("2")}},
        {"WPT format-comments",
         raw("data:1\r:\0\n:\r\ndata:2\n:") + xs + raw("\rdata:3\n:data:fail\r:") + xs
             + raw("\ndata:4\n") + raw("\n"),
         {ev("1\n2\n3\n4")}},
        {"WPT format-data-before-final-empty-line",
         raw("retry:1000\ndata:test1\n\nid:test\ndata:test2\n"), {ev("test1", "")}, "", 1000},
        {"WPT format-field-data", raw("data:\n\ndata\ndata\n\ndata:test\n\n\n"),
         {ev(""), ev("\n"), ev("test")}},
        {"WPT format-field-event", raw("event:test\ndata:x\n\ndata:x\n\n\n"),
         {ev("x", {}, "test"), ev("x")}},
        {"WPT format-field-event-empty", raw("event: \ndata:data\n\n\n"), {ev("data")}},
        {"WPT format-field-id conn1", raw("id: \xE2\x80\xA6\nretry: 200\ndata: hello\n\n"),
         {ev("hello", ellipsis)}, ellipsis, 200},
        {"WPT format-field-id-3 type 1", raw("id: 1\ndata: 1\n\ndata: 2\n\nid: 2\ndata:3\n\ndata:4\n\n"),
         {ev("1", "1"), ev("2", "1"), ev("3", "2"), ev("4", "2")}, "2"},
        {"WPT format-field-id-3 type 2", raw("id: 1\ndata: 1\n\nid:\ndata:2\n\ndata:3\n\n"),
         {ev("1", "1"), ev("2", ""), ev("3", "")}, ""},
        {"WPT format-field-id-3 type 3", raw("id: 1\ndata: 1\n\nid\ndata:2\n\ndata:3\n\n"),
         {ev("1", "1"), ev("2", ""), ev("3", "")}, ""},
        {"WPT format-field-id-null NUL NUL", raw("id: \0\0\nretry: 200\ndata: hello\n\n"),
         {ev("hello")}, "", 200},
        {"WPT format-field-id-null x NUL", raw("id: x\0\nretry: 200\ndata: hello\n\n"),
         {ev("hello")}, "", 200},
        {"WPT format-field-id-null NUL x", raw("id: \0x\nretry: 200\ndata: hello\n\n"),
         {ev("hello")}, "", 200},
        {"WPT format-field-id-null x NUL x", raw("id: x\0x\nretry: 200\ndata: hello\n\n"),
         {ev("hello")}, "", 200},
        {"WPT format-field-id-null space NUL", raw("id:  \0\nretry: 200\ndata: hello\n\n"),
         {ev("hello")}, "", 200},
        {"WPT format-field-parsing",
         raw("data:\0\ndata:  2\rData:1\ndata\0:2\ndata:1\r\0data:4\nda-ta:3\rdata_5\ndata:3\rdata:\r\n data:32\ndata:4\n")
             + raw("\n"),
         {ev(u16(u"\0\n 2\n1\n3\n\n4"))}},
        {"WPT format-field-retry", raw("retry:03000\ndata:x\n\n\n"), {ev("x")}, {}, 3000},
        {"WPT format-field-retry-bogus", raw("retry:3000\nretry:1000x\ndata:x\n\n\n"), {ev("x")},
         {}, 3000},
        {"WPT format-field-retry-empty", raw("retry\ndata:test\n\n\n"), {ev("test")}},
        {"WPT format-field-unknown",
         raw("data:test\n data\ndata\nfoobar:xxx\njustsometext\n:thisisacommentyay\ndata:test\n\n\n"),
         {ev("test\n\ntest")}},
        {"WPT format-leading-space", raw("data:\ttest\rdata: \ndata:test\n\n\n"),
         {ev("\ttest\n\ntest")}},
        {"WPT format-newlines", raw("data:test\r\ndata\ndata:test\r\n\r\n"), {ev("test\n\ntest")}},
        {"WPT format-null-character", raw("data:\0\n\n\n\n\n"), {ev(u16(u"\0"))}},
        {"WPT format-utf-8", raw("data:ok\xE2\x80\xA6\n\n\n"), {ev(u16(u"ok\u2026"))}},

        // launchdarkly/sse-contract-tests
        {"LD one-line message", raw("data: hello\n\n"), {ev("hello")}},
        {"LD two-line message", raw("data: hello\ndata: world\n\n"), {ev("hello\nworld")}},
        {"LD two messages over three chunks", raw("data: testtest\n\ndata:test\n\n"),
         {ev("testtest"), ev("test")}},
        {"LD empty data", raw("data:\n\n"), {ev("")}},
        {"LD default type is message", raw("data: x\n\n"), {ev("x", {}, "message")}},
        {"LD custom type", raw("event: greeting\ndata: hi\n\n"), {ev("hi", {}, "greeting")}},
        {"LD id", raw("id: abc\ndata: x\n\n"), {ev("x", "abc")}, "abc"},
        {"LD id containing NUL ignored", raw("id: a\0b\ndata: x\n\n"), {ev("x")}, ""},
        {"LD id persists", raw("id: abc\ndata: 1\n\ndata: 2\n\n"), {ev("1", "abc"), ev("2", "abc")},
         "abc"},
        {"LD empty id resets", raw("id: abc\ndata: 1\n\nid: \ndata: 2\n\n"),
         {ev("1", "abc"), ev("2", "")}, ""},
        {"LD fields in reverse order", raw("data: x\nevent: t\nid: 1\n\n"), {ev("x", "1", "t")},
         "1"},
        {"LD unknown field", raw("data: x\nfoo: bar\n\n"), {ev("x")}},
        {"LD no leading space", raw("data:greeting\n\n"), {ev("greeting")}},
        {"LD two leading spaces", raw("data:  greeting\n\n"), {ev(" greeting")}},
        {"LD field with no colon", raw("data\n\ndata\ndata\n\n"), {ev(""), ev("\n")}},
        {"LD multi-byte characters", raw("data: \xE2\x82\xAC\xE8\xB1\x86\xE8\x85\x90\n\n"),
         {ev(u16(u"\u20AC\u8C46\u8150"))}},
        {"LD 100 events in one chunk keep their order", hundredEvents, hundred},
        {"120 events with IDs in one chunk", manyEvents, many, "120"},
        {"LD BOM leading stripped", raw("\xEF\xBB\xBF" "data: Hello\n\n"), {ev("Hello")}},
        {"LD BOM in later data preserved", raw("data: First\n\ndata: \xEF\xBB\xBF" "Second\n\n"),
         {ev("First"), ev(u16(u"\uFEFFSecond"))}},
        {"LD only the first of two BOMs stripped", raw("\xEF\xBB\xBF" "data: \xEF\xBB\xBF" "Hello\n\n"),
         {ev(u16(u"\uFEFFHello"))}},
        {"LD BOM before a comment", raw("\xEF\xBB\xBF" ":hello\ndata: x\n\n"), {ev("x")}},
        {"LD BOM before empty data", raw("\xEF\xBB\xBF" "data:\n\n"), {ev("")}},
        {"LD CRLF where CR is end of 1 chunk",
         raw("data: Hello\r\ndata: World\r\n\r\ndata: OK\r\n\r\n"), {ev("Hello\nWorld"), ev("OK")}},
        {"LD partial message discarded at the break",
         raw("id: abc\ndata: Hello\n\nid: def\ndata: Goodbye"), {ev("Hello", "abc")}, "abc"},
        {"LD comments around an event", raw(":one\n:two\ndata: x\n:three\n\n:four\n"), {ev("x")}},

        // rexxars/eventsource-parser
        {"EP issue 17 CR at chunk end", raw("data: A\r\ndata: B\r\ndata: C\r\n\r\n"),
         {ev("A\nB\nC")}},
        {"EP id-only block reported at dispatch", raw("id: 1\n\n"), {}, "1"},
        {"EP id with NUL keeps the earlier id of the block", raw("id: abc\nid: d\0ef\ndata: x\n\n"),
         {ev("x", "abc")}, "abc"},
        {"EP comment without trailing blank line", raw("data: x\n\n: trailing comment"), {ev("x")}},
        {"EP BOM as raw bytes", raw("\xEF\xBB\xBF" "data: x\n\n"), {ev("x")}},

        // npm eventsource PR #358
        {"NPM PR358 lastEventId kept when a later event has no id",
         raw("id: 1\ndata: a\n\ndata: b\n\n"), {ev("a", "1"), ev("b", "1")}, "1"},
    };
    cases.append(lineFeedCases());
    return cases;
}

void addCaseColumns()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<SseEvent>>("events");
    QTest::addColumn<QString>("lastEventId");
    QTest::addColumn<int>("retry");
}

void addCaseRows()
{
    for (const Case &c : parsingCases())
        QTest::newRow(c.name.constData()) << c.input << c.events << c.lastEventId << c.retry;
}

Case fetchCase()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<SseEvent>, events);
    QFETCH(QString, lastEventId);
    QFETCH(int, retry);
    return {QTest::currentDataTag(), input, events, lastEventId, retry};
}

} // namespace

class TestSseParserCases : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void twoChunks_data();
    void twoChunks();
    void byteByByte_data();
    void byteByByte();
    void threeChunks_data();
    void threeChunks();
};

void TestSseParserCases::parse_data()
{
    addCaseColumns();
    addCaseRows();
}

void TestSseParserCases::parse()
{
    const Case c = fetchCase();
    const Outcome outcome = runChunks({c.input});
    QCOMPARE(outcome.events, c.events);
    QCOMPARE(outcome.lastEventId, c.lastEventId);
    QCOMPARE(outcome.retry.value_or(NoRetry), c.retry);
    QCOMPARE(outcome.dropped, 0);
}

void TestSseParserCases::twoChunks_data()
{
    addCaseColumns();
    addCaseRows();
}

void TestSseParserCases::twoChunks()
{
    const Case c = fetchCase();
    const Outcome expected = expectedOutcome(c);
    const QByteArrayView input(c.input);
    for (qsizetype i = 0; i <= input.size(); ++i) {
        const Outcome outcome = runChunks({input.first(i), input.sliced(i)});
        if (outcome != expected) {
            QFAIL(QByteArray("split at " + QByteArray::number(i) + ": got " + describe(outcome)
                             + "\nexpected " + describe(expected))
                      .constData());
        }
    }
}

void TestSseParserCases::byteByByte_data()
{
    addCaseColumns();
    addCaseRows();
}

void TestSseParserCases::byteByByte()
{
    const Case c = fetchCase();
    const Outcome expected = expectedOutcome(c);
    const QByteArrayView input(c.input);

    QList<QByteArrayView> bytes;
    QList<QByteArrayView> bytesAndEmptyChunks{QByteArrayView()};
    for (qsizetype i = 0; i < input.size(); ++i) {
        bytes.append(input.sliced(i, 1));
        bytesAndEmptyChunks.append(input.sliced(i, 1));
        bytesAndEmptyChunks.append(QByteArrayView());
    }
    Outcome outcome = runChunks(bytes);
    QVERIFY2(outcome == expected,
             QByteArray("got " + describe(outcome) + "\nexpected " + describe(expected)).constData());
    outcome = runChunks(bytesAndEmptyChunks);
    QVERIFY2(outcome == expected,
             QByteArray("with empty chunks: got " + describe(outcome) + "\nexpected "
                        + describe(expected))
                 .constData());
}

void TestSseParserCases::threeChunks_data()
{
    addCaseColumns();
    for (const Case &c : parsingCases()) {
        if (c.input.size() <= 80)
            QTest::newRow(c.name.constData()) << c.input << c.events << c.lastEventId << c.retry;
    }
}

void TestSseParserCases::threeChunks()
{
    const Case c = fetchCase();
    const Outcome expected = expectedOutcome(c);
    const QByteArrayView input(c.input);
    for (qsizetype i = 0; i <= input.size(); ++i) {
        for (qsizetype j = i; j <= input.size(); ++j) {
            const Outcome outcome =
                runChunks({input.first(i), input.sliced(i, j - i), input.sliced(j)});
            if (outcome != expected) {
                QFAIL(QByteArray("split at " + QByteArray::number(i) + " and "
                                 + QByteArray::number(j) + ": got " + describe(outcome)
                                 + "\nexpected " + describe(expected))
                          .constData());
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestSseParserCases)
#include "tst_sseparsercases.moc"
