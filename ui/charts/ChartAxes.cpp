#include "ChartAxes.h"

#include "DisplayTime.h"

#include <QCategoryAxis>
#include <QChart>
#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

namespace {

// Qt Charts pads each label by this much on both sides and truncates a label wider than its
// share of the axis (the axis length over the number of category boundaries).
constexpr double LabelPadding = 4;
constexpr int MaximumTicks = 12;

bool sameTicks(const AxisTicks::TickSet &a, const AxisTicks::TickSet &b)
{
    if (a.ticks.size() != b.ticks.size())
        return false;
    for (qsizetype i = 0; i < a.ticks.size(); ++i) {
        if (a.ticks[i].value != b.ticks[i].value || a.ticks[i].label != b.ticks[i].label)
            return false;
    }
    return true;
}

QCategoryAxis *newAxis()
{
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setTitleVisible(false);
    axis->setMinorTickCount(0);
    axis->setTruncateLabels(true);
    return axis;
}

} // namespace

ChartAxes::ChartAxes(QChart *chart)
    : m_chart(chart)
    , m_time(newAxis())
{
    m_sides[0].axis = newAxis();
    m_sides[1].axis = newAxis();
    m_sides[0].visible = true;
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_sides[0].axis, Qt::AlignLeft);
    chart->addAxis(m_sides[1].axis, Qt::AlignRight);
    // The right axis shows no grid of its own: its ticks need not meet the left one's lines.
    m_sides[1].axis->setGridLineVisible(false);
    m_sides[1].axis->setVisible(false);
}

QAbstractAxis *ChartAxes::timeAxis() const
{
    return m_time;
}

QAbstractAxis *ChartAxes::valueAxis(int side) const
{
    return m_sides[size_t(sideIndex(side))].axis;
}

void ChartAxes::setLabelsFont(const QFont &font)
{
    m_font = font;
    m_time->setLabelsFont(font);
    for (Side &side : m_sides) {
        side.axis->setLabelsFont(font);
        side.set = false;
    }
    m_set = false;
}

void ChartAxes::setColors(const QColor &text, const QColor &grid, const QColor &line)
{
    for (QCategoryAxis *axis : {m_time, m_sides[0].axis, m_sides[1].axis}) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(line);
    }
}

void ChartAxes::setValueFormat(int index, bool log, const QString &unit)
{
    Side &side = m_sides[size_t(sideIndex(index))];
    if (side.log == log && side.unit == unit)
        return;
    side.log = log;
    side.unit = unit;
    side.set = false;
}

bool ChartAxes::isLog(int side) const
{
    return m_sides[size_t(sideIndex(side))].log;
}

std::pair<double, double> ChartAxes::valueRange(int side) const
{
    const Side &s = m_sides[size_t(sideIndex(side))];
    return {s.low, s.high};
}

const AxisTicks::TickSet &ChartAxes::valueTicks(int side) const
{
    return m_sides[size_t(sideIndex(side))].ticks;
}

bool ChartAxes::setRanges(qint64 fromMs, qint64 toMs, double low, double high, const QSizeF &plotSize)
{
    return setRanges(fromMs, toMs, {low, high}, std::nullopt, plotSize);
}

bool ChartAxes::setRanges(qint64 fromMs, qint64 toMs, std::pair<double, double> left,
                          std::optional<std::pair<double, double>> right, const QSizeF &plotSize)
{
    if (toMs <= fromMs)
        toMs = fromMs + 1;
    if (const QTimeZone zone = DisplayTime::zone(); zone != m_zone) {
        m_zone = zone;
        m_set = false;
    }
    bool changed = !m_set || plotSize != m_plotSize;
    if (!m_set || fromMs != m_from || toMs != m_to || plotSize.width() != m_plotSize.width()) {
        changed |= apply(m_time, m_timeTicks, fittingTimeTicks(fromMs, toMs, plotSize.width()));
        if (!m_set || fromMs != m_from || toMs != m_to) {
            m_time->setRange(double(fromMs), double(toMs));
            changed = true;
        }
    }
    if (plotSize.height() != m_plotSize.height()) {
        for (Side &side : m_sides)
            side.set = false;
    }
    changed |= setValueRange(m_sides[0], left.first, left.second, plotSize.height());
    Side &rightSide = m_sides[1];
    if (right.has_value() != rightSide.visible) {
        rightSide.visible = right.has_value();
        rightSide.axis->setVisible(rightSide.visible);
        changed = true;
    }
    if (right)
        changed |= setValueRange(rightSide, right->first, right->second, plotSize.height());
    m_from = fromMs;
    m_to = toMs;
    m_plotSize = plotSize;
    m_set = true;
    return changed;
}

bool ChartAxes::setValueRange(Side &side, double low, double high, double height)
{
    if (!std::isfinite(low) || !std::isfinite(high)) {
        low = 0;
        high = 1;
    }
    if (!(high > low))
        high = low + std::max(1.0, std::abs(low) * 1e-9);
    if (side.set && low == side.low && high == side.high)
        return false;
    bool changed = apply(side.axis, side.ticks, fittingValueTicks(side, low, high, height));
    if (!side.set || low != side.low || high != side.high) {
        side.axis->setRange(low, high);
        changed = true;
    }
    side.low = low;
    side.high = high;
    side.set = true;
    return changed;
}

QStringList ChartAxes::timeLabels() const
{
    return m_time->categoriesLabels();
}

QStringList ChartAxes::valueLabels(int side) const
{
    const Side &s = m_sides[size_t(sideIndex(side))];
    return s.visible ? s.axis->categoriesLabels() : QStringList();
}

AxisTicks::TickSet ChartAxes::fittingTimeTicks(qint64 fromMs, qint64 toMs, double width) const
{
    const QFontMetricsF metrics(m_font);
    const double gap = 2 * metrics.averageCharWidth();
    // A first guess from a typical label, then fewer until the widest one fits its share.
    const double typical = metrics.horizontalAdvance(QStringLiteral("00:00:00")) + 2 * LabelPadding + gap;
    int maxTicks = std::clamp(int(width / typical) - 1, 2, MaximumTicks);
    AxisTicks::TickSet ticks;
    for (;;) {
        ticks = AxisTicks::timeTicks(fromMs, toMs, maxTicks, m_zone);
        double widest = 0;
        for (const AxisTicks::Tick &tick : std::as_const(ticks.ticks))
            widest = std::max(widest, metrics.horizontalAdvance(tick.label));
        const double share = width / double(ticks.ticks.size() + 1);
        if (maxTicks <= 2 || ticks.ticks.size() <= 2 || widest + 2 * LabelPadding + gap <= share)
            break;
        maxTicks = std::min<int>(maxTicks, int(ticks.ticks.size())) - 1;
    }
    // A label is centred on its tick: one at the very end of the axis would be cut off by the
    // edge of the chart (a following view puts a round "now" there).
    const QRectF plot = m_chart->plotArea();
    const double room = plot.isEmpty() ? 0 : m_chart->size().width() - plot.right();
    while (ticks.ticks.size() > 2) {
        const AxisTicks::Tick &last = ticks.ticks.last();
        const double x = (last.value - double(fromMs)) / double(toMs - fromMs) * width;
        if (x + metrics.horizontalAdvance(last.label) / 2 <= width + room)
            break;
        ticks.ticks.removeLast();
    }
    return ticks;
}

AxisTicks::TickSet ChartAxes::fittingValueTicks(const Side &side, double low, double high, double height) const
{
    const auto ticksOf = [&side, low, high](int maxTicks) {
        return side.log ? AxisTicks::logTicks(low, high, maxTicks, side.unit)
                        : AxisTicks::valueTicks(low, high, maxTicks, side.unit);
    };
    const QFontMetricsF metrics(m_font);
    const double pitch = 2 * metrics.height() + 2 * LabelPadding;
    const int comfortable = std::clamp(int(height / pitch), 2, 10);
    AxisTicks::TickSet ticks = ticksOf(comfortable);
    // A step that fits the comfortable count may leave a single tick (-44..-36 in four: only -40
    // with a step of 5); one label does not tell a scale. Take more ticks, as long as their labels
    // do not touch.
    const int dense = std::clamp(int(height / (metrics.height() + 2 * LabelPadding)), 2, 12);
    if (ticks.ticks.size() < 2 && dense > comfortable)
        ticks = ticksOf(dense);
    // A short plot: two labels that nearly touch still tell a scale, one does not.
    if (ticks.ticks.size() < 2 && height >= 2 * metrics.height())
        ticks = ticksOf(std::max(dense, comfortable) + 2);
    return ticks;
}

bool ChartAxes::apply(QCategoryAxis *axis, AxisTicks::TickSet &shown, AxisTicks::TickSet ticks)
{
    if (sameTicks(ticks, shown) && axis->count() == ticks.ticks.size())
        return false;
    shown = std::move(ticks);
    const QStringList old = axis->categoriesLabels();
    for (const QString &label : old)
        axis->remove(label);
    if (shown.ticks.isEmpty())
        return true;
    // The first category starts off the axis, so the only boundaries drawn are the ticks.
    const double first = shown.ticks.first().value;
    const double last = shown.ticks.last().value;
    axis->setStartValue(first - std::max({2 * shown.step, last - first, std::abs(first) * 1e-9, 1e-300}));
    for (const AxisTicks::Tick &tick : std::as_const(shown.ticks))
        axis->append(tick.label, tick.value);
    return true;
}
