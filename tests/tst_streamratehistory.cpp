// StreamRateHistory: a stream's events and bytes per wall-clock second for the event-rate panel,
// quiet seconds included, bounded by its capacity.
#include "StreamRateHistory.h"

#include <QTest>

namespace {

using Samples = QList<std::pair<qint64, double>>;

Samples samplesOf(const SeriesBuffer *buffer)
{
    Samples samples;
    for (qsizetype i = 0; i < buffer->size(); ++i)
        samples.append({buffer->timeAt(i), buffer->valueAt(i)});
    return samples;
}

// 2026-12-03T12:00:00Z, a whole second.
constexpr qint64 T0 = 1796299200000;

} // namespace

class tst_StreamRateHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsPerSecond_data();
    void countsPerSecond();
    void openSecondIsNotASample();
    void clockSetBackCountsIntoTheOpenSecond();
    void longSilenceIsBoundedByTheCapacity();
    void capacityKeepsTheNewest();
    void clearStartsAfresh();
};

void tst_StreamRateHistory::countsPerSecond_data()
{
    // Each count: (events, bytes, at ms after T0); then advance() to `until`.
    QTest::addColumn<QList<QList<qint64>>>("counts");
    QTest::addColumn<qint64>("until");
    QTest::addColumn<Samples>("events");
    QTest::addColumn<Samples>("bytes");

    QTest::newRow("one second")
        << QList<QList<qint64>>{{1, 87, 0}, {1, 87, 999}} << qint64(1000)
        << Samples{{T0, 2}} << Samples{{T0, 174}};
    QTest::newRow("quiet seconds are zeros")
        << QList<QList<qint64>>{{3, 300, 10}, {1, 5'000'000, 3500}} << qint64(4000)
        << Samples{{T0, 3}, {T0 + 1000, 0}, {T0 + 2000, 0}, {T0 + 3000, 1}}
        << Samples{{T0, 300}, {T0 + 1000, 0}, {T0 + 2000, 0}, {T0 + 3000, 5e6}};
    QTest::newRow("a batch of a million events")
        << QList<QList<qint64>>{{1'000'000, 87'000'000, 500}} << qint64(1000)
        << Samples{{T0, 1e6}} << Samples{{T0, 8.7e7}};
    QTest::newRow("nothing closed yet")
        << QList<QList<qint64>>{{5, 5, 100}} << qint64(999) << Samples{} << Samples{};
}

void tst_StreamRateHistory::countsPerSecond()
{
    QFETCH(QList<QList<qint64>>, counts);
    QFETCH(qint64, until);
    QFETCH(Samples, events);
    QFETCH(Samples, bytes);
    StreamRateHistory history;
    for (const QList<qint64> &count : counts)
        history.count(count.at(0), count.at(1), T0 + count.at(2));
    history.advance(T0 + until);
    QCOMPARE(samplesOf(history.eventRate()), events);
    QCOMPARE(samplesOf(history.byteRate()), bytes);
}

void tst_StreamRateHistory::openSecondIsNotASample()
{
    StreamRateHistory history;
    QCOMPARE(history.openSecondMs(), -1);
    history.count(2, 20, T0 + 1500);
    QCOMPARE(history.openSecondMs(), T0 + 1000);
    QCOMPARE(history.openEvents(), 2);
    QCOMPARE(history.openBytes(), 20);
    QVERIFY(history.eventRate()->isEmpty());
    history.advance(T0 + 2000);
    QCOMPARE(history.openEvents(), 0);
    QCOMPARE(samplesOf(history.eventRate()), (Samples{{T0 + 1000, 2}}));
}

void tst_StreamRateHistory::clockSetBackCountsIntoTheOpenSecond()
{
    StreamRateHistory history;
    history.count(1, 10, T0 + 5000);
    history.count(1, 10, T0 + 1000); // the clock went back four seconds
    QCOMPARE(history.openSecondMs(), T0 + 5000);
    QCOMPARE(history.openEvents(), 2);
    history.advance(T0 + 6000);
    QCOMPARE(samplesOf(history.eventRate()), (Samples{{T0 + 5000, 2}}));
}

void tst_StreamRateHistory::longSilenceIsBoundedByTheCapacity()
{
    StreamRateHistory history(10);
    history.count(4, 40, T0);
    history.advance(T0 + 86'400'000); // a day of silence
    const Samples events = samplesOf(history.eventRate());
    QCOMPARE(events.size(), 10);
    QCOMPARE(events.last(), (std::pair<qint64, double>{T0 + 86'399'000, 0}));
    QCOMPARE(events.first().first, T0 + 86'390'000);
}

void tst_StreamRateHistory::capacityKeepsTheNewest()
{
    StreamRateHistory history(100);
    for (int s = 0; s < 10; ++s)
        history.count(s, s * 100, T0 + s * 1000);
    history.advance(T0 + 10'000);
    history.setCapacity(3);
    QCOMPARE(history.capacity(), 3);
    QCOMPARE(samplesOf(history.eventRate()), (Samples{{T0 + 7000, 7}, {T0 + 8000, 8}, {T0 + 9000, 9}}));
    QCOMPARE(samplesOf(history.byteRate()).last(), (std::pair<qint64, double>{T0 + 9000, 900}));
}

void tst_StreamRateHistory::clearStartsAfresh()
{
    StreamRateHistory history;
    history.count(1, 1, T0);
    history.advance(T0 + 3000);
    history.clear();
    QVERIFY(history.eventRate()->isEmpty());
    QCOMPARE(history.openSecondMs(), -1);
    history.count(1, 1, T0 + 60'000);
    history.advance(T0 + 61'000);
    QCOMPARE(samplesOf(history.eventRate()), (Samples{{T0 + 60'000, 1}}));
}

QTEST_GUILESS_MAIN(tst_StreamRateHistory)
#include "tst_streamratehistory.moc"
