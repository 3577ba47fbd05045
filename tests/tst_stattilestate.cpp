// StatTileState: the value, text, level, staleness and sparkline a stat tile shows, from a series
// buffer, without any widget.
#include "SeriesBuffer.h"
#include "SseEvent.h"
#include "StatTileState.h"
#include "StreamFieldStore.h"

#include <QTest>

#include <cmath>

using Level = PanelThreshold::Level;
using Steps = QList<PanelThreshold>;

namespace {

constexpr qint64 Now = 1'764'590'400'000; // 2025-12-01, a Unix time in ms

int pointCount(const QList<QPointF> &points)
{
    return int(std::count_if(points.cbegin(), points.cend(), [](const QPointF &p) { return !std::isnan(p.y()); }));
}

} // namespace

class tst_StatTileState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void level_data();
    void level();
    void text_data();
    void text();
    void noData_data();
    void noData();
    void stringFieldBecomesNumber();
    void newestValue();
    void stale_data();
    void stale();
    void sparklineDecimated_data();
    void sparklineDecimated();
    void sparklineWindow();
    void sparklineRange_data();
    void sparklineRange();
    void sparklineBreaks();
};

void tst_StatTileState::level_data()
{
    QTest::addColumn<Steps>("steps");
    QTest::addColumn<double>("value");
    QTest::addColumn<Level>("expected");

    const Steps two{{10, Level::Warning}, {20, Level::Critical}};
    QTest::newRow("no steps") << Steps() << 1e300 << Level::Ok;
    QTest::newRow("below all") << two << 9.999 << Level::Ok;
    QTest::newRow("exactly at the first step") << two << 10.0 << Level::Warning;
    QTest::newRow("between") << two << 15.0 << Level::Warning;
    QTest::newRow("exactly at the second step") << two << 20.0 << Level::Critical;
    QTest::newRow("above all") << two << 1.5e6 << Level::Critical;
    QTest::newRow("negative value below all") << two << -5.0 << Level::Ok;
    const Steps cold{{-40, Level::Critical}, {-10, Level::Warning}, {0, Level::Ok}};
    QTest::newRow("negative steps, below all") << cold << -41.0 << Level::Ok;
    QTest::newRow("negative steps, at -40") << cold << -40.0 << Level::Critical;
    QTest::newRow("negative steps, between") << cold << -20.0 << Level::Critical;
    QTest::newRow("negative steps, at -10") << cold << -10.0 << Level::Warning;
    QTest::newRow("an Ok step ends a warning") << cold << 5.0 << Level::Ok;
    const Steps huge{{1e300, Level::Critical}};
    QTest::newRow("1e300 step, just below") << huge << 9.99e299 << Level::Ok;
    QTest::newRow("1e300 step, at it") << huge << 1e300 << Level::Critical;
    QTest::newRow("tiny step") << Steps{{1e-9, Level::Warning}} << 1e-9 << Level::Warning;
    QTest::newRow("tiny step, below") << Steps{{1e-9, Level::Warning}} << 9e-10 << Level::Ok;
    QTest::newRow("out of order, highest step wins") << Steps{{20, Level::Critical}, {10, Level::Warning}} << 25.0
                                                     << Level::Critical;
    QTest::newRow("out of order, between") << Steps{{20, Level::Critical}, {10, Level::Warning}} << 15.0
                                           << Level::Warning;
    QTest::newRow("nan is Ok") << two << std::nan("") << Level::Ok;
}

void tst_StatTileState::level()
{
    QFETCH(Steps, steps);
    QFETCH(double, value);
    QFETCH(Level, expected);
    QCOMPARE(StatTileState::levelFor(value, steps), expected);

    if (std::isnan(value))
        return; // a buffer holds no NaN
    SeriesBuffer buffer;
    buffer.append(Now - 10, 0);
    buffer.append(Now, value);
    StatTileState state;
    state.setThresholds(steps);
    state.update(&buffer, Now, 60'000, 100);
    QCOMPARE(state.level(), expected);
}

void tst_StatTileState::text_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("unitText");

    QTest::newRow("1e-9") << 1e-9 << QString() << "1e-9" << "1e-9" << QString();
    QTest::newRow("1.5e6 B/s") << 1.5e6 << "B/s" << "1.5 MB/s" << "1.5" << "MB/s";
    QTest::newRow("negative watts") << -1500.0 << "W" << "-1.5 kW" << "-1.5" << "kW";
    QTest::newRow("grouped digits") << 1234.0 << QString() << "1,234" << "1,234" << QString();
    QTest::newRow("other unit") << 12500.0 << "req/s" << "12.5 k req/s" << "12.5" << "k req/s";
    QTest::newRow("percent") << 99.94 << "%" << "99.94 %" << "99.94" << "%";
    QTest::newRow("negative celsius") << -40.0 << "°C" << "-40 °C" << "-40" << "°C";
    QTest::newRow("1e300 B") << 1e300 << "B" << "1e300 B" << "1e300" << "B";
    QTest::newRow("zero") << 0.0 << "B/s" << "0 B/s" << "0" << "B/s";
    QTest::newRow("Unix time in s") << 1764590400.0 << QString() << "1.765 G" << "1.765" << "G";
    QTest::newRow("Unix time in ms") << 1764590400123.0 << "ms" << "1,764,590,400 s" << "1,764,590,400" << "s";
    QTest::newRow("Unix time in ns") << 1.7645904e18 << QString() << "1.765e18" << "1.765e18" << QString();
}

void tst_StatTileState::text()
{
    QFETCH(double, value);
    QFETCH(QString, unit);
    SeriesBuffer buffer;
    buffer.append(Now, value);
    StatTileState state;
    state.setUnit(unit);
    state.update(&buffer, Now, 60'000, 100);
    QVERIFY(state.hasData());
    QCOMPARE(state.value(), value);
    QTEST(state.text(), "text");
    QTEST(state.numberText(), "number");
    QTEST(state.unitText(), "unitText");
    QVERIFY(!state.readoutText().isEmpty());
}

void tst_StatTileState::noData_data()
{
    QTest::addColumn<bool>("withBuffer");
    QTest::newRow("field never seen") << false;
    QTest::newRow("empty series") << true;
}

void tst_StatTileState::noData()
{
    QFETCH(bool, withBuffer);
    SeriesBuffer buffer;
    StatTileState state;
    state.setThresholds({{-1e300, Level::Critical}});
    // Data first, so that the empty update has something to forget.
    SeriesBuffer earlier;
    earlier.append(Now, 5);
    state.update(&earlier, Now, 60'000, 100);
    QVERIFY(state.hasData());

    state.update(withBuffer ? &buffer : nullptr, Now, 60'000, 100);
    QVERIFY(!state.hasData());
    QCOMPARE(state.text(), QStringLiteral("No data yet"));
    QVERIFY(state.numberText().isEmpty());
    QVERIFY(state.sparkline().isEmpty());
    QVERIFY(!state.isStale());
    QCOMPARE(state.level(), Level::Ok); // no value reaches a step
}

void tst_StatTileState::stringFieldBecomesNumber()
{
    StreamFieldStore store;
    store.addEvent({QStringLiteral("message"), QStringLiteral(R"({"v": "12"})"), QString()}, Now - 2000);
    StatTileState state;
    state.setUnit(QStringLiteral("ms"));
    state.update(store.buffer(QStringLiteral("/v")), Now, 60'000, 100);
    QVERIFY(!state.hasData());

    store.addEvent({QStringLiteral("message"), QStringLiteral(R"({"v": 12.5})"), QString()}, Now - 1000);
    QVERIFY(store.buffer(QStringLiteral("/v")));
    state.update(store.buffer(QStringLiteral("/v")), Now, 60'000, 100);
    QVERIFY(state.hasData());
    QCOMPARE(state.value(), 12.5);
    QCOMPARE(state.text(), QStringLiteral("12.5 ms"));
    QCOMPARE(state.valueTimeMs(), Now - 1000);
}

void tst_StatTileState::newestValue()
{
    SeriesBuffer buffer;
    buffer.append(Now - 3000, 1);
    buffer.append(Now - 2000, 1e300);
    buffer.append(Now - 1000, -7);
    StatTileState state;
    state.setThresholds({{0, Level::Warning}});
    state.update(&buffer, Now, 60'000, 100);
    QCOMPARE(state.value(), -7.0); // the newest, not the largest
    QCOMPARE(state.valueTimeMs(), Now - 1000);
    QCOMPARE(state.level(), Level::Ok);
}

void tst_StatTileState::stale_data()
{
    QTest::addColumn<qint64>("ageMs");
    QTest::addColumn<qint64>("windowMs");
    QTest::addColumn<bool>("stale");

    QTest::newRow("fresh") << qint64(1000) << qint64(5000) << false;
    QTest::newRow("at the window's edge") << qint64(5000) << qint64(5000) << false;
    QTest::newRow("just older than the window") << qint64(5001) << qint64(5000) << true;
    QTest::newRow("an hour old, 5 min window") << qint64(3'600'000) << qint64(300'000) << true;
    QTest::newRow("window of everything") << qint64(3'600'000) << qint64(0) << false;
    QTest::newRow("clock behind the sample") << qint64(-2000) << qint64(5000) << false;
}

void tst_StatTileState::stale()
{
    QFETCH(qint64, ageMs);
    QFETCH(qint64, windowMs);
    SeriesBuffer buffer;
    buffer.append(Now - ageMs, 42);
    StatTileState state;
    state.update(&buffer, Now, windowMs, 100);
    QVERIFY(state.hasData());
    QCOMPARE(state.value(), 42.0); // the value stays, marked
    QTEST(state.isStale(), "stale");
}

void tst_StatTileState::sparklineDecimated_data()
{
    QTest::addColumn<int>("samples");
    QTest::addColumn<int>("width");

    QTest::newRow("100k samples, 50 px") << 100'000 << 50;
    QTest::newRow("100k samples, 1 px") << 100'000 << 1;
    QTest::newRow("no width") << 10'000 << 0;
    QTest::newRow("fewer samples than pixels") << 20 << 300;
}

void tst_StatTileState::sparklineDecimated()
{
    QFETCH(int, samples);
    QFETCH(int, width);
    const qint64 window = 60'000;
    SeriesBuffer buffer(samples);
    for (int i = 0; i < samples; ++i)
        buffer.append(Now - window + qint64(i) * window / samples, i % 2 ? 1.5e6 : -1.5e6);
    buffer.append(Now - window / 2, 1e300); // a spike must survive
    StatTileState state;
    state.update(&buffer, Now, window, width);
    const QList<QPointF> &points = state.sparkline();
    QVERIFY(!points.isEmpty());
    QVERIFY2(pointCount(points) <= 2 * std::max(1, width) + 2, qPrintable(QString::number(points.size())));
    QVERIFY(pointCount(points) <= samples + 1);
    QCOMPARE(state.sparkMax(), 1e300);
    QCOMPARE(state.sparkMin(), -1.5e6);
}

void tst_StatTileState::sparklineWindow()
{
    SeriesBuffer buffer;
    buffer.append(Now - 120'000, 999); // before the window
    buffer.append(Now - 30'000, 1);
    buffer.append(Now - 10'000, 2);
    StatTileState state;
    state.update(&buffer, Now, 60'000, 100);
    QCOMPARE(state.sparkFromMs(), Now - 60'000);
    QCOMPARE(state.sparkToMs(), Now);
    QCOMPARE(pointCount(state.sparkline()), 2);
    QCOMPARE(state.sparkMax(), 2.0);

    // Everything held: from the oldest sample.
    state.update(&buffer, Now, 0, 100);
    QCOMPARE(state.sparkFromMs(), Now - 120'000);
    QCOMPARE(pointCount(state.sparkline()), 3);
    QCOMPARE(state.sparkMax(), 999.0);

    // Stale: nothing in the window to draw, the value still shown.
    state.update(&buffer, Now + 120'000, 60'000, 100);
    QVERIFY(state.isStale());
    QVERIFY(state.sparkline().isEmpty());
    QCOMPARE(state.value(), 2.0);
}

void tst_StatTileState::sparklineRange_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");

    QTest::newRow("constant") << QList<double>{7, 7, 7, 7} << 7.0 << 7.0;
    QTest::newRow("tiny") << QList<double>{1e-9, 3e-9, 2e-9} << 1e-9 << 3e-9;
    QTest::newRow("negative") << QList<double>{-5, -50, -0.5} << -50.0 << -0.5;
    QTest::newRow("extremes") << QList<double>{-1e300, 1e300} << -1e300 << 1e300;
    QTest::newRow("one sample") << QList<double>{1.5e6} << 1.5e6 << 1.5e6;
}

void tst_StatTileState::sparklineRange()
{
    QFETCH(QList<double>, values);
    SeriesBuffer buffer;
    for (qsizetype i = 0; i < values.size(); ++i)
        buffer.append(Now - 1000 * (values.size() - i), values.at(i));
    StatTileState state;
    state.update(&buffer, Now, 60'000, 200);
    QCOMPARE(pointCount(state.sparkline()), int(values.size()));
    QTEST(state.sparkMin(), "min");
    QTEST(state.sparkMax(), "max");
}

void tst_StatTileState::sparklineBreaks()
{
    SeriesBuffer buffer;
    buffer.append(Now - 3000, 1);
    buffer.append(Now - 2500, 2);
    buffer.markBreak();
    buffer.append(Now - 1000, 3);
    buffer.append(Now - 500, 4);
    StatTileState state;
    state.update(&buffer, Now, 60'000, 200);
    const QList<QPointF> &points = state.sparkline();
    QCOMPARE(points.size(), 5);
    QVERIFY(std::isnan(points.at(2).y())); // the lines either side stay apart
    QCOMPARE(state.sparkMin(), 1.0);
    QCOMPARE(state.sparkMax(), 4.0);
}

QTEST_GUILESS_MAIN(tst_StatTileState)
#include "tst_stattilestate.moc"
