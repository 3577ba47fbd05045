#pragma once

#include "AxisTicks.h"

#include <QColor>
#include <QFont>
#include <QSizeF>
#include <QStringList>
#include <QTimeZone>

#include <utility>

class QAbstractAxis;
class QCategoryAxis;
class QChart;

// The two axes of a time-series chart. The chart says which ranges it shows on a plot of which
// size; the ticks come from AxisTicks (a bounded number, round values, labels that fit) and are
// handed to category axes as they are, so the axes never derive ticks of their own. Categories
// are rebuilt only when the tick set changes. The axes belong to the chart.
class ChartAxes
{
public:
    explicit ChartAxes(QChart *chart);

    QAbstractAxis *timeAxis() const;
    QAbstractAxis *valueAxis() const;

    void setLabelsFont(const QFont &font);
    void setColors(const QColor &text, const QColor &grid, const QColor &line);
    void setTimeZone(const QTimeZone &zone);

    // Times in ms since the epoch, the plot size in pixels. Returns whether an axis changed.
    bool setRanges(qint64 fromMs, qint64 toMs, double low, double high, const QSizeF &plotSize);

    std::pair<qint64, qint64> timeRange() const { return {m_from, m_to}; }
    std::pair<double, double> valueRange() const { return {m_low, m_high}; }
    const AxisTicks::TickSet &timeTicks() const { return m_timeTicks; }
    const AxisTicks::TickSet &valueTicks() const { return m_valueTicks; }
    QStringList timeLabels() const;
    QStringList valueLabels() const;

private:
    AxisTicks::TickSet fittingTimeTicks(qint64 fromMs, qint64 toMs, double width) const;
    AxisTicks::TickSet fittingValueTicks(double low, double high, double height) const;
    static bool apply(QCategoryAxis *axis, AxisTicks::TickSet &shown, AxisTicks::TickSet ticks);

    QChart *m_chart;
    QCategoryAxis *m_time = nullptr;
    QCategoryAxis *m_value = nullptr;
    QFont m_font;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    AxisTicks::TickSet m_timeTicks;
    AxisTicks::TickSet m_valueTicks;
    qint64 m_from = 0;
    qint64 m_to = 0;
    double m_low = 0;
    double m_high = 1;
    QSizeF m_plotSize;
    bool m_set = false;
};
