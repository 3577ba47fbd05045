#include "ChartFixtures.h"
#include "ChartPanel.h"
#include "SeriesBuffer.h"

#include <QChartView>
#include <QDateTime>
#include <QMouseEvent>
#include <QTest>
#include <QWheelEvent>

#include <memory>

using namespace ChartFixtures;

// What the mouse and the keyboard do on a panel's plot.
class TestPlotView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void panAndWheelStopFollowing();
    void rubberBandZooms();
    void hoverReadoutNamesNearestPoint();

private:
    void settle(qint64 now) { ChartFixtures::settle(*m_panel, now); }

    std::unique_ptr<ChartPanel> m_panel;
    std::unique_ptr<SeriesBuffer> m_a;
    std::unique_ptr<SeriesBuffer> m_b;
};

void TestPlotView::init()
{
    m_a = std::make_unique<SeriesBuffer>();
    m_b = std::make_unique<SeriesBuffer>();
    m_panel = std::make_unique<ChartPanel>();
    m_panel->resize(900, 450);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestPlotView::cleanup()
{
    m_panel.reset();
    m_a.reset();
    m_b.reset();
}

void TestPlotView::panAndWheelStopFollowing()
{
    const qint64 now = Base + 60'000;
    fill(*m_a, Base, now, 10, [](qint64 t) { return double(t % 500); });
    m_panel->setSeries({{QStringLiteral("/a"), QColor(), m_a.get()}});
    settle(now);
    const auto before = m_panel->timeRange();

    auto *view = m_panel->findChild<QChartView *>();
    QVERIFY(view);
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Left);
    QVERIFY(!m_panel->isFollowing());
    const auto panned = m_panel->timeRange();
    QCOMPARE(panned.second - panned.first, before.second - before.first);
    QVERIFY(panned.second < before.second);

    QTest::keyClick(view, Qt::Key_Escape);
    QVERIFY(m_panel->isFollowing());
    m_panel->refresh(now);
    QCOMPARE(m_panel->timeRange(), before);

    // One Ctrl+wheel notch up over the middle of a paused plot zooms in around it.
    m_panel->setPaused(true);
    const QRect plot = m_panel->plotArea();
    const QPoint centre = view->viewport()->mapFrom(m_panel.get(), plot.center());
    QWheelEvent wheel(centre, view->viewport()->mapToGlobal(centre), QPoint(), QPoint(0, 120),
                      Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(view->viewport(), &wheel);
    QVERIFY(!m_panel->isFollowing());
    const auto zoomed = m_panel->timeRange();
    QVERIFY(zoomed.second - zoomed.first < before.second - before.first);
    QVERIFY(zoomed.first > before.first && zoomed.second < before.second);
}


void TestPlotView::rubberBandZooms()
{
    const qint64 now = Base + 60'000;
    fill(*m_a, Base, now, 10, [](qint64 t) { return double(t % 500); });
    m_panel->setSeries({{QStringLiteral("/a"), QColor(), m_a.get()}});
    settle(now);
    const auto [from, to] = m_panel->timeRange();

    auto *view = m_panel->findChild<QChartView *>();
    QWidget *viewport = view->viewport();
    const QRect plot = m_panel->plotArea();
    // Drag over the middle half of the plot, top to bottom quarter.
    const QPoint start = viewport->mapFrom(m_panel.get(), QPoint(plot.left() + plot.width() / 4, plot.top() + plot.height() / 4));
    const QPoint end = viewport->mapFrom(m_panel.get(), QPoint(plot.left() + 3 * plot.width() / 4, plot.top() + 3 * plot.height() / 4));
    auto send = [viewport](QEvent::Type type, QPoint pos, Qt::MouseButton button, Qt::MouseButtons buttons) {
        QMouseEvent event(type, pos, viewport->mapToGlobal(pos), button, buttons, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &event);
    };
    const auto valuesBefore = m_panel->valueRange();
    send(QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
    send(QEvent::MouseMove, (start + end) / 2, Qt::NoButton, Qt::LeftButton);
    send(QEvent::MouseMove, end, Qt::NoButton, Qt::LeftButton);
    send(QEvent::MouseButtonRelease, end, Qt::LeftButton, Qt::NoButton);

    QVERIFY(!m_panel->isFollowing());
    const auto [zoomFrom, zoomTo] = m_panel->timeRange();
    const qint64 span = to - from;
    const qint64 tolerance = span / plot.width() * 3;
    QVERIFY2(std::abs(zoomFrom - (from + span / 4)) <= tolerance, qPrintable(QString::number(zoomFrom - from)));
    QVERIFY2(std::abs(zoomTo - (from + 3 * span / 4)) <= tolerance, qPrintable(QString::number(zoomTo - from)));
    const auto values = m_panel->valueRange();
    QVERIFY(values.second - values.first < valuesBefore.second - valuesBefore.first);

    m_panel->resetZoom();
    QVERIFY(m_panel->isFollowing());
    QCOMPARE(m_panel->valueRange(), valuesBefore);
}


void TestPlotView::hoverReadoutNamesNearestPoint()
{
    const qint64 now = Base + 10'000;
    fill(*m_a, Base, now, 1000, [](qint64 t) { return double((t - Base) / 1000) * 10; }); // 0..100
    fill(*m_b, Base + 500, now, 1000, [](qint64) { return -50.0; });
    m_panel->setSeries({{QStringLiteral("/count"), QColor(), m_a.get()},
                        {QStringLiteral("/low"), QColor(), m_b.get()}});
    m_panel->zoomToRange(Base, now);
    settle(now);

    const qint64 t = Base + 4'000;
    const QString stamp = QDateTime::fromMSecsSinceEpoch(t).toString(QStringLiteral("HH:mm:ss.zzz"));
    QCOMPARE(m_panel->readoutAt(t, 40), stamp + QStringLiteral("  /count = 40"));
    // Near in time but nearer in value to the other series.
    QCOMPARE(m_panel->readoutAt(t + 400, -45),
             QDateTime::fromMSecsSinceEpoch(t + 500).toString(QStringLiteral("HH:mm:ss.zzz"))
                 + QStringLiteral("  /low = -50"));

    // Through a position on screen: the plot maps time and value linearly.
    const QRect plot = m_panel->plotArea();
    const auto [from, to] = m_panel->timeRange();
    const auto [low, high] = m_panel->valueRange();
    const QPoint pos(plot.left() + int((t - from) * plot.width() / (to - from)),
                     plot.top() + int((high - 41) / (high - low) * plot.height()));
    QCOMPARE(m_panel->readoutAtPosition(pos), stamp + QStringLiteral("  /count = 40"));
    QCOMPARE(m_panel->readoutAtPosition(QPoint(plot.left() - 20, plot.center().y())), QString());

    // Hovering the view shows it in the label.
    auto *view = m_panel->findChild<QChartView *>();
    const QPoint viewPos = view->viewport()->mapFrom(m_panel.get(), pos);
    QMouseEvent move(QEvent::MouseMove, viewPos, view->viewport()->mapToGlobal(viewPos), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view->viewport(), &move);
    QCOMPARE(m_panel->readoutText(), stamp + QStringLiteral("  /count = 40"));
}


QTEST_MAIN(TestPlotView)
#include "tst_plotview.moc"
