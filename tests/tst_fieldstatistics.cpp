#include "FieldStatistics.h"
#include "SeriesBuffer.h"

#include <QTest>

#include <cmath>

namespace {

constexpr qint64 T0 = 1'795'460'400'000; // a real Unix time in ms

// Samples one second apart from T0, or at the given offsets.
SeriesBuffer buffer(const QList<double> &values, const QList<qint64> &offsets = {})
{
    SeriesBuffer series(qMax<qsizetype>(1, values.size()));
    for (qsizetype i = 0; i < values.size(); ++i)
        series.append(T0 + (offsets.isEmpty() ? i * 1000 : offsets.at(i)), values.at(i));
    return series;
}

bool allFinite(const FieldStatistics &s)
{
    return std::isfinite(s.last) && std::isfinite(s.min) && std::isfinite(s.max) && std::isfinite(s.mean)
           && std::isfinite(s.stddev) && (!s.rate || std::isfinite(*s.rate));
}

} // namespace

class tst_FieldStatistics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void figures_data();
    void figures();
    void rangeEndsAreInclusive_data();
    void rangeEndsAreInclusive();
    void emptyBuffer();
    void wholeBufferIsItsTimeSpan();
    void onlyHeldSamples();
    void samplesOutOfTimeOrder();
};

void tst_FieldStatistics::figures_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("last");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("stddev");

    QTest::newRow("textbook") << QList<double>{2, 4, 4, 4, 5, 5, 7, 9} << 9.0 << 2.0 << 9.0 << 5.0 << 2.0;
    QTest::newRow("single sample") << QList<double>{42} << 42.0 << 42.0 << 42.0 << 42.0 << 0.0;
    QTest::newRow("constants") << QList<double>{0.1, 0.1, 0.1, 0.1, 0.1} << 0.1 << 0.1 << 0.1 << 0.1 << 0.0;
    QTest::newRow("negatives") << QList<double>{-1, -2, -3} << -3.0 << -3.0 << -1.0 << -2.0 << std::sqrt(2.0 / 3.0);
    QTest::newRow("1e300 both signs") << QList<double>{1e300, -1e300} << -1e300 << -1e300 << 1e300 << 0.0 << 1e300;
    QTest::newRow("1e300 constant") << QList<double>{1e300, 1e300, 1e300} << 1e300 << 1e300 << 1e300 << 1e300 << 0.0;
    QTest::newRow("largest doubles") << QList<double>{1.7e308, -1.7e308, 1.7e308, -1.7e308} << -1.7e308 << -1.7e308
                                     << 1.7e308 << 0.0 << 1.7e308;
    QTest::newRow("1e300 and 1e-9") << QList<double>{1e300, 1e-9} << 1e-9 << 1e-9 << 1e300 << 5e299 << 5e299;
    QTest::newRow("1e-9 scale") << QList<double>{1e-9, 3e-9} << 3e-9 << 1e-9 << 3e-9 << 2e-9 << 1e-9;
    // Milliseconds since the epoch as values: a small spread on a large offset.
    QTest::newRow("Unix ms values") << QList<double>{1795460400000, 1795460400001, 1795460400002} << 1795460400002.0
                                    << 1795460400000.0 << 1795460400002.0 << 1795460400001.0 << std::sqrt(2.0 / 3.0);
    QTest::newRow("nanosecond counter") << QList<double>{1.7e18, 1.7e18 + 2048, 1.7e18 + 4096} << 1.7e18 + 4096
                                        << 1.7e18 << 1.7e18 + 4096 << 1.7e18 + 2048 << 2048 * std::sqrt(2.0 / 3.0);
    QTest::newRow("millions") << QList<double>{-2e6, 0, 2e6, 4e6} << 4e6 << -2e6 << 4e6 << 1e6 << std::sqrt(5e12);
}

void tst_FieldStatistics::figures()
{
    QFETCH(QList<double>, values);
    QFETCH(double, last);
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(double, mean);
    QFETCH(double, stddev);
    const SeriesBuffer series = buffer(values);
    const qint64 span = (values.size() - 1) * 1000;
    const FieldStatistics s = FieldStatistics::compute(series, T0, T0 + span);
    QVERIFY(allFinite(s));
    QCOMPARE(s.count, values.size());
    QCOMPARE(s.last, last);
    QCOMPARE(s.lastTimeMs, T0 + span);
    QCOMPARE(s.min, min);
    QCOMPARE(s.max, max);
    QCOMPARE(s.mean, mean);
    if (stddev == 0)
        QCOMPARE(s.stddev, 0.0); // exactly: no rounding residue for constants
    else
        QCOMPARE(s.stddev, stddev);
    if (span == 0) {
        QVERIFY(!s.rate);
    } else {
        QVERIFY(s.rate);
        QCOMPARE(*s.rate, double(values.size()) * 1000.0 / double(span));
    }
}

void tst_FieldStatistics::rangeEndsAreInclusive_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<qint64>("count");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("last");
    QTest::addColumn<double>("rate"); // -1: none

    // Samples 1..5 at 1000..5000.
    QTest::newRow("both ends") << qint64(2000) << qint64(4000) << qint64(3) << 3.0 << 4.0 << 1.5;
    QTest::newRow("just inside") << qint64(2001) << qint64(3999) << qint64(1) << 3.0 << 3.0 << 1000.0 / 1998;
    QTest::newRow("one instant") << qint64(3000) << qint64(3000) << qint64(1) << 3.0 << 3.0 << -1.0;
    QTest::newRow("before all") << qint64(0) << qint64(999) << qint64(0) << 0.0 << 0.0 << 0.0;
    QTest::newRow("after all") << qint64(5001) << qint64(9000) << qint64(0) << 0.0 << 0.0 << 0.0;
    QTest::newRow("around all") << qint64(0) << qint64(10000) << qint64(5) << 3.0 << 5.0 << 0.5;
    QTest::newRow("reversed") << qint64(4000) << qint64(2000) << qint64(0) << 0.0 << 0.0 << -1.0;
    QTest::newRow("empty instant") << qint64(2500) << qint64(2500) << qint64(0) << 0.0 << 0.0 << -1.0;
}

void tst_FieldStatistics::rangeEndsAreInclusive()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(qint64, count);
    QFETCH(double, mean);
    QFETCH(double, last);
    QFETCH(double, rate);
    const SeriesBuffer series = buffer({1, 2, 3, 4, 5}, {1000, 2000, 3000, 4000, 5000});
    const FieldStatistics s = FieldStatistics::compute(series, T0 + from, T0 + to);
    QVERIFY(allFinite(s));
    QCOMPARE(s.count, count);
    QCOMPARE(s.isEmpty(), count == 0);
    QCOMPARE(s.mean, mean);
    QCOMPARE(s.last, last);
    QCOMPARE(s.fromMs, T0 + from);
    QCOMPARE(s.toMs, T0 + to);
    if (rate < 0) {
        QVERIFY(!s.rate);
    } else {
        QVERIFY(s.rate);
        QCOMPARE(*s.rate, rate);
    }
}

void tst_FieldStatistics::emptyBuffer()
{
    const SeriesBuffer series;
    const FieldStatistics all = FieldStatistics::compute(series);
    QCOMPARE(all.count, 0);
    QVERIFY(!all.rate);
    QVERIFY(allFinite(all));
    const FieldStatistics range = FieldStatistics::compute(series, T0, T0 + 1000);
    QCOMPARE(range.count, 0);
    QVERIFY(range.rate);
    QCOMPARE(*range.rate, 0.0);
}

void tst_FieldStatistics::wholeBufferIsItsTimeSpan()
{
    const SeriesBuffer series = buffer({10, 20, 60}, {0, 500, 4000});
    const FieldStatistics all = FieldStatistics::compute(series);
    QCOMPARE(all.fromMs, T0);
    QCOMPARE(all.toMs, T0 + 4000);
    QCOMPARE(all.count, 3);
    QCOMPARE(all.mean, 30.0);
    QCOMPARE(*all.rate, 0.75);
    const FieldStatistics same = FieldStatistics::compute(series, T0, T0 + 4000);
    QCOMPARE(same.stddev, all.stddev);
    QCOMPARE(all.stddev, std::sqrt(1400.0 / 3.0));
}

void tst_FieldStatistics::onlyHeldSamples()
{
    // A full ring: the oldest samples fell out and count for nothing.
    SeriesBuffer series(4);
    for (int i = 0; i < 10; ++i)
        series.append(T0 + i * 1000, i);
    QCOMPARE(series.droppedCount(), 6);
    const FieldStatistics s = FieldStatistics::compute(series, T0, T0 + 9000);
    QCOMPARE(s.count, 4);
    QCOMPARE(s.min, 6.0);
    QCOMPARE(s.max, 9.0);
    QCOMPARE(s.mean, 7.5);
    QCOMPARE(s.last, 9.0);
    // Breaks do not change the figures.
    series.markBreak();
    series.append(T0 + 10'000, 10);
    QCOMPARE(FieldStatistics::compute(series, T0 + 8000, T0 + 10'000).mean, 9.0);
}

void tst_FieldStatistics::samplesOutOfTimeOrder()
{
    // A payload clock can go back: the range is what the times say, the last the newest time.
    const SeriesBuffer series = buffer({3, 1, 2, 100}, {3000, 1000, 2000, 9000});
    QVERIFY(!series.isTimeOrdered());
    const FieldStatistics s = FieldStatistics::compute(series, T0 + 1000, T0 + 2000);
    QCOMPARE(s.count, 2);
    QCOMPARE(s.mean, 1.5);
    QCOMPARE(s.last, 2.0);
    QCOMPARE(s.lastTimeMs, T0 + 2000);
    const FieldStatistics all = FieldStatistics::compute(series);
    QCOMPARE(all.fromMs, T0 + 1000);
    QCOMPARE(all.toMs, T0 + 9000);
    QCOMPARE(all.count, 4);
    QCOMPARE(all.last, 100.0);
}

QTEST_GUILESS_MAIN(tst_FieldStatistics)
#include "tst_fieldstatistics.moc"
