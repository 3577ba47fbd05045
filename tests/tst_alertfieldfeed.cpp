// AlertFieldFeed over a real StreamFieldStore fed SseEvents: every value shape a payload carries
// reaches the rules once, in order and with its own time; samples held before the feed, or
// replotted after the store was cleared, are not new (those that came meanwhile are); and the point cap drops what was not seen.
#include "AlertFieldFeed.h"
#include "SeriesBuffer.h"
#include "SseEvent.h"
#include "StreamFieldStore.h"

#include <QTest>

#include <cmath>

namespace {

SseEvent sseEvent(const QString &data, const QString &type = QStringLiteral("message"))
{
    SseEvent e;
    e.type = type;
    e.data = data;
    return e;
}

SseEvent count(double value)
{
    return sseEvent(QStringLiteral("{\"count\": %1}").arg(AlertRule::numberText(value)));
}

QList<AlertRule> rules(const QStringList &texts)
{
    QList<AlertRule> parsed;
    for (const QString &text : texts)
        parsed.append(*AlertRule::parse(text));
    return parsed;
}

// "F@4000=4 R@7000=2": what the transitions say, in order.
QString brief(const QList<AlertTransition> &transitions)
{
    QStringList parts;
    for (const AlertTransition &t : transitions) {
        parts.append((t.state == AlertTransition::State::Firing ? QStringLiteral("F@") : QStringLiteral("R@"))
                     + QString::number(t.timeMs) + QLatin1Char('=')
                     + (t.value ? AlertRule::numberText(*t.value) : QString()));
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace

class tst_AlertFieldFeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void feedsEachValueShape_data();
    void feedsEachValueShape();
    void newSamplesOnlyOnceInOrder();
    void samplesBeforeTheFeedAreHistory();
    void replotAfterClearSamplesIsNotNew();
    void replotAfterNewTimeSourceIsNotNew();
    void payloadClockTimesByNow();
    void pointCapDropsWhatWasNotSeen();
    void derivedRuleWithoutSeriesFeedsNothing();
};

void tst_AlertFieldFeed::feedsEachValueShape_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("payload");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("expected"); // the firing, or empty for none

    const QString message = QStringLiteral("message");
    QTest::newRow("counter") << message << "{\"count\": 4, \"time\": \"2026-11-23T19:00:00Z\"}" << "/count > 3"
                             << "F@1000=4";
    QTest::newRow("unix s") << message << "{\"ts\": 1700000000}" << "/ts >= 1700000000" << "F@1000=1700000000";
    QTest::newRow("unix ms") << message << "{\"ts\": 1700000000123}" << "/ts > 1e12" << "F@1000=1700000000123";
    QTest::newRow("unix ns") << message << "{\"ts\": 1700000000123456789}" << "/ts > 1e18"
                             << "F@1000=" + AlertRule::numberText(1700000000123456789.0);
    QTest::newRow("millions, negative") << message << "{\"m\": -2500000}" << "/m < -1e6" << "F@1000=-2500000";
    QTest::newRow("tiny") << message << "{\"x\": 1e-9}" << "/x outside 0..1e-10" << "F@1000=1e-09";
    QTest::newRow("huge") << message << "{\"x\": 1e300}" << "/x > 1e299" << "F@1000=1e+300";
    QTest::newRow("boolean") << message << "{\"up\": true}" << "/up >= 1" << "F@1000=1";
    QTest::newRow("array") << message << "{\"cpu\": {\"load\": [0.95, 0.1]}}" << "/cpu/load[0] >= 0.9"
                           << "F@1000=0.95";
    QTest::newRow("bare number") << message << "5" << "/ > 4" << "F@1000=5";
    QTest::newRow("typed event") << "alert" << "{\"latency_ms\": 300}" << "alert:/latency_ms > 250" << "F@1000=300";
    QTest::newRow("typed event, plain key") << "alert" << "{\"latency_ms\": 300}" << "/latency_ms > 250" << "";
    QTest::newRow("string where a number was") << message << "{\"count\": \"12\"}" << "/count > 3" << "";
    QTest::newRow("null") << message << "{\"count\": null}" << "/count < 1" << "";
    QTest::newRow("not json") << message << "count=12" << "/count > 3" << "";
}

void tst_AlertFieldFeed::feedsEachValueShape()
{
    QFETCH(QString, type);
    QFETCH(QString, payload);
    QFETCH(QString, rule);
    QFETCH(QString, expected);

    StreamFieldStore store;
    AlertMonitor monitor(rules({rule}));
    AlertFieldFeed feed(&store, &monitor);
    store.addEvent(sseEvent(payload, type), 1000);
    QCOMPARE(brief(feed.collect(5000)), expected);
    QCOMPARE(brief(feed.collect(6000)), QString());
}

void tst_AlertFieldFeed::newSamplesOnlyOnceInOrder()
{
    StreamFieldStore store;
    AlertMonitor monitor(rules({QStringLiteral("/count > 3"), QStringLiteral("/other < 0")}));
    AlertFieldFeed feed(&store, &monitor);
    QCOMPARE(brief(feed.collect(0)), QString()); // no field yet

    // The stream 1..6 then 2, as one batch: fired and resolved once each, with the receive times.
    for (int i = 1; i <= 6; ++i)
        store.addEvent(count(i), i * 1000);
    store.addEvent(count(2), 7000);
    QCOMPARE(brief(feed.collect(99'000)), QStringLiteral("F@4000=4 R@7000=2"));
    QCOMPARE(brief(feed.collect(99'000)), QString());

    // A constant stream over several collects fires once.
    for (int i = 0; i < 5; ++i) {
        store.addEvents({count(7), count(7)}, 8000 + i);
        QCOMPARE(brief(feed.collect(99'000)), i == 0 ? QStringLiteral("F@8000=7") : QString());
    }
    QVERIFY(monitor.isFiring(0));
    QVERIFY(!monitor.isFiring(1));
    store.addEvent(sseEvent(QStringLiteral("{\"other\": -1, \"count\": 0}")), 9000);
    QCOMPARE(brief(feed.collect(99'000)), QStringLiteral("R@9000=0 F@9000=-1")); // keys in rule order
}

void tst_AlertFieldFeed::samplesBeforeTheFeedAreHistory()
{
    StreamFieldStore store;
    for (int i = 1; i <= 6; ++i)
        store.addEvent(count(i), i * 1000);
    AlertMonitor monitor(rules({QStringLiteral("/count > 3")}));
    AlertFieldFeed feed(&store, &monitor);
    QCOMPARE(brief(feed.collect(10'000)), QString());
    store.addEvent(count(5), 11'000);
    QCOMPARE(brief(feed.collect(12'000)), QStringLiteral("F@11000=5"));
}

void tst_AlertFieldFeed::replotAfterClearSamplesIsNotNew()
{
    StreamFieldStore store;
    AlertMonitor monitor(rules({QStringLiteral("/count > 3")}));
    AlertFieldFeed feed(&store, &monitor);
    QList<SseEvent> events;
    for (int i = 1; i <= 6; ++i)
        events.append(count(i));
    store.addEvents(events, 1000);
    QCOMPARE(brief(feed.collect(2000)), QStringLiteral("F@1000=4"));

    // The owner replots from its capture: the same events again, the low ones first.
    store.clearSamples();
    store.addEvents(events, 1000);
    QCOMPARE(store.buffer(QStringLiteral("/count"))->size(), 6);
    QCOMPARE(brief(feed.collect(3000)), QString());
    QVERIFY(monitor.isFiring(0));

    store.addEvent(count(2), 4000);
    QCOMPARE(brief(feed.collect(5000)), QStringLiteral("R@4000=2"));
    events.append(count(2));

    // Events that came after the last collect and before the replot are new all the same.
    store.addEvent(count(5), 6000);
    store.clearSamples();
    store.addEvents(events, 1000);
    store.addEvent(count(5), 6000);
    QCOMPARE(brief(feed.collect(6500)), QStringLiteral("F@6000=5"));
    store.addEvent(count(2), 6600);
    QCOMPARE(brief(feed.collect(6700)), QStringLiteral("R@6600=2"));

    // A replot of a capture that dropped its oldest events: fewer samples than were seen.
    store.clearSamples();
    store.addEvent(count(9), 4000);
    QCOMPARE(brief(feed.collect(7000)), QString());
    store.addEvent(count(8), 7000);
    QCOMPARE(brief(feed.collect(8000)), QStringLiteral("F@7000=8"));
}

void tst_AlertFieldFeed::replotAfterNewTimeSourceIsNotNew()
{
    StreamFieldStore store;
    AlertMonitor monitor(rules({QStringLiteral("/count < 3")}));
    AlertFieldFeed feed(&store, &monitor);
    const auto stamped = [](int n, qint64 ts) {
        return sseEvent(QStringLiteral("{\"count\": %1, \"ts\": %2}").arg(n).arg(ts));
    };
    store.addEvent(stamped(5, 1'700'000'000'000), 1000);
    store.addEvent(stamped(1, 1'700'000'001'000), 2000);
    QCOMPARE(brief(feed.collect(3000)), QStringLiteral("F@2000=1"));
    store.addEvent(stamped(4, 1'700'000'002'000), 3000);
    QCOMPARE(brief(feed.collect(3500)), QStringLiteral("R@3000=4"));

    store.setTimeSource(StreamFieldStore::PayloadField, QStringLiteral("/ts"));
    store.addEvent(stamped(5, 1'700'000'000'000), 1000);
    store.addEvent(stamped(1, 1'700'000'001'000), 2000);
    store.addEvent(stamped(4, 1'700'000'002'000), 3000);
    QCOMPARE(brief(feed.collect(4000)), QString());
    store.addEvent(stamped(2, 1'700'000'003'000), 4500);
    QCOMPARE(brief(feed.collect(5000)), QStringLiteral("F@5000=2"));
}

void tst_AlertFieldFeed::payloadClockTimesByNow()
{
    StreamFieldStore store;
    store.setTimeSource(StreamFieldStore::PayloadField, QStringLiteral("/ts"));
    AlertMonitor monitor(rules({QStringLiteral("/count > 3")}));
    AlertFieldFeed feed(&store, &monitor);
    // A replayed capture: its own clock is years away from the receive clock.
    store.addEvent(sseEvent(QStringLiteral("{\"count\": 4, \"ts\": 1000000000000}")), 1'800'000'000'000);
    QCOMPARE(store.buffer(QStringLiteral("/count"))->lastTime(), 1'000'000'000'000);
    QCOMPARE(brief(feed.collect(1'800'000'000'100)), QStringLiteral("F@1800000000100=4"));
}

void tst_AlertFieldFeed::pointCapDropsWhatWasNotSeen()
{
    StreamFieldStore store;
    store.setPointCap(3);
    AlertMonitor monitor(rules({QStringLiteral("/count > 3")}));
    AlertFieldFeed feed(&store, &monitor);

    // Ten samples between two collects: only the three held are seen, 0, 5, 0.
    for (int i = 0; i < 10; ++i)
        store.addEvent(count(i % 2 == 0 ? 5 : 0), i * 1000);
    QCOMPARE(store.buffer(QStringLiteral("/count"))->droppedCount(), 7);
    QCOMPARE(brief(feed.collect(10'000)), QStringLiteral("F@8000=5 R@9000=0"));

    // Two more with the ring full: both are new although the buffer's size stays 3.
    store.addEvent(count(6), 10'000);
    store.addEvent(count(1), 11'000);
    QCOMPARE(store.buffer(QStringLiteral("/count"))->size(), 3);
    QCOMPARE(brief(feed.collect(12'000)), QStringLiteral("F@10000=6 R@11000=1"));
    QCOMPARE(brief(feed.collect(12'000)), QString());

    // A cap lowered on a full buffer drops old samples, and none of them is new.
    store.setPointCap(1);
    QCOMPARE(brief(feed.collect(13'000)), QString());
    store.addEvent(count(7), 14'000);
    QCOMPARE(brief(feed.collect(15'000)), QStringLiteral("F@14000=7"));
}

void tst_AlertFieldFeed::derivedRuleWithoutSeriesFeedsNothing()
{
    StreamFieldStore store;
    AlertMonitor monitor(rules({QStringLiteral("rate(/count) > 1000000"), QStringLiteral("/count > 3")}));
    AlertFieldFeed feed(&store, &monitor);
    for (int i = 1; i <= 5; ++i)
        store.addEvent(count(i), i * 1000);
    // Whether or not the store computes the rate, it never passes a million here.
    QCOMPARE(brief(feed.collect(6000)), QStringLiteral("F@4000=4"));
    QVERIFY(!monitor.isFiring(0));
}

QTEST_GUILESS_MAIN(tst_AlertFieldFeed)
#include "tst_alertfieldfeed.moc"
