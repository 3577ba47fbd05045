#include "AxisTicks.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <cmath>
#include <limits>
#include <optional>

using AxisTicks::TickSet;

using L = QStringList;
using Values = QList<double>;
using Range = std::pair<double, double>;

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

QStringList labelsOf(const TickSet &set)
{
    QStringList labels;
    for (const AxisTicks::Tick &tick : set.ticks)
        labels.append(tick.label);
    return labels;
}

QString describe(const TickSet &set)
{
    QStringList parts;
    for (const AxisTicks::Tick &tick : set.ticks)
        parts.append(QString::number(tick.value, 'g', 17) + QStringLiteral(" \"") + tick.label + u'"');
    return QStringLiteral("step %1: ").arg(set.step, 0, 'g', 17) + parts.join(QStringLiteral(", "));
}

// What every log tick set promises: a failure message, or nothing.
QString logProblem(const TickSet &set, double low, double high, int maxTicks)
{
    if (low > high)
        std::swap(low, high);
    QString problem;
    if (set.ticks.isEmpty() || set.ticks.size() > std::clamp(maxTicks, 2, 12))
        problem = QStringLiteral("%1 ticks").arg(set.ticks.size());
    QSet<QString> labels;
    double smallestGap = Inf;
    for (qsizetype i = 0; problem.isEmpty() && i < set.ticks.size(); ++i) {
        const AxisTicks::Tick &tick = set.ticks.at(i);
        if (!std::isfinite(tick.value) || tick.value < low || tick.value > high)
            problem = QStringLiteral("tick %1 outside the range").arg(i);
        else if (i > 0 && !(tick.value > set.ticks.at(i - 1).value))
            problem = QStringLiteral("tick %1 not ascending").arg(i);
        else if (tick.label.isEmpty() || labels.contains(tick.label))
            problem = QStringLiteral("tick %1 without a label of its own").arg(i);
        labels.insert(tick.label);
        if (i > 0)
            smallestGap = std::min(smallestGap, tick.value - set.ticks.at(i - 1).value);
    }
    if (problem.isEmpty() && !(set.step > 0 && std::isfinite(set.step)))
        problem = QStringLiteral("no step");
    if (problem.isEmpty() && set.ticks.size() >= 2 && set.step != smallestGap)
        problem = QStringLiteral("step is not the smallest gap");
    return problem.isEmpty() ? problem : problem + QStringLiteral(" -- ") + describe(set);
}

} // namespace

class tst_LogTicks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void logTicks_data();
    void logTicks();
    void logTicksEmpty_data();
    void logTicksEmpty();
    void logTicksNarrow_data();
    void logTicksNarrow();
    void autoLogRange_data();
    void autoLogRange();
    void randomLogRanges();
};

void tst_LogTicks::logTicks_data()
{
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<int>("maxTicks");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<L>("labels");
    QTest::addColumn<Values>("values"); // empty: not checked beyond the labels

    const double log2 = std::log10(2.0);
    const double log5 = std::log10(5.0);

    QTest::newRow("1..1e6") << 0.0 << 6.0 << 8 << ""
                            << L{"1", "10", "100", "1,000", "1e4", "1e5", "1e6"} << Values{0, 1, 2, 3, 4, 5, 6};
    QTest::newRow("1e6..1 reversed") << 6.0 << 0.0 << 8 << ""
                                     << L{"1", "10", "100", "1,000", "1e4", "1e5", "1e6"} << Values{0, 1, 2, 3, 4, 5, 6};
    QTest::newRow("1e-4..1e4, every 2nd") << -4.0 << 4.0 << 8 << "" << L{"1e-4", "0.01", "1", "100", "1e4"}
                                          << Values{-4, -2, 0, 2, 4};
    QTest::newRow("1e-4..1e4, 12") << -4.0 << 4.0 << 12 << ""
                                   << L{"1e-4", "0.001", "0.01", "0.1", "1", "10", "100", "1,000", "1e4"}
                                   << Values{-4, -3, -2, -1, 0, 1, 2, 3, 4};
    QTest::newRow("1e-9..1e300") << -9.0 << 300.0 << 8 << ""
                                 << L{"1", "1e50", "1e100", "1e150", "1e200", "1e250", "1e300"}
                                 << Values{0, 50, 100, 150, 200, 250, 300};
    QTest::newRow("1e-9..1e300, 100 clamped to 12") << -9.0 << 300.0 << 100 << ""
                                                    << L{"1", "1e50", "1e100", "1e150", "1e200", "1e250", "1e300"}
                                                    << Values{0, 50, 100, 150, 200, 250, 300};
    QTest::newRow("1e-300..1e-280") << -300.0 << -280.0 << 8 << ""
                                    << L{"1e-300", "1e-295", "1e-290", "1e-285", "1e-280"}
                                    << Values{-300, -295, -290, -285, -280};
    QTest::newRow("0.5..2000, 1 2 5") << std::log10(0.5) << std::log10(2000.0) << 12 << ""
                                      << L{"0.5", "1", "2", "5", "10", "20", "50", "100", "200", "500", "1,000", "2,000"}
                                      << Values{log5 - 1, 0, log2, log5, 1, 1 + log2, 1 + log5, 2, 2 + log2, 2 + log5, 3,
                                                3 + log2};
    QTest::newRow("0.5..2000, decades") << std::log10(0.5) << std::log10(2000.0) << 8 << ""
                                        << L{"1", "10", "100", "1,000"} << Values{0, 1, 2, 3};
    QTest::newRow("100..1000, one decade") << 2.0 << 3.0 << 8 << "" << L{"100", "200", "500", "1,000"}
                                           << Values{2, 2 + log2, 2 + log5, 3};
    QTest::newRow("200..800") << std::log10(200.0) << std::log10(800.0) << 8 << ""
                              << L{"200", "300", "400", "500", "600", "700", "800"} << Values{};
    QTest::newRow("200..800, 4 ticks") << std::log10(200.0) << std::log10(800.0) << 4 << "" << L{"200", "500"}
                                       << Values{2 + log2, 2 + log5};
    QTest::newRow("0.95..9.5 across a decade") << std::log10(0.95) << std::log10(9.5) << 8 << "" << L{"1", "2", "5"}
                                               << Values{0, log2, log5};
    QTest::newRow("200..210 linear") << std::log10(200.0) << std::log10(210.0) << 8 << ""
                                     << L{"200", "202", "204", "206", "208", "210"} << Values{};
    QTest::newRow("1e-323.5..1e-322 subnormal") << -323.5 << -322.0 << 8 << ""
                                                << L{"5e-324", "1e-323", "2e-323", "5e-323", "1e-322"} << Values{};
    QTest::newRow("1e300..1e308.25") << 300.0 << 308.25 << 8 << ""
                                     << L{"1e300", "1e302", "1e304", "1e306", "1e308"} << Values{300, 302, 304, 306, 308};
    // With a unit.
    QTest::newRow("B/s") << 0.0 << 6.0 << 8 << "B/s"
                         << L{"1 B/s", "10 B/s", "100 B/s", "1 kB/s", "10 kB/s", "100 kB/s", "1 MB/s"}
                         << Values{0, 1, 2, 3, 4, 5, 6};
    QTest::newRow("kB/s, 1 2 5") << 0.0 << 2.0 << 8 << "kB/s"
                                 << L{"1 kB/s", "2 kB/s", "5 kB/s", "10 kB/s", "20 kB/s", "50 kB/s", "100 kB/s"}
                                 << Values{0, log2, log5, 1, 1 + log2, 1 + log5, 2};
    QTest::newRow("ns..ms") << -9.0 << -3.0 << 8 << "s"
                            << L{"1 ns", "10 ns", "100 ns", "1 µs", "10 µs", "100 µs", "1 ms"}
                            << Values{-9, -8, -7, -6, -5, -4, -3};
    QTest::newRow("ps..s, every 2nd") << -12.0 << 0.0 << 12 << "s"
                                      << L{"1 ps", "100 ps", "10 ns", "1 µs", "100 µs", "10 ms", "1 s"}
                                      << Values{-12, -10, -8, -6, -4, -2, 0};
    QTest::newRow("ms given") << -3.0 << 3.0 << 8 << "ms"
                              << L{"1 µs", "10 µs", "100 µs", "1 ms", "10 ms", "100 ms", "1 s"} << Values{};
    QTest::newRow("ms among the subnormals") << -324.0 << -322.0 << 8 << "ms"
                                             << L{"1e-324 ms", "2e-324 ms", "5e-324 ms", "1e-323 ms", "2e-323 ms",
                                                  "5e-323 ms", "1e-322 ms"}
                                             << Values{};
    QTest::newRow("%") << 0.0 << 3.0 << 8 << "%" << L{"1 %", "10 %", "100 %", "1,000 %"} << Values{0, 1, 2, 3};
    QTest::newRow("req/s") << 0.0 << 6.0 << 8 << "req/s"
                           << L{"1 req/s", "10 req/s", "100 req/s", "1,000 req/s", "1e4 req/s", "1e5 req/s",
                                "1e6 req/s"}
                           << Values{};
    QTest::newRow("B, 1e300") << 290.0 << 300.0 << 8 << "B" << L{"1e290 B", "1e292 B", "1e294 B", "1e296 B", "1e298 B",
                                                                 "1e300 B"}
                              << Values{290, 292, 294, 296, 298, 300};
    // maxTicks clamped to [2, 12].
    QTest::newRow("maxTicks 0") << 0.0 << 6.0 << 0 << "" << L{"1", "1e5"} << Values{0, 5};
    QTest::newRow("maxTicks 1") << 0.0 << 6.0 << 1 << "" << L{"1", "1e5"} << Values{0, 5};
    QTest::newRow("maxTicks -5") << 0.0 << 6.0 << -5 << "" << L{"1", "1e5"} << Values{0, 5};
    QTest::newRow("maxTicks 100") << 0.0 << 6.0 << 100 << ""
                                  << L{"1", "10", "100", "1,000", "1e4", "1e5", "1e6"} << Values{0, 1, 2, 3, 4, 5, 6};
}

void tst_LogTicks::logTicks()
{
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(int, maxTicks);
    QFETCH(QString, unit);
    QFETCH(L, labels);
    QFETCH(Values, values);

    const TickSet set = AxisTicks::logTicks(low, high, maxTicks, unit);
    const QString problem = logProblem(set, low, high, maxTicks);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(labelsOf(set), labels);
    if (!values.isEmpty()) {
        QCOMPARE(set.ticks.size(), values.size());
        for (qsizetype i = 0; i < values.size(); ++i)
            QVERIFY2(std::abs(set.ticks.at(i).value - values.at(i)) <= 1e-12, qPrintable(describe(set)));
    }
    if (unit.isEmpty())
        QCOMPARE(labelsOf(AxisTicks::logTicks(low, high, maxTicks)), labels);
}

void tst_LogTicks::logTicksEmpty_data()
{
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");

    QTest::newRow("NaN low") << NaN << 3.0;
    QTest::newRow("NaN high") << 0.0 << NaN;
    QTest::newRow("both NaN") << NaN << NaN;
    QTest::newRow("inf") << 0.0 << Inf;
    QTest::newRow("-inf") << -Inf << 0.0;
    QTest::newRow("-inf..inf") << -Inf << Inf;
    QTest::newRow("below the subnormals") << -325.0 << 0.0;
    QTest::newRow("above DBL_MAX") << 0.0 << 309.0;
    QTest::newRow("just above 308.26") << 300.0 << 308.27;
    QTest::newRow("reversed, beyond") << 400.0 << 0.0;
}

void tst_LogTicks::logTicksEmpty()
{
    QFETCH(double, low);
    QFETCH(double, high);

    QVERIFY2(AxisTicks::logTicks(low, high).ticks.isEmpty(), qPrintable(describe(AxisTicks::logTicks(low, high))));
    QVERIFY(AxisTicks::logTicks(low, high, 8, QStringLiteral("B/s")).ticks.isEmpty());
}

// Too narrow for the digits between decades: the linear ticks of the values, or the one value.
void tst_LogTicks::logTicksNarrow_data()
{
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("firstLabel");
    QTest::addColumn<int>("minCount");

    QTest::newRow("constant 1,000") << 3.0 << 3.0 << "" << "1,000" << 1;
    QTest::newRow("constant 1 kB") << 3.0 << 3.0 << "B" << "1 kB" << 1;
    QTest::newRow("constant 0.5") << std::log10(0.5) << std::log10(0.5) << "" << "0.5" << 1;
    QTest::newRow("1..1.000000000002") << 0.0 << 1e-12 << "" << "1.000000000000" << 2;
    QTest::newRow("200..200.5") << std::log10(200.0) << std::log10(200.5) << "" << "200.0" << 2;
    QTest::newRow("1 s..1.01 s") << 0.0 << std::log10(1.01) << "s" << "1.000 s" << 2;
    QTest::newRow("epoch s") << std::log10(1796299200.0) << std::log10(1796299260.0) << "" << "1,796,299,200" << 2;
    QTest::newRow("near DBL_MAX") << 308.25 << 308.254 << "" << "1.780e308" << 2;
    QTest::newRow("1e-320, subnormal steps") << -320.0 << -319.999 << "" << "1.000483e-320" << 2;
}

void tst_LogTicks::logTicksNarrow()
{
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(QString, unit);
    QFETCH(QString, firstLabel);
    QFETCH(int, minCount);

    const TickSet set = AxisTicks::logTicks(low, high, 8, unit);
    const QString problem = logProblem(set, low, high, 8);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(set.ticks.size() >= minCount, qPrintable(describe(set)));
    QCOMPARE(set.ticks.first().label, firstLabel);
}

void tst_LogTicks::autoLogRange_data()
{
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<std::optional<Range>>("current");
    QTest::addColumn<Range>("expected");

    const std::optional<Range> none;
    QTest::newRow("0.5..2000") << std::log10(0.5) << std::log10(2000.0) << none << Range(-1, 4);
    QTest::newRow("2000..0.5 reversed") << std::log10(2000.0) << std::log10(0.5) << none << Range(-1, 4);
    QTest::newRow("1..1e6") << 0.0 << 6.0 << none << Range(0, 6);
    QTest::newRow("1e-9..1e300") << -9.0 << 300.0 << none << Range(-9, 300);
    QTest::newRow("one decade") << 0.5 << 1.5 << none << Range(0, 2);
    QTest::newRow("less than a decade") << 2.3 << 2.6 << none << Range(1.95, 2.95);
    QTest::newRow("0.95 decades: 10 % wider") << 2.0 << 2.95 << none << Range(1.9525, 2.9975);
    QTest::newRow("constant") << 2.3 << 2.3 << none << Range(1.8, 2.8);
    QTest::newRow("NaN low") << NaN << 3.0 << none << Range(2.5, 3.5);
    QTest::newRow("NaN high") << 3.0 << NaN << none << Range(2.5, 3.5);
    QTest::newRow("both NaN") << NaN << NaN << none << Range(0, 1);
    QTest::newRow("both NaN, current") << NaN << NaN << std::optional(Range(1, 3)) << Range(1, 3);
    QTest::newRow("clamped") << -400.0 << 400.0 << none << Range(-323, 308);
    QTest::newRow("infinite ends") << -Inf << Inf << none << Range(-323, 308);
    QTest::newRow("below the doubles") << -330.0 << -329.0 << none << Range(-323, -322);
    QTest::newRow("above the doubles") << 309.0 << 400.0 << none << Range(307, 308);
    QTest::newRow("constant at the top") << 307.9 << 307.9 << none << Range(307, 308);
    // The current range is kept while the data lies within its inner 98 % and the fresh range
    // would not be less than half as wide.
    QTest::newRow("kept") << 0.0 << 3.0 << std::optional(Range(-0.5, 3.5)) << Range(-0.5, 3.5);
    QTest::newRow("below the inner 98 %") << -0.48 << 3.0 << std::optional(Range(-0.5, 3.5)) << Range(-1, 3);
    QTest::newRow("above the inner 98 %") << 0.0 << 3.47 << std::optional(Range(-0.5, 3.5)) << Range(0, 4);
    QTest::newRow("just inside") << -0.45 << 3.45 << std::optional(Range(-0.5, 3.5)) << Range(-0.5, 3.5);
    QTest::newRow("fresh too narrow") << 1.0 << 1.5 << std::optional(Range(0, 4)) << Range(0.75, 1.75);
    QTest::newRow("fresh half as wide") << 1.0 << 3.0 << std::optional(Range(0, 4)) << Range(0, 4);
    QTest::newRow("touching whole decades") << 0.0 << 4.0 << std::optional(Range(0, 4)) << Range(0, 4);
    QTest::newRow("touching the low decade") << 0.0 << 3.0 << std::optional(Range(0, 4)) << Range(0, 4);
    QTest::newRow("past a whole decade") << -0.1 << 3.0 << std::optional(Range(0, 4)) << Range(-1, 3);
    QTest::newRow("current reversed: ignored") << 1.0 << 3.0 << std::optional(Range(4, 0)) << Range(1, 3);
    QTest::newRow("current NaN: ignored") << 1.0 << 3.0 << std::optional(Range(NaN, 4)) << Range(1, 3);
    QTest::newRow("current empty: ignored") << 1.0 << 3.0 << std::optional(Range(2, 2)) << Range(1, 3);
}

void tst_LogTicks::autoLogRange()
{
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(std::optional<Range>, current);
    QFETCH(Range, expected);

    const Range range = AxisTicks::autoLogRange(low, high, current);
    const QString shown = QStringLiteral("%1..%2").arg(range.first, 0, 'g', 17).arg(range.second, 0, 'g', 17);
    QVERIFY2(std::abs(range.first - expected.first) <= 1e-9, qPrintable(shown));
    QVERIFY2(std::abs(range.second - expected.second) <= 1e-9, qPrintable(shown));
}

void tst_LogTicks::randomLogRanges()
{
    QRandomGenerator random(42);
    const QStringList units = {QString(), QStringLiteral("B/s"), QStringLiteral("s"), QStringLiteral("ms"),
                               QStringLiteral("%"), QStringLiteral("req/s")};
    for (int i = 0; i < 3000; ++i) {
        const double low = -324 + random.generateDouble() * 632.26;
        const double width = std::pow(10.0, -13 + random.generateDouble() * 16); // 1e-13 .. 1e3 decades
        const double high = std::min(low + width, 308.26);
        const int maxTicks = random.bounded(-1, 16);
        const QString unit = units.at(random.bounded(qsizetype(units.size())));
        const bool reversed = random.bounded(2) == 1;

        const TickSet set = reversed ? AxisTicks::logTicks(high, low, maxTicks, unit)
                                     : AxisTicks::logTicks(low, high, maxTicks, unit);
        const QString problem = logProblem(set, low, high, maxTicks);
        QVERIFY2(problem.isEmpty(),
                 qPrintable(QStringLiteral("%1..%2 (%3, \"%4\"): %5")
                                .arg(low, 0, 'g', 17)
                                .arg(high, 0, 'g', 17)
                                .arg(maxTicks)
                                .arg(unit, problem)));

        const Range range = AxisTicks::autoLogRange(low, high);
        QVERIFY(std::isfinite(range.first) && std::isfinite(range.second));
        QVERIFY(range.second - range.first >= 1 - 1e-9);
        QVERIFY(range.first >= -323 && range.second <= 308);
        QVERIFY(range.first <= std::clamp(low, -323.0, 308.0) && range.second >= std::clamp(high, -323.0, 308.0));
        QCOMPARE(AxisTicks::autoLogRange(low, high, range), range); // a fresh range is kept
    }
}

QTEST_GUILESS_MAIN(tst_LogTicks)
#include "tst_logticks.moc"
