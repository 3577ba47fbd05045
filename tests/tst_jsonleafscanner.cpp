// The simdjson reading of payloads visits exactly what the QJsonDocument reading visits, for every
// shape of value a stream carries; and its buffers stay bounded by the largest ordinary payload.
#include "JsonLeafScanner.h"

#include <QTest>

namespace {

struct Visited
{
    QString path;
    JsonLeaf::Kind kind;
    double number;
    QString text;

    friend bool operator==(const Visited &a, const Visited &b)
    {
        // -0 and 0 are one value on a chart.
        return a.path == b.path && a.kind == b.kind && a.number == b.number && a.text == b.text;
    }
};

char *toString(const Visited &leaf)
{
    return QTest::toString(QStringLiteral("%1 = %2 %3").arg(leaf.path).arg(leaf.number, 0, 'g', 17).arg(leaf.text));
}

using Leaves = QList<Visited>;

JsonLeafScanner::Visit recorder(Leaves &leaves)
{
    return [&leaves](const QString &path, const JsonLeaf &leaf) {
        leaves.append({path, leaf.kind, leaf.number, QString::fromUtf8(leaf.utf8Text)});
    };
}

} // namespace

class tst_JsonLeafScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameLeavesAsQt_data();
    void sameLeavesAsQt();
    void scannerIsReusedAcrossPayloads();
    void largePayloadIsRead();
    void leafConvertsToJsonValue();
};

void tst_JsonLeafScanner::sameLeavesAsQt_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("expectedLeaves"); // -1: not read at all

    QTest::newRow("seed counter") << QByteArray(R"({"count": 42, "time": "2026-12-04T01:02:03.456Z"})") << 2;
    QTest::newRow("keys out of order") << QByteArray(R"({"z": 1, "a": 2, "m": {"y": 3, "b": 4}})") << 4;
    QTest::newRow("unix seconds") << QByteArray(R"({"ts": 1764810123})") << 1;
    QTest::newRow("unix ms") << QByteArray(R"({"ts": 1764810123456})") << 1;
    QTest::newRow("unix ns beyond 2^53") << QByteArray(R"({"ts": 1764810123456789012})") << 1;
    QTest::newRow("beyond int64") << QByteArray(R"({"n": 12345678901234567890})") << 1;
    QTest::newRow("beyond uint64") << QByteArray(R"({"n": 123456789012345678901234567890})") << 1;
    QTest::newRow("bytes in the millions") << QByteArray(R"({"rx": 734003200, "tx": 1.5e9})") << 2;
    QTest::newRow("negatives") << QByteArray(R"({"t": -40.5, "d": -0, "e": -0.0})") << 3;
    QTest::newRow("tiny and huge") << QByteArray(R"({"a": 1e-9, "b": 1e300, "c": 5e-324, "d": 1.7976931348623157e308})") << 4;
    // Qt refuses a number that overflows a double, or underflows it to zero.
    QTest::newRow("overflowing exponent") << QByteArray(R"({"a": 1e400})") << -1;
    QTest::newRow("underflowing exponent") << QByteArray(R"({"a": 1e-400})") << -1;
    QTest::newRow("underflowing deep inside") << QByteArray(R"({"a": [1, {"b": 0.1e-330}]})") << -1;
    QTest::newRow("zeros") << QByteArray(R"({"a": 0, "b": 0.0, "c": -0.0, "d": 0e10, "e": 0.000})") << 5;
    QTest::newRow("string where a number was") << QByteArray(R"({"count": "12", "x": "NaN"})") << 2;
    QTest::newRow("booleans and null") << QByteArray(R"({"up": true, "down": false, "none": null})") << 2;
    QTest::newRow("nested arrays") << QByteArray(R"({"cpu": {"load": [0.5, 0.25, [1, 2]]}, "m": []})") << 4;
    QTest::newRow("top-level array") << QByteArray(R"([1, {"a": 2}, "x", null, true])") << 4;
    QTest::newRow("bare number") << QByteArray("42.5") << 1;
    QTest::newRow("bare number with spaces") << QByteArray("  7\n") << 1;
    QTest::newRow("bare string") << QByteArray(R"("up")") << 1;
    QTest::newRow("bare true") << QByteArray("true") << 1;
    QTest::newRow("bare null") << QByteArray("null") << 0;
    QTest::newRow("not JSON but a number") << QByteArray("+5") << 1;
    QTest::newRow("leading dot") << QByteArray(".5") << 1;
    QTest::newRow("plain text") << QByteArray("hello world") << -1;
    QTest::newRow("empty") << QByteArray() << -1;
    QTest::newRow("trailing comma") << QByteArray(R"({"a": 1,})") << -1;
    QTest::newRow("truncated") << QByteArray(R"({"a": 1)") << -1;
    QTest::newRow("duplicate keys") << QByteArray(R"({"a": 1, "b": 2, "a": 3})") << 2;
    QTest::newRow("duplicate keys nested") << QByteArray(R"({"o": {"k": 1, "k": 2}})") << 1;
    QTest::newRow("keys to escape") << QByteArray(R"({"a/b": 1, "c~d": 2, "e[0]": 3, "": 4})") << 4;
    QTest::newRow("escaped key") << QByteArray(R"({"\u0041b": 1, "a\"q": 2})") << 2;
    QTest::newRow("non-ASCII keys") << QByteArray("{\"\xc3\xa9t\xc3\xa9\": 1, \"\xe6\xba\xab\xe5\xba\xa6\": 2, \"z\": 3}") << 3;
    QTest::newRow("astral and BMP-private keys") << QByteArray("{\"\xef\xbc\xa1\": 1, \"\xf0\x9f\x98\x80\": 2}") << 2;
    QTest::newRow("non-ASCII string") << QByteArray("{\"s\": \"\xe6\x9d\xb1\xe4\xba\xac \xf0\x9f\x98\x80\"}") << 1;
    QTest::newRow("escaped string") << QByteArray(R"({"s": "a\nb\u00e9\ud83d\ude00"})") << 1;
    QTest::newRow("lone surrogate escape") << QByteArray(R"({"s": "\ud800", "n": 1})") << 2;
    QTest::newRow("several types of value") << QByteArray(R"({"a": 1, "b": "x", "c": [true, null, 2.5], "d": {}})") << 4;
    QTest::newRow("constant") << QByteArray(R"({"v": 0})") << 1;
    QTest::newRow("deep") << QByteArray(QByteArray(200, '[') + "1" + QByteArray(200, ']')) << 1;
}

void tst_JsonLeafScanner::sameLeavesAsQt()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, expectedLeaves);

    Leaves fast;
    Leaves reference;
    JsonLeafScanner scanner;
    const bool fastRead = scanner.scan(payload, recorder(fast));
    const bool referenceRead = JsonLeafScanner::scanWithQt(payload, recorder(reference));

    QCOMPARE(fastRead, referenceRead);
    QCOMPARE(fastRead, expectedLeaves >= 0);
    QCOMPARE(fast, reference);
    QCOMPARE(fast.size(), qMax(expectedLeaves, 0));
}

void tst_JsonLeafScanner::scannerIsReusedAcrossPayloads()
{
    // One scanner, payloads of varying shape in turn: nothing of one leaks into the next.
    const QList<QByteArray> payloads = {
        R"({"b": {"y": 1, "x": 2}, "a": [3, 4]})", "5", R"({"a": 1, "a": 2})", "nope", R"({"c": [{"z": 1, "y": 2}]})",
    };
    JsonLeafScanner scanner;
    for (int round = 0; round < 3; ++round) {
        for (const QByteArray &payload : payloads) {
            Leaves fast;
            Leaves reference;
            QCOMPARE(scanner.scan(payload, recorder(fast)), JsonLeafScanner::scanWithQt(payload, recorder(reference)));
            QCOMPARE(fast, reference);
        }
    }
}

void tst_JsonLeafScanner::largePayloadIsRead()
{
    // Past the size the scanner keeps a parser for: read all the same.
    QByteArray payload = "{\"values\": [";
    for (int i = 0; i < 50'000; ++i)
        payload += QByteArray::number(i) + (i + 1 < 50'000 ? "," : "");
    payload += "], \"name\": \"" + QByteArray(100'000, 'x') + "\"}";
    QVERIFY(payload.size() > 64 * 1024);

    Leaves fast;
    Leaves reference;
    JsonLeafScanner scanner;
    QVERIFY(scanner.scan(payload, recorder(fast)));
    QVERIFY(JsonLeafScanner::scanWithQt(payload, recorder(reference)));
    QCOMPARE(fast.size(), 50'001);
    QCOMPARE(fast, reference);
    QCOMPARE(fast.constFirst().path, QStringLiteral("/name"));
    QCOMPARE(fast.constLast().path, QStringLiteral("/values[49999]"));
}

void tst_JsonLeafScanner::leafConvertsToJsonValue()
{
    const QByteArray text = "2026-12-04T01:02:03Z";
    QCOMPARE((JsonLeaf{JsonLeaf::Kind::String, 0, text}.toJsonValue()), QJsonValue(QString::fromUtf8(text)));
    QCOMPARE((JsonLeaf{JsonLeaf::Kind::Bool, 1, {}}.toJsonValue()), QJsonValue(true));
    QCOMPARE((JsonLeaf{JsonLeaf::Kind::Number, 2.5, {}}.toJsonValue()), QJsonValue(2.5));
}

QTEST_GUILESS_MAIN(tst_JsonLeafScanner)
#include "tst_jsonleafscanner.moc"
