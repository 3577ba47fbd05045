#pragma once

#include "PlotSeries.h"

#include <QList>
#include <QPointF>

#include <vector>

class QAbstractAxis;
class QChart;
class QLineSeries;

// The lines of a chart's fields. A field's points may hold breaks (NaN y): each segment between
// them is a line series of its own, in the field's colour and name, and only the first one has a
// legend entry. Line series are pooled per field and reused from frame to frame; at most
// SeriesSegments::MaximumSegments per field.
class SeriesPlotter
{
public:
    SeriesPlotter(QChart *chart, QAbstractAxis *timeAxis, QAbstractAxis *valueAxis);

    void setFields(const QList<PlotSeries> &fields); // drops every line
    int fieldCount() const { return int(m_fields.size()); }

    // The points of a field, breaks included (as given to setPoints()).
    void setPoints(int field, const QList<QPointF> &points);
    const QList<QPointF> &points(int field) const;
    bool hasPoints(int field) const;
    int segmentCount(int field) const; // lines in use

    // Empties every line, keeping the points for the next setPoints(): an axis change costs
    // every series a geometry pass, so it is cheaper on empty ones.
    void clearLines();

    void setOpenGL(bool enabled);

private:
    struct Field
    {
        QString name;
        QColor color;
        std::vector<QLineSeries *> lines;
        int used = 0; // lines holding points
        QList<QPointF> points;
    };

    QLineSeries *addLine(const Field &field, bool inLegend);

    QChart *m_chart;
    QAbstractAxis *m_timeAxis;
    QAbstractAxis *m_valueAxis;
    std::vector<Field> m_fields;
    bool m_openGL = false;
};
