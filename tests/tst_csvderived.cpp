#include "CaptureReader.h"
#include "CapturedEvent.h"
#include "CsvWriter.h"
#include "ExportJob.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr qint64 T0 = 1'795'460'400'000; // 2026-11-23T19:00:00.000Z

CapturedEvent captured(qint64 offsetMs, const QString &data, const QString &url = QStringLiteral("u"),
                       int connection = 1, const QString &type = QStringLiteral("message"))
{
    CapturedEvent event;
    event.url = url;
    event.event.type = type;
    event.event.data = data;
    event.receivedAt = QDateTime::fromMSecsSinceEpoch(T0 + offsetMs, Qt::UTC);
    event.connection = connection;
    return event;
}

// The CSV records from the field columns on, header included: the first six columns
// (receivedAt ... connection) dropped. The payloads here hold no comma, so that the cut is safe.
QStringList columns(const QList<CapturedEvent> &events, const QStringList &fieldPaths)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer, fieldPaths);
    writer.begin();
    for (const CapturedEvent &event : events)
        writer.write(event);
    if (!writer.flush())
        return {QStringLiteral("flush failed")};
    QStringList lines = QString::fromUtf8(buffer.data()).split(QStringLiteral("\r\n"));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (QString &line : lines)
        line = line.section(QLatin1Char(','), 6);
    return lines;
}

} // namespace

class tst_CsvDerived : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void derivedColumns_data();
    void derivedColumns();
    void streamsApart();
    void exportJobWritesDerivedColumns();
};

void tst_CsvDerived::derivedColumns_data()
{
    QTest::addColumn<QList<CapturedEvent>>("events");
    QTest::addColumn<QStringList>("fieldPaths");
    QTest::addColumn<QStringList>("expected");

    const QList<CapturedEvent> counter{captured(0, "{\"count\": 0}"), captured(1000, "{\"count\": 2}"),
                                       captured(1500, "{\"other\": 1}"), captured(2000, "{\"count\": 3}"),
                                       captured(3000, "{\"count\": 1}")};
    QTest::newRow("rate beside its field")
        << counter << QStringList{"/count", "rate( /count )"}
        << QStringList{"/count,rate(/count)", "0,", "2,2", ",", "3,1", "1,1"};
    QTest::newRow("moving average")
        << counter << QStringList{"avg(/count,2000ms)"}
        << QStringList{"\"avg(/count, 2s)\"", "0", "1", "", "2.5", "2"};
    QTest::newRow("nested") << counter << QStringList{"avg(rate(/count), 10s)"}
                            << QStringList{"\"avg(rate(/count), 10s)\"", "", "2", "", "1.5", "1.3333333333333333"};

    // A new connection cuts the series: no rate across it.
    QTest::newRow("connection break")
        << QList<CapturedEvent>{captured(0, "{\"n\": 1}"), captured(1000, "{\"n\": 2}"),
                                captured(5000, "{\"n\": 50}", "u", 2), captured(6000, "{\"n\": 60}", "u", 2)}
        << QStringList{"rate(/n)"} << QStringList{"rate(/n)", "", "1", "", "10"};

    // Two fields, one of another event type; a ratio by zero is empty.
    QTest::newRow("diff and ratio")
        << QList<CapturedEvent>{captured(0, "{\"a\": 6}"), captured(500, "{\"b\": 0}", "u", 1, "m"),
                                captured(1000, "{\"b\": 3}", "u", 1, "m"), captured(2000, "{\"a\": 12}")}
        << QStringList{"diff(/a, m:/b)", "ratio(/a, m:/b)", "m:/b"}
        << QStringList{"\"diff(/a, m:/b)\",\"ratio(/a, m:/b)\",m:/b", ",,", "6,,0", "3,2,3", "9,4,"};

    // Real-stream values: nanosecond counters, negatives, and strings where numbers were.
    QTest::newRow("ns counter and strings")
        << QList<CapturedEvent>{captured(0, "{\"ns\": 1700000000000000000}"), captured(1000, "{\"ns\": \"late\"}"),
                                captured(2000, "{\"ns\": 1700000002000000000}"), captured(3000, "{\"ns\": -5}")}
        << QStringList{"rate(/ns)"} << QStringList{"rate(/ns)", "", "", "1e+09", "-5"};
}

void tst_CsvDerived::derivedColumns()
{
    QFETCH(QList<CapturedEvent>, events);
    QFETCH(QStringList, fieldPaths);
    QFETCH(QStringList, expected);
    QCOMPARE(columns(events, fieldPaths), expected);
}

void tst_CsvDerived::streamsApart()
{
    // Interleaved streams: each event's derived value comes from its own stream's events.
    const QList<CapturedEvent> events{captured(0, "{\"c\": 0}", "a"), captured(0, "{\"c\": 100}", "b"),
                                      captured(1000, "{\"c\": 1}", "a"), captured(1000, "{\"c\": 300}", "b")};
    QCOMPARE(columns(events, {"rate(/c)"}), (QStringList{"rate(/c)", "", "", "1", "200"}));
}

void tst_CsvDerived::exportJobWritesDerivedColumns()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    const QList<CapturedEvent> events{captured(0, "{\"count\": 1}"), captured(1000, "{\"count\": 4}")};
    const std::atomic_bool cancelled{false};
    QString error;
    QCOMPARE(ExportJob::write(events, path, ExportJob::Format::Csv, {"/count", "rate(/count)"}, cancelled, {}, &error),
             ExportJob::Result::Written);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QCOMPARE(text, QByteArray("receivedAt,url,type,lastEventId,data,connection,/count,rate(/count)\r\n"
                              "2026-11-23T19:00:00.000Z,u,message,,\"{\"\"count\"\": 1}\",1,1,\r\n"
                              "2026-11-23T19:00:01.000Z,u,message,,\"{\"\"count\"\": 4}\",1,4,3\r\n"));
    // The columns added do not disturb the reader.
    file.seek(0);
    QList<CapturedEvent> read;
    QVERIFY2(CaptureReader::readAll(&file, read, &error), qPrintable(error));
    QCOMPARE(read.size(), 2);
    QCOMPARE(read.at(1).event.data, events.at(1).event.data);
}

QTEST_GUILESS_MAIN(tst_CsvDerived)
#include "tst_csvderived.moc"
