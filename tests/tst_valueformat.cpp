#include "ValueFormat.h"

#include <QSet>
#include <QTest>

#include <cfloat>
#include <cmath>
#include <limits>

using L = QStringList;
using Values = QList<double>;

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr double EpochSeconds = 1796299200; // 2026-12-03 12:00:00 UTC
constexpr double EpochMs = 1796299200000;
constexpr double EpochNs = 1.7962992e18;

void addFormat(double value, const char *unit, const char *expected, int digits = 4)
{
    QTest::addRow("%s %s (%d digits) -> %s", qPrintable(QString::number(value, 'g', 17)), unit, digits, expected)
        << value << QString::fromUtf8(unit) << digits << QString::fromUtf8(expected);
}

} // namespace

class tst_ValueFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withUnit_data();
    void withUnit();
    void readout_data();
    void readout();
    void readoutWithUnit_data();
    void readoutWithUnit();
    void tickLabelWithUnit_data();
    void tickLabelWithUnit();
    void tickAxis_data();
    void tickAxis();
    void takesPrefix_data();
    void takesPrefix();
};

void tst_ValueFormat::withUnit_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<int>("digits");
    QTest::addColumn<QString>("expected");

    // The header's examples.
    addFormat(1500, "B/s", "1.5 kB/s");
    addFormat(250e6, "B", "250 MB");
    addFormat(0.012, "s", "12 ms");
    addFormat(12, "ms", "12 ms");
    addFormat(21.5, "°C", "21.5 °C");
    addFormat(99.94, "%", "99.94 %");
    addFormat(1234567, "B", "1.235 MB");
    addFormat(-1500, "W", "-1.5 kW");
    addFormat(12500, "req/s", "12.5 k req/s");
    addFormat(0, "B/s", "0 B/s");
    addFormat(1234, "", "1,234");
    addFormat(1.5e-9, "", "1.5e-9");
    addFormat(1500, "ms", "1.5 s");
    addFormat(0.5, "ms", "500 µs");
    addFormat(2048, "MB", "2.048 GB");
    addFormat(0.5, "B", "0.5 B");
    addFormat(7200, "s", "7,200 s");
    addFormat(1e300, "B", "1e300 B");
    addFormat(0.01235, "", "0.01235");
    addFormat(12346, "", "12.35 k");
    addFormat(1234567, "%", "1,234,567 %");
    addFormat(7200.4, "s", "7,200 s", 2);
    addFormat(5, "us", "5 µs");
    addFormat(2, "KB", "2 kB");
    addFormat(3, "μs", "3 µs"); // GREEK SMALL LETTER MU

    // SI-style: bytes (no prefix below one).
    addFormat(0, "B", "0 B");
    addFormat(-0.0, "B", "0 B");
    addFormat(1e-9, "B", "1e-9 B");
    addFormat(0.0009999, "B", "0.0009999 B");
    addFormat(999.4, "B", "999.4 B");
    addFormat(999.95, "B", "1 kB");
    addFormat(999949, "B", "999.9 kB");
    addFormat(999950, "B", "1 MB");
    addFormat(1.5e6, "B", "1.5 MB");
    addFormat(4294967296, "B", "4.295 GB");
    addFormat(17179869184, "B", "17.18 GB");
    addFormat(EpochSeconds, "B", "1.796 GB");
    addFormat(EpochMs, "B", "1.796 TB");
    addFormat(EpochNs, "B", "1.796 EB");
    addFormat(1e24, "B", "1 YB");
    addFormat(999.96e24, "B", "1e27 B");
    addFormat(1e30, "B", "1e30 B");
    addFormat(-1e300, "B", "-1e300 B");
    addFormat(-1500, "B", "-1.5 kB");
    addFormat(NaN, "B", "nan B");
    addFormat(Inf, "B", "inf B");
    addFormat(-Inf, "B", "-inf B");
    // Rates, with and without a given prefix.
    addFormat(1e-9, "B/s", "1e-9 B/s");
    addFormat(0.5, "B/s", "0.5 B/s");
    addFormat(999.95, "B/s", "1 kB/s");
    addFormat(1234567, "B/s", "1.235 MB/s");
    addFormat(-2.5e9, "B/s", "-2.5 GB/s");
    addFormat(NaN, "B/s", "nan B/s");
    addFormat(0, "kB/s", "0 B/s");
    addFormat(0.5, "kB/s", "500 B/s");
    addFormat(-0.25, "kB/s", "-250 B/s");
    addFormat(1.5, "kB/s", "1.5 kB/s");
    addFormat(999.95, "kB/s", "1 MB/s");
    addFormat(1234567, "kB/s", "1.235 GB/s");
    addFormat(1e-9, "kB/s", "1e-6 B/s");
    addFormat(1e308, "kB/s", "1e311 B/s");
    addFormat(Inf, "kB/s", "inf kB/s");
    // Milli- and microseconds; seconds take no prefix above one.
    addFormat(0, "ms", "0 s");
    addFormat(1e-9, "ms", "1 ps");
    addFormat(-0.25, "ms", "-250 µs");
    addFormat(999.95, "ms", "1 s");
    addFormat(1234567, "ms", "1,235 s");
    addFormat(12345678, "ms", "12,346 s"); // the integer digits are kept
    addFormat(EpochMs, "ms", "1,796,299,200 s");
    addFormat(EpochNs, "ms", "1.796e15 s");
    addFormat(1e300, "ms", "1e297 s");
    addFormat(-Inf, "ms", "-inf ms");
    addFormat(1500, "µs", "1.5 ms");
    addFormat(0.5, "µs", "500 ns");
    addFormat(EpochNs / 1000, "µs", "1,796,299,200 s");
    addFormat(NaN, "µs", "nan µs");
    addFormat(250, "us", "250 µs");
    addFormat(1234567, "us", "1.235 s");
    addFormat(EpochNs, "ns", "1,796,299,200 s");
    addFormat(0.5, "ns", "500 ps");
    addFormat(0.5, "s", "500 ms");
    addFormat(999.95, "s", "1,000 s");
    addFormat(1234567, "s", "1,234,567 s");
    addFormat(EpochSeconds, "s", "1,796,299,200 s");
    addFormat(EpochMs, "s", "1,796,299,200,000 s");
    addFormat(EpochNs, "s", "1.796e18 s");
    addFormat(1e-9, "s", "1 ns");
    addFormat(1e-24, "s", "1 ys");
    addFormat(1.5e-25, "s", "1.5e-25 s");
    addFormat(-1e300, "s", "-1e300 s");
    // Bits.
    addFormat(1500, "bit", "1.5 kbit");
    addFormat(0.5, "bit", "0.5 bit");
    addFormat(1e9, "bits", "1 Gbits");
    addFormat(1.5e6, "bps", "1.5 Mbps");
    addFormat(8000, "b", "8 kb");
    addFormat(1.25e8, "bit/s", "125 Mbit/s");
    addFormat(-3e3, "Wh", "-3 kWh");

    // Units without a prefix: the plain number, grouped up to 1e15.
    addFormat(0, "%", "0 %");
    addFormat(-0.0, "%", "0 %");
    addFormat(1e-9, "%", "1e-9 %");
    addFormat(0.5, "%", "0.5 %");
    addFormat(999.95, "%", "1,000 %");
    addFormat(1.5e6, "%", "1,500,000 %");
    addFormat(-12.5, "%", "-12.5 %");
    addFormat(1e300, "%", "1e300 %");
    addFormat(NaN, "%", "nan %");
    addFormat(-40, "°C", "-40 °C");
    addFormat(EpochSeconds, "°C", "1,796,299,200 °C");
    addFormat(-0.0, "°C", "0 °C");
    addFormat(1500, "K", "1,500 K");
    addFormat(273.16, "K", "273.2 K");
    addFormat(-3.01, "dB", "-3.01 dB");
    addFormat(120000, "dB", "120,000 dB");
    addFormat(2048, "MiB", "2,048 MiB");
    addFormat(EpochMs, "MiB", "1,796,299,200,000 MiB");
    addFormat(EpochNs, "MiB", "1.796e18 MiB");
    addFormat(90, "min", "90 min");
    addFormat(1e6, "min", "1,000,000 min");
    addFormat(Inf, "min", "inf min");

    // Other units: the number with its own suffix, then the unit.
    addFormat(0, "req/s", "0 req/s");
    addFormat(1e-9, "req/s", "1e-9 req/s");
    addFormat(0.5, "req/s", "0.5 req/s");
    addFormat(999.95, "req/s", "1,000 req/s");
    addFormat(9999.96, "req/s", "10 k req/s");
    addFormat(1234567, "req/s", "1.235 M req/s");
    addFormat(1.5e6, "req/s", "1.5 M req/s");
    addFormat(4294967296, "req/s", "4.295 G req/s");
    addFormat(EpochMs, "req/s", "1.796 T req/s");
    addFormat(999.96e12, "req/s", "1e15 req/s");
    addFormat(EpochNs, "req/s", "1.796e18 req/s");
    addFormat(-1e300, "req/s", "-1e300 req/s");
    addFormat(NaN, "req/s", "nan req/s");
    addFormat(EpochSeconds, "events", "1.796 G events");
    addFormat(-1500, "events", "-1,500 events");
    addFormat(12, "users", "12 users");
    addFormat(1e6, "users", "1 M users");
    addFormat(-Inf, "users", "-inf users");

    // No unit (an empty or blank one).
    addFormat(0, "", "0");
    addFormat(-0.0, "", "0");
    addFormat(1e-9, "", "1e-9");
    addFormat(0.5, "", "0.5");
    addFormat(0.00012346, "", "0.0001235");
    addFormat(0.00009999, "", "9.999e-5");
    addFormat(999.95, "", "1,000");
    addFormat(1234567, "", "1.235 M");
    addFormat(1.5e6, "", "1.5 M");
    addFormat(EpochSeconds, "", "1.796 G");
    addFormat(EpochMs, "", "1.796 T");
    addFormat(EpochNs, "", "1.796e18");
    addFormat(1e300, "", "1e300");
    addFormat(-1e300, "", "-1e300");
    addFormat(-DBL_MAX, "", "-1.798e308");
    addFormat(5e-324, "", "4.941e-324");
    addFormat(-40, "", "-40");
    addFormat(NaN, "", "nan");
    addFormat(Inf, "", "inf");
    addFormat(1234, "  ", "1,234");

    // One significant digit, and seventeen.
    addFormat(1234567, "", "1 M", 1);
    addFormat(2.5e6, "", "3 M", 1);
    addFormat(999.4, "", "999", 1);
    addFormat(999.4, "B", "1 kB", 1);
    addFormat(0.5, "ms", "500 µs", 1);
    addFormat(0.012, "s", "10 ms", 1);
    addFormat(EpochSeconds, "s", "1,796,299,200 s", 1);
    addFormat(EpochSeconds, "B", "2 GB", 1);
    addFormat(0.25, "%", "0.3 %", 1);
    addFormat(1e-9, "", "1e-9", 1);
    addFormat(1234567, "B", "1 MB", 0); // clamped to 1
    addFormat(0.1, "", "0.10000000000000001", 17);
    addFormat(0.1, "", "0.10000000000000001", 18); // clamped to 17
    addFormat(4294967296, "B", "4.294967296 GB", 17);
    addFormat(EpochSeconds, "s", "1,796,299,200 s", 17);
    addFormat(EpochNs, "", "1.7962992e18", 17);
    addFormat(1e300, "", "1.0000000000000001e300", 17);
    addFormat(99, "", "99", 17);
    addFormat(-1500, "W", "-1.5 kW", 17);
}

void tst_ValueFormat::withUnit()
{
    QFETCH(double, value);
    QFETCH(QString, unit);
    QFETCH(int, digits);
    QFETCH(QString, expected);

    QCOMPARE(ValueFormat::withUnit(value, unit, digits), expected);
}

void tst_ValueFormat::readout_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("epoch seconds") << 1764590400.0 << "1,764,590,400";
    QTest::newRow("0.5") << 0.5 << "0.5";
    QTest::newRow("1.5e-9") << 1.5e-9 << "1.5e-9";
    QTest::newRow("0") << 0.0 << "0";
    QTest::newRow("-0") << -0.0 << "0";
    QTest::newRow("1e-9") << 1e-9 << "1e-9";
    QTest::newRow("999.95") << 999.95 << "999.95";
    QTest::newRow("1234567") << 1234567.0 << "1,234,567";
    QTest::newRow("1.5e6") << 1.5e6 << "1,500,000";
    QTest::newRow("epoch ms") << EpochMs << "1,796,299,200,000";
    QTest::newRow("epoch ns") << EpochNs << "1.7962992e18";
    QTest::newRow("1e300") << 1e300 << "1e300";
    QTest::newRow("-1e300") << -1e300 << "-1e300";
    QTest::newRow("-1234.5678") << -1234.5678 << "-1,234.5678";
    QTest::newRow("0.1 + 0.2") << 0.1 + 0.2 << "0.3";
    QTest::newRow("1/3") << 1.0 / 3 << "0.333333333333333";
    QTest::newRow("2/3") << 2.0 / 3 << "0.666666666666667";
    QTest::newRow("1e-4") << 1e-4 << "0.0001";
    QTest::newRow("1.23456789e-4") << 1.23456789e-4 << "0.000123456789";
    QTest::newRow("rounds to 1e15") << 999999999999999.9 << "1e15";
    QTest::newRow("15 nines") << 999999999999999.0 << "999,999,999,999,999";
    QTest::newRow("NaN") << NaN << "nan";
    QTest::newRow("inf") << Inf << "inf";
    QTest::newRow("-inf") << -Inf << "-inf";
}

void tst_ValueFormat::readout()
{
    QFETCH(double, value);
    QFETCH(QString, expected);

    QCOMPARE(ValueFormat::readout(value), expected);
    QCOMPARE(ValueFormat::readout(value, QString()), expected);
}

void tst_ValueFormat::readoutWithUnit_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("expected");

    QTest::newRow("GB") << 1764590400.0 << "B" << "1.7645904 GB";
    QTest::newRow("ms") << 1.234567 << "ms" << "1.234567 ms";
    QTest::newRow("°C") << 21.5 << "°C" << "21.5 °C";
    QTest::newRow("req/s") << 1764590400.0 << "req/s" << "1,764,590,400 req/s";
    QTest::newRow("empty") << 1764590400.0 << "" << "1,764,590,400";
    QTest::newRow("999.95 B") << 999.95 << "B" << "999.95 B";
    QTest::newRow("999.9999999999999 B") << 999.9999999999999 << "B" << "1 kB";
    QTest::newRow("B/s, nine digits") << 1234567.891 << "B/s" << "1.234567891 MB/s";
    QTest::newRow("kB/s below one") << 0.5 << "kB/s" << "500 B/s";
    QTest::newRow("epoch ms") << EpochMs << "ms" << "1,796,299,200 s";
    QTest::newRow("epoch ns") << EpochNs << "ns" << "1,796,299,200 s";
    QTest::newRow("epoch s") << EpochSeconds << "s" << "1,796,299,200 s";
    QTest::newRow("ns") << 1e-9 << "s" << "1 ns";
    QTest::newRow("1.5e-9 B") << 1.5e-9 << "B" << "1.5e-9 B";
    QTest::newRow("1e300 B") << 1e300 << "B" << "1e300 B";
    QTest::newRow("0 ms") << 0.0 << "ms" << "0 s";
    QTest::newRow("-0 %") << -0.0 << "%" << "0 %";
    QTest::newRow("12,500 req/s") << 12500.0 << "req/s" << "12,500 req/s";
    QTest::newRow("1/3 %") << 1.0 / 3 << "%" << "0.333333333333333 %";
    QTest::newRow("epoch ns MiB") << EpochNs << "MiB" << "1.7962992e18 MiB";
    QTest::newRow("NaN B") << NaN << "B" << "nan B";
    QTest::newRow("inf kB/s") << Inf << "kB/s" << "inf kB/s";
    QTest::newRow("-inf %") << -Inf << "%" << "-inf %";
    QTest::newRow("NaN users") << NaN << "users" << "nan users";
}

void tst_ValueFormat::readoutWithUnit()
{
    QFETCH(double, value);
    QFETCH(QString, unit);
    QFETCH(QString, expected);

    QCOMPARE(ValueFormat::readout(value, unit), expected);
}

void tst_ValueFormat::tickLabelWithUnit_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("step");
    QTest::addColumn<double>("magnitude");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("expected");

    // The header's examples.
    QTest::newRow("0 B/s") << 0.0 << 5e5 << 1e6 << "B/s" << "0 B/s";
    QTest::newRow("0.5 MB/s") << 5e5 << 5e5 << 1e6 << "B/s" << "0.5 MB/s";
    QTest::newRow("1.0 MB/s") << 1e6 << 5e5 << 1e6 << "B/s" << "1.0 MB/s";
    QTest::newRow("12.5 ms") << 0.0125 << 0.0005 << 0.02 << "s" << "12.5 ms";
    QTest::newRow("5 B at 1.76e9 B") << 1764590415.0 << 5.0 << 1764590420.0 << "B" << "1,764,590,415 B";
    QTest::newRow("10 B at 1.76e9 B") << 1764590410.0 << 10.0 << 1764590440.0 << "B" << "1,764,590,410 B";
    QTest::newRow("-40 °C") << -40.0 << 10.0 << 40.0 << "°C" << "-40 °C";
    QTest::newRow("100,000 %") << 100000.0 << 20000.0 << 100000.0 << "%" << "100,000 %";
    QTest::newRow("12.5 k req/s") << 12500.0 << 500.0 << 12500.0 << "req/s" << "12.5 k req/s";
    // A given prefix, the prefixes' ends, the value larger than the magnitude given.
    QTest::newRow("ms given") << 1500.0 << 500.0 << 2000.0 << "ms" << "1.5 s";
    QTest::newRow("kB/s given") << 0.25 << 0.25 << 1.0 << "kB/s" << "0.25 kB/s";
    QTest::newRow("kB/s given, below one") << 0.25 << 0.05 << 0.5 << "kB/s" << "250 B/s";
    QTest::newRow("beyond Y") << 2e26 << 2e26 << 1e27 << "W" << "0.2e27 W";
    QTest::newRow("Y") << 2e26 << 2e26 << 8e26 << "W" << "200 YW";
    QTest::newRow("below y") << 2e-26 << 2e-26 << 1e-25 << "s" << "0.2e-25 s";
    QTest::newRow("value above magnitude") << 2e6 << 5e5 << 1e6 << "B" << "2.0 MB";
    QTest::newRow("epoch s") << EpochSeconds << 10.0 << EpochSeconds << "s" << "1,796,299,200 s";
    QTest::newRow("-0 B") << -0.0 << 1.0 << 10.0 << "B" << "0 B";
    QTest::newRow("-0 %") << -0.0 << 0.5 << 1.0 << "%" << "0.0 %";
    // Not finite, and no step: the readout.
    QTest::newRow("NaN B/s") << NaN << 1.0 << 1.0 << "B/s" << "nan B/s";
    QTest::newRow("inf °C") << Inf << 1.0 << 1.0 << "°C" << "inf °C";
    QTest::newRow("-inf req/s") << -Inf << 1.0 << 1.0 << "req/s" << "-inf req/s";
    QTest::newRow("no step B") << 1764590400.0 << 0.0 << 0.0 << "B" << "1.7645904 GB";
    QTest::newRow("NaN step %") << 21.5 << NaN << 0.0 << "%" << "21.5 %";
    QTest::newRow("inf step req/s") << 1764590400.0 << Inf << 0.0 << "req/s" << "1,764,590,400 req/s";
    QTest::newRow("empty unit") << 12500.0 << 500.0 << 12500.0 << "" << "12.5 k";
}

void tst_ValueFormat::tickLabelWithUnit()
{
    QFETCH(double, value);
    QFETCH(double, step);
    QFETCH(double, magnitude);
    QFETCH(QString, unit);
    QFETCH(QString, expected);

    QCOMPARE(ValueFormat::tickLabel(value, step, magnitude, unit), expected);
    if (unit.isEmpty())
        QCOMPARE(ValueFormat::tickLabel(value, step, magnitude), expected);
}

void tst_ValueFormat::tickAxis_data()
{
    QTest::addColumn<Values>("values");
    QTest::addColumn<double>("step");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<L>("labels");

    QTest::newRow("B/s, M")
        << Values{0, 2e5, 4e5, 6e5, 8e5, 1e6} << 2e5 << "B/s"
        << L{"0 B/s", "0.2 MB/s", "0.4 MB/s", "0.6 MB/s", "0.8 MB/s", "1.0 MB/s"};
    QTest::newRow("B, byte counter")
        << Values{1764590400, 1764590410, 1764590420, 1764590430, 1764590440} << 10.0 << "B"
        << L{"1,764,590,400 B", "1,764,590,410 B", "1,764,590,420 B", "1,764,590,430 B", "1,764,590,440 B"};
    QTest::newRow("B, GB counter")
        << Values{1.5e9, 1.6e9, 1.7e9, 1.8e9} << 1e8 << "B" << L{"1.5 GB", "1.6 GB", "1.7 GB", "1.8 GB"};
    QTest::newRow("B, nano")
        << Values{1e-9, 1.5e-9, 2e-9, 2.5e-9, 3e-9} << 5e-10 << "B"
        << L{"1.0e-9 B", "1.5e-9 B", "2.0e-9 B", "2.5e-9 B", "3.0e-9 B"};
    QTest::newRow("s, nano")
        << Values{1e-9, 1.5e-9, 2e-9, 2.5e-9, 3e-9} << 5e-10 << "s"
        << L{"1.0 ns", "1.5 ns", "2.0 ns", "2.5 ns", "3.0 ns"};
    QTest::newRow("s, ms")
        << Values{0, 0.01, 0.02, 0.03, 0.04, 0.05} << 0.01 << "s"
        << L{"0 s", "10 ms", "20 ms", "30 ms", "40 ms", "50 ms"};
    QTest::newRow("ms, epoch")
        << Values{EpochMs, EpochMs + 10000, EpochMs + 20000, EpochMs + 30000} << 10000.0 << "ms"
        << L{"1,796,299,200 s", "1,796,299,210 s", "1,796,299,220 s", "1,796,299,230 s"};
    QTest::newRow("ns, epoch")
        << Values{EpochNs, EpochNs + 2e8, EpochNs + 4e8, EpochNs + 6e8} << 2e8 << "ns"
        << L{"1,796,299,200.0 s", "1,796,299,200.2 s", "1,796,299,200.4 s", "1,796,299,200.6 s"};
    QTest::newRow("B/s, ±1e300")
        << Values{-1e300, -5e299, 0, 5e299, 1e300} << 5e299 << "B/s"
        << L{"-1.0e300 B/s", "-0.5e300 B/s", "0 B/s", "0.5e300 B/s", "1.0e300 B/s"};
    QTest::newRow("B, computed 1e30") // 5 × 1.9999999999999998e29 falls short of 1e30
        << Values{0, 1.9999999999999998e29, 3.9999999999999997e29, 5.9999999999999998e29, 7.9999999999999993e29,
                  9.9999999999999988e29}
        << 1.9999999999999998e29 << "B" << L{"0 B", "0.2e30 B", "0.4e30 B", "0.6e30 B", "0.8e30 B", "1.0e30 B"};
    QTest::newRow("no unit, computed 1e30")
        << Values{0, 1.9999999999999998e29, 3.9999999999999997e29, 5.9999999999999998e29, 7.9999999999999993e29,
                  9.9999999999999988e29}
        << 1.9999999999999998e29 << "" << L{"0", "0.2e30", "0.4e30", "0.6e30", "0.8e30", "1.0e30"};
    QTest::newRow("no unit, computed 1e-7")
        << Values{0, 2e-8, 4.0000000000000001e-08, 5.9999999999999995e-08, 8.0000000000000002e-08,
                  9.9999999999999995e-08}
        << 2e-8 << "" << L{"0", "0.2e-7", "0.4e-7", "0.6e-7", "0.8e-7", "1.0e-7"};
    QTest::newRow("no unit, M")
        << Values{0, 2e5, 4e5, 6e5, 8e5, 1e6} << 2e5 << "" << L{"0", "0.2 M", "0.4 M", "0.6 M", "0.8 M", "1.0 M"};
    QTest::newRow("no unit, epoch s")
        << Values{EpochSeconds, EpochSeconds + 1, EpochSeconds + 2} << 1.0 << ""
        << L{"1,796,299,200", "1,796,299,201", "1,796,299,202"};
    QTest::newRow("no unit, quarters")
        << Values{-0.5, -0.25, 0, 0.25, 0.5} << 0.25 << "" << L{"-0.50", "-0.25", "0.00", "0.25", "0.50"};
    QTest::newRow("no unit, epoch ns")
        << Values{EpochNs, EpochNs + 2e8, EpochNs + 4e8} << 2e8 << ""
        << L{"1.7962992000e18", "1.7962992002e18", "1.7962992004e18"};
    QTest::newRow("%, no suffix")
        << Values{0, 20000, 40000, 60000, 80000, 100000} << 20000.0 << "%"
        << L{"0 %", "20,000 %", "40,000 %", "60,000 %", "80,000 %", "100,000 %"};
    QTest::newRow("°C, around zero")
        << Values{-40, -20, 0, 20, 40} << 20.0 << "°C" << L{"-40 °C", "-20 °C", "0 °C", "20 °C", "40 °C"};
    QTest::newRow("MiB")
        << Values{0, 5e5, 1e6, 1.5e6} << 5e5 << "MiB" << L{"0 MiB", "500,000 MiB", "1,000,000 MiB", "1,500,000 MiB"};
    QTest::newRow("%, 1e300")
        << Values{0, 5e299, 1e300} << 5e299 << "%" << L{"0 %", "0.5e300 %", "1.0e300 %"};
    QTest::newRow("req/s, k")
        << Values{0, 10000, 20000, 30000} << 10000.0 << "req/s"
        << L{"0 req/s", "10 k req/s", "20 k req/s", "30 k req/s"};
    QTest::newRow("events, G")
        << Values{1.5e9, 2e9, 2.5e9} << 5e8 << "events" << L{"1.5 G events", "2.0 G events", "2.5 G events"};
}

void tst_ValueFormat::tickAxis()
{
    QFETCH(Values, values);
    QFETCH(double, step);
    QFETCH(QString, unit);
    QFETCH(L, labels);

    double magnitude = 0;
    for (const double value : std::as_const(values))
        magnitude = std::max(magnitude, std::abs(value));
    QStringList shown;
    for (const double value : std::as_const(values))
        shown.append(ValueFormat::tickLabel(value, step, magnitude, unit));
    QCOMPARE(shown, labels);
    QCOMPARE(QSet<QString>(shown.cbegin(), shown.cend()).size(), shown.size());
}

void tst_ValueFormat::takesPrefix_data()
{
    QTest::addColumn<QString>("unit");
    QTest::addColumn<bool>("takes");

    for (const char *unit : {"B/s", "kB", "ms", "W", "B", "b", "bit", "bits", "bps", "s", "m", "g", "Hz", "Wh", "V",
                             "A", "J", "N", "Pa", "Ω", "l", "L", "F", "C", "m/s", "bit/s", "µs", "μs", "us", "KB",
                             "MB", "GB", "kWh", "MHz", "mm", "ks", " kB/s "})
        QTest::addRow("%s", unit) << QString::fromUtf8(unit) << true;
    for (const char *unit : {"", " ", "%", "‰", "°C", "°F", "°", "K", "dB", "dBm", "ppm", "rpm", "min", "h", "d", "x",
                             "×", "KiB", "MiB", "GiB", "TiB", "req/s", "events", "users", "kreq/s", "Bq", "k"})
        QTest::addRow("%s", unit) << QString::fromUtf8(unit) << false;
}

void tst_ValueFormat::takesPrefix()
{
    QFETCH(QString, unit);
    QFETCH(bool, takes);

    QCOMPARE(ValueFormat::takesPrefix(unit), takes);
}

QTEST_GUILESS_MAIN(tst_ValueFormat)
#include "tst_valueformat.moc"
