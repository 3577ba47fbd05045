#include "SeriesSegments.h"

#include "SeriesBuffer.h"

#include <cmath>

namespace SeriesSegments {

namespace {

// First index whose time is >= timeMs (samples in non-decreasing time order).
qsizetype lowerBound(const SeriesBuffer &buffer, qint64 timeMs)
{
    qsizetype low = 0;
    qsizetype high = buffer.size();
    while (low < high) {
        const qsizetype mid = low + (high - low) / 2;
        if (buffer.timeAt(mid) < timeMs)
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}

QPointF sample(const SeriesBuffer &buffer, qsizetype index)
{
    return {double(buffer.timeAt(index)), buffer.valueAt(index)};
}

} // namespace

QList<QList<QPointF>> split(const QList<QPointF> &points, int maxSegments)
{
    QList<QList<QPointF>> segments;
    QList<QPointF> current;
    for (const QPointF &point : points) {
        if (std::isnan(point.y())) {
            if (!current.isEmpty())
                segments.append(std::move(current));
            current = {};
            continue;
        }
        current.append(point);
    }
    if (!current.isEmpty())
        segments.append(std::move(current));

    maxSegments = std::max(1, maxSegments);
    if (segments.size() > maxSegments) {
        const qsizetype joined = segments.size() - maxSegments + 1;
        QList<QPointF> first;
        for (qsizetype i = 0; i < joined; ++i)
            first += segments.at(i);
        segments.remove(0, joined);
        segments.prepend(std::move(first));
    }
    return segments;
}

QList<QPointF> windowPoints(const SeriesBuffer &buffer, qint64 fromMs, qint64 toMs, int columns)
{
    if (buffer.isEmpty() || toMs <= fromMs)
        return {};
    QList<QPointF> points = buffer.decimated(fromMs, toMs - 1, std::max(1, columns));
    const qsizetype after = lowerBound(buffer, toMs);
    const qsizetype firstInside = lowerBound(buffer, fromMs);
    const qsizetype before = firstInside - 1;
    if (before >= 0 && before + 1 < buffer.size() && !buffer.startsSegment(before + 1))
        points.prepend(sample(buffer, before));
    if (after < buffer.size() && after > 0 && !buffer.startsSegment(after))
        points.append(sample(buffer, after));
    return points;
}

} // namespace SeriesSegments
