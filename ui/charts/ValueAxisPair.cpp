#include "ValueAxisPair.h"

#include "AxisTicks.h"

#include <cmath>
#include <limits>

std::optional<double> ValueAxisPair::toAxis(int axis, double value) const
{
    if (!(*this)[axis].log)
        return value;
    if (!(value > 0))
        return std::nullopt;
    return std::log10(value);
}

double ValueAxisPair::fromAxis(int axis, double axisValue) const
{
    return (*this)[axis].log ? std::pow(10.0, axisValue) : axisValue;
}

std::optional<ValueAxisPair::Range> ValueAxisPair::toAxis(int axis, Range values) const
{
    const auto low = toAxis(axis, values.first);
    const auto high = toAxis(axis, values.second);
    if (!low || !high || !std::isfinite(*low) || !std::isfinite(*high))
        return std::nullopt;
    return Range(*low, *high);
}

ValueAxisPair::Range ValueAxisPair::shownValues(int axis) const
{
    const Range shown = (*this)[axis].shown;
    return {fromAxis(axis, shown.first), fromAxis(axis, shown.second)};
}

ValueAxisPair::Range ValueAxisPair::fit(int axis, const std::vector<const QList<QPointF> *> &points,
                                        qint64 fromMs, qint64 toMs, int *hidden)
{
    Axis &state = (*this)[axis];
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    int notShown = 0;
    for (const QList<QPointF> *list : points) {
        for (const QPointF &p : *list) {
            if (p.x() < double(fromMs) || p.x() > double(toMs) || !std::isfinite(p.y()))
                continue;
            const auto y = toAxis(axis, p.y());
            if (!y) {
                ++notShown;
                continue;
            }
            low = std::min(low, *y);
            high = std::max(high, *y);
        }
    }
    if (hidden)
        *hidden += notShown;
    if (low > high)
        return state.autoRange.value_or(Range(0.0, 1.0));
    state.autoRange = state.log ? AxisTicks::autoLogRange(low, high, state.autoRange)
                                : AxisTicks::autoRange(low, high, state.autoRange);
    return *state.autoRange;
}

void ValueAxisPair::setUnits(const std::vector<PlotSeries> &series)
{
    for (int axis : {0, 1}) {
        std::optional<QString> common;
        bool mixed = false;
        for (const PlotSeries &s : series) {
            if (index(s.axis) != axis)
                continue;
            if (!common)
                common = s.unit;
            else if (*common != s.unit)
                mixed = true;
        }
        (*this)[axis].unit = mixed ? QString() : common.value_or(QString());
    }
}
