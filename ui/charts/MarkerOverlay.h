#pragma once

#include "ChartMarker.h"

#include <QColor>
#include <QFont>
#include <QList>
#include <QRectF>
#include <QStringList>

#include <vector>

class QChart;
class QGraphicsLineItem;
class QGraphicsSimpleTextItem;

// Thin vertical lines across a chart's plot area at the markers' times, each with its label at
// the top, elided to the room before the next line. Only markers within the time range are
// drawn, at most MaximumLines, and markers falling on one pixel column share a line (the first
// one's label).
class MarkerOverlay
{
public:
    static constexpr int MaximumLines = 200;

    explicit MarkerOverlay(QChart *chart);

    void setMarkers(const QList<ChartMarker> &markers);
    const QList<ChartMarker> &markers() const { return m_markers; }

    void setFont(const QFont &font);
    void setColors(const QColor &line, const QColor &text);

    // Places the lines for a view of [fromMs, toMs] on `plotArea` (chart coordinates).
    void layout(qint64 fromMs, qint64 toMs, const QRectF &plotArea);
    QList<QRectF> lines() const; // the drawn ones, one pixel wide, in chart coordinates
    QStringList labels() const;  // their labels as shown (elided; empty when there is no room)

private:
    struct Item
    {
        QGraphicsLineItem *line = nullptr;
        QGraphicsSimpleTextItem *text = nullptr;
    };

    QChart *m_chart;
    QList<ChartMarker> m_markers; // by time
    std::vector<Item> m_items;
    QFont m_font;
    QColor m_lineColor;
    QColor m_textColor;
};
