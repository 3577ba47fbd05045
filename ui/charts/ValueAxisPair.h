#pragma once

#include "PlotSeries.h"

#include <QList>
#include <QPointF>
#include <QString>

#include <array>
#include <optional>
#include <utility>
#include <vector>

// The state of a chart's two value axes (0 left, 1 right) between frames: scale, unit, the range
// shown and the auto range it was fitted to. Ranges are in axis units: the values on a linear
// axis, their log10 on a logarithmic one.
class ValueAxisPair
{
public:
    using Range = std::pair<double, double>;

    struct Axis
    {
        bool log = false;
        QString unit; // shared by all its series, else empty
        Range shown{0, 1};
        std::optional<Range> autoRange;
    };

    Axis &operator[](int axis) { return m_axes[size_t(index(axis))]; }
    const Axis &operator[](int axis) const { return m_axes[size_t(index(axis))]; }
    static int index(int axis) { return axis == 1 ? 1 : 0; }

    // Where a value goes on an axis; none for a value <= 0 (or NaN) on a logarithmic one.
    std::optional<double> toAxis(int axis, double value) const;
    double fromAxis(int axis, double axisValue) const;
    std::optional<Range> toAxis(int axis, Range values) const;
    Range shownValues(int axis) const; // the shown range in values

    // The auto range of an axis fitted to `points` (those of its series) within [fromMs, toMs],
    // remembered for the next frame; the last one (or 0..1) without any point. `hidden` counts the
    // values a logarithmic axis cannot show.
    Range fit(int axis, const std::vector<const QList<QPointF> *> &points, qint64 fromMs, qint64 toMs,
              int *hidden);

    // Sets each axis' unit from the series drawn against it.
    void setUnits(const std::vector<PlotSeries> &series);

private:
    std::array<Axis, 2> m_axes;
};
