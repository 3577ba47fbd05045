#pragma once

#include "ValueFormat.h"

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
// gets one tick with the shortest value inside it; NaN or an infinity give an empty set. Labels
// are ValueFormat::tickLabel() with `unit` ("1.5 MB/s", "-40 °C").
TickSet valueTicks(double min, double max, int maxTicks = 8, const QString &unit = QString());

// Ticks of a logarithmic axis. The axis is linear in log10 of the values: `lowLog` and `highLog`
// are its ends as log10 (-9 for 1e-9), and every tick's value is the log10 of the value its label
// names. Ticks stand on decades ("1", "10", "100", "1,000", "1e4", "1e-9"; with a unit
// "1 kB/s", "1 ns"); every 2nd, 5th, 10th, 20th … decade when more decades are visible than
// maxTicks (clamped to [2, 12]); with 2 and 5 between the decades when there is room for them
// all (1, 2, 5, 10, 20, 50). Less than a decade gets 1…9 × 10^n ("200", "300", … "800"), and a
// range too narrow even for those the linear ticks of its values. Steps are in decades (the
// smallest gap between two ticks). NaN, an infinity or an end beyond the doubles (below -324 or
// above 308.26) give an empty set.
TickSet logTicks(double lowLog, double highLog, int maxTicks = 8, const QString &unit = QString());

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

// The same for a logarithmic axis, in log10 of the values: data spanning a decade or more gets
// whole decades around it (0.5..2000 shows 0.1..10,000); less than a decade gets a window one
// decade wide (or 10 % wider than the data) centred on it. `current` is kept on the same terms
// as autoRange(), an end on a whole decade taking the part of its zero end. NaN ends as in autoRange(); ends are clamped to the doubles' decades
// [-323, 308].
std::pair<double, double> autoLogRange(double lowLog, double highLog,
                                       std::optional<std::pair<double, double>> current = {});

} // namespace AxisTicks
