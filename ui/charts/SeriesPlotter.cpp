#include "SeriesPlotter.h"

#include "SeriesSegments.h"

#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>

#include <cmath>
#include <limits>

SeriesPlotter::SeriesPlotter(QChart *chart, QAbstractAxis *timeAxis, QAbstractAxis *leftAxis,
                             QAbstractAxis *rightAxis)
    : m_chart(chart)
    , m_timeAxis(timeAxis)
    , m_valueAxes{leftAxis, rightAxis}
{
}

int SeriesPlotter::axisOf(int field) const
{
    return field >= 0 && field < fieldCount() ? m_fields[size_t(field)].axis : 0;
}

void SeriesPlotter::setLogScale(int axis, bool log)
{
    if (axis == 0 || axis == 1)
        m_log[axis] = log;
}

bool SeriesPlotter::isLog(int field) const
{
    return m_log[axisOf(field)];
}

void SeriesPlotter::setFields(const QList<PlotSeries> &fields)
{
    for (Field &field : m_fields) {
        for (QLineSeries *line : field.lines) {
            if (m_openGL)
                line->setUseOpenGL(false);
            m_chart->removeSeries(line);
            delete line;
        }
    }
    m_fields.clear();
    m_fields.reserve(size_t(fields.size()));
    for (const PlotSeries &spec : fields) {
        Field field;
        field.name = spec.name;
        field.color = spec.color;
        field.axis = spec.axis == 1 ? 1 : 0;
        field.lines.push_back(addLine(field, true));
        m_fields.push_back(std::move(field));
    }
}

QLineSeries *SeriesPlotter::addLine(const Field &field, bool inLegend)
{
    auto *line = new QLineSeries;
    line->setName(field.name);
    QPen pen(field.color);
    pen.setWidthF(1.5);
    line->setPen(pen);
    line->setPointsVisible(false);
    m_chart->addSeries(line);
    line->attachAxis(m_timeAxis);
    line->attachAxis(m_valueAxes[field.axis]);
    if (m_openGL)
        line->setUseOpenGL(true);
    if (!inLegend) {
        const QList<QLegendMarker *> markers = m_chart->legend()->markers(line);
        for (QLegendMarker *marker : markers)
            marker->setVisible(false);
    }
    return line;
}

void SeriesPlotter::setPoints(int index, const QList<QPointF> &points)
{
    if (index < 0 || index >= fieldCount())
        return;
    Field &field = m_fields[size_t(index)];
    field.source = points;
    field.points = points;
    QList<QPointF> drawn = points;
    if (m_log[field.axis]) {
        constexpr double Break = std::numeric_limits<double>::quiet_NaN();
        for (qsizetype i = 0; i < points.size(); ++i) {
            const double y = points.at(i).y();
            if (y > 0) {
                drawn[i].setY(std::log10(y));
            } else if (!std::isnan(y)) {
                drawn[i].setY(Break);
                field.points[i].setY(Break);
            }
        }
    }
    const QList<QList<QPointF>> segments = SeriesSegments::split(drawn);
    while (field.lines.size() < size_t(segments.size()))
        field.lines.push_back(addLine(field, false));
    for (qsizetype i = 0; i < segments.size(); ++i) {
        QLineSeries *line = field.lines[size_t(i)];
        // A segment of one sample (a connection that delivered one event) has no line to draw:
        // its point is shown as a dot instead.
        const bool lone = segments.at(i).size() == 1;
        if (line->pointsVisible() != lone)
            line->setPointsVisible(lone);
        line->replace(segments.at(i));
    }
    for (int i = int(segments.size()); i < field.used; ++i)
        field.lines[size_t(i)]->replace(QList<QPointF>());
    field.used = int(segments.size());
}

const QList<QPointF> &SeriesPlotter::points(int field) const
{
    static const QList<QPointF> none;
    return field >= 0 && field < fieldCount() ? m_fields[size_t(field)].points : none;
}

const QList<QPointF> &SeriesPlotter::sourcePoints(int field) const
{
    static const QList<QPointF> none;
    return field >= 0 && field < fieldCount() ? m_fields[size_t(field)].source : none;
}

bool SeriesPlotter::hasPoints(int field) const
{
    return !points(field).isEmpty();
}

int SeriesPlotter::segmentCount(int field) const
{
    return field >= 0 && field < fieldCount() ? m_fields[size_t(field)].used : 0;
}

void SeriesPlotter::clearLines()
{
    for (Field &field : m_fields) {
        for (int i = 0; i < field.used; ++i)
            field.lines[size_t(i)]->replace(QList<QPointF>());
        field.used = 0;
    }
}

void SeriesPlotter::setOpenGL(bool enabled)
{
    if (m_openGL == enabled)
        return;
    m_openGL = enabled;
    for (Field &field : m_fields) {
        for (QLineSeries *line : field.lines)
            line->setUseOpenGL(enabled);
    }
}
