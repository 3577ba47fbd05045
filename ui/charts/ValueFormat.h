#pragma once

#include <QString>

// Numbers as people read them, for axes, readouts, stat tiles and statistics tables. Pure
// functions: no locale, no widgets. Digits are grouped in threes with ',' and the decimal point is
// '.' whatever the system locale (the C locale with group separators), so that labels do not
// change width or meaning from one machine to the next. A value that is not finite reads "nan",
// "inf" or "-inf" (followed by the unit, if any).
//
// Units. A unit is free text; how a value takes it depends on the unit:
//  - SI-style units take a decimal prefix (powers of 1000, never 1024) attached to them:
//    B, b, bit, bps, s, m, g, Hz, W, Wh, V, A, J, N, Pa, Ω, l, L, F, C, with an optional per-
//    something tail ("B/s", "m/s", "bit/s"). A unit given with a prefix is read as such ("kB/s",
//    "ms", "MB", "µs"; 'u' and 'K' are read as µ and k) and the value is shown in whichever prefix
//    suits it: 1500 with "ms" is "1.5 s", 0.5 with "ms" is "500 µs", 2048 with "MB" is "2.048 GB".
//    Quantities that are never fractions of their unit (bytes, bits) take no prefix below one
//    ("0.5 B"); seconds take none above one ("7,200 s", not "7.2 ks"). Prefixes run from y
//    (1e-24) to Y (1e24); beyond them the number is written in scientific notation ("1e300 B").
//  - Units that must not take a prefix are shown as the plain number and the unit: "%", "‰", any
//    unit starting with "°" ("°C", "°F", "°"), "K", "dB", "dBm", "ppm", "rpm", "min", "h", "d",
//    "x", "×", "KiB", "MiB", "GiB", "TiB".
//  - Any other unit ("req/s", "events", "users") follows the number and its own SI suffix, as
//    separate words: "12.5 k req/s".
// An empty unit gives exactly the number, as without a unit.
namespace ValueFormat {

// Compact, for stat tiles and table cells: `significantDigits` (1..17) significant digits with
// trailing zeros dropped, in the prefix that suits the value:
//   withUnit(1500, "B/s") == "1.5 kB/s"        withUnit(250e6, "B") == "250 MB"
//   withUnit(0.012, "s") == "12 ms"             withUnit(12, "ms") == "12 ms"
//   withUnit(21.5, "°C") == "21.5 °C"           withUnit(99.94, "%") == "99.94 %"
//   withUnit(1234567, "B") == "1.235 MB"        withUnit(-1500, "W") == "-1.5 kW"
//   withUnit(12500, "req/s") == "12.5 k req/s"  withUnit(0, "B/s") == "0 B/s"
//   withUnit(1234, "") == "1,234"               withUnit(1.5e-9, "") == "1.5e-9"
// Without a unit or with one that takes no prefix: grouped digits from 1e-4 to below 1e4
// ("1,234", "0.01235"), then SI suffixes k, M, G, T ("12.35 k") for units that allow them,
// scientific from 1e15 and below 1e-4 ("1.5e-9"). Digits before the point are never dropped
// where no larger prefix or suffix is available: withUnit(1234567, "%") == "1,234,567 %",
// withUnit(7200.4, "s", 2) == "7,200 s".
QString withUnit(double value, const QString &unit, int significantDigits = 4);

// Full precision for readouts and tooltips: up to 15 significant digits without trailing zeros,
// grouped digits from 1e-4 up to 1e15, scientific outside: "1,764,590,400", "0.5", "1.5e-9".
QString readout(double value);
// The same precision with a unit: SI-style units take their prefix as in withUnit()
// ("1.7645904 GB", "1.234567 ms"), other units follow the full number ("21.5 °C",
// "1,764,590,400 req/s"); an empty unit is readout(value).
QString readout(double value, const QString &unit);

// One tick of an axis: the style is chosen from the step and the largest |value| of the axis, so
// every label of that axis reads alike, at the precision the step needs:
//  - scientific with a shared exponent when the magnitude is >= 1e15 or below 1e-4:
//    "1.0e-9", "1.5e-9"; "-0.5e300", "1.0e300";
//  - an SI suffix (k, M, G, T) from 1e4 when at most two decimals of it carry the step:
//    "12.5 k", "250 M", "1.5 G";
//  - grouped digits otherwise: "16,384", "1,764,590,401", "0.25", "-40".
// Zero is "0" in the first two styles. Without a step (not positive and finite): readout(value).
QString tickLabel(double value, double step, double axisMagnitude);
// The same with a unit. SI-style units share one prefix along the axis, chosen from the magnitude
// and kept as long as at most two decimals of it carry the step (else the largest smaller one
// that needs no decimals for it): "0 B/s", "0.5 MB/s", "1.0 MB/s"; "12.5 ms"; a step of 5 B or
// 10 B at 1.76e9 B gives "1,764,590,415 B" or "1,764,590,410 B". Beyond the prefixes (y..Y) the
// labels are scientific as without a unit: "0.2e27 W".
// Units without a prefix follow the label of the number alone without SI suffixes: "-40 °C",
// "100,000 %"; any other unit follows the number's own label: "12.5 k req/s". Zero takes no
// prefix: "0 B/s".
QString tickLabel(double value, double step, double axisMagnitude, const QString &unit);

// Whether `unit` is SI-style (takes an attached decimal prefix), as described above: true for
// "B/s", "kB", "ms", "W"; false for "", "%", "°C", "req/s", "MiB".
bool takesPrefix(const QString &unit);

} // namespace ValueFormat
