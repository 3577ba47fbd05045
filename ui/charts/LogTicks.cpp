// The logarithmic axis of AxisTicks: decade ticks and the value range to show, in log10.
#include "AxisTicks.h"

#include "DecimalMath.h"

#include <QString>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <initializer_list>
#include <limits>

namespace {

using DecimalMath::scaled;

// Logarithmic axes

constexpr double LowestLog = -324; // below the smallest subnormal double
constexpr double HighestLog = 308.26; // above log10(DBL_MAX)
constexpr double LogTolerance = 1e-9; // decades: a tick this close outside its axis is moved onto the end

// The label of mantissa × 10^exponent on a log axis (mantissa 1..9).
QString logLabel(int mantissa, int exponent, const QString &unit)
{
    const double value = scaled(mantissa, exponent);
    if (ValueFormat::takesPrefix(unit) && value >= DBL_MIN) // subnormals would merge 2e-324 and 5e-324
        return ValueFormat::withUnit(value, unit, 3);
    const QString number = exponent >= -3 && exponent <= 3
        ? ValueFormat::readout(value)
        : QString::number(mantissa) + u'e' + QString::number(exponent);
    const QString trimmed = unit.trimmed();
    return trimmed.isEmpty() ? number : number + u' ' + trimmed;
}

// The ticks mantissa × 10^n in [lowLog, highLog] for each of `mantissas`, or none when there
// would be more than `limit`.
QList<AxisTicks::Tick> logLadder(double lowLog, double highLog, std::initializer_list<int> mantissas, int limit,
                                 const QString &unit)
{
    QList<AxisTicks::Tick> ticks;
    for (int n = int(std::floor(lowLog)); n <= int(std::floor(highLog)); ++n) {
        for (const int mantissa : mantissas) {
            double value = n + (mantissa == 1 ? 0.0 : std::log10(double(mantissa)));
            if (value < lowLog - LogTolerance || value > highLog + LogTolerance)
                continue;
            value = std::clamp(value, lowLog, highLog);
            if (!ticks.isEmpty() && !(value > ticks.last().value))
                continue;
            if (ticks.size() == limit)
                return {};
            ticks.append({value, logLabel(mantissa, n, unit)});
        }
    }
    return ticks;
}

// Every `decades`-th decade in [lowLog, highLog], or none when there would be more than `limit`.
QList<AxisTicks::Tick> everyNthDecade(double lowLog, double highLog, int decades, int limit, const QString &unit)
{
    const int first = int(std::ceil(lowLog / decades)) * decades;
    const int last = int(std::floor(highLog / decades)) * decades;
    if (last < first || (last - first) / decades + 1 > limit)
        return {};
    QList<AxisTicks::Tick> ticks;
    for (int n = first; n <= last; n += decades)
        ticks.append({double(n), logLabel(1, n, unit)});
    return ticks;
}

// 10^end for the linear ticks of a narrow log range, widened to the 15-digit value next to it
// when that is inside the tolerance: 10^log10(200) may come back as 200.00000000000003.
double logEnd(double end, bool high)
{
    const double value = std::min(std::pow(10.0, end), DBL_MAX);
    const double rounded = QString::number(value, 'g', 15).toDouble();
    if (!(rounded > 0) || !std::isfinite(rounded) || std::abs(std::log10(rounded) - end) > LogTolerance)
        return value;
    return high ? std::max(value, rounded) : std::min(value, rounded);
}

AxisTicks::TickSet withSmallestStep(QList<AxisTicks::Tick> ticks, double span)
{
    AxisTicks::TickSet set;
    set.ticks = std::move(ticks);
    set.step = std::max(span, 1e-12);
    for (qsizetype i = 1; i < set.ticks.size(); ++i)
        set.step = std::min(set.step, set.ticks.at(i).value - set.ticks.at(i - 1).value);
    return set;
}

} // namespace

namespace AxisTicks {

TickSet logTicks(double lowLog, double highLog, int maxTicks, const QString &unit)
{
    if (!std::isfinite(lowLog) || !std::isfinite(highLog))
        return {};
    if (lowLog > highLog)
        std::swap(lowLog, highLog);
    if (lowLog < LowestLog || highLog > HighestLog)
        return {};
    maxTicks = std::clamp(maxTicks, 2, 12);
    const double span = highLog - lowLog;

    const int decades = int(std::floor(highLog) - std::ceil(lowLog)) + 1;
    if (decades > maxTicks) {
        for (const int every : {2, 5, 10, 20, 50, 100, 200, 500}) {
            QList<Tick> ticks = everyNthDecade(lowLog, highLog, every, maxTicks, unit);
            if (!ticks.isEmpty())
                return withSmallestStep(std::move(ticks), span);
        }
        return {};
    }
    // Less than a decade: every digit, if they all fit.
    QList<Tick> ticks;
    if (span < 1)
        ticks = logLadder(lowLog, highLog, {1, 2, 3, 4, 5, 6, 7, 8, 9}, maxTicks, unit);
    // Few decades: 2 and 5 between them, if they all fit.
    if (ticks.size() < 2)
        ticks = logLadder(lowLog, highLog, {1, 2, 5}, maxTicks, unit);
    if (ticks.isEmpty() && decades >= 2)
        ticks = logLadder(lowLog, highLog, {1}, maxTicks, unit);
    if (ticks.size() < 2) {
        QList<Tick> digits = logLadder(lowLog, highLog, {1, 2, 3, 4, 5, 6, 7, 8, 9}, maxTicks, unit);
        if (digits.size() > ticks.size())
            ticks = std::move(digits);
    }
    if (ticks.size() >= 2)
        return withSmallestStep(std::move(ticks), span);

    // Narrower than the steps between two digits: the linear ticks of the values.
    const TickSet linear = valueTicks(logEnd(lowLog, false), logEnd(highLog, true), maxTicks, unit);
    QList<Tick> mapped;
    for (const Tick &tick : linear.ticks) {
        if (!(tick.value > 0))
            continue;
        const double value = std::log10(tick.value);
        if (value < lowLog - LogTolerance || value > highLog + LogTolerance)
            continue;
        const double clamped = std::clamp(value, lowLog, highLog);
        if (mapped.isEmpty() || clamped > mapped.last().value)
            mapped.append({clamped, tick.label});
    }
    if (mapped.size() < ticks.size())
        mapped = ticks;
    if (mapped.isEmpty()) { // no double inside (among the subnormals): the middle of the range
        const double middle = lowLog / 2 + highLog / 2;
        mapped.append({middle, ValueFormat::readout(std::pow(10.0, middle), unit)});
    }
    return withSmallestStep(std::move(mapped), span);
}

std::pair<double, double> autoLogRange(double low, double high, std::optional<std::pair<double, double>> current)
{
    constexpr double Lowest = -323;
    constexpr double Highest = 308;
    const bool currentValid = current && std::isfinite(current->first) && std::isfinite(current->second)
        && current->second > current->first;
    if (std::isnan(low) && std::isnan(high))
        return currentValid ? *current : std::pair(0.0, 1.0);
    if (std::isnan(low))
        low = high;
    if (std::isnan(high))
        high = low;
    low = std::clamp(low, Lowest, Highest);
    high = std::clamp(high, Lowest, Highest);
    if (low > high)
        std::swap(low, high);

    std::pair<double, double> fresh;
    const double span = high - low;
    if (span >= 1) {
        fresh = {std::floor(low), std::ceil(high)};
    } else {
        const double width = std::max(1.0, span * 1.1);
        const double middle = low / 2 + high / 2;
        fresh = {middle - width / 2, middle + width / 2};
        if (fresh.first < Lowest)
            fresh = {Lowest, Lowest + width};
        if (fresh.second > Highest)
            fresh = {Highest - width, Highest};
    }
    if (currentValid) {
        const auto [shownLow, shownHigh] = *current;
        const double inner = (shownHigh - shownLow) * 0.01;
        // Data may touch a whole-decade end: that is where a fresh range would put it as well.
        const bool fitsBelow = low >= shownLow + inner || (shownLow == std::floor(shownLow) && low >= shownLow);
        const bool fitsAbove = high <= shownHigh - inner || (shownHigh == std::floor(shownHigh) && high <= shownHigh);
        if (fitsBelow && fitsAbove
            && fresh.second - fresh.first >= (shownHigh - shownLow) / 2)
            return *current;
    }
    return fresh;
}

} // namespace AxisTicks
