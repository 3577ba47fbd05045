#include "ChartFixtures.h"
#include "ChartPanel.h"
#include "SeriesBuffer.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <cmath>
#include <memory>

using namespace ChartFixtures;

namespace {

QList<QLineSeries *> linesNamed(ChartPanel &panel, const QString &name)
{
    QList<QLineSeries *> lines;
    const auto *view = panel.findChild<QChartView *>();
    for (QAbstractSeries *series : view->chart()->series()) {
        if (series->name() == name)
            lines.append(qobject_cast<QLineSeries *>(series));
    }
    return lines;
}

int visibleLegendEntries(ChartPanel &panel)
{
    const auto *view = panel.findChild<QChartView *>();
    int count = 0;
    for (const QLegendMarker *marker : view->chart()->legend()->markers())
        count += marker->isVisible() ? 1 : 0;
    return count;
}

void sendWheel(QWidget *viewport, QPoint pos, int delta, Qt::KeyboardModifiers modifiers)
{
    QWheelEvent wheel(pos, viewport->mapToGlobal(pos), QPoint(), QPoint(0, delta), Qt::NoButton, modifiers,
                      Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(viewport, &wheel);
}

} // namespace

class TestChartOverlays : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void breaksDrawSeparateLines();
    void segmentLinesArePooled();
    void loneSamplesAreDots();
    void outagesShadeTheirSpans();
    void statusOverlayTellsTheViewState();
    void ctrlWheelWhileFollowingKeepsNow();
    void ctrlWheelWhilePausedStaysBeforeNow();
    void ctrlShiftWheelZoomsValues();
    void plainWheelIsLeftToTheParent();
    void renderImageHasNoButtons();

private:
    void settle(qint64 now) { ChartFixtures::settle(*m_panel, now, Posted::LayoutRequests, 1); }
    void plotSawtooth(qint64 now, qint64 intervalMs, qint64 period);
    QWidget *viewport() const { return m_panel->findChild<QChartView *>()->viewport(); }
    QPoint plotCentre() const { return viewport()->mapFrom(m_panel.get(), m_panel->plotArea().center()); }

    std::unique_ptr<ChartPanel> m_panel;
    std::unique_ptr<SeriesBuffer> m_a;
    std::unique_ptr<SeriesBuffer> m_b;
};

void TestChartOverlays::init()
{
    m_a = std::make_unique<SeriesBuffer>();
    m_b = std::make_unique<SeriesBuffer>();
    m_panel = std::make_unique<ChartPanel>();
    m_panel->setTitle(QStringLiteral("http://127.0.0.1:8080/events"));
    m_panel->resize(900, 400);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestChartOverlays::cleanup()
{
    m_panel.reset();
    m_a.reset();
    m_b.reset();
}

// m_a as the panel's one series "/a": from Base to `now`, a sample every `intervalMs` of t % `period`.
void TestChartOverlays::plotSawtooth(qint64 now, qint64 intervalMs, qint64 period)
{
    fill(*m_a, Base, now, intervalMs, [period](qint64 t) { return double(t % period); });
    m_panel->setSeries({{QStringLiteral("/a"), QColor(), m_a.get()}});
}

void TestChartOverlays::breaksDrawSeparateLines()
{
    const qint64 now = Base + 60'000;
    const QList<qint64> breaks{Base + 20'000, Base + 40'000};
    for (qint64 t = Base; t <= now; t += 500) {
        if (breaks.contains(t))
            m_a->markBreak();
        m_a->append(t, double(t % 7000));
        m_b->append(t, 1.0);
    }
    m_panel->setSeries({{QStringLiteral("/a"), QColor(), m_a.get()}, {QStringLiteral("/b"), QColor(), m_b.get()}});
    settle(now);

    QCOMPARE(m_panel->displayedSegmentCount(0), 3);
    QCOMPARE(m_panel->displayedSegmentCount(1), 1);
    const QList<QLineSeries *> lines = linesNamed(*m_panel, QStringLiteral("/a"));
    QVERIFY(lines.size() >= 3);
    int withPoints = 0;
    for (const QLineSeries *line : lines) {
        const QList<QPointF> points = line->points();
        if (points.isEmpty())
            continue;
        ++withPoints;
        QCOMPARE(line->pen().color(), lines.first()->pen().color());
        // No line runs across a break.
        for (qint64 at : breaks)
            QVERIFY2(points.first().x() >= at || points.last().x() < at,
                     qPrintable(QStringLiteral("%1..%2").arg(points.first().x()).arg(points.last().x())));
        for (const QPointF &p : points)
            QVERIFY(std::isfinite(p.y()));
    }
    QCOMPARE(withPoints, 3);
    // One legend entry per field.
    QCOMPARE(visibleLegendEntries(*m_panel), 2);
}

void TestChartOverlays::loneSamplesAreDots()
{
    // A server that closes after every event: each connection brings one sample.
    const qint64 now = Base + 10'000;
    for (qint64 t = Base; t <= now; t += 2000) {
        m_a->markBreak();
        m_a->append(t, double(t - Base));
    }
    m_panel->setSeries({{QStringLiteral("/a"), QColor(), m_a.get()}});
    settle(now);

    QCOMPARE(m_panel->displayedSegmentCount(0), 6);
    int dots = 0;
    for (const QLineSeries *line : linesNamed(*m_panel, QStringLiteral("/a"))) {
        if (line->count() == 1) {
            QVERIFY(line->pointsVisible());
            ++dots;
        } else {
            QVERIFY(!line->pointsVisible());
        }
    }
    QCOMPARE(dots, 6);
}

void TestChartOverlays::segmentLinesArePooled()
{
    qint64 now = Base + 10'000;
    for (qint64 t = Base; t <= now; t += 100) {
        if (t % 1000 == 0)
            m_a->markBreak();
        m_a->append(t, double(t % 900));
    }
    m_panel->setSeries({{QStringLiteral("/a"), QColor(), m_a.get()}});
    m_panel->setTimeWindow(ChartPanel::TenSeconds);
    settle(now);
    const qsizetype lines = linesNamed(*m_panel, QStringLiteral("/a")).size();
    QVERIFY2(m_panel->displayedSegmentCount(0) >= 10, qPrintable(QString::number(m_panel->displayedSegmentCount(0))));
    // Scrolling on draws the same number of segments with the same lines.
    for (int frame = 0; frame < 20; ++frame) {
        now += 100;
        if (now % 1000 == 0)
            m_a->markBreak();
        m_a->append(now, 1.0);
        m_panel->refresh(now);
    }
    QVERIFY(linesNamed(*m_panel, QStringLiteral("/a")).size() <= lines + 1);
    QCOMPARE(visibleLegendEntries(*m_panel), 1);
}

void TestChartOverlays::outagesShadeTheirSpans()
{
    const qint64 now = Base + 60'000;
    plotSawtooth(now, 1000, 5000);
    settle(now);
    QVERIFY(m_panel->outageBands().isEmpty());

    // One in view, one still open up to now, one long before the window.
    m_panel->setOutages({{now - 40'000, now - 30'000}, {now - 5'000, -1}, {now - 600'000, now - 500'000}});
    m_panel->refresh(now + 2);
    const QList<QRect> bands = m_panel->outageBands();
    QCOMPARE(bands.size(), 2);
    const QRect plot = m_panel->plotArea();
    const auto [from, to] = m_panel->timeRange();
    const auto xOf = [&](qint64 t) { return plot.left() + double(t - from) / double(to - from) * plot.width(); };
    for (const QRect &band : bands) {
        QVERIFY(plot.adjusted(-1, -1, 1, 1).contains(band));
        QVERIFY(band.height() >= plot.height() - 2);
    }
    QVERIFY(std::abs(bands[0].left() - xOf(now - 40'000)) <= 2);
    QVERIFY(std::abs(bands[0].right() - xOf(now - 30'000)) <= 2);
    QVERIFY(std::abs(bands[1].right() - plot.right()) <= 2); // open: up to now, the right edge

    // Out of view, gone; back in view, back.
    m_panel->zoomToRange(now - 400'000, now - 300'000);
    QVERIFY(m_panel->outageBands().isEmpty());
    m_panel->zoomToRange(now - 700'000, now - 550'000);
    QCOMPARE(m_panel->outageBands().size(), 1);
    m_panel->setOutages({});
    QVERIFY(m_panel->outageBands().isEmpty());
}

void TestChartOverlays::statusOverlayTellsTheViewState()
{
    const qint64 now = Base + 60'000;
    plotSawtooth(now, 1000, 5000);
    settle(now);
    auto *label = m_panel->findChild<QLabel *>(QStringLiteral("chartStatus"));
    QVERIFY(label);
    QVERIFY(m_panel->statusText().isEmpty());
    QVERIFY(!label->isVisible());

    m_panel->setPaused(true);
    QCOMPARE(m_panel->statusText(), QStringLiteral("Paused — Space resumes"));
    QVERIFY(label->isVisible());
    // On the plot, at its top right.
    const QRect onPanel(label->mapTo(m_panel.get(), QPoint()), label->size());
    QVERIFY(m_panel->plotArea().contains(onPanel));
    QVERIFY(onPanel.right() > m_panel->plotArea().center().x());

    m_panel->zoomToRange(now - 30'000, now - 20'000);
    QCOMPARE(m_panel->statusText(), QStringLiteral("Zoomed — Esc follows again"));

    m_panel->resetZoom();
    QVERIFY(m_panel->statusText().isEmpty());
    QVERIFY(!label->isVisible());
}

void TestChartOverlays::ctrlWheelWhileFollowingKeepsNow()
{
    qint64 now = Base + 120'000;
    plotSawtooth(now, 250, 5000);
    m_panel->setTimeWindow(ChartPanel::OneMinute);
    settle(now);
    QSignalSpy following(m_panel.get(), &ChartPanel::followingChanged);

    sendWheel(viewport(), plotCentre(), 120, Qt::ControlModifier);
    QVERIFY(m_panel->isFollowing());
    QCOMPARE(m_panel->followSpan(), qint64(48'000));
    auto [from, to] = m_panel->timeRange();
    QCOMPARE(to - from, qint64(48'000));
    QVERIFY(to >= now && to - now <= 48'000 / 500);
    QVERIFY(m_panel->statusText().isEmpty());

    // Out again, past the window: still following, still ending at now.
    sendWheel(viewport(), plotCentre(), -240, Qt::ControlModifier);
    QVERIFY(m_panel->isFollowing());
    QCOMPARE(m_panel->followSpan(), qint64(75'000));
    now += 5'000;
    m_panel->refresh(now);
    std::tie(from, to) = m_panel->timeRange();
    QCOMPARE(to - from, qint64(75'000));
    QVERIFY(to >= now && to - now <= 75'000 / 500);
    QCOMPARE(following.size(), 0);

    // The chosen window again ends the zoom.
    m_panel->setTimeWindow(ChartPanel::TenSeconds);
    QCOMPARE(m_panel->followSpan(), qint64(10'000));
}

void TestChartOverlays::ctrlWheelWhilePausedStaysBeforeNow()
{
    const qint64 now = Base + 120'000;
    plotSawtooth(now, 250, 5000);
    settle(now);
    m_panel->setPaused(true);
    const auto before = m_panel->timeRange();

    // Zooming out around the right edge of the plot does not look into the future.
    const QPoint right = viewport()->mapFrom(m_panel.get(), QPoint(m_panel->plotArea().right() - 2,
                                                                   m_panel->plotArea().center().y()));
    for (int notch = 0; notch < 3; ++notch)
        sendWheel(viewport(), right, -120, Qt::ControlModifier);
    QVERIFY(!m_panel->isFollowing());
    const auto [from, to] = m_panel->timeRange();
    QVERIFY(to - from > before.second - before.first);
    QVERIFY2(to <= now + (to - from) / 20 + 1, qPrintable(QString::number(to - now)));
    QCOMPARE(m_panel->statusText(), QStringLiteral("Zoomed — Esc follows again"));

    // Zooming in around a point keeps it under the cursor.
    const QPoint left = viewport()->mapFrom(m_panel.get(), QPoint(m_panel->plotArea().left() + m_panel->plotArea().width() / 4,
                                                                  m_panel->plotArea().center().y()));
    const auto zoomedOut = m_panel->timeRange();
    const double anchor = zoomedOut.first + 0.25 * double(zoomedOut.second - zoomedOut.first);
    sendWheel(viewport(), left, 120, Qt::ControlModifier);
    const auto zoomedIn = m_panel->timeRange();
    const double share = (anchor - double(zoomedIn.first)) / double(zoomedIn.second - zoomedIn.first);
    QVERIFY2(std::abs(share - 0.25) < 0.01, qPrintable(QString::number(share)));
}

void TestChartOverlays::ctrlShiftWheelZoomsValues()
{
    const qint64 now = Base + 60'000;
    plotSawtooth(now, 250, 1000);
    settle(now);
    const auto time = m_panel->timeRange();
    const auto [low, high] = m_panel->valueRange();

    sendWheel(viewport(), plotCentre(), 120, Qt::ControlModifier | Qt::ShiftModifier);
    const auto [zoomedLow, zoomedHigh] = m_panel->valueRange();
    QVERIFY(zoomedHigh - zoomedLow < high - low);
    QVERIFY(zoomedLow > low && zoomedHigh < high);
    QVERIFY(m_panel->isFollowing());
    QCOMPARE(m_panel->timeRange(), time);
    QCOMPARE(m_panel->statusText(), QStringLiteral("Values zoomed — Esc resets"));
    m_panel->resetZoom();
    QCOMPARE(m_panel->valueRange(), std::pair(low, high));
}

void TestChartOverlays::plainWheelIsLeftToTheParent()
{
    const qint64 now = Base + 60'000;
    plotSawtooth(now, 250, 1000);
    settle(now);
    const auto time = m_panel->timeRange();
    const auto values = m_panel->valueRange();
    QWheelEvent wheel(plotCentre(), viewport()->mapToGlobal(plotCentre()), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(viewport(), &wheel);
    QVERIFY(!wheel.isAccepted());
    QVERIFY(m_panel->isFollowing());
    QCOMPARE(m_panel->timeRange(), time);
    QCOMPARE(m_panel->valueRange(), values);
}

void TestChartOverlays::renderImageHasNoButtons()
{
    const qint64 now = Base + 60'000;
    plotSawtooth(now, 250, 1000);
    settle(now);

    const QImage image = m_panel->renderImage(QSize(1280, 720));
    QCOMPARE(image.size(), QSize(1280, 720));
    const QImage grabbed = m_panel->grab().toImage().convertToFormat(image.format());
    QVERIFY(image != grabbed.scaled(image.size()));
    // Where the widget has its buttons (top right), the picture has chart background.
    const auto *pause = m_panel->findChild<QToolButton *>(QStringLiteral("pause"));
    QVERIFY(pause && pause->isVisible());
    const QRgb background = image.pixel(image.width() - 2, 2);
    QCOMPARE(QColor(background), QColor(Qt::white));
    for (int y = 0; y < 18; ++y) {
        for (int x = image.width() - 300; x < image.width(); ++x)
            QCOMPARE(image.pixel(x, y), background);
    }
    // The series colour is drawn; the title and legend are there: without them the top differs.
    const QRgb blue = ChartPanel::colorForIndex(0).rgb();
    QVERIFY(hasPixel(image, blue));
    m_panel->setTitle(QString());
    const QImage untitled = m_panel->renderImage(QSize(1280, 720));
    QVERIFY(untitled.copy(0, 0, 1280, 30) != image.copy(0, 0, 1280, 30));
    SeriesBuffer other;
    other.append(now, 1);
    m_panel->setSeries({{QStringLiteral("/a"), QColor(), m_a.get()}, {QStringLiteral("/other"), QColor(), &other}});
    const QImage twoEntries = m_panel->renderImage(QSize(1280, 720));
    QVERIFY(twoEntries.copy(0, 0, 1280, 60) != untitled.copy(0, 0, 1280, 60));
    m_panel->setSeries({});
}

QTEST_MAIN(TestChartOverlays)
#include "tst_chartoverlays.moc"
