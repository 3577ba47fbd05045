#pragma once

#include <QBrush>
#include <QList>
#include <QRectF>

#include <utility>
#include <vector>

class QChart;
class QGraphicsRectItem;

// Bands over a chart's plot area for the periods a stream was down (reconnecting or failed),
// below the lines. At most MaximumBands rectangles whatever the number of spans: spans closer
// than a sliver of the plot are drawn as one band.
class OutageShading
{
public:
    static constexpr int MaximumBands = 32;

    explicit OutageShading(QChart *chart);

    // In ms since the epoch; an end < 0 means still down (up to now).
    void setSpans(const QList<std::pair<qint64, qint64>> &spans);
    const QList<std::pair<qint64, qint64>> &spans() const { return m_spans; }
    bool hasOpenSpan() const;

    void setBrush(const QBrush &brush);

    // Places the bands for a view of [fromMs, toMs] on `plotArea` (chart coordinates).
    void layout(qint64 fromMs, qint64 toMs, qint64 nowMs, const QRectF &plotArea);
    QList<QRectF> bands() const; // the visible ones, in chart coordinates

private:
    QChart *m_chart;
    QList<std::pair<qint64, qint64>> m_spans; // by start
    std::vector<QGraphicsRectItem *> m_items;
    QBrush m_brush;
};
