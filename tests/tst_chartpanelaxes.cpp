#include "ChartFixtures.h"
#include "ChartPanel.h"
#include "SeriesBuffer.h"

#include <QChartView>
#include <QDateTime>
#include <QMouseEvent>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <memory>

using namespace ChartFixtures;

// ChartPanel's second value axis, units, log scales, event markers, click-to-select and the
// readout of every series.
class TestChartPanelAxes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void rightAxis_data();
    void rightAxis();
    void logScale_data();
    void logScale();
    void markers_data();
    void markers();
    void clickSelectsNearestPoint_data();
    void clickSelectsNearestPoint();
    void dragSelectsNothing();
    void readoutListsEverySeries();

private:
    // Series a (left) and b (right when `bRight`) over ten seconds, shown whole.
    void plot(const std::vector<double> &a, const std::vector<double> &b, bool bRight,
              const QString &unitA = {}, const QString &unitB = {});
    QPoint pixelOf(qint64 timeMs, double value, int axis) const; // in the view's viewport
    QWidget *viewport() const { return m_panel->findChild<QChartView *>()->viewport(); }
    void send(QEvent::Type type, QPoint pos, Qt::MouseButton button, Qt::MouseButtons buttons) const;

    static constexpr qint64 Now = 10'000;
    std::unique_ptr<ChartPanel> m_panel;
    std::unique_ptr<SeriesBuffer> m_a;
    std::unique_ptr<SeriesBuffer> m_b;
};

void TestChartPanelAxes::init()
{
    m_a = std::make_unique<SeriesBuffer>();
    m_b = std::make_unique<SeriesBuffer>();
    m_panel = std::make_unique<ChartPanel>();
    m_panel->resize(900, 450);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestChartPanelAxes::cleanup()
{
    m_panel.reset();
    m_a.reset();
    m_b.reset();
}

void TestChartPanelAxes::plot(const std::vector<double> &a, const std::vector<double> &b, bool bRight,
                              const QString &unitA, const QString &unitB)
{
    for (size_t i = 0; i < a.size(); ++i)
        m_a->append(Base + qint64(i) * 1000, a[i]);
    for (size_t i = 0; i < b.size(); ++i)
        m_b->append(Base + 500 + qint64(i) * 1000, b[i]);
    QList<PlotSeries> list;
    list.append({QStringLiteral("/count"), QColor(), m_a.get(), 0, unitA});
    if (!b.empty())
        list.append({QStringLiteral("/bytes"), QColor(), m_b.get(), bRight ? 1 : 0, unitB});
    m_panel->setSeries(list);
    m_panel->zoomToRange(Base - 500, Base + Now);
    settle(*m_panel, Base + Now);
}

QPoint TestChartPanelAxes::pixelOf(qint64 timeMs, double value, int axis) const
{
    const QRect plot = m_panel->plotArea();
    const auto [from, to] = m_panel->timeRange();
    const auto [low, high] = m_panel->valueRange(axis);
    const QPoint inPanel(plot.left() + int(std::lround(double(timeMs - from) * plot.width() / double(to - from))),
                         plot.top() + int(std::lround((high - value) / (high - low) * plot.height())));
    return viewport()->mapFrom(m_panel.get(), inPanel);
}

void TestChartPanelAxes::send(QEvent::Type type, QPoint pos, Qt::MouseButton button, Qt::MouseButtons buttons) const
{
    QWidget *target = viewport();
    QMouseEvent event(type, pos, target->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &event);
}

void TestChartPanelAxes::rightAxis_data()
{
    QTest::addColumn<std::vector<double>>("right");
    QTest::addColumn<bool>("onRight");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("labelEnd"); // every right label ends so; empty: no right axis

    const std::vector<double> bytes{1e6, 2e6, 3e6, 4e6, 5e6, 1.5e6, 2.5e6, 3.5e6, 4.5e6, 5e6};
    QTest::newRow("left only") << std::vector<double>{} << false << QString() << QString();
    QTest::newRow("second series on the left") << bytes << false << QStringLiteral("B/s") << QString();
    QTest::newRow("bytes per second on the right") << bytes << true << QStringLiteral("B/s") << QStringLiteral("MB/s");
    QTest::newRow("milliseconds on the right")
        << std::vector<double>{50, 120, 300, 80, 200, 250, 90, 60, 150, 210} << true << QStringLiteral("ms")
        << QStringLiteral(" ms");
    QTest::newRow("epoch ns, no unit") << std::vector<double>{1764590400e9, 1764590401e9, 1764590405e9} << true
                                       << QString() << QString(u'\0');
}

void TestChartPanelAxes::rightAxis()
{
    QFETCH(std::vector<double>, right);
    QFETCH(bool, onRight);
    QFETCH(QString, unit);
    QFETCH(QString, labelEnd);

    plot({0, 2, 4, 6, 8, 10, 3, 5, 7, 9}, right, onRight, QString(), unit);
    const bool expected = !labelEnd.isEmpty();
    QCOMPARE(m_panel->hasRightAxis(), expected);
    QCOMPARE(m_panel->valueAxisLabels(1).isEmpty(), !expected);
    if (!expected)
        return;
    // The left axis fits its own series only, the right one its series.
    const auto [leftLow, leftHigh] = m_panel->valueRange(0);
    QVERIFY2(leftLow <= 0 && leftHigh >= 10 && leftHigh <= 12, qPrintable(QString::number(leftHigh)));
    const auto [low, high] = m_panel->valueRange(1);
    const auto [dataLow, dataHigh] = std::minmax_element(right.cbegin(), right.cend());
    const double span = *dataHigh - *dataLow;
    QVERIFY2(low <= *dataLow && high >= *dataHigh, qPrintable(QStringLiteral("%1..%2").arg(low).arg(high)));
    QVERIFY2(high - low <= 2 * span, qPrintable(QStringLiteral("%1..%2").arg(low).arg(high)));

    const QStringList labels = m_panel->valueAxisLabels(1);
    QVERIFY2(labels.size() >= 2, qPrintable(labels.join(u" | ")));
    QCOMPARE(QSet<QString>(labels.cbegin(), labels.cend()).size(), labels.size());
    for (const QString &label : labels) {
        if (labelEnd == QString(u'\0'))
            QVERIFY2(!label.contains(u'B') && !label.contains(u's'), qPrintable(label));
        else
            // Zero takes no prefix ("0 s" on a ms axis).
            QVERIFY2(label.endsWith(labelEnd) || label.startsWith(QStringLiteral("0 ")), qPrintable(labels.join(u" | ")));
    }
    // The left labels carry no unit.
    for (const QString &label : m_panel->valueAxisLabels(0))
        QVERIFY2(!label.contains(QStringLiteral("B/s")), qPrintable(label));

    // Moved to the left axis, the right axis goes and leaves its room to the plot.
    const int widthWithRight = m_panel->plotArea().width();
    QList<PlotSeries> list = m_panel->series();
    list[1].axis = 0;
    m_panel->setSeries(list);
    settle(*m_panel, Base + Now);
    QVERIFY(!m_panel->hasRightAxis());
    QVERIFY(m_panel->valueAxisLabels(1).isEmpty());
    QVERIFY2(m_panel->plotArea().width() > widthWithRight,
             qPrintable(QStringLiteral("%1 vs %2").arg(m_panel->plotArea().width()).arg(widthWithRight)));
}

void TestChartPanelAxes::logScale_data()
{
    QTest::addColumn<std::vector<double>>("values");
    QTest::addColumn<int>("hidden");
    QTest::addColumn<int>("segments");
    QTest::addColumn<QString>("ends"); // the first and the last label

    QTest::newRow("1..1e6") << std::vector<double>{1, 10, 100, 1e3, 1e4, 1e5, 1e6} << 0 << 1 << "1|1e6";
    QTest::newRow("1e-9..1e300") << std::vector<double>{1e-9, 1, 1e100, 1e200, 1e300} << 0 << 1 << "1|1e300";
    QTest::newRow("a zero in the middle") << std::vector<double>{5, 50, 0, 500, 5000} << 1 << 2 << "1|1e4";
    QTest::newRow("negatives and zeros") << std::vector<double>{-3, 0, 2, 40, -1, 0, 800, 900} << 4 << 2
                                         << "1|1,000";
    QTest::newRow("constant 1e-9") << std::vector<double>{1e-9, 1e-9, 1e-9} << 0 << 1 << "5e-10|2e-9";
    QTest::newRow("epoch ms") << std::vector<double>{1764590400000.0, 1764590405000.0, 1764590409000.0} << 0 << 1
                              << "1e12|5e12";
}

void TestChartPanelAxes::logScale()
{
    QFETCH(std::vector<double>, values);
    QFETCH(int, hidden);
    QFETCH(int, segments);
    QFETCH(QString, ends);

    plot(values, {}, false);
    QVERIFY(!m_panel->logScale(0));
    const QStringList linear = m_panel->valueAxisLabels(0);
    m_panel->setLogScale(0, true);
    settle(*m_panel, Base + Now);
    QVERIFY(m_panel->logScale(0));
    QVERIFY(!m_panel->logScale(1));

    const QStringList labels = m_panel->valueAxisLabels(0);
    QVERIFY2(labels.size() >= 2, qPrintable(labels.join(u" | ")));
    QVERIFY2(labels.size() <= 12, qPrintable(labels.join(u" | ")));
    QCOMPARE(QSet<QString>(labels.cbegin(), labels.cend()).size(), labels.size());
    const auto [low, high] = m_panel->valueRange();
    double smallest = INFINITY;
    double largest = 0;
    for (double v : values) {
        if (v > 0) {
            smallest = std::min(smallest, v);
            largest = std::max(largest, v);
        }
    }
    QVERIFY2(low > 0 && low <= smallest && high >= largest,
             qPrintable(QStringLiteral("%1..%2").arg(low).arg(high)));
    QCOMPARE(m_panel->displayedSegmentCount(0), segments);
    QCOMPARE(labels.first() + u'|' + labels.last(), ends);

    const QString status = m_panel->statusText();
    if (hidden == 0) {
        QVERIFY2(!status.contains(QStringLiteral("log scale")), qPrintable(status));
    } else {
        const QString expected = hidden == 1 ? QStringLiteral("1 value ≤ 0 not shown on the log scale")
                                             : QStringLiteral("%1 values ≤ 0 not shown on the log scale").arg(hidden);
        QVERIFY2(status.contains(expected), qPrintable(status));
    }

    // Back to linear: the same labels as before, no count.
    m_panel->setLogScale(0, false);
    settle(*m_panel, Base + Now);
    QCOMPARE(m_panel->valueAxisLabels(0), linear);
    QVERIFY(!m_panel->statusText().contains(QStringLiteral("log scale")));
}

void TestChartPanelAxes::markers_data()
{
    QTest::addColumn<QList<qint64>>("offsets"); // from Base
    QTest::addColumn<int>("drawn");

    QTest::newRow("none") << QList<qint64>{} << 0;
    QTest::newRow("inside") << QList<qint64>{1000, 4000, 8000} << 3;
    QTest::newRow("before and after") << QList<qint64>{-60'000, 3000, 60'000} << 1;
    QTest::newRow("all outside") << QList<qint64>{-5000, 3'600'000} << 0;
    QTest::newRow("same instant twice") << QList<qint64>{2000, 2000} << 1;
}

void TestChartPanelAxes::markers()
{
    QFETCH(QList<qint64>, offsets);
    QFETCH(int, drawn);

    plot({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, {}, false);
    QList<ChartMarker> list;
    for (qint64 offset : offsets)
        list.append({Base + offset, QStringLiteral("deploy %1").arg(offset)});
    m_panel->setMarkers(list);
    QCOMPARE(m_panel->markers().size(), list.size());
    const QList<QRect> lines = m_panel->markerLines();
    QCOMPARE(lines.size(), drawn);
    const QRect plot = m_panel->plotArea();
    for (const QRect &line : lines) {
        QVERIFY(line.width() <= 2);
        QVERIFY2(line.left() >= plot.left() - 1 && line.right() <= plot.right() + 1, qPrintable(QString::number(line.left())));
        QVERIFY(line.height() >= plot.height() - 2);
    }
    // They follow the view: zoomed onto a second without markers, none is drawn.
    m_panel->zoomToRange(Base + 9100, Base + 9900);
    settle(*m_panel, Base + Now);
    QCOMPARE(m_panel->markerLines().size(), 0);
    m_panel->setMarkers({});
    QVERIFY(m_panel->markers().isEmpty());
}

void TestChartPanelAxes::clickSelectsNearestPoint_data()
{
    QTest::addColumn<int>("series");
    QTest::addColumn<int>("sample");
    QTest::addColumn<bool>("onRight");

    QTest::newRow("left series") << 0 << 4 << true;
    QTest::newRow("right series, its own axis") << 1 << 6 << true;
    QTest::newRow("second series on the left") << 1 << 2 << false;
}

void TestChartPanelAxes::clickSelectsNearestPoint()
{
    QFETCH(int, series);
    QFETCH(int, sample);
    QFETCH(bool, onRight);

    const std::vector<double> a{0, 2, 4, 6, 8, 10, 3, 5, 7, 9};
    const std::vector<double> b{-1e6, 2e6, 3e6, -4e6, 5e6, 1.5e6, 2.5e6, 3.5e6, 4.5e6, 5e6};
    plot(a, onRight ? b : std::vector<double>{-1, 2, 3, 4, 5, 6, 7, 8, 9, 1}, onRight);
    const qint64 time = Base + (series == 1 ? 500 : 0) + sample * 1000;
    const double value = series == 0 ? a[size_t(sample)] : (onRight ? b[size_t(sample)] : std::vector<double>{-1, 2, 3, 4, 5, 6, 7, 8, 9, 1}[size_t(sample)]);
    const int axis = series == 1 && onRight ? 1 : 0;

    QSignalSpy clicked(m_panel.get(), &ChartPanel::pointClicked);
    QTest::mouseClick(viewport(), Qt::LeftButton, Qt::NoModifier, pixelOf(time, value, axis) + QPoint(3, -2));
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.at(0).at(0).toInt(), series);
    QCOMPARE(clicked.at(0).at(1).toLongLong(), time);
    QCOMPARE(clicked.at(0).at(2).toDouble(), value);
    QVERIFY(m_panel->isFollowing() == false); // the click did not zoom: still the range shown
    QCOMPARE(m_panel->timeRange(), std::pair(Base - 500, Base + Now));

    // Far from every point: nothing.
    const QRect plot = m_panel->plotArea();
    QTest::mouseClick(viewport(), Qt::LeftButton, Qt::NoModifier,
                      viewport()->mapFrom(m_panel.get(), QPoint(plot.left() + 2, plot.top() + 2)));
    QCOMPARE(clicked.size(), 1);
}

void TestChartPanelAxes::dragSelectsNothing()
{
    plot({0, 2, 4, 6, 8, 10, 3, 5, 7, 9}, {}, false);
    QSignalSpy clicked(m_panel.get(), &ChartPanel::pointClicked);
    const QPoint start = pixelOf(Base + 2000, 4, 0);
    const QPoint end = pixelOf(Base + 7000, 5, 0);
    send(QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
    send(QEvent::MouseMove, (start + end) / 2, Qt::NoButton, Qt::LeftButton);
    send(QEvent::MouseMove, end, Qt::NoButton, Qt::LeftButton);
    send(QEvent::MouseButtonRelease, end, Qt::LeftButton, Qt::NoButton);
    QCOMPARE(clicked.size(), 0);
    const auto [from, to] = m_panel->timeRange();
    QVERIFY(to - from < Now); // the drag zoomed

    // A press and a release far apart without moves in between is no click either.
    send(QEvent::MouseButtonPress, pixelOf(from + 500, 4, 0), Qt::LeftButton, Qt::LeftButton);
    send(QEvent::MouseButtonRelease, pixelOf(from + 500, 4, 0) + QPoint(0, 40), Qt::LeftButton, Qt::NoButton);
    QCOMPARE(clicked.size(), 0);
}

void TestChartPanelAxes::readoutListsEverySeries()
{
    plot({0, 2, 4, 6, 8, 10, 3, 5, 7, 42}, {1e6, 2e6, 3e6, 4e6, 5e6, 1.5e6, 2.5e6, 3.5e6, 4.5e6, 2e6}, true,
         QString(), QStringLiteral("B/s"));
    const qint64 t = Base + 9000;
    const QString stamp = QDateTime::fromMSecsSinceEpoch(t).toString(QStringLiteral("HH:mm:ss.zzz"));
    QCOMPARE(m_panel->readoutLinesAt(t),
             (QStringList{stamp, QStringLiteral("/count = 42"), QStringLiteral("/bytes = 2 MB/s")}));
    QCOMPARE(m_panel->readoutLinesAt(Base + 1400).mid(1),
             (QStringList{QStringLiteral("/count = 2"), QStringLiteral("/bytes = 2 MB/s")}));
    // The single readout names the unit too.
    const QString single = m_panel->readoutAtPosition(viewport()->mapTo(m_panel.get(), pixelOf(Base + 500, 1e6, 1)));
    QVERIFY2(single.endsWith(QStringLiteral("  /bytes = 1 MB/s")), qPrintable(single));

    // A series without a sample in view is left out.
    m_panel->zoomToRange(Base - 400, Base + 200);
    settle(*m_panel, Base + Now);
    QCOMPARE(m_panel->readoutLinesAt(Base).mid(1), QStringList{QStringLiteral("/count = 0")});
    m_panel->zoomToRange(Base + 20'000, Base + 30'000);
    settle(*m_panel, Base + Now + 30'000);
    QVERIFY(m_panel->readoutLinesAt(Base + 25'000).isEmpty());

    // Hovering shows the lines on the plot.
    m_panel->zoomToRange(Base - 500, Base + Now);
    settle(*m_panel, Base + Now);
    const QPoint pos = pixelOf(Base + 9000, 42, 0);
    send(QEvent::MouseMove, pos, Qt::NoButton, Qt::NoButton);
    QCOMPARE(m_panel->hoverLines(),
             (QStringList{stamp, QStringLiteral("/count = 42"), QStringLiteral("/bytes = 2 MB/s")}));
}

QTEST_MAIN(TestChartPanelAxes)
#include "tst_chartpanelaxes.moc"
