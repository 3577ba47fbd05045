#include "CaptureReader.h"
#include "ScriptedServer.h"
#include "SseParser.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using Response = ScriptedServer::Response;

Q_DECLARE_METATYPE(CaptureReader::Format)

// `eventscope record` end to end: the real binary in a QProcess against a server in this process.
class tst_Record : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void schema();
    void urlIsWrittenAsGiven();
    void otherFormats_data();
    void otherFormats();
    void maxEventsStopsMidBatch();
    void maxEventsAcrossTwoUrls();
    void duration();
    void exitsWhenEveryStreamEndsWith204();
    void failedStreamIsNamedAndOthersRecord_data();
    void failedStreamIsNamedAndOthersRecord();
    void usageErrors_data();
    void usageErrors();
    void unwritableOutputFile();
    void helpAndVersion();
    void headersReachTheServer();
    void lastEventIdOnFirstRequest();
    void strictFailsWhatResilientRetries_data();
    void strictFailsWhatResilientRetries();
    void idleTimeoutReconnects();
    void signalFlushesAndExitsZero_data();
    void signalFlushesAndExitsZero();
    void killedMidFloodLosesOnlyATornLine();

private:
    struct Result
    {
        int exitCode = -1;
        QProcess::ExitStatus exitStatus = QProcess::CrashExit;
        QByteArray out;
        QByteArray err;
    };

    // Starts `eventscope record ARGS`; the server keeps serving while the test waits.
    QProcess *startRecord(const QStringList &arguments);
    // Runs it to the end, the event loop turning.
    Result runRecord(const QStringList &arguments);
    QString outputPath() const { return m_dir->filePath(QStringLiteral("out.jsonl")); }

    QString m_binary;
    ScriptedServer *m_server = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
    QList<QProcess *> m_processes;
};

namespace {

constexpr int Timeout = 30000;

QList<QJsonObject> parseLines(const QByteArray &bytes)
{
    QList<QJsonObject> objects;
    if (bytes.isEmpty())
        return objects;
    if (!bytes.endsWith('\n')) {
        qWarning("output does not end with a newline");
        return {};
    }
    const QList<QByteArray> lines = bytes.chopped(1).split('\n');
    for (const QByteArray &line : lines) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            qWarning("not a JSON object (%s): %s", qPrintable(error.errorString()), line.constData());
            return {};
        }
        objects.append(document.object());
    }
    return objects;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString str(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QByteArray numberedEvents(int first, int count)
{
    QByteArray bytes;
    for (int i = first; i < first + count; ++i)
        bytes += "data: " + QByteArray::number(i) + "\n\n";
    return bytes;
}

} // namespace

void tst_Record::initTestCase()
{
    m_binary = qEnvironmentVariable("EVENTSCOPE_BINARY");
    QVERIFY2(!m_binary.isEmpty(), "EVENTSCOPE_BINARY must name the eventscope executable (CTest sets it)");
    QVERIFY2(QFileInfo(m_binary).isExecutable(), qPrintable(m_binary));
}

void tst_Record::init()
{
    m_server = new ScriptedServer(this);
    QVERIFY(m_server->start());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_Record::cleanup()
{
    for (QProcess *process : std::as_const(m_processes)) {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(Timeout);
        }
        delete process;
    }
    m_processes.clear();
    delete m_server;
    m_server = nullptr;
}

QProcess *tst_Record::startRecord(const QStringList &arguments)
{
    auto *process = new QProcess;
    m_processes.append(process);
    process->setProgram(m_binary);
    process->setArguments(QStringList{QStringLiteral("record")} + arguments);
    process->start();
    return process;
}

tst_Record::Result tst_Record::runRecord(const QStringList &arguments)
{
    QProcess *process = startRecord(arguments);
    QSignalSpy finished(process, &QProcess::finished);
    Result result;
    if (!finished.wait(Timeout)) {
        qWarning("eventscope record %s did not finish", qPrintable(arguments.join(QLatin1Char(' '))));
        return result;
    }
    result.exitCode = process->exitCode();
    result.exitStatus = process->exitStatus();
    result.out = process->readAllStandardOutput();
    result.err = process->readAllStandardError();
    return result;
}

void tst_Record::schema()
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

void tst_Record::otherFormats_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<CaptureReader::Format>("detected");
    QTest::newRow("csv") << QStringLiteral("csv") << CaptureReader::Format::Csv;
    QTest::newRow("sse") << QStringLiteral("sse") << CaptureReader::Format::Sse;
}

// What a browser dispatched comes back from the file, whatever the format.
void tst_Record::otherFormats()
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

void tst_Record::urlIsWrittenAsGiven()
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

void tst_Record::maxEventsStopsMidBatch()
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

void tst_Record::maxEventsAcrossTwoUrls()
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

void tst_Record::duration()
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

void tst_Record::exitsWhenEveryStreamEndsWith204()
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

void tst_Record::failedStreamIsNamedAndOthersRecord_data()
{
    QTest::addColumn<QString>("path");       // on the test server, or empty
    QTest::addColumn<QString>("badUrl");     // used when path is empty
    QTest::addColumn<QString>("reasonPart"); // in the message, case-insensitive

    QTest::newRow("404") << QStringLiteral("/missing") << QString() << QStringLiteral("404");
    QTest::newRow("wrong content type") << QStringLiteral("/text") << QString() << QStringLiteral("text/plain");
    QTest::newRow("no content type") << QStringLiteral("/untyped") << QString() << QStringLiteral("content-type");
    QTest::newRow("not http") << QString() << QStringLiteral("ftp://127.0.0.1/events") << QStringLiteral("ftp");
    QTest::newRow("not a URL") << QString() << QStringLiteral("not a url") << QStringLiteral("url");
    QTest::newRow("malformed") << QString() << QStringLiteral("http://[::1/events") << QStringLiteral("url");
    QTest::newRow("no host") << QString() << QStringLiteral("http:///events") << QStringLiteral("url");
}

void tst_Record::failedStreamIsNamedAndOthersRecord()
{
    QFETCH(QString, path);
    QFETCH(QString, badUrl);
    QFETCH(QString, reasonPart);

    m_server->script(QStringLiteral("/text"), {Response::body(200, "text/plain", "data: not sse\n\n")});
    m_server->script(QStringLiteral("/untyped"), {Response::body(200, QByteArray(), "data: not sse\n\n")});
    // The healthy stream outlives the failure and ends with 204.
    m_server->script(QStringLiteral("/good"),
                     {Response::events().send("data: g1\n\n").hold().send("data: g2\n\n").end(),
                      Response::status(204)});
    const QString good = m_server->url(QStringLiteral("/good")).toString();
    const QString bad = path.isEmpty() ? badUrl : m_server->url(path).toString();

    QProcess *process = startRecord({QStringLiteral("--retry"), QStringLiteral("10"), good, bad});
    QSignalSpy finished(process, &QProcess::finished);
    QByteArray out;
    QByteArray err;
    const QByteArray expectedPrefix = "eventscope: " + bad.toUtf8() + ": ";
    const auto failedWhileGoodRecords = [&] {
        out += process->readAllStandardOutput();
        err += process->readAllStandardError();
        return err.contains(expectedPrefix) && out.contains("\"g1\"");
    };
    QTRY_VERIFY_WITH_TIMEOUT(failedWhileGoodRecords(), Timeout);
    QCOMPARE(process->state(), QProcess::Running); // a failure does not stop the other stream
    m_server->release();
    QVERIFY(finished.wait(Timeout));
    out += process->readAllStandardOutput();
    err += process->readAllStandardError();

    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(process->exitCode(), 2);
    const QList<QJsonObject> lines = parseLines(out);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(str(lines[0], "data"), QStringLiteral("g1"));
    QCOMPARE(str(lines[1], "data"), QStringLiteral("g2"));

    const QList<QByteArray> errLines = err.split('\n');
    const auto failure = std::find_if(errLines.begin(), errLines.end(),
                                      [&](const QByteArray &line) { return line.startsWith(expectedPrefix); });
    QVERIFY(failure != errLines.end());
    QVERIFY2(QString::fromUtf8(*failure).contains(reasonPart, Qt::CaseInsensitive), failure->constData());
}

void tst_Record::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");

    const QString url = QStringLiteral("http://127.0.0.1:9/events");
    QTest::newRow("no URL") << QStringList{};
    QTest::newRow("no URL, options only") << QStringList{QStringLiteral("--max-events"), QStringLiteral("3")};
    QTest::newRow("unknown format") << QStringList{QStringLiteral("--format"), QStringLiteral("xml"), url};
    QTest::newRow("header without colon") << QStringList{QStringLiteral("-H"), QStringLiteral("X-Token abc"), url};
    QTest::newRow("header without name") << QStringList{QStringLiteral("-H"), QStringLiteral(": abc"), url};
    QTest::newRow("header name with space")
        << QStringList{QStringLiteral("--header"), QStringLiteral("X Token: abc"), url};
    QTest::newRow("max-events not a number") << QStringList{QStringLiteral("--max-events"), QStringLiteral("ten"), url};
    QTest::newRow("max-events zero") << QStringList{QStringLiteral("--max-events"), QStringLiteral("0"), url};
    QTest::newRow("max-events negative") << QStringList{QStringLiteral("--max-events"), QStringLiteral("-3"), url};
    QTest::newRow("duration not a number") << QStringList{QStringLiteral("--duration"), QStringLiteral("1s"), url};
    QTest::newRow("duration negative") << QStringList{QStringLiteral("--duration"), QStringLiteral("-1"), url};
    QTest::newRow("duration infinite") << QStringList{QStringLiteral("--duration"), QStringLiteral("inf"), url};
    QTest::newRow("retry not a number") << QStringList{QStringLiteral("--retry"), QStringLiteral("soon"), url};
    QTest::newRow("idle-timeout not a number")
        << QStringList{QStringLiteral("--idle-timeout"), QStringLiteral("1.5"), url};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus"), url};
    QTest::newRow("missing value") << QStringList{url, QStringLiteral("--max-events")};
}

void tst_Record::usageErrors()
{
    QFETCH(QStringList, arguments);

    const Result result = runRecord(arguments);
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.startsWith("eventscope record: "), result.err.constData());
    QVERIFY(result.err.contains("--help"));
}

void tst_Record::unwritableOutputFile()
{
    const QString path = m_dir->filePath(QStringLiteral("no/such/dir/out.jsonl"));
    const Result result = runRecord({QStringLiteral("-o"), path, m_server->url().toString()});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(path.toUtf8()), result.err.constData());
    QCOMPARE(m_server->requestCount(), 0);
}

void tst_Record::helpAndVersion()
{
    Result result = runRecord({QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.startsWith("Usage: eventscope record [options] URL..."));
    for (const char *option : {"--output", "--format", "--max-events", "--duration", "--header", "--last-event-id",
                               "--retry", "--idle-timeout", "--strict"})
        QVERIFY2(result.out.contains(option), option);

    result = runRecord({QStringLiteral("--version")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(QRegularExpression(QStringLiteral(R"(^eventscope \d+\.\d+\.\d+\n$)")).match(QString::fromUtf8(result.out)).hasMatch(),
             result.out.constData());
}

void tst_Record::headersReachTheServer()
{
    m_server->script(QStringLiteral("/events"), {Response::status(204)});
    const Result result = runRecord({QStringLiteral("-H"), QStringLiteral("X-Token: abc 123"),
                                     QStringLiteral("--header"), QStringLiteral("Authorization:Bearer t0k3n"),
                                     QStringLiteral("-H"), QStringLiteral("X-Empty:"), m_server->url().toString()});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(m_server->requestCount(QStringLiteral("/events")), 1);
    const ScriptedServer::Request request = m_server->lastRequest(QStringLiteral("/events"));
    QCOMPARE(request.header("X-Token"), QByteArray("abc 123"));
    QCOMPARE(request.header("Authorization"), QByteArray("Bearer t0k3n"));
    QVERIFY(request.hasHeader("X-Empty"));
    QCOMPARE(request.header("Accept"), QByteArray("text/event-stream"));
}

void tst_Record::lastEventIdOnFirstRequest()
{
    m_server->script(QStringLiteral("/events"),
                     {Response::events()
                          .echo([](const HttpRequest &request) -> QByteArray {
                              return "data: resumed after " + request.header("Last-Event-ID") + "\n\n";
                          })
                          .stall()});
    const Result result = runRecord({QStringLiteral("--last-event-id"), QStringLiteral("41"),
                                     QStringLiteral("--max-events"), QStringLiteral("1"), m_server->url().toString()});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(m_server->requests(QStringLiteral("/events")).first().header("Last-Event-ID"), QByteArray("41"));
    const QList<QJsonObject> lines = parseLines(result.out);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(str(lines[0], "data"), QStringLiteral("resumed after 41"));
    // The event itself set no id: the stream's last event ID is still the one it started from.
    QCOMPARE(str(lines[0], "lastEventId"), QStringLiteral("41"));
}

void tst_Record::strictFailsWhatResilientRetries_data()
{
    QTest::addColumn<bool>("strict");
    QTest::addColumn<int>("exitCode");

    QTest::newRow("resilient") << false << 0;
    QTest::newRow("strict") << true << 2;
}

void tst_Record::strictFailsWhatResilientRetries()
{
    QFETCH(bool, strict);
    QFETCH(int, exitCode);

    m_server->script(QStringLiteral("/events"), {Response::status(503), Response::status(204)});
    const QString url = m_server->url().toString();
    QStringList arguments{QStringLiteral("--retry"), QStringLiteral("10"), url};
    if (strict)
        arguments.prepend(QStringLiteral("--strict"));
    const Result result = runRecord(arguments);
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, exitCode);
    QCOMPARE(m_server->requestCount(QStringLiteral("/events")), strict ? 1 : 2);
    if (strict) {
        QVERIFY2(result.err.contains(QByteArray("eventscope: " + url.toUtf8() + ": ")), result.err.constData());
        QVERIFY(result.err.contains("503"));
    } else {
        // One status line per reconnection, with the delay that --retry started from.
        const QRegularExpression reconnecting(QStringLiteral("eventscope: %1: reconnecting in (\\d+) ms \\(attempt 1: .*503")
                                                  .arg(QRegularExpression::escape(url)));
        const QRegularExpressionMatch match = reconnecting.match(QString::fromUtf8(result.err));
        QVERIFY2(match.hasMatch(), result.err.constData());
        QVERIFY(match.captured(1).toInt() <= 10);
    }
}

void tst_Record::idleTimeoutReconnects()
{
    m_server->script(QStringLiteral("/events"),
                     {Response::events().send("data: first\n\n").stall(),
                      Response::events().send("data: second\n\n").end(), Response::status(204)});
    const Result result = runRecord({QStringLiteral("--idle-timeout"), QStringLiteral("1500"), QStringLiteral("--retry"),
                                     QStringLiteral("10"), QStringLiteral("-o"), outputPath(),
                                     m_server->url().toString()});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.contains("idle"), result.err.constData());
    const QList<QJsonObject> lines = parseLines(readFile(outputPath()));
    QCOMPARE(lines.size(), 2);
    QCOMPARE(str(lines[0], "data"), QStringLiteral("first"));
    QCOMPARE(lines[0].value(QLatin1String("connection")).toInt(), 1);
    QCOMPARE(str(lines[1], "data"), QStringLiteral("second"));
    QCOMPARE(lines[1].value(QLatin1String("connection")).toInt(), 2);
}

void tst_Record::signalFlushesAndExitsZero_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<bool>("toStdout");

    QTest::newRow("SIGTERM, file") << int(SIGTERM) << false;
    QTest::newRow("SIGINT, file") << int(SIGINT) << false;
    QTest::newRow("SIGTERM, stdout") << int(SIGTERM) << true;
}

void tst_Record::signalFlushesAndExitsZero()
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

void tst_Record::killedMidFloodLosesOnlyATornLine()
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

QTEST_GUILESS_MAIN(tst_Record)
#include "tst_record.moc"
