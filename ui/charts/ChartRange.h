#pragma once

#include <QtGlobal>

#include <optional>
#include <utility>

// The arithmetic of a time-series view, free of any widget: which time range a following chart
// shows, the decimation grid, and what zooming and panning do to a range. Times are ms since the
// epoch.
namespace ChartRange {

constexpr qint64 MinimumSpanMs = 10;
constexpr qint64 MaximumSpanMs = 100LL * 365 * 86'400'000; // a century
constexpr double WheelStepFactor = 0.8; // the span after one wheel notch in

struct TimeRange
{
    qint64 from = 0;
    qint64 to = 0;

    qint64 span() const { return to - from; }
    friend bool operator==(const TimeRange &, const TimeRange &) = default;
};

// Columns of `step` ms on a grid anchored at the epoch, so that a column keeps its samples from
// frame to frame and a min/max envelope does not shimmer while the view scrolls. Column k is
// [from + k * step, from + (k + 1) * step).
struct Grid
{
    qint64 from = 0;
    qint64 to = 0;
    qint64 step = 1;
    int columns = 1;

    friend bool operator==(const Grid &, const Grid &) = default;
};

qint64 floorDiv(qint64 a, qint64 b);
qint64 ceilDiv(qint64 a, qint64 b);

// About one column per pixel of a plot `plotWidth` pixels wide.
Grid gridFor(TimeRange range, int plotWidth);

// What a following view shows: `span` ms up to now, the right edge moved on to the next column
// boundary (less than a pixel) so that the grid does not slide under the samples.
TimeRange followRange(qint64 nowMs, qint64 spanMs, int plotWidth);

// A span rounded up to a whole number of round intervals (about a tenth of it), for a window
// that grows with the data: it changes in steps, not on every frame.
qint64 roundedSpan(qint64 spanMs);

// How far past now an interactive zoom or pan may look: a twentieth of the span.
qint64 futureMargin(qint64 spanMs);

// Ordered, and at least MinimumSpanMs and at most MaximumSpanMs long (around its middle).
TimeRange normalized(TimeRange range);

// Shifted back, keeping its span, so that it ends no later than now + futureMargin(span).
TimeRange keptBeforeNow(TimeRange range, qint64 nowMs);

// Scaled by `factor` (< 1 zooms in) around `anchorMs`, which stays where it is on screen.
// With `nowMs`, the result never ends after now + futureMargin(span).
TimeRange zoomed(TimeRange range, double anchorMs, double factor, std::optional<qint64> nowMs = {});
TimeRange panned(TimeRange range, qint64 shiftMs, std::optional<qint64> nowMs = {});

// The window of a following view after a zoom by `factor`: the right edge stays at now.
qint64 zoomedSpan(qint64 spanMs, double factor);

// A value range scaled around `anchor`, or unchanged when the result would be too narrow for the
// doubles to tell its ends apart or too wide to stay finite.
std::pair<double, double> zoomedValues(std::pair<double, double> range, double anchor, double factor);
std::pair<double, double> pannedValues(std::pair<double, double> range, double shift);

// The zoom factor of a wheel turn (120 per notch; positive zooms in).
double wheelFactor(int angleDelta);

} // namespace ChartRange
