// Stream against the scripted server: batching, connection history, id resets, the plotted
// series across connections and time sources, edits, offline streams and close().

#include "FastOptions.h"
#include "EventSource.h"
#include "StreamFixtures.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <cmath>

using namespace StreamFixtures;

class TestStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void defaultName_data();
    void defaultName();
    void eventsArePendingUntilFlush();
    void connectionRows_data();
    void connectionRows();
    void idResetAfterServerRestart();
    void seriesBreakAtConnectionBoundary();
    void timeSourceReplotsTheCapture();
    void newUrlKeepsCaptureAndConnectionNumbers();
    void sameUrlEditResumesWithoutOutage();
    void ratesOnInjectedClocks();
    void offlineStream();
    void plotLimitCapturesAllAndChartsASelection_data();
    void plotLimitCapturesAllAndChartsASelection();
};

void TestStream::initTestCase()
{
    qRegisterMetaType<QList<CapturedEvent>>();
}

void TestStream::defaultName_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("name");

    QTest::newRow("host and port") << QUrl("http://127.0.0.1:8080/events") << "127.0.0.1:8080/events";
    QTest::newRow("default port") << QUrl("https://example.com/stream") << "example.com/stream";
    QTest::newRow("query kept") << QUrl("http://h/events?topic=a&x=1") << "h/events?topic=a&x=1";
    QTest::newRow("no path") << QUrl("http://h") << "h";
}

void TestStream::defaultName()
{
    QFETCH(QUrl, url);
    QFETCH(QString, name);
    QCOMPARE(Stream::defaultName(url), name);

    Stream unnamed(1, fastOptions(url), {});
    QCOMPARE(unnamed.name(), name);
    QCOMPARE(unnamed.givenName(), QString());
    Stream named(2, fastOptions(url), QStringLiteral("prices"));
    QCOMPARE(named.name(), QStringLiteral("prices"));
    QCOMPARE(named.status(), StreamStatus::Connecting);
}

void TestStream::eventsArePendingUntilFlush()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send(countEvent(1, 10) + countEvent(2, 20) + countEvent(3, 30)).stall()});

    Stream stream(1, fastOptions(server.url()), QStringLiteral("s"));
    QSignalSpy added(&stream, &Stream::eventsAdded);
    stream.open();
    QTRY_COMPARE_WITH_TIMEOUT(stream.pendingCount(), 3, Timeout);
    QCOMPARE(stream.capture()->size(), 0);
    QCOMPARE(stream.fields()->eventCount(), 0);
    QCOMPARE(added.count(), 0);
    // Counted on arrival, not on flush.
    QCOMPARE(stream.statistics().events(), 3);
    QCOMPARE(stream.statistics().lastEventId(), QStringLiteral("3"));
    QCOMPARE(stream.statistics().bytes(), stream.source()->bytesReceived());

    stream.flush();
    QCOMPARE(stream.pendingCount(), 0);
    QCOMPARE(added.count(), 1);
    const auto batch = added.at(0).at(0).value<QList<CapturedEvent>>();
    QCOMPARE(batch.size(), 3);
    QCOMPARE(stream.capture()->size(), 3);
    for (int i = 0; i < 3; ++i) {
        const CapturedEvent &event = stream.capture()->at(i);
        QCOMPARE(event, batch.at(i));
        QCOMPARE(event.event.lastEventId, QString::number(i + 1));
        QCOMPARE(event.url, server.url().toDisplayString());
        QCOMPARE(event.connection, 1);
    }
    const SeriesBuffer *count = stream.fields()->buffer(QStringLiteral("/count"));
    QVERIFY(count);
    QCOMPARE(valuesOf(*count), (QList<double>{10, 20, 30}));

    stream.flush(); // nothing pending: no signal
    QCOMPARE(added.count(), 1);
}

void TestStream::connectionRows_data()
{
    QTest::addColumn<QList<Response>>("script");
    QTest::addColumn<QString>("rows"); // kind (Opened, Lost, reconnect Scheduled, Failed, Ended,
                                       // Closed, id Reset) and connection number
    QTest::addColumn<StreamStatus>("status");
    QTest::addColumn<int>("reconnects");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<int>("idResets");

    QTest::newRow("end of body, back")
        << QList<Response>{Response::events().send(countEvent(1, 1)).end(), Response::events().stall()}
        << "O1 L1 S1 O2" << StreamStatus::Open << 1 << 1 << 0;
    QTest::newRow("503 on the way back")
        << QList<Response>{Response::events().send(countEvent(1, 1)).end(), Response::status(503),
                           Response::events().stall()}
        << "O1 L1 S1 S1 O2" << StreamStatus::Open << 1 << 2 << 0;
    QTest::newRow("first connection retried")
        << QList<Response>{Response::status(503), Response::events().send(countEvent(1, 1)).stall()}
        << "S0 O1" << StreamStatus::Open << 0 << 1 << 0;
    QTest::newRow("dropped twice")
        << QList<Response>{Response::events().send(countEvent(1, 1)).abort(),
                           Response::events().send(countEvent(2, 2)).abort(), Response::events().stall()}
        << "O1 L1 S1 O2 L2 S2 O3" << StreamStatus::Open << 2 << 2 << 0;
    QTest::newRow("ended by 204")
        << QList<Response>{Response::events().send(countEvent(1, 1)).end(), Response::status(204)}
        << "O1 L1 S1 E1" << StreamStatus::Ended << 0 << 1 << 0;
    QTest::newRow("404 on the way back fails")
        << QList<Response>{Response::events().send(countEvent(1, 1)).end(), Response::status(404)}
        << "O1 L1 S1 F1" << StreamStatus::Failed << 0 << 1 << 0;
    QTest::newRow("wrong content type fails")
        << QList<Response>{Response::body(200, "text/plain", "hello")} << "F0" << StreamStatus::Failed << 0 << 0
        << 0;
    QTest::newRow("server restart resets ids")
        << QList<Response>{Response::events().send(countEvent(41, 41) + countEvent(42, 42)).end(),
                           Response::events().send(countEvent(1, 1) + countEvent(2, 2)).stall()}
        << "O1 L1 S1 O2 R2" << StreamStatus::Open << 1 << 1 << 1;
}

void TestStream::connectionRows()
{
    QFETCH(QList<Response>, script);
    QFETCH(QString, rows);
    QFETCH(StreamStatus, status);
    QFETCH(int, reconnects);
    QFETCH(int, attempts);
    QFETCH(int, idResets);

    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", script);
    Stream stream(1, fastOptions(server.url()), {});
    ConnectionLog log(stream);
    stream.open();
    const qsizetype expected = rows.count(u' ') + 1;
    QTRY_COMPARE_WITH_TIMEOUT(log.events.size(), expected, Timeout);
    QCOMPARE(log.summary(), rows);
    QCOMPARE(stream.status(), status);
    QCOMPARE(stream.statistics().reconnects(), reconnects);
    QCOMPARE(stream.statistics().attempts(), attempts);
    QCOMPARE(stream.statistics().idResets(), idResets);
    // The history holds what was announced.
    QCOMPARE(QList<ConnectionEvent>(stream.history().events().cbegin(), stream.history().events().cend()),
             log.events);
    // Times are wall-clock times, in order.
    for (qsizetype i = 1; i < log.events.size(); ++i)
        QVERIFY(log.events.at(i - 1).timeMs <= log.events.at(i).timeMs);
}

void TestStream::idResetAfterServerRestart()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send(countEvent(41, 41) + countEvent(42, 42)).end(),
                              Response::events().send(countEvent(1, 1) + countEvent(2, 2)).stall()});
    Stream stream(1, fastOptions(server.url()), {});
    ConnectionLog log(stream);
    qsizetype capturedAtReset = -1;
    connect(&stream, &Stream::connectionEvent, this, [&](const ConnectionEvent &event) {
        if (event.kind == Kind::IdReset)
            capturedAtReset = stream.capture()->size();
    });
    stream.open();
    QTRY_COMPARE_WITH_TIMEOUT(stream.statistics().events(), 4, Timeout);
    stream.flush();

    QCOMPARE(server.requestCount("/events"), 2);
    QCOMPARE(server.requests("/events").at(1).header("Last-Event-ID"), QByteArray("42"));
    QCOMPARE(log.connectionsOf(Kind::IdReset), QList<int>{2});
    const ConnectionEvent reset = log.events.last();
    QVERIFY2(reset.reason.contains(QLatin1String("42")) && reset.reason.contains(QLatin1String("1")),
             qPrintable(reset.reason));
    // The event that went back is announced before the reset it causes.
    QCOMPARE(capturedAtReset, 3);
    QCOMPARE(stream.statistics().idResets(), 1);
    QCOMPARE(stream.statistics().lastIdResetText(), QStringLiteral("42 \u2192 1"));
    QCOMPARE(stream.statistics().gaps(), 0);
    QCOMPARE(stream.statistics().reconnects(), 1);
    QCOMPARE(stream.status(), StreamStatus::Open);
}

void TestStream::seriesBreakAtConnectionBoundary()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send(countEvent(1, 1) + countEvent(2, 2)).end(),
                              Response::events().send(countEvent(3, 3) + countEvent(4, 4)).stall()});
    Stream stream(1, fastOptions(server.url()), {});
    stream.open();
    QTRY_COMPARE_WITH_TIMEOUT(stream.statistics().events(), 4, Timeout);
    stream.flush();

    const SeriesBuffer *count = stream.fields()->buffer(QStringLiteral("/count"));
    QVERIFY(count);
    QCOMPARE(valuesOf(*count), (QList<double>{1, 2, 3, 4}));
    const auto starts = segmentStarts(*count);
    if (!starts)
        QSKIP("SeriesBuffer::startsSegment() is not there yet");
    QCOMPARE(*starts, QList<qsizetype>{2});

    // A chart never joins the two connections: a NaN stands between them.
    const QList<QPointF> points = count->decimated(count->firstTime(), count->lastTime(), 1000);
    const auto gap = std::find_if(points.cbegin(), points.cend(), [](QPointF p) { return std::isnan(p.y()); });
    QVERIFY(gap != points.cend());
    QCOMPARE(std::count_if(points.cbegin(), points.cend(), [](QPointF p) { return std::isnan(p.y()); }), 1);
}

void TestStream::timeSourceReplotsTheCapture()
{
    ScriptedServer server;
    QVERIFY(server.start());
    const auto timed = [](int n) -> QByteArray {
        return "id: " + QByteArray::number(n) + "\ndata: {\"count\": " + QByteArray::number(n)
            + ", \"time\": \"2026-01-01T00:00:0" + QByteArray::number(n) + ".000Z\"}\n\n";
    };
    server.script("/events", {Response::events().send(timed(1) + timed(2) + timed(3)).end(),
                              Response::events().send(timed(4) + timed(5)).stall()});
    Stream stream(1, fastOptions(server.url()), {});
    stream.open();
    QTRY_COMPARE_WITH_TIMEOUT(stream.statistics().events(), 5, Timeout);
    stream.flush();
    QVERIFY(stream.fields()->timestampCandidates().contains(QStringLiteral("/time")));

    const SeriesBuffer *count = stream.fields()->buffer(QStringLiteral("/count"));
    QVERIFY(count);
    QList<qint64> receiveTimes;
    QList<qint64> payloadTimes;
    const qint64 base = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    for (qsizetype i = 0; i < stream.capture()->size(); ++i) {
        receiveTimes.append(stream.capture()->at(i).receivedAt.toMSecsSinceEpoch());
        payloadTimes.append(base + (i + 1) * 1000);
    }
    QCOMPARE(timesOf(*count), receiveTimes);

    stream.setTimeSource(StreamFieldStore::PayloadField, QStringLiteral("/time"));
    QCOMPARE(stream.fields()->timeSource(), StreamFieldStore::PayloadField);
    QCOMPARE(count->size(), 5);
    QCOMPARE(timesOf(*count), payloadTimes);
    QCOMPARE(valuesOf(*count), (QList<double>{1, 2, 3, 4, 5}));
    if (const auto starts = segmentStarts(*count))
        QCOMPARE(*starts, QList<qsizetype>{3});

    stream.setTimeSource(StreamFieldStore::ReceiveTime);
    QCOMPARE(count->size(), 5);
    QCOMPARE(timesOf(*count), receiveTimes);
    if (const auto starts = segmentStarts(*count))
        QCOMPARE(*starts, QList<qsizetype>{3});

    // Choosing the clock already in use replots nothing twice.
    stream.setTimeSource(StreamFieldStore::ReceiveTime);
    QCOMPARE(count->size(), 5);
    stream.setTimeSource(StreamFieldStore::PayloadField, QStringLiteral("/time"));
    stream.setTimeSource(StreamFieldStore::PayloadField, QStringLiteral("/time"));
    QCOMPARE(count->size(), 5);
    QCOMPARE(timesOf(*count), payloadTimes);
}

void TestStream::newUrlKeepsCaptureAndConnectionNumbers()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/a", {Response::events().send(countEvent(1, 1) + countEvent(2, 2)).stall()});
    server.script("/b", {Response::events().send(countEvent(7, 7)).stall()});
    Stream stream(1, fastOptions(server.url("/a")), {});
    ConnectionLog log(stream);
    QSignalSpy changed(&stream, &Stream::changed);
    stream.open();
    QTRY_COMPARE_WITH_TIMEOUT(stream.pendingCount(), 2, Timeout);

    const int changesBefore = changed.count();
    stream.setOptions(fastOptions(server.url("/b")));
    // What was pending went to the capture before the switch.
    QCOMPARE(stream.capture()->size(), 2);
    QVERIFY(changed.count() > changesBefore);
    QCOMPARE(stream.url(), server.url("/b"));
    QCOMPARE(stream.urlText(), server.url("/b").toDisplayString());
    QTRY_COMPARE_WITH_TIMEOUT(stream.pendingCount(), 1, Timeout);
    stream.flush();

    QCOMPARE(stream.capture()->size(), 3);
    const QString a = server.url("/a").toDisplayString();
    const QString b = server.url("/b").toDisplayString();
    QList<std::pair<QString, int>> captured;
    for (qsizetype i = 0; i < stream.capture()->size(); ++i)
        captured.append({stream.capture()->at(i).url, stream.capture()->at(i).connection});
    QCOMPARE(captured, (QList<std::pair<QString, int>>{{a, 1}, {a, 1}, {b, 2}}));
    QCOMPARE(log.connectionsOf(Kind::Opened), (QList<int>{1, 2}));
    QCOMPARE(stream.status(), StreamStatus::Open);
    QCOMPARE(server.requestCount("/b"), 1);
    if (const auto starts = segmentStarts(*stream.fields()->buffer(QStringLiteral("/count"))))
        QCOMPARE(*starts, QList<qsizetype>{2});

    // A closed stream stays closed across an edit.
    stream.close();
    stream.setOptions(fastOptions(server.url("/a")));
    QCOMPARE(stream.source()->readyState(), EventSource::ReadyState::Closed);
    QCOMPARE(stream.status(), StreamStatus::Closed);
}

void TestStream::sameUrlEditResumesWithoutOutage()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/a", {Response::events().send(countEvent(1, 1) + countEvent(2, 2)).stall(),
                         Response::events().send(countEvent(3, 3)).stall()});
    Stream stream(1, fastOptions(server.url("/a")), {});
    ConnectionLog log(stream);
    stream.open();
    QTRY_COMPARE_WITH_TIMEOUT(stream.pendingCount(), 2, Timeout);

    // Options that do not change the connection (the same ones) do not reconnect.
    stream.setOptions(fastOptions(server.url("/a")));
    QCOMPARE(server.requestCount("/a"), 1);

    EventSourceOptions edited = fastOptions(server.url("/a"));
    edited.headers.append(HttpHeader("X-Team", "ops"));
    stream.setOptions(edited);
    QTRY_COMPARE_WITH_TIMEOUT(log.connectionsOf(Kind::Opened), (QList<int>{1, 2}), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(stream.pendingCount(), 1, Timeout);
    // Closed on purpose and opened again: no lost connection, no outage, no id reset.
    QCOMPARE(log.summary(), QStringLiteral("O1 C1 O2"));
    QVERIFY(stream.history().outages().empty());
    QCOMPARE(stream.statistics().idResets(), 0);
    // The same stream resumes after the last event it had.
    QCOMPARE(server.lastRequest("/a").header("Last-Event-ID"), QByteArray("2"));
    QCOMPARE(server.lastRequest("/a").header("X-Team"), QByteArray("ops"));
    // The resumed id is not written into the subscription's own options.
    QCOMPARE(stream.options().lastEventId, QString());
}

void TestStream::ratesOnInjectedClocks()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events()
                                  .send(countEvent(1, 1) + countEvent(2, 2) + countEvent(3, 3) + countEvent(4, 4))
                                  .stall()});
    qint64 wall = 1'800'000'000'000;
    qint64 monotonic = 1000;
    Stream stream(1, fastOptions(server.url()), {});
    stream.setClocks([&wall] { return wall; }, [&monotonic] { return monotonic; });
    QCOMPARE(stream.monotonicNow(), 1000);

    // The bucket under way at 1000 is partial; 1300 is in the next one, 1500 in the one after.
    monotonic = 1300;
    stream.open();
    QTRY_COMPARE_WITH_TIMEOUT(stream.pendingCount(), 4, Timeout);
    monotonic = 1500;
    stream.advance();
    QCOMPARE(stream.statistics().eventRate(), 16.0);
    QCOMPARE(stream.statistics().byteRate(), double(stream.source()->bytesReceived()) / 0.25);
    QCOMPARE(stream.statistics().lastEventAtMs(), 1300);

    monotonic = 1500 + 9 * StreamStatistics::RateBucketMs;
    stream.advance();
    QCOMPARE(stream.statistics().eventRate(), 0.0);
    QCOMPARE(stream.statistics().byteRate(), 0.0);

    stream.flush();
    for (qsizetype i = 0; i < stream.capture()->size(); ++i)
        QCOMPARE(stream.capture()->at(i).receivedAt.toMSecsSinceEpoch(), wall);
    QCOMPARE(stream.history().events().front().timeMs, wall);
}

void TestStream::offlineStream()
{
    QList<CapturedEvent> events;
    const QDateTime start = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    const QString url = QStringLiteral("http://example.invalid/events");
    for (int i = 0; i < 4; ++i) {
        const int id = i < 2 ? i + 1 : i - 1; // 1, 2, 1, 2: a restart inside the file
        events.append({url, {QStringLiteral("message"), QStringLiteral("{\"count\": %1}").arg(i), QString::number(id)},
                       start.addSecs(i), i < 2 ? 1 : 2});
    }
    Stream stream(5, QUrl(url), QStringLiteral("old"), events);
    ConnectionLog log(stream);
    QSignalSpy added(&stream, &Stream::eventsAdded);
    QVERIFY(stream.isOffline());
    QCOMPARE(stream.id(), 5);
    QCOMPARE(stream.status(), StreamStatus::Offline);
    QVERIFY(!stream.history().reason().isEmpty());
    QCOMPARE(stream.source(), nullptr);
    QCOMPARE(stream.pendingCount(), 4);
    QCOMPARE(stream.statistics().events(), 4);
    QCOMPARE(stream.statistics().idResets(), 1);

    stream.flush();
    QCOMPARE(added.count(), 1);
    QCOMPARE(stream.capture()->events(), events);
    const SeriesBuffer *count = stream.fields()->buffer(QStringLiteral("/count"));
    QVERIFY(count);
    QCOMPARE(valuesOf(*count), (QList<double>{0, 1, 2, 3}));
    if (const auto starts = segmentStarts(*count))
        QCOMPARE(*starts, QList<qsizetype>{2});

    // Never connected: open, close and edits do nothing.
    stream.open();
    stream.close();
    stream.setOptions(fastOptions(QUrl(QStringLiteral("http://127.0.0.1:1/x"))));
    stream.advance();
    QCOMPARE(stream.url(), QUrl(url));
    QCOMPARE(stream.status(), StreamStatus::Offline);
    QVERIFY(log.events.isEmpty());
}

void TestStream::plotLimitCapturesAllAndChartsASelection_data()
{
    QTest::addColumn<int>("events");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QList<double>>("charted");
    QTest::newRow("no limit") << 6 << -1 << QList<double>{0, 1, 2, 3, 4, 5};
    QTest::newRow("limit above the batch") << 6 << 10 << QList<double>{0, 1, 2, 3, 4, 5};
    QTest::newRow("limit equal to the batch") << 6 << 6 << QList<double>{0, 1, 2, 3, 4, 5};
    QTest::newRow("every second, ending with the newest") << 6 << 3 << QList<double>{1, 3, 5};
    QTest::newRow("every third of seven") << 7 << 3 << QList<double>{0, 3, 6};
    QTest::newRow("one: the newest") << 5 << 1 << QList<double>{4};
}

void TestStream::plotLimitCapturesAllAndChartsASelection()
{
    QFETCH(int, events);
    QFETCH(int, limit);
    QFETCH(QList<double>, charted);

    QList<CapturedEvent> captured;
    const QDateTime start = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    const QString url = QStringLiteral("http://example.invalid/events");
    for (int i = 0; i < events; ++i) {
        captured.append({url, {QStringLiteral("message"), QStringLiteral("{\"count\": %1}").arg(i), QString::number(i)},
                         start.addSecs(i), 1});
    }
    Stream stream(1, QUrl(url), {}, captured);
    QSignalSpy added(&stream, &Stream::eventsAdded);
    stream.flush(limit);

    QCOMPARE(stream.capture()->size(), events);
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.at(0).at(0).value<QList<CapturedEvent>>().size(), events);
    const SeriesBuffer *count = stream.fields()->buffer(QStringLiteral("/count"));
    QVERIFY(count);
    QCOMPARE(valuesOf(*count), charted);
    QCOMPARE(stream.notChartedCount(), events - charted.size());
    QCOMPARE(stream.lastPlottedCount(), charted.size());
}

QTEST_GUILESS_MAIN(TestStream)

#include "tst_stream.moc"
