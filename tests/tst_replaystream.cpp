#include "FastOptions.h"
#include "CaptureReader.h"
#include "EventSource.h"
#include "ReplayStream.h"
#include "ScriptedServer.h"
#include "SseParser.h"
#include "SseServer.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

constexpr int Timeout = 20000;

const QDateTime Origin = QDateTime(QDate(2026, 11, 23), QTime(19, 0), Qt::UTC);

CapturedEvent captured(const QString &type, const QString &data, const QString &id, qint64 atMs = 0)
{
    CapturedEvent event;
    event.url = QStringLiteral("http://127.0.0.1/source");
    event.event.type = type;
    event.event.data = data;
    event.event.lastEventId = id;
    event.receivedAt = Origin.addMSecs(atMs);
    event.connection = 1;
    return event;
}

// Types, ids that change, repeat and reset to empty, multi-line and empty data, U+0000, Unicode.
// Ends on a non-empty id, so that a client resuming at the end is told there is no more.
QList<CapturedEvent> awkwardEvents()
{
    const QString nul(QChar(u'\0'));
    return {
        captured(QStringLiteral("message"), QStringLiteral("plain"), QString(), 0),
        captured(QStringLiteral("custom"), QStringLiteral("typed"), QString(), 5),
        captured(QStringLiteral("message"), QStringLiteral("line 1\nline 2\n"), QStringLiteral("1"), 5),
        captured(QStringLiteral("message"), QString(), QStringLiteral("1"), 7),
        captured(QStringLiteral("update"), QStringLiteral("\n\n"), QStringLiteral("2"), 8),
        captured(QStringLiteral("message"), QStringLiteral("reset"), QString(), 9),
        captured(QStringLiteral("message"), QStringLiteral("nul") + nul + QStringLiteral("here"), QString(), 10),
        captured(QStringLiteral("caf\u00e9"), QStringLiteral("caf\u00e9 \U0001F600 \"q\" \\ \t"),
                 QStringLiteral("\u00e9\U0001F600"), 12),
        captured(QStringLiteral("message"), QStringLiteral(" leading space"), QStringLiteral("2"), 12),
        captured(QStringLiteral("message"), QStringLiteral("data: not a field"), QStringLiteral(" x"), 13),
        captured(QStringLiteral("message"), QStringLiteral("{\"count\": 3}"), QStringLiteral("last"), 20),
    };
}

QList<SseEvent> eventsOf(const QList<CapturedEvent> &captures)
{
    QList<SseEvent> events;
    for (const CapturedEvent &capture : captures)
        events.append(capture.event);
    return events;
}

// Reads the replay with an EventSource until the server says there is no more (204).
struct Reading
{
    QList<SseEvent> events;
    int requests = 0;
    bool closedByServer = false;
    QString failure;
};

Reading readToEnd(SseServer &server, const QString &lastEventId = {})
{
    EventSourceOptions options = fastOptions(server.url());
    options.lastEventId = lastEventId;
    EventSource source(options);
    Reading reading;
    QObject::connect(&server, &SseServer::requestReceived, &source, [&reading] { ++reading.requests; });
    QObject::connect(&source, &EventSource::eventReceived, &source,
                     [&reading](const SseEvent &event) { reading.events.append(event); });
    QObject::connect(&source, &EventSource::failed, &source,
                     [&reading](const QString &reason) { reading.failure = reason; });
    QSignalSpy closed(&source, &EventSource::closedByServer);
    source.open();
    reading.closedByServer = closed.wait(Timeout) || !closed.isEmpty();
    source.close();
    return reading;
}

QString describe(const QList<SseEvent> &events)
{
    QStringList lines;
    for (const SseEvent &event : events) {
        lines.append(QStringLiteral("(%1, %2, %3)")
                         .arg(event.type, QString::fromLatin1(event.data.toUtf8().toPercentEncoding(" {}\":")),
                              event.lastEventId));
    }
    return lines.join(QLatin1Char('\n'));
}


// A stream a server might send, in the pieces it sends it in: a BOM split from its first event,
// custom and reserved types, Unicode types and ids, repeated ids and a reset to empty, multi-line,
// empty and space-led data, U+0000, an emoji split across sends, U+2028, a stretch of CRLF lines
// with a CR/LF pair split between sends, comments and a retry field.
QList<QByteArray> awkwardStream()
{
    return {
        QByteArray("\xef\xbb"),
        QByteArray("\xbf" "data: plain\n\n" "event: error\nid: 1\ndata: oops\n"),
        QByteArray("\n" "event: message\ndata: line 1\ndata: line 2\ndata:\n\n"),
        QByteArray("data:\n\n" ": a comment\nid: 1\nda"),
        QByteArray("ta:  x\n\n" "event: \xe6\x97\xa5\xe6\x9c\xac\nid: \xc3\xa9\xf0\x9f\x98\x80\n"),
        QByteArray("data: emoji \xf0\x9f"),
        QByteArray("\x98\x80\n\n" "id\ndata: after reset\n\n"),
        QByteArray("data: nul") + '\0' + QByteArray("here \xe2\x80\xa8 separator\n\n"),
        QByteArray("event: custom\r\nid: 2\r\nretry: 50\r\ndata: crlf a\r"),
        QByteArray("\ndata: crlf b\r\n\r\n" "event: message\r\nid: 2\r\ndata: same id\r\n\r"),
        QByteArray("\n" "id: last\ndata: {\"count\": 3}\n\n"),
    };
}

QList<SseEvent> parsedEvents(const QList<QByteArray> &chunks)
{
    SseParser parser;
    parser.beginStream();
    QList<SseEvent> events;
    for (const QByteArray &chunk : chunks)
        parser.feed(chunk, events);
    return events;
}

QList<SseEvent> jsonlEvents(const QString &path)
{
    QList<SseEvent> events;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return events;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        SseEvent event;
        event.type = object.value(QLatin1String("type")).toString();
        event.data = object.value(QLatin1String("data")).toString();
        event.lastEventId = object.value(QLatin1String("lastEventId")).toString();
        events.append(event);
    }
    return events;
}

// Runs `eventscope record` to the end, serving this process's event loop meanwhile (the source
// may be a server in this process); an empty string when it exited with 0.
QString runRecord(const QString &binary, const QStringList &arguments)
{
    QProcess record;
    QSignalSpy finished(&record, &QProcess::finished);
    record.start(binary, QStringList{QStringLiteral("record")} + arguments);
    if (!finished.wait(Timeout) && finished.isEmpty()) {
        record.kill();
        record.waitForFinished(Timeout);
        return QStringLiteral("record did not finish");
    }
    if (record.exitStatus() != QProcess::NormalExit || record.exitCode() != 0) {
        return QStringLiteral("record exited with %1: %2")
            .arg(record.exitCode())
            .arg(QString::fromUtf8(record.readAllStandardError()));
    }
    return {};
}

} // namespace

class tst_ReplayStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encode_data();
    void encode();
    void startIndex_data();
    void startIndex();
    void replaysEveryEventIntact();
    void resumesAfterLastEventId_data();
    void resumesAfterLastEventId();
    void resumeAtEndIsNoContent();
    void emptyCaptureIsNoContent();
    void speedZeroDeliversEverything();
    void largeGapsScaledBySpeed();
    void clientLeavingEndsItsReplay();
    void endToEndThroughBinary();
    void roundTripThroughRecordAndReplay_data();
    void roundTripThroughRecordAndReplay();
};

void tst_ReplayStream::encode_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("previousId");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("plain") << "message" << "x" << "" << "" << QByteArray("data: x\n\n");
    QTest::newRow("typed") << "tick" << "x" << "" << "" << QByteArray("event: tick\ndata: x\n\n");
    QTest::newRow("new id") << "message" << "x" << "7" << "" << QByteArray("id: 7\ndata: x\n\n");
    QTest::newRow("same id") << "message" << "x" << "7" << "7" << QByteArray("data: x\n\n");
    QTest::newRow("id reset") << "message" << "x" << "" << "7" << QByteArray("id\ndata: x\n\n");
    QTest::newRow("empty data") << "message" << "" << "" << "" << QByteArray("data:\n\n");
    QTest::newRow("lines") << "message" << "a\n\nb\n" << "" << ""
                           << QByteArray("data: a\ndata:\ndata: b\ndata:\n\n");
    QTest::newRow("leading space") << "message" << " a" << " i" << "" << QByteArray("id:  i\ndata:  a\n\n");
    QTest::newRow("carriage returns") << "message" << "a\r\nb\rc" << "" << ""
                                      << QByteArray("data: a\ndata: b\ndata: c\n\n");
    QTest::newRow("unicode") << "\u00e9" << "\U0001F600" << "" << ""
                             << QByteArray("event: \xc3\xa9\ndata: \xf0\x9f\x98\x80\n\n");
}

void tst_ReplayStream::encode()
{
    QFETCH(QString, type);
    QFETCH(QString, data);
    QFETCH(QString, id);
    QFETCH(QString, previousId);
    QFETCH(QByteArray, expected);

    SseEvent event;
    event.type = type;
    event.data = data;
    event.lastEventId = id;
    const QByteArray bytes = ReplayStream::encode(event, previousId);
    QCOMPARE(bytes, expected);

    // A browser's parser that holds `previousId` dispatches the event as it was.
    SseParser parser;
    parser.setLastEventId(previousId);
    parser.beginStream();
    QList<SseEvent> events;
    parser.feed(bytes, events);
    QCOMPARE(events.size(), 1);
    if (!data.contains(u'\r'))
        QCOMPARE(events.first(), event);
}

void tst_ReplayStream::startIndex_data()
{
    QTest::addColumn<QString>("lastEventId");
    QTest::addColumn<qsizetype>("expected");

    QTest::newRow("none") << QString() << qsizetype(0);
    QTest::newRow("first id") << "1" << qsizetype(4);
    QTest::newRow("last occurrence") << "2" << qsizetype(9);
    QTest::newRow("unicode") << "\u00e9\U0001F600" << qsizetype(8);
    QTest::newRow("unknown") << "nope" << qsizetype(0);
    QTest::newRow("at the end") << "last" << qsizetype(11);
}

void tst_ReplayStream::startIndex()
{
    QFETCH(QString, lastEventId);
    QFETCH(qsizetype, expected);
    const ReplayStream replay(awkwardEvents(), 0);
    QCOMPARE(replay.eventCount(), 11);
    QCOMPARE(replay.startIndex(lastEventId), expected);
}

void tst_ReplayStream::replaysEveryEventIntact()
{
    SseServer server;
    ReplayStream replay(awkwardEvents(), 1.0);
    replay.attach(server);
    QVERIFY(server.listen());

    const Reading reading = readToEnd(server);
    QVERIFY2(reading.failure.isEmpty(), qPrintable(reading.failure));
    QVERIFY(reading.closedByServer);
    // The whole capture on the first connection; the second, resuming at the end, gets 204.
    QCOMPARE(reading.requests, 2);
    const QList<SseEvent> expected = eventsOf(awkwardEvents());
    QVERIFY2(reading.events == expected,
             qPrintable(QStringLiteral("got\n%1\nexpected\n%2").arg(describe(reading.events), describe(expected))));
}

void tst_ReplayStream::resumesAfterLastEventId_data()
{
    QTest::addColumn<QString>("lastEventId");
    QTest::addColumn<qsizetype>("start");

    QTest::newRow("after 1, then an id") << "1" << qsizetype(4);
    QTest::newRow("after 2, then a reset to empty") << "2" << qsizetype(9);
    QTest::newRow("unicode id") << "\u00e9\U0001F600" << qsizetype(8);
    QTest::newRow("unknown id starts over") << "nope" << qsizetype(0);
}

void tst_ReplayStream::resumesAfterLastEventId()
{
    QFETCH(QString, lastEventId);
    QFETCH(qsizetype, start);

    SseServer server;
    ReplayStream replay(awkwardEvents(), 0);
    replay.attach(server);
    QVERIFY(server.listen());
    QList<QByteArray> sentIds;
    QObject context;
    connect(&server, &SseServer::requestReceived, &context,
            [&sentIds](const HttpRequest &request) { sentIds.append(request.header("Last-Event-ID")); });

    const Reading reading = readToEnd(server, lastEventId);
    QVERIFY2(reading.failure.isEmpty(), qPrintable(reading.failure));
    QVERIFY(reading.closedByServer);
    const QList<SseEvent> expected = eventsOf(awkwardEvents().mid(start));
    QVERIFY2(reading.events == expected,
             qPrintable(QStringLiteral("got\n%1\nexpected\n%2").arg(describe(reading.events), describe(expected))));
    QCOMPARE(sentIds.size(), 2);
    QCOMPARE(sentIds.first(), lastEventId.toUtf8());
    QCOMPARE(sentIds.last(), QByteArray("last"));
}

void tst_ReplayStream::resumeAtEndIsNoContent()
{
    SseServer server;
    ReplayStream replay(awkwardEvents(), 1.0);
    replay.attach(server);
    QVERIFY(server.listen());

    const Reading reading = readToEnd(server, QStringLiteral("last"));
    QVERIFY2(reading.failure.isEmpty(), qPrintable(reading.failure));
    QVERIFY(reading.closedByServer);
    QCOMPARE(reading.requests, 1);
    QVERIFY(reading.events.isEmpty());
}

void tst_ReplayStream::emptyCaptureIsNoContent()
{
    SseServer server;
    ReplayStream replay({}, 1.0);
    replay.attach(server);
    QVERIFY(server.listen());

    const Reading reading = readToEnd(server);
    QVERIFY(reading.closedByServer);
    QCOMPARE(reading.requests, 1);
    QVERIFY(reading.events.isEmpty());
}

void tst_ReplayStream::speedZeroDeliversEverything()
{
    // Several MiB: more than the server queues before it waits for the socket to drain.
    QList<CapturedEvent> captures;
    const QString payload(2000, u'p');
    const int count = 5000;
    for (int i = 1; i <= count; ++i)
        captures.append(captured(QStringLiteral("message"), QString::number(i) + payload, QString::number(i), i * 1000));

    SseServer server;
    ReplayStream replay(captures, 0);
    replay.attach(server);
    QVERIFY(server.listen());

    const Reading reading = readToEnd(server);
    QVERIFY2(reading.failure.isEmpty(), qPrintable(reading.failure));
    QVERIFY(reading.closedByServer);
    QCOMPARE(reading.events.size(), count);
    QVERIFY(reading.events == eventsOf(captures));
}

void tst_ReplayStream::largeGapsScaledBySpeed()
{
    // Ten seconds between events in the capture, a thousand times faster on the wire.
    QList<CapturedEvent> captures;
    for (int i = 1; i <= 5; ++i)
        captures.append(captured(QStringLiteral("message"), QString::number(i), QString::number(i), i * 10000));

    SseServer server;
    ReplayStream replay(captures, 1000);
    QCOMPARE(replay.speed(), 1000.0);
    replay.attach(server);
    QVERIFY(server.listen());

    const Reading reading = readToEnd(server);
    QVERIFY(reading.closedByServer);
    QVERIFY(reading.events == eventsOf(captures));
}

void tst_ReplayStream::clientLeavingEndsItsReplay()
{
    // An hour between the two events: the client leaves while the second is still pending.
    const QList<CapturedEvent> captures = {captured(QStringLiteral("message"), QStringLiteral("first"), QString(), 0),
                                           captured(QStringLiteral("message"), QStringLiteral("later"), QString(),
                                                    3600 * 1000)};
    SseServer server;
    ReplayStream replay(captures, 1.0);
    replay.attach(server);
    QVERIFY(server.listen());

    auto source = std::make_unique<EventSource>(fastOptions(server.url()));
    QSignalSpy received(source.get(), &EventSource::eventReceived);
    source->open();
    QVERIFY(received.wait(Timeout));
    QCOMPARE(received.first().first().value<SseEvent>().data, QStringLiteral("first"));
    QCOMPARE(server.openConnectionCount(), 1);
    source.reset();
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnectionCount(), 0, Timeout);
}

void tst_ReplayStream::endToEndThroughBinary()
{
    const QString binary = qEnvironmentVariable("EVENTSCOPE_BINARY");
    if (binary.isEmpty())
        QSKIP("EVENTSCOPE_BINARY is not set (run through ctest)");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QList<CapturedEvent> captures = awkwardEvents();
    const QString capturePath = dir.filePath(QStringLiteral("capture.jsonl"));
    {
        QFile file(capturePath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (const CapturedEvent &capture : captures) {
            const QJsonObject line{{QStringLiteral("url"), capture.url},
                                   {QStringLiteral("type"), capture.event.type},
                                   {QStringLiteral("data"), capture.event.data},
                                   {QStringLiteral("lastEventId"), capture.event.lastEventId},
                                   {QStringLiteral("receivedAt"), capture.receivedAt.toString(Qt::ISODateWithMs)},
                                   {QStringLiteral("connection"), capture.connection}};
            file.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
        }
    }

    QProcess serve;
    serve.start(binary, {QStringLiteral("serve"), QStringLiteral("--replay"), capturePath, QStringLiteral("--speed"),
                         QStringLiteral("0"), QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY(serve.waitForStarted(Timeout));
    const auto stopServe = qScopeGuard([&serve] {
        if (serve.state() != QProcess::NotRunning) {
            serve.kill();
            serve.waitForFinished(Timeout);
        }
    });
    QByteArray startLine;
    QVERIFY(QTest::qWaitFor(
        [&] {
            startLine += serve.readAllStandardOutput();
            return startLine.contains('\n') || serve.state() == QProcess::NotRunning;
        },
        Timeout));
    static const QRegularExpression shape(QStringLiteral("^Replaying (\\d+) events from (.+) at (http://\\S+)\n"));
    const QRegularExpressionMatch match = shape.match(QString::fromUtf8(startLine));
    QVERIFY2(match.hasMatch(), startLine.constData());
    QCOMPARE(match.captured(1).toInt(), captures.size());
    QCOMPARE(match.captured(2), capturePath);
    const QUrl url(match.captured(3));
    QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(url.port() > 0);

    const QString outputPath = dir.filePath(QStringLiteral("out.jsonl"));
    QProcess record;
    record.start(binary, {QStringLiteral("record"), url.toString(), QStringLiteral("--max-events"),
                          QString::number(captures.size()), QStringLiteral("-o"), outputPath});
    QVERIFY(record.waitForFinished(Timeout));
    QCOMPARE(record.exitStatus(), QProcess::NormalExit);
    QVERIFY2(record.exitCode() == 0, record.readAllStandardError().constData());

    QFile output(outputPath);
    QVERIFY(output.open(QIODevice::ReadOnly));
    QList<SseEvent> received;
    for (const QByteArray &line : output.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        SseEvent event;
        event.type = object.value(QLatin1String("type")).toString();
        event.data = object.value(QLatin1String("data")).toString();
        event.lastEventId = object.value(QLatin1String("lastEventId")).toString();
        received.append(event);
    }
    const QList<SseEvent> expected = eventsOf(captures);
    QVERIFY2(received == expected,
             qPrintable(QStringLiteral("got\n%1\nexpected\n%2").arg(describe(received), describe(expected))));

    serve.terminate();
    QVERIFY(serve.waitForFinished(Timeout));
    QCOMPARE(serve.exitCode(), 0);
}

void tst_ReplayStream::roundTripThroughRecordAndReplay_data()
{
    QTest::addColumn<QString>("format");

    QTest::newRow("sse") << QStringLiteral("sse");
    QTest::newRow("jsonl") << QStringLiteral("jsonl");
    QTest::newRow("csv") << QStringLiteral("csv");
}

void tst_ReplayStream::roundTripThroughRecordAndReplay()
{
    QFETCH(QString, format);
    const QString binary = qEnvironmentVariable("EVENTSCOPE_BINARY");
    if (binary.isEmpty())
        QSKIP("EVENTSCOPE_BINARY is not set (run through ctest)");

    const QList<QByteArray> chunks = awkwardStream();
    const QList<SseEvent> expected = parsedEvents(chunks);
    QCOMPARE(expected.size(), 11);

    using Response = ScriptedServer::Response;
    ScriptedServer source;
    QVERIFY(source.start());
    Response response = Response::events();
    for (const QByteArray &chunk : chunks)
        response.send(chunk);
    source.script(QStringLiteral("/events"), {response.stall()});

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString capturePath = dir.filePath(QStringLiteral("capture.") + format);
    const QString count = QString::number(expected.size());
    QString failure = runRecord(binary, {source.url().toString(), QStringLiteral("--format"), format,
                                         QStringLiteral("--max-events"), count, QStringLiteral("-o"), capturePath});
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    QList<CapturedEvent> captures;
    QString readError;
    QVERIFY2(CaptureReader::readFile(capturePath, captures, &readError), qPrintable(readError));
    const QList<SseEvent> captured = eventsOf(captures);
    QVERIFY2(captured == expected,
             qPrintable(QStringLiteral("capture\n%1\nexpected\n%2").arg(describe(captured), describe(expected))));

    QProcess serve;
    serve.start(binary, {QStringLiteral("serve"), QStringLiteral("--replay"), capturePath, QStringLiteral("--speed"),
                         QStringLiteral("0"), QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY(serve.waitForStarted(Timeout));
    const auto stopServe = qScopeGuard([&serve] {
        if (serve.state() != QProcess::NotRunning) {
            serve.kill();
            serve.waitForFinished(Timeout);
        }
    });
    QByteArray startLine;
    QVERIFY(QTest::qWaitFor(
        [&] {
            startLine += serve.readAllStandardOutput();
            return startLine.contains('\n') || serve.state() == QProcess::NotRunning;
        },
        Timeout));
    static const QRegularExpression shape(QStringLiteral("^Replaying (\\d+) events from .+ at (http://\\S+)\n"));
    const QRegularExpressionMatch match = shape.match(QString::fromUtf8(startLine));
    QVERIFY2(match.hasMatch(), startLine.constData());
    QCOMPARE(match.captured(1), count);
    const QUrl replayUrl(match.captured(2));

    const QString replayPath = dir.filePath(QStringLiteral("replay.jsonl"));
    failure = runRecord(binary, {replayUrl.toString(), QStringLiteral("--max-events"), count, QStringLiteral("-o"),
                                 replayPath});
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const QList<SseEvent> replayed = jsonlEvents(replayPath);
    QVERIFY2(replayed == expected,
             qPrintable(QStringLiteral("replay\n%1\nexpected\n%2").arg(describe(replayed), describe(expected))));

    serve.terminate();
    QVERIFY(serve.waitForFinished(Timeout));
    QCOMPARE(serve.exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_ReplayStream)

#include "tst_replaystream.moc"
