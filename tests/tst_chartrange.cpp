#include "ChartRange.h"

#include <QTest>

#include <cfloat>

using ChartRange::TimeRange;

Q_DECLARE_METATYPE(TimeRange)

namespace {

constexpr qint64 Now = 1'764'590'400'000; // 2025-12-01 12:00 UTC

} // namespace

class TestChartRange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followRangeEndsAtNow_data();
    void followRangeEndsAtNow();
    void gridIsAnchoredAtTheEpoch_data();
    void gridIsAnchoredAtTheEpoch();
    void roundedSpan_data();
    void roundedSpan();
    void zoomed_data();
    void zoomed();
    void zoomKeepsAnchorOnScreen();
    void panned_data();
    void panned();
    void zoomedSpan_data();
    void zoomedSpan();
    void zoomedValues_data();
    void zoomedValues();
    void pannedValues();
    void wheelFactor();
};

void TestChartRange::followRangeEndsAtNow_data()
{
    QTest::addColumn<qint64>("now");
    QTest::addColumn<qint64>("span");
    QTest::addColumn<int>("width");

    QTest::newRow("1 min, 800 px") << Now << qint64(60'000) << 800;
    QTest::newRow("1 min, now off the grid") << Now + 37 << qint64(60'000) << 800;
    QTest::newRow("10 s, 300 px") << Now + 1 << qint64(10'000) << 300;
    QTest::newRow("1 h, 1920 px") << Now - 999 << qint64(3'600'000) << 1920;
    QTest::newRow("below minimum") << Now << qint64(1) << 800;
    QTest::newRow("negative time") << qint64(-12'345) << qint64(60'000) << 500;
    QTest::newRow("tiny plot") << Now << qint64(60'000) << 1;
}

void TestChartRange::followRangeEndsAtNow()
{
    QFETCH(qint64, now);
    QFETCH(qint64, span);
    QFETCH(int, width);

    const TimeRange range = ChartRange::followRange(now, span, width);
    const qint64 expectedSpan = std::max(span, ChartRange::MinimumSpanMs);
    QCOMPARE(range.span(), expectedSpan);
    // Never before now, and less than one column after it.
    const ChartRange::Grid grid = ChartRange::gridFor(range, width);
    QVERIFY(range.to >= now);
    QVERIFY2(range.to - now < grid.step, qPrintable(QString::number(range.to - now)));
    QCOMPARE(range.to % grid.step, 0);
}

void TestChartRange::gridIsAnchoredAtTheEpoch_data()
{
    QTest::addColumn<TimeRange>("range");
    QTest::addColumn<int>("width");

    QTest::newRow("1 min") << TimeRange{Now - 60'000, Now} << 800;
    QTest::newRow("odd edges") << TimeRange{Now - 59'993, Now + 7} << 800;
    QTest::newRow("1 ms per column") << TimeRange{Now - 500, Now} << 1000;
    QTest::newRow("before the epoch") << TimeRange{-70'001, -10'001} << 640;
}

void TestChartRange::gridIsAnchoredAtTheEpoch()
{
    QFETCH(TimeRange, range);
    QFETCH(int, width);

    const ChartRange::Grid grid = ChartRange::gridFor(range, width);
    QVERIFY(grid.step >= 1);
    QCOMPARE(grid.from % grid.step, 0);
    QCOMPARE(grid.to % grid.step, 0);
    QVERIFY(grid.from <= range.from && grid.from > range.from - grid.step);
    QVERIFY(grid.to >= range.to && grid.to < range.to + grid.step);
    QCOMPARE(qint64(grid.columns) * grid.step, grid.to - grid.from);
    QVERIFY2(grid.columns <= width + 1, qPrintable(QString::number(grid.columns)));

    // Scrolling by a whole column moves the grid, not the columns.
    const ChartRange::Grid shifted = ChartRange::gridFor({range.from + grid.step, range.to + grid.step}, width);
    QCOMPARE(shifted.step, grid.step);
    QCOMPARE(shifted.from, grid.from + grid.step);
}

void TestChartRange::roundedSpan_data()
{
    QTest::addColumn<qint64>("span");
    QTest::addColumn<qint64>("rounded");

    QTest::newRow("2 h") << qint64(7'200'000) << qint64(7'200'000);
    QTest::newRow("2 h and a bit") << qint64(7'200'001) << qint64(7'200'000 + 900'000);
    QTest::newRow("61 s") << qint64(61'000) << qint64(70'000);
    QTest::newRow("1 ms") << qint64(1) << ChartRange::MinimumSpanMs;
}

void TestChartRange::roundedSpan()
{
    QFETCH(qint64, span);
    QFETCH(qint64, rounded);
    QCOMPARE(ChartRange::roundedSpan(span), rounded);
}

void TestChartRange::zoomed_data()
{
    QTest::addColumn<TimeRange>("range");
    QTest::addColumn<double>("anchor");
    QTest::addColumn<double>("factor");
    QTest::addColumn<qint64>("now"); // 0: no limit
    QTest::addColumn<TimeRange>("expected");

    const TimeRange minute{Now - 60'000, Now - 0};
    QTest::newRow("in, around the middle") << minute << double(Now - 30'000) << 0.5 << qint64(0)
                                           << TimeRange{Now - 45'000, Now - 15'000};
    QTest::newRow("in, around the left edge") << minute << double(Now - 60'000) << 0.5 << qint64(0)
                                              << TimeRange{Now - 60'000, Now - 30'000};
    QTest::newRow("out, past now: kept before now") << minute << double(Now - 30'000) << 2.0 << Now
                                                    << TimeRange{Now - 120'000 + 6'000, Now + 6'000};
    QTest::newRow("out, in the past: free") << TimeRange{Now - 600'000, Now - 540'000} << double(Now - 570'000)
                                            << 2.0 << Now << TimeRange{Now - 630'000, Now - 510'000};
    QTest::newRow("in past the minimum") << TimeRange{Now - 20, Now} << double(Now - 10) << 0.01 << qint64(0)
                                         << TimeRange{Now - 15, Now - 5};
    QTest::newRow("anchor outside: the nearest edge") << minute << double(Now + 1e6) << 0.5 << qint64(0)
                                                      << TimeRange{Now - 30'000, Now};
    QTest::newRow("no factor") << minute << double(Now) << 0.0 << qint64(0) << minute;
}

void TestChartRange::zoomed()
{
    QFETCH(TimeRange, range);
    QFETCH(double, anchor);
    QFETCH(double, factor);
    QFETCH(qint64, now);
    QFETCH(TimeRange, expected);

    const TimeRange result = ChartRange::zoomed(range, anchor, factor, now != 0 ? std::optional(now) : std::nullopt);
    QCOMPARE(result.from, expected.from);
    QCOMPARE(result.to, expected.to);
    if (now != 0)
        QVERIFY(result.to <= now + ChartRange::futureMargin(result.span()));
}

void TestChartRange::zoomKeepsAnchorOnScreen()
{
    // Wheel in and out around a point a third of the way: it stays a third of the way.
    TimeRange range{Now - 90'000, Now};
    const double anchor = double(Now - 60'000);
    for (double factor : {0.8, 1.25, 0.5, 2.0}) {
        range = ChartRange::zoomed(range, anchor, factor);
        const double share = (anchor - double(range.from)) / double(range.span());
        QVERIFY2(std::abs(share - 1.0 / 3) < 1e-4, qPrintable(QString::number(share)));
    }
    QCOMPARE(range.span(), qint64(90'000));
}

void TestChartRange::panned_data()
{
    QTest::addColumn<TimeRange>("range");
    QTest::addColumn<qint64>("shift");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<TimeRange>("expected");

    const TimeRange minute{Now - 60'000, Now};
    QTest::newRow("back") << minute << qint64(-6'000) << Now << TimeRange{Now - 66'000, Now - 6'000};
    QTest::newRow("forward, within the margin") << minute << qint64(2'000) << Now
                                                << TimeRange{Now - 58'000, Now + 2'000};
    QTest::newRow("forward, past the margin") << minute << qint64(60'000) << Now
                                              << TimeRange{Now - 57'000, Now + 3'000};
    QTest::newRow("forward, no limit") << minute << qint64(60'000) << qint64(0) << TimeRange{Now, Now + 60'000};
}

void TestChartRange::panned()
{
    QFETCH(TimeRange, range);
    QFETCH(qint64, shift);
    QFETCH(qint64, now);
    QFETCH(TimeRange, expected);

    const TimeRange result = ChartRange::panned(range, shift, now != 0 ? std::optional(now) : std::nullopt);
    QCOMPARE(result.from, expected.from);
    QCOMPARE(result.to, expected.to);
}

void TestChartRange::zoomedSpan_data()
{
    QTest::addColumn<qint64>("span");
    QTest::addColumn<double>("factor");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("in") << qint64(60'000) << 0.8 << qint64(48'000);
    QTest::newRow("out") << qint64(60'000) << 1.25 << qint64(75'000);
    QTest::newRow("floor") << qint64(12) << 0.1 << ChartRange::MinimumSpanMs;
    QTest::newRow("ceiling") << ChartRange::MaximumSpanMs << 4.0 << ChartRange::MaximumSpanMs;
    QTest::newRow("NaN") << qint64(60'000) << qQNaN() << qint64(60'000);
}

void TestChartRange::zoomedSpan()
{
    QFETCH(qint64, span);
    QFETCH(double, factor);
    QFETCH(qint64, expected);
    QCOMPARE(ChartRange::zoomedSpan(span, factor), expected);
}

void TestChartRange::zoomedValues_data()
{
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<double>("anchor");
    QTest::addColumn<double>("factor");
    QTest::addColumn<double>("expectedLow");
    QTest::addColumn<double>("expectedHigh");

    QTest::newRow("in, middle") << 0.0 << 100.0 << 50.0 << 0.5 << 25.0 << 75.0;
    QTest::newRow("in, at the bottom") << 0.0 << 100.0 << 0.0 << 0.5 << 0.0 << 50.0;
    QTest::newRow("out") << -10.0 << 10.0 << 0.0 << 2.0 << -20.0 << 20.0;
    QTest::newRow("anchor clamped") << 0.0 << 100.0 << 500.0 << 0.5 << 50.0 << 100.0;
    QTest::newRow("too wide: unchanged") << -1e300 << 1e300 << 0.0 << 1e10 << -1e300 << 1e300;
    QTest::newRow("too narrow: unchanged") << 1e15 << 1e15 + 1 << 1e15 << 1e-3 << 1e15 << 1e15 + 1;
    QTest::newRow("epoch ns") << 1.7645904e18 << 1.7645905e18 << 1.76459045e18 << 0.5 << 1.764590425e18
                              << 1.764590475e18;
}

void TestChartRange::zoomedValues()
{
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(double, anchor);
    QFETCH(double, factor);
    QFETCH(double, expectedLow);
    QFETCH(double, expectedHigh);

    const auto [resultLow, resultHigh] = ChartRange::zoomedValues({low, high}, anchor, factor);
    QCOMPARE(resultLow, expectedLow);
    QCOMPARE(resultHigh, expectedHigh);
    QVERIFY(resultHigh > resultLow);
}

void TestChartRange::pannedValues()
{
    QCOMPARE(ChartRange::pannedValues({0, 10}, 5), std::pair(5.0, 15.0));
    QCOMPARE(ChartRange::pannedValues({-1e300, DBL_MAX / 4}, 1e300), std::pair(-1e300, DBL_MAX / 4));
}

void TestChartRange::wheelFactor()
{
    QCOMPARE(ChartRange::wheelFactor(120), ChartRange::WheelStepFactor);
    QCOMPARE(ChartRange::wheelFactor(-120), 1 / ChartRange::WheelStepFactor);
    QVERIFY(ChartRange::wheelFactor(60) > ChartRange::WheelStepFactor && ChartRange::wheelFactor(60) < 1);
    QCOMPARE(ChartRange::wheelFactor(0), 1.0);
}

QTEST_APPLESS_MAIN(TestChartRange)
#include "tst_chartrange.moc"
