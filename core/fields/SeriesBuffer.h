#pragma once

#include <QList>
#include <QPointF>

#include <optional>
#include <utility>
#include <vector>

// The history of one plotted field: (time, value) samples in arrival order, bounded by a point
// cap that the user sees and sets. When full, the oldest sample falls out and is counted.
class SeriesBuffer
{
public:
    static constexpr qsizetype DefaultCapacity = 100'000;

    explicit SeriesBuffer(qsizetype capacity = DefaultCapacity);

    void setCapacity(qsizetype capacity); // keeps the newest samples
    qsizetype capacity() const;

    void append(qint64 timeMs, double value); // a value that is not finite is not a point: ignored
    void clear();

    qsizetype size() const;
    bool isEmpty() const { return size() == 0; }
    qint64 droppedCount() const;

    // 0 is the oldest sample held.
    qint64 timeAt(qsizetype index) const;
    double valueAt(qsizetype index) const;
    qint64 firstTime() const;
    qint64 lastTime() const;

    // The samples with fromMs <= time <= toMs, min/max-decimated to at most about two points per
    // column (x = time in ms since the epoch), so that spikes survive and a series never holds
    // more points than the plot has pixels: per column its smallest and largest value, plus the
    // window's first and last samples, in time order. Samples are expected in non-decreasing time
    // order (then the window is found by binary search); out-of-order ones are tolerated (they land
    // in their column) at the cost of a scan of the whole buffer.
    QList<QPointF> decimated(qint64 fromMs, qint64 toMs, int columns) const;
    // Smallest and largest value with fromMs <= time <= toMs.
    std::optional<std::pair<double, double>> valueRange(qint64 fromMs, qint64 toMs) const;

private:
    qsizetype physicalIndex(qsizetype index) const;

    std::vector<qint64> m_times;
    std::vector<double> m_values;
    qsizetype m_capacity;
    qsizetype m_start = 0;
    qsizetype m_size = 0;
    qint64 m_dropped = 0;
    qsizetype m_descents = 0; // held neighbours whose time goes backwards
};
