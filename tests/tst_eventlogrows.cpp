// How the rows that are not events read — connection changes, notices, alerts — and the times of
// rows in the zone and the numbers in the locale the user has.
#include "DisplayTime.h"
#include "EventLogFixtures.h"
#include "EventLogModel.h"
#include "StreamNotice.h"
#include "TimeZoneScope.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Kind = ConnectionEvent::Kind;
using namespace EventLogFixtures;

class TestEventLogRows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectionText_data();
    void connectionText();
    void secondsInTheUsersLocale();
    void connectionRows_data();
    void connectionRows();
    void timesFollowTheDisplayZone();
    void alertRows_data();
    void alertRows();
    void alertRowsShareTheCap();
};

void TestEventLogRows::connectionText_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("connection");
    QTest::addColumn<int>("attempt");
    QTest::addColumn<int>("delayMs");
    QTest::addColumn<QString>("expected");

    QTest::newRow("opened") << int(Kind::Opened) << QString() << 2 << 0 << 0
                            << QStringLiteral("Opened (connection 2)");
    QTest::newRow("opened, connection unknown") << int(Kind::Opened) << QString() << 0 << 0 << 0
                                                << QStringLiteral("Opened");
    QTest::newRow("lost") << int(Kind::Lost) << QStringLiteral("HTTP 503") << 1 << 0 << 0
                          << QStringLiteral("Connection lost \u2014 HTTP 503");
    QTest::newRow("lost, no reason") << int(Kind::Lost) << QString() << 1 << 0 << 0
                                     << QStringLiteral("Connection lost");
    QTest::newRow("reconnecting") << int(Kind::ReconnectScheduled) << QString() << 1 << 3 << 2500
                                  << QStringLiteral("Reconnecting in 2.5 s (attempt 3)");
    QTest::newRow("reconnecting, with reason")
        << int(Kind::ReconnectScheduled) << QStringLiteral("Connection refused") << 1 << 1 << 3000
        << QStringLiteral("Reconnecting in 3.0 s (attempt 1 \u2014 Connection refused)");
    QTest::newRow("reconnecting now") << int(Kind::ReconnectScheduled) << QString() << 1 << 2 << 0
                                      << QStringLiteral("Reconnecting now (attempt 2)");
    QTest::newRow("failed") << int(Kind::Failed) << QStringLiteral("Content-Type text/html") << 1
                            << 0 << 0 << QStringLiteral("Failed: Content-Type text/html");
    QTest::newRow("failed, no reason") << int(Kind::Failed) << QString() << 1 << 0 << 0
                                       << QStringLiteral("Failed");
    QTest::newRow("ended") << int(Kind::EndedByServer) << QStringLiteral("HTTP 204") << 1 << 0 << 0
                           << QStringLiteral("Ended by server (HTTP 204)");
    QTest::newRow("ended, no reason") << int(Kind::EndedByServer) << QString() << 1 << 0 << 0
                                      << QStringLiteral("Ended by server");
    QTest::newRow("closed") << int(Kind::Closed) << QStringLiteral("Closed") << 1 << 0 << 0
                            << QStringLiteral("Closed by the user");
    QTest::newRow("id reset") << int(Kind::IdReset) << QStringLiteral("from 42 to 1") << 2 << 0 << 0
                              << QStringLiteral("ID reset: 42 \u2192 1 (the server restarted?)");
    QTest::newRow("id reset, other reason") << int(Kind::IdReset) << QStringLiteral("went back")
                                            << 2 << 0 << 0 << QStringLiteral("ID reset: went back");
    QTest::newRow("id reset, no reason") << int(Kind::IdReset) << QString() << 2 << 0 << 0
                                         << QStringLiteral("ID reset (the server restarted?)");
    QTest::newRow("notice") << int(Kind::Notice) << StreamNotice::compressed("gzip").text << 1 << 0 << 0
                            << QStringLiteral("Notice: ") + StreamNotice::compressed("gzip").text;
}

void TestEventLogRows::connectionText()
{
    QFETCH(int, kind);
    QFETCH(QString, reason);
    QFETCH(int, connection);
    QFETCH(int, attempt);
    QFETCH(int, delayMs);
    QFETCH(QString, expected);

    const ConnectionEvent event = makeConnection(Kind(kind), reason, connection, attempt, delayMs);
    QCOMPARE(EventLogModel::connectionText(event), expected);

    // The row says the same, and the detail roles keep what it was made of.
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendConnectionEvent(3, event);
    model.flush();
    const QModelIndex index = model.index(0, EventLogModel::DataColumn);
    QCOMPARE(index.data().toString(), expected);
    QCOMPARE(index.data(EventLogModel::FullDataRole).toString(), expected);
    QCOMPARE(index.data(EventLogModel::ReasonRole).toString(), reason);
    QCOMPARE(index.data(EventLogModel::ConnectionKindRole).toInt(), kind);
    QCOMPARE(index.data(EventLogModel::ConnectionRole).toInt(), connection);
    QCOMPARE(index.data(EventLogModel::AttemptRole).toInt(), attempt);
    QCOMPARE(index.data(EventLogModel::DelayRole).toInt(), delayMs);
    QCOMPARE(index.data(EventLogModel::ReceivedAtRole).toDateTime().toMSecsSinceEpoch(), event.timeMs);
}

void TestEventLogRows::secondsInTheUsersLocale()
{
    const QLocale saved;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const QString text = EventLogModel::connectionText(makeConnection(Kind::ReconnectScheduled, {}, 1, 3, 2500));
    QLocale::setDefault(saved);
    QCOMPARE(text, QStringLiteral("Reconnecting in 2,5 s (attempt 3)"));
}

void TestEventLogRows::connectionRows_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QColor>("color");

    const QColor green(0x2e, 0xa0, 0x4f);
    const QColor amber(0xc7, 0x7c, 0x02);
    const QColor red(0xd1, 0x34, 0x38);
    const QColor grey(0x8c, 0x8c, 0x8c);
    QTest::newRow("opened") << int(Kind::Opened) << green;
    QTest::newRow("lost") << int(Kind::Lost) << amber;
    QTest::newRow("reconnecting") << int(Kind::ReconnectScheduled) << amber;
    QTest::newRow("id reset") << int(Kind::IdReset) << amber;
    QTest::newRow("notice") << int(Kind::Notice) << amber;
    QTest::newRow("failed") << int(Kind::Failed) << red;
    QTest::newRow("ended") << int(Kind::EndedByServer) << grey;
    QTest::newRow("closed") << int(Kind::Closed) << grey;
}

void TestEventLogRows::connectionRows()
{
    QFETCH(int, kind);
    QFETCH(QColor, color);

    EventLogModel model;
    model.setStreamName(5, QStringLiteral("orders"));
    model.appendConnectionEvent(5, makeConnection(Kind(kind), QStringLiteral("why"), 1));
    model.flush();
    const QModelIndex type = model.index(0, EventLogModel::TypeColumn);
    QCOMPARE(type.data().toString(), EventLogModel::connectionTypeText());
    QVERIFY(type.data().toString().contains(u"connection"));
    QCOMPARE(type.data(Qt::DecorationRole).value<QColor>(), color);
    QCOMPARE(type.data(Qt::ForegroundRole).value<QColor>(), color);
    QCOMPARE(model.index(0, EventLogModel::DataColumn).data(Qt::ForegroundRole).value<QColor>(), color);
    QCOMPARE(EventLogModel::connectionColor(Kind(kind)), color);
    QCOMPARE(type.data(EventLogModel::KindRole).toInt(), int(EventLogModel::RowKind::Connection));
    QCOMPARE(type.data(EventLogModel::TypeRole).toString(), QString());
    QCOMPARE(cell(model, 0, EventLogModel::StreamColumn), QStringLiteral("orders"));
    QCOMPARE(cell(model, 0, EventLogModel::IdColumn), QString());
}

void TestEventLogRows::timesFollowTheDisplayZone()
{
    const TimeZoneScope taipei("Asia/Taipei"); // UTC+8 all year
    EventLogModel model;
    QAbstractItemModelTester tester(&model);
    CapturedEvent captured = makeEvent(1);
    captured.receivedAt = QDateTime(QDate(2026, 12, 4), QTime(20, 7, 5, 42), Qt::UTC);
    model.appendEvents(1, {captured});
    model.flush();
    QCOMPARE(cell(model, 0, EventLogModel::TimeColumn), QStringLiteral("04:07:05.042"));
    QCOMPARE(cell(model, 0, EventLogModel::TimeColumn, Qt::ToolTipRole), QStringLiteral("2026-12-05T04:07:05.042+08:00"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    DisplayTime::setUtc(true);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().column(), int(EventLogModel::TimeColumn));
    QCOMPARE(cell(model, 0, EventLogModel::TimeColumn), QStringLiteral("20:07:05.042"));
    QCOMPARE(cell(model, 0, EventLogModel::TimeColumn, Qt::ToolTipRole), QStringLiteral("2026-12-04T20:07:05.042Z"));
    // What is exported stays the instant it was, in UTC.
    QCOMPARE(model.index(0, 0).data(EventLogModel::ReceivedAtRole).toDateTime(), captured.receivedAt);
    DisplayTime::setUtc(false);
}

void TestEventLogRows::alertRows_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<std::optional<double>>("value");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("data");

    const int firing = int(AlertTransition::State::Firing);
    const int resolved = int(AlertTransition::State::Resolved);
    QTest::newRow("firing") << firing << "/count > 3" << std::optional<double>(4) << "alert firing"
                            << "/count > 3 (value 4)";
    QTest::newRow("resolved") << resolved << "/count > 3" << std::optional<double>(2)
                              << "alert resolved" << "/count > 3 (value 2)";
    QTest::newRow("no value") << firing << "stale 5s" << std::optional<double>() << "alert firing"
                              << "stale 5s";
    QTest::newRow("negative") << firing << "/t < -10" << std::optional<double>(-40.5)
                              << "alert firing" << "/t < -10 (value -40.5)";
    QTest::newRow("unix ms") << firing << "/time > 1e12" << std::optional<double>(1'700'000'000'123)
                             << "alert firing" << "/time > 1e12 (value 1700000000123)";
    QTest::newRow("tiny") << resolved << "/v > 0" << std::optional<double>(1e-9) << "alert resolved"
                          << "/v > 0 (value " + AlertRule::numberText(1e-9) + ")";
    QTest::newRow("huge") << firing << "/v >= 1e300" << std::optional<double>(1e300)
                          << "alert firing" << "/v >= 1e300 (value " + AlertRule::numberText(1e300) + ")";
}

void TestEventLogRows::alertRows()
{
    QFETCH(int, state);
    QFETCH(QString, rule);
    QFETCH(std::optional<double>, value);
    QFETCH(QString, type);
    QFETCH(QString, data);

    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStreamName(5, QStringLiteral("five"));
    model.appendEvents(5, makeEvents(1, 1));
    AlertTransition transition;
    transition.ruleText = rule;
    transition.state = AlertTransition::State(state);
    transition.timeMs = 1'700'000'000'500;
    transition.value = value;
    transition.detail = QStringLiteral("value went up");
    model.appendAlertTransition(5, transition);
    // Ok is no transition worth a row.
    transition.state = AlertTransition::State::Ok;
    model.appendAlertTransition(5, transition);
    model.flush();

    QCOMPARE(model.rowCount(), 2);
    QVERIFY(countsAreExact(model));
    const QModelIndex index = model.index(1, EventLogModel::TypeColumn);
    QCOMPARE(index.data(EventLogModel::KindRole).toInt(), int(EventLogModel::RowKind::Alert));
    QCOMPARE(index.data(EventLogModel::AlertStateRole).toInt(), state);
    QCOMPARE(index.data().toString(), type);
    QCOMPARE(cell(model, 1, EventLogModel::DataColumn), data);
    QCOMPARE(cell(model, 1, EventLogModel::StreamColumn), QStringLiteral("five"));
    QCOMPARE(cell(model, 1, EventLogModel::IdColumn), QString());
    QCOMPARE(index.data(EventLogModel::TypeRole).toString(), QString());
    QCOMPARE(index.data(EventLogModel::ReasonRole).toString(), QStringLiteral("value went up"));
    QCOMPARE(index.data(EventLogModel::FullDataRole).toString(), data + "\nvalue went up");
    QCOMPARE(index.data(EventLogModel::ReceivedAtRole).toDateTime().toMSecsSinceEpoch(),
             qint64(1'700'000'000'500));
    QCOMPARE(index.data(Qt::ForegroundRole).value<QColor>(),
             EventLogModel::alertColor(AlertTransition::State(state)));
    QVERIFY(!index.data(EventLogModel::ConnectionKindRole).isValid());
    QVERIFY(model.index(1, EventLogModel::DataColumn).data(Qt::ToolTipRole).toString().contains("value went up"));
    // The event row is untouched.
    QCOMPARE(model.index(0, 0).data(EventLogModel::KindRole).toInt(), int(EventLogModel::RowKind::Event));
    QVERIFY(!model.index(0, 0).data(EventLogModel::AlertStateRole).isValid());
}

void TestEventLogRows::alertRowsShareTheCap()
{
    EventLogModel model;
    model.setMaximumRows(3);
    AlertTransition transition;
    transition.ruleText = QStringLiteral("down 30s");
    transition.state = AlertTransition::State::Firing;
    transition.timeMs = 1'700'000'000'000;
    model.appendEvents(1, makeEvents(1, 2));
    model.appendAlertTransition(1, transition);
    model.appendAlertTransition(2, transition);
    model.flush();
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.droppedCount(), 1);
    QVERIFY(countsAreExact(model));
    model.removeStream(2);
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(countsAreExact(model));
}

QTEST_GUILESS_MAIN(TestEventLogRows)
#include "tst_eventlogrows.moc"
