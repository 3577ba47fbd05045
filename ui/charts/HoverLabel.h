#pragma once

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QStringList>

class QChart;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;

// The readout of every series at the hovered time, on the plot beside the crosshair: a few lines
// of text on a translucent box, kept inside the plot area.
class HoverLabel
{
public:
    explicit HoverLabel(QChart *chart);

    void setFont(const QFont &font);
    void setColors(const QColor &text, const QColor &background, const QColor &border);

    // Next to x (chart coordinates): on its right, or on its left where there is no room.
    void show(const QStringList &lines, double x, const QRectF &plotArea);
    void hide();
    bool isVisible() const;
    QStringList lines() const; // empty while hidden
    QRectF rect() const;       // chart coordinates

private:
    QGraphicsRectItem *m_box;
    QGraphicsSimpleTextItem *m_text;
    QStringList m_lines;
};
