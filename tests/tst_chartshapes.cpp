#include "ChartFixtures.h"
#include "ChartPanel.h"
#include "SeriesBuffer.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QGraphicsScene>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <functional>
#include <memory>

using namespace ChartFixtures;

namespace {

constexpr int Samples = 60; // one a second before the first frame
constexpr int Frames = 6;   // a sample and 250 ms more each

using Shape = std::function<double(int)>;

// The style of a value label: every label of one axis should read alike.
QString styleOf(const QString &label)
{
    static const QRegularExpression scientific(QStringLiteral("^-?\\d(\\.\\d+)?e-?\\d+$"));
    static const QRegularExpression si(QStringLiteral("^-?[\\d,]+(\\.\\d+)? [kMGT]$"));
    static const QRegularExpression plain(QStringLiteral("^-?[\\d,]+(\\.\\d+)?$"));
    if (scientific.match(label).hasMatch())
        return QStringLiteral("scientific");
    if (si.match(label).hasMatch())
        return QStringLiteral("si");
    if (plain.match(label).hasMatch())
        return QStringLiteral("plain");
    return QStringLiteral("odd: ") + label;
}

QCategoryAxis *axisOf(ChartPanel &panel, Qt::Orientation orientation)
{
    auto *view = panel.findChild<QChartView *>();
    if (!view)
        return nullptr;
    const auto axes = view->chart()->axes(orientation);
    return axes.isEmpty() ? nullptr : qobject_cast<QCategoryAxis *>(axes.first());
}

} // namespace

Q_DECLARE_METATYPE(Shape)

class TestChartShapes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void liveShapesGiveSaneAxes_data();
    void liveShapesGiveSaneAxes();
    void categoriesOnlyChangeWithTheTicks();

private:
    void checkAxis(ChartPanel &panel, Qt::Orientation orientation);
};

void TestChartShapes::liveShapesGiveSaneAxes_data()
{
    QTest::addColumn<Shape>("shape");
    QTest::addColumn<int>("count");

    QTest::newRow("epoch seconds") << Shape([](int i) { return 1764590400.0 + i; }) << Samples;
    QTest::newRow("epoch ms") << Shape([](int i) { return 1764590400000.0 + i * 1000.0; }) << Samples;
    QTest::newRow("epoch ns") << Shape([](int i) { return 1.7645904e18 + i * 1e6; }) << Samples;
    QTest::newRow("1 MiB counts") << Shape([](int i) { return 1048576.0 + (i % 5) - 2; }) << Samples;
    QTest::newRow("16384 constant") << Shape([](int) { return 16384.0; }) << Samples;
    QTest::newRow("0.5 with a spike") << Shape([](int i) { return i == 31 ? 1.5e9 : 0.5; }) << Samples;
    QTest::newRow("1e300") << Shape([](int) { return 1e300; }) << Samples;
    QTest::newRow("-1e300 to 1e300") << Shape([](int i) { return -1e300 + i * (2e300 / (Samples - 1)); }) << Samples;
    QTest::newRow("-40") << Shape([](int) { return -40.0; }) << Samples;
    QTest::newRow("1e-9") << Shape([](int i) { return 1e-9 * (1 + i % 3); }) << Samples;
    QTest::newRow("constant 0") << Shape([](int) { return 0.0; }) << Samples;
    QTest::newRow("single point") << Shape([](int) { return 42.0; }) << 1;
    QTest::newRow("booleans") << Shape([](int i) { return double(i % 2); }) << Samples;
    QTest::newRow("0.5, then 1.7e9") << Shape([](int i) { return i < Samples + 2 ? 0.5 : 1.7e9; }) << Samples;
}

void TestChartShapes::liveShapesGiveSaneAxes()
{
    QFETCH(Shape, shape);
    QFETCH(int, count);

    SeriesBuffer buffer;
    qint64 now = Base;
    for (int i = 0; i < count; ++i)
        buffer.append(now - (count - 1 - i) * 1000, shape(i));
    ChartPanel panel;
    panel.resize(900, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setSeries({{QStringLiteral("/value"), QColor(), &buffer}});
    const auto *view = panel.findChild<QChartView *>();
    QVERIFY(view);

    for (int frame = 0; frame < Frames; ++frame) {
        if (count > 1)
            buffer.append(now + 250, shape(count + frame));
        now += 250;
        settle(panel, now, Posted::LayoutRequests, 1);

        checkAxis(panel, Qt::Horizontal);
        checkAxis(panel, Qt::Vertical);
        if (QTest::currentTestFailed())
            return;
        // Memory and work stay bounded: a few hundred graphics items at most.
        const qsizetype items = view->scene()->items().size();
        QVERIFY2(items < 400, qPrintable(QString::number(items)));

        // The value axis holds what is in view.
        const auto [from, to] = panel.timeRange();
        const auto [low, high] = panel.valueRange();
        QVERIFY(std::isfinite(low) && std::isfinite(high) && high > low);
        for (qsizetype i = 0; i < buffer.size(); ++i) {
            if (buffer.timeAt(i) < from || buffer.timeAt(i) > to)
                continue;
            QVERIFY2(buffer.valueAt(i) >= low && buffer.valueAt(i) <= high,
                     qPrintable(QStringLiteral("%1 outside %2 .. %3").arg(buffer.valueAt(i)).arg(low).arg(high)));
        }
        QVERIFY(to >= now);
    }
    QVERIFY(!panel.displayedPoints(0).isEmpty());
}

void TestChartShapes::checkAxis(ChartPanel &panel, Qt::Orientation orientation)
{
    QCategoryAxis *axis = axisOf(panel, orientation);
    QVERIFY(axis);
    const QStringList labels = axis->categoriesLabels();
    const QString all = labels.join(QStringLiteral(" | "));
    QVERIFY2(labels.size() >= 2 && labels.size() <= 12, qPrintable(all));
    QCOMPARE(QSet<QString>(labels.cbegin(), labels.cend()).size(), labels.size());
    QCOMPARE(labels, orientation == Qt::Horizontal ? panel.timeAxisLabels() : panel.valueAxisLabels());
    double previous = -qInf();
    for (const QString &label : labels) {
        QVERIFY2(!label.trimmed().isEmpty(), qPrintable(all));
        // The category boundaries are the ticks, ascending and inside the range.
        const double value = axis->endValue(label);
        QVERIFY2(value > previous, qPrintable(all));
        QVERIFY2(value >= axis->min() && value <= axis->max(), qPrintable(all));
        previous = value;
    }
    QVERIFY2(axis->startValue(labels.first()) < axis->min(), qPrintable(all));
    QVERIFY2(!axis->labelsTruncated(), qPrintable(all));
    if (orientation == Qt::Vertical) {
        // One style per axis ("0" reads alike in all of them).
        QSet<QString> styles;
        for (const QString &label : labels) {
            if (label != QLatin1String("0"))
                styles.insert(styleOf(label));
        }
        QVERIFY2(styles.size() <= 1, qPrintable(all));
        QVERIFY2(styles.isEmpty() || !styles.begin()->startsWith(QLatin1String("odd")), qPrintable(all));
    }
}

void TestChartShapes::categoriesOnlyChangeWithTheTicks()
{
    SeriesBuffer buffer;
    for (qint64 t = Base - 60'000; t <= Base; t += 100)
        buffer.append(t, double(t % 1000));
    ChartPanel panel;
    panel.resize(900, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setSeries({{QStringLiteral("/value"), QColor(), &buffer}});
    panel.setTimeWindow(ChartPanel::OneMinute);
    settle(panel, Base, Posted::LayoutRequests, 1);

    QCategoryAxis *time = axisOf(panel, Qt::Horizontal);
    QCategoryAxis *value = axisOf(panel, Qt::Vertical);
    QSignalSpy timeCategories(time, &QCategoryAxis::categoriesChanged);
    QSignalSpy valueCategories(value, &QCategoryAxis::categoriesChanged);
    // Frames 16 ms apart scroll the range but keep the round ticks of a minute's window.
    const QStringList before = panel.timeAxisLabels();
    for (int frame = 1; frame <= 30; ++frame)
        panel.refresh(Base + 1 + frame * 16);
    QVERIFY(panel.timeRange().second > Base + 400);
    if (panel.timeAxisLabels() == before)
        QCOMPARE(timeCategories.size(), 0);
    QCOMPARE(valueCategories.size(), 0);
}

QTEST_MAIN(TestChartShapes)
#include "tst_chartshapes.moc"
