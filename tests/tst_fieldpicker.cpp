#include "ChartArea.h"
#include "ChartFixtures.h"
#include "ChartPanel.h"
#include "FieldPicker.h"
#include "SseEvent.h"
#include "StreamFieldStore.h"

#include <QAbstractItemModel>
#include <QComboBox>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <cstdlib>
#include <memory>

using namespace ChartFixtures;

class TestFieldPicker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void fieldPickerCheckPlotsField();
    void fieldPickerFollowsDiscoveryAndArea();
    void timeSourceSwitchUsesPayloadTimes();
    void fieldsOfOtherEventTypesCarryTheirType();

private:
    void settle(qint64 now) { ChartFixtures::settle(*m_area, now, Posted::LayoutRequests); }

    std::unique_ptr<ChartArea> m_area;
    std::unique_ptr<StreamFieldStore> m_a;
};

void TestFieldPicker::init()
{
    m_a = std::make_unique<StreamFieldStore>();
    m_area = std::make_unique<ChartArea>();
    m_area->setTickInterval(0); // the tests drive refresh() themselves
    m_area->resize(900, 700);
    m_area->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_area.get()));
}

void TestFieldPicker::cleanup()
{
    m_area.reset();
    m_a.reset();
}

void TestFieldPicker::fieldPickerCheckPlotsField()
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


void TestFieldPicker::fieldPickerFollowsDiscoveryAndArea()
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


void TestFieldPicker::timeSourceSwitchUsesPayloadTimes()
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
    // The choice is a request for the owner of the store, which applies it.
    QSignalSpy requested(&picker, &FieldPicker::timeSourceChangeRequested);
    combo->setCurrentIndex(timeItem);
    Q_EMIT combo->activated(timeItem); // as a user's choice does
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).value<StreamFieldStore *>(), m_a.get());
    QCOMPARE(requested.at(0).at(1).value<StreamFieldStore::TimeSource>(), StreamFieldStore::PayloadField);
    QCOMPARE(requested.at(0).at(2).toString(), QStringLiteral("/time"));
    QCOMPARE(m_a->timeSource(), StreamFieldStore::ReceiveTime);
    m_a->setTimeSource(StreamFieldStore::PayloadField, QStringLiteral("/time"));
    QCOMPARE(combo->currentIndex(), timeItem);

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

    // And back: the combo follows the store; choosing what is in use asks for nothing.
    m_a->setTimeSource(StreamFieldStore::ReceiveTime);
    QCOMPARE(combo->currentIndex(), 0);
    Q_EMIT combo->activated(0);
    QCOMPARE(requested.size(), 1);
}


void TestFieldPicker::fieldsOfOtherEventTypesCarryTheirType()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_area->addStream(m_a.get(), QStringLiteral("demo"));
    FieldPicker picker(m_area.get());
    feed(*m_a, 1, 3, now);
    SseEvent alert;
    alert.type = QStringLiteral("alert");
    alert.data = QStringLiteral(R"({"latency_ms": 250, "at": "2026-11-23T19:00:00Z"})");
    m_a->addEvent(alert, now);

    const QString key = StreamFieldStore::fieldKey(QStringLiteral("alert"), QStringLiteral("/latency_ms"));
    const QModelIndex index = picker.fieldIndex(m_a.get(), key);
    QVERIFY(index.isValid());
    QVERIFY2(index.data().toString().contains(QLatin1String("alert")), qPrintable(index.data().toString()));
    QVERIFY(index.data(Qt::ToolTipRole).toString().contains(QLatin1String("alert")));
    // The message type keeps its plain paths.
    QVERIFY(picker.fieldIndex(m_a.get(), QStringLiteral("/count")).isValid());

    picker.setFieldChecked(m_a.get(), key, true);
    QVERIFY(m_area->plottedFields(m_a.get()).contains(key));
    settle(now);
    QVERIFY(seriesNames(m_area->panelFor(m_a.get())).contains(key));
    QCOMPARE(m_area->panelFor(m_a.get())->displayedPoints(1).last().y(), 250.0);

    // A timestamp of the alert events is offered by its key.
    QComboBox *combo = picker.timeAxisCombo(m_a.get());
    QVERIFY(combo->findData(StreamFieldStore::fieldKey(QStringLiteral("alert"), QStringLiteral("/at"))) > 0);
}

QTEST_MAIN(TestFieldPicker)
#include "tst_fieldpicker.moc"
