#pragma once

#include <QList>
#include <QPointF>

#include <deque>
#include <optional>
#include <utility>
#include <vector>

// The history of one plotted field: (time, value) samples in arrival order, bounded by a point
// cap that the user sees and sets. When full, the oldest sample falls out and is counted.
// Breaks (a connection lost and found again) cut the samples into segments that a chart line
// must not join.
class SeriesBuffer
{
public:
    static constexpr qsizetype DefaultCapacity = 100'000;

    explicit SeriesBuffer(qsizetype capacity = DefaultCapacity);

    void setCapacity(qsizetype capacity); // keeps the newest samples
    qsizetype capacity() const;

    void append(qint64 timeMs, double value); // a value that is not finite is not a point: ignored
    void clear();

    // The next sample appended starts a new segment. Several calls before a sample make one
    // break; a break before the first sample, or on an empty buffer, is nothing. A break is held
    // with the sample after it, and falls out with that sample.
    void markBreak();
    // Whether the sample at `index` begins a segment after a break. This can be the oldest sample
    // held, once the sample before its break has fallen out.
    bool startsSegment(qsizetype index) const;

    qsizetype size() const;
    bool isEmpty() const { return size() == 0; }
    qint64 droppedCount() const;

    // 0 is the oldest sample held.
    qint64 timeAt(qsizetype index) const;
    double valueAt(qsizetype index) const;
    qint64 firstTime() const;
    qint64 lastTime() const;
    // Whether every sample's time is at least its predecessor's, so that a time range can be found
    // by binary search.
    bool isTimeOrdered() const { return m_descents == 0; }

    // The samples with fromMs <= time <= toMs, min/max-decimated to at most about two points per
    // column (x = time in ms since the epoch), so that spikes survive and a series never holds
    // more points than the plot has pixels: per column its smallest and largest value, plus the
    // window's first and last samples, in time order. Samples are expected in non-decreasing time
    // order (then the window is found by binary search); out-of-order ones are tolerated (they land
    // in their column) at the cost of a scan of the whole buffer.
    //
    // With breaks: the samples are cut at every break into segments (in arrival order) and each
    // segment is decimated as above on its own, as if it were the whole window: per column its
    // smallest and largest value, plus the segment's first and last samples in the window. So a
    // column that holds a break gives points from both sides, and no two consecutive points
    // straddle a break: between the points of two segments stands one QPointF(t, NaN), t being the
    // x of the point after it (for ordered samples, the time of the first sample after the break).
    // A NaN point never comes first, last, or next to another: a segment with no sample in the
    // window gives nothing, separator included. A segment of one point in the window is a lone
    // point between separators, which a line alone does not show.
    // For ordered samples the points stay bounded by the columns however many breaks there are (at
    // most 14 in a column that holds breaks): where two or more segments in a row lie within one
    // column (neither being the window's first or last segment), they give only their smallest and
    // largest samples, as lone points.
    QList<QPointF> decimated(qint64 fromMs, qint64 toMs, int columns) const;
    // Smallest and largest value with fromMs <= time <= toMs.
    std::optional<std::pair<double, double>> valueRange(qint64 fromMs, qint64 toMs) const;

private:
    qsizetype physicalIndex(qsizetype index) const;
    void dropBreaksBefore(qint64 serial);

    std::vector<qint64> m_times;
    std::vector<double> m_values;
    qsizetype m_capacity;
    qsizetype m_start = 0;
    qsizetype m_size = 0;
    qint64 m_dropped = 0;
    qsizetype m_descents = 0; // held neighbours whose time goes backwards
    // The serial numbers of the held samples that start a segment, ascending. Sample i's serial is
    // m_dropped + i: it does not move as the ring turns, and at most one break per sample is held.
    std::deque<qint64> m_breaks;
    bool m_breakPending = false;
};
