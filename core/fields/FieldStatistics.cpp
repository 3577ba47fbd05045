#include "FieldStatistics.h"

#include "SeriesBuffer.h"

#include <algorithm>
#include <cmath>

namespace {

// The first index in [0, size) whose time is not before `timeMs` (with Upper: is after it).
template<bool Upper>
qsizetype bound(const SeriesBuffer &buffer, qint64 timeMs)
{
    qsizetype low = 0;
    qsizetype high = buffer.size();
    while (low < high) {
        const qsizetype middle = low + (high - low) / 2;
        const qint64 time = buffer.timeAt(middle);
        if (Upper ? time <= timeMs : time < timeMs)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

} // namespace

FieldStatistics FieldStatistics::compute(const SeriesBuffer &buffer, qint64 fromMs, qint64 toMs)
{
    FieldStatistics s;
    s.fromMs = fromMs;
    s.toMs = toMs;
    if (toMs > fromMs)
        s.rate = 0.0;
    if (toMs < fromMs || buffer.isEmpty())
        return s;

    const bool ordered = buffer.isTimeOrdered();
    const qsizetype begin = ordered ? bound<false>(buffer, fromMs) : 0;
    const qsizetype end = ordered ? bound<true>(buffer, toMs) : buffer.size();
    const auto inRange = [&](qsizetype i) {
        if (ordered)
            return true;
        const qint64 time = buffer.timeAt(i);
        return time >= fromMs && time <= toMs;
    };

    double largest = 0;
    for (qsizetype i = begin; i < end; ++i) {
        if (!inRange(i))
            continue;
        const double value = buffer.valueAt(i);
        const qint64 time = buffer.timeAt(i);
        if (s.count == 0) {
            s.min = s.max = value;
            s.lastTimeMs = time;
            s.last = value;
        }
        s.min = std::min(s.min, value);
        s.max = std::max(s.max, value);
        if (time >= s.lastTimeMs) {
            s.lastTimeMs = time;
            s.last = value;
        }
        largest = std::max(largest, std::fabs(value));
        ++s.count;
    }
    if (s.count == 0)
        return s;
    if (toMs > fromMs)
        s.rate = double(s.count) * 1000.0 / double(toMs - fromMs);

    // Scaling by a power of two changes no digit, and keeps squares of 1e300 finite.
    int exponent = 0;
    std::frexp(largest, &exponent);
    const long double scale = largest > 0 ? std::ldexp(1.0L, exponent - 1) : 1.0L; // finite even as a double
    long double mean = 0;
    long double squares = 0;
    qint64 n = 0;
    for (qsizetype i = begin; i < end; ++i) {
        if (!inRange(i))
            continue;
        const long double x = buffer.valueAt(i) / scale;
        ++n;
        const long double delta = x - mean;
        mean += delta / n;
        squares += delta * (x - mean);
    }
    // Rounding can put the mean a hair outside [min, max] (constants) or the sum below 0.
    s.mean = std::clamp(double(mean * scale), s.min, s.max);
    s.stddev = double(std::sqrt(std::max(0.0L, squares / n)) * scale);
    if (s.count == 1 || s.min == s.max)
        s.stddev = 0;
    return s;
}

FieldStatistics FieldStatistics::compute(const SeriesBuffer &buffer)
{
    if (buffer.isEmpty())
        return compute(buffer, 0, -1);
    if (buffer.isTimeOrdered())
        return compute(buffer, buffer.firstTime(), buffer.lastTime());
    qint64 first = buffer.timeAt(0);
    qint64 last = first;
    for (qsizetype i = 1; i < buffer.size(); ++i) {
        first = std::min(first, buffer.timeAt(i));
        last = std::max(last, buffer.timeAt(i));
    }
    return compute(buffer, first, last);
}
