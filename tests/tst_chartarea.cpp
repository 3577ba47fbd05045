#include "ChartArea.h"
#include "ChartPanel.h"
#include "FieldPicker.h"
#include "SeriesBuffer.h"
#include "SseEvent.h"
#include "StreamFieldStore.h"

#include <QAbstractItemModel>
#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QTreeView>

#include <cstdlib>
#include <memory>

namespace {

// Payload times far from the receive times, so that the two cannot be confused.
const qint64 PayloadBase = QDateTime(QDate(2026, 11, 23), QTime(19, 0, 0), Qt::UTC).toMSecsSinceEpoch();

// Demo-like events, one a second, received up to `receivedUntil`.
void feed(StreamFieldStore &store, int from, int count, qint64 receivedUntil)
{
    for (int i = from; i < from + count; ++i) {
        SseEvent event;
        const QString time = QDateTime::fromMSecsSinceEpoch(PayloadBase + i * 1000, Qt::UTC)
                                 .toString(Qt::ISODateWithMs);
        event.data = QStringLiteral(R"({"count": %1, "load": %2, "time": "%3"})").arg(i).arg(i % 7).arg(time);
        store.addEvent(event, receivedUntil - (from + count - 1 - i) * 1000);
    }
}

QStringList seriesNames(const ChartPanel *panel)
{
    QStringList names;
    for (const PlotSeries &series : panel->series())
        names.append(series.name);
    return names;
}

QColor colorOf(const ChartPanel *panel, const QString &name)
{
    for (const PlotSeries &series : panel->series()) {
        if (series.name == name)
            return series.color;
    }
    return {};
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
    void fieldPickerCheckPlotsField();
    void fieldPickerFollowsDiscoveryAndArea();
    void timeSourceSwitchUsesPayloadTimes();
    void sharedWindowPauseAndPointCap();
    void themeFollowsPalette();
    void renameAndRemove();
    void grabImageShowsArea();

private:
    void settle(qint64 now);

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

void TestChartArea::settle(qint64 now)
{
    m_area->refresh(now);
    QCoreApplication::sendPostedEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    m_area->refresh(now);
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
    feed(*m_a, 1, 5, now);
    feed(*m_b, 1, 5, now);
    m_area->addStream(m_a.get(), QStringLiteral("alpha"));
    m_area->addStream(m_b.get(), QStringLiteral("beta"));
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

void TestChartArea::fieldPickerCheckPlotsField()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_area->addStream(m_a.get(), QStringLiteral("demo"));
    feed(*m_a, 1, 10, now);
    FieldPicker picker(m_area.get());

    QVERIFY(picker.isFieldChecked(m_a.get(), QStringLiteral("/count")));
    QVERIFY(!picker.isFieldChecked(m_a.get(), QStringLiteral("/load")));
    const QModelIndex load = picker.fieldIndex(m_a.get(), QStringLiteral("/load"));
    QVERIFY(load.isValid());
    QVERIFY(!picker.fieldIndex(m_a.get(), QStringLiteral("/time")).isValid()); // text is not plotted
    QVERIFY(!load.data(Qt::ToolTipRole).toString().isEmpty());

    // What a click on the box does.
    QVERIFY(picker.model()->setData(load, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(m_area->plottedFields(m_a.get()), (QStringList{QStringLiteral("/count"), QStringLiteral("/load")}));
    settle(now);
    const ChartPanel *panel = m_area->panelFor(m_a.get());
    QCOMPARE(seriesNames(panel), (QStringList{QStringLiteral("/count"), QStringLiteral("/load")}));
    QCOMPARE(panel->displayedPoints(1).last().y(), 10.0 - 7.0);

    picker.setFieldChecked(m_a.get(), QStringLiteral("/count"), false);
    QCOMPARE(m_area->plottedFields(m_a.get()), QStringList{QStringLiteral("/load")});
    QCOMPARE(seriesNames(panel), QStringList{QStringLiteral("/load")});
}

void TestChartArea::fieldPickerFollowsDiscoveryAndArea()
{
    FieldPicker picker(m_area.get());
    m_area->addStream(m_a.get(), QStringLiteral("demo"));
    QVERIFY(!picker.fieldIndex(m_a.get(), QStringLiteral("/count")).isValid());
    feed(*m_a, 1, 1, QDateTime::currentMSecsSinceEpoch());
    QVERIFY(picker.fieldIndex(m_a.get(), QStringLiteral("/count")).isValid());
    QVERIFY(picker.fieldIndex(m_a.get(), QStringLiteral("/load")).isValid());
    QVERIFY(picker.isFieldChecked(m_a.get(), QStringLiteral("/count")));

    m_area->setPlottedFields(m_a.get(), {QStringLiteral("/load")});
    QVERIFY(!picker.isFieldChecked(m_a.get(), QStringLiteral("/count")));
    QVERIFY(picker.isFieldChecked(m_a.get(), QStringLiteral("/load")));

    QComboBox *combo = picker.timeAxisCombo(m_a.get());
    QVERIFY(combo);
    QCOMPARE(combo->count(), 2);
    QCOMPARE(combo->itemData(1).toString(), QStringLiteral("/time"));

    m_area->renameStream(m_a.get(), QStringLiteral("renamed"));
    const QModelIndex streamRow = picker.fieldIndex(m_a.get(), QStringLiteral("/count")).parent();
    QCOMPARE(streamRow.data().toString(), QStringLiteral("renamed"));

    m_area->removeStream(m_a.get());
    QCOMPARE(picker.model()->rowCount(), 0);
    QCOMPARE(picker.timeAxisCombo(m_a.get()), nullptr);
}

void TestChartArea::timeSourceSwitchUsesPayloadTimes()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_area->addStream(m_a.get(), QStringLiteral("demo"));
    FieldPicker picker(m_area.get());
    picker.show();
    feed(*m_a, 1, 5, now);
    settle(now);
    QCOMPARE(qint64(m_area->panelFor(m_a.get())->displayedPoints(0).last().x()), now);

    QComboBox *combo = picker.timeAxisCombo(m_a.get());
    QVERIFY(combo);
    const int timeItem = combo->findData(QStringLiteral("/time"));
    QVERIFY(timeItem > 0);
    combo->setCurrentIndex(timeItem);
    Q_EMIT combo->activated(timeItem); // as a user's choice does
    QCOMPARE(m_a->timeSource(), StreamFieldStore::PayloadField);
    QCOMPARE(m_a->timeFieldPath(), QStringLiteral("/time"));

    feed(*m_a, 6, 10, now);
    settle(now);
    const ChartPanel *panel = m_area->panelFor(m_a.get());
    const QList<QPointF> points = panel->displayedPoints(0);
    QVERIFY(!points.isEmpty());
    QCOMPARE(qint64(points.last().x()), PayloadBase + 15 * 1000);
    QCOMPARE(points.last().y(), 15.0);
    for (const QPointF &p : points)
        QCOMPARE(qint64(p.x()), PayloadBase + qint64(p.y()) * 1000);
    // The axis follows the payload's clock, not the receive time.
    const auto [from, to] = panel->timeRange();
    QVERIFY(from <= points.first().x() && points.last().x() <= to);
    QVERIFY(std::abs(to - (PayloadBase + 15 * 1000)) < ChartPanel::windowLengthMs(m_area->timeWindow()));

    // And back: the combo follows the store.
    m_a->setTimeSource(StreamFieldStore::ReceiveTime);
    QCOMPARE(combo->currentIndex(), 0);
}

void TestChartArea::sharedWindowPauseAndPointCap()
{
    m_area->addStream(m_a.get(), QStringLiteral("alpha"));
    m_area->setTimeWindow(ChartPanel::TenSeconds);
    m_area->setPointCap(500);
    m_area->setPaused(true);
    m_area->addStream(m_b.get(), QStringLiteral("beta"));

    QCOMPARE(m_a->pointCap(), 500);
    QCOMPARE(m_b->pointCap(), 500);
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

QTEST_MAIN(TestChartArea)
#include "tst_chartarea.moc"
