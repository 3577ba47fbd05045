#pragma once

#include <QList>
#include <QPointF>

class SeriesBuffer;

// The points a chart line is given for one field, and where that line must be cut.
namespace SeriesSegments {

// Lines per field: each segment is a chart series of its own, so this bounds the series a field
// can add to a chart however often its connection dropped.
constexpr int MaximumSegments = 64;

// The points cut at every NaN y (SeriesBuffer's break marker) into segments, none empty. Beyond
// `maxSegments`, the oldest segments are joined into the first one (their breaks are drawn as
// lines): the newest breaks are the ones an operator is looking at.
QList<QList<QPointF>> split(const QList<QPointF> &points, int maxSegments = MaximumSegments);

// The samples of [fromMs, toMs) decimated into `columns` columns (see SeriesBuffer::decimated),
// with NaN points at breaks, plus the samples just outside on either side when no break lies
// between, so that lines run to the edges of the plot.
QList<QPointF> windowPoints(const SeriesBuffer &buffer, qint64 fromMs, qint64 toMs, int columns);

} // namespace SeriesSegments
