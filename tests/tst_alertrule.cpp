// AlertRule::parse and text(): every kind of rule, as operators type them, the canonical text
// that parses back to the same rule, and rules that do not parse, with the message they get.
#include "AlertRule.h"

#include <QTest>

#include <limits>

Q_DECLARE_METATYPE(AlertRule)

namespace {

using Kind = AlertRule::Kind;

AlertRule field(Kind kind, const QString &key, double threshold, qint64 forMs = 0)
{
    AlertRule rule;
    rule.kind = kind;
    rule.field = key;
    rule.threshold = threshold;
    rule.forMs = forMs;
    return rule;
}

AlertRule outside(const QString &key, double low, double high, qint64 forMs = 0)
{
    AlertRule rule;
    rule.kind = Kind::Outside;
    rule.field = key;
    rule.low = low;
    rule.high = high;
    rule.forMs = forMs;
    return rule;
}

AlertRule timed(Kind kind, qint64 durationMs, int count = 0)
{
    AlertRule rule;
    rule.kind = kind;
    rule.durationMs = durationMs;
    rule.count = count;
    return rule;
}

QString describe(const AlertRule &rule)
{
    return QStringLiteral("kind %1 field '%2' threshold %3 low %4 high %5 for %6 duration %7 count %8")
        .arg(int(rule.kind))
        .arg(rule.field)
        .arg(rule.threshold, 0, 'g', 17)
        .arg(rule.low, 0, 'g', 17)
        .arg(rule.high, 0, 'g', 17)
        .arg(rule.forMs)
        .arg(rule.durationMs)
        .arg(rule.count);
}

} // namespace

class tst_AlertRule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesValidRules_data();
    void parsesValidRules();
    void rejectsInvalidRules_data();
    void rejectsInvalidRules();
    void durationText_data();
    void durationText();
    void numberTextRoundTrips_data();
    void numberTextRoundTrips();
};

void tst_AlertRule::parsesValidRules_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<AlertRule>("expected");
    QTest::addColumn<QString>("canonical");

    const QString count = QStringLiteral("/count");
    QTest::newRow("above") << "/count > 3" << field(Kind::Above, count, 3) << "/count > 3";
    QTest::newRow("at least") << "/count >= 3" << field(Kind::AtLeast, count, 3) << "/count >= 3";
    QTest::newRow("below") << "/count < 3" << field(Kind::Below, count, 3) << "/count < 3";
    QTest::newRow("at most") << "/count <= 3" << field(Kind::AtMost, count, 3) << "/count <= 3";
    QTest::newRow("no spaces") << "/count>=3" << field(Kind::AtLeast, count, 3) << "/count >= 3";
    QTest::newRow("many spaces") << "   /count   <   -3   " << field(Kind::Below, count, -3) << "/count < -3";
    QTest::newRow("tabs") << "/count\t>\t3" << field(Kind::Above, count, 3) << "/count > 3";
    QTest::newRow("array index") << "/cpu/load[0] >= 0.9 for 10s"
                                 << field(Kind::AtLeast, QStringLiteral("/cpu/load[0]"), 0.9, 10'000)
                                 << "/cpu/load[0] >= 0.9 for 10s";
    QTest::newRow("typed key") << "alert:/latency_ms > 250"
                               << field(Kind::Above, QStringLiteral("alert:/latency_ms"), 250)
                               << "alert:/latency_ms > 250";
    QTest::newRow("bare number") << "/ > 1" << field(Kind::Above, QStringLiteral("/"), 1) << "/ > 1";
    QTest::newRow("tiny") << "/x < 1e-9" << field(Kind::Below, QStringLiteral("/x"), 1e-9) << "/x < 1e-09";
    QTest::newRow("huge") << "/x > 1e300" << field(Kind::Above, QStringLiteral("/x"), 1e300) << "/x > 1e+300";
    QTest::newRow("negative exponent") << "/x >= -2.5E-3" << field(Kind::AtLeast, QStringLiteral("/x"), -2.5e-3)
                                       << "/x >= -0.0025";
    QTest::newRow("unix ms") << "/ts > 1700000000000" << field(Kind::Above, QStringLiteral("/ts"), 1.7e12)
                             << "/ts > 1700000000000";
    QTest::newRow("unix ns") << "/ts > 1700000000123456789"
                             << field(Kind::Above, QStringLiteral("/ts"), 1700000000123456789.0)
                             << "/ts > " + QString::number(1700000000123456789.0, 'g', QLocale::FloatingPointShortest);
    QTest::newRow("zero") << "/x > 0" << field(Kind::Above, QStringLiteral("/x"), 0) << "/x > 0";
    QTest::newRow("outside") << "/temp outside 10..30" << outside(QStringLiteral("/temp"), 10, 30)
                             << "/temp outside 10..30";
    QTest::newRow("outside spaced") << "/temp  OUTSIDE  -1.5 .. 2e3  For 1.5m"
                                    << outside(QStringLiteral("/temp"), -1.5, 2000, 90'000)
                                    << "/temp outside -1.5..2000 for 90s";
    QTest::newRow("outside negatives") << "/x outside -10..-1" << outside(QStringLiteral("/x"), -10, -1)
                                       << "/x outside -10..-1";
    QTest::newRow("for ms") << "/x > 1 for 500ms" << field(Kind::Above, QStringLiteral("/x"), 1, 500)
                            << "/x > 1 for 500ms";
    QTest::newRow("for hours") << "/x > 1 FOR 2H" << field(Kind::Above, QStringLiteral("/x"), 1, 7'200'000)
                               << "/x > 1 for 2h";
    QTest::newRow("for minutes") << "/x > 1 for 3m" << field(Kind::Above, QStringLiteral("/x"), 1, 180'000)
                                 << "/x > 1 for 3m";
    QTest::newRow("for spaced unit") << "/x > 1 for 10 s" << field(Kind::Above, QStringLiteral("/x"), 1, 10'000)
                                     << "/x > 1 for 10s";
    QTest::newRow("rate") << "rate(/count) > 5" << field(Kind::Above, QStringLiteral("rate(/count)"), 5)
                          << "rate(/count) > 5";
    QTest::newRow("avg with space") << "avg(/count, 10s)>=2 for 1m"
                                    << field(Kind::AtLeast, QStringLiteral("avg(/count, 10s)"), 2, 60'000)
                                    << "avg(/count, 10s) >= 2 for 1m";
    QTest::newRow("diff") << "diff(/a, /b) < -1" << field(Kind::Below, QStringLiteral("diff(/a, /b)"), -1)
                          << "diff(/a, /b) < -1";
    QTest::newRow("ratio outside") << "ratio(/a, /b) outside 0.5..2"
                                   << outside(QStringLiteral("ratio(/a, /b)"), 0.5, 2) << "ratio(/a, /b) outside 0.5..2";
    QTest::newRow("stale") << "stale 5s" << timed(Kind::Stale, 5000) << "stale 5s";
    QTest::newRow("stale case") << "STALE 500MS" << timed(Kind::Stale, 500) << "stale 500ms";
    QTest::newRow("stale fraction") << "stale 1.5s" << timed(Kind::Stale, 1500) << "stale 1500ms";
    QTest::newRow("stale glued") << "stale5s" << timed(Kind::Stale, 5000) << "stale 5s";
    QTest::newRow("down") << "down 30s" << timed(Kind::Down, 30'000) << "down 30s";
    QTest::newRow("down hours") << "Down 2h" << timed(Kind::Down, 7'200'000) << "down 2h";
    QTest::newRow("idreset") << "idreset" << timed(Kind::IdReset, AlertRule::DefaultIdResetHoldMs) << "idreset";
    QTest::newRow("idreset hold") << "IdReset 10s" << timed(Kind::IdReset, 10'000) << "idreset 10s";
    QTest::newRow("idreset default spelled") << "idreset 1m" << timed(Kind::IdReset, 60'000) << "idreset";
    QTest::newRow("reconnects") << "reconnects > 3 in 1m" << timed(Kind::Reconnects, 60'000, 3)
                                << "reconnects > 3 in 1m";
    QTest::newRow("reconnects tight") << "RECONNECTS>0 IN 500ms" << timed(Kind::Reconnects, 500, 0)
                                      << "reconnects > 0 in 500ms";
}

void tst_AlertRule::parsesValidRules()
{
    QFETCH(QString, text);
    QFETCH(AlertRule, expected);
    QFETCH(QString, canonical);

    QString error;
    const std::optional<AlertRule> rule = AlertRule::parse(text, &error);
    QVERIFY2(rule, qPrintable(error));
    QVERIFY2(*rule == expected, qPrintable(describe(*rule) + QStringLiteral("\n  expected ") + describe(expected)));
    QCOMPARE(rule->isFieldRule(), !rule->field.isEmpty());
    QCOMPARE(rule->text(), canonical);

    const std::optional<AlertRule> again = AlertRule::parse(rule->text(), &error);
    QVERIFY2(again, qPrintable(error));
    QVERIFY2(*again == *rule, qPrintable(describe(*again)));
}

void tst_AlertRule::rejectsInvalidRules_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    const QString units = QStringLiteral("(use ms, s, m or h)");
    QTest::newRow("empty") << "" << "'': the rule is empty";
    QTest::newRow("blank") << "   " << "'': the rule is empty";
    QTest::newRow("number missing") << "/count >" << "'/count >': a number is missing after '>'";
    QTest::newRow("number missing, >=") << "/count >= " << "'/count >=': a number is missing after '>='";
    QTest::newRow("unknown operator") << "/count ~ 3" << "'/count ~ 3': expected >, >=, <, <= or outside";
    QTest::newRow("no operator") << "/count" << "'/count': expected >, >=, <, <= or outside";
    QTest::newRow("equals") << "/count == 3" << "'/count == 3': expected >, >=, <, <= or outside";
    QTest::newRow("field missing") << "> 3" << "'> 3': a field is missing before '>'";
    QTest::newRow("not a key") << "count > 3"
                               << "'count > 3': 'count' is not a field key (keys begin with '/', as in /count)";
    QTest::newRow("not a number") << "/count > abc" << "'/count > abc': 'abc' is not a number";
    QTest::newRow("numeric string") << "/count > \"3\"" << "'/count > \"3\"': '\"3\"' is not a number";
    QTest::newRow("nan") << "/count > NaN" << "'/count > NaN': 'NaN' is not a number";
    QTest::newRow("inf") << "/count > inf" << "'/count > inf': 'inf' is not a number";
    QTest::newRow("-infinity") << "/count < -Infinity" << "'/count < -Infinity': '-Infinity' is not a number";
    QTest::newRow("overflow") << "/count > 1e400" << "'/count > 1e400': '1e400' is too large for a number";
    QTest::newRow("plus sign") << "/count > +3" << "'/count > +3': '+3' is not a number";
    QTest::newRow("hex") << "/count > 0x10" << "'/count > 0x10': '0x10' is not a number";
    QTest::newRow("trailing junk") << "/count > 3 please"
                                   << "'/count > 3 please': unexpected 'please' (only 'for DURATION' may follow)";
    QTest::newRow("for without duration") << "/count > 3 for" << "'/count > 3 for': a duration is missing after 'for'";
    QTest::newRow("for zero") << "/count > 3 for 0s" << "'/count > 3 for 0s': the duration must be at least 1ms, not 0s";
    QTest::newRow("outside missing") << "/x outside" << "'/x outside': LOW..HIGH is missing after 'outside'";
    QTest::newRow("outside one bound") << "/x outside 3" << "'/x outside 3': expected LOW..HIGH after 'outside'";
    QTest::newRow("outside no high") << "/x outside 3.." << "'/x outside 3..': expected LOW..HIGH after 'outside'";
    QTest::newRow("outside reversed") << "/x outside 5..1" << "'/x outside 5..1': LOW must be below HIGH in '5..1'";
    QTest::newRow("outside equal") << "/x outside 2..2" << "'/x outside 2..2': LOW must be below HIGH in '2..2'";
    QTest::newRow("outside nan") << "/x outside nan..1" << "'/x outside nan..1': 'nan' is not a number";
    QTest::newRow("unbalanced") << "rate(/count > 3" << "'rate(/count > 3': a ')' is missing";
    QTest::newRow("unknown function") << "max(/count) > 3"
                                      << "'max(/count) > 3': unknown function 'max' (use rate, avg, diff or ratio)";
    QTest::newRow("empty function") << "rate() > 3" << "'rate() > 3': a field is missing in 'rate()'";
    QTest::newRow("stale missing") << "stale" << "'stale': a duration is missing";
    QTest::newRow("stale unknown unit") << "stale 5x" << "'stale 5x': unknown unit 'x' " + units;
    QTest::newRow("stale no unit") << "stale 5" << "'stale 5': a unit is missing after 5 " + units;
    QTest::newRow("stale days") << "stale 2d" << "'stale 2d': unknown unit 'd' " + units;
    QTest::newRow("stale zero") << "stale 0ms" << "'stale 0ms': the duration must be at least 1ms, not 0ms";
    QTest::newRow("stale negative") << "stale -5s" << "'stale -5s': '-5s' is not a duration " + units;
    QTest::newRow("stale too long") << "stale 1e9h" << "'stale 1e9h': '1e9h' is not a duration " + units;
    QTest::newRow("stale way too long") << "stale 99999999h" << "'stale 99999999h': the duration 99999999h is too long";
    QTest::newRow("down missing") << "down" << "'down': a duration is missing";
    QTest::newRow("down two") << "down 5s 6s" << "'down 5s 6s': '5s 6s' is not a duration " + units;
    QTest::newRow("idreset unit") << "idreset 10y" << "'idreset 10y': unknown unit 'y' " + units;
    QTest::newRow("reconnects no >") << "reconnects 3 in 1m"
                                     << "'reconnects 3 in 1m': expected '>' after 'reconnects', as in 'reconnects > 3 in 1m'";
    QTest::newRow("reconnects no count") << "reconnects > in 1m"
                                         << "'reconnects > in 1m': 'in' is not a whole number of reconnects";
    QTest::newRow("reconnects fraction") << "reconnects > 1.5 in 1m"
                                         << "'reconnects > 1.5 in 1m': '1.5' is not a whole number of reconnects";
    QTest::newRow("reconnects negative") << "reconnects > -1 in 1m"
                                         << "'reconnects > -1 in 1m': '-1' is not a whole number of reconnects";
    QTest::newRow("reconnects no window") << "reconnects > 3" << "'reconnects > 3': expected 'in DURATION' after the count";
    QTest::newRow("reconnects no duration") << "reconnects > 3 in" << "'reconnects > 3 in': a duration is missing after 'in'";
}

void tst_AlertRule::rejectsInvalidRules()
{
    QFETCH(QString, text);
    QFETCH(QString, error);

    QString actual;
    const std::optional<AlertRule> rule = AlertRule::parse(text, &actual);
    QVERIFY2(!rule, qPrintable(rule ? rule->text() : QString()));
    QCOMPARE(actual, error);
    QVERIFY(!AlertRule::parse(text)); // no error string wanted: no crash either
}

void tst_AlertRule::durationText_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("readable");

    QTest::newRow("1 ms") << qint64(1) << "1ms" << "1 ms";
    QTest::newRow("999 ms") << qint64(999) << "999ms" << "999 ms";
    QTest::newRow("1 s") << qint64(1000) << "1s" << "1 s";
    QTest::newRow("1.5 s") << qint64(1500) << "1500ms" << "1.5 s";
    QTest::newRow("90 s") << qint64(90'000) << "90s" << "1 min 30 s";
    QTest::newRow("1 min") << qint64(60'000) << "1m" << "1 min";
    QTest::newRow("61 min") << qint64(3'660'000) << "61m" << "1 h 1 min";
    QTest::newRow("2 h") << qint64(7'200'000) << "2h" << "2 h";
}

void tst_AlertRule::durationText()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QFETCH(QString, readable);

    QCOMPARE(AlertRule::durationText(ms), text);
    QCOMPARE(AlertRule::readableDuration(ms), readable);
    const std::optional<AlertRule> rule = AlertRule::parse(QString(QStringLiteral("stale ") + text));
    QVERIFY(rule);
    QCOMPARE(rule->durationMs, ms);
}

void tst_AlertRule::numberTextRoundTrips_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");

    QTest::newRow("integer") << 4.0 << "4";
    QTest::newRow("fraction") << 0.9 << "0.9";
    QTest::newRow("negative") << -3.0 << "-3";
    QTest::newRow("negative zero") << -0.0 << "0";
    QTest::newRow("tiny") << 1e-9 << "1e-09";
    QTest::newRow("huge") << 1e300 << "1e+300";
    QTest::newRow("max") << std::numeric_limits<double>::max() << "1.7976931348623157e+308";
    QTest::newRow("third") << 1.0 / 3 << "0.3333333333333333";
    QTest::newRow("unix s") << 1700000000.0 << "1700000000";
    QTest::newRow("unix ms") << 1700000000123.0 << "1700000000123";
    QTest::newRow("unix ns") << 1700000000123456789.0 << "1700000000123456800";
    QTest::newRow("2^53") << 9007199254740992.0 << "9007199254740992";
    QTest::newRow("millions") << -2500000.0 << "-2500000";
}

void tst_AlertRule::numberTextRoundTrips()
{
    QFETCH(double, value);
    QFETCH(QString, text);

    QCOMPARE(AlertRule::numberText(value), text);
    const std::optional<AlertRule> rule = AlertRule::parse(QString(QStringLiteral("/x > ") + text));
    QVERIFY(rule);
    QCOMPARE(rule->threshold, value);
}

QTEST_GUILESS_MAIN(tst_AlertRule)
#include "tst_alertrule.moc"
