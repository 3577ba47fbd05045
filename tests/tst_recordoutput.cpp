// `eventscope record` output and stopping: the JSONL schema, the CSV and SSE formats, URLs as given,
// --max-events, --duration, the end on 204, and what reaches the file on a signal or a kill.
#include "CaptureReader.h"
#include "RecordTestCase.h"
#include "SseParser.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace RecordTest;
using Response = ScriptedServer::Response;

Q_DECLARE_METATYPE(CaptureReader::Format)

namespace {

QByteArray numberedEvents(int first, int count)
{
    QByteArray bytes;
    for (int i = first; i < first + count; ++i)
        bytes += "data: " + QByteArray::number(i) + "\n\n";
    return bytes;
}

} // namespace

// The real binary in a QProcess against a server in this process (see RecordTestCase).
class tst_RecordOutput : public RecordTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void schema();
    void urlIsWrittenAsGiven();
    void otherFormats_data();
    void otherFormats();
    void maxEventsStopsMidBatch();
    void maxEventsAcrossTwoUrls();
    void duration();
    void exitsWhenEveryStreamEndsWith204();
    void signalFlushesAndExitsZero_data();
    void signalFlushesAndExitsZero();
    void killedMidFloodLosesOnlyATornLine();
};

void tst_RecordOutput::schema()
{
    QByteArray stream = "data: plain\n\n"
                        "event: custom\ndata: typed\n\n"
                        "data: line 1\ndata: line 2\ndata:\n\n"
                        "id: 7\ndata: with id\n\n";
    stream += QByteArray("data: nul") + '\0' + QByteArray("here\n\n");
    stream += "data: caf\xc3\xa9 \xf0\x9f\x98\x80 \"q\" \\ \t\n\n";
    m_server->script(QStringLiteral("/events"),
                     {Response::events().send(stream).end(), Response::status(204)});
    const QString url = m_server->url().toString();

    // No -o: the lines go to standard output, and nothing else does.
    const Result result = runRecord({QStringLiteral("--retry"), QStringLiteral("10"), url});
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.contains("connected"), result.err.constData());

    const QList<QJsonObject> lines = parseLines(result.out);
    QCOMPARE(lines.size(), 6);
    for (const QJsonObject &line : lines) {
        for (const char *key : {"url", "type", "data", "lastEventId", "receivedAt"})
            QVERIFY2(line.value(QLatin1String(key)).isString(), key);
        QCOMPARE(str(line, "url"), url);
        QCOMPARE(line.value(QLatin1String("connection")).toInt(), 1);
        const QDateTime receivedAt = QDateTime::fromString(str(line, "receivedAt"), Qt::ISODateWithMs);
        QVERIFY(receivedAt.isValid());
        QCOMPARE(receivedAt.timeSpec(), Qt::UTC);
        QVERIFY(QRegularExpression(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$)"))
                    .match(str(line, "receivedAt"))
                    .hasMatch());
    }
    QCOMPARE(str(lines[0], "type"), QStringLiteral("message"));
    QCOMPARE(str(lines[0], "data"), QStringLiteral("plain"));
    QCOMPARE(str(lines[0], "lastEventId"), QString());
    QCOMPARE(str(lines[1], "type"), QStringLiteral("custom"));
    QCOMPARE(str(lines[1], "data"), QStringLiteral("typed"));
    QCOMPARE(str(lines[2], "type"), QStringLiteral("message"));
    QCOMPARE(str(lines[2], "data"), QStringLiteral("line 1\nline 2\n"));
    QCOMPARE(str(lines[3], "lastEventId"), QStringLiteral("7"));
    QCOMPARE(str(lines[3], "data"), QStringLiteral("with id"));
    QCOMPARE(str(lines[4], "lastEventId"), QStringLiteral("7"));
    QCOMPARE(str(lines[4], "data"), QString(QStringLiteral("nul") + QChar(0) + QStringLiteral("here")));
    QCOMPARE(str(lines[5], "data"), QString::fromUtf8("caf\xc3\xa9 \xf0\x9f\x98\x80 \"q\" \\ \t"));

    // U+0000 is written as \u0000; the raw output is UTF-8 with one line per event.
    QVERIFY(result.out.contains(R"("data":"nul\u0000here")"));
    QVERIFY(!result.out.contains('\0'));
    QCOMPARE(result.out.count('\n'), 6);
    // The keys come in the documented order.
    const QByteArray first = result.out.left(result.out.indexOf('\n'));
    QVERIFY2(QRegularExpression(QStringLiteral(R"(^\{"url":.*,"type":.*,"data":.*,"lastEventId":.*,"receivedAt":)"))
                 .match(QString::fromUtf8(first))
                 .hasMatch(),
             first.constData());

    // The reconnection after the end of the body resumed from the last id.
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(QStringLiteral("/events")), 2, Timeout);
    QCOMPARE(m_server->lastRequest(QStringLiteral("/events")).header("Last-Event-ID"), QByteArray("7"));
}

void tst_RecordOutput::otherFormats_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<CaptureReader::Format>("detected");
    QTest::newRow("csv") << QStringLiteral("csv") << CaptureReader::Format::Csv;
    QTest::newRow("sse") << QStringLiteral("sse") << CaptureReader::Format::Sse;
}

// What a browser dispatched comes back from the file, whatever the format.
void tst_RecordOutput::otherFormats()
{
    QFETCH(QString, format);
    QFETCH(CaptureReader::Format, detected);
    QByteArray stream = "data: plain\n\n"
                        "event: error\nid: 1\ndata:  leading, \"quoted\"\ndata:\n\n"
                        "id\ndata:\n\n"
                        "id: \xc3\xa9 \xf0\x9f\x98\x80\ndata: \xe2\x80\xa8\xef\xbb\xbf\n\n";
    stream += QByteArray("data: nul") + '\0' + QByteArray("here\n\n");
    m_server->script(QStringLiteral("/events"), {Response::events().send(stream).stall()});
    const QString url = m_server->url().toString();
    const QString path = m_dir->filePath(QStringLiteral("out.") + format);

    const Result result = runRecord({QStringLiteral("--format"), format, QStringLiteral("-o"), path,
                                     QStringLiteral("--max-events"), QStringLiteral("5"), url});
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 0);

    QList<SseEvent> expected;
    {
        SseParser parser;
        parser.beginStream();
        parser.feed(stream, expected);
    }
    QCOMPARE(expected.size(), 5);

    QList<CapturedEvent> events;
    QString error;
    QVERIFY2(CaptureReader::readFile(path, events, &error), qPrintable(error));
    QCOMPARE(events.size(), expected.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        QCOMPARE(events.at(i).event, expected.at(i));
        QCOMPARE(events.at(i).url, url);
        QCOMPARE(events.at(i).connection, 1);
        QVERIFY(events.at(i).receivedAt.isValid());
    }

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QCOMPARE(CaptureReader::detectFormat(bytes), detected);
    if (format == QLatin1StringView("sse")) {
        SseParser parser;
        parser.beginStream();
        QList<SseEvent> replayed;
        parser.feed(bytes, replayed);
        parser.endStream();
        QCOMPARE(replayed, expected);
    } else {
        QVERIFY(bytes.startsWith("receivedAt,url,type,lastEventId,data,connection\r\n"));
    }
}

void tst_RecordOutput::urlIsWrittenAsGiven()
{
    m_server->script(QStringLiteral("/events"),
                     {Response::events().send("data: x\n\n").stall()});
    const QString given = QStringLiteral("HTTP://127.0.0.1:%1/events?b=2&a=1").arg(m_server->port());
    const Result result = runRecord({QStringLiteral("--max-events"), QStringLiteral("1"), QStringLiteral("-o"),
                                     outputPath(), given});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.isEmpty());
    const QList<QJsonObject> lines = parseLines(readFile(outputPath()));
    QCOMPARE(lines.size(), 1);
    QCOMPARE(str(lines[0], "url"), given);
    QCOMPARE(m_server->lastRequest(QStringLiteral("/events")).target, QByteArray("/events?b=2&a=1"));
}

void tst_RecordOutput::maxEventsStopsMidBatch()
{
    // Fifty events in one piece: the recorder must stop inside the batch.
    m_server->script(QStringLiteral("/events"), {Response::events().send(numberedEvents(0, 50)).stall()});
    const Result result = runRecord({QStringLiteral("--max-events"), QStringLiteral("7"), QStringLiteral("-o"),
                                     outputPath(), m_server->url().toString()});
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 0);
    const QList<QJsonObject> lines = parseLines(readFile(outputPath()));
    QCOMPARE(lines.size(), 7);
    for (int i = 0; i < lines.size(); ++i)
        QCOMPARE(str(lines[i], "data"), QString::number(i));
}

void tst_RecordOutput::maxEventsAcrossTwoUrls()
{
    // 20 + 20 available, 30 wanted: both streams must contribute, and exactly 30 lines come out.
    m_server->script(QStringLiteral("/a"), {Response::events().send(numberedEvents(0, 20)).stall()});
    m_server->script(QStringLiteral("/b"), {Response::events().send(numberedEvents(100, 20)).stall()});
    const QString a = m_server->url(QStringLiteral("/a")).toString();
    const QString b = m_server->url(QStringLiteral("/b")).toString();
    const Result result = runRecord({QStringLiteral("--max-events"), QStringLiteral("30"), QStringLiteral("-o"),
                                     outputPath(), a, b});
    QCOMPARE(result.exitCode, 0);
    const QList<QJsonObject> lines = parseLines(readFile(outputPath()));
    QCOMPARE(lines.size(), 30);
    int fromA = 0;
    int fromB = 0;
    int lastA = -1;
    int lastB = 99;
    for (const QJsonObject &line : lines) {
        const int value = str(line, "data").toInt();
        if (str(line, "url") == a) {
            ++fromA;
            QCOMPARE(value, lastA + 1); // in order within a stream
            lastA = value;
        } else {
            QCOMPARE(str(line, "url"), b);
            ++fromB;
            QCOMPARE(value, lastB + 1);
            lastB = value;
        }
    }
    QVERIFY(fromA >= 10 && fromB >= 10);
}

void tst_RecordOutput::duration()
{
    m_server->script(QStringLiteral("/events"), {Response::events().send("data: only\n\n").stall()});
    QProcess *process = startRecord({QStringLiteral("--duration"), QStringLiteral("0.5"), QStringLiteral("-o"),
                                     outputPath(), m_server->url().toString()});
    QSignalSpy finished(process, &QProcess::finished);
    QVERIFY(finished.wait(Timeout));
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(process->exitCode(), 0);
    // The stream never ended: only the duration can have stopped it.
    QCOMPARE(m_server->requestCount(QStringLiteral("/events")), 1);
    const QList<QJsonObject> lines = parseLines(readFile(outputPath()));
    QCOMPARE(lines.size(), 1);
    QCOMPARE(str(lines[0], "data"), QStringLiteral("only"));
}

void tst_RecordOutput::exitsWhenEveryStreamEndsWith204()
{
    m_server->script(QStringLiteral("/a"), {Response::status(204)});
    m_server->script(QStringLiteral("/b"),
                     {Response::events().send("retry: 10\ndata: b1\n\n").end(), Response::status(204)});
    const Result result = runRecord({QStringLiteral("-o"), outputPath(), m_server->url(QStringLiteral("/a")).toString(),
                                     m_server->url(QStringLiteral("/b")).toString()});
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 0);
    const QList<QJsonObject> lines = parseLines(readFile(outputPath()));
    QCOMPARE(lines.size(), 1);
    QCOMPARE(str(lines[0], "data"), QStringLiteral("b1"));
    QCOMPARE(m_server->requestCount(QStringLiteral("/a")), 1);
    QCOMPARE(m_server->requestCount(QStringLiteral("/b")), 2);
}

void tst_RecordOutput::signalFlushesAndExitsZero_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<bool>("toStdout");

    QTest::newRow("SIGTERM, file") << int(SIGTERM) << false;
    QTest::newRow("SIGINT, file") << int(SIGINT) << false;
    QTest::newRow("SIGTERM, stdout") << int(SIGTERM) << true;
}

void tst_RecordOutput::signalFlushesAndExitsZero()
{
    QFETCH(int, signalNumber);
    QFETCH(bool, toStdout);

    constexpr int N = 25;
    m_server->script(QStringLiteral("/events"),
                     {Response::events().send(numberedEvents(0, 10)).pause(20).send(numberedEvents(10, N - 10)).stall()});
    QStringList arguments{m_server->url().toString()};
    if (!toStdout)
        arguments += {QStringLiteral("-o"), outputPath()};
    QProcess *process = startRecord(arguments);
    QSignalSpy finished(process, &QProcess::finished);

    // Every batch is flushed as it comes: all N lines are out while the stream stalls.
    QByteArray out;
    if (toStdout)
        QTRY_COMPARE_WITH_TIMEOUT((out += process->readAllStandardOutput()).count('\n'), N, Timeout);
    else
        QTRY_COMPARE_WITH_TIMEOUT(readFile(outputPath()).count('\n'), N, Timeout);
    QCOMPARE(process->state(), QProcess::Running);

    QCOMPARE(::kill(pid_t(process->processId()), signalNumber), 0);
    QVERIFY(finished.wait(Timeout));
    QCOMPARE(process->exitStatus(), QProcess::NormalExit); // handled, not killed by the signal
    QCOMPARE(process->exitCode(), 0);

    out += process->readAllStandardOutput();
    const QList<QJsonObject> lines = parseLines(toStdout ? out : readFile(outputPath()));
    QCOMPARE(lines.size(), N);
    for (int i = 0; i < N; ++i)
        QCOMPARE(str(lines[i], "data"), QString::number(i));
    QVERIFY(process->readAllStandardError().contains(signalNumber == SIGINT ? "SIGINT" : "SIGTERM"));
}

void tst_RecordOutput::killedMidFloodLosesOnlyATornLine()
{
    // Chunks of events with ids, a few milliseconds apart, far more than the recorder gets to see.
    constexpr int ChunkEvents = 500;
    constexpr int Chunks = 400;
    constexpr int SeenBeforeKill = 5000;
    Response flood = Response::events();
    for (int chunk = 0; chunk < Chunks; ++chunk) {
        QByteArray bytes;
        for (int i = chunk * ChunkEvents; i < (chunk + 1) * ChunkEvents; ++i)
            bytes += "id: " + QByteArray::number(i) + "\ndata: " + QByteArray::number(i) + "\n\n";
        flood.send(bytes).pause(5);
    }
    m_server->script(QStringLiteral("/events"), {flood.stall()});
    QProcess *process = startRecord({QStringLiteral("-o"), outputPath(), m_server->url().toString()});
    QSignalSpy finished(process, &QProcess::finished);

    const auto fileSize = [this] { return QFileInfo(outputPath()).size(); };
    const auto linesInFile = [this] { return readFile(outputPath()).count('\n'); };
    // Cheap size polls until the lines can be there, then count them.
    QTRY_VERIFY_WITH_TIMEOUT(fileSize() >= SeenBeforeKill * 20 && linesInFile() >= SeenBeforeKill, Timeout);
    QCOMPARE(process->state(), QProcess::Running);
    process->kill(); // SIGKILL: no handler, no final flush
    QVERIFY(finished.wait(Timeout));
    QCOMPARE(process->exitStatus(), QProcess::CrashExit);

    QByteArray bytes = readFile(outputPath());
    const qsizetype lastNewline = bytes.lastIndexOf('\n');
    QVERIFY(lastNewline >= 0);
    bytes.truncate(lastNewline + 1); // a torn last line is the only thing a kill may cost
    const QList<QJsonObject> lines = parseLines(bytes);
    QVERIFY2(lines.size() >= SeenBeforeKill, qPrintable(QString::number(lines.size())));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QCOMPARE(str(lines[i], "data"), QString::number(i));
        QCOMPARE(str(lines[i], "lastEventId"), QString::number(i));
    }
}

QTEST_GUILESS_MAIN(tst_RecordOutput)
#include "tst_recordoutput.moc"
