// The timing that tells a stream held in a proxy's buffer from a fast one or a slow one.
#include "BurstDetector.h"

#include <QList>
#include <QTest>

namespace {

struct Arrival
{
    qint64 atMs;
    qint64 events;
};
using Arrivals = QList<Arrival>;

// `events` every `everyMs` from `fromMs` until `untilMs`.
Arrivals steady(qint64 fromMs, qint64 untilMs, qint64 everyMs, qint64 events)
{
    Arrivals arrivals;
    for (qint64 t = fromMs; t < untilMs; t += everyMs)
        arrivals.append({t, events});
    return arrivals;
}

} // namespace

Q_DECLARE_METATYPE(Arrivals)

class TestBurstDetector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findings_data();
    void findings();
    void onceUntilTheNextRequest();
    void commentOnlyReadsDoNotCount();
};

void TestBurstDetector::findings_data()
{
    QTest::addColumn<Arrivals>("arrivals");
    QTest::addColumn<int>("foundAt"); // index of the arrival that completes the pattern; -1: never
    QTest::addColumn<qint64>("silenceMs");
    QTest::addColumn<qint64>("events");

    // nginx with proxy_buffering on: the head and the first 50 events after 51 s, then again.
    QTest::newRow("buffering proxy, head held back") << Arrivals{{51000, 50}, {102000, 50}} << 1 << qint64(51000)
                                                     << qint64(50);
    QTest::newRow("a burst split across reads") << Arrivals{{5000, 4}, {5010, 4}, {10010, 8}} << 2 << qint64(5000)
                                                << qint64(8);
    QTest::newRow("bursts after a normal start")
        << (steady(10, 3000, 1000, 1) + Arrivals{{9000, 30}, {15000, 30}}) << 4 << qint64(6000) << qint64(30);
    QTest::newRow("steady fast stream: 2,000/s in reads of 20") << steady(5, 60000, 10, 20) << -1 << qint64(0)
                                                                << qint64(0);
    QTest::newRow("steady fast stream: 100/s one by one") << steady(5, 60000, 10, 1) << -1 << qint64(0) << qint64(0);
    QTest::newRow("steady slow stream: 1/s") << steady(1000, 120000, 1000, 1) << -1 << qint64(0) << qint64(0);
    QTest::newRow("slow stream with a single batch")
        << (steady(1000, 10000, 1000, 1) + Arrivals{{20000, 40}} + steady(21000, 40000, 1000, 1)) << -1 << qint64(0)
        << qint64(0);
    QTest::newRow("bursts broken by a single event") << Arrivals{{5000, 10}, {10000, 1}, {15000, 10}} << -1
                                                     << qint64(0) << qint64(0);
    QTest::newRow("bursts broken, then recurring again")
        << Arrivals{{5000, 10}, {10000, 1}, {15000, 10}, {20000, 10}} << 3 << qint64(5000) << qint64(10);
    QTest::newRow("small batches are no burst") << Arrivals{{5000, 7}, {10000, 7}, {15000, 7}} << -1 << qint64(0)
                                                << qint64(0);
    QTest::newRow("short silences are no burst") << steady(2000, 60000, 2000, 20) << -1 << qint64(0) << qint64(0);
    QTest::newRow("constant batches every 3 s") << steady(3000, 30000, 3000, 8) << 1 << qint64(3000) << qint64(8);
}

void TestBurstDetector::findings()
{
    QFETCH(Arrivals, arrivals);
    QFETCH(int, foundAt);
    BurstDetector detector;
    detector.restart(0);
    int found = -1;
    for (int i = 0; i < arrivals.size(); ++i) {
        const auto finding = detector.arrived(arrivals[i].atMs, arrivals[i].events);
        if (!finding)
            continue;
        QCOMPARE(found, -1); // once
        found = i;
        QTEST(finding->silenceMs, "silenceMs");
        QTEST(finding->events, "events");
        QCOMPARE(finding->bursts, detector.thresholds().recurringBursts);
    }
    QCOMPARE(found, foundAt);
}

void TestBurstDetector::onceUntilTheNextRequest()
{
    BurstDetector detector;
    detector.restart(0);
    int findings = 0;
    for (qint64 t = 4000; t <= 40000; t += 4000)
        findings += detector.arrived(t, 20) ? 1 : 0;
    QCOMPARE(findings, 1);
    detector.restart(50000);
    QVERIFY(!detector.arrived(54000, 20));
    QVERIFY(detector.arrived(58000, 20));
}

void TestBurstDetector::commentOnlyReadsDoNotCount()
{
    // Heartbeats between the bursts change nothing: only events are timed.
    BurstDetector detector;
    detector.restart(0);
    QVERIFY(!detector.arrived(5000, 10));
    QVERIFY(!detector.arrived(7000, 0));
    QVERIFY(detector.arrived(10000, 10));
}

QTEST_APPLESS_MAIN(TestBurstDetector)
#include "tst_burstdetector.moc"
