#include "CaptureReader.h"
#include "CapturedEvent.h"
#include "CsvWriter.h"
#include "JsonlWriter.h"
#include "SseParser.h"
#include "SseWriter.h"

#include <QBuffer>
#include <QTest>

#include <memory>

Q_DECLARE_METATYPE(QList<CapturedEvent>)

// Every capture writer, read back by CaptureReader, gives the events it was given.
class tst_CaptureWriters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void sseReplaysThroughParser_data();
    void sseReplaysThroughParser();
    void sseLayout();
    void csvQuotingAndHeader();
    void csvFieldColumns();
    void writeErrorIsReported();
};

namespace {

CapturedEvent captured(const QString &type, const QString &data, const QString &id, qint64 msecs = 1795460400123,
                       const QString &url = QStringLiteral("http://127.0.0.1:8080/events"), int connection = 1)
{
    CapturedEvent event;
    event.url = url;
    event.event.type = type;
    event.event.data = data;
    event.event.lastEventId = id;
    event.receivedAt = QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
    event.connection = connection;
    return event;
}

// The awkward events, each after an ordinary one with id "1", so that id changes and resets show.
QList<CapturedEvent> awkwardSequence(const CapturedEvent &event)
{
    return {captured(QStringLiteral("message"), QStringLiteral("{\"count\": 1}"), QStringLiteral("1"), 1795460399000),
            event,
            captured(QStringLiteral("message"), QStringLiteral("after"), event.event.lastEventId, 1795460401000)};
}

enum class Format { Jsonl, Csv, Sse };

std::unique_ptr<CaptureWriter> makeWriter(Format format, QIODevice *device)
{
    switch (format) {
    case Format::Jsonl:
        return std::make_unique<JsonlWriter>(device);
    case Format::Csv:
        return std::make_unique<CsvWriter>(device);
    case Format::Sse:
        return std::make_unique<SseWriter>(device);
    }
    return {};
}

QByteArray writeAll(Format format, const QList<CapturedEvent> &events)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const std::unique_ptr<CaptureWriter> writer = makeWriter(format, &buffer);
    writer->begin();
    for (const CapturedEvent &event : events)
        writer->write(event);
    if (!writer->flush())
        qWarning("flush failed: %s", qPrintable(writer->errorString()));
    return buffer.data();
}

void addAwkwardRows()
{
    QTest::addColumn<QList<CapturedEvent>>("events");
    const auto row = [](const char *name, const QString &type, const QString &data, const QString &id) {
        QTest::newRow(name) << awkwardSequence(captured(type, data, id));
    };
    const QString message = QStringLiteral("message");
    row("plain", message, QStringLiteral("hello"), QStringLiteral("2"));
    row("explicit message type", message, QStringLiteral("x"), QStringLiteral("1"));
    row("custom type", QStringLiteral("tick"), QStringLiteral("x"), QStringLiteral("2"));
    row("error type", QStringLiteral("error"), QStringLiteral("x"), QStringLiteral("2"));
    row("type with space", QStringLiteral(" spaced type"), QStringLiteral("x"), QStringLiteral("2"));
    row("id reset to empty", message, QStringLiteral("x"), QString());
    row("unicode id", message, QStringLiteral("x"), QStringLiteral("\u00e9v\u00e9nement-\U0001F600"));
    row("id with spaces", message, QStringLiteral("x"), QStringLiteral(" a b "));
    row("id with comma and quote", message, QStringLiteral("x"), QStringLiteral("a,\"b\""));
    row("multi-line data", message, QStringLiteral("line 1\nline 2\n\nline 4"), QStringLiteral("2"));
    row("empty data", message, QString(), QStringLiteral("2"));
    row("data is one LF", message, QStringLiteral("\n"), QStringLiteral("2"));
    row("leading space", message, QStringLiteral("  two spaces"), QStringLiteral("2"));
    row("trailing LF", message, QStringLiteral("a\n"), QStringLiteral("2"));
    row("U+0000", message, QStringLiteral("a") + QChar(0) + QStringLiteral("b"), QStringLiteral("2"));
    row("emoji", message, QStringLiteral("\U0001F680 \U0001F469\u200D\U0001F4BB"), QStringLiteral("2"));
    row("U+2028 and U+2029", message, QStringLiteral("a\u2028b\u2029c"), QStringLiteral("2"));
    row("BOM inside data", message, QStringLiteral("\uFEFFstart and mid\uFEFF"), QStringLiteral("2"));
    row("colon and field-like text", message, QStringLiteral("data: x\nid: 9\n: comment\nevent: e"), QStringLiteral("2"));
    row("CSV specials", message, QStringLiteral("a,b \"quoted\" ,\n\"\""), QStringLiteral("2"));
    row("tab and controls", message, QStringLiteral("\t\x01\x1f\x7f"), QStringLiteral("2"));
    row("receivedAt comment look-alike", message, QStringLiteral(": receivedAt 2000-01-01T00:00:00.000Z"), QStringLiteral("2"));
    QString longData;
    for (int i = 0; i < 20000; ++i)
        longData += QStringLiteral("%1 \u00e9\U0001F600,\"").arg(i);
    longData += QStringLiteral("\nsecond line");
    row("very long", message, longData, QStringLiteral("2"));

    CapturedEvent odd = captured(QStringLiteral("tick"), QStringLiteral("x"), QStringLiteral("2"));
    odd.url = QStringLiteral("http://127.0.0.1:1/a b,\"c\"?q=\u00e9");
    odd.connection = 7;
    odd.receivedAt = QDateTime();
    QTest::newRow("odd url, no time, connection 7") << awkwardSequence(odd);

    QList<CapturedEvent> ids;
    for (const char *id : {"1", "1", "", "", "2", "", "2"})
        ids.append(captured(QStringLiteral("message"), QStringLiteral("x"), QString::fromLatin1(id)));
    QTest::newRow("id changes, repeats and resets") << ids;
}

} // namespace

void tst_CaptureWriters::roundTrip_data()
{
    addAwkwardRows();
}

void tst_CaptureWriters::roundTrip()
{
    QFETCH(QList<CapturedEvent>, events);
    const std::pair<Format, CaptureReader::Format> formats[] = {
        {Format::Jsonl, CaptureReader::Format::Jsonl},
        {Format::Csv, CaptureReader::Format::Csv},
        {Format::Sse, CaptureReader::Format::Sse}};
    for (const auto &[format, readerFormat] : formats) {
        QBuffer buffer;
        buffer.setData(writeAll(format, events));
        buffer.open(QIODevice::ReadOnly);
        CaptureReader reader(&buffer);
        QList<CapturedEvent> read;
        CapturedEvent event;
        while (reader.next(event))
            read.append(event);
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        QCOMPARE(reader.format(), readerFormat);
        QCOMPARE(read.size(), events.size());
        for (qsizetype i = 0; i < events.size(); ++i) {
            QCOMPARE(read.at(i).event.type, events.at(i).event.type);
            QCOMPARE(read.at(i).event.data, events.at(i).event.data);
            QCOMPARE(read.at(i).event.lastEventId, events.at(i).event.lastEventId);
            QCOMPARE(read.at(i).url, events.at(i).url);
            QCOMPARE(read.at(i).receivedAt, events.at(i).receivedAt);
            QCOMPARE(read.at(i).connection, events.at(i).connection);
        }
    }
}

void tst_CaptureWriters::sseReplaysThroughParser_data()
{
    addAwkwardRows();
}

// The replay guarantee: a browser's parser fed the file dispatches exactly the captured events.
void tst_CaptureWriters::sseReplaysThroughParser()
{
    QFETCH(QList<CapturedEvent>, events);
    const QByteArray bytes = writeAll(Format::Sse, events);
    QList<SseEvent> expected;
    for (const CapturedEvent &event : events)
        expected.append(event.event);

    for (const qsizetype chunk : {bytes.size(), qsizetype(1), qsizetype(7)}) {
        SseParser parser;
        parser.beginStream();
        QList<SseEvent> dispatched;
        for (qsizetype i = 0; i < bytes.size(); i += chunk)
            parser.feed(QByteArrayView(bytes).sliced(i, qMin(chunk, bytes.size() - i)), dispatched);
        parser.endStream();
        QCOMPARE(dispatched, expected);
    }
}

void tst_CaptureWriters::sseLayout()
{
    QList<CapturedEvent> events = {
        captured(QStringLiteral("message"), QStringLiteral("a\n"), QStringLiteral("7"), 1795460400123),
        captured(QStringLiteral("tick"), QString(), QString(), 1795460400124, QStringLiteral("http://h/e"), 2),
        captured(QStringLiteral("message"), QStringLiteral(" x"), QString(), 1795460400125, QStringLiteral("http://h/e"), 2)};
    events[0].url = QStringLiteral("http://h/e");
    QCOMPARE(writeAll(Format::Sse, events),
             QByteArray(": receivedAt 2026-11-23T19:00:00.123Z connection 1 url http://h/e\n"
                        "id: 7\ndata: a\ndata:\n\n"
                        ": receivedAt 2026-11-23T19:00:00.124Z connection 2 url http://h/e\n"
                        "event: tick\nid\ndata:\n\n"
                        ": receivedAt 2026-11-23T19:00:00.125Z connection 2 url http://h/e\n"
                        "data:  x\n\n"));
}

void tst_CaptureWriters::csvQuotingAndHeader()
{
    const QList<CapturedEvent> events = {
        captured(QStringLiteral("message"), QStringLiteral("{\"count\": 1, \"x\": 2}"), QStringLiteral("1"), 1795460400123,
                 QStringLiteral("http://h/e")),
        captured(QStringLiteral("message"), QStringLiteral("two\nlines"), QStringLiteral("plain"), 1795460400124,
                 QStringLiteral("http://h/e"))};
    QCOMPARE(writeAll(Format::Csv, events),
             QByteArray("receivedAt,url,type,lastEventId,data,connection\r\n"
                        "2026-11-23T19:00:00.123Z,http://h/e,message,1,\"{\"\"count\"\": 1, \"\"x\"\": 2}\",1\r\n"
                        "2026-11-23T19:00:00.124Z,http://h/e,message,plain,\"two\nlines\",1\r\n"));
    // A header alone for a capture without events.
    QCOMPARE(writeAll(Format::Csv, {}), QByteArray("receivedAt,url,type,lastEventId,data,connection\r\n"));
}

void tst_CaptureWriters::csvFieldColumns()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer, {QStringLiteral("/count"), QStringLiteral("/a/b[1]"), QStringLiteral("/missing")});
    writer.begin();
    writer.write(captured(QStringLiteral("message"), QStringLiteral("{\"count\": 3, \"a\": {\"b\": [1, 0.1]}}"),
                          QStringLiteral("1"), 1795460400123, QStringLiteral("u")));
    writer.write(captured(QStringLiteral("message"), QStringLiteral("not json"), QStringLiteral("1"), 1795460400123,
                          QStringLiteral("u")));
    QVERIFY(writer.flush());
    QCOMPARE(buffer.data(),
             QByteArray("receivedAt,url,type,lastEventId,data,connection,/count,/a/b[1],/missing\r\n"
                        "2026-11-23T19:00:00.123Z,u,message,1,\"{\"\"count\"\": 3, \"\"a\"\": {\"\"b\"\": [1, 0.1]}}\",1,3,0.1,\r\n"
                        "2026-11-23T19:00:00.123Z,u,message,1,not json,1,,,\r\n"));

    // A field of one event type is no column of another's.
    QBuffer typed;
    typed.open(QIODevice::WriteOnly);
    CsvWriter typedWriter(&typed, {QStringLiteral("/latency_ms"), QStringLiteral("alert:/latency_ms")});
    typedWriter.begin();
    typedWriter.write(captured(QStringLiteral("alert"), QStringLiteral("{\"latency_ms\": 250}"), QStringLiteral("1"),
                               1795460400123, QStringLiteral("u")));
    typedWriter.write(captured(QStringLiteral("message"), QStringLiteral("{\"latency_ms\": 12}"), QStringLiteral("2"),
                               1795460400123, QStringLiteral("u")));
    QVERIFY(typedWriter.flush());
    QCOMPARE(typed.data(),
             QByteArray("receivedAt,url,type,lastEventId,data,connection,/latency_ms,alert:/latency_ms\r\n"
                        "2026-11-23T19:00:00.123Z,u,alert,1,\"{\"\"latency_ms\"\": 250}\",1,,250\r\n"
                        "2026-11-23T19:00:00.123Z,u,message,2,\"{\"\"latency_ms\"\": 12}\",1,12,\r\n"));

    // Extra columns do not disturb the reader.
    buffer.close();
    buffer.open(QIODevice::ReadOnly);
    QList<CapturedEvent> read;
    QString error;
    QVERIFY2(CaptureReader::readAll(&buffer, read, &error), qPrintable(error));
    QCOMPARE(read.size(), 2);
    QCOMPARE(read.at(1).event.data, QStringLiteral("not json"));
}

void tst_CaptureWriters::writeErrorIsReported()
{
    for (const Format format : {Format::Jsonl, Format::Csv, Format::Sse}) {
        QBuffer buffer;
        buffer.open(QIODevice::ReadOnly); // writing to it fails
        const std::unique_ptr<CaptureWriter> writer = makeWriter(format, &buffer);
        writer->begin();
        writer->write(captured(QStringLiteral("message"), QStringLiteral("x"), QString()));
        QVERIFY(!writer->flush());
        QVERIFY(!writer->errorString().isEmpty());
    }
}

QTEST_GUILESS_MAIN(tst_CaptureWriters)
#include "tst_capturewriters.moc"
