#pragma once

#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>
#include <utility>

// Axis ticks as pure functions: a short list of (value, label) pairs for any range, computed in
// O(maxTicks) whatever the doubles, so that a chart can hand exactly these to its axis instead of
// letting the axis derive ticks from a range and an interval.
namespace AxisTicks {

struct Tick
{
    double value;
    QString label;
};

struct TickSet
{
    double step = 0; // for time ticks: milliseconds (months and years at their average length)
    QList<Tick> ticks; // ascending, every value inside [min, max], labels pairwise distinct
};

// Steps of 1, 2 or 5 × 10^n, at most maxTicks ticks (clamped to [2, 12]). A reversed range is
// swapped; a range too narrow for any step the doubles can represent (a constant, 1e17..1e17+16)
// gets one tick with the shortest value inside it; NaN or an infinity give an empty set.
TickSet valueTicks(double min, double max, int maxTicks = 8);

// Round clock times: fixed steps from 1 ms to 30 min anchored to the zone's clock, whole hours
// (1, 2, 3, 6, 12) and days (1, 2, 7: Mondays) on the zone's wall clock, then months and years.
// The step depends on the span only, so ticks stay on the same instants while a window of one
// width scrolls. Labels: "19:00:05.250" below a second, "19:00:05", "19:05", "Dec 1 19:00" when
// hourly ticks cross a date, "Dec 1", "2026-12", "2026"; a wall-clock time that repeats (the hour
// after a DST change) gets its UTC offset appended. Times beyond ±8.64e15 ms give an empty set.
TickSet timeTicks(qint64 fromMs, qint64 toMs, int maxTicks = 8,
                  const QTimeZone &zone = QTimeZone::systemTimeZone());

// The value range to show for data from low to high: 5 % margin (not across zero for data of one
// sign), ends rounded outward to a nice grid; a constant gets ±10 % of |v| (±1 at 0). Values are
// clamped to ±DBL_MAX / 4 and a NaN end is replaced by the other one. `current` is returned
// unchanged while the data lies within its inner 98 % (or touches an end that is zero) and the new
// range would not be less than half as wide, so that the axis does not twitch.
std::pair<double, double> autoRange(double low, double high,
                                    std::optional<std::pair<double, double>> current = {});

} // namespace AxisTicks

// Numbers as people read them. Digits are grouped in threes with ',' and the decimal point is '.'
// whatever the system locale (the C locale with group separators), so that labels do not change
// width or meaning from one machine to the next.
namespace ValueFormat {

// One tick of an axis: the style is chosen from the step and the largest |value| of the axis, so
// every label of that axis reads alike, at the precision the step needs:
//  - scientific with a shared exponent when the magnitude is >= 1e15 or below 1e-4:
//    "1.0e-9", "1.5e-9"; "-0.5e300", "1.0e300";
//  - an SI suffix (k, M, G, T) from 1e4 when at most two decimals of it carry the step:
//    "12.5 k", "250 M", "1.5 G";
//  - grouped digits otherwise: "16,384", "1,764,590,401", "0.25", "-40".
// Zero is "0" in the first two styles. Without a step (not positive and finite): readout(value).
QString tickLabel(double value, double step, double axisMagnitude);

// Full precision for readouts and tooltips: up to 15 significant digits without trailing zeros,
// grouped digits from 1e-4 up to 1e15, scientific outside: "1,764,590,400", "0.5", "1.5e-9".
QString readout(double value);

} // namespace ValueFormat
