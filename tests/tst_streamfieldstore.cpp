#include "SeriesBuffer.h"
#include "SseEvent.h"
#include "StreamFieldStore.h"

#include <QDateTime>
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

qint64 isoMs(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs).toMSecsSinceEpoch();
}

} // namespace

class TestStreamFieldStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
};

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

QTEST_GUILESS_MAIN(TestStreamFieldStore)
#include "tst_streamfieldstore.moc"
