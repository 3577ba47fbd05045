#include "AxisTicks.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <bit>
#include <cfloat>
#include <cmath>
#include <limits>
#include <numbers>

using AxisTicks::TickSet;

using Range = std::pair<double, double>;
using L = QStringList;

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;
constexpr qint64 Month = 2'629'746'000; // as the nominal step of month ticks
constexpr qint64 Year = 31'556'952'000;
constexpr qint64 December1Noon = 1'764'590'400'000; // 2025-12-01 12:00:00 UTC, a Monday

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

bool isNiceStep(double step)
{
    // The mantissa as printed, so that the test does not share the code's arithmetic.
    const QString text = QString::number(step, 'e', 12);
    const double mantissa = text.left(text.indexOf(u'e')).toDouble();
    return mantissa == 1 || mantissa == 2 || mantissa == 5;
}

enum class Style { Neutral, Grouped, Si, Scientific };

Style styleOf(const QString &label)
{
    static const QRegularExpression si(QStringLiteral(" [kMGT]$"));
    if (label == u"0")
        return Style::Neutral;
    if (label.contains(u'e'))
        return Style::Scientific;
    return si.match(label).hasMatch() ? Style::Si : Style::Grouped;
}

// What every tick set promises: a failure message, or nothing.
QString commonProblem(const TickSet &set, double min, double max, int maxTicks, int minCount)
{
    if (min > max)
        std::swap(min, max);
    if (set.ticks.size() < minCount || set.ticks.size() > std::clamp(maxTicks, 2, 12))
        return QStringLiteral("%1 ticks").arg(set.ticks.size());
    QSet<QString> labels;
    for (qsizetype i = 0; i < set.ticks.size(); ++i) {
        const AxisTicks::Tick &tick = set.ticks.at(i);
        if (!std::isfinite(tick.value) || tick.value < min || tick.value > max)
            return QStringLiteral("tick %1 outside the range").arg(i);
        if (i > 0 && !(tick.value > set.ticks.at(i - 1).value))
            return QStringLiteral("tick %1 not ascending").arg(i);
        if (tick.label.isEmpty() || labels.contains(tick.label))
            return QStringLiteral("tick %1 without a label of its own").arg(i);
        labels.insert(tick.label);
    }
    return {};
}

QString valueTicksProblem(const TickSet &set, double min, double max, int maxTicks, int minCount)
{
    QString problem = commonProblem(set, min, max, maxTicks, minCount);
    const bool niceStep = set.step > 0 && std::isfinite(set.step)
        && (set.ticks.size() < 2 || set.step < DBL_MIN || isNiceStep(set.step));
    if (problem.isEmpty() && !set.ticks.isEmpty() && !niceStep)
        problem = QStringLiteral("step not 1, 2 or 5 × 10^n");
    Style style = Style::Neutral;
    for (qsizetype i = 0; problem.isEmpty() && i < set.ticks.size(); ++i) {
        if (i > 0 && set.step >= DBL_MIN
            && std::abs(set.ticks.at(i).value - set.ticks.at(i - 1).value - set.step) > set.step * 1e-3)
            problem = QStringLiteral("tick %1 not one step after the previous one").arg(i);
        const Style tickStyle = styleOf(set.ticks.at(i).label);
        if (tickStyle != Style::Neutral && style != Style::Neutral && tickStyle != style)
            problem = QStringLiteral("labels in two styles");
        if (tickStyle != Style::Neutral)
            style = tickStyle;
    }
    return problem.isEmpty() ? problem : problem + QStringLiteral(" -- ") + describe(set);
}

// The tick sits where its step says on the zone's wall clock.
bool onWallClock(qint64 ms, qint64 step, const QTimeZone &zone)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms, zone);
    const QTime time = at.time();
    const qint64 sinceMidnight = time.msecsSinceStartOfDay();
    if (step < Hour)
        return (sinceMidnight % Hour) % step == 0;
    if (step < Day)
        return time.minute() == 0 && time.second() == 0 && time.msec() == 0 && time.hour() % (step / Hour) == 0;
    if (sinceMidnight != 0)
        return false;
    if (step == 7 * Day)
        return at.date().dayOfWeek() == Qt::Monday;
    if (step < Month)
        return at.date().toJulianDay() % (step / Day) == 0;
    if (step < Year)
        return at.date().day() == 1 && (at.date().month() - 1) % (step / Month) == 0;
    return at.date().day() == 1 && at.date().month() == 1 && at.date().year() % (step / Year) == 0;
}

QString timeTicksProblem(const TickSet &set, qint64 from, qint64 to, int maxTicks, int minCount, const QTimeZone &zone)
{
    static const QRegularExpression milliseconds(QStringLiteral("\\.\\d{3}( |$)"));
    QString problem = commonProblem(set, double(from), double(to), maxTicks, minCount);
    for (qsizetype i = 0; problem.isEmpty() && i < set.ticks.size(); ++i) {
        const AxisTicks::Tick &tick = set.ticks.at(i);
        if (tick.value != std::floor(tick.value))
            problem = QStringLiteral("tick %1 not on a millisecond").arg(i);
        if (milliseconds.match(tick.label).hasMatch() != (set.step < Second))
            problem = QStringLiteral("milliseconds shown, or not, for a step of %1 ms").arg(set.step);
        if (set.step < 1000 * Year && !onWallClock(qint64(tick.value), qint64(set.step), zone)) // not QDate's limits
            problem = QStringLiteral("tick %1 off the clock").arg(i);
    }
    return problem.isEmpty() ? problem : problem + QStringLiteral(" -- ") + describe(set);
}

} // namespace

class tst_AxisTicks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valueTicks_data();
    void valueTicks();
    void valueTicksRandomDoubles();
    void tickLabel_data();
    void tickLabel();
    void autoRange_data();
    void autoRange();
    void timeTicks_data();
    void timeTicks();
    void timeTicksAnchored_data();
    void timeTicksAnchored();
    void timeTicksAcrossDst_data();
    void timeTicksAcrossDst();
    void timeTicksOddInput();
    void timeTicksRandomRanges();
};

void tst_AxisTicks::valueTicks_data()
{
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<int>("maxTicks");
    QTest::addColumn<int>("minCount"); // 0: no ticks at all
    QTest::addColumn<QStringList>("labels"); // when given

    QTest::newRow("epoch seconds") << 1764590400.0 << 1764590460.0 << 8 << 2
                                   << L{"1,764,590,400", "1,764,590,410", "1,764,590,420", "1,764,590,430",
                                        "1,764,590,440", "1,764,590,450", "1,764,590,460"};
    QTest::newRow("epoch ms") << 1764590400000.0 << 1764590460000.0 << 8 << 2
                              << L{"1,764,590,400,000", "1,764,590,410,000", "1,764,590,420,000", "1,764,590,430,000",
                                   "1,764,590,440,000", "1,764,590,450,000", "1,764,590,460,000"};
    QTest::newRow("epoch ns") << 1.7645904e18 << 1.7645904e18 + 1e9 << 8 << 2
                              << L{"1.7645904000e18", "1.7645904002e18", "1.7645904004e18", "1.7645904006e18",
                                   "1.7645904008e18", "1.7645904010e18"};
    QTest::newRow("1 MiB counts") << 1048572.0 << 1048580.0 << 8 << 2
                                  << L{"1,048,572", "1,048,574", "1,048,576", "1,048,578", "1,048,580"};
    QTest::newRow("16384 constant") << 16384.0 << 16384.0 << 8 << 1 << L{"16,384"};
    QTest::newRow("0.5 with a spike") << 0.5 << 1.5e9 << 8 << 2
                                      << L{"0.2 G", "0.4 G", "0.6 G", "0.8 G", "1.0 G", "1.2 G", "1.4 G"};
    QTest::newRow("spike, auto range") << 0.0 << 1.6e9 << 8 << 2 << L{"0", "0.5 G", "1.0 G", "1.5 G"};
    QTest::newRow("250 M") << 0.0 << 3e8 << 8 << 2 << L{"0", "50 M", "100 M", "150 M", "200 M", "250 M", "300 M"};
    QTest::newRow("12 k") << 12000.0 << 13000.0 << 8 << 2
                          << L{"12.0 k", "12.2 k", "12.4 k", "12.6 k", "12.8 k", "13.0 k"};
    QTest::newRow("1040") << 1000.0 << 1060.0 << 8 << 2
                          << L{"1,000", "1,010", "1,020", "1,030", "1,040", "1,050", "1,060"};
    QTest::newRow("1e300 constant") << 1e300 << 1e300 << 8 << 1 << L{"1e300"};
    QTest::newRow("-1e300..1e300") << -1e300 << 1e300 << 8 << 2 << L{"-1.0e300", "-0.5e300", "0", "0.5e300", "1.0e300"};
    QTest::newRow("-DBL_MAX..DBL_MAX") << -DBL_MAX << DBL_MAX << 8 << 2 << L();
    QTest::newRow("-DBL_MAX..DBL_MAX, 2 ticks") << -DBL_MAX << DBL_MAX << 2 << 1 << L();
    QTest::newRow("-40..-39.5") << -40.0 << -39.5 << 8 << 2 << L{"-40.0", "-39.9", "-39.8", "-39.7", "-39.6", "-39.5"};
    QTest::newRow("1e-9..3e-9") << 1e-9 << 3e-9 << 8 << 2 << L{"1.0e-9", "1.5e-9", "2.0e-9", "2.5e-9", "3.0e-9"};
    QTest::newRow("constant 0") << 0.0 << 0.0 << 8 << 1 << L{"0"};
    QTest::newRow("constant 1e-9") << 1e-9 << 1e-9 << 8 << 1 << L{"1e-9"};
    QTest::newRow("single point") << 1764590400.5 << 1764590400.5 << 8 << 1 << L{"1,764,590,400.5"};
    QTest::newRow("min > max") << 10.0 << -10.0 << 8 << 2 << L{"-10", "-5", "0", "5", "10"};
    QTest::newRow("0.1 + 0.2") << 0.1 << 0.1 + 0.2 << 8 << 2 << L{"0.10", "0.15", "0.20", "0.25", "0.30"};
    QTest::newRow("1 ± 1e-15") << 1 - 1e-15 << 1 + 1e-15 << 8 << 1 << L();
    QTest::newRow("1e17..1e17 + 16") << 1e17 << 1e17 + 16 << 8 << 1 << L{"1e17"};
    QTest::newRow("huge tiny mix") << 1e-300 << 1e300 << 8 << 2 << L();
    QTest::newRow("tiny, symmetric") << -6e-219 << 6e-219 << 8 << 2
                                     << L{"-6e-219", "-4e-219", "-2e-219", "0", "2e-219", "4e-219", "6e-219"};
    QTest::newRow("tiny, 2 ticks") << -6e-219 << 6e-219 << 2 << 1 << L{"0"};
    QTest::newRow("subnormals") << 1e-320 << 3e-320 << 8 << 1 << L();
    QTest::newRow("around 1e15") << 999999999999990.0 << 1000000000000010.0 << 8 << 2 << L();
    QTest::newRow("around 1e-4") << 0.00009 << 0.00011 << 8 << 2 << L();
    QTest::newRow("maxTicks 0 is 2") << 0.0 << 100.0 << 0 << 2 << L{"0", "100"};
    QTest::newRow("maxTicks 100 is 12") << 0.0 << 100.0 << 100 << 2 << L();
    QTest::newRow("maxTicks 2") << 0.1 << 1.2 << 2 << 2 << L{"0.5", "1.0"};
    QTest::newRow("NaN..1") << NaN << 1.0 << 8 << 0 << L();
    QTest::newRow("NaN..NaN") << NaN << NaN << 8 << 0 << L();
    QTest::newRow("inf..inf") << Inf << Inf << 8 << 0 << L();
    QTest::newRow("-inf..5") << -Inf << 5.0 << 8 << 0 << L();
}

void tst_AxisTicks::valueTicks()
{
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(int, maxTicks);
    QFETCH(int, minCount);
    QFETCH(QStringList, labels);

    const TickSet set = AxisTicks::valueTicks(min, max, maxTicks);
    if (minCount == 0)
        QVERIFY(set.ticks.isEmpty());
    const QString problem = valueTicksProblem(set, min, max, maxTicks, minCount);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    if (!labels.isEmpty())
        QCOMPARE(labelsOf(set), labels);
    if (labels.size() == 1) // one tick whatever the room
        QCOMPARE(labelsOf(AxisTicks::valueTicks(min, max, 2)), labels);
}

// Doubles from random bits: every exponent, sign and mantissa a JSON payload may carry.
void tst_AxisTicks::valueTicksRandomDoubles()
{
    QRandomGenerator random(20251201);
    const auto randomDouble = [&random] {
        for (;;) {
            if (const double value = std::bit_cast<double>(random.generate64()); std::isfinite(value))
                return value;
        }
    };
    for (int n = 0; n < 10000; ++n) {
        const double a = randomDouble();
        // Anything, a narrow range at a random magnitude, the next double, a symmetric range.
        const double others[] = {randomDouble(), a + a * std::ldexp(1.0, -int(random.bounded(60))),
                                 std::nextafter(a, Inf), -a};
        const double b = std::isfinite(others[n % 4]) ? others[n % 4] : a;
        const int maxTicks = int(random.bounded(2, 13));
        const QString range = QStringLiteral("%1..%2: ").arg(a, 0, 'g', 17).arg(b, 0, 'g', 17);
        const QString problem = valueTicksProblem(AxisTicks::valueTicks(a, b, maxTicks), a, b, maxTicks, 1);
        QVERIFY2(problem.isEmpty(), qPrintable(range + problem));

        const auto [low, high] = AxisTicks::autoRange(a, b);
        QVERIFY2(std::isfinite(low) && std::isfinite(high) && high > low, qPrintable(range));
        if (std::max(std::abs(a), std::abs(b)) <= DBL_MAX / 4)
            QVERIFY2(low <= std::min(a, b) && high >= std::max(a, b), qPrintable(range));
        // Two ticks are not always possible with 1-2-5 steps: [6, 14] has 5 at a step of 2, one at 5.
        const QString shown =
            valueTicksProblem(AxisTicks::valueTicks(low, high, maxTicks), low, high, maxTicks, maxTicks >= 5 ? 2 : 1);
        QVERIFY2(shown.isEmpty(), qPrintable(range + shown));
    }
}

void tst_AxisTicks::tickLabel_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("step");
    QTest::addColumn<double>("magnitude");
    QTest::addColumn<QString>("label");

    QTest::newRow("16,384") << 16384.0 << 1.0 << 16384.0 << "16,384";
    QTest::newRow("1,048,576") << 1048576.0 << 1.0 << 1048580.0 << "1,048,576";
    QTest::newRow("epoch seconds") << 1764590401.0 << 1.0 << 1764590460.0 << "1,764,590,401";
    QTest::newRow("epoch ms") << 1764590400000.0 << 10000.0 << 1764590460000.0 << "1,764,590,400,000";
    QTest::newRow("1.5 G") << 1.5e9 << 5e8 << 1.5e9 << "1.5 G";
    QTest::newRow("250 M") << 2.5e8 << 5e7 << 2.5e8 << "250 M";
    QTest::newRow("12.5 k") << 12500.0 << 500.0 << 12500.0 << "12.5 k";
    QTest::newRow("0 among G") << 0.0 << 2e8 << 1.4e9 << "0";
    QTest::newRow("0.25") << 0.25 << 0.05 << 1.0 << "0.25";
    QTest::newRow("0.25, step 0.25") << 0.25 << 0.25 << 1.0 << "0.25";
    QTest::newRow("0.0") << -0.0 << 0.5 << 1.0 << "0.0";
    QTest::newRow("-40") << -40.0 << 10.0 << 40.0 << "-40";
    QTest::newRow("1,040") << 1040.0 << 10.0 << 1040.0 << "1,040";
    QTest::newRow("1.0e-9") << 1e-9 << 5e-10 << 3e-9 << "1.0e-9";
    QTest::newRow("1e300") << 1e300 << 1e300 << 1e300 << "1e300";
    QTest::newRow("0.5e300") << 5e299 << 5e299 << 1e300 << "0.5e300";
    QTest::newRow("epoch ns") << 1.7645904002e18 << 2e8 << 1.764590401e18 << "1.7645904002e18";
    QTest::newRow("NaN") << NaN << 1.0 << 1.0 << "nan";
    QTest::newRow("-inf") << -Inf << 1.0 << 1.0 << "-inf";
    // Without a step: the readout.
    QTest::newRow("epoch seconds readout") << 1764590400.0 << 0.0 << 0.0 << "1,764,590,400";
    QTest::newRow("0.5 readout") << 0.5 << 0.0 << 0.0 << "0.5";
    QTest::newRow("1.5e-9 readout") << 1.5e-9 << 0.0 << 0.0 << "1.5e-9";
    QTest::newRow("-40 readout") << -40.0 << 0.0 << 0.0 << "-40";
    QTest::newRow("0 readout") << 0.0 << 0.0 << 0.0 << "0";
    QTest::newRow("0.1 + 0.2 readout") << 0.1 + 0.2 << 0.0 << 0.0 << "0.3";
    QTest::newRow("16,384.25 readout") << 16384.25 << 0.0 << 0.0 << "16,384.25";
    QTest::newRow("15 digits readout") << 999999999999999.0 << 0.0 << 0.0 << "999,999,999,999,999";
    QTest::newRow("1e15 readout") << 1e15 << 0.0 << 0.0 << "1e15";
    QTest::newRow("epoch ns readout") << 1.7645904e18 << 0.0 << 0.0 << "1.7645904e18";
    QTest::newRow("1e300 readout") << 1e300 << 0.0 << 0.0 << "1e300";
    QTest::newRow("-DBL_MAX readout") << -DBL_MAX << 0.0 << 0.0 << "-1.79769313486232e308";
    QTest::newRow("1e-4 readout") << 1e-4 << 0.0 << 0.0 << "0.0001";
    QTest::newRow("1e-5 readout") << 1e-5 << 0.0 << 0.0 << "1e-5";
    QTest::newRow("pi readout") << std::numbers::pi << 0.0 << 0.0 << "3.14159265358979";
    QTest::newRow("subnormal readout") << 5e-324 << 0.0 << 0.0 << "4.94065645841247e-324";
    QTest::newRow("NaN readout") << NaN << 0.0 << 0.0 << "nan";
}

void tst_AxisTicks::tickLabel()
{
    QFETCH(double, value);
    QFETCH(double, step);
    QFETCH(double, magnitude);
    QFETCH(QString, label);

    QCOMPARE(ValueFormat::tickLabel(value, step, magnitude), label);
    if (step == 0)
        QCOMPARE(ValueFormat::readout(value), label);
}

void tst_AxisTicks::autoRange_data()
{
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<bool>("hasCurrent");
    QTest::addColumn<Range>("current");
    QTest::addColumn<Range>("expected"); // when not empty

    const Range none;
    QTest::newRow("epoch seconds") << 1764590400.0 << 1764590460.0 << false << none << Range(1764590390, 1764590470);
    QTest::newRow("epoch ns") << 1.7645904e18 << 1.7645904e18 + 1e9 << false << none << none;
    QTest::newRow("10..20") << 10.0 << 20.0 << false << none << Range(8, 22);
    QTest::newRow("16384 constant") << 16384.0 << 16384.0 << false << none << Range(14500, 18500);
    QTest::newRow("0.5 with a spike") << 0.5 << 1.5e9 << false << none << Range(0, 1.6e9);
    QTest::newRow("-1e6..-3") << -1e6 << -3.0 << false << none << Range(-1.2e6, 0);
    QTest::newRow("constant 0") << 0.0 << 0.0 << false << none << Range(-1, 1);
    QTest::newRow("constant 1e-9") << 1e-9 << 1e-9 << false << none << none;
    QTest::newRow("1e17..1e17 + 1") << 1e17 << 1e17 + 1 << false << none << Range(9e16, 1.1e17);
    QTest::newRow("constant 1e300") << 1e300 << 1e300 << false << none << none;
    QTest::newRow("-1e300..1e300") << -1e300 << 1e300 << false << none << Range(-1.5e300, 1.5e300);
    QTest::newRow("-DBL_MAX..DBL_MAX") << -DBL_MAX << DBL_MAX << false << none << none;
    QTest::newRow("-inf..inf") << -Inf << Inf << false << none << none;
    QTest::newRow("NaN..5") << NaN << 5.0 << false << none << none;
    QTest::newRow("NaN..NaN") << NaN << NaN << false << none << none;
    QTest::newRow("0.1 + 0.2") << 0.1 << 0.1 + 0.2 << false << none << none;
    QTest::newRow("huge tiny mix") << 1e-300 << 1e300 << false << none << none;
    QTest::newRow("subnormal constant") << 5e-324 << 5e-324 << false << none << none;
    QTest::newRow("low > high") << 10.0 << -10.0 << false << none << Range(-15, 15);
    QTest::newRow("fits: kept") << 10.0 << 20.0 << true << Range(0, 25) << Range(0, 25);
    QTest::newRow("constant fits: kept") << 16384.0 << 16384.0 << true << Range(14500, 18500) << Range(14500, 18500);
    QTest::newRow("touching zero: kept") << 0.0 << 20.0 << true << Range(0, 30) << Range(0, 30);
    QTest::newRow("NaN data: kept") << NaN << NaN << true << Range(0, 25) << Range(0, 25);
    QTest::newRow("far too wide") << 10.0 << 11.0 << true << Range(0, 100) << Range(9.8, 11.2);
    QTest::newRow("spike gone") << 0.4 << 0.6 << true << Range(0, 1.6e9) << Range(0.35, 0.65);
    QTest::newRow("beyond the top") << 10.0 << 30.0 << true << Range(0, 25) << Range(5, 35);
    QTest::newRow("at the edge") << 10.0 << 25.0 << true << Range(0, 25) << Range(8, 26);
    QTest::newRow("current NaN") << 10.0 << 20.0 << true << Range(NaN, 25) << Range(8, 22);
    QTest::newRow("current reversed") << 10.0 << 20.0 << true << Range(25, 0) << Range(8, 22);
    QTest::newRow("current ±DBL_MAX") << 10.0 << 20.0 << true << Range(-DBL_MAX, DBL_MAX) << Range(8, 22);
}

void tst_AxisTicks::autoRange()
{
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(bool, hasCurrent);
    QFETCH(Range, current);
    QFETCH(Range, expected);

    const auto [min, max] = hasCurrent ? AxisTicks::autoRange(low, high, current) : AxisTicks::autoRange(low, high);
    QVERIFY(std::isfinite(min) && std::isfinite(max));
    QVERIFY2(max > min, qPrintable(QStringLiteral("%1..%2").arg(min, 0, 'g', 17).arg(max, 0, 'g', 17)));
    if (std::isfinite(low) && std::isfinite(high) && std::max(std::abs(low), std::abs(high)) <= DBL_MAX / 4)
        QVERIFY(min <= std::min(low, high) && max >= std::max(low, high));
    if (expected != Range()) {
        QCOMPARE(min, expected.first);
        QCOMPARE(max, expected.second);
    }
    if (!hasCurrent && std::isfinite(low) && std::isfinite(high)) // once shown, it stays for the same data
        QCOMPARE(AxisTicks::autoRange(low, high, Range(min, max)), Range(min, max));
    const QString problem = valueTicksProblem(AxisTicks::valueTicks(min, max), min, max, 8, 2);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void tst_AxisTicks::timeTicks_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<int>("maxTicks");
    QTest::addColumn<int>("offset"); // of the zone from UTC, in seconds
    QTest::addColumn<qint64>("step");
    QTest::addColumn<QStringList>("labels"); // when given

    const qint64 t = December1Noon;
    const qint64 u = December1Noon + 1234; // off the round times
    QTest::newRow("50 ms") << t + 5100 << t + 5150 << 8 << 0 << qint64(10)
                           << L{"12:00:05.100", "12:00:05.110", "12:00:05.120", "12:00:05.130", "12:00:05.140",
                                "12:00:05.150"};
    QTest::newRow("50 ms, off") << u << u + 50 << 8 << 0 << qint64(10) << L();
    QTest::newRow("900 ms") << t + 5100 << t + 6000 << 8 << 0 << qint64(200)
                            << L{"12:00:05.200", "12:00:05.400", "12:00:05.600", "12:00:05.800", "12:00:06.000"};
    QTest::newRow("900 ms, off") << u << u + 900 << 8 << 0 << qint64(200) << L();
    QTest::newRow("5 s") << u << u + 5 * Second << 8 << 0 << Second
                         << L{"12:00:02", "12:00:03", "12:00:04", "12:00:05", "12:00:06"};
    QTest::newRow("10 s") << t << t + 10 * Second << 8 << 0 << 2 * Second
                          << L{"12:00:00", "12:00:02", "12:00:04", "12:00:06", "12:00:08", "12:00:10"};
    QTest::newRow("60 s") << u << u + Minute << 8 << 0 << 10 * Second << L();
    QTest::newRow("10 min") << t << t + 10 * Minute << 8 << 0 << 2 * Minute
                            << L{"12:00", "12:02", "12:04", "12:06", "12:08", "12:10"};
    QTest::newRow("1 h") << u << u + Hour << 8 << 0 << 10 * Minute << L();
    QTest::newRow("6 h") << t << t + 6 * Hour << 8 << 0 << Hour
                         << L{"12:00", "13:00", "14:00", "15:00", "16:00", "17:00", "18:00"};
    QTest::newRow("1 day") << u << u + Day << 8 << 0 << 6 * Hour << L();
    QTest::newRow("3 days") << t << t + 3 * Day << 8 << 0 << 12 * Hour
                            << L{"Dec 1 12:00", "Dec 2 00:00", "Dec 2 12:00", "Dec 3 00:00", "Dec 3 12:00",
                                 "Dec 4 00:00", "Dec 4 12:00"};
    QTest::newRow("40 days") << t << t + 40 * Day << 8 << 0 << 7 * Day
                             << L{"Dec 8", "Dec 15", "Dec 22", "Dec 29", "Jan 5"};
    QTest::newRow("3 years") << t << t + 1096 * Day << 8 << 0 << 6 * Month
                             << L{"2026-01", "2026-07", "2027-01", "2027-07", "2028-01", "2028-07"};
    QTest::newRow("30 years") << u << u + 30 * Year << 8 << 0 << 5 * Year
                              << L{"2030", "2035", "2040", "2045", "2050", "2055"};
    // Six-hourly ticks on the clock of +05:30 (from 2025-12-01 00:00 there), not on UTC's.
    QTest::newRow("1 day at +05:30") << t - 12 * Hour - 19800 * Second << t + 12 * Hour - 19800 * Second << 8 << 19800
                                     << 6 * Hour
                                     << L{"Dec 1 00:00", "Dec 1 06:00", "Dec 1 12:00", "Dec 1 18:00", "Dec 2 00:00"};
    QTest::newRow("3 h at +05:45") << t - 20700 * Second << t + 3 * Hour - 20700 * Second << 8 << 20700 << 30 * Minute
                                   << L{"12:00", "12:30", "13:00", "13:30", "14:00", "14:30", "15:00"};
    QTest::newRow("a point") << u << u << 8 << 0 << qint64(1) << L{"12:00:01.234"};
    QTest::newRow("reversed") << t + 10 * Second << t << 8 << 0 << 2 * Second << L();
    QTest::newRow("1 h, 2 ticks") << u << u + Hour << 2 << 0 << Hour << L{"13:00"};
    QTest::newRow("1 day, 12 ticks") << u << u + Day << 12 << 0 << 3 * Hour << L();
    QTest::newRow("maxTicks 0 is 2") << u << u + Day << 0 << 0 << Day << L{"Dec 2"};
    QTest::newRow("before 1970") << -u - Day << -u << 8 << 0 << 6 * Hour << L();
    QTest::newRow("all of time") << qint64(-8'640'000'000'000'000) << qint64(8'640'000'000'000'000) << 8 << 0
                                 << 100'000 * Year << L();
}

void tst_AxisTicks::timeTicks()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(int, maxTicks);
    QFETCH(int, offset);
    QFETCH(qint64, step);
    QFETCH(QStringList, labels);

    const QTimeZone zone(offset);
    const TickSet set = AxisTicks::timeTicks(from, to, maxTicks, zone);
    const QString problem = timeTicksProblem(set, from, to, maxTicks, std::abs(to - from) >= 2 * step ? 2 : 1, zone);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(qint64(set.step), step);
    if (!labels.isEmpty())
        QCOMPARE(labelsOf(set), labels);
}

void tst_AxisTicks::timeTicksAnchored_data()
{
    QTest::addColumn<qint64>("span");

    for (const qint64 span : {qint64(50), qint64(900), 5 * Second, 10 * Second, Minute, 10 * Minute, Hour, 6 * Hour,
                              Day, 3 * Day, 40 * Day, 3 * Year})
        QTest::addRow("%lld ms", qlonglong(span)) << span;
}

// A window that scrolls (by 3 % of its width: 0.3 s for 10 s) keeps the ticks it still shows, with their labels.
void tst_AxisTicks::timeTicksAnchored()
{
    QFETCH(qint64, span);

    const qint64 shift = span * 3 / 100;
    const QTimeZone utc("UTC");
    const qint64 from = December1Noon + 1234;
    const TickSet before = AxisTicks::timeTicks(from, from + span, 8, utc);
    const TickSet after = AxisTicks::timeTicks(from + shift, from + shift + span, 8, utc);
    QCOMPARE(after.step, before.step);
    const auto overlap = [&](const TickSet &set) {
        QStringList ticks;
        for (const AxisTicks::Tick &tick : set.ticks) {
            if (tick.value >= double(from + shift) && tick.value <= double(from + span))
                ticks.append(QString::number(qint64(tick.value)) + u' ' + tick.label);
        }
        return ticks;
    };
    QVERIFY(!overlap(before).isEmpty());
    QCOMPARE(overlap(after), overlap(before));
}

void tst_AxisTicks::timeTicksAcrossDst_data()
{
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("to");
    QTest::addColumn<int>("maxTicks");
    QTest::addColumn<QStringList>("labels"); // when given

    const QTimeZone berlin("Europe/Berlin");
    if (!berlin.isValid())
        return;
    // 2026-03-29 02:00 CET becomes 03:00 CEST; 2026-10-25 03:00 CEST becomes 02:00 CET.
    const auto local = [&](int month, int day, int hour) {
        return QDateTime(QDate(2026, month, day), QTime(hour, 0), berlin);
    };
    const auto utc = [](int month, int day, int hour, int minute = 0) {
        return QDateTime(QDate(2026, month, day), QTime(hour, minute), QTimeZone::utc());
    };
    QTest::newRow("spring, 2 days") << local(3, 28, 0) << local(3, 30, 0) << 8 << L();
    QTest::newRow("spring, hourly") << local(3, 29, 0) << local(3, 29, 6) << 8
                                    << L{"00:00", "01:00", "03:00", "04:00", "05:00", "06:00"};
    QTest::newRow("spring, 10 min") << utc(3, 29, 0, 30) << utc(3, 29, 1, 30) << 8 << L();
    QTest::newRow("autumn, 1 day") << local(10, 25, 0) << local(10, 26, 0) << 8 << L();
    QTest::newRow("autumn, hourly") << local(10, 25, 0) << local(10, 25, 6) << 8 << L();
    QTest::newRow("autumn, 10 min over the repeated hour") << utc(10, 25, 0, 20) << utc(10, 25, 1, 20) << 8 << L();
    QTest::newRow("autumn, 15 min over the repeated hour")
        << utc(10, 25, 0) << utc(10, 25, 2) << 12
        << L{"02:00 +02:00", "02:15 +02:00", "02:30 +02:00", "02:45 +02:00", "02:00 +01:00", "02:15 +01:00",
             "02:30 +01:00", "02:45 +01:00", "03:00 +01:00"};
    QTest::newRow("autumn, 15 min before it") << utc(10, 24, 22) << utc(10, 25, 0) << 12
                                              << L{"00:00", "00:15", "00:30", "00:45", "01:00", "01:15", "01:30",
                                                   "01:45", "02:00"};
}

void tst_AxisTicks::timeTicksAcrossDst()
{
    const QTimeZone berlin("Europe/Berlin");
    if (!berlin.isValid())
        QSKIP("no time zone database with Europe/Berlin");
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, to);
    QFETCH(int, maxTicks);
    QFETCH(QStringList, labels);

    const qint64 fromMs = from.toMSecsSinceEpoch();
    const qint64 toMs = to.toMSecsSinceEpoch();
    const TickSet set = AxisTicks::timeTicks(fromMs, toMs, maxTicks, berlin);
    const QString problem = timeTicksProblem(set, fromMs, toMs, maxTicks, 2, berlin);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    if (!labels.isEmpty())
        QCOMPARE(labelsOf(set), labels);
}

void tst_AxisTicks::timeTicksOddInput()
{
    const QTimeZone utc("UTC");
    constexpr qint64 Min = std::numeric_limits<qint64>::min();
    constexpr qint64 Max = std::numeric_limits<qint64>::max();
    for (const auto &[from, to] : {std::pair(Min, qint64(0)), std::pair(qint64(0), Max), std::pair(Min, Max)})
        QVERIFY(AxisTicks::timeTicks(from, to, 8, utc).ticks.isEmpty());
    // An invalid zone is UTC rather than no ticks.
    const TickSet set = AxisTicks::timeTicks(December1Noon, December1Noon + 10 * Second, 8, QTimeZone());
    QCOMPARE(set.ticks.size(), 6);
    // The machine's zone, whatever it is.
    const TickSet local = AxisTicks::timeTicks(December1Noon, December1Noon + Day);
    const QString problem =
        timeTicksProblem(local, December1Noon, December1Noon + Day, 8, 2, QTimeZone::systemTimeZone());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void tst_AxisTicks::timeTicksRandomRanges()
{
    const QTimeZone utc("UTC");
    QRandomGenerator random(1764590400);
    constexpr qint64 Limit = 8'640'000'000'000'000;
    for (int n = 0; n < 3000; ++n) {
        const qint64 from = qint64(random.bounded(2 * Limit)) - Limit;
        const qint64 span = qint64(std::ldexp(random.generateDouble(), int(random.bounded(54))));
        const qint64 to = std::min(Limit, from + span);
        const int maxTicks = int(random.bounded(2, 13));
        const TickSet set = AxisTicks::timeTicks(from, to, maxTicks, utc);
        const QString problem = timeTicksProblem(set, from, to, maxTicks, 0, utc);
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("%1..%2: ").arg(from).arg(to) + problem));
    }
}

QTEST_GUILESS_MAIN(tst_AxisTicks)
#include "tst_axisticks.moc"
