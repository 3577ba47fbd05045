#include "StatisticsPane.h"

#include "SseEvent.h"
#include "StreamFieldStore.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

#include <memory>

namespace {

const qint64 Base = QDateTime(QDate(2026, 11, 23), QTime(19, 0, 0)).toMSecsSinceEpoch();

void feed(StreamFieldStore &store, const QString &json, qint64 receivedAtMs)
{
    SseEvent event;
    event.data = json;
    store.addEvent(event, receivedAtMs);
}

} // namespace

class TestStatisticsPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void sortsByRawValues();
    void rangeModes();
    void onlyPlottedFields();
    void hiddenPaneWaits();
    void rangeText_data();
    void rangeText();

private:
    QStringList column(int column) const
    {
        QStringList texts;
        const QAbstractItemModel *model = m_pane->view()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            texts.append(model->index(row, column).data().toString());
        return texts;
    }

    std::unique_ptr<StatisticsPane> m_pane;
    std::unique_ptr<StreamFieldStore> m_a;
};

void TestStatisticsPane::init()
{
    m_a = std::make_unique<StreamFieldStore>();
    m_pane = std::make_unique<StatisticsPane>();
    m_pane->model()->addStream(m_a.get(), QStringLiteral("demo"));
    // Means 9, 10 and -2: a text sort would put "10" before "9".
    for (int i = 0; i < 5; ++i)
        feed(*m_a, QStringLiteral(R"({"nine": 9, "ten": 10, "neg": -2, "i": %1})").arg(i), Base + i * 1000);
    m_pane->resize(800, 300);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
}

void TestStatisticsPane::cleanup()
{
    m_pane.reset();
    m_a.reset();
}

void TestStatisticsPane::sortsByRawValues()
{
    QAbstractItemModelTester tester(m_pane->proxyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_pane->setRangeMode(StatisticsPane::WholeHistory);
    m_pane->refresh();
    // Unsorted at first: the fields in their discovery order.
    QCOMPARE(column(StatisticsModel::FieldColumn), m_a->fieldPaths());
    QVERIFY(m_pane->view()->isSortingEnabled());

    m_pane->view()->sortByColumn(StatisticsModel::MeanColumn, Qt::AscendingOrder);
    QCOMPARE(column(StatisticsModel::MeanColumn),
             (QStringList{QStringLiteral("-2"), QStringLiteral("2"), QStringLiteral("9"), QStringLiteral("10")}));
    m_pane->view()->sortByColumn(StatisticsModel::MeanColumn, Qt::DescendingOrder);
    QCOMPARE(column(StatisticsModel::FieldColumn).first(), QStringLiteral("/ten"));

    // Sorted rows follow new values on refresh.
    feed(*m_a, QStringLiteral(R"({"i": 1000})"), Base + 5000);
    m_pane->refresh();
    QCOMPARE(column(StatisticsModel::FieldColumn).first(), QStringLiteral("/i"));
}

void TestStatisticsPane::rangeModes()
{
    QCOMPARE(m_pane->rangeMode(), StatisticsPane::VisibleWindow);
    m_pane->refresh();
    QVERIFY(!m_pane->shownRange()); // no window given yet
    QCOMPARE(m_pane->rangeLabel()->text(), QStringLiteral("No samples"));

    m_pane->setRange(Base + 3000, Base + 63'000);
    m_pane->refresh();
    QCOMPARE(m_pane->rangeLabel()->text(), QStringLiteral("19:00:03 – 19:01:03"));
    const int i = m_pane->model()->rowOf(m_a.get(), QStringLiteral("/i"));
    QCOMPARE(m_pane->model()->index(i, StatisticsModel::CountColumn).data(StatisticsModel::SortRole).toLongLong(), 2);

    QSignalSpy modeChanged(m_pane.get(), &StatisticsPane::rangeModeChanged);
    QComboBox *combo = m_pane->rangeCombo();
    combo->setCurrentIndex(combo->findData(StatisticsPane::WholeHistory)); // as a user's choice
    QCOMPARE(modeChanged.size(), 1);
    QCOMPARE(m_pane->rangeMode(), StatisticsPane::WholeHistory);
    QCOMPARE(m_pane->shownRange(), std::optional(std::pair(Base, Base + 4000)));
    QCOMPARE(m_pane->rangeLabel()->text(), QStringLiteral("19:00:00 – 19:00:04"));
    QCOMPARE(m_pane->model()->index(i, StatisticsModel::CountColumn).data(StatisticsModel::SortRole).toLongLong(), 5);
}

void TestStatisticsPane::onlyPlottedFields()
{
    QVERIFY(m_pane->onlyPlotted()); // the default
    QCOMPARE(m_pane->model()->rowCount(), 4); // no lookup: every field counts as plotted
    QStringList plotted{QStringLiteral("/ten")};
    m_pane->setPlottedLookup([&](const StreamFieldStore *, const QString &key) { return plotted.contains(key); });
    QCOMPARE(m_pane->model()->rowCount(), 1);
    QCOMPARE(m_pane->model()->keyAt(0), QStringLiteral("/ten"));

    plotted.append(QStringLiteral("/neg"));
    m_pane->refresh();
    QCOMPARE(m_pane->model()->rowCount(), 2);

    m_pane->onlyPlottedCheck()->click();
    QVERIFY(!m_pane->onlyPlotted());
    QCOMPARE(m_pane->model()->rowCount(), 4);
    m_pane->setOnlyPlotted(true);
    QCOMPARE(m_pane->model()->rowCount(), 2);
}

void TestStatisticsPane::hiddenPaneWaits()
{
    m_pane->setRangeMode(StatisticsPane::WholeHistory);
    m_pane->refresh();
    const int i = m_pane->model()->rowOf(m_a.get(), QStringLiteral("/i"));
    const auto count = [&] {
        return m_pane->model()->index(i, StatisticsModel::CountColumn).data(StatisticsModel::SortRole).toLongLong();
    };
    QCOMPARE(count(), 5);
    m_pane->hide();
    feed(*m_a, QStringLiteral(R"({"i": 5})"), Base + 5000);
    m_pane->refresh();
    QCOMPARE(count(), 5);
    m_pane->show();
    QCOMPARE(count(), 6);
}

void TestStatisticsPane::rangeText_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<QString>("text");
    QTest::newRow("a minute") << Base + 5000 << Base + 65'000 << "19:00:05 – 19:01:05";
    QTest::newRow("one instant") << Base << Base << "19:00:00 – 19:00:00";
    QTest::newRow("over midnight") << Base << Base + 6 * 3'600'000 << "2026-11-23 19:00:00 – 2026-11-24 01:00:00";
}

void TestStatisticsPane::rangeText()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(QString, text);
    QCOMPARE(StatisticsPane::rangeText(from, to), text);
}

QTEST_MAIN(TestStatisticsPane)
#include "tst_statisticspane.moc"
