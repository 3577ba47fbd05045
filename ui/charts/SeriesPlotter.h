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
// SeriesSegments::MaximumSegments per field. A field is drawn against the left or the right value
// axis; on a logarithmic one its lines hold log10 of the values and values <= 0 are left out
// like a break.
class SeriesPlotter
{
public:
    SeriesPlotter(QChart *chart, QAbstractAxis *timeAxis, QAbstractAxis *leftAxis, QAbstractAxis *rightAxis);

    void setFields(const QList<PlotSeries> &fields); // drops every line
    int fieldCount() const { return int(m_fields.size()); }
    int axisOf(int field) const;
    // Takes effect on the next setPoints() of the fields on that axis.
    void setLogScale(int axis, bool log);
    bool isLog(int field) const;

    // The points of a field as given to setPoints(), and as drawn: in values, breaks included,
    // values that cannot be drawn (<= 0 on a logarithmic axis) replaced by breaks.
    void setPoints(int field, const QList<QPointF> &points);
    const QList<QPointF> &sourcePoints(int field) const;
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
        int axis = 0;
        int used = 0; // lines holding points
        QList<QPointF> source;
        QList<QPointF> points;
    };

    QLineSeries *addLine(const Field &field, bool inLegend);

    QChart *m_chart;
    QAbstractAxis *m_timeAxis;
    QAbstractAxis *m_valueAxes[2];
    bool m_log[2] = {false, false};
    std::vector<Field> m_fields;
    bool m_openGL = false;
};
