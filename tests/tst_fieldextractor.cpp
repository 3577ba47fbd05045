#include "FieldExtractor.h"

#include <QDateTime>
#include <QtTest>

using Samples = QList<FieldSample>;

// Found by argument-dependent lookup, so that QCOMPARE prints both lists when they differ.
char *toString(const Samples &samples)
{
    QStringList parts;
    for (const FieldSample &sample : samples)
        parts.append(sample.path + QLatin1Char('=') + QString::number(sample.value, 'g', 17));
    const QString text = QLatin1Char('{') + parts.join(QLatin1String(", ")) + QLatin1Char('}');
    return QTest::toString(text);
}

class TestFieldExtractor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void extract_data();
    void extract();
    void extractedPathsLeadBackToTheirValues_data();
    void extractedPathsLeadBackToTheirValues();
    void valueAt_data();
    void valueAt();
    void timestampMs_data();
    void timestampMs();
};

void TestFieldExtractor::extract_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<Samples>("expected");

    QTest::newRow("demo payload: the time string is not a field")
        << QByteArray(R"({"count": 5, "time": "2026-11-23T19:00:00.123Z"})")
        << Samples{{"/count", 5}};
    QTest::newRow("flat object, keys in sorted order")
        << QByteArray(R"({"b": 2, "a": 1.5, "c": -3e2})")
        << Samples{{"/a", 1.5}, {"/b", 2}, {"/c", -300}};
    QTest::newRow("nested objects")
        << QByteArray(R"({"cpu": {"user": 12.5, "sys": {"kernel": 3}}, "up": 7})")
        << Samples{{"/cpu/sys/kernel", 3}, {"/cpu/user", 12.5}, {"/up", 7}};
    QTest::newRow("array in an object")
        << QByteArray(R"({"cpu": {"load": [0.5, 1.25, 2]}})")
        << Samples{{"/cpu/load[0]", 0.5}, {"/cpu/load[1]", 1.25}, {"/cpu/load[2]", 2}};
    QTest::newRow("array of arrays and objects")
        << QByteArray(R"({"m": [[1, 2], {"x": 3}]})")
        << Samples{{"/m[0][0]", 1}, {"/m[0][1]", 2}, {"/m[1]/x", 3}};
    QTest::newRow("top-level array") << QByteArray("[4, {\"a\": 5}]")
                                     << Samples{{"[0]", 4}, {"[1]/a", 5}};
    QTest::newRow("booleans count as 0 and 1")
        << QByteArray(R"({"on": true, "off": false})") << Samples{{"/off", 0}, {"/on", 1}};
    QTest::newRow("null, strings and empty containers are ignored")
        << QByteArray(R"({"n": null, "s": "12", "e": {}, "l": [], "k": 1})") << Samples{{"/k", 1}};
    QTest::newRow("key with a slash, a tilde and a bracket is escaped")
        << QByteArray(R"({"a/b": 1, "t~": 2, "x[0]": 3})")
        << Samples{{"/a~1b", 1}, {"/t~0", 2}, {"/x~20]", 3}};
    QTest::newRow("empty key") << QByteArray(R"({"": 8})") << Samples{{"/", 8}};
    QTest::newRow("unicode key") << QByteArray(R"({"température": 21.5})")
                                 << Samples{{QStringLiteral("/température"), 21.5}};
    QTest::newRow("large integer") << QByteArray(R"({"n": 9007199254740992})")
                                   << Samples{{"/n", 9007199254740992.0}};

    // Values real streams carry.
    QTest::newRow("Unix seconds") << QByteArray(R"({"ts": 1764590400})") << Samples{{"/ts", 1764590400.0}};
    QTest::newRow("Unix milliseconds") << QByteArray(R"({"ts": 1764590400123})")
                                       << Samples{{"/ts", 1764590400123.0}};
    // Integers beyond 2^53 are held as the nearest double.
    QTest::newRow("Unix nanoseconds") << QByteArray(R"({"ts": 1764590400123456789})")
                                      << Samples{{"/ts", 1764590400123456768.0}};
    QTest::newRow("beyond 64 bits") << QByteArray(R"({"n": 18446744073709551616})")
                                    << Samples{{"/n", 18446744073709551616.0}};
    QTest::newRow("sizes") << QByteArray(R"({"bytes": 1048576, "page": 16384})")
                           << Samples{{"/bytes", 1048576}, {"/page", 16384}};
    QTest::newRow("negative") << QByteArray(R"({"temp": -40})") << Samples{{"/temp", -40}};
    QTest::newRow("negative zero") << QByteArray(R"({"z": -0})") << Samples{{"/z", 0}};
    QTest::newRow("tiny and huge") << QByteArray(R"({"eps": 1e-9, "big": 1e300})")
                                   << Samples{{"/big", 1e300}, {"/eps", 1e-9}};
    QTest::newRow("a spike") << QByteArray(R"({"v": [0.5, 1.5e9, 0.5]})")
                             << Samples{{"/v[0]", 0.5}, {"/v[1]", 1.5e9}, {"/v[2]", 0.5}};
    // Numeric strings are text, not numbers.
    QTest::newRow("strings where numbers were")
        << QByteArray(R"({"a": "NaN", "b": "n/a", "c": "12", "d": "1e3", "e": 1})") << Samples{{"/e", 1}};
    QTest::newRow("nested arrays") << QByteArray(R"({"m": [[1, [2, [3]]], []]})")
                                   << Samples{{"/m[0][0]", 1}, {"/m[0][1][0]", 2}, {"/m[0][1][1][0]", 3}};
    // Qt's parser rejects a number beyond the double range, and with it the whole payload.
    QTest::newRow("number beyond the double range") << QByteArray(R"({"v": 1e400, "w": 1})") << Samples{};

    QTest::newRow("bare integer") << QByteArray("42") << Samples{{"/", 42}};
    QTest::newRow("bare number with whitespace") << QByteArray(" -1.5e3\n") << Samples{{"/", -1500}};
    QTest::newRow("bare boolean") << QByteArray("true") << Samples{{"/", 1}};
    QTest::newRow("non-JSON number with a plus sign") << QByteArray("+5") << Samples{{"/", 5}};
    QTest::newRow("non-JSON number with a leading point") << QByteArray(".25") << Samples{{"/", 0.25}};
    QTest::newRow("non-JSON number with a trailing point") << QByteArray("7.") << Samples{{"/", 7}};

    QTest::newRow("plain text") << QByteArray("hello world") << Samples{};
    QTest::newRow("text starting with a number") << QByteArray("5 apples") << Samples{};
    // UndefinedBehaviorSanitizer found that this one handed simdjson a null pointer to copy from.
    QTest::newRow("empty") << QByteArray() << Samples{};
    QTest::newRow("bare string") << QByteArray("\"42\"") << Samples{};
    QTest::newRow("bare null") << QByteArray("null") << Samples{};
    QTest::newRow("NaN is not a number to plot") << QByteArray("NaN") << Samples{};
    QTest::newRow("infinity is not a number to plot") << QByteArray("inf") << Samples{};
    QTest::newRow("two numbers") << QByteArray("1,2") << Samples{};
    QTest::newRow("two lines") << QByteArray("1\n2") << Samples{};
    QTest::newRow("truncated object") << QByteArray(R"({"count": 5)") << Samples{};
    QTest::newRow("bracket injection") << QByteArray("1],[2") << Samples{};
}

void TestFieldExtractor::extract()
{
    QFETCH(QByteArray, payload);
    QFETCH(Samples, expected);

    QCOMPARE(FieldExtractor::extract(payload), expected);
}

void TestFieldExtractor::extractedPathsLeadBackToTheirValues_data()
{
    QTest::addColumn<QByteArray>("payload");

    QTest::newRow("demo") << QByteArray(R"({"count": 5, "time": "2026-11-23T19:00:00.123Z"})");
    QTest::newRow("nested") << QByteArray(R"({"a": {"b": [1, [2, {"c": true}]]}, "d": false})");
    QTest::newRow("awkward keys")
        << QByteArray(R"({"a/b": {"~": 1, "x[1]": [2]}, "": {"": 3}, "[": 4, "~1": 5})");
    QTest::newRow("top-level array") << QByteArray("[[1], {\"a\": [2, 3]}]");
    QTest::newRow("bare number") << QByteArray("12.5");
}

void TestFieldExtractor::extractedPathsLeadBackToTheirValues()
{
    QFETCH(QByteArray, payload);

    const Samples samples = FieldExtractor::extract(payload);
    QVERIFY(!samples.isEmpty());
    for (const FieldSample &sample : samples) {
        const std::optional<QJsonValue> value = FieldExtractor::valueAt(payload, sample.path);
        QVERIFY2(value.has_value(), qPrintable(sample.path));
        const double number = value->isBool() ? (value->toBool() ? 1 : 0) : value->toDouble(-1);
        QCOMPARE(number, sample.value);
    }
}

void TestFieldExtractor::valueAt_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("found");
    QTest::addColumn<QJsonValue>("expected");

    const QByteArray demo(R"({"count": 5, "time": "2026-11-23T19:00:00.123Z"})");
    const QByteArray nested(R"({"cpu": {"load": [0.5, [7, {"x": true}]], "name": "a"}, "n": null})");
    const QJsonValue none;

    QTest::newRow("number") << demo << "/count" << true << QJsonValue(5);
    QTest::newRow("string (the time field)")
        << demo << "/time" << true << QJsonValue(QStringLiteral("2026-11-23T19:00:00.123Z"));
    QTest::newRow("missing key") << demo << "/missing" << false << none;
    QTest::newRow("key of a number") << demo << "/count/x" << false << none;
    QTest::newRow("index into an object") << demo << "/count[0]" << false << none;
    QTest::newRow("nested object") << nested << "/cpu/name" << true << QJsonValue(QStringLiteral("a"));
    QTest::newRow("array element") << nested << "/cpu/load[0]" << true << QJsonValue(0.5);
    QTest::newRow("nested array element") << nested << "/cpu/load[1][0]" << true << QJsonValue(7);
    QTest::newRow("object in a nested array") << nested << "/cpu/load[1][1]/x" << true << QJsonValue(true);
    QTest::newRow("null value") << nested << "/n" << true << QJsonValue(QJsonValue::Null);
    QTest::newRow("index out of range") << nested << "/cpu/load[2]" << false << none;
    QTest::newRow("huge index") << nested << "/cpu/load[99999999999999999999]" << false << none;
    QTest::newRow("negative index") << nested << "/cpu/load[-1]" << false << none;
    QTest::newRow("signed index") << nested << "/cpu/load[+0]" << false << none;
    QTest::newRow("empty index") << nested << "/cpu/load[]" << false << none;
    QTest::newRow("unclosed index") << nested << "/cpu/load[0" << false << none;
    QTest::newRow("key on an array") << nested << "/cpu/load/0" << false << none;
    QTest::newRow("no leading slash") << nested << "cpu" << false << none;
    QTest::newRow("subtree") << nested << "/cpu/load[1][1]" << true
                             << QJsonValue(QJsonObject{{"x", true}});
    QTest::newRow("escaped slash") << QByteArray(R"({"a/b": 1})") << "/a~1b" << true << QJsonValue(1);
    QTest::newRow("unescaped slash is a path") << QByteArray(R"({"a/b": 1})") << "/a/b" << false << none;
    QTest::newRow("escaped tilde") << QByteArray(R"({"~1": 2})") << "/~01" << true << QJsonValue(2);
    QTest::newRow("escaped bracket") << QByteArray(R"({"x[0]": 3})") << "/x~20]" << true << QJsonValue(3);
    QTest::newRow("bad escape") << QByteArray(R"({"~3": 3})") << "/~3" << false << none;
    QTest::newRow("top-level array") << QByteArray("[1, [2, 3]]") << "[1][0]" << true << QJsonValue(2);
    QTest::newRow("root of a bare number") << QByteArray("42") << "/" << true << QJsonValue(42);
    QTest::newRow("root of a non-JSON number") << QByteArray("+4") << "/" << true << QJsonValue(4);
    QTest::newRow("root of an object is its empty key") << QByteArray(R"({"": 6})") << "/" << true
                                                        << QJsonValue(6);
    QTest::newRow("root of an object without an empty key") << demo << "/" << false << none;
    QTest::newRow("key of a bare number") << QByteArray("42") << "/count" << false << none;
    QTest::newRow("not JSON") << QByteArray("hello") << "/" << false << none;
}

void TestFieldExtractor::valueAt()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, path);
    QFETCH(bool, found);
    QFETCH(QJsonValue, expected);

    const std::optional<QJsonValue> value = FieldExtractor::valueAt(payload, path);
    QCOMPARE(value.has_value(), found);
    if (found)
        QCOMPARE(*value, expected);
}

void TestFieldExtractor::timestampMs_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("expected");

    // 2026-11-23T19:00:00Z
    const qint64 base = QDateTime(QDate(2026, 11, 23), QTime(19, 0), Qt::UTC).toMSecsSinceEpoch();
    QCOMPARE(base, Q_INT64_C(1795460400000));
    const auto text = [](const char *s) { return QJsonValue(QString::fromLatin1(s)); };

    QTest::newRow("ISO with ms and Z") << text("2026-11-23T19:00:00.123Z") << true << base + 123;
    QTest::newRow("ISO without ms") << text("2026-11-23T19:00:00Z") << true << base;
    QTest::newRow("ISO with positive offset") << text("2026-11-23T21:00:00.5+02:00") << true << base + 500;
    QTest::newRow("ISO with negative offset") << text("2026-11-23T14:30:00-04:30") << true << base;
    QTest::newRow("ISO with +00:00") << text("2026-11-23T19:00:00.001+00:00") << true << base + 1;
    QTest::newRow("ISO with microseconds") << text("2026-11-23T19:00:00.123456Z") << true << base + 123;
    QTest::newRow("ISO with surrounding spaces") << text(" 2026-11-23T19:00:00Z ") << true << base;
    QTest::newRow("epoch seconds") << QJsonValue(1795460400) << true << base;
    QTest::newRow("epoch seconds with fraction") << QJsonValue(1795460400.123) << true << base + 123;
    QTest::newRow("epoch milliseconds") << QJsonValue(1795460400123.0) << true << base + 123;
    QTest::newRow("epoch microseconds") << QJsonValue(1795460400123456.0) << true << base + 123;
    QTest::newRow("epoch nanoseconds") << QJsonValue(1795460400123000000.0) << true << base + 123;
    const qint64 dec1 = Q_INT64_C(1764590400000); // 2025-12-01T12:00:00Z
    QTest::newRow("Unix seconds") << QJsonValue(1764590400) << true << dec1;
    QTest::newRow("Unix milliseconds") << QJsonValue(1764590400123.0) << true << dec1 + 123;
    QTest::newRow("Unix nanoseconds beyond 2^53") << QJsonValue(qint64(1764590400123456789)) << true
                                                  << dec1 + 123;
    QTest::newRow("Unix nanoseconds, parsed")
        << FieldExtractor::valueAt(R"({"t": 1764590400123456789})", QStringLiteral("/t")).value() << true
        << dec1 + 123;
    QTest::newRow("seconds rounded to the nearest ms") << QJsonValue(1.001) << true << qint64(1001);
    QTest::newRow("negative seconds") << QJsonValue(-1.5) << true << qint64(-1500);
    QTest::newRow("microseconds rounded to the nearest ms") << QJsonValue(1795460400123600.0) << true
                                                            << base + 124;
    QTest::newRow("epoch zero") << QJsonValue(0) << true << qint64(0);
    QTest::newRow("small number is seconds") << QJsonValue(1.5) << true << qint64(1500);
    QTest::newRow("numeric string, seconds") << text("1795460400") << true << base;
    QTest::newRow("numeric string, seconds with fraction") << text("1795460400.25") << true << base + 250;
    QTest::newRow("numeric string, milliseconds") << text("1795460400123") << true << base + 123;
    QTest::newRow("numeric string with spaces") << text(" 1795460400 ") << true << base;

    QTest::newRow("garbage string") << text("yesterday") << false << qint64(0);
    QTest::newRow("empty string") << text("") << false << qint64(0);
    QTest::newRow("invalid date") << text("2026-13-45T19:00:00Z") << false << qint64(0);
    QTest::newRow("ISO with trailing text") << text("2026-11-23T19:00:00Z please") << false << qint64(0);
    QTest::newRow("NaN string") << text("nan") << false << qint64(0);
    QTest::newRow("infinite string") << text("inf") << false << qint64(0);
    QTest::newRow("out of range") << text("1e300") << false << qint64(0);
    QTest::newRow("boolean") << QJsonValue(true) << false << qint64(0);
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << false << qint64(0);
    QTest::newRow("object") << QJsonValue(QJsonObject{{"t", 1}}) << false << qint64(0);
    QTest::newRow("undefined") << QJsonValue(QJsonValue::Undefined) << false << qint64(0);
}

void TestFieldExtractor::timestampMs()
{
    QFETCH(QJsonValue, value);
    QFETCH(bool, valid);
    QFETCH(qint64, expected);

    const std::optional<qint64> ms = FieldExtractor::timestampMs(value);
    QCOMPARE(ms.has_value(), valid);
    if (valid)
        QCOMPARE(*ms, expected);
}

QTEST_GUILESS_MAIN(TestFieldExtractor)
#include "tst_fieldextractor.moc"
