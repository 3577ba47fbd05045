// `eventscope record` options and failures: usage errors, help and version, an unwritable file,
// headers and --last-event-id on the wire, --strict against resilient retries, --idle-timeout,
// a failing stream next to a healthy one, and --pin-sha256 against a self-signed server.
#include "CertificatePin.h"
#include "RecordTestCase.h"
#include "TlsEventServer.h"

#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>

#include <algorithm>

using namespace RecordTest;
using Response = ScriptedServer::Response;

// The real binary in a QProcess against a server in this process (see RecordTestCase).
class tst_RecordOptions : public RecordTestCase
{
    Q_OBJECT

private Q_SLOTS:
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
    void idsGoingBackAreANotice();
    void pinnedCertificateIsTrusted();
};

void tst_RecordOptions::failedStreamIsNamedAndOthersRecord_data()
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

void tst_RecordOptions::failedStreamIsNamedAndOthersRecord()
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

void tst_RecordOptions::usageErrors_data()
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
    QTest::newRow("header-timeout not a number")
        << QStringList{QStringLiteral("--header-timeout"), QStringLiteral("soon"), url};
    QTest::newRow("pin-sha256 too short") << QStringList{QStringLiteral("--pin-sha256"), QStringLiteral("ab:cd"), url};
    QTest::newRow("pin-sha256 not hex")
        << QStringList{QStringLiteral("--pin-sha256"), QString(64, QLatin1Char('x')), url};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus"), url};
    QTest::newRow("missing value") << QStringList{url, QStringLiteral("--max-events")};
}

void tst_RecordOptions::usageErrors()
{
    QFETCH(QStringList, arguments);

    const Result result = runRecord(arguments);
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.startsWith("eventscope record: "), result.err.constData());
    QVERIFY(result.err.contains("--help"));
}

void tst_RecordOptions::unwritableOutputFile()
{
    const QString path = m_dir->filePath(QStringLiteral("no/such/dir/out.jsonl"));
    const Result result = runRecord({QStringLiteral("-o"), path, m_server->url().toString()});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(path.toUtf8()), result.err.constData());
    QCOMPARE(m_server->requestCount(), 0);
}

void tst_RecordOptions::helpAndVersion()
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

void tst_RecordOptions::headersReachTheServer()
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

void tst_RecordOptions::lastEventIdOnFirstRequest()
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

void tst_RecordOptions::strictFailsWhatResilientRetries_data()
{
    QTest::addColumn<bool>("strict");
    QTest::addColumn<int>("exitCode");

    QTest::newRow("resilient") << false << 0;
    QTest::newRow("strict") << true << 2;
}

void tst_RecordOptions::strictFailsWhatResilientRetries()
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

void tst_RecordOptions::idleTimeoutReconnects()
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

void tst_RecordOptions::idsGoingBackAreANotice()
{
    // A server that restarts: ids 14, 15, then 1, 2 on the next connection; then it ends.
    m_server->script(QStringLiteral("/events"),
                     {Response::events().send("id: 14\ndata: a\n\nid: 15\ndata: b\n\n").end(),
                      Response::events().send("id: 1\ndata: c\n\nid: 2\ndata: d\n\n").end(), Response::status(204)});
    m_server->script(QStringLiteral("/steady"),
                     {Response::events().send("id: 1\ndata: a\n\n").end(),
                      Response::events().send("id: 2\ndata: b\n\n").end(), Response::status(204)});
    const QString url = m_server->url(QStringLiteral("/events")).toString();
    const QString steady = m_server->url(QStringLiteral("/steady")).toString();
    const Result result = runRecord({QStringLiteral("--retry"), QStringLiteral("10"), url, steady});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(parseLines(result.out).size(), 6);
    const QByteArray notice = url.toUtf8() + ": notice: ids went back from 15 to 1 on reconnecting";
    QVERIFY2(result.err.contains(notice), result.err.constData());
    QCOMPARE(result.err.count("notice:"), 1); // once per occurrence, and none for the steady stream
}

void tst_RecordOptions::pinnedCertificateIsTrusted()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("No TLS backend");
    TlsEventServer server;
    QVERIFY(server.start());
    const QString url = server.url().toString();

    // Without a pin the stream fails for good, and standard error names the certificate.
    Result result = runRecord({url});
    QCOMPARE(result.exitCode, 2);
    const QString fingerprint = CertificatePin::displayText(server.certificate());
    QVERIFY2(result.err.contains("TLS error"), result.err.constData());
    QVERIFY2(result.err.contains(fingerprint.toLatin1()), result.err.constData());

    // Pinned by that fingerprint, as shown there, it records.
    result = runRecord({QStringLiteral("--pin-sha256"), fingerprint, QStringLiteral("--max-events"), QStringLiteral("1"), url});
    QCOMPARE(result.exitCode, 0);
    const QList<QJsonObject> lines = parseLines(result.out);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(str(lines[0], "data"), QStringLiteral("over tls"));
}

QTEST_GUILESS_MAIN(tst_RecordOptions)
#include "tst_recordoptions.moc"
