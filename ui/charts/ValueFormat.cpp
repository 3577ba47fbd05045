#include "ValueFormat.h"

#include "DecimalMath.h"

#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <cmath>

using DecimalMath::decimalExponent;
using DecimalMath::lastDigitExponent;
using DecimalMath::scaled;

namespace {

const QLocale &numberLocale()
{
    static const QLocale locale = [] {
        QLocale c = QLocale::c();
        c.setNumberOptions(QLocale::DefaultNumberOptions); // the C locale omits group separators
        return c;
    }();
    return locale;
}

QString nonFinite(double value)
{
    if (std::isnan(value))
        return QStringLiteral("nan");
    return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
}

// "-0.00" (a tiny negative value rounded away) reads as zero.
QString withoutNegativeZero(QString text)
{
    if (text.startsWith(u'-')
        && std::all_of(text.cbegin() + 1, text.cend(), [](QChar c) { return c == u'0' || c == u'.' || c == u','; }))
        text.remove(0, 1);
    return text;
}

QString fixed(double value, int decimals)
{
    return withoutNegativeZero(numberLocale().toString(value + 0.0, 'f', std::clamp(decimals, 0, 17)));
}

// Tick labels

enum class Notation { Grouped, Si, Scientific };

struct LabelStyle
{
    Notation notation = Notation::Grouped;
    int decimals = 0;
    int exponent = 0; // Si: the power of 1000; Scientific: the power of ten shared by all labels
};

constexpr int MaxSiDecimals = 2;

// The decimal exponent of an axis' magnitude as its labels show it, at the step's last digit:
// ticks computed as 9.999999999999999e29 with a step of 2e29 reach 1e30 ("1.0e30", not "10e29").
int shownExponent(double magnitude, int last)
{
    const int exponent = decimalExponent(magnitude);
    return exponent >= last && scaled(1, exponent + 1) - magnitude <= scaled(0.5, last) ? exponent + 1 : exponent;
}

LabelStyle labelStyle(double step, double magnitude, bool siSuffixes = true)
{
    magnitude = std::isfinite(magnitude) ? std::abs(magnitude) : 0;
    if (magnitude == 0) // a lone zero
        return {};
    const int last = lastDigitExponent(step);
    const int magnitudeExponent = shownExponent(magnitude, last);
    if (magnitudeExponent >= 15 || magnitudeExponent < -4)
        return {Notation::Scientific, std::clamp(magnitudeExponent - last, 0, 16), magnitudeExponent};
    if (magnitudeExponent >= 4 && siSuffixes) {
        const int power = magnitudeExponent / 3;
        const int decimals = std::max(0, 3 * power - last);
        if (decimals <= MaxSiDecimals)
            return {Notation::Si, decimals, power};
    }
    return {Notation::Grouped, std::clamp(-last, 0, std::max(0, 16 - magnitudeExponent)), 0};
}

QString formatted(double value, const LabelStyle &style)
{
    if (!std::isfinite(value))
        return nonFinite(value);
    value += 0.0; // -0 becomes 0
    switch (style.notation) {
    case Notation::Grouped:
        return fixed(value, style.decimals);
    case Notation::Si: {
        if (value == 0)
            return QStringLiteral("0");
        static constexpr char16_t prefixes[] = u"kMGT";
        return fixed(scaled(value, -3 * style.exponent), style.decimals) + u' '
            + QChar(prefixes[std::clamp(style.exponent, 1, 4) - 1]);
    }
    case Notation::Scientific:
        if (value == 0)
            return QStringLiteral("0");
        return fixed(scaled(value, -style.exponent), style.decimals) + u'e' + QString::number(style.exponent);
    }
    return {};
}

// Units

constexpr int MinPrefix = -24;
constexpr int MaxPrefix = 24;

QChar prefixChar(int exponent) // a multiple of 3 in [MinPrefix, MaxPrefix], not 0
{
    static constexpr char16_t below[] = u"mµnpfazy"; // 1e-3 .. 1e-24
    static constexpr char16_t above[] = u"kMGTPEZY"; // 1e3 .. 1e24
    return exponent < 0 ? QChar(below[-exponent / 3 - 1]) : QChar(above[exponent / 3 - 1]);
}

int prefixExponent(QChar c) // 0: not a prefix
{
    switch (c.unicode()) {
    case u'y': return -24;
    case u'z': return -21;
    case u'a': return -18;
    case u'f': return -15;
    case u'p': return -12;
    case u'n': return -9;
    case u'µ':
    case u'μ': // GREEK SMALL LETTER MU
    case u'u': return -6;
    case u'm': return -3;
    case u'k':
    case u'K': return 3;
    case u'M': return 6;
    case u'G': return 9;
    case u'T': return 12;
    case u'P': return 15;
    case u'E': return 18;
    case u'Z': return 21;
    case u'Y': return 24;
    default: return 0;
    }
}

struct Unit
{
    enum Kind { Empty, NoPrefix, Attached, Separate } kind = Empty;
    QString text; // as given
    QString base; // Attached: the unit without its prefix ("B/s" for "kB/s")
    int exponent = 0; // Attached: of the prefix it was given with
    int minPrefix = 0;
    int maxPrefix = 0;
};

bool isBase(const QString &numerator)
{
    static const QStringList bases = {
        QStringLiteral("B"), QStringLiteral("b"), QStringLiteral("bit"), QStringLiteral("bits"),
        QStringLiteral("bps"), QStringLiteral("Bps"), QStringLiteral("s"), QStringLiteral("m"),
        QStringLiteral("g"), QStringLiteral("Hz"), QStringLiteral("W"), QStringLiteral("Wh"),
        QStringLiteral("V"), QStringLiteral("A"), QStringLiteral("J"), QStringLiteral("N"),
        QStringLiteral("Pa"), QStringLiteral("Ω"), QStringLiteral("l"), QStringLiteral("L"),
        QStringLiteral("F"), QStringLiteral("C"),
    };
    return bases.contains(numerator);
}

Unit parseUnit(const QString &text)
{
    Unit unit;
    unit.text = text;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return unit;
    static const QStringList plain = {
        QStringLiteral("%"), QStringLiteral("‰"), QStringLiteral("K"), QStringLiteral("dB"),
        QStringLiteral("dBm"), QStringLiteral("ppm"), QStringLiteral("rpm"), QStringLiteral("min"),
        QStringLiteral("h"), QStringLiteral("d"), QStringLiteral("x"), QStringLiteral("×"),
        QStringLiteral("KiB"), QStringLiteral("MiB"), QStringLiteral("GiB"), QStringLiteral("TiB"),
    };
    if (trimmed.startsWith(u'°') || plain.contains(trimmed)) {
        unit.kind = Unit::NoPrefix;
        return unit;
    }
    const qsizetype slash = trimmed.indexOf(u'/');
    const QString numerator = slash < 0 ? trimmed : trimmed.left(slash);
    const QString tail = slash < 0 ? QString() : trimmed.mid(slash);
    QString base;
    if (isBase(numerator)) {
        base = numerator;
    } else if (numerator.size() >= 2 && prefixExponent(numerator.front()) != 0 && isBase(numerator.mid(1))) {
        base = numerator.mid(1);
        unit.exponent = prefixExponent(numerator.front());
    } else {
        unit.kind = Unit::Separate;
        return unit;
    }
    unit.kind = Unit::Attached;
    unit.base = base + tail;
    static const QStringList whole = {QStringLiteral("B"), QStringLiteral("b"), QStringLiteral("bit"),
                                      QStringLiteral("bits"), QStringLiteral("bps"), QStringLiteral("Bps")};
    unit.minPrefix = whole.contains(base) ? 0 : MinPrefix;
    unit.maxPrefix = base == u"s" ? 0 : MaxPrefix;
    return unit;
}

QString joined(const QString &number, const QString &unit)
{
    return unit.isEmpty() ? number : number + u' ' + unit;
}

// The multiple of three at or below a decimal exponent: 3 for 1e4, -6 for 1e-4.
int flooredToThree(int exponent)
{
    return exponent >= 0 ? exponent / 3 * 3 : -((-exponent + 2) / 3 * 3);
}

bool beyondPrefixes(int prefix)
{
    return prefix > MaxPrefix || prefix < MinPrefix;
}

// A finite, non-zero value rounded to a number of significant digits, as decimal digits:
// |value| = d1.d2d3… × 10^exponent. Rounding comes first, so that 999.96 to four digits is
// 1.000e3 and every later choice (prefix, notation) sees the number that is shown; the digits come
// from the value itself, never from a quotient, so that 17 digits show no division noise.
struct Digits
{
    bool negative = false;
    QString digits; // without trailing zeros, at least one digit
    int exponent = 0;
};

Digits roundedDigits(double value, int significant)
{
    const QString text = QString::number(std::abs(value), 'e', std::clamp(significant, 1, 17) - 1);
    const qsizetype e = text.indexOf(u'e');
    Digits d;
    d.negative = value < 0;
    d.digits = text.left(e).remove(u'.');
    while (d.digits.size() > 1 && d.digits.endsWith(u'0'))
        d.digits.chop(1);
    d.exponent = text.mid(e + 1).toInt();
    return d;
}

// The digits × 10^-shift in fixed notation, digits grouped in threes: "1,234.5".
QString placed(const Digits &d, int shift)
{
    const qsizetype point = qsizetype(d.exponent) - shift + 1; // digits before the point
    QString integer;
    QString fraction;
    if (point <= 0) {
        integer = QStringLiteral("0");
        fraction = QString(-point, u'0') + d.digits;
    } else if (point >= d.digits.size()) {
        integer = d.digits + QString(point - d.digits.size(), u'0');
    } else {
        integer = d.digits.left(point);
        fraction = d.digits.mid(point);
    }
    for (qsizetype at = integer.size() - 3; at > 0; at -= 3)
        integer.insert(at, u',');
    return (d.negative ? QStringLiteral("-") : QString()) + integer
        + (fraction.isEmpty() ? QString() : u'.' + fraction);
}

// The same for a number shown without a prefix or suffix: digits before the point are never
// dropped, so that 1,234,567 % or 1,796,299,200 s read as themselves whatever the precision.
Digits keepingIntegers(double value, int significant, int integers)
{
    return integers > significant ? roundedDigits(value, std::min(integers, 17)) : roundedDigits(value, significant);
}

QString scientific(const Digits &d) // "1.5e-9", "-1e300"
{
    return (d.negative ? QStringLiteral("-") : QString()) + d.digits.front()
        + (d.digits.size() > 1 ? u'.' + d.digits.mid(1) : QString()) + u'e' + QString::number(d.exponent);
}

// A number on its own, compact: grouped, then SI suffixes from 1e4 where allowed, scientific
// from 1e15 and below 1e-4 (of the rounded value).
QString compactNumber(double value, int significant, bool siSuffixes)
{
    const Digits d = roundedDigits(value, significant);
    if (d.exponent >= 15 || d.exponent < -4)
        return scientific(d);
    if (d.exponent < 4 || !siSuffixes)
        return placed(keepingIntegers(value, significant, decimalExponent(std::abs(value)) + 1), 0);
    static constexpr char16_t prefixes[] = u"kMGT";
    const int power = d.exponent / 3;
    return placed(d, 3 * power) + u' ' + QChar(prefixes[power - 1]);
}

QString attachedNumber(double value, const Unit &unit, int significant)
{
    if (value == 0)
        return joined(QStringLiteral("0"), unit.base);
    Digits d = roundedDigits(value, significant);
    d.exponent += unit.exponent; // in the base unit, without the overflow of scaling the double
    const int ideal = flooredToThree(d.exponent);
    if (beyondPrefixes(ideal))
        return joined(scientific(d), unit.base);
    const int prefix = std::clamp(ideal, unit.minPrefix, unit.maxPrefix);
    const int shown = d.exponent - prefix;
    if (shown >= 15 || shown < -4)
        return joined(scientific(d), unit.base);
    if (prefix < ideal) { // no larger prefix (seconds above one)
        d = keepingIntegers(value, significant, decimalExponent(std::abs(value)) + unit.exponent - prefix + 1);
        d.exponent += unit.exponent;
    }
    return placed(d, prefix) + u' ' + (prefix == 0 ? QString() : QString(prefixChar(prefix))) + unit.base;
}

} // namespace

namespace ValueFormat {

QString withUnit(double value, const QString &unitText, int significantDigits)
{
    const Unit unit = parseUnit(unitText);
    if (!std::isfinite(value))
        return joined(nonFinite(value), unitText.trimmed());
    significantDigits = std::clamp(significantDigits, 1, 17);
    value += 0.0;
    switch (unit.kind) {
    case Unit::Empty:
        return value == 0 ? QStringLiteral("0") : compactNumber(value, significantDigits, true);
    case Unit::NoPrefix:
    case Unit::Separate:
        return joined(value == 0 ? QStringLiteral("0") : compactNumber(value, significantDigits, unit.kind == Unit::Separate),
                      unitText.trimmed());
    case Unit::Attached:
        return attachedNumber(value, unit, significantDigits);
    }
    return {};
}

QString readout(double value)
{
    if (!std::isfinite(value))
        return nonFinite(value);
    if (value == 0)
        return QStringLiteral("0");
    const Digits d = roundedDigits(value, 15);
    return d.exponent >= 15 || d.exponent < -4 ? scientific(d) : placed(d, 0);
}

QString readout(double value, const QString &unitText)
{
    const Unit unit = parseUnit(unitText);
    if (unit.kind == Unit::Attached)
        return std::isfinite(value) ? attachedNumber(value + 0.0, unit, 15) : joined(nonFinite(value), unitText.trimmed());
    return joined(readout(value), unitText.trimmed());
}

QString tickLabel(double value, double step, double axisMagnitude)
{
    if (!std::isfinite(value))
        return nonFinite(value);
    if (!(step > 0) || !std::isfinite(step))
        return readout(value);
    if (!std::isfinite(axisMagnitude) || std::abs(axisMagnitude) < std::abs(value))
        axisMagnitude = value;
    return formatted(value, labelStyle(step, axisMagnitude));
}

QString tickLabel(double value, double step, double axisMagnitude, const QString &unitText)
{
    const Unit unit = parseUnit(unitText);
    const QString trimmed = unitText.trimmed();
    switch (unit.kind) {
    case Unit::Empty:
        return tickLabel(value, step, axisMagnitude);
    case Unit::Separate:
        return joined(tickLabel(value, step, axisMagnitude), trimmed);
    case Unit::NoPrefix:
        if (!std::isfinite(value) || !(step > 0) || !std::isfinite(step))
            return joined(tickLabel(value, step, axisMagnitude), trimmed);
        if (!std::isfinite(axisMagnitude) || std::abs(axisMagnitude) < std::abs(value))
            axisMagnitude = value;
        return joined(formatted(value, labelStyle(step, axisMagnitude, false)), trimmed);
    case Unit::Attached:
        break;
    }
    if (!std::isfinite(value))
        return joined(nonFinite(value), unit.base);
    if (!(step > 0) || !std::isfinite(step))
        return readout(value, unitText);
    if (!std::isfinite(axisMagnitude) || std::abs(axisMagnitude) < std::abs(value))
        axisMagnitude = value;
    const double base = scaled(value, unit.exponent) + 0.0;
    const double baseStep = scaled(step, unit.exponent);
    const double magnitude = std::abs(scaled(axisMagnitude, unit.exponent));
    if (base == 0)
        return joined(QStringLiteral("0"), unit.base);
    if (!(magnitude > 0) || !std::isfinite(magnitude) || !(baseStep > 0) || !std::isfinite(baseStep))
        return readout(value, unitText);
    const int last = lastDigitExponent(baseStep);
    const int exponent = shownExponent(magnitude, last);
    const int ideal = flooredToThree(exponent);
    int prefix = std::clamp(ideal, unit.minPrefix, unit.maxPrefix);
    if (prefix - last > MaxSiDecimals) {
        // A smaller prefix puts four digits or more before the point: then no decimals after it
        // ("1,764,590,410 B", not "1,764,590.41 kB").
        const int lowest = std::max(unit.minPrefix, std::min(0, prefix));
        while (prefix - 3 >= lowest && prefix > last)
            prefix -= 3;
    }
    const int shownMagnitude = exponent - prefix;
    if (beyondPrefixes(ideal) || shownMagnitude >= 15 || shownMagnitude < -4) {
        const LabelStyle style{Notation::Scientific, std::clamp(exponent - last, 0, 16), exponent};
        return joined(formatted(base, style), unit.base);
    }
    const int decimals = std::clamp(prefix - last, 0, std::max(0, 16 - shownMagnitude));
    return fixed(scaled(base, -prefix), decimals) + u' ' + (prefix == 0 ? QString() : QString(prefixChar(prefix)))
        + unit.base;
}

bool takesPrefix(const QString &unit)
{
    return parseUnit(unit).kind == Unit::Attached;
}

} // namespace ValueFormat
