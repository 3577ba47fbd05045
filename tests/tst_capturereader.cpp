#include "CaptureReader.h"
#include "SseParser.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>

// CaptureReader on input it did not write: other line ends, hand-made files, broken files.
class tst_CaptureReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detectFormat_data();
    void detectFormat();
    void reads_data();
    void reads();
    void malformed_data();
    void malformed();
    void sseMatchesParserAcrossReadChunks();
    void boundedMemory_data();
    void boundedMemory();
    void readFile();
};

namespace {

struct Expected
{
    QString type;
    QString data;
    QString id;
    QString url;
    QString time; // ISO 8601, empty for none
    int connection;
};

QList<CapturedEvent> readAll(const QByteArray &bytes, QString *error, CaptureReader::Format *format = nullptr,
                             qsizetype maxEventSize = CaptureReader::DefaultMaxEventSize)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CaptureReader reader(&buffer, maxEventSize);
    QList<CapturedEvent> events;
    CapturedEvent event;
    while (reader.next(event))
        events.append(event);
    *error = reader.errorString();
    if (format)
        *format = reader.format();
    return events;
}

} // namespace

Q_DECLARE_METATYPE(CaptureReader::Format)
Q_DECLARE_METATYPE(QList<Expected>)

void tst_CaptureReader::detectFormat_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<CaptureReader::Format>("format");
    using F = CaptureReader::Format;
    QTest::newRow("empty") << QByteArray() << F::Unknown;
    QTest::newRow("blank") << QByteArray(" \r\n\n\t") << F::Unknown;
    QTest::newRow("jsonl") << QByteArray("{\"url\":") << F::Jsonl;
    QTest::newRow("jsonl after BOM and blank lines") << QByteArray("\xEF\xBB\xBF\n\n  {") << F::Jsonl;
    QTest::newRow("csv") << QByteArray("receivedAt,url,type") << F::Csv;
    QTest::newRow("csv after BOM") << QByteArray("\xEF\xBB\xBFreceivedAt,url") << F::Csv;
    QTest::newRow("other csv is sse") << QByteArray("time,url,type") << F::Sse;
    QTest::newRow("sse comment") << QByteArray(": receivedAt x") << F::Sse;
    QTest::newRow("sse data") << QByteArray("data: {") << F::Sse;
    QTest::newRow("receivedAt without comma") << QByteArray("receivedAt\n") << F::Sse;
}

void tst_CaptureReader::detectFormat()
{
    QFETCH(QByteArray, head);
    QFETCH(CaptureReader::Format, format);
    QCOMPARE(CaptureReader::detectFormat(head), format);
}

void tst_CaptureReader::reads_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<CaptureReader::Format>("format");
    QTest::addColumn<QList<Expected>>("expected");
    using F = CaptureReader::Format;
    const QString t1 = QStringLiteral("2026-11-23T19:00:00.123Z");
    const QList<Expected> two = {{QStringLiteral("message"), QStringLiteral("a\nb"), QStringLiteral("1"), QStringLiteral("http://h/e"), t1, 1},
                                 {QStringLiteral("tick"), QString(), QString(), QStringLiteral("http://h/e"), QString(), 2}};

    QTest::newRow("jsonl, CRLF, blank lines, BOM")
        << QByteArray("\xEF\xBB\xBF{\"url\":\"http://h/e\",\"type\":\"message\",\"data\":\"a\\nb\",\"lastEventId\":\"1\","
                      "\"receivedAt\":\"2026-11-23T19:00:00.123Z\",\"connection\":1}\r\n\r\n"
                      "{\"connection\":2,\"receivedAt\":\"\",\"lastEventId\":\"\",\"data\":\"\",\"type\":\"tick\",\"url\":\"http://h/e\"}")
        << F::Jsonl << two;
    QTest::newRow("jsonl with record --comments lines")
        << QByteArray("{\"url\":\"http://h/e\",\"comment\":\"hello\",\"receivedAt\":\"2026-11-23T19:00:00.100Z\"}\n"
                      "{\"url\":\"http://h/e\",\"type\":\"message\",\"data\":\"a\\nb\",\"lastEventId\":\"1\","
                      "\"receivedAt\":\"2026-11-23T19:00:00.123Z\",\"connection\":1}\n"
                      "{\"url\":\"http://h/e\",\"comment\":\"\",\"receivedAt\":\"2026-11-23T19:00:00.200Z\"}\n"
                      "{\"connection\":2,\"receivedAt\":\"\",\"lastEventId\":\"\",\"data\":\"\",\"type\":\"tick\",\"url\":\"http://h/e\"}")
        << F::Jsonl << two;
    QTest::newRow("csv, LF record ends, quoted CRLF kept as LF-free data, blank line")
        << QByteArray("receivedAt,url,type,lastEventId,data,connection\n"
                      "2026-11-23T19:00:00.123Z,http://h/e,message,1,\"a\nb\",1\n\n"
                      "\"\",\"http://h/e\",\"tick\",,\"\",2")
        << F::Csv << two;
    QTest::newRow("csv, columns reordered, no connection, extra column")
        << QByteArray("receivedAt,data,extra,lastEventId,type,url\r\n"
                      "2026-11-23T19:00:00.123+01:00,\"x,y\",9,\"\"\"q\"\"\",message,u\r\n")
        << F::Csv
        << QList<Expected>{{QStringLiteral("message"), QStringLiteral("x,y"), QStringLiteral("\"q\""), QStringLiteral("u"),
                            QStringLiteral("2026-11-23T18:00:00.123Z"), 0}};
    QTest::newRow("sse with CRLF, CR, comments")
        << QByteArray(": receivedAt 2026-11-23T19:00:00.123Z connection 1 url http://h/e\r\nid: 1\r\ndata: a\rdata: b\r\n\r\n"
                      ": just a comment\n: receivedAt - connection 2 url http://h/e\nevent: tick\nid\ndata\n\n")
        << F::Sse << two;
    QTest::newRow("sse from a server, no comments, BOM, retry, unterminated tail")
        << QByteArray("\xEF\xBB\xBFretry: 10\ndata:x\n\nid: 5\ndata: y\n\ndata: lost")
        << F::Sse
        << QList<Expected>{{QStringLiteral("message"), QStringLiteral("x"), QString(), QString(), QString(), 0},
                           {QStringLiteral("message"), QStringLiteral("y"), QStringLiteral("5"), QString(), QString(), 0}};
    QTest::newRow("sse comment before a block that dispatches nothing is forgotten")
        << QByteArray(": receivedAt 2026-11-23T19:00:00.123Z connection 1 url http://h/e\nid: 3\n\ndata: z\n\n")
        << F::Sse
        << QList<Expected>{{QStringLiteral("message"), QStringLiteral("z"), QStringLiteral("3"), QString(), QString(), 0}};
    QTest::newRow("empty") << QByteArray() << F::Unknown << QList<Expected>();
}

void tst_CaptureReader::reads()
{
    QFETCH(QByteArray, bytes);
    QFETCH(CaptureReader::Format, format);
    QFETCH(QList<Expected>, expected);
    QString error;
    CaptureReader::Format detected;
    const QList<CapturedEvent> events = readAll(bytes, &error, &detected);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(detected, format);
    QCOMPARE(events.size(), expected.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        const Expected &e = expected.at(i);
        QCOMPARE(events.at(i).event.type, e.type);
        QCOMPARE(events.at(i).event.data, e.data);
        QCOMPARE(events.at(i).event.lastEventId, e.id);
        QCOMPARE(events.at(i).url, e.url);
        QCOMPARE(events.at(i).connection, e.connection);
        if (e.time.isEmpty())
            QVERIFY(!events.at(i).receivedAt.isValid());
        else
            QCOMPARE(events.at(i).receivedAt, QDateTime::fromString(e.time, Qt::ISODateWithMs));
    }
}

void tst_CaptureReader::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("goodEvents");
    QTest::addColumn<QString>("error");
    const QByteArray jsonl = "{\"url\":\"u\",\"type\":\"message\",\"data\":\"x\",\"lastEventId\":\"\",\"receivedAt\":\"\"}\n";
    const QByteArray csvHeader = "receivedAt,url,type,lastEventId,data,connection\r\n";
    const QByteArray csvRow = ",u,message,,x,1\r\n";
    QTest::newRow("jsonl: truncated line") << jsonl + "\n" + jsonl.left(30) << 1 << QStringLiteral("line 3: not JSON");
    QTest::newRow("jsonl: not an object") << jsonl + "[1]\n" << 1 << QStringLiteral("line 2: not a JSON object");
    QTest::newRow("jsonl: missing data")
        << jsonl + "{\"url\":\"u\",\"type\":\"message\",\"lastEventId\":\"\",\"receivedAt\":\"\"}\n" << 1
        << QStringLiteral("line 2: \"data\" is missing or not a string");
    QTest::newRow("jsonl: a comment line with a type is an event without data")
        << jsonl + "{\"url\":\"u\",\"type\":\"message\",\"comment\":\"x\",\"lastEventId\":\"\",\"receivedAt\":\"\"}\n" << 1
        << QStringLiteral("line 2: \"data\" is missing or not a string");
    QTest::newRow("jsonl: bad time") << QByteArray(jsonl).replace("\"receivedAt\":\"\"", "\"receivedAt\":\"yesterday\"") << 0
                                     << QStringLiteral("line 1: receivedAt \"yesterday\"");
    QTest::newRow("jsonl: bad connection") << QByteArray(jsonl).replace("}", ",\"connection\":1.5}") << 0
                                           << QStringLiteral("line 1: \"connection\"");
    QTest::newRow("csv: missing column") << QByteArray("receivedAt,url,type,data\r\n") << 0
                                         << QStringLiteral("line 1: the header has no \"lastEventId\" column");
    QTest::newRow("csv: too few fields") << csvHeader + csvRow + ",u,message\r\n" << 1
                                         << QStringLiteral("line 3: 3 fields where the header has 6");
    QTest::newRow("csv: unclosed quote") << csvHeader + csvRow + ",u,message,,\"x\n\ny,1\r\n" << 1
                                         << QStringLiteral("line 3: quoted field 5 is not closed");
    QTest::newRow("csv: text after quote") << csvHeader + ",u,\"message\"x,,x,1\r\n" << 0
                                           << QStringLiteral("line 2: text after the closing quote of field 3");
    QTest::newRow("csv: quote in unquoted field") << csvHeader + csvRow + csvRow + ",u,mes\"sage,,x,1\r\n" << 2
                                                  << QStringLiteral("line 4: a quote inside unquoted field 3");
    QTest::newRow("csv: bad connection") << csvHeader + ",u,message,,x,one\r\n" << 0
                                         << QStringLiteral("line 2: connection \"one\"");
    QTest::newRow("sse: bad receivedAt comment")
        << QByteArray("data: a\n\n: receivedAt noon url u\ndata: b\n\n") << 1
        << QStringLiteral("line 3: malformed receivedAt comment");
}

void tst_CaptureReader::malformed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, goodEvents);
    QFETCH(QString, error);
    QString actual;
    const QList<CapturedEvent> events = readAll(bytes, &actual);
    QCOMPARE(events.size(), goodEvents);
    QVERIFY2(actual.startsWith(error), qPrintable(actual));
}

// Lines that straddle the reader's refills (a CR at the end of one read, its LF in the next) read
// as the parser reads them in one piece.
void tst_CaptureReader::sseMatchesParserAcrossReadChunks()
{
    QByteArray bytes;
    const char *const breaks[] = {"\n", "\r", "\r\n"};
    for (int i = 0; bytes.size() < 400 * 1024; ++i) {
        const char *lineBreak = breaks[i % 3];
        bytes += "id: " + QByteArray::number(i) + lineBreak;
        bytes += "data: " + QByteArray(i % 97, 'x') + lineBreak + "data:" + lineBreak + lineBreak;
    }
    SseParser parser;
    parser.beginStream();
    QList<SseEvent> expected;
    parser.feed(bytes, expected);
    parser.endStream();

    QString error;
    const QList<CapturedEvent> events = readAll(bytes, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(events.size(), expected.size());
    for (qsizetype i = 0; i < events.size(); ++i)
        QCOMPARE(events.at(i).event, expected.at(i));
}

void tst_CaptureReader::boundedMemory_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    const QByteArray huge(300 * 1024, 'y');
    QTest::newRow("jsonl line")
        << "{\"url\":\"u\",\"type\":\"message\",\"data\":\"" + huge + "\",\"lastEventId\":\"\",\"receivedAt\":\"\"}\n"
        << QStringLiteral("line 1: longer than");
    QTest::newRow("csv record")
        << "receivedAt,url,type,lastEventId,data\r\n,u,message,,\"" + QByteArray("y\n").repeated(40000) + "\"\r\n"
        << QStringLiteral("line 2: record longer than");
    QTest::newRow("sse event") << "data: a\n\n" + QByteArray("data: z\n").repeated(20000) + "\n"
                               << QStringLiteral("line 20003: an event larger than 1024 bytes");
}

void tst_CaptureReader::boundedMemory()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    QString actual;
    readAll(bytes, &actual, nullptr, 1024);
    QVERIFY2(actual.startsWith(error), qPrintable(actual));
}

void tst_CaptureReader::readFile()
{
    QList<CapturedEvent> events;
    QString error;
    QTemporaryDir dir;
    QVERIFY(!CaptureReader::readFile(dir.filePath(QStringLiteral("missing.sse")), events, &error));
    QVERIFY2(error.contains(QStringLiteral("missing.sse")), qPrintable(error));

    QFile file(dir.filePath(QStringLiteral("capture.sse")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("data: 1\n\ndata: 2\n\n: receivedAt bad\n");
    file.close();
    QVERIFY(!CaptureReader::readFile(file.fileName(), events, &error));
    QCOMPARE(events.size(), 2);
    QVERIFY2(error.contains(QStringLiteral("capture.sse: line 5: malformed")), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_CaptureReader)
#include "tst_capturereader.moc"
