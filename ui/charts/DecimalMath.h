#pragma once

#include <QtGlobal>

#include <array>
#include <cmath>

// Powers of ten and decimal exponents of doubles, exact where the doubles allow, for the tick and
// label arithmetic of AxisTicks and ValueFormat.
namespace DecimalMath {

inline constexpr std::array<double, 23> ExactPowers = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

inline double powerOfTen(int n) // 0 <= n <= 300
{
    static const std::array<double, 301> powers = [] {
        std::array<double, 301> table;
        for (int i = 0; i < int(table.size()); ++i)
            table[i] = i < int(ExactPowers.size()) ? ExactPowers[i] : std::pow(10.0, i);
        return table;
    }();
    return powers[n];
}

// x × 10^n, in steps that neither overflow nor underflow on the way (n may lie beyond ±308).
inline double scaled(double x, int n)
{
    while (n > 300) {
        x *= 1e300;
        n -= 300;
    }
    while (n < -300) {
        x /= 1e300;
        n += 300;
    }
    return n >= 0 ? x * powerOfTen(n) : x / powerOfTen(-n);
}

// floor(log10(x)) for finite x > 0, exact at powers of ten.
inline int decimalExponent(double x)
{
    int exponent = int(std::floor(std::ilogb(x) * 0.30102999566398120)); // log10(2)
    for (int n = 0; n < 2 && scaled(1, exponent) > x; ++n)
        --exponent;
    for (int n = 0; n < 2 && scaled(1, exponent + 1) <= x; ++n)
        ++exponent;
    return exponent;
}

// The exponent of the last significant digit of a step: -2 for 0.25 or 0.05, 3 for 5000.
inline int lastDigitExponent(double step)
{
    const int exponent = decimalExponent(step);
    for (int extra = 0; extra < 3; ++extra) {
        const double digits = scaled(step, extra - exponent);
        if (std::abs(digits - std::round(digits)) <= digits * 1e-9)
            return exponent - extra;
    }
    return exponent - 2;
}

} // namespace DecimalMath
