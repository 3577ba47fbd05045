// `eventscope record` with a method and a body (-X, --data, --data-file, standard input) and a
// reconnection cap (--max-backoff): what reaches the server on the first request and on every
// reconnection, and the usage errors.

#include "RecordTestCase.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace RecordTest;
using Response = ScriptedServer::Response;

namespace {

const QByteArray Body = R"({"model": "m", "stream": true, "messages": [{"role": "user", "content": "héllo"}]})";

} // namespace

class tst_RecordRequest : public RecordTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void bodyOnEveryConnection();
    void bodySources_data();
    void bodySources();
    void usageErrors_data();
    void usageErrors();
    void helpListsTheRequestOptions();
};

void tst_RecordRequest::bodyOnEveryConnection()
{
    // The first response ends after an event; the reconnection carries the same method and body
    // with Last-Event-ID, and its 204 ends the recording.
    m_server->script(QStringLiteral("/chat"),
                     {Response::events().send("id: 1\ndata: a\n\n").end(), Response::status(204)});
    const Result result = runRecord({QStringLiteral("-X"), QStringLiteral("POST"), QStringLiteral("--data"),
                                     QString::fromUtf8(Body), QStringLiteral("-H"),
                                     QStringLiteral("Content-Type: application/json"), QStringLiteral("--retry"),
                                     QStringLiteral("10"), QStringLiteral("--max-backoff"), QStringLiteral("50"),
                                     m_server->url(QStringLiteral("/chat")).toString()});
    QCOMPARE(result.exitCode, 0);
    const QList<ScriptedServer::Request> requests = m_server->requests(QStringLiteral("/chat"));
    QCOMPARE(requests.size(), 2);
    for (const ScriptedServer::Request &request : requests) {
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.body, Body);
        QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
    }
    QVERIFY(!requests.at(0).hasHeader("Last-Event-ID"));
    QCOMPARE(requests.at(1).header("Last-Event-ID"), QByteArray("1"));
    const QList<QJsonObject> lines = parseLines(result.out);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(str(lines.at(0), "data"), QStringLiteral("a"));
}

void tst_RecordRequest::bodySources_data()
{
    QTest::addColumn<QString>("source"); // "data", "file" or "stdin"
    QTest::addColumn<QString>("method"); // -X, or empty for none
    QTest::addColumn<QByteArray>("sentMethod");

    QTest::newRow("--data, POST implied") << QStringLiteral("data") << QString() << QByteArray("POST");
    QTest::newRow("--data with -X PUT") << QStringLiteral("data") << QStringLiteral("PUT") << QByteArray("PUT");
    QTest::newRow("--data-file FILE") << QStringLiteral("file") << QString() << QByteArray("POST");
    QTest::newRow("--data-file - (standard input)") << QStringLiteral("stdin") << QStringLiteral("REPORT")
                                                   << QByteArray("REPORT");
    QTest::newRow("lower-case post") << QStringLiteral("data") << QStringLiteral("post") << QByteArray("POST");
}

void tst_RecordRequest::bodySources()
{
    QFETCH(QString, source);
    QFETCH(QString, method);
    QFETCH(QByteArray, sentMethod);

    m_server->script(QStringLiteral("/events"), {Response::status(204)});
    QStringList arguments;
    if (!method.isEmpty())
        arguments << QStringLiteral("--method") << method;
    if (source == QLatin1String("data")) {
        arguments << QStringLiteral("--data") << QString::fromUtf8(Body);
    } else if (source == QLatin1String("file")) {
        const QString path = m_dir->filePath(QStringLiteral("body.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(Body);
        file.close();
        arguments << QStringLiteral("--data-file") << path;
    } else {
        arguments << QStringLiteral("--data-file") << QStringLiteral("-");
    }
    arguments << m_server->url(QStringLiteral("/events")).toString();

    QProcess *process = startRecord(arguments);
    if (source == QLatin1String("stdin")) {
        process->write(Body);
        process->closeWriteChannel();
    }
    QSignalSpy finished(process, &QProcess::finished);
    QVERIFY(finished.wait(Timeout));
    QCOMPARE(process->exitCode(), 0);
    const ScriptedServer::Request request = m_server->lastRequest(QStringLiteral("/events"));
    QCOMPARE(request.method, sentMethod);
    QCOMPARE(request.body, Body);
}

void tst_RecordRequest::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("says");

    const QString url = QStringLiteral("http://127.0.0.1:9/events");
    QTest::newRow("both bodies") << QStringList{"--data", "a", "--data-file", "-", url} << QByteArray("--data-file");
    QTest::newRow("missing file") << QStringList{"--data-file", "/no/such/body.json", url}
                                  << QByteArray("/no/such/body.json");
    QTest::newRow("method with a space") << QStringList{"-X", "PO ST", url} << QByteArray("PO ST");
    QTest::newRow("empty method") << QStringList{"-X", "", url} << QByteArray("-X");
    QTest::newRow("CONNECT") << QStringList{"-X", "CONNECT", url} << QByteArray("CONNECT");
    QTest::newRow("trace") << QStringList{"-X", "trace", url} << QByteArray("trace");
    QTest::newRow("GET with a body") << QStringList{"-X", "GET", "--data", "a", url} << QByteArray("GET");
    QTest::newRow("max-backoff zero") << QStringList{"--max-backoff", "0", url} << QByteArray("--max-backoff");
    QTest::newRow("max-backoff not a number") << QStringList{"--max-backoff", "1m", url} << QByteArray("1m");
}

void tst_RecordRequest::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, says);

    const Result result = runRecord(arguments);
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.startsWith("eventscope record: "), result.err.constData());
    QVERIFY2(result.err.contains(says), result.err.constData());
    QCOMPARE(m_server->requestCount(), 0);
}

void tst_RecordRequest::helpListsTheRequestOptions()
{
    const Result result = runRecord({QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    for (const char *option : {"-X, --method <METHOD>", "--data <BODY>", "--data-file <FILE>", "--max-backoff <MS>"})
        QVERIFY2(result.out.contains(option), option);
}

QTEST_GUILESS_MAIN(tst_RecordRequest)
#include "tst_recordrequest.moc"
