// DemoStream served in process and by `eventscope serve`: the event shape, resuming after
// Last-Event-ID, per-client counters, fast intervals, and the serve command's errors and help.
#include "DemoStream.h"
#include "RawHttpClient.h"
#include "SseServer.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QtTest>

using namespace RawHttp;

namespace {

struct DemoEvent
{
    qint64 id = 0;
    QJsonObject data;
    QByteArray raw;
};

// Splits a demo stream body into events, checking the exact shape of each one.
bool parseDemoEvents(const QByteArray &body, QList<DemoEvent> &events, QString &error)
{
    static const QRegularExpression shape(
        QStringLiteral("^id: (\\d+)\nevent: message\ndata: (\\{\"count\": \\d+, \"time\": \"[^\"]+\"\\})$"));
    events.clear();
    qsizetype start = 0;
    while (true) {
        const qsizetype end = body.indexOf("\n\n", start);
        if (end < 0)
            break;
        const QByteArray block = body.mid(start, end - start);
        start = end + 2;
        const QRegularExpressionMatch match = shape.match(QString::fromUtf8(block));
        if (!match.hasMatch()) {
            error = QStringLiteral("unexpected event block: ") + QString::fromUtf8(block);
            return false;
        }
        QJsonParseError parseError;
        const QJsonDocument json = QJsonDocument::fromJson(match.captured(2).toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !json.isObject()) {
            error = QStringLiteral("invalid JSON: ") + match.captured(2);
            return false;
        }
        events.append({match.captured(1).toLongLong(), json.object(), block + "\n\n"});
    }
    return true;
}

QString eventscopeBinary()
{
    return qEnvironmentVariable("EVENTSCOPE_BINARY");
}

} // namespace

class TestDemoStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoEventShape();
    void demoResumesAfterLastEventId_data();
    void demoResumesAfterLastEventId();
    void demoClientsHaveTheirOwnCounters();
    void demoFastInterval();
    void demoWithQNetworkAccessManager();

    void serveCommandEndToEnd();
    void serveCommandErrors_data();
    void serveCommandErrors();
    void serveCommandPortTaken();
    void serveCommandHelp();
};

void TestDemoStream::demoEventShape()
{
    SseServer server;
    DemoStream demo(10);
    demo.attach(server);
    QVERIFY(server.listen());

    RawClient client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send(get("/events", "Accept: text/event-stream\r\n"));
    WireResponse response;
    QVERIFY(client.waitForBody(response, [](const QByteArray &body) { return body.count("\n\n") >= 5; }));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("Content-Type"), QByteArray("text/event-stream"));
    QCOMPARE(response.header("Cache-Control"), QByteArray("no-cache"));
    QCOMPARE(response.header("Transfer-Encoding"), QByteArray("chunked"));

    QList<DemoEvent> events;
    QString error;
    QVERIFY2(parseDemoEvents(response.body, events, error), qPrintable(error));
    QVERIFY(events.size() >= 5);
    static const QRegularExpression isoUtcMs(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (qsizetype i = 0; i < events.size(); ++i) {
        const DemoEvent &event = events.at(i);
        QCOMPARE(event.id, i + 1);
        QCOMPARE(event.data.value(QStringLiteral("count")).toInteger(), event.id);
        const QString time = event.data.value(QStringLiteral("time")).toString();
        QVERIFY2(isoUtcMs.match(time).hasMatch(), qPrintable(time));
        const QDateTime parsed = QDateTime::fromString(time, Qt::ISODateWithMs);
        QVERIFY(parsed.isValid());
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
        QVERIFY(qAbs(parsed.secsTo(now)) < 3600);
    }
    QCOMPARE(events.first().raw.left(38), QByteArray("id: 1\nevent: message\ndata: {\"count\": 1"));
}

void TestDemoStream::demoResumesAfterLastEventId_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<qint64>("firstId");
    QTest::newRow("none") << QByteArray() << qint64(1);
    QTest::newRow("41") << QByteArray("Last-Event-ID: 41\r\n") << qint64(42);
    QTest::newRow("0") << QByteArray("Last-Event-ID: 0\r\n") << qint64(1);
    QTest::newRow("large") << QByteArray("Last-Event-ID: 9000000000\r\n") << qint64(9000000001);
    QTest::newRow("not a number") << QByteArray("Last-Event-ID: abc\r\n") << qint64(1);
    QTest::newRow("negative") << QByteArray("Last-Event-ID: -5\r\n") << qint64(1);
    QTest::newRow("empty") << QByteArray("Last-Event-ID:\r\n") << qint64(1);
}

void TestDemoStream::demoResumesAfterLastEventId()
{
    QFETCH(QByteArray, header);
    QFETCH(qint64, firstId);

    SseServer server;
    DemoStream demo(5);
    demo.attach(server);
    QVERIFY(server.listen());

    RawClient client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send(get("/events", header));
    WireResponse response;
    QVERIFY(client.waitForBody(response, [](const QByteArray &body) { return body.count("\n\n") >= 3; }));
    QList<DemoEvent> events;
    QString error;
    QVERIFY2(parseDemoEvents(response.body, events, error), qPrintable(error));
    for (qsizetype i = 0; i < events.size(); ++i) {
        QCOMPARE(events.at(i).id, firstId + i);
        QCOMPARE(events.at(i).data.value(QStringLiteral("count")).toInteger(), firstId + i);
    }
}

void TestDemoStream::demoClientsHaveTheirOwnCounters()
{
    SseServer server;
    DemoStream demo(5);
    demo.attach(server, QStringLiteral("/demo"));
    QVERIFY(server.listen());

    RawClient first;
    QVERIFY(first.connectTo(server.serverPort()));
    first.send(get("/demo"));
    WireResponse response;
    QVERIFY(first.waitForBody(response, [](const QByteArray &body) { return body.count("\n\n") >= 10; }));

    RawClient second;
    QVERIFY(second.connectTo(server.serverPort()));
    second.send(get("/demo"));
    QVERIFY(second.waitForBody(response, [](const QByteArray &body) { return body.count("\n\n") >= 1; }));
    QList<DemoEvent> events;
    QString error;
    QVERIFY2(parseDemoEvents(response.body, events, error), qPrintable(error));
    QCOMPARE(events.first().id, 1);

    RawClient elsewhere;
    QVERIFY(elsewhere.connectTo(server.serverPort()));
    elsewhere.send(get("/events"));
    QVERIFY(elsewhere.nextResponse(response));
    QCOMPARE(response.status, 404);
}

void TestDemoStream::demoFastInterval()
{
    SseServer server;
    DemoStream demo(1);
    QCOMPARE(demo.intervalMs(), 1);
    demo.attach(server);
    QVERIFY(server.listen());

    RawClient client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send(get("/events"));
    WireResponse response;
    QVERIFY(client.waitForBody(response, [](const QByteArray &body) { return body.count("\n\n") >= 50; }));
    QList<DemoEvent> events;
    QString error;
    QVERIFY2(parseDemoEvents(response.body, events, error), qPrintable(error));
    QVERIFY(events.size() >= 50);
    for (qsizetype i = 0; i < events.size(); ++i)
        QCOMPARE(events.at(i).id, i + 1);
}

void TestDemoStream::demoWithQNetworkAccessManager()
{
    SseServer server;
    DemoStream demo(5);
    demo.attach(server);
    QVERIFY(server.listen());

    QNetworkAccessManager manager;
    QNetworkRequest request(server.url());
    request.setRawHeader("Accept", "text/event-stream");
    request.setRawHeader("Last-Event-ID", "41");
    QNetworkReply *reply = manager.get(request);
    QByteArray body;
    connect(reply, &QNetworkReply::readyRead, this, [&] { body += reply->readAll(); });
    QTRY_VERIFY_WITH_TIMEOUT(body.count("\n\n") >= 3, Timeout);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(), QStringLiteral("text/event-stream"));
    QVERIFY(body.startsWith("id: 42\nevent: message\ndata: {\"count\": 42, \"time\": \""));
    reply->abort();
    reply->deleteLater();
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnectionCount(), 0, Timeout);
}

void TestDemoStream::serveCommandEndToEnd()
{
    const QString binary = eventscopeBinary();
    if (binary.isEmpty())
        QSKIP("EVENTSCOPE_BINARY is not set (run through ctest)");

    QProcess process;
    process.start(binary, {QStringLiteral("serve"), QStringLiteral("--demo"), QStringLiteral("--port"),
                           QStringLiteral("0"), QStringLiteral("--interval"), QStringLiteral("10")});
    QVERIFY2(process.waitForStarted(Timeout), qPrintable(process.errorString()));
    auto cleanup = qScopeGuard([&] {
        process.terminate();
        if (!process.waitForFinished(Timeout))
            process.kill();
    });
    QVERIFY(QTest::qWaitFor([&] { return process.canReadLine(); }, Timeout));
    const QString line = QString::fromUtf8(process.readLine()).trimmed();
    static const QRegularExpression urlPattern(QStringLiteral("(http://127\\.0\\.0\\.1:(\\d+)/events)$"));
    const QRegularExpressionMatch match = urlPattern.match(line);
    QVERIFY2(match.hasMatch(), qPrintable(line));
    const quint16 port = match.captured(2).toUShort();
    QVERIFY(port != 0);

    RawClient client;
    QVERIFY(client.connectTo(port));
    client.send(get("/events", "Last-Event-ID: 41\r\n"));
    WireResponse response;
    QVERIFY(client.waitForBody(response, [](const QByteArray &body) { return body.count("\n\n") >= 3; }));
    QList<DemoEvent> events;
    QString error;
    QVERIFY2(parseDemoEvents(response.body, events, error), qPrintable(error));
    QCOMPARE(events.first().id, 42);
    QCOMPARE(events.at(2).id, 44);
}

void TestDemoStream::serveCommandErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no source") << QStringList{} << QStringLiteral("--demo");
    QTest::newRow("interval 0") << QStringList{"--demo", "--interval", "0"} << QStringLiteral("--interval");
    QTest::newRow("interval negative") << QStringList{"--demo", "--interval", "-5"} << QStringLiteral("--interval");
    QTest::newRow("interval text") << QStringList{"--demo", "--interval", "fast"} << QStringLiteral("--interval");
    QTest::newRow("port text") << QStringList{"--demo", "--port", "http"} << QStringLiteral("--port");
    QTest::newRow("port too large") << QStringList{"--demo", "--port", "70000"} << QStringLiteral("--port");
    QTest::newRow("bad bind") << QStringList{"--demo", "--bind", "not-an-address"} << QStringLiteral("--bind");
    QTest::newRow("max-connections 0")
        << QStringList{"--demo", "--max-connections", "0"} << QStringLiteral("--max-connections");
    QTest::newRow("max-connections text")
        << QStringList{"--demo", "--max-connections", "many"} << QStringLiteral("--max-connections");
    QTest::newRow("unknown option") << QStringList{"--demo", "--colour"} << QStringLiteral("colour");
    QTest::newRow("stray argument") << QStringList{"--demo", "extra"} << QStringLiteral("extra");
    QTest::newRow("replay") << QStringList{"--replay", "capture.jsonl"} << QStringLiteral("capture.jsonl");
    QTest::newRow("both") << QStringList{"--demo", "--replay", "capture.jsonl"} << QStringLiteral("--replay");
}

void TestDemoStream::serveCommandErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const QString binary = eventscopeBinary();
    if (binary.isEmpty())
        QSKIP("EVENTSCOPE_BINARY is not set (run through ctest)");

    QProcess process;
    process.start(binary, QStringList{QStringLiteral("serve")} + arguments);
    QVERIFY(process.waitForFinished(Timeout));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 1);
    const QString standardError = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(standardError.contains(message), qPrintable(standardError));
    QVERIFY(process.readAllStandardOutput().isEmpty());
}

void TestDemoStream::serveCommandPortTaken()
{
    const QString binary = eventscopeBinary();
    if (binary.isEmpty())
        QSKIP("EVENTSCOPE_BINARY is not set (run through ctest)");

    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    const QString port = QString::number(occupant.serverPort());
    QProcess process;
    process.start(binary, {QStringLiteral("serve"), QStringLiteral("--demo"), QStringLiteral("--port"), port});
    QVERIFY(process.waitForFinished(Timeout));
    QCOMPARE(process.exitCode(), 1);
    const QString standardError = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(standardError.contains(port), qPrintable(standardError));
}

void TestDemoStream::serveCommandHelp()
{
    const QString binary = eventscopeBinary();
    if (binary.isEmpty())
        QSKIP("EVENTSCOPE_BINARY is not set (run through ctest)");

    QProcess process;
    process.start(binary, {QStringLiteral("serve"), QStringLiteral("--help")});
    QVERIFY(process.waitForFinished(Timeout));
    QCOMPARE(process.exitCode(), 0);
    const QString help = QString::fromUtf8(process.readAllStandardOutput());
    for (const char *option : {"--demo", "--port", "--interval", "--bind", "--replay", "--speed", "--max-connections"})
        QVERIFY2(help.contains(QLatin1String(option)), option);
}

QTEST_GUILESS_MAIN(TestDemoStream)
#include "tst_demostream.moc"
