#include "AxisTicks.h"

#include "DecimalMath.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QTime>

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <initializer_list>
#include <limits>

namespace {

using DecimalMath::decimalExponent;
using DecimalMath::ExactPowers;
using DecimalMath::scaled;

// Tick k sits at k × mantissa × 10^exponent. Integers below 2^53 are exact; otherwise each tick is
// rounded, and below 2^40 that rounding moves it by less than 0.05 % of a step.
constexpr double MaxExactTick = 9007199254740992.0; // 2^53
constexpr double MaxRoundedTickIndex = 1099511627776.0; // 2^40

bool distinct(const QList<AxisTicks::Tick> &ticks) // a dozen at most
{
    for (qsizetype i = 1; i < ticks.size(); ++i) {
        for (qsizetype j = 0; j < i; ++j) {
            if (ticks.at(i).label == ticks.at(j).label)
                return false;
        }
    }
    return true;
}

void labelValues(AxisTicks::TickSet &set, const QString &unit)
{
    double magnitude = 0;
    for (const AxisTicks::Tick &tick : std::as_const(set.ticks))
        magnitude = std::max(magnitude, std::abs(tick.value));
    for (AxisTicks::Tick &tick : set.ticks)
        tick.label = ValueFormat::tickLabel(tick.value, set.step, magnitude, unit);
    if (distinct(set.ticks))
        return;
    // Not seen: the ticks' step keeps their labels apart. Still, never two alike.
    for (AxisTicks::Tick &tick : set.ticks)
        tick.label = ValueFormat::readout(tick.value, unit);
    QStringList seen;
    set.ticks.removeIf([&seen](const AxisTicks::Tick &tick) {
        if (seen.contains(tick.label))
            return true;
        seen.append(tick.label);
        return false;
    });
}

// The smallest 1-2-5 step that gives at most maxTicks ticks in [min, max] (min < max, both
// finite), or an empty set when no such step is representable next to the values.
AxisTicks::TickSet ladderTicks(double min, double max, int maxTicks)
{
    const double span = max - min;
    const double logSpan = std::isinf(span) ? std::log10(max / 2 - min / 2) + std::log10(2.0) : std::log10(span);
    // One decade below the step that surely fits: from there upwards the first fit is the smallest.
    const int firstExponent = int(std::floor(logSpan - std::log10(double(maxTicks - 1)))) - 1;
    static constexpr int mantissas[] = {1, 2, 5};
    for (int candidate = 0; candidate < 12; ++candidate) {
        const int exponent = firstExponent + candidate / 3;
        const int mantissa = mantissas[candidate % 3];
        const double step = scaled(mantissa, exponent);
        if (!(step > 0) || !std::isfinite(step))
            continue;
        // Not min / step: a subnormal step has lost digits.
        const double lowIndex = scaled(min, -exponent) / mantissa;
        const double highIndex = scaled(max, -exponent) / mantissa;
        const bool exact = exponent >= 0 && exponent < int(ExactPowers.size())
            && std::max(std::abs(min), std::abs(max)) < MaxExactTick;
        const double maxIndex = exact ? MaxExactTick / mantissa : MaxRoundedTickIndex / mantissa;
        if (!(std::abs(lowIndex) < maxIndex && std::abs(highIndex) < maxIndex))
            continue;
        const auto valueAt = [&](double k) { return scaled(k * mantissa, exponent) + 0.0; };
        // The divisions round: settle the ends on the values the ticks will have.
        double first = std::ceil(lowIndex);
        double last = std::floor(highIndex);
        for (int n = 0; n < 2 && valueAt(first - 1) >= min; ++n)
            --first;
        for (int n = 0; n < 2 && valueAt(first) < min; ++n)
            ++first;
        for (int n = 0; n < 2 && valueAt(last + 1) <= max; ++n)
            ++last;
        for (int n = 0; n < 2 && valueAt(last) > max; ++n)
            --last;
        const double count = last - first + 1;
        if (count > maxTicks)
            continue;
        if (count < 1)
            return {};
        AxisTicks::TickSet set;
        set.step = step;
        double previous = -std::numeric_limits<double>::infinity();
        for (int n = 0; n < int(count); ++n) {
            const double value = valueAt(first + n);
            if (!(value > previous) || value < min || value > max)
                return {};
            set.ticks.append({value, QString()});
            previous = value;
        }
        return set;
    }
    return {};
}

// One tick for a range no step fits: zero if inside, else the value with the fewest
// significant digits inside.
AxisTicks::TickSet singleTick(double min, double max)
{
    const auto unit = [](int exponent) { // a subnormal value's last digit may be below the smallest double
        return std::max(scaled(1, exponent), std::numeric_limits<double>::denorm_min());
    };
    if (min <= 0 && max >= 0)
        return {1, {{0, QString()}}};
    double middle = min == max ? min : min / 2 + max / 2;
    if (middle < min || middle > max)
        middle = min;
    for (int digits = 1; digits <= 17; ++digits) {
        const double value = QString::number(middle, 'e', digits - 1).toDouble();
        if (value >= min && value <= max)
            return {unit(decimalExponent(std::abs(value)) - digits + 1), {{value, QString()}}};
    }
    return {unit(decimalExponent(std::abs(middle)) - 16), {{middle, QString()}}};
}

// The smallest 1, 2, 5 or 10 × 10^n not below x > 0.
double niceCeil(double x)
{
    const int exponent = decimalExponent(x);
    for (const int mantissa : {1, 2, 5}) {
        const double step = scaled(mantissa, exponent);
        if (step >= x)
            return step;
    }
    return scaled(1, exponent + 1);
}

constexpr double MinRelativeSpan = 1e-10;

std::pair<double, double> freshRange(const double dataLow, const double dataHigh)
{
    double low = dataLow;
    double high = dataHigh;
    double span = high - low;
    const double magnitude = std::max(std::abs(low), std::abs(high));
    double lo;
    double hi;
    if (span > magnitude * 1e-12 && span < magnitude * MinRelativeSpan) {
        // Wide enough for ticks that step evenly (see MaxRoundedTickIndex).
        const double centre = low / 2 + high / 2;
        low = centre - magnitude * MinRelativeSpan / 2;
        high = centre + magnitude * MinRelativeSpan / 2;
        span = high - low;
    }
    if (span <= magnitude * 1e-12) {
        const double centre = low / 2 + high / 2;
        const double margin = centre != 0 ? std::abs(centre) * 0.1 : 1;
        lo = low - margin;
        hi = high + margin;
        if (!(lo < low && hi > high)) { // the margin underflowed (a subnormal constant)
            lo = low - std::max(std::abs(low), DBL_MIN);
            hi = high + std::max(std::abs(high), DBL_MIN);
        }
    } else {
        const double margin = span * 0.05;
        lo = low - margin;
        hi = high + margin;
        if (low >= 0 && lo < 0)
            lo = 0;
        if (high <= 0 && hi > 0)
            hi = 0;
    }
    const double grid = niceCeil((hi - lo) / 10);
    const double roundedLo = std::floor(lo / grid) * grid + 0.0;
    const double roundedHi = std::ceil(hi / grid) * grid + 0.0;
    if (std::isfinite(roundedLo) && roundedLo <= low)
        lo = roundedLo;
    if (std::isfinite(roundedHi) && roundedHi >= high)
        hi = roundedHi;
    return {std::min(lo, dataLow), std::max(hi, dataHigh)};
}

// Time steps

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;
constexpr qint64 AverageMonth = 2'629'746'000;
constexpr qint64 AverageYear = 31'556'952'000;
constexpr qint64 TimeLimit = 8'640'000'000'000'000; // ±273,790 years, as far as JavaScript dates go

enum class TimeUnit { Fixed, Hours, Days, Months, Years };

struct TimeStep
{
    TimeUnit unit;
    qint64 count; // of the unit; Fixed: milliseconds
    qint64 length; // nominal, in milliseconds
};

const QList<TimeStep> &timeSteps()
{
    static const QList<TimeStep> steps = [] {
        QList<TimeStep> list;
        const auto add = [&list](TimeUnit unit, std::initializer_list<qint64> counts, qint64 unitLength) {
            for (const qint64 count : counts)
                list.append({unit, unit == TimeUnit::Fixed ? count * unitLength : count, count * unitLength});
        };
        add(TimeUnit::Fixed, {1, 2, 5, 10, 20, 50, 100, 200, 500}, 1);
        add(TimeUnit::Fixed, {1, 2, 5, 10, 15, 30}, Second);
        add(TimeUnit::Fixed, {1, 2, 5, 10, 15, 30}, Minute);
        add(TimeUnit::Hours, {1, 2, 3, 6, 12}, Hour);
        add(TimeUnit::Days, {1, 2, 7}, Day);
        add(TimeUnit::Months, {1, 2, 3, 6}, AverageMonth);
        for (qint64 decade = 1; decade <= 1'000'000; decade *= 10)
            add(TimeUnit::Years, {decade, 2 * decade, 5 * decade}, AverageYear);
        return list;
    }();
    return steps;
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// The tick instants of one step in [from, to], at most limit + 1 of them (one more than allowed
// tells the caller that the step is too small).
QList<qint64> timeInstants(TimeStep step, qint64 from, qint64 to, int limit, const QTimeZone &zone)
{
    QList<qint64> instants;
    const auto add = [&](qint64 ms) {
        if (ms >= from && ms <= to && (instants.isEmpty() || ms > instants.last()))
            instants.append(ms);
    };
    const int guard = 2 * limit + 8;
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(from, zone);
    switch (step.unit) {
    case TimeUnit::Fixed: {
        const qint64 offset = qint64(zone.offsetFromUtc(start)) * Second;
        const qint64 first = -floorDiv(-(from + offset), step.count) * step.count - offset;
        for (qint64 ms = first; ms <= to && instants.size() <= limit; ms += step.count)
            add(ms);
        break;
    }
    case TimeUnit::Hours: {
        QDate date = start.date();
        int hour = start.time().hour() / int(step.count) * int(step.count);
        for (int n = 0; n < guard && instants.size() <= limit; ++n) {
            const QDateTime at(date, QTime(hour, 0), zone);
            if (at.isValid()) {
                if (at.toMSecsSinceEpoch() > to)
                    break;
                add(at.toMSecsSinceEpoch());
            }
            hour += int(step.count);
            if (hour >= 24) {
                hour = 0;
                date = date.addDays(1);
            }
        }
        break;
    }
    case TimeUnit::Days: {
        // Julian day 0 was a Monday: weekly ticks fall on Mondays.
        qint64 day = floorDiv(start.date().toJulianDay(), step.count) * step.count;
        for (int n = 0; n < guard && instants.size() <= limit; ++n, day += step.count) {
            const QDateTime at = QDate::fromJulianDay(day).startOfDay(zone);
            if (at.isValid()) {
                if (at.toMSecsSinceEpoch() > to)
                    break;
                add(at.toMSecsSinceEpoch());
            }
        }
        break;
    }
    case TimeUnit::Months:
    case TimeUnit::Years: {
        const qint64 months = step.unit == TimeUnit::Months ? step.count : 12 * step.count;
        qint64 index = floorDiv(qint64(start.date().year()) * 12 + start.date().month() - 1, months) * months;
        for (int n = 0; n < guard && instants.size() <= limit; ++n, index += months) {
            const QDate date(int(floorDiv(index, 12)), int(index - floorDiv(index, 12) * 12) + 1, 1);
            if (!date.isValid()) // there is no year 0
                continue;
            const QDateTime at = date.startOfDay(zone);
            if (at.isValid()) {
                if (at.toMSecsSinceEpoch() > to)
                    break;
                add(at.toMSecsSinceEpoch());
            }
        }
        break;
    }
    }
    return instants;
}

QString timeFormat(TimeStep step, qint64 from, qint64 to, const QTimeZone &zone)
{
    switch (step.unit) {
    case TimeUnit::Fixed:
        if (step.count < Second)
            return QStringLiteral("HH:mm:ss.zzz");
        if (step.count < Minute)
            return QStringLiteral("HH:mm:ss");
        return QStringLiteral("HH:mm");
    case TimeUnit::Hours:
        if (QDateTime::fromMSecsSinceEpoch(from, zone).date() == QDateTime::fromMSecsSinceEpoch(to, zone).date())
            return QStringLiteral("HH:mm");
        return QStringLiteral("MMM d HH:mm");
    case TimeUnit::Days:
        return QStringLiteral("MMM d");
    case TimeUnit::Months:
        return QStringLiteral("yyyy-MM");
    case TimeUnit::Years:
        return QStringLiteral("yyyy");
    }
    return {};
}

QString offsetText(int seconds)
{
    const int minutes = std::abs(seconds) / 60;
    return QStringLiteral("%1%2:%3")
        .arg(QChar(seconds < 0 ? u'-' : u'+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

namespace AxisTicks {

TickSet valueTicks(double min, double max, int maxTicks, const QString &unit)
{
    if (!std::isfinite(min) || !std::isfinite(max))
        return {};
    if (min > max)
        std::swap(min, max);
    maxTicks = std::clamp(maxTicks, 2, 12);
    TickSet set;
    if (min < max)
        set = ladderTicks(min, max, maxTicks);
    if (set.ticks.isEmpty())
        set = singleTick(min, max);
    labelValues(set, unit);
    return set;
}

TickSet timeTicks(qint64 fromMs, qint64 toMs, int maxTicks, const QTimeZone &zone)
{
    if (fromMs > toMs)
        std::swap(fromMs, toMs);
    if (fromMs < -TimeLimit || toMs > TimeLimit)
        return {};
    maxTicks = std::clamp(maxTicks, 2, 12);
    const QTimeZone tz = zone.isValid() ? zone : QTimeZone(0);
    const qint64 span = toMs - fromMs;

    for (const TimeStep &step : timeSteps()) {
        // By the span alone, so that the step does not flip while a window of one width scrolls.
        if (span / step.length + 1 > maxTicks)
            continue;
        const QList<qint64> instants = timeInstants(step, fromMs, toMs, maxTicks, tz);
        if (instants.size() > maxTicks)
            continue; // a short day or month crowded the ticks
        TickSet set;
        set.step = double(step.length);
        const QString format = timeFormat(step, fromMs, toMs, tz);
        const QLocale c = QLocale::c();
        for (const qint64 ms : instants)
            set.ticks.append({double(ms), c.toString(QDateTime::fromMSecsSinceEpoch(ms, tz), format)});
        if (!distinct(set.ticks)) { // a wall-clock time seen twice: after a DST change
            for (Tick &tick : set.ticks) {
                const QDateTime at = QDateTime::fromMSecsSinceEpoch(qint64(tick.value), tz);
                tick.label += u' ' + offsetText(tz.offsetFromUtc(at));
            }
        }
        return set;
    }
    return {};
}

std::pair<double, double> autoRange(double low, double high, std::optional<std::pair<double, double>> current)
{
    constexpr double Limit = DBL_MAX / 4;
    const bool currentValid = current && std::isfinite(current->first) && std::isfinite(current->second)
        && current->second > current->first;
    if (std::isnan(low) && std::isnan(high))
        return currentValid ? *current : std::pair(0.0, 1.0);
    if (std::isnan(low))
        low = high;
    if (std::isnan(high))
        high = low;
    low = std::clamp(low, -Limit, Limit);
    high = std::clamp(high, -Limit, Limit);
    if (low > high)
        std::swap(low, high);

    const std::pair<double, double> fresh = freshRange(low, high);
    if (currentValid) {
        const auto [shownLow, shownHigh] = *current;
        const double halfSpan = shownHigh / 2 - shownLow / 2; // the full span may overflow
        const double inner = halfSpan * 0.02;
        // Data of one sign may touch a zero end: that is where a fresh range would put it as well.
        const bool fitsBelow = low >= shownLow + inner || (shownLow == 0 && low >= 0);
        const bool fitsAbove = high <= shownHigh - inner || (shownHigh == 0 && high <= 0);
        if (fitsBelow && fitsAbove && fresh.second - fresh.first >= halfSpan)
            return *current;
    }
    return fresh;
}

} // namespace AxisTicks
