#include "ChartRange.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace ChartRange {

namespace {

constexpr double ValueLimit = DBL_MAX / 4;

// The smallest of these intervals that is at least `minimumMs`.
qint64 roundInterval(qint64 minimumMs)
{
    static constexpr qint64 second = 1000;
    static constexpr qint64 minute = 60 * second;
    static constexpr qint64 hour = 60 * minute;
    static constexpr qint64 day = 24 * hour;
    static constexpr qint64 intervals[] = {
        1, 2, 5, 10, 20, 50, 100, 200, 500,
        second, 2 * second, 5 * second, 10 * second, 15 * second, 30 * second,
        minute, 2 * minute, 5 * minute, 10 * minute, 15 * minute, 30 * minute,
        hour, 2 * hour, 3 * hour, 6 * hour, 12 * hour, day, 7 * day,
    };
    for (const qint64 interval : intervals) {
        if (interval >= minimumMs)
            return interval;
    }
    return ceilDiv(minimumMs, 7 * day) * 7 * day;
}

qint64 toMs(double value)
{
    return qint64(std::llround(std::clamp(value, -9.2e18, 9.2e18)));
}

} // namespace

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

qint64 ceilDiv(qint64 a, qint64 b)
{
    return -floorDiv(-a, b);
}

Grid gridFor(TimeRange range, int plotWidth)
{
    const qint64 span = std::max<qint64>(1, range.span());
    Grid grid;
    grid.step = std::max<qint64>(1, ceilDiv(span, std::max(1, plotWidth - 2)));
    grid.from = floorDiv(range.from, grid.step) * grid.step;
    grid.to = ceilDiv(range.to, grid.step) * grid.step;
    grid.columns = int(std::max<qint64>(1, (grid.to - grid.from) / grid.step));
    return grid;
}

TimeRange followRange(qint64 nowMs, qint64 spanMs, int plotWidth)
{
    spanMs = std::clamp(spanMs, MinimumSpanMs, MaximumSpanMs);
    const qint64 step = std::max<qint64>(1, ceilDiv(spanMs, std::max(1, plotWidth - 2)));
    const qint64 to = ceilDiv(nowMs, step) * step;
    return {to - spanMs, to};
}

qint64 roundedSpan(qint64 spanMs)
{
    spanMs = std::clamp(spanMs, MinimumSpanMs, MaximumSpanMs);
    const qint64 interval = roundInterval(std::max<qint64>(1, spanMs / 10));
    return ceilDiv(spanMs, interval) * interval;
}

qint64 futureMargin(qint64 spanMs)
{
    return std::max<qint64>(0, spanMs / 20);
}

TimeRange normalized(TimeRange range)
{
    if (range.to < range.from)
        std::swap(range.from, range.to);
    const qint64 span = std::clamp(range.span(), MinimumSpanMs, MaximumSpanMs);
    if (span != range.span()) {
        const qint64 middle = range.from + range.span() / 2;
        range.from = middle - span / 2;
        range.to = range.from + span;
    }
    return range;
}

TimeRange keptBeforeNow(TimeRange range, qint64 nowMs)
{
    const qint64 limit = nowMs + futureMargin(range.span());
    if (range.to > limit) {
        const qint64 shift = range.to - limit;
        range.from -= shift;
        range.to -= shift;
    }
    return range;
}

TimeRange zoomed(TimeRange range, double anchorMs, double factor, std::optional<qint64> nowMs)
{
    if (!(factor > 0) || !std::isfinite(factor) || !std::isfinite(anchorMs))
        return range;
    const double span = double(range.span());
    const double newSpan = std::clamp(span * factor, double(MinimumSpanMs), double(MaximumSpanMs));
    anchorMs = std::clamp(anchorMs, double(range.from), double(range.to));
    // Where the anchor sits in the range, kept for the new one.
    const double share = span > 0 ? (anchorMs - double(range.from)) / span : 0.5;
    TimeRange result;
    result.from = toMs(anchorMs - share * newSpan);
    result.to = result.from + qint64(std::llround(newSpan));
    result = normalized(result);
    return nowMs ? keptBeforeNow(result, *nowMs) : result;
}

TimeRange panned(TimeRange range, qint64 shiftMs, std::optional<qint64> nowMs)
{
    range = normalized({range.from + shiftMs, range.to + shiftMs});
    return nowMs ? keptBeforeNow(range, *nowMs) : range;
}

qint64 zoomedSpan(qint64 spanMs, double factor)
{
    if (!(factor > 0) || !std::isfinite(factor))
        return spanMs;
    const double span = std::clamp(double(spanMs) * factor, double(MinimumSpanMs), double(MaximumSpanMs));
    return qint64(std::llround(span));
}

std::pair<double, double> zoomedValues(std::pair<double, double> range, double anchor, double factor)
{
    auto [low, high] = range;
    if (low > high)
        std::swap(low, high);
    if (!(factor > 0) || !std::isfinite(factor) || !std::isfinite(anchor))
        return {low, high};
    anchor = std::clamp(anchor, low, high);
    const double newLow = anchor - (anchor - low) * factor;
    const double newHigh = anchor + (high - anchor) * factor;
    if (!std::isfinite(newLow) || !std::isfinite(newHigh) || newLow < -ValueLimit || newHigh > ValueLimit)
        return {low, high};
    // Some hundred representable doubles between the ends, or the axis cannot tell them apart.
    const double magnitude = std::max(std::abs(newLow), std::abs(newHigh));
    if (!(newHigh - newLow > magnitude * 1e-13) || newHigh - newLow < DBL_MIN * 1e3)
        return {low, high};
    return {newLow, newHigh};
}

std::pair<double, double> pannedValues(std::pair<double, double> range, double shift)
{
    const double low = range.first + shift;
    const double high = range.second + shift;
    if (!std::isfinite(low) || !std::isfinite(high) || low < -ValueLimit || high > ValueLimit || !(high > low))
        return range;
    return {low, high};
}

double wheelFactor(int angleDelta)
{
    return std::pow(WheelStepFactor, angleDelta / 120.0);
}

} // namespace ChartRange
