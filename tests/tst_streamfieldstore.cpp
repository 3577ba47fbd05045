#include "SeriesBuffer.h"
#include "SseEvent.h"
#include "StreamFieldStore.h"

#include <QDateTime>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

namespace {

SseEvent sseEvent(const QString &data)
{
    SseEvent e;
    e.data = data;
    return e;
}

SseEvent demoEvent(int count, const QString &time)
{
    return sseEvent(QStringLiteral("{\"count\": %1, \"time\": \"%2\"}").arg(count).arg(time));
}

SseEvent typedEvent(const QString &type, const QString &data, const QString &id = QString())
{
    SseEvent e = sseEvent(data);
    e.type = type;
    e.lastEventId = id;
    return e;
}

qint64 isoMs(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs).toMSecsSinceEpoch();
}

// Each field as "key=v1 v2 ...", in discovery order.
QStringList storedValues(const StreamFieldStore &store)
{
    QStringList lines;
    for (const QString &key : store.fieldPaths()) {
        QStringList values;
        const SeriesBuffer *buffer = store.buffer(key);
        for (qsizetype i = 0; i < buffer->size(); ++i)
            values.append(QString::number(buffer->valueAt(i), 'g', QLocale::FloatingPointShortest));
        lines.append(key + QLatin1Char('=') + values.join(QLatin1Char(' ')));
    }
    return lines;
}

// Everything a series holds, breaks and drops included, as text.
QStringList storedSeries(const StreamFieldStore &store)
{
    QStringList lines;
    for (const QString &key : store.fieldPaths()) {
        const SeriesBuffer *buffer = store.buffer(key);
        QString line = key + QStringLiteral(" dropped %1:").arg(buffer->droppedCount());
        for (qsizetype i = 0; i < buffer->size(); ++i) {
            line += (buffer->startsSegment(i) ? QStringLiteral(" | ") : QStringLiteral(" "))
                    + QStringLiteral("%1=%2").arg(buffer->timeAt(i)).arg(buffer->valueAt(i), 0, 'g', 17);
        }
        lines.append(line);
    }
    return lines;
}

} // namespace

class TestStreamFieldStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samplesAndSpanOverEveryField();
    void discoversFieldsInOrder();
    void discoversFieldsInOrder_data();
    void receiveTimeByDefault();
    void payloadTimeField();
    void payloadTimeFieldEpochNumbers_data();
    void payloadTimeFieldEpochNumbers();
    void missingTimeFieldFallsBack();
    void switchingTimeSourceClearsHistory();
    void timestampCandidates();
    void pointCapAppliesToAllSeries();
    void fieldCapIgnoresNewPaths();
    void batchEmitsChangedOnce();

    void fieldKeys_data();
    void fieldKeys();
    void storesRealValues_data();
    void storesRealValues();
    void fieldCapCountsKeys();
    void payloadTimeAppliesToItsType();
    void breakSeries();
    void replayReproducesTheLiveSeries_data();
    void replayReproducesTheLiveSeries();
};

void TestStreamFieldStore::samplesAndSpanOverEveryField()
{
    StreamFieldStore store;
    QCOMPARE(store.timeSpan(), std::nullopt);
    store.setPointCap(2);
    store.addEvent(sseEvent(QStringLiteral(R"({"a": 1})")), 1000);
    store.addEvent(sseEvent(QStringLiteral(R"({"a": 2, "b": 5})")), 2000);
    store.addEvent(sseEvent(QStringLiteral(R"({"a": 3})")), 3000);
    QCOMPARE(store.sampleCount(), 3); // a: 2 and 3, b: 5
    QCOMPARE(store.droppedSampleCount(), 1);
    QCOMPARE(store.timeSpan(), std::make_optional(std::pair<qint64, qint64>(2000, 3000)));
}

void TestStreamFieldStore::discoversFieldsInOrder_data()
{
    QTest::addColumn<QStringList>("payloads");
    QTest::addColumn<QStringList>("fields");

    QTest::newRow("demo") << QStringList{QStringLiteral(R"({"count": 1, "time": "2026-11-23T19:00:00.123Z"})")}
                          << QStringList{QStringLiteral("/count")};
    QTest::newRow("nested, booleans, arrays")
        << QStringList{QStringLiteral(R"({"cpu": {"load": [0.5, 0.7]}, "ok": true, "name": "x"})")}
        << QStringList{QStringLiteral("/cpu/load[0]"), QStringLiteral("/cpu/load[1]"), QStringLiteral("/ok")};
    QTest::newRow("bare number") << QStringList{QStringLiteral("42")} << QStringList{QStringLiteral("/")};
    QTest::newRow("text is not a field") << QStringList{QStringLiteral("hello")} << QStringList{};
    QTest::newRow("later fields come after earlier ones")
        << QStringList{QStringLiteral(R"({"b": 1})"), QStringLiteral(R"({"a": 2, "b": 3})"),
                       QStringLiteral(R"({"c": 4})")}
        << QStringList{QStringLiteral("/b"), QStringLiteral("/a"), QStringLiteral("/c")};
}

void TestStreamFieldStore::discoversFieldsInOrder()
{
    QFETCH(QStringList, payloads);
    QFETCH(QStringList, fields);

    StreamFieldStore store;
    QSignalSpy discovered(&store, &StreamFieldStore::fieldDiscovered);
    for (const QString &payload : payloads)
        store.addEvent(sseEvent(payload), 1000);

    QCOMPARE(store.fieldPaths(), fields);
    QCOMPARE(discovered.size(), fields.size());
    for (int i = 0; i < fields.size(); ++i) {
        QCOMPARE(discovered.at(i).at(0).toString(), fields.at(i));
        QVERIFY(store.buffer(fields.at(i)));
    }
    QCOMPARE(store.buffer(QStringLiteral("/nothing")), nullptr);
}

void TestStreamFieldStore::receiveTimeByDefault()
{
    StreamFieldStore store;
    QCOMPARE(store.timeSource(), StreamFieldStore::ReceiveTime);
    store.addEvent(demoEvent(1, QStringLiteral("2026-11-23T19:00:00.123Z")), 5000);
    store.addEvent(demoEvent(2, QStringLiteral("2026-11-23T19:00:01.123Z")), 6000);

    const SeriesBuffer *count = store.buffer(QStringLiteral("/count"));
    QVERIFY(count);
    QCOMPARE(count->size(), 2);
    QCOMPARE(count->timeAt(0), 5000);
    QCOMPARE(count->timeAt(1), 6000);
    QCOMPARE(count->valueAt(0), 1.0);
    QCOMPARE(count->valueAt(1), 2.0);
    QCOMPARE(store.timeFallbackCount(), 0);
    QCOMPARE(store.clockOffsetMs(), 0);
}

void TestStreamFieldStore::payloadTimeField()
{
    StreamFieldStore store;
    store.setTimeSource(StreamFieldStore::PayloadField, QStringLiteral("/time"));
    QCOMPARE(store.timeFieldPath(), QStringLiteral("/time"));
    const QString t0 = QStringLiteral("2026-11-23T19:00:00.123Z");
    const QString t1 = QStringLiteral("2026-11-23T19:00:01.123Z");
    store.addEvent(demoEvent(7, t0), 5000);
    store.addEvent(demoEvent(8, t1), 6000);

    const SeriesBuffer *count = store.buffer(QStringLiteral("/count"));
    QVERIFY(count);
    QCOMPARE(count->size(), 2);
    QCOMPARE(count->timeAt(0), isoMs(t0));
    QCOMPARE(count->timeAt(1), isoMs(t1));
    QCOMPARE(count->valueAt(1), 8.0);
    QCOMPARE(store.timeFallbackCount(), 0);
    QCOMPARE(store.clockOffsetMs(), isoMs(t1) - 6000);
}

void TestStreamFieldStore::payloadTimeFieldEpochNumbers_data()
{
    QTest::addColumn<QString>("payload");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("seconds") << QStringLiteral(R"({"v": 1, "ts": 1795460400})") << Q_INT64_C(1795460400000);
    QTest::newRow("fractional seconds") << QStringLiteral(R"({"v": 1, "ts": 1795460400.5})")
                                        << Q_INT64_C(1795460400500);
    QTest::newRow("milliseconds") << QStringLiteral(R"({"v": 1, "ts": 1795460400123})")
                                  << Q_INT64_C(1795460400123);
    QTest::newRow("numeric string") << QStringLiteral(R"({"v": 1, "ts": "1795460400"})")
                                    << Q_INT64_C(1795460400000);
}

void TestStreamFieldStore::payloadTimeFieldEpochNumbers()
{
    QFETCH(QString, payload);
    QFETCH(qint64, expected);

    StreamFieldStore store;
    store.setTimeSource(StreamFieldStore::PayloadField, QStringLiteral("/ts"));
    store.addEvent(sseEvent(payload), 1000);
    const SeriesBuffer *v = store.buffer(QStringLiteral("/v"));
    QVERIFY(v);
    QCOMPARE(v->size(), 1);
    QCOMPARE(v->timeAt(0), expected);
    QCOMPARE(store.timeFallbackCount(), 0);
}

void TestStreamFieldStore::missingTimeFieldFallsBack()
{
    StreamFieldStore store;
    store.setTimeSource(StreamFieldStore::PayloadField, QStringLiteral("/time"));
    store.addEvent(sseEvent(QStringLiteral(R"({"count": 1})")), 1000);
    store.addEvent(sseEvent(QStringLiteral(R"({"count": 2, "time": "not a time"})")), 2000);
    store.addEvent(demoEvent(3, QStringLiteral("2026-11-23T19:00:00.000Z")), 3000);
    store.addEvent(sseEvent(QStringLiteral("17")), 4000);

    const SeriesBuffer *count = store.buffer(QStringLiteral("/count"));
    QVERIFY(count);
    QCOMPARE(count->size(), 3);
    QCOMPARE(count->timeAt(0), 1000);
    QCOMPARE(count->timeAt(1), 2000);
    QCOMPARE(count->timeAt(2), isoMs(QStringLiteral("2026-11-23T19:00:00.000Z")));
    QCOMPARE(store.timeFallbackCount(), 3);
    QCOMPARE(store.buffer(QStringLiteral("/"))->timeAt(0), 4000);
}

void TestStreamFieldStore::switchingTimeSourceClearsHistory()
{
    StreamFieldStore store;
    QSignalSpy switched(&store, &StreamFieldStore::timeSourceChanged);
    store.addEvent(demoEvent(1, QStringLiteral("2026-11-23T19:00:00.000Z")), 1000);
    QCOMPARE(store.buffer(QStringLiteral("/count"))->size(), 1);

    store.setTimeSource(StreamFieldStore::PayloadField, QStringLiteral("/time"));
    QCOMPARE(switched.size(), 1);
    QCOMPARE(store.fieldPaths(), QStringList{QStringLiteral("/count")});
    QCOMPARE(store.buffer(QStringLiteral("/count"))->size(), 0);

    store.setTimeSource(StreamFieldStore::PayloadField, QStringLiteral("/time"));
    QCOMPARE(switched.size(), 1); // no change, nothing cleared

    // A payload source without a path is the receive time.
    store.setTimeSource(StreamFieldStore::PayloadField, QString());
    QCOMPARE(store.timeSource(), StreamFieldStore::ReceiveTime);
    QCOMPARE(switched.size(), 2);
}

void TestStreamFieldStore::timestampCandidates()
{
    StreamFieldStore store;
    QSignalSpy discovered(&store, &StreamFieldStore::timestampCandidateDiscovered);
    store.addEvent(sseEvent(QStringLiteral(
                       R"({"count": 1, "epoch": 1795460400, "label": "abc", "time": "2026-11-23T19:00:00.123Z"})")),
                   1000);
    store.addEvent(sseEvent(QStringLiteral(R"({"count": 2, "later": "2026-11-23T19:00:01Z"})")), 2000);

    const QStringList expected{QStringLiteral("/epoch"), QStringLiteral("/time"), QStringLiteral("/later")};
    QCOMPARE(store.timestampCandidates(), expected);
    QCOMPARE(discovered.size(), 3);
    QCOMPARE(discovered.at(1).at(0).toString(), QStringLiteral("/time"));
    // A counter reads as epoch seconds in 1970, a number, but not a time axis.
    QVERIFY(!store.timestampCandidates().contains(QStringLiteral("/count")));
    QVERIFY(store.hasField(QStringLiteral("/epoch")));
    QVERIFY(!store.hasField(QStringLiteral("/time")));
}

void TestStreamFieldStore::pointCapAppliesToAllSeries()
{
    StreamFieldStore store;
    store.setPointCap(10);
    QCOMPARE(store.pointCap(), 10);
    for (int i = 0; i < 25; ++i)
        store.addEvent(sseEvent(QStringLiteral(R"({"a": %1, "b": %2})").arg(i).arg(-i)), 1000 + i);
    for (const QString &path : {QStringLiteral("/a"), QStringLiteral("/b")}) {
        const SeriesBuffer *buffer = store.buffer(path);
        QCOMPARE(buffer->size(), 10);
        QCOMPARE(buffer->capacity(), 10);
        QCOMPARE(buffer->droppedCount(), 15);
        QCOMPARE(buffer->timeAt(9), 1024);
    }
    store.setPointCap(4);
    QCOMPARE(store.buffer(QStringLiteral("/a"))->size(), 4);
    QCOMPARE(store.buffer(QStringLiteral("/a"))->valueAt(3), 24.0);
    // A field discovered later gets the cap too.
    store.addEvent(sseEvent(QStringLiteral(R"({"c": 1})")), 2000);
    QCOMPARE(store.buffer(QStringLiteral("/c"))->capacity(), 4);
}

void TestStreamFieldStore::fieldCapIgnoresNewPaths()
{
    StreamFieldStore store;
    QCOMPARE(store.fieldCap(), StreamFieldStore::DefaultFieldCap);
    QStringList members;
    for (int i = 0; i < 300; ++i)
        members.append(QStringLiteral("\"k%1\": %2").arg(i, 3, 10, QLatin1Char('0')).arg(i));
    const QString payload = QLatin1Char('{') + members.join(QLatin1String(", ")) + QLatin1Char('}');
    store.addEvent(sseEvent(payload), 1000);
    QCOMPARE(store.fieldCount(), StreamFieldStore::DefaultFieldCap);
    QCOMPARE(store.ignoredFieldSampleCount(), 300 - StreamFieldStore::DefaultFieldCap);
    QCOMPARE(store.fieldPaths().last(), QStringLiteral("/k255"));
    QVERIFY(!store.hasField(QStringLiteral("/k256")));

    // Known fields go on receiving samples.
    store.addEvent(sseEvent(payload), 2000);
    QCOMPARE(store.buffer(QStringLiteral("/k000"))->size(), 2);
    QCOMPARE(store.ignoredFieldSampleCount(), 2 * (300 - StreamFieldStore::DefaultFieldCap));
}

void TestStreamFieldStore::batchEmitsChangedOnce()
{
    StreamFieldStore store;
    QSignalSpy changed(&store, &StreamFieldStore::changed);
    QSignalSpy discovered(&store, &StreamFieldStore::fieldDiscovered);
    QList<SseEvent> events;
    for (int i = 0; i < 50; ++i)
        events.append(demoEvent(i, QStringLiteral("2026-11-23T19:00:00.000Z")));
    store.addEvents(events, 1000);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(discovered.size(), 1);
    QCOMPARE(store.eventCount(), 50);
    QCOMPARE(store.buffer(QStringLiteral("/count"))->size(), 50);
}

void TestStreamFieldStore::fieldKeys_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("key");

    QTest::newRow("message keeps the path") << "message" << "/count" << "/count";
    QTest::newRow("no type is message") << "" << "/cpu/load[0]" << "/cpu/load[0]";
    QTest::newRow("bare number") << "message" << "/" << "/";
    QTest::newRow("top-level array") << "message" << "[1]/a" << "[1]/a";
    QTest::newRow("other type") << "alert" << "/latency_ms" << "alert:/latency_ms";
    QTest::newRow("other type, bare number") << "metrics" << "/" << "metrics:/";
    QTest::newRow("other type, top-level array") << "metrics" << "[0]" << "metrics:[0]";
    QTest::newRow("type with colons") << "urn:app:alert" << "/x" << "urn:app:alert:/x";
    QTest::newRow("path with a colon and slash") << "metrics" << "/a:/b" << "metrics:/a:/b";
    QTest::newRow("message path with a colon and slash") << "message" << "/a:/b" << "/a:/b";
}

void TestStreamFieldStore::fieldKeys()
{
    QFETCH(QString, type);
    QFETCH(QString, path);
    QFETCH(QString, key);

    QCOMPARE(StreamFieldStore::fieldKey(type, path), key);
    const auto [splitType, splitPath] = StreamFieldStore::splitFieldKey(key);
    QCOMPARE(splitType, type.isEmpty() ? QStringLiteral("message") : type);
    QCOMPARE(splitPath, path);
}

void TestStreamFieldStore::storesRealValues_data()
{
    QTest::addColumn<QList<SseEvent>>("events");
    QTest::addColumn<QStringList>("stored");
    QTest::addColumn<QStringList>("candidates");

    const auto message = [](const char *data) { return sseEvent(QString::fromUtf8(data)); };
    const auto of = [](const char *type, const char *data) {
        return typedEvent(QString::fromUtf8(type), QString::fromUtf8(data));
    };
    using Events = QList<SseEvent>;

    QTest::newRow("Unix seconds") << Events{message(R"({"ts": 1764590400, "v": 1})")}
                                  << QStringList{"/ts=1764590400", "/v=1"} << QStringList{"/ts"};
    QTest::newRow("Unix milliseconds") << Events{message(R"({"ts": 1764590400123})")}
                                       << QStringList{"/ts=1764590400123"} << QStringList{"/ts"};
    // Beyond 2^53 a number is held as the nearest double, 1764590400123456768.
    QTest::newRow("Unix nanoseconds") << Events{message(R"({"ts": 1764590400123456789})")}
                                      << QStringList{"/ts=1764590400123456800"} << QStringList{"/ts"};
    QTest::newRow("sizes") << Events{message(R"({"bytes": 1048576, "page": 16384})")}
                           << QStringList{"/bytes=1048576", "/page=16384"} << QStringList{};
    QTest::newRow("negative") << Events{message(R"({"temp": -40})"), message(R"({"temp": -40.5})")}
                              << QStringList{"/temp=-40 -40.5"} << QStringList{};
    QTest::newRow("tiny and huge") << Events{message(R"({"eps": 1e-9, "big": 1e300})")}
                                   << QStringList{"/big=1e+300", "/eps=1e-09"} << QStringList{};
    QTest::newRow("a spike") << Events{message("0.5"), message("0.5"), message("1.5e9"), message("0.5")}
                             << QStringList{"/=0.5 0.5 1.5e+09 0.5"} << QStringList{};
    QTest::newRow("a constant") << Events{message(R"({"v": 7})"), message(R"({"v": 7})"), message(R"({"v": 7})")}
                                << QStringList{"/v=7 7 7"} << QStringList{};
    QTest::newRow("booleans and 0/1")
        << Events{message(R"({"up": true})"), message(R"({"up": false})"), message(R"({"up": 1})"),
                  message(R"({"up": 0})")}
        << QStringList{"/up=1 0 1 0"} << QStringList{};
    // A numeric string is text: not a sample, and a gap in nothing but the series' length.
    QTest::newRow("strings where numbers were")
        << Events{message(R"({"v": 1})"), message(R"({"v": "NaN"})"), message(R"({"v": "n/a"})"),
                  message(R"({"v": "12"})"), message(R"({"v": null})"), message(R"({"v": 2})")}
        << QStringList{"/v=1 2"} << QStringList{};
    QTest::newRow("NaN, infinity, out of range")
        << Events{message("NaN"), message("inf"), message(R"({"v": 1e400, "w": 1})")}
        << QStringList{} << QStringList{};
    QTest::newRow("nested arrays") << Events{message(R"({"m": [[1, 2], [3, [4]]]})")}
                                   << QStringList{"/m[0][0]=1", "/m[0][1]=2", "/m[1][0]=3", "/m[1][1][0]=4"}
                                   << QStringList{};
    QTest::newRow("several event types")
        << Events{message(R"({"cpu": 1})"), of("metrics", R"({"cpu": 50, "time": "2026-11-23T19:00:00Z"})"),
                  of("alert", R"({"cpu": 99})"), of("metrics", R"({"cpu": 51})"), of("metrics", "[3]"),
                  of("urn:x", "4")}
        << QStringList{"/cpu=1", "metrics:/cpu=50 51", "alert:/cpu=99", "metrics:[0]=3", "urn:x:/=4"}
        << QStringList{"metrics:/time"};
    QTest::newRow("ids that go backwards")
        << Events{typedEvent("message", R"({"n": 1})", "5"), typedEvent("message", R"({"n": 2})", "3"),
                  typedEvent("message", R"({"n": 3})", "1"), typedEvent("message", R"({"n": 4})", "")}
        << QStringList{"/n=1 2 3 4"} << QStringList{};
}

void TestStreamFieldStore::storesRealValues()
{
    QFETCH(QList<SseEvent>, events);
    QFETCH(QStringList, stored);
    QFETCH(QStringList, candidates);

    StreamFieldStore store;
    for (qsizetype i = 0; i < events.size(); ++i)
        store.addEvent(events.at(i), 1000 + i);
    QCOMPARE(storedValues(store), stored);
    QCOMPARE(store.timestampCandidates(), candidates);
    QCOMPARE(store.eventCount(), events.size());
}

void TestStreamFieldStore::fieldCapCountsKeys()
{
    StreamFieldStore store;
    QSignalSpy discovered(&store, &StreamFieldStore::fieldDiscovered);
    store.setFieldCap(2);
    store.addEvent(sseEvent(QStringLiteral(R"({"a": 1})")), 1000);
    store.addEvent(typedEvent(QStringLiteral("alert"), QStringLiteral(R"({"a": 2})")), 1001);
    store.addEvent(typedEvent(QStringLiteral("metrics"), QStringLiteral(R"({"a": 3})")), 1002);
    QCOMPARE(store.fieldPaths(), (QStringList{"/a", "alert:/a"}));
    QCOMPARE(store.ignoredFieldSampleCount(), 1);
    QCOMPARE(discovered.size(), 2);
    QCOMPARE(discovered.at(1).at(0).toString(), QStringLiteral("alert:/a"));
}

void TestStreamFieldStore::payloadTimeAppliesToItsType()
{
    StreamFieldStore store;
    store.setTimeSource(StreamFieldStore::PayloadField, QStringLiteral("metrics:/ts"));
    QCOMPARE(store.timeFieldPath(), QStringLiteral("metrics:/ts"));
    const QString metrics = QStringLiteral("metrics");
    store.addEvent(typedEvent(metrics, QStringLiteral(R"({"v": 1, "ts": 1795460400})")), 1000);
    store.addEvent(sseEvent(QStringLiteral(R"({"v": 2, "ts": 1795460401})")), 2000);
    store.addEvent(typedEvent(QStringLiteral("alert"), QStringLiteral(R"({"v": 3})")), 3000);
    store.addEvent(typedEvent(metrics, QStringLiteral(R"({"v": 4})")), 4000);

    QCOMPARE(store.buffer(QStringLiteral("metrics:/v"))->timeAt(0), Q_INT64_C(1795460400000));
    QCOMPARE(store.buffer(QStringLiteral("metrics:/v"))->timeAt(1), 4000); // its field is missing
    QCOMPARE(store.buffer(QStringLiteral("/v"))->timeAt(0), 2000); // "/ts" is another field
    QCOMPARE(store.buffer(QStringLiteral("alert:/v"))->timeAt(0), 3000);
    QCOMPARE(store.timeFallbackCount(), 1);
    QCOMPARE(store.clockOffsetMs(), Q_INT64_C(1795460400000) - 1000);

    // A plain path times "message" events only.
    store.setTimeSource(StreamFieldStore::PayloadField, QStringLiteral("/ts"));
    QCOMPARE(store.timeFallbackCount(), 0);
    store.addEvent(sseEvent(QStringLiteral(R"({"v": 5, "ts": 1795460402})")), 5000);
    store.addEvent(typedEvent(metrics, QStringLiteral(R"({"v": 6, "ts": 1795460403})")), 6000);
    QCOMPARE(store.buffer(QStringLiteral("/v"))->timeAt(0), Q_INT64_C(1795460402000));
    QCOMPARE(store.buffer(QStringLiteral("metrics:/v"))->timeAt(0), 6000);
    QCOMPARE(store.timeFallbackCount(), 0);
}

void TestStreamFieldStore::breakSeries()
{
    StreamFieldStore store;
    store.breakSeries(); // nothing to break yet
    store.addEvent(sseEvent(QStringLiteral(R"({"a": 1, "b": 1})")), 1000);
    store.addEvent(sseEvent(QStringLiteral(R"({"a": 2, "b": 2})")), 2000);
    store.breakSeries();
    store.breakSeries(); // the same break
    store.addEvent(sseEvent(QStringLiteral(R"({"a": 3, "c": 3})")), 3000);
    store.addEvent(sseEvent(QStringLiteral(R"({"a": 4, "b": 4, "c": 4})")), 4000);
    QCOMPARE(storedSeries(store), (QStringList{"/a dropped 0: 1000=1 2000=2 | 3000=3 4000=4",
                                               "/b dropped 0: 1000=1 2000=2 | 4000=4",
                                               "/c dropped 0: 3000=3 4000=4"}));

    QSignalSpy changed(&store, &StreamFieldStore::changed);
    const QList<QPointF> points = store.buffer(QStringLiteral("/b"))->decimated(0, 5000, 100);
    QCOMPARE(points.size(), 4);
    QVERIFY(qIsNaN(points.at(2).y()));
    QCOMPARE(points.at(2).x(), 4000.0);
    store.clearSamples();
    store.breakSeries();
    store.addEvent(sseEvent(QStringLiteral(R"({"a": 5})")), 5000);
    QCOMPARE(store.buffer(QStringLiteral("/a"))->startsSegment(0), false);
    QCOMPARE(changed.size(), 2);
}

void TestStreamFieldStore::replayReproducesTheLiveSeries_data()
{
    QTest::addColumn<StreamFieldStore::TimeSource>("source");
    QTest::addColumn<QString>("timeKey");

    QTest::newRow("receive time") << StreamFieldStore::ReceiveTime << QString();
    QTest::newRow("payload time") << StreamFieldStore::PayloadField << QStringLiteral("/time");
    QTest::newRow("payload time of another type") << StreamFieldStore::PayloadField
                                                  << QStringLiteral("metrics:/ts");
}

void TestStreamFieldStore::replayReproducesTheLiveSeries()
{
    QFETCH(StreamFieldStore::TimeSource, source);
    QFETCH(QString, timeKey);

    // Four connections' events, some without a time field, some of another type; a cap that
    // drops the oldest samples and the breaks before them.
    struct Received
    {
        SseEvent event;
        qint64 receivedAtMs;
        int connection;
    };
    QList<Received> capture;
    const qint64 base = isoMs(QStringLiteral("2026-11-23T19:00:00.000Z"));
    for (int i = 0; i < 120; ++i) {
        const int connection = i < 40 ? 1 : i < 45 ? 2 : i < 90 ? 3 : 4;
        const QString time = QDateTime::fromMSecsSinceEpoch(base + 1000 * i, Qt::UTC).toString(Qt::ISODateWithMs);
        SseEvent event = i % 7 == 3 ? sseEvent(QStringLiteral(R"({"count": %1})").arg(i)) : demoEvent(i, time);
        if (i % 5 == 0)
            event = typedEvent(QStringLiteral("metrics"),
                               QStringLiteral(R"({"cpu": %1, "ts": %2})").arg(i % 13).arg(base / 1000 + i));
        capture.append({event, 5000 + 997 * i, connection});
    }
    const auto feed = [&capture](StreamFieldStore &store) {
        int plotted = 0;
        for (const Received &r : std::as_const(capture)) {
            if (plotted != 0 && r.connection != plotted)
                store.breakSeries();
            plotted = r.connection;
            store.addEvent(r.event, r.receivedAtMs);
        }
    };

    StreamFieldStore live;
    live.setPointCap(50);
    live.setTimeSource(source, timeKey);
    feed(live);
    const QStringList series = storedSeries(live);
    QCOMPARE(series.size(), 3);
    for (const QString &line : series)
        QVERIFY2(line.contains(QLatin1String(" | ")), qPrintable(line));

    StreamFieldStore replayed;
    replayed.setPointCap(50);
    feed(replayed);
    QSignalSpy switched(&replayed, &StreamFieldStore::timeSourceChanged);
    replayed.setTimeSource(StreamFieldStore::PayloadField, QStringLiteral("/time"));
    replayed.setTimeSource(StreamFieldStore::ReceiveTime);
    replayed.setTimeSource(source, timeKey);
    QCOMPARE(switched.size(), source == StreamFieldStore::ReceiveTime ? 2 : 3);
    for (const QString &key : replayed.fieldPaths())
        QVERIFY(replayed.buffer(key)->isEmpty());
    feed(replayed);
    QCOMPARE(storedSeries(replayed), series);
    QCOMPARE(replayed.timeFallbackCount(), live.timeFallbackCount());
    QCOMPARE(replayed.clockOffsetMs(), live.clockOffsetMs());
    QCOMPARE(replayed.fieldPaths(), live.fieldPaths());
    QCOMPARE(replayed.timestampCandidates(), live.timestampCandidates());
}

QTEST_GUILESS_MAIN(TestStreamFieldStore)
#include "tst_streamfieldstore.moc"
