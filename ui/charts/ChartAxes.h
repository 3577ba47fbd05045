#pragma once

#include "AxisTicks.h"

#include <QColor>
#include <QFont>
#include <QSizeF>
#include <QStringList>
#include <QTimeZone>

#include <array>
#include <optional>
#include <utility>

class QAbstractAxis;
class QCategoryAxis;
class QChart;

// The axes of a time-series chart: time at the bottom, values on the left and, while some series
// is drawn against it, on the right. The chart says which ranges it shows on a plot of which
// size; the ticks come from AxisTicks (a bounded number, round values, labels that fit) and are
// handed to category axes as they are, so the axes never derive ticks of their own. Categories
// are rebuilt only when the tick set changes. The axes belong to the chart.
//
// A logarithmic value axis is linear in log10 of the values: its range and its ticks' values are
// log10 (the series drawn against it are given log10 of their values), its labels name the
// values.
//
// Times are labelled in the zone Preferences chose (DisplayTime); a change of it is seen at the
// next setRanges().
class ChartAxes
{
public:
    explicit ChartAxes(QChart *chart);

    QAbstractAxis *timeAxis() const;
    QAbstractAxis *valueAxis(int side = 0) const; // 0 left, 1 right

    void setLabelsFont(const QFont &font);
    void setColors(const QColor &text, const QColor &grid, const QColor &line);
    // The scale and unit of a value axis' labels ("" none; "B/s" takes SI prefixes).
    void setValueFormat(int side, bool log, const QString &unit);
    bool isLog(int side) const;

    // Times in ms since the epoch, value ranges in axis units, the plot size in pixels. Without a
    // right range the right axis is hidden. Returns whether an axis changed.
    bool setRanges(qint64 fromMs, qint64 toMs, double low, double high, const QSizeF &plotSize);
    bool setRanges(qint64 fromMs, qint64 toMs, std::pair<double, double> left,
                   std::optional<std::pair<double, double>> right, const QSizeF &plotSize);

    bool hasRightAxis() const { return m_sides[1].visible; }
    std::pair<qint64, qint64> timeRange() const { return {m_from, m_to}; }
    std::pair<double, double> valueRange(int side = 0) const; // axis units
    const AxisTicks::TickSet &timeTicks() const { return m_timeTicks; }
    const AxisTicks::TickSet &valueTicks(int side = 0) const;
    QStringList timeLabels() const;
    QStringList valueLabels(int side = 0) const; // empty for a hidden axis

private:
    struct Side
    {
        QCategoryAxis *axis = nullptr;
        AxisTicks::TickSet ticks;
        double low = 0;
        double high = 1;
        bool log = false;
        QString unit;
        bool visible = false;
        bool set = false; // the range and ticks match low, high and the plot height
    };

    bool setValueRange(Side &side, double low, double high, double height);
    AxisTicks::TickSet fittingTimeTicks(qint64 fromMs, qint64 toMs, double width) const;
    AxisTicks::TickSet fittingValueTicks(const Side &side, double low, double high, double height) const;
    static bool apply(QCategoryAxis *axis, AxisTicks::TickSet &shown, AxisTicks::TickSet ticks);
    static int sideIndex(int side) { return side == 1 ? 1 : 0; }

    QChart *m_chart;
    QCategoryAxis *m_time = nullptr;
    std::array<Side, 2> m_sides;
    QFont m_font;
    QTimeZone m_zone; // the zone of the time labels shown
    AxisTicks::TickSet m_timeTicks;
    qint64 m_from = 0;
    qint64 m_to = 0;
    QSizeF m_plotSize;
    bool m_set = false;
};
