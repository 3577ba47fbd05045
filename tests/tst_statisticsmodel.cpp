#include "StatisticsModel.h"

#include "SeriesBuffer.h"
#include "SseEvent.h"
#include "StreamFieldStore.h"
#include "ValueFormat.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QHash>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <limits>
#include <memory>

namespace {

// A fixed local time, far from now.
const qint64 Base = QDateTime(QDate(2026, 11, 23), QTime(19, 0, 0)).toMSecsSinceEpoch();

void feed(StreamFieldStore &store, const QString &json, qint64 receivedAtMs)
{
    SseEvent event;
    event.data = json;
    store.addEvent(event, receivedAtMs);
}

// One sample of "/v" a second from Base.
void feedValues(StreamFieldStore &store, const QList<double> &values, qint64 from = Base)
{
    for (int i = 0; i < values.size(); ++i)
        feed(store, QStringLiteral(R"({"v": %1})").arg(values[i], 0, 'g', 17), from + i * 1000);
}

constexpr qint64 Unbounded = std::numeric_limits<qint64>::max();

} // namespace

class TestStatisticsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void knownSamplesGiveExactFigures();
    void valueShapes_data();
    void valueShapes();
    void unitsInTheText();
    void rangeLeavesSamplesOut();
    void payloadClockIsShifted();
    void fieldsDiscoveredLaterAddRows();
    void streamRemovedTakesItsRows();
    void filterLeavesFieldsOut();
    void onlyChangedCellsSignal();
    void renameChangesTheStreamColumn();
    void headers();

private:
    QString text(int row, int column) const { return m_model->index(row, column).data().toString(); }
    QVariant raw(int row, int column) const
    {
        return m_model->index(row, column).data(StatisticsModel::SortRole);
    }
    void everything()
    {
        m_model->setRange(std::numeric_limits<qint64>::min(), Unbounded);
        m_model->refresh();
    }

    std::unique_ptr<StatisticsModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<StreamFieldStore> m_a;
    std::unique_ptr<StreamFieldStore> m_b;
    QHash<QString, QString> m_units; // "<stream>|<key>" -> unit
};

void TestStatisticsModel::init()
{
    m_a = std::make_unique<StreamFieldStore>();
    m_b = std::make_unique<StreamFieldStore>();
    m_model = std::make_unique<StatisticsModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_units.clear();
    m_model->setUnitLookup([this](const StreamFieldStore *store, const QString &key) {
        return m_units.value(m_model->streamName(store) + QLatin1Char('|') + key);
    });
}

void TestStatisticsModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_a.reset();
    m_b.reset();
}

void TestStatisticsModel::knownSamplesGiveExactFigures()
{
    m_model->addStream(m_a.get(), QStringLiteral("demo"));
    feedValues(*m_a, {2, 4, 4, 4, 5, 5, 7, 9}); // over 8 s: one a second
    m_model->setRange(Base, Base + 8000);
    m_model->refresh();

    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->rowOf(m_a.get(), QStringLiteral("/v")), 0);
    QCOMPARE(m_model->storeAt(0), m_a.get());
    QCOMPARE(m_model->keyAt(0), QStringLiteral("/v"));
    QCOMPARE(text(0, StatisticsModel::StreamColumn), QStringLiteral("demo"));
    QCOMPARE(text(0, StatisticsModel::FieldColumn), QStringLiteral("/v"));
    QCOMPARE(raw(0, StatisticsModel::LastColumn).toDouble(), 9.0);
    QCOMPARE(raw(0, StatisticsModel::MinColumn).toDouble(), 2.0);
    QCOMPARE(raw(0, StatisticsModel::MaxColumn).toDouble(), 9.0);
    QCOMPARE(raw(0, StatisticsModel::MeanColumn).toDouble(), 5.0);
    QCOMPARE(raw(0, StatisticsModel::StdDevColumn).toDouble(), 2.0);
    QCOMPARE(raw(0, StatisticsModel::CountColumn).toLongLong(), 8);
    QCOMPARE(raw(0, StatisticsModel::RateColumn).toDouble(), 1.0);
    QCOMPARE(text(0, StatisticsModel::LastColumn), QStringLiteral("9"));
    QCOMPARE(text(0, StatisticsModel::MeanColumn), QStringLiteral("5"));
    QCOMPARE(text(0, StatisticsModel::StdDevColumn), QStringLiteral("2"));
    QCOMPARE(text(0, StatisticsModel::CountColumn), QStringLiteral("8"));
    QCOMPARE(text(0, StatisticsModel::RateColumn), QStringLiteral("1"));
    // Raw doubles sort; numbers right-aligned.
    QCOMPARE(raw(0, StatisticsModel::MeanColumn).typeId(), QMetaType::Double);
    QCOMPARE(m_model->index(0, StatisticsModel::MeanColumn).data(Qt::TextAlignmentRole).toInt(),
             int(Qt::AlignRight | Qt::AlignVCenter));
}

void TestStatisticsModel::valueShapes_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("stddev");
    QTest::addColumn<QString>("meanText");

    QTest::newRow("constant") << QList<double>{7, 7, 7, 7} << 7.0 << 0.0 << "7";
    QTest::newRow("1e300") << QList<double>{1e300, 1e300, 1e300} << 1e300 << 0.0 << "1e300";
    QTest::newRow("-1e-9") << QList<double>{-1e-9, -1e-9} << -1e-9 << 0.0 << "-1e-9";
    QTest::newRow("negatives") << QList<double>{-3, -1} << -2.0 << 1.0 << "-2";
    QTest::newRow("millions") << QList<double>{2e6, 4e6} << 3e6 << 1e6 << "3 M";
    QTest::newRow("unix seconds") << QList<double>{1764590400, 1764590401, 1764590402} << 1764590401.0
                                  << std::sqrt(2.0 / 3.0) << "1.765 G";
    QTest::newRow("unix ms") << QList<double>{1764590400000.0, 1764590400000.0} << 1764590400000.0 << 0.0
                             << "1.765 T";
    QTest::newRow("unix ns") << QList<double>{1764590400123456789.0} << 1764590400123456789.0 << 0.0
                             << "1.765e18";
}

void TestStatisticsModel::valueShapes()
{
    QFETCH(QList<double>, values);
    QFETCH(double, mean);
    QFETCH(double, stddev);
    QFETCH(QString, meanText);

    m_model->addStream(m_a.get(), QStringLiteral("demo"));
    feedValues(*m_a, values);
    everything();
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(raw(0, StatisticsModel::CountColumn).toLongLong(), qint64(values.size()));
    QCOMPARE(raw(0, StatisticsModel::MeanColumn).toDouble(), mean);
    QCOMPARE(raw(0, StatisticsModel::StdDevColumn).toDouble(), stddev);
    QCOMPARE(text(0, StatisticsModel::MeanColumn), meanText);
    QCOMPARE(raw(0, StatisticsModel::LastColumn).toDouble(), values.last());
    if (stddev == 0)
        QCOMPARE(text(0, StatisticsModel::StdDevColumn), QStringLiteral("0"));
    // The full value in the tooltip.
    QCOMPARE(m_model->index(0, StatisticsModel::LastColumn).data(Qt::ToolTipRole).toString(),
             ValueFormat::readout(values.last(), QString()));
}

void TestStatisticsModel::unitsInTheText()
{
    m_units.insert(QStringLiteral("demo|/v"), QStringLiteral("B/s"));
    m_model->addStream(m_a.get(), QStringLiteral("demo"));
    feedValues(*m_a, {4000, 5000});
    everything();
    QCOMPARE(text(0, StatisticsModel::FieldColumn), QStringLiteral("/v [B/s]"));
    QCOMPARE(text(0, StatisticsModel::MeanColumn), QStringLiteral("4.5 kB/s"));
    QCOMPARE(text(0, StatisticsModel::MinColumn), QStringLiteral("4 kB/s"));
    QCOMPARE(text(0, StatisticsModel::StdDevColumn), QStringLiteral("500 B/s"));
    QCOMPARE(raw(0, StatisticsModel::MeanColumn).toDouble(), 4500.0);
    QCOMPARE(text(0, StatisticsModel::CountColumn), QStringLiteral("2")); // a count has no unit

    // A unit given later shows on the next refresh.
    m_units.insert(QStringLiteral("demo|/v"), QStringLiteral("ms"));
    m_model->refresh();
    QCOMPARE(text(0, StatisticsModel::MeanColumn), QStringLiteral("4.5 s"));
    m_units.insert(QStringLiteral("demo|/v"), QStringLiteral("°C"));
    m_model->refresh();
    QCOMPARE(text(0, StatisticsModel::MeanColumn), QStringLiteral("4,500 °C"));
}

void TestStatisticsModel::rangeLeavesSamplesOut()
{
    m_model->addStream(m_a.get(), QStringLiteral("demo"));
    feedValues(*m_a, {2, 4, 4, 4, 5, 5, 7, 9});

    m_model->setRange(Base + 2000, Base + 4000); // both ends held: 4, 4, 5
    m_model->refresh();
    QCOMPARE(m_model->range(), std::pair(Base + 2000, Base + 4000));
    QCOMPARE(raw(0, StatisticsModel::CountColumn).toLongLong(), 3);
    QCOMPARE(raw(0, StatisticsModel::MinColumn).toDouble(), 4.0);
    QCOMPARE(raw(0, StatisticsModel::MaxColumn).toDouble(), 5.0);
    QCOMPARE(raw(0, StatisticsModel::LastColumn).toDouble(), 5.0);

    // A range with no sample keeps the row, without figures.
    m_model->setRange(Base - 60'000, Base - 1);
    m_model->refresh();
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(raw(0, StatisticsModel::CountColumn).toLongLong(), 0);
    QCOMPARE(text(0, StatisticsModel::CountColumn), QStringLiteral("0"));
    for (int column : {StatisticsModel::LastColumn, StatisticsModel::MinColumn, StatisticsModel::MeanColumn,
                       StatisticsModel::StdDevColumn, StatisticsModel::RateColumn}) {
        QCOMPARE(text(0, column), QString());
        QVERIFY(!raw(0, column).isValid()); // sorts after every value
    }

    // Strings where numbers were are no samples.
    feed(*m_a, QStringLiteral(R"({"v": "12"})"), Base + 9000);
    everything();
    QCOMPARE(raw(0, StatisticsModel::CountColumn).toLongLong(), 8);
    QCOMPARE(m_model->historySpan(), std::optional(std::pair(Base, Base + 7000)));
}

void TestStatisticsModel::payloadClockIsShifted()
{
    // A replay: the payload's clock is an hour behind the receive clock.
    const qint64 payloadBase = Base - 3'600'000;
    m_a->setTimeSource(StreamFieldStore::PayloadField, QStringLiteral("/t"));
    for (int i = 0; i < 6; ++i)
        feed(*m_a, QStringLiteral(R"({"v": %1, "t": %2})").arg(i).arg(payloadBase + i * 1000), Base + i * 1000);
    QCOMPARE(m_a->clockOffsetMs(), -3'600'000);
    m_model->addStream(m_a.get(), QStringLiteral("replay"));
    m_model->setRange(Base + 3000, Base + 5000); // on the receive clock, as the chart's window
    m_model->refresh();
    const int row = m_model->rowOf(m_a.get(), QStringLiteral("/v"));
    QVERIFY(row >= 0);
    QCOMPARE(raw(row, StatisticsModel::CountColumn).toLongLong(), 3);
    QCOMPARE(raw(row, StatisticsModel::MinColumn).toDouble(), 3.0);
    QCOMPARE(m_model->historySpan(), std::optional(std::pair(Base, Base + 5000)));
}

void TestStatisticsModel::fieldsDiscoveredLaterAddRows()
{
    QVERIFY(!m_model->historySpan());
    m_model->addStream(m_a.get(), QStringLiteral("a"));
    QCOMPARE(m_model->rowCount(), 0);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    feed(*m_a, QStringLiteral(R"({"x": 1})"), Base);
    QCOMPARE(inserted.size(), 1); // with the discovery, not the next refresh
    QCOMPARE(m_model->keyAt(0), QStringLiteral("/x"));
    QCOMPARE(raw(0, StatisticsModel::CountColumn).toLongLong(), 1); // until a range is set, all of it

    m_model->addStream(m_b.get(), QStringLiteral("b"));
    feed(*m_b, QStringLiteral(R"({"y": 2})"), Base);
    feed(*m_a, QStringLiteral(R"({"x": 2, "z": {"w": [5]}})"), Base + 1000);
    // Rows stay grouped by stream, fields in discovery order.
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->keyAt(0), QStringLiteral("/x"));
    QCOMPARE(m_model->keyAt(1), QStringLiteral("/z/w[0]"));
    QCOMPARE(m_model->keyAt(2), QStringLiteral("/y"));
    QCOMPARE(m_model->storeAt(2), m_b.get());
    QCOMPARE(inserted.size(), 3);
    QCOMPARE(inserted.last().at(1).toInt(), 1);

    everything();
    QCOMPARE(raw(1, StatisticsModel::LastColumn).toDouble(), 5.0);
    QCOMPARE(raw(0, StatisticsModel::CountColumn).toLongLong(), 2);
}

void TestStatisticsModel::streamRemovedTakesItsRows()
{
    m_model->addStream(m_a.get(), QStringLiteral("a"));
    m_model->addStream(m_b.get(), QStringLiteral("b"));
    feed(*m_a, QStringLiteral(R"({"x": 1, "y": 2})"), Base);
    feed(*m_b, QStringLiteral(R"({"x": 3})"), Base);
    QCOMPARE(m_model->rowCount(), 3);

    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    m_model->removeStream(m_a.get());
    QCOMPARE(removed.size(), 1);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->storeAt(0), m_b.get());
    QCOMPARE(m_model->streams(), QList<StreamFieldStore *>{m_b.get()});
    feed(*m_a, QStringLiteral(R"({"new": 1})"), Base); // no longer followed
    QCOMPARE(m_model->rowCount(), 1);

    m_b.reset(); // a store that goes away leaves
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(m_model->streams().isEmpty());
    m_model->refresh();
}

void TestStatisticsModel::filterLeavesFieldsOut()
{
    QStringList plotted{QStringLiteral("/y")};
    m_model->addStream(m_a.get(), QStringLiteral("a"));
    feed(*m_a, QStringLiteral(R"({"x": 1, "y": 2, "z": 3})"), Base);
    m_model->setFieldFilter([&](const StreamFieldStore *, const QString &key) { return plotted.contains(key); });
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->keyAt(0), QStringLiteral("/y"));
    QCOMPARE(m_model->rowOf(m_a.get(), QStringLiteral("/x")), -1);

    // The filter is read again on refresh: rows come back in their place.
    plotted = {QStringLiteral("/x"), QStringLiteral("/z")};
    m_model->refresh();
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->keyAt(0), QStringLiteral("/x"));
    QCOMPARE(m_model->keyAt(1), QStringLiteral("/z"));
    plotted = {QStringLiteral("/x"), QStringLiteral("/y"), QStringLiteral("/z")};
    m_model->refresh();
    QCOMPARE(m_model->keyAt(1), QStringLiteral("/y"));

    m_model->setFieldFilter({});
    QCOMPARE(m_model->rowCount(), 3);
}

void TestStatisticsModel::onlyChangedCellsSignal()
{
    m_model->addStream(m_a.get(), QStringLiteral("a"));
    feed(*m_a, QStringLiteral(R"({"x": 1, "y": 2})"), Base);
    feed(*m_a, QStringLiteral(R"({"x": 1, "y": 3})"), Base + 1000);
    everything();
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->refresh();
    QCOMPARE(changed.size(), 0); // nothing new

    feed(*m_a, QStringLiteral(R"({"y": 6})"), Base + 2000);
    m_model->refresh();
    QCOMPARE(changed.size(), 1);
    const QModelIndex topLeft = changed.at(0).at(0).toModelIndex();
    const QModelIndex bottomRight = changed.at(0).at(1).toModelIndex();
    QCOMPARE(topLeft.row(), 1);
    QCOMPARE(bottomRight.row(), 1);
    QCOMPARE(topLeft.column(), int(StatisticsModel::LastColumn));
    QCOMPARE(bottomRight.column(), int(StatisticsModel::RateColumn));
    QCOMPARE(raw(1, StatisticsModel::MaxColumn).toDouble(), 6.0);

    // A unit on one field changes its name and its values, one row.
    m_units.insert(QStringLiteral("a|/x"), QStringLiteral("%"));
    m_model->refresh();
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(1).at(0).toModelIndex(), m_model->index(0, StatisticsModel::FieldColumn));
    QCOMPARE(changed.at(1).at(1).toModelIndex().row(), 0);
    QCOMPARE(text(0, StatisticsModel::LastColumn), QStringLiteral("1 %"));
}

void TestStatisticsModel::renameChangesTheStreamColumn()
{
    m_model->addStream(m_a.get(), QStringLiteral("a"));
    feed(*m_a, QStringLiteral(R"({"x": 1, "y": 2})"), Base);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->renameStream(m_a.get(), QStringLiteral("renamed"));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(text(0, StatisticsModel::StreamColumn), QStringLiteral("renamed"));
    QCOMPARE(text(1, StatisticsModel::StreamColumn), QStringLiteral("renamed"));
    QCOMPARE(m_model->streamName(m_a.get()), QStringLiteral("renamed"));
    m_model->refresh();
    QCOMPARE(changed.size(), 2);
}

void TestStatisticsModel::headers()
{
    QStringList names;
    for (int c = 0; c < m_model->columnCount(); ++c)
        names.append(m_model->headerData(c, Qt::Horizontal).toString());
    QCOMPARE(names, (QStringList{"Stream", "Field", "Last", "Min", "Max", "Mean", "Std dev", "Count", "Rate (/s)"}));
}

QTEST_MAIN(TestStatisticsModel)
#include "tst_statisticsmodel.moc"
