#include "ChartFixtures.h"
#include "ChartPanel.h"
#include "SeriesBuffer.h"
#include "YRangeDialog.h"

#include <QChartView>
#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineSeries>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QToolButton>

#include <algorithm>
#include <memory>

using namespace ChartFixtures;

namespace {

QLineSeries *lineSeries(ChartPanel &panel, const QString &name)
{
    const auto *view = panel.findChild<QChartView *>();
    if (!view)
        return nullptr;
    const auto all = view->chart()->series();
    for (QAbstractSeries *series : all) {
        if (series->name() == name)
            return qobject_cast<QLineSeries *>(series);
    }
    return nullptr;
}

double maxY(const QList<QPointF> &points)
{
    double max = -1e300;
    for (const QPointF &p : points)
        max = std::max(max, p.y());
    return max;
}

} // namespace

class TestChartPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void emptyStateWithoutSeries();
    void seriesGetDecimatedPoints();
    void decimationKeepsSpike();
    void unchangedFrameDoesNoWork();
    void timeWindowPresetsSetAxisRange_data();
    void timeWindowPresetsSetAxisRange();
    void timeLabelFormatFollowsSpan_data();
    void timeLabelFormatFollowsSpan();
    void pauseKeepsRangeWhileDataArrives();
    void zoomThenResetReturnsToFollow();
    void fixedValueBoundsHonoured();
    void autoScaleFitsDataWithMargin();
    void yRangeMenuSwitchesModes();
    void fixedBoundsDialogAppliesBounds();
    void coloursStayWithSeries();
    void paletteColoursDistinct();
    void grabImageHasChartSize();

private:
    void settle(qint64 now) { ChartFixtures::settle(*m_panel, now); }

    std::unique_ptr<ChartPanel> m_panel;
    std::unique_ptr<SeriesBuffer> m_a;
    std::unique_ptr<SeriesBuffer> m_b;
};

void TestChartPanel::init()
{
    m_a = std::make_unique<SeriesBuffer>();
    m_b = std::make_unique<SeriesBuffer>();
    m_panel = std::make_unique<ChartPanel>();
    m_panel->setTitle(QStringLiteral("http://127.0.0.1:8080/events"));
    m_panel->resize(900, 450);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestChartPanel::cleanup()
{
    m_panel.reset();
    m_a.reset();
    m_b.reset();
}

void TestChartPanel::emptyStateWithoutSeries()
{
    const auto *stack = m_panel->findChild<QStackedWidget *>();
    QVERIFY(stack);
    const auto *label = qobject_cast<QLabel *>(stack->currentWidget());
    QVERIFY(label);
    QVERIFY(label->text().contains(QStringLiteral("No numeric fields yet")));
    QVERIFY(label->text().contains(QStringLiteral("127.0.0.1:8080")));

    m_panel->setSeries({{QStringLiteral("/count"), QColor(), m_a.get()}});
    QVERIFY(qobject_cast<QChartView *>(stack->currentWidget()));
    m_panel->setSeries({});
    QCOMPARE(stack->currentWidget(), label);
}

void TestChartPanel::seriesGetDecimatedPoints()
{
    const qint64 now = Base + 60'000;
    fill(*m_a, Base, now, 1, [](qint64 t) { return double(t % 1000); }); // 60k samples
    fill(*m_b, Base, now, 1000, [](qint64 t) { return double((t - Base) / 1000); });
    m_panel->setSeries({{QStringLiteral("/saw"), QColor(), m_a.get()},
                        {QStringLiteral("/count"), QColor(), m_b.get()}});
    m_panel->setTimeWindow(ChartPanel::OneMinute);
    settle(now);

    const int width = m_panel->plotArea().width();
    QVERIFY2(width > 300, qPrintable(QString::number(width)));
    const QList<QPointF> saw = m_panel->displayedPoints(0);
    QVERIFY(!saw.isEmpty());
    QVERIFY2(saw.size() <= 2 * width + 2, qPrintable(QStringLiteral("%1 points for %2 px").arg(saw.size()).arg(width)));
    QVERIFY(saw.size() < m_a->size() / 10);
    // The sparse series is shown sample for sample.
    QCOMPARE(m_panel->displayedPoints(1).size(), 61);

    // The chart draws what the panel reports.
    QLineSeries *line = lineSeries(*m_panel, QStringLiteral("/saw"));
    QVERIFY(line);
    QCOMPARE(line->points(), saw);
    QVERIFY(std::is_sorted(saw.cbegin(), saw.cend(),
                           [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
}

void TestChartPanel::decimationKeepsSpike()
{
    const qint64 now = Base + 60'000;
    const qint64 spikeAt = Base + 31'337;
    fill(*m_a, Base, now, 1, [spikeAt](qint64 t) { return t == spikeAt ? 1000.0 : (t % 7) * 0.1; });
    m_panel->setSeries({{QStringLiteral("/value"), QColor(), m_a.get()}});
    settle(now);

    const QList<QPointF> points = m_panel->displayedPoints(0);
    QVERIFY(points.size() < 4000);
    QCOMPARE(maxY(points), 1000.0);
    QVERIFY(points.contains(QPointF(double(spikeAt), 1000.0)));
    QVERIFY(m_panel->valueRange().second >= 1000.0);
}

void TestChartPanel::unchangedFrameDoesNoWork()
{
    const qint64 now = Base + 10'000;
    fill(*m_a, Base, now, 10, [](qint64 t) { return double(t % 100); });
    m_panel->setSeries({{QStringLiteral("/a"), QColor(), m_a.get()}});
    m_panel->setTimeWindow(ChartPanel::TenSeconds);
    settle(now);

    QLineSeries *line = lineSeries(*m_panel, QStringLiteral("/a"));
    QVERIFY(line);
    QSignalSpy replaced(line, &QXYSeries::pointsReplaced);
    m_panel->refresh(now);
    m_panel->refresh(now);
    QCOMPARE(replaced.size(), 0);

    m_a->append(now, 5000);
    m_panel->refresh(now);
    QVERIFY(replaced.size() >= 1);
    QCOMPARE(maxY(m_panel->displayedPoints(0)), 5000.0);
}

void TestChartPanel::timeWindowPresetsSetAxisRange_data()
{
    QTest::addColumn<ChartPanel::TimeWindow>("window");
    QTest::addColumn<qint64>("span");

    QTest::newRow("10 s") << ChartPanel::TenSeconds << qint64(10'000);
    QTest::newRow("1 min") << ChartPanel::OneMinute << qint64(60'000);
    QTest::newRow("10 min") << ChartPanel::TenMinutes << qint64(600'000);
    QTest::newRow("1 h") << ChartPanel::OneHour << qint64(3'600'000);
    QTest::newRow("all") << ChartPanel::All << qint64(2 * 3'600'000);
}

void TestChartPanel::timeWindowPresetsSetAxisRange()
{
    QFETCH(ChartPanel::TimeWindow, window);
    QFETCH(qint64, span);

    const qint64 first = Base - 2 * 3'600'000;
    const qint64 now = Base;
    fill(*m_a, first, now, 1000, [](qint64 t) { return double(t % 17); });
    m_panel->setSeries({{QStringLiteral("/a"), QColor(), m_a.get()}});
    QSignalSpy changed(m_panel.get(), &ChartPanel::timeWindowChanged);
    m_panel->setTimeWindow(window);
    settle(now);

    QCOMPARE(m_panel->timeWindow(), window);
    const auto [from, to] = m_panel->timeRange();
    QCOMPARE(to - from, span);
    // The right edge is now, moved on to the next pixel column at most.
    QVERIFY2(to >= now && to - now <= span / 300, qPrintable(QString::number(to - now)));

    const auto *combo = m_panel->findChild<QComboBox *>(QStringLiteral("timeWindow"));
    QVERIFY(combo);
    QCOMPARE(combo->currentData().toInt(), int(window));
    QCOMPARE(changed.size(), window == ChartPanel::OneMinute ? 0 : 1);
}

void TestChartPanel::timeLabelFormatFollowsSpan_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<QString>("format");

    QTest::newRow("2 s") << Base << Base + 2'000 << QStringLiteral("HH:mm:ss.zzz");
    QTest::newRow("10 s") << Base << Base + 10'000 << QStringLiteral("HH:mm:ss");
    QTest::newRow("10 min") << Base << Base + 600'000 << QStringLiteral("HH:mm");
    QTest::newRow("1 h") << Base - 3'600'000 << Base << QStringLiteral("HH:mm");
    QTest::newRow("30 days") << Base - 30 * 86'400'000LL << Base << QStringLiteral("MMM d");
}

void TestChartPanel::timeLabelFormatFollowsSpan()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(QString, format);

    m_a->append(from, 1);
    m_a->append(to, 2);
    m_panel->setSeries({{QStringLiteral("/a"), QColor(), m_a.get()}});
    m_panel->zoomToRange(from, to);
    settle(to);
    QCOMPARE(m_panel->timeRange(), std::pair(from, to));
    // The labels read as the format for the span.
    const QStringList labels = m_panel->timeAxisLabels();
    QVERIFY2(labels.size() >= 2, qPrintable(labels.join(u'|')));
    for (const QString &label : labels) {
        const bool valid = format.startsWith(u'M') ? QDate::fromString(label, format).isValid()
                                                   : QTime::fromString(label, format).isValid();
        QVERIFY2(valid, qPrintable(label + QStringLiteral(" as ") + format));
    }
}

void TestChartPanel::pauseKeepsRangeWhileDataArrives()
{
    qint64 now = Base + 20'000;
    fill(*m_a, Base, now, 100, [](qint64 t) { return double(t % 1000); });
    m_panel->setSeries({{QStringLiteral("/a"), QColor(), m_a.get()}});
    m_panel->setTimeWindow(ChartPanel::TenSeconds);
    settle(now);

    QSignalSpy following(m_panel.get(), &ChartPanel::followingChanged);
    auto *pause = m_panel->findChild<QToolButton *>(QStringLiteral("pause"));
    QVERIFY(pause);
    pause->click();
    QVERIFY(m_panel->isPaused());
    QCOMPARE(following.size(), 1);
    QCOMPARE(following.at(0).at(0).toBool(), false);
    const auto frozen = m_panel->timeRange();
    const QList<QPointF> frozenPoints = m_panel->displayedPoints(0);

    fill(*m_a, now + 100, now + 5'000, 100, [](qint64) { return 99'999.0; });
    now += 5'000;
    m_panel->refresh(now);
    m_panel->refresh(now + 16);
    QCOMPARE(m_panel->timeRange(), frozen);
    QVERIFY(maxY(m_panel->displayedPoints(0)) < 99'999.0);
    QCOMPARE(m_panel->displayedPoints(0).mid(0, frozenPoints.size() - 1), frozenPoints.mid(0, frozenPoints.size() - 1));

    // Resuming follows the newest data again.
    pause->click();
    QVERIFY(m_panel->isFollowing());
    m_panel->refresh(now);
    QVERIFY(m_panel->timeRange().second >= now);
    QCOMPARE(maxY(m_panel->displayedPoints(0)), 99'999.0);
}

void TestChartPanel::zoomThenResetReturnsToFollow()
{
    qint64 now = Base + 60'000;
    fill(*m_a, Base, now, 10, [](qint64 t) { return double(t % 500); });
    m_panel->setSeries({{QStringLiteral("/a"), QColor(), m_a.get()}});
    m_panel->setTimeWindow(ChartPanel::OneMinute);
    settle(now);
    QVERIFY(m_panel->isFollowing());

    m_panel->zoomToRange(Base + 10'000, Base + 12'000);
    QVERIFY(!m_panel->isFollowing());
    QCOMPARE(m_panel->timeRange(), std::pair(Base + 10'000, Base + 12'000));
    for (const QPointF &p : m_panel->displayedPoints(0))
        QVERIFY(p.x() >= Base + 10'000 - 10 && p.x() <= Base + 12'000 + 10);

    now += 3'000;
    fill(*m_a, now - 2'990, now, 10, [](qint64) { return 1.0; });
    m_panel->refresh(now);
    QCOMPARE(m_panel->timeRange(), std::pair(Base + 10'000, Base + 12'000));

    m_panel->resetZoom();
    QVERIFY(m_panel->isFollowing());
    m_panel->refresh(now);
    const auto [from, to] = m_panel->timeRange();
    QCOMPARE(to - from, qint64(60'000));
    QVERIFY(to >= now);
}

void TestChartPanel::fixedValueBoundsHonoured()
{
    const qint64 now = Base + 10'000;
    fill(*m_a, Base, now, 10, [](qint64 t) { return double(t % 1000) - 500; });
    m_panel->setSeries({{QStringLiteral("/a"), QColor(), m_a.get()}});
    m_panel->setFixedYRange(-20, 40);
    QVERIFY(!m_panel->autoScaleY());
    settle(now);
    QCOMPARE(m_panel->valueRange(), std::pair(-20.0, 40.0));
    m_panel->refresh(now + 1000);
    QCOMPARE(m_panel->valueRange(), std::pair(-20.0, 40.0));

    m_panel->setAutoScaleY(true);
    m_panel->refresh(now + 1000);
    const auto [low, high] = m_panel->valueRange();
    QVERIFY(low <= -500 && high >= 499);
}

void TestChartPanel::autoScaleFitsDataWithMargin()
{
    const qint64 now = Base + 10'000;
    fill(*m_a, Base, now, 10, [](qint64 t) { return 100.0 + double(t % 1000) / 10; }); // 100 .. 199.9
    m_panel->setSeries({{QStringLiteral("/a"), QColor(), m_a.get()}});
    m_panel->setTimeWindow(ChartPanel::TenSeconds);
    settle(now);
    const auto [low, high] = m_panel->valueRange();
    QVERIFY2(low < 100 && low >= 80, qPrintable(QString::number(low)));
    QVERIFY2(high > 199.9 && high <= 220, qPrintable(QString::number(high)));
}

void TestChartPanel::yRangeMenuSwitchesModes()
{
    qint64 now = Base + 10'000;
    fill(*m_a, Base, now, 10, [](qint64 t) { return double(t % 1000); });
    m_panel->setSeries({{QStringLiteral("/a"), QColor(), m_a.get()}});
    m_panel->setTimeWindow(ChartPanel::TenSeconds);
    settle(now);

    auto *button = m_panel->findChild<QToolButton *>(QStringLiteral("yRange"));
    QVERIFY(button);
    QVERIFY(button->menu());
    auto *autoScale = button->menu()->findChild<QAction *>(QStringLiteral("yAutoScale"));
    auto *fixedBounds = button->menu()->findChild<QAction *>(QStringLiteral("yFixedBounds"));
    auto *useCurrent = button->menu()->findChild<QAction *>(QStringLiteral("yUseCurrentRange"));
    QVERIFY(autoScale && fixedBounds && useCurrent);
    for (const QAction *action : {autoScale, fixedBounds, useCurrent})
        QVERIFY(!action->toolTip().isEmpty());
    QVERIFY(!button->toolTip().isEmpty());
    QVERIFY(autoScale->isCheckable() && autoScale->isChecked());
    QVERIFY(useCurrent->isEnabled());
    QCOMPARE(button->text(), QStringLiteral("Y: Auto"));
    QVERIFY(m_panel->autoScaleY());

    // The button is no taller than its neighbours.
    const auto *pause = m_panel->findChild<QToolButton *>(QStringLiteral("pause"));
    const auto *combo = m_panel->findChild<QComboBox *>(QStringLiteral("timeWindow"));
    QVERIFY(button->sizeHint().height() <= std::max(pause->sizeHint().height(), combo->sizeHint().height()));

    QSignalSpy changed(m_panel.get(), &ChartPanel::yRangeChanged);
    const auto shownBefore = m_panel->valueRange();
    useCurrent->trigger();
    QVERIFY(!m_panel->autoScaleY());
    QVERIFY(!autoScale->isChecked());
    QCOMPARE(m_panel->fixedYRange(), shownBefore);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toBool(), false);
    QCOMPARE(changed.at(0).at(1).toDouble(), shownBefore.first);
    QCOMPARE(changed.at(0).at(2).toDouble(), shownBefore.second);
    QVERIFY2(button->text().startsWith(QStringLiteral("Y: ")) && button->text() != QStringLiteral("Y: Auto"),
             qPrintable(button->text()));

    // New data far outside stays off the fixed axis.
    fill(*m_a, now + 10, now + 2'000, 10, [](qint64) { return 50'000.0; });
    now += 2'000;
    m_panel->refresh(now);
    QCOMPARE(m_panel->valueRange(), shownBefore);

    // Auto scale again: the axis fits the new data; the fixed bounds are kept for later.
    autoScale->trigger();
    QVERIFY(m_panel->autoScaleY());
    QVERIFY(autoScale->isChecked());
    QCOMPARE(button->text(), QStringLiteral("Y: Auto"));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(1).at(0).toBool(), true);
    QCOMPARE(m_panel->fixedYRange(), shownBefore);
    m_panel->refresh(now);
    QVERIFY(m_panel->valueRange().second >= 50'000);

    // Unchecking auto scale fixes what is shown now.
    const auto shownAuto = m_panel->valueRange();
    autoScale->trigger();
    QVERIFY(!m_panel->autoScaleY());
    QCOMPARE(m_panel->fixedYRange(), shownAuto);
    QCOMPARE(changed.size(), 3);

    // Setting the same bounds again is no change.
    m_panel->setFixedYRange(shownAuto.first, shownAuto.second);
    QCOMPARE(changed.size(), 3);

    m_panel->setFixedYRange(0, 100);
    QCOMPARE(button->text(), QStringLiteral("Y: 0 – 100"));
}

void TestChartPanel::fixedBoundsDialogAppliesBounds()
{
    const qint64 now = Base + 10'000;
    fill(*m_a, Base, now, 10, [](qint64 t) { return double(t % 1000); });
    m_panel->setSeries({{QStringLiteral("/a"), QColor(), m_a.get()}});
    settle(now);
    // A value zoom is what the dialog starts from, and it ends when bounds are chosen.
    m_panel->zoomToValueRange(100, 200);
    QCOMPARE(m_panel->valueRange(), std::pair(100.0, 200.0));

    auto *button = m_panel->findChild<QToolButton *>(QStringLiteral("yRange"));
    QVERIFY(button);
    auto *fixedBounds = button->menu()->findChild<QAction *>(QStringLiteral("yFixedBounds"));
    QVERIFY(fixedBounds);
    QSignalSpy changed(m_panel.get(), &ChartPanel::yRangeChanged);
    fixedBounds->trigger();

    auto *dialog = m_panel->findChild<YRangeDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->range(), std::pair(100.0, 200.0));
    QCOMPARE(changed.size(), 0);

    dialog->findChild<QDoubleSpinBox *>(QStringLiteral("minimum"))->setValue(-5);
    dialog->findChild<QDoubleSpinBox *>(QStringLiteral("maximum"))->setValue(5);
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    ok->click();

    QVERIFY(!m_panel->autoScaleY());
    QCOMPARE(m_panel->fixedYRange(), std::pair(-5.0, 5.0));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toBool(), false);
    QCOMPARE(changed.at(0).at(1).toDouble(), -5.0);
    QCOMPARE(changed.at(0).at(2).toDouble(), 5.0);
    m_panel->refresh(now + 1'000);
    QCOMPARE(m_panel->valueRange(), std::pair(-5.0, 5.0));

    // Cancel leaves the bounds alone.
    fixedBounds->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->findChildren<YRangeDialog *>().size() == 1, 10'000);
    dialog = m_panel->findChild<YRangeDialog *>();
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->range(), std::pair(-5.0, 5.0));
    dialog->findChild<QDoubleSpinBox *>(QStringLiteral("maximum"))->setValue(50);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
    QCOMPARE(m_panel->fixedYRange(), std::pair(-5.0, 5.0));
    QCOMPARE(changed.size(), 1);
}

void TestChartPanel::coloursStayWithSeries()
{
    const QColor red(Qt::red);
    const QColor blue(Qt::blue);
    m_panel->setSeries({{QStringLiteral("/a"), red, m_a.get()}, {QStringLiteral("/b"), blue, m_b.get()}});
    QCOMPARE(lineSeries(*m_panel, QStringLiteral("/a"))->pen().color(), red);
    QCOMPARE(lineSeries(*m_panel, QStringLiteral("/b"))->pen().color(), blue);

    // /b moves to the front, /a comes back without a colour: both keep theirs.
    SeriesBuffer c;
    m_panel->setSeries({{QStringLiteral("/b"), blue, m_b.get()}, {QStringLiteral("/c"), QColor(), &c}});
    QCOMPARE(lineSeries(*m_panel, QStringLiteral("/b"))->pen().color(), blue);
    QCOMPARE(lineSeries(*m_panel, QStringLiteral("/c"))->pen().color(), ChartPanel::colorForIndex(1));
    m_panel->setSeries({{QStringLiteral("/c"), QColor(), &c}, {QStringLiteral("/a"), QColor(), m_a.get()}});
    QCOMPARE(lineSeries(*m_panel, QStringLiteral("/a"))->pen().color(), red);
    QCOMPARE(lineSeries(*m_panel, QStringLiteral("/c"))->pen().color(), ChartPanel::colorForIndex(1));
    QCOMPARE(m_panel->series().at(1).color, red);
    m_panel->setSeries({});
}

void TestChartPanel::paletteColoursDistinct()
{
    QList<QRgb> seen;
    for (int i = 0; i < 50; ++i) {
        const QColor color = ChartPanel::colorForIndex(i);
        QVERIFY(color.isValid());
        QVERIFY2(!seen.contains(color.rgb()), qPrintable(QString::number(i)));
        seen.append(color.rgb());
    }
    QCOMPARE(ChartPanel::colorForIndex(3), ChartPanel::colorForIndex(3));
}

void TestChartPanel::grabImageHasChartSize()
{
    const qint64 now = Base + 10'000;
    fill(*m_a, Base, now, 10, [](qint64 t) { return double(t % 100); });
    m_panel->setSeries({{QStringLiteral("/a"), QColor(), m_a.get()}});
    settle(now);
    const auto *view = m_panel->findChild<QChartView *>();
    const QImage image = m_panel->renderImage(view->size());
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), view->size());
    // The series colour is in the picture.
    const QRgb blue = ChartPanel::colorForIndex(0).rgb();
    QVERIFY(hasPixel(image, blue));
}

QTEST_MAIN(TestChartPanel)
#include "tst_chartpanel.moc"
