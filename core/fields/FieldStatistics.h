#pragma once

#include <QtGlobal>

#include <optional>

class SeriesBuffer;

// Figures of the samples a SeriesBuffer holds with fromMs <= time <= toMs, from its raw samples
// (never the decimated view). The figures are those of the samples' values, and 0 with no sample
// (count tells). Cost: O(log n) to find the range and O(samples in range) to read it.
struct FieldStatistics
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 count = 0;
    double last = 0;        // the newest sample in the range (the latest held, for equal times)
    qint64 lastTimeMs = 0;
    double min = 0;
    double max = 0;
    double mean = 0;
    // The population standard deviation: sqrt(sum((x - mean)^2) / count), not count - 1.
    double stddev = 0;
    // Samples per second over the range's length, toMs - fromMs: none when that is 0.
    std::optional<double> rate;

    bool isEmpty() const { return count == 0; }

    // Finite figures for any finite samples, 1e300 and 1e-9 alike: the values are scaled by a
    // power of two near the largest magnitude (exactly), and the spread is summed by Welford's
    // method. Samples out of time order (SeriesBuffer::isTimeOrdered()) are scanned one by one.
    static FieldStatistics compute(const SeriesBuffer &buffer, qint64 fromMs, qint64 toMs);
    // Over every sample held: the range is the first sample's time to the last one's.
    static FieldStatistics compute(const SeriesBuffer &buffer);
};
