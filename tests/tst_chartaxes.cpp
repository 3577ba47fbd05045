// ChartAxes: the ticks an axis is given for a plot of a given size. Whatever the range (one a
// constant series was widened to, a spike, an epoch), a plot of readable height gets at least two
// labels, never more than fit without touching, all distinct.

#include "AxisTicks.h"
#include "ChartAxes.h"
#include "DisplayTime.h"
#include "TimeZoneScope.h"

#include <QChart>
#include <QDateTime>
#include <QFontMetricsF>
#include <QSet>
#include <QTest>

#include <cfloat>
#include <optional>

class TestChartAxes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valueAxisOfEveryShape_data();
    void valueAxisOfEveryShape();
    void timeLabelsFollowTheDisplayZone();
};

void TestChartAxes::valueAxisOfEveryShape_data()
{
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");

    // Ranges as the panel's auto scale makes them from the data's low and high.
    const auto autoRange = [](const char *name, double low, double high) {
        const auto [from, to] = AxisTicks::autoRange(low, high, std::nullopt);
        QTest::newRow(name) << from << to;
    };
    autoRange("constant -40", -40, -40);
    autoRange("constant 16384", 16384, 16384);
    autoRange("constant 0", 0, 0);
    autoRange("constant 1e-9", 1e-9, 1e-9);
    autoRange("constant 1e300", 1e300, 1e300);
    autoRange("epoch seconds", 1764590400, 1764590419);
    autoRange("epoch ms", 1764590400000.0, 1764590419000.0);
    autoRange("epoch ns", 1764590400e9, 1764590419e9);
    autoRange("1 MiB counts", 1048575, 1048577);
    autoRange("0.5 with a spike", 0.5, 1.5e9);
    autoRange("booleans", 0, 1);
    autoRange("-40 to 40", -40, 40);
    QTest::newRow("-44..-36 as given") << -44.0 << -36.0;
    QTest::newRow("-DBL_MAX..DBL_MAX") << -DBL_MAX << DBL_MAX;
}

void TestChartAxes::valueAxisOfEveryShape()
{
    QFETCH(double, low);
    QFETCH(double, high);

    QChart chart;
    ChartAxes axes(&chart);
    QFont font;
    font.setPixelSize(12);
    axes.setLabelsFont(font);
    const double lineHeight = QFontMetricsF(font).height();
    for (const int height : {120, 150, 180, 220, 400, 800}) {
        axes.setRanges(0, 60000, low, high, QSizeF(700, height));
        const QStringList labels = axes.valueLabels();
        const QString shown = QStringLiteral("%1 px: %2").arg(height).arg(labels.join(u" | "));
        QVERIFY2(labels.size() >= 2, qPrintable(shown));
        QVERIFY2(labels.size() * lineHeight <= height, qPrintable(shown));
        QVERIFY2(QSet<QString>(labels.cbegin(), labels.cend()).size() == labels.size(), qPrintable(shown));
        for (const AxisTicks::Tick &tick : axes.valueTicks().ticks)
            QVERIFY2(tick.value >= low && tick.value <= high, qPrintable(shown));
    }
}

void TestChartAxes::timeLabelsFollowTheDisplayZone()
{
    const TimeZoneScope taipei("Asia/Taipei"); // UTC+8 all year
    // 2026-12-04 20:00Z to 20:10Z: 04:00 to 04:10 in Taipei.
    const qint64 from = QDateTime(QDate(2026, 12, 4), QTime(20, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 to = from + 10 * 60 * 1000;
    QChart chart;
    ChartAxes axes(&chart);
    axes.setRanges(from, to, 0, 1, QSizeF(700, 300));
    const QStringList local = axes.timeLabels();
    QVERIFY2(local.contains(QStringLiteral("04:04")), qPrintable(local.join(u" | ")));
    DisplayTime::setUtc(true);
    // The same ranges again: the zone alone changed.
    QVERIFY(axes.setRanges(from, to, 0, 1, QSizeF(700, 300)));
    const QStringList utc = axes.timeLabels();
    QVERIFY2(utc.contains(QStringLiteral("20:04")), qPrintable(utc.join(u" | ")));
    QCOMPARE(utc.size(), local.size());
    DisplayTime::setUtc(false);
}

QTEST_MAIN(TestChartAxes)
#include "tst_chartaxes.moc"
