#include "ChartArea.h"
#include "ChartFixtures.h"
#include "ChartPanel.h"
#include "SeriesBuffer.h"
#include "StreamFieldStore.h"

#include <QChartView>
#include <QDateTime>
#include <QFile>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QApplication>
#include <QSpontaneKeyEvent>
#include <QTest>
#include <QTemporaryDir>
#include <QToolButton>
#include <QWheelEvent>

#include <cstdlib>
#include <memory>

using namespace ChartFixtures;

namespace {

QColor colorOf(const ChartPanel *panel, const QString &name)
{
    for (const PlotSeries &series : panel->series()) {
        if (series.name == name)
            return series.color;
    }
    return {};
}

// A wheel turn over the middle of a panel's plot, as from the mouse: spontaneous, so that Qt
// passes it on to the parents when the plot does not take it.
bool wheelOver(ChartPanel *panel, int delta, Qt::KeyboardModifiers modifiers)
{
    QWidget *viewport = panel->findChild<QChartView *>()->viewport();
    const QPoint pos = viewport->mapFrom(panel, panel->plotArea().center());
    QWheelEvent wheel(pos, viewport->mapToGlobal(pos), QPoint(), QPoint(0, delta), Qt::NoButton, modifiers,
                      Qt::NoScrollPhase, false);
    QSpontaneKeyEvent::setSpontaneous(&wheel);
    qApp->notify(viewport, &wheel);
    return wheel.isAccepted();
}

} // namespace

class TestChartArea : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void emptyStateHint();
    void firstFieldPlottedByDefault_data();
    void firstFieldPlottedByDefault();
    void explicitEmptyChoiceStaysEmpty();
    void layoutModesKeepPlottedFields();
    void coloursStayWithStreamAndPath();
    void sharedWindowAndPause();
    void themeFollowsPalette();
    void renameAndRemove();
    void grabImageShowsArea();
    void streamColourSlotGivesItsHue();
    void plainWheelScrollsTheArea();
    void ctrlWheelZoomsThePanelUnderTheCursor();
    void outagesReachTheirPanels();
    void renderImageStacksChartsWithoutButtons();
    void renderSvgWritesTheCharts();

private:
    void settle(qint64 now) { ChartFixtures::settle(*m_area, now); }
    void addAlphaAndBeta(int events, qint64 now);

    std::unique_ptr<ChartArea> m_area;
    std::unique_ptr<StreamFieldStore> m_a;
    std::unique_ptr<StreamFieldStore> m_b;
};

void TestChartArea::init()
{
    m_a = std::make_unique<StreamFieldStore>();
    m_b = std::make_unique<StreamFieldStore>();
    m_area = std::make_unique<ChartArea>();
    m_area->setTickInterval(0); // the tests drive refresh() themselves
    m_area->resize(900, 700);
    m_area->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_area.get()));
}

void TestChartArea::cleanup()
{
    m_area.reset();
    m_a.reset();
    m_b.reset();
}

// Streams "alpha" (m_a) and "beta" (m_b), each fed `events` events received up to `now`.
void TestChartArea::addAlphaAndBeta(int events, qint64 now)
{
    feed(*m_a, 1, events, now);
    feed(*m_b, 1, events, now);
    m_area->addStream(m_a.get(), QStringLiteral("alpha"));
    m_area->addStream(m_b.get(), QStringLiteral("beta"));
}

void TestChartArea::emptyStateHint()
{
    const auto *hint = m_area->findChild<QLabel *>(QStringLiteral("emptyHint"));
    QVERIFY(hint);
    QVERIFY(hint->isVisible());
    QVERIFY(hint->text().contains(QStringLiteral("No streams yet")));
    QVERIFY(m_area->panels().isEmpty());

    m_area->addStream(m_a.get(), QStringLiteral("demo"));
    QVERIFY(!hint->isVisible());
    QCOMPARE(m_area->panels().size(), 1);
    m_area->removeStream(m_a.get());
    QVERIFY(hint->isVisible());
    QVERIFY(m_area->panels().isEmpty());
}

void TestChartArea::firstFieldPlottedByDefault_data()
{
    QTest::addColumn<bool>("fedBeforeAdding");
    QTest::newRow("fed after adding") << false;
    QTest::newRow("fed before adding") << true;
}

void TestChartArea::firstFieldPlottedByDefault()
{
    QFETCH(bool, fedBeforeAdding);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSignalSpy plotted(m_area.get(), &ChartArea::plottedFieldsChanged);
    if (fedBeforeAdding)
        feed(*m_a, 1, 20, now);
    m_area->addStream(m_a.get(), QStringLiteral("demo"));
    if (!fedBeforeAdding)
        feed(*m_a, 1, 20, now);

    QCOMPARE(m_area->plottedFields(m_a.get()), QStringList{QStringLiteral("/count")});
    QCOMPARE(plotted.size(), 1);
    settle(now);
    const QList<ChartPanel *> panels = m_area->panels();
    QCOMPARE(panels.size(), 1);
    QCOMPARE(seriesNames(panels.first()), QStringList{QStringLiteral("/count")});
    QCOMPARE(panels.first()->title(), QStringLiteral("demo"));
    const QList<QPointF> points = panels.first()->displayedPoints(0);
    QVERIFY(points.size() >= 2);
    QCOMPARE(points.last().y(), 20.0);
    QCOMPARE(qint64(points.last().x()), now); // receive time by default
}

void TestChartArea::explicitEmptyChoiceStaysEmpty()
{
    m_area->addStream(m_a.get(), QStringLiteral("demo"));
    m_area->setPlottedFields(m_a.get(), {});
    feed(*m_a, 1, 3, QDateTime::currentMSecsSinceEpoch());
    QVERIFY(m_area->plottedFields(m_a.get()).isEmpty());
    QVERIFY(m_area->panels().first()->series().isEmpty());
}

void TestChartArea::layoutModesKeepPlottedFields()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    addAlphaAndBeta(5, now);
    m_area->setPlottedFields(m_a.get(), {QStringLiteral("/count"), QStringLiteral("/load")});
    QCOMPARE(m_area->panels().size(), 2);

    QSignalSpy modeChanged(m_area.get(), &ChartArea::layoutModeChanged);
    m_area->setLayoutMode(ChartArea::SingleChart);
    QCOMPARE(modeChanged.size(), 1);
    QCOMPARE(m_area->panels().size(), 1);
    QCOMPARE(m_area->panelFor(m_a.get()), m_area->panelFor(m_b.get()));
    const QStringList expected{QStringLiteral("alpha /count"), QStringLiteral("alpha /load"),
                               QStringLiteral("beta /count")};
    QCOMPARE(seriesNames(m_area->panels().first()), expected);
    settle(now);
    QVERIFY(!m_area->panels().first()->displayedPoints(2).isEmpty());

    m_area->setLayoutMode(ChartArea::ChartPerStream);
    QCOMPARE(m_area->panels().size(), 2);
    QCOMPARE(m_area->plottedFields(m_a.get()), (QStringList{QStringLiteral("/count"), QStringLiteral("/load")}));
    QCOMPARE(seriesNames(m_area->panelFor(m_a.get())), (QStringList{QStringLiteral("/count"), QStringLiteral("/load")}));
    QCOMPARE(seriesNames(m_area->panelFor(m_b.get())), QStringList{QStringLiteral("/count")});
}

void TestChartArea::coloursStayWithStreamAndPath()
{
    feed(*m_a, 1, 2, QDateTime::currentMSecsSinceEpoch());
    feed(*m_b, 1, 2, QDateTime::currentMSecsSinceEpoch());
    m_area->addStream(m_a.get(), QStringLiteral("alpha"));
    m_area->addStream(m_b.get(), QStringLiteral("beta"));
    m_area->setPlottedFields(m_a.get(), {QStringLiteral("/count"), QStringLiteral("/load")});

    const QColor aCount = colorOf(m_area->panelFor(m_a.get()), QStringLiteral("/count"));
    const QColor aLoad = colorOf(m_area->panelFor(m_a.get()), QStringLiteral("/load"));
    const QColor bCount = colorOf(m_area->panelFor(m_b.get()), QStringLiteral("/count"));
    QVERIFY(aCount.isValid() && aLoad.isValid() && bCount.isValid());
    QVERIFY(aCount != bCount); // two streams' counters are told apart in one chart
    QVERIFY(aCount != aLoad);
    QCOMPARE(m_area->seriesColor(m_a.get(), QStringLiteral("/load")), aLoad);

    m_area->setLayoutMode(ChartArea::SingleChart);
    const ChartPanel *single = m_area->panels().first();
    QCOMPARE(colorOf(single, QStringLiteral("alpha /count")), aCount);
    QCOMPARE(colorOf(single, QStringLiteral("alpha /load")), aLoad);
    QCOMPARE(colorOf(single, QStringLiteral("beta /count")), bCount);

    // Unplotted, then plotted again: the same colour; the order of fields does not matter.
    m_area->setPlottedFields(m_a.get(), {QStringLiteral("/count")});
    m_area->setPlottedFields(m_a.get(), {QStringLiteral("/load"), QStringLiteral("/count")});
    m_area->setLayoutMode(ChartArea::ChartPerStream);
    QCOMPARE(colorOf(m_area->panelFor(m_a.get()), QStringLiteral("/load")), aLoad);
    QCOMPARE(colorOf(m_area->panelFor(m_a.get()), QStringLiteral("/count")), aCount);
}

void TestChartArea::sharedWindowAndPause()
{
    m_area->addStream(m_a.get(), QStringLiteral("alpha"));
    m_area->setTimeWindow(ChartPanel::TenSeconds);
    m_area->setPaused(true);
    m_area->addStream(m_b.get(), QStringLiteral("beta"));

    const QList<ChartPanel *> panels = m_area->panels();
    QCOMPARE(panels.size(), 2);
    for (const ChartPanel *panel : panels) {
        QCOMPARE(panel->timeWindow(), ChartPanel::TenSeconds);
        QVERIFY(panel->isPaused());
    }
    // Feeding goes on while paused.
    feed(*m_a, 1, 3, QDateTime::currentMSecsSinceEpoch());
    QCOMPARE(m_a->buffer(QStringLiteral("/count"))->size(), 3);

    // A panel's own window choice is shared.
    QSignalSpy windowChanged(m_area.get(), &ChartArea::timeWindowChanged);
    panels.last()->setTimeWindow(ChartPanel::OneHour);
    QCOMPARE(windowChanged.size(), 1);
    QCOMPARE(m_area->timeWindow(), ChartPanel::OneHour);
    QCOMPARE(panels.first()->timeWindow(), ChartPanel::OneHour);

    m_area->setPaused(false);
    for (const ChartPanel *panel : panels)
        QVERIFY(panel->isFollowing());
    m_area->setLayoutMode(ChartArea::SingleChart);
    QCOMPARE(m_area->panels().first()->timeWindow(), ChartPanel::OneHour);
}

void TestChartArea::themeFollowsPalette()
{
    m_area->addStream(m_a.get(), QStringLiteral("alpha"));
    QPalette dark = m_area->palette();
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    m_area->setPalette(dark);
    QVERIFY(m_area->isDarkTheme());
    QVERIFY(m_area->panels().first()->isDarkTheme());
    m_area->addStream(m_b.get(), QStringLiteral("beta"));
    QVERIFY(m_area->panelFor(m_b.get())->isDarkTheme());

    QPalette light = dark;
    light.setColor(QPalette::Window, QColor(0xf0, 0xf0, 0xf0));
    m_area->setPalette(light);
    QVERIFY(!m_area->isDarkTheme());
    QVERIFY(!m_area->panels().first()->isDarkTheme());
}

void TestChartArea::renameAndRemove()
{
    feed(*m_a, 1, 2, QDateTime::currentMSecsSinceEpoch());
    m_area->addStream(m_a.get(), QStringLiteral("alpha"));
    m_area->addStream(m_b.get(), QStringLiteral("beta"));
    m_area->renameStream(m_a.get(), QStringLiteral("gamma"));
    QCOMPARE(m_area->streamName(m_a.get()), QStringLiteral("gamma"));
    QCOMPARE(m_area->panelFor(m_a.get())->title(), QStringLiteral("gamma"));
    m_area->setLayoutMode(ChartArea::SingleChart);
    QCOMPARE(seriesNames(m_area->panels().first()), QStringList{QStringLiteral("gamma /count")});

    QSignalSpy removed(m_area.get(), &ChartArea::streamRemoved);
    m_a.reset(); // a store going away leaves the area
    QCOMPARE(removed.size(), 1);
    QCOMPARE(m_area->streams(), QList<StreamFieldStore *>{m_b.get()});
    QVERIFY(seriesNames(m_area->panels().first()).isEmpty());
    m_area->refresh(QDateTime::currentMSecsSinceEpoch()); // reads no buffer that is gone
}

void TestChartArea::grabImageShowsArea()
{
    m_area->addStream(m_a.get(), QStringLiteral("alpha"));
    feed(*m_a, 1, 5, QDateTime::currentMSecsSinceEpoch());
    const QImage image = m_area->grabImage();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size() / image.devicePixelRatio(), m_area->size());
}

void TestChartArea::streamColourSlotGivesItsHue()
{
    feed(*m_a, 1, 2, QDateTime::currentMSecsSinceEpoch());
    feed(*m_b, 1, 2, QDateTime::currentMSecsSinceEpoch());
    m_area->addStream(m_a.get(), QStringLiteral("alpha"), 3);
    m_area->addStream(m_b.get(), QStringLiteral("beta"), 0);
    m_area->setPlottedFields(m_a.get(), {QStringLiteral("/count"), QStringLiteral("/load")});
    QCOMPARE(m_area->seriesColor(m_a.get(), QStringLiteral("/count")), ChartPanel::colorForIndex(3));
    QCOMPARE(m_area->seriesColor(m_a.get(), QStringLiteral("/load")),
             ChartPanel::colorForIndex(3 + ChartPanel::PaletteSize));
    QCOMPARE(m_area->seriesColor(m_b.get(), QStringLiteral("/count")), ChartPanel::colorForIndex(0));
    QCOMPARE(colorOf(m_area->panelFor(m_a.get()), QStringLiteral("/load")),
             ChartPanel::colorForIndex(3 + ChartPanel::PaletteSize));
}

void TestChartArea::plainWheelScrollsTheArea()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    std::vector<std::unique_ptr<StreamFieldStore>> stores;
    for (int i = 0; i < 5; ++i) {
        stores.push_back(std::make_unique<StreamFieldStore>());
        feed(*stores.back(), 1, 30, now);
        m_area->addStream(stores.back().get(), QStringLiteral("stream %1").arg(i));
    }
    settle(now);
    auto *scroll = m_area->findChild<QScrollArea *>();
    QVERIFY(scroll);
    QScrollBar *bar = scroll->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0); // five readable panels do not fit in 700 px
    for (ChartPanel *panel : m_area->panels())
        QVERIFY(panel->height() >= 180);

    ChartPanel *first = m_area->panels().first();
    const auto range = first->timeRange();
    QCOMPARE(bar->value(), 0);
    wheelOver(first, -120, Qt::NoModifier);
    QVERIFY(bar->value() > 0);
    QCOMPARE(first->timeRange(), range);
    QVERIFY(first->isFollowing());
    for (auto &store : stores)
        m_area->removeStream(store.get());
}

void TestChartArea::ctrlWheelZoomsThePanelUnderTheCursor()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    addAlphaAndBeta(120, now);
    settle(now);
    ChartPanel *alpha = m_area->panelFor(m_a.get());
    ChartPanel *beta = m_area->panelFor(m_b.get());
    const auto scroll = m_area->findChild<QScrollArea *>()->verticalScrollBar()->value();

    QVERIFY(wheelOver(alpha, 120, Qt::ControlModifier));
    QVERIFY(alpha->isFollowing());
    QVERIFY(alpha->followSpan() < ChartPanel::windowLengthMs(m_area->timeWindow()));
    QCOMPARE(beta->followSpan(), ChartPanel::windowLengthMs(m_area->timeWindow()));
    QCOMPARE(m_area->findChild<QScrollArea *>()->verticalScrollBar()->value(), scroll);
    m_area->refresh(now + 1'000);
    const auto [from, to] = alpha->timeRange();
    QVERIFY(to >= now + 1'000 && to - (now + 1'000) <= (to - from) / 300);

    // Reset all ends every zoom.
    m_area->resetZoom();
    QCOMPARE(alpha->followSpan(), ChartPanel::windowLengthMs(m_area->timeWindow()));
}

void TestChartArea::outagesReachTheirPanels()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    addAlphaAndBeta(60, now);
    const QList<std::pair<qint64, qint64>> spans{{now - 30'000, now - 20'000}, {now - 5'000, -1}};
    m_area->setOutages(m_a.get(), spans);
    QCOMPARE(m_area->outages(m_a.get()), spans);
    settle(now);
    QCOMPARE(m_area->panelFor(m_a.get())->outages(), spans);
    QCOMPARE(m_area->panelFor(m_a.get())->outageBands().size(), 2);
    QVERIFY(m_area->panelFor(m_b.get())->outageBands().isEmpty());

    // Every stream's on the single chart; still there after switching back.
    m_area->setOutages(m_b.get(), {{now - 50'000, now - 45'000}});
    m_area->setLayoutMode(ChartArea::SingleChart);
    settle(now);
    QCOMPARE(m_area->panels().first()->outageBands().size(), 3);
    m_area->setLayoutMode(ChartArea::ChartPerStream);
    settle(now);
    QCOMPARE(m_area->panelFor(m_a.get())->outageBands().size(), 2);
    QCOMPARE(m_area->panelFor(m_b.get())->outageBands().size(), 1);

    // On a payload clock the spans move with the stream's clock offset.
    m_a->setTimeSource(StreamFieldStore::PayloadField, QStringLiteral("/time"));
    feed(*m_a, 61, 1, now);
    settle(now);
    const qint64 offset = m_a->clockOffsetMs();
    QVERIFY(std::abs(offset) > 86'400'000);
    QCOMPARE(m_area->panelFor(m_a.get())->outages().first(),
             std::pair(spans.first().first + offset, spans.first().second + offset));
    QCOMPARE(m_area->panelFor(m_a.get())->outages().last().second, qint64(-1));
}

void TestChartArea::renderImageStacksChartsWithoutButtons()
{
    QVERIFY(m_area->renderImage(QSize(1280, 720)).isNull()); // no chart yet
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    addAlphaAndBeta(60, now);
    settle(now);

    const QImage image = m_area->renderImage(QSize(1280, 720));
    QCOMPARE(image.size(), QSize(1280, 720));
    QVERIFY(image != m_area->grab().toImage().convertToFormat(image.format()).scaled(image.size()));
    const auto buttons = m_area->findChildren<QToolButton *>();
    QVERIFY(!buttons.isEmpty());
    // Top right of each half (where the widgets have their buttons) is chart background.
    const QRgb background = image.pixel(image.width() - 2, 2);
    QCOMPARE(QColor(background), QColor(Qt::white));
    for (int top : {0, 360}) {
        for (int y = top; y < top + 16; ++y) {
            for (int x = image.width() - 300; x < image.width(); ++x)
                QCOMPARE(image.pixel(x, y), background);
        }
    }
    // Both charts drew their series.
    const QColor alpha = m_area->seriesColor(m_a.get(), QStringLiteral("/count"));
    const QColor beta = m_area->seriesColor(m_b.get(), QStringLiteral("/count"));
    const auto has = [&image](const QColor &color, int top, int bottom) {
        return hasPixel(image, color.rgb(), top, bottom);
    };
    QVERIFY(has(alpha, 0, 360));
    QVERIFY(!has(alpha, 360, 720));
    QVERIFY(has(beta, 360, 720));
    QCOMPARE(m_area->grabImage().size(), m_area->size());

    // Written as the file name says.
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("charts.png"));
    QString error;
    QVERIFY2(m_area->saveImage(png, QSize(1920, 1080), &error), qPrintable(error));
    QCOMPARE(QImage(png).size(), QSize(1920, 1080));
    QVERIFY(!m_area->saveImage(dir.filePath(QStringLiteral("missing/charts.png")), QSize(640, 480), &error));
    QVERIFY(error.contains(QLatin1String("missing")));
}

void TestChartArea::renderSvgWritesTheCharts()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("charts.svg"));
    QString error;
    QVERIFY(!m_area->renderSvg(path, QSize(1280, 720), &error));
    QVERIFY(!error.isEmpty());

    feed(*m_a, 1, 60, QDateTime::currentMSecsSinceEpoch());
    m_area->addStream(m_a.get(), QStringLiteral("alpha"));
    settle(QDateTime::currentMSecsSinceEpoch());
    error.clear();
    const bool written = m_area->renderSvg(path, QSize(1280, 720), &error);
    QCOMPARE(written, ChartArea::svgAvailable());
    if (!written) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    QVERIFY(svg.contains("<svg"));
    QVERIFY(svg.contains("viewBox=\"0 0 1280 720\""));
    QVERIFY(svg.contains("alpha"));
    QVERIFY(!svg.contains("Pause"));
    QVERIFY(!m_area->renderSvg(dir.filePath(QStringLiteral("missing/charts.svg")), QSize(1280, 720), &error));
    QVERIFY(error.contains(QLatin1String("missing")));
}

QTEST_MAIN(TestChartArea)
#include "tst_chartarea.moc"
