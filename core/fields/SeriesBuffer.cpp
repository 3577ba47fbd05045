#include "SeriesBuffer.h"

#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

// The held samples as the ring lays them out: logical index i (0 the oldest) sits at physical
// index (start + i) modulo capacity.
struct Ring
{
    const qint64 *times;
    const double *values;
    qsizetype start;
    qsizetype capacity;

    qsizetype physical(qsizetype index) const
    {
        const qsizetype at = start + index;
        return at >= capacity ? at - capacity : at;
    }
    qint64 timeAt(qsizetype index) const { return times[physical(index)]; }
    double valueAt(qsizetype index) const { return values[physical(index)]; }
};

// The first index in [low, high) whose time is not before `timeMs` (or, with Upper, is after
// it), `high` if none. The times must be non-decreasing.
template<bool Upper>
qsizetype bound(const Ring &ring, qsizetype low, qsizetype high, qint64 timeMs)
{
    while (low < high) {
        const qsizetype middle = low + (high - low) / 2;
        const qint64 time = ring.timeAt(middle);
        if (Upper ? time <= timeMs : time < timeMs)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

struct Extremes
{
    qsizetype minIndex;
    qsizetype maxIndex;
};

// The first smallest and the first largest value in the non-empty index range [begin, end).
Extremes extremes(const Ring &ring, qsizetype begin, qsizetype end)
{
    Extremes found{begin, begin};
    double minValue = ring.valueAt(begin);
    double maxValue = minValue;
    // At most two runs that are contiguous in memory: before and after the ring wraps.
    for (qsizetype index = begin; index < end;) {
        const qsizetype at = ring.physical(index);
        const qsizetype run = qMin(end - index, ring.capacity - at);
        const double *values = ring.values + at;
        for (qsizetype k = 0; k < run; ++k) {
            if (values[k] < minValue) {
                minValue = values[k];
                found.minIndex = index + k;
            }
            if (values[k] > maxValue) {
                maxValue = values[k];
                found.maxIndex = index + k;
            }
        }
        index += run;
    }
    return found;
}

// Maps a time in [from, to] to one of `columns` equal slices of [from, to + 1): column
// floor((t - from) * columns / (to - from + 1)), in exact integer arithmetic unless the window is
// too wide for it (thousands of years), where doubles do.
class ColumnMap
{
public:
    ColumnMap(qint64 fromMs, qint64 toMs, int columns)
        : m_from(quint64(fromMs))
        , m_columns(quint64(columns))
    {
        const quint64 span = quint64(toMs) - quint64(fromMs); // to - from, without overflow
        m_exact = span < (std::numeric_limits<quint64>::max() - m_columns) / m_columns - 1;
        m_width = span + 1;
        m_scale = columns / (double(toMs) - double(fromMs) + 1.0);
    }

    bool isExact() const { return m_exact; }

    int operator()(qint64 timeMs) const
    {
        if (m_exact)
            return int((quint64(timeMs) - m_from) * m_columns / m_width);
        const double column = double(quint64(timeMs) - m_from) * m_scale;
        return column >= double(m_columns - 1) ? int(m_columns - 1) : int(column);
    }

    // With exact arithmetic: the earliest time in a column after `column`, if there is one.
    std::optional<qint64> nextColumnStart(int column) const
    {
        Q_ASSERT(m_exact);
        const quint64 offset = ((quint64(column) + 1) * m_width + m_columns - 1) / m_columns;
        if (offset >= m_width)
            return std::nullopt;
        return qint64(m_from + offset);
    }

private:
    quint64 m_from;
    quint64 m_columns;
    quint64 m_width = 0;
    double m_scale = 0;
    bool m_exact = false;
};

// Appends the samples at `indexes` (at most four, duplicates allowed) in (time, index) order.
void emitColumn(const Ring &ring, qsizetype *indexes, int count, QList<QPointF> &out)
{
    const auto earlier = [&ring](qsizetype a, qsizetype b) {
        const qint64 ta = ring.timeAt(a);
        const qint64 tb = ring.timeAt(b);
        return ta != tb ? ta < tb : a < b;
    };
    std::sort(indexes, indexes + count, earlier);
    for (int i = 0; i < count; ++i) {
        if (i > 0 && indexes[i] == indexes[i - 1])
            continue;
        out.append(QPointF(double(ring.timeAt(indexes[i])), ring.valueAt(indexes[i])));
    }
}

// Ordered samples [low, high): each column is a run of indexes, found by binary search, so the
// times are read only O(columns log n) times and the values in one tight pass.
void decimateRuns(const Ring &ring, qsizetype low, qsizetype high, const ColumnMap &columnOf,
                  QList<QPointF> &out)
{
    for (qsizetype begin = low; begin < high;) {
        const std::optional<qint64> next = columnOf.nextColumnStart(columnOf(ring.timeAt(begin)));
        const qsizetype end = next ? bound<false>(ring, begin + 1, high, *next) : high;
        const Extremes found = extremes(ring, begin, end);
        qsizetype picks[4] = {found.minIndex, found.maxIndex};
        int n = 2;
        if (begin == low)
            picks[n++] = low;
        if (end == high)
            picks[n++] = high - 1;
        emitColumn(ring, picks, n, out);
        begin = end;
    }
}

// Decimates `count` samples visited in (time, index) order: indexAt(k) is the k-th. For what
// decimateRuns() cannot do: samples sorted by time, or a window too wide for exact columns.
template<typename IndexAt>
void decimateOrdered(const Ring &ring, qsizetype count, IndexAt indexAt, const ColumnMap &columnOf,
                     QList<QPointF> &out)
{
    if (count == 0)
        return;
    const qsizetype first = indexAt(0);
    const qsizetype last = indexAt(count - 1);
    int column = columnOf(ring.timeAt(first));
    qsizetype minIndex = first;
    qsizetype maxIndex = first;
    double minValue = ring.valueAt(first);
    double maxValue = minValue;
    bool firstColumn = true;
    const auto flush = [&](bool lastColumn) {
        qsizetype picks[4] = {minIndex, maxIndex};
        int n = 2;
        if (firstColumn)
            picks[n++] = first;
        if (lastColumn)
            picks[n++] = last;
        emitColumn(ring, picks, n, out);
        firstColumn = false;
    };
    for (qsizetype k = 1; k < count; ++k) {
        const qsizetype index = indexAt(k);
        const int c = columnOf(ring.timeAt(index));
        const double value = ring.valueAt(index);
        if (c != column) {
            flush(false);
            column = c;
            minIndex = maxIndex = index;
            minValue = maxValue = value;
            continue;
        }
        // Equal values keep the earliest sample held, whatever order they are visited in.
        if (value < minValue || (value == minValue && index < minIndex)) {
            minValue = value;
            minIndex = index;
        }
        if (value > maxValue || (value == maxValue && index < maxIndex)) {
            maxValue = value;
            maxIndex = index;
        }
    }
    flush(true);
}

// For out-of-order buffers: one pass over the samples [begin, end), keeping per column the indexes
// of the smallest and largest value. Memory O(columns), in `minIndex` and `maxIndex` (all -1 on
// entry and again on return); the caller keeps columns <= end - begin.
void decimateByColumns(const Ring &ring, qsizetype begin, qsizetype end, qint64 fromMs, qint64 toMs,
                       const ColumnMap &columnOf, std::vector<qsizetype> &minIndex,
                       std::vector<qsizetype> &maxIndex, QList<QPointF> &out)
{
    qsizetype first = -1;
    qsizetype last = -1;
    for (qsizetype i = begin; i < end; ++i) {
        const qint64 time = ring.timeAt(i);
        if (time < fromMs || time > toMs)
            continue;
        const int c = columnOf(time);
        const double value = ring.valueAt(i);
        if (minIndex[c] < 0) {
            minIndex[c] = maxIndex[c] = i;
        } else {
            if (value < ring.valueAt(minIndex[c]))
                minIndex[c] = i;
            if (value > ring.valueAt(maxIndex[c]))
                maxIndex[c] = i;
        }
        if (first < 0 || time < ring.timeAt(first))
            first = i;
        if (last < 0 || time >= ring.timeAt(last))
            last = i;
    }
    if (first < 0)
        return;
    const int firstColumn = columnOf(ring.timeAt(first));
    const int lastColumn = columnOf(ring.timeAt(last));
    for (int c = firstColumn; c <= lastColumn; ++c) {
        if (minIndex[c] < 0)
            continue;
        qsizetype picks[4] = {minIndex[c], maxIndex[c]};
        int n = 2;
        if (c == firstColumn)
            picks[n++] = first;
        if (c == lastColumn)
            picks[n++] = last;
        emitColumn(ring, picks, n, out);
        minIndex[c] = maxIndex[c] = -1;
    }
}

// For out-of-order buffers with more columns than samples: sorting the window's samples of
// [begin, end) costs less than visiting the columns.
void decimateSorted(const Ring &ring, qsizetype begin, qsizetype end, qint64 fromMs, qint64 toMs,
                    const ColumnMap &columnOf, QList<QPointF> &out)
{
    std::vector<qsizetype> order;
    for (qsizetype i = begin; i < end; ++i) {
        if (ring.timeAt(i) >= fromMs && ring.timeAt(i) <= toMs)
            order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&ring](qsizetype a, qsizetype b) { return ring.timeAt(a) < ring.timeAt(b); });
    decimateOrdered(ring, qsizetype(order.size()), [&order](qsizetype k) { return order[k]; },
                    columnOf, out);
}

QPointF separator(double timeMs)
{
    return QPointF(timeMs, std::numeric_limits<double>::quiet_NaN());
}

// Ordered samples [low, high), cut into segments: endOf(begin) is where the one from `begin` ends.
// Each is decimated on its own, after a separator. Segments that lie within one column, between
// the window's first and last, are less than a pixel wide when drawn: two or more of them in a row
// in one column give only their smallest and largest sample, as lone points, so that a stream
// that reconnects all the time does not get a point per sample.
template<typename SegmentEnd>
void decimateSegments(const Ring &ring, qsizetype low, qsizetype high, SegmentEnd endOf,
                      const ColumnMap &columnOf, QList<QPointF> &out)
{
    const auto emitSegment = [&](qsizetype begin, qsizetype end) {
        if (!out.isEmpty())
            out.append(separator(double(ring.timeAt(begin))));
        if (columnOf.isExact())
            decimateRuns(ring, begin, end, columnOf, out);
        else
            decimateOrdered(ring, end - begin, [begin](qsizetype k) { return begin + k; }, columnOf, out);
    };
    struct Group
    {
        int column = -1;
        int count = 0;
        qsizetype begin = 0; // the first segment's range, emitted whole if it stays alone
        qsizetype end = 0;
        Extremes found{0, 0};
    } group;
    const auto flush = [&] {
        if (group.count == 1) {
            emitSegment(group.begin, group.end);
        } else if (group.count > 1) {
            const qsizetype first = qMin(group.found.minIndex, group.found.maxIndex);
            const qsizetype second = qMax(group.found.minIndex, group.found.maxIndex);
            emitSegment(first, first + 1);
            if (second != first)
                emitSegment(second, second + 1);
        }
        group = Group();
    };
    for (qsizetype begin = low; begin < high;) {
        const qsizetype end = endOf(begin, high);
        const int column = columnOf(ring.timeAt(begin));
        const bool inner = begin > low && end < high && columnOf(ring.timeAt(end - 1)) == column;
        if (!inner || column != group.column)
            flush();
        if (!inner) {
            emitSegment(begin, end);
        } else {
            const Extremes found = extremes(ring, begin, end);
            if (group.count++ == 0) {
                group.column = column;
                group.begin = begin;
                group.end = end;
                group.found = found;
            } else {
                if (ring.valueAt(found.minIndex) < ring.valueAt(group.found.minIndex))
                    group.found.minIndex = found.minIndex;
                if (ring.valueAt(found.maxIndex) > ring.valueAt(group.found.maxIndex))
                    group.found.maxIndex = found.maxIndex;
            }
        }
        begin = end;
    }
    flush();
}

} // namespace

SeriesBuffer::SeriesBuffer(qsizetype capacity)
    : m_capacity(qMax<qsizetype>(1, capacity))
{
}

void SeriesBuffer::setCapacity(qsizetype capacity)
{
    capacity = qMax<qsizetype>(1, capacity);
    if (capacity == m_capacity)
        return;
    // Lay the newest samples out from index 0, as append() expects of a buffer that is not full.
    const qsizetype keep = qMin(m_size, capacity);
    const qsizetype drop = m_size - keep;
    std::vector<qint64> times;
    std::vector<double> values;
    times.reserve(keep);
    values.reserve(keep);
    qsizetype descents = 0;
    for (qsizetype i = drop; i < m_size; ++i) {
        const qint64 time = timeAt(i);
        if (!times.empty() && time < times.back())
            ++descents;
        times.push_back(time);
        values.push_back(valueAt(i));
    }
    m_times.swap(times);
    m_values.swap(values);
    m_capacity = capacity;
    m_start = 0;
    m_size = keep;
    m_dropped += drop;
    m_descents = descents;
    dropBreaksBefore(m_dropped);
}

qsizetype SeriesBuffer::capacity() const
{
    return m_capacity;
}

void SeriesBuffer::append(qint64 timeMs, double value)
{
    if (!std::isfinite(value))
        return;
    if (m_breakPending) {
        m_breaks.push_back(m_dropped + m_size); // the serial this sample gets
        m_breakPending = false;
    }
    if (m_size < m_capacity) {
        // Not full yet: the samples sit at [0, m_size) and the vectors grow up to the capacity.
        if (m_size > 0 && timeMs < m_times.back())
            ++m_descents;
        if (m_times.size() == m_times.capacity()) {
            const qsizetype next = qMin(m_capacity, qMax<qsizetype>(64, 2 * m_size));
            m_times.reserve(next);
            m_values.reserve(next);
        }
        m_times.push_back(timeMs);
        m_values.push_back(value);
        ++m_size;
        return;
    }
    // Full: the oldest sample falls out, and the newest takes its slot.
    if (m_size > 1) {
        if (timeAt(1) < timeAt(0))
            --m_descents;
        if (timeMs < timeAt(m_size - 1))
            ++m_descents;
    }
    m_times[m_start] = timeMs;
    m_values[m_start] = value;
    if (++m_start == m_capacity)
        m_start = 0;
    ++m_dropped;
    dropBreaksBefore(m_dropped);
}

void SeriesBuffer::clear()
{
    std::vector<qint64>().swap(m_times);
    std::vector<double>().swap(m_values);
    m_start = 0;
    m_size = 0;
    m_dropped = 0;
    m_descents = 0;
    std::deque<qint64>().swap(m_breaks);
    m_breakPending = false;
}

void SeriesBuffer::markBreak()
{
    if (m_size > 0)
        m_breakPending = true;
}

bool SeriesBuffer::startsSegment(qsizetype index) const
{
    Q_ASSERT(index >= 0 && index < m_size);
    return std::binary_search(m_breaks.begin(), m_breaks.end(), m_dropped + index);
}

void SeriesBuffer::dropBreaksBefore(qint64 serial)
{
    while (!m_breaks.empty() && m_breaks.front() < serial)
        m_breaks.pop_front();
}

qsizetype SeriesBuffer::size() const
{
    return m_size;
}

qint64 SeriesBuffer::droppedCount() const
{
    return m_dropped;
}

qint64 SeriesBuffer::timeAt(qsizetype index) const
{
    return m_times[physicalIndex(index)];
}

double SeriesBuffer::valueAt(qsizetype index) const
{
    return m_values[physicalIndex(index)];
}

qint64 SeriesBuffer::firstTime() const
{
    Q_ASSERT(m_size > 0);
    return timeAt(0);
}

qint64 SeriesBuffer::lastTime() const
{
    Q_ASSERT(m_size > 0);
    return timeAt(m_size - 1);
}

qsizetype SeriesBuffer::physicalIndex(qsizetype index) const
{
    Q_ASSERT(index >= 0 && index < m_size);
    const qsizetype physical = m_start + index;
    return physical >= m_capacity ? physical - m_capacity : physical;
}

QList<QPointF> SeriesBuffer::decimated(qint64 fromMs, qint64 toMs, int columns) const
{
    QList<QPointF> out;
    if (m_size == 0 || fromMs > toMs)
        return out;
    columns = qMax(1, columns);
    const Ring ring{m_times.data(), m_values.data(), m_start, m_capacity};
    const ColumnMap columnOf(fromMs, toMs, columns);
    // Each segment's index range is [begin, end): the first break after `begin` ends it. Segments
    // are visited in order, so that break is usually the one after the previous segment's end.
    auto nextBreak = m_breaks.cbegin();
    const auto segmentEnd = [&](qsizetype begin, qsizetype limit) {
        const qint64 serial = m_dropped + begin;
        if (nextBreak != m_breaks.cend() && *nextBreak <= serial && ++nextBreak != m_breaks.cend()
            && *nextBreak <= serial)
            nextBreak = std::upper_bound(nextBreak, m_breaks.cend(), serial);
        return nextBreak == m_breaks.cend() ? limit : qMin(limit, qsizetype(*nextBreak - m_dropped));
    };

    if (m_descents == 0) {
        // Time order is index order: the window is one index range, and each segment a part of it.
        const qsizetype low = bound<false>(ring, 0, m_size, fromMs);
        const qsizetype high = bound<true>(ring, low, m_size, toMs);
        out.reserve(qMin(high - low, 2 * qsizetype(columns) + 2));
        decimateSegments(ring, low, high, segmentEnd, columnOf, out);
        return out;
    }

    std::vector<qsizetype> minIndex;
    std::vector<qsizetype> maxIndex;
    for (qsizetype begin = 0; begin < m_size;) {
        const qsizetype end = segmentEnd(begin, m_size);
        const qsizetype mark = out.size();
        if (columns <= end - begin) {
            if (minIndex.empty()) {
                minIndex.assign(columns, -1);
                maxIndex.assign(columns, -1);
            }
            decimateByColumns(ring, begin, end, fromMs, toMs, columnOf, minIndex, maxIndex, out);
        } else {
            decimateSorted(ring, begin, end, fromMs, toMs, columnOf, out);
        }
        if (mark > 0 && out.size() > mark)
            out.insert(mark, separator(out.at(mark).x()));
        begin = end;
    }
    return out;
}

std::optional<std::pair<double, double>> SeriesBuffer::valueRange(qint64 fromMs, qint64 toMs) const
{
    const Ring ring{m_times.data(), m_values.data(), m_start, m_capacity};
    if (m_descents == 0) {
        const qsizetype low = bound<false>(ring, 0, m_size, fromMs);
        const qsizetype high = bound<true>(ring, low, m_size, toMs);
        if (low >= high)
            return std::nullopt;
        const Extremes found = extremes(ring, low, high);
        return std::make_pair(ring.valueAt(found.minIndex), ring.valueAt(found.maxIndex));
    }
    std::optional<std::pair<double, double>> range;
    for (qsizetype i = 0; i < m_size; ++i) {
        const qint64 time = ring.timeAt(i);
        if (time < fromMs || time > toMs)
            continue;
        const double value = ring.valueAt(i);
        if (!range)
            range.emplace(value, value);
        range->first = qMin(range->first, value);
        range->second = qMax(range->second, value);
    }
    return range;
}
