// AlertHistoryModel on a real Workspace: rows appended as rules fire and resolve on streams of a
// scripted server on 127.0.0.1, the columns for values of every shape, the cap, and clearing.
#include "FastOptions.h"
#include "AlertHistoryModel.h"
#include "ScriptedServer.h"
#include "Workspace.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using Response = ScriptedServer::Response;
using State = AlertTransition::State;
using Model = AlertHistoryModel;

namespace {

constexpr int Timeout = 15000;
constexpr auto QtTestReporting = QAbstractItemModelTester::FailureReportingMode::QtTest;

QByteArray events(const QList<QByteArray> &payloads)
{
    QByteArray bytes;
    for (const QByteArray &payload : payloads)
        bytes += "data: " + payload + "\n\n";
    return bytes;
}

QString cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

// A workspace ticked by hand with one stream of the scripted server and a model on its alerts.
struct Bench
{
    Bench() { workspace.setTickInterval(0); }

    bool start(const QByteArray &body)
    {
        server.script("/events", {Response::events().send(body).pause(60'000)});
        return server.start();
    }

    bool tickUntil(const std::function<bool()> &done)
    {
        return QTest::qWaitFor([&] {
            workspace.tick();
            return done();
        }, Timeout);
    }

    ScriptedServer server;
    Workspace workspace;
};

} // namespace

class TestAlertHistoryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsFollowTransitions_data();
    void rowsFollowTransitions();
    void keepsTheCap();
    void clearedHistoryEmptiesTheModel();
    void startsWithTheHistoryThere();
    void headers();
};

void TestAlertHistoryModel::rowsFollowTransitions_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QList<QByteArray>>("payloads");
    QTest::addColumn<double>("firingValue");
    QTest::addColumn<double>("resolvedValue");

    QTest::newRow("counter") << "/count > 3" << QList<QByteArray>{"{\"count\": 1}", "{\"count\": 4}", "{\"count\": 2}"}
                             << 4.0 << 2.0;
    QTest::newRow("millions") << "/v > 1e6" << QList<QByteArray>{"{\"v\": 2500000}", "{\"v\": 999999}"}
                              << 2.5e6 << 999999.0;
    QTest::newRow("unix seconds") << "/t >= 1700000000" << QList<QByteArray>{"{\"t\": 1700000001}", "{\"t\": 0}"}
                                  << 1700000001.0 << 0.0;
    QTest::newRow("unix ms") << "/t > 1e12" << QList<QByteArray>{"{\"t\": 1700000000123}", "{\"t\": 5}"}
                             << 1700000000123.0 << 5.0;
    QTest::newRow("unix ns") << "/t > 1e18" << QList<QByteArray>{"{\"t\": 1700000000123456789}", "{\"t\": 1}"}
                             << 1700000000123456789.0 << 1.0;
    QTest::newRow("negative") << "/temp < -10" << QList<QByteArray>{"{\"temp\": -40.5}", "{\"temp\": 3}"}
                              << -40.5 << 3.0;
    QTest::newRow("tiny") << "/err > 0" << QList<QByteArray>{"{\"err\": 1e-9}", "{\"err\": 0}"} << 1e-9 << 0.0;
    QTest::newRow("huge") << "/v >= 1e300" << QList<QByteArray>{"{\"v\": 1e300}", "{\"v\": 1}"} << 1e300 << 1.0;
    QTest::newRow("outside") << "/latency_ms outside 0..250"
                             << QList<QByteArray>{"{\"latency_ms\": 100}", "{\"latency_ms\": 300}", "{\"latency_ms\": 200}"}
                             << 300.0 << 200.0;
    // A string where a number was is no sample: the rule waits for the next number.
    QTest::newRow("string where a number was") << "/count > 3"
                                               << QList<QByteArray>{"{\"count\": \"high\"}", "{\"count\": 7}", "{\"count\": 1}"}
                                               << 7.0 << 1.0;
}

void TestAlertHistoryModel::rowsFollowTransitions()
{
    QFETCH(QString, rule);
    QFETCH(QList<QByteArray>, payloads);
    QFETCH(double, firingValue);
    QFETCH(double, resolvedValue);

    Bench b;
    QVERIFY(b.start(events(payloads)));
    WorkspaceAlerts *alerts = b.workspace.alerts();
    Model model(alerts);
    QAbstractItemModelTester tester(&model, QtTestReporting);
    QVERIFY(alerts->setRules({{rule, 0, true}}));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    Stream *stream = b.workspace.addStream(fastOptions(b.server.url()), QStringLiteral("sensor"));

    QVERIFY(b.tickUntil([&] { return model.rowCount() >= 2; }));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(inserted.size(), 2); // one insertion per transition
    QCOMPARE(cell(model, 0, Model::StateColumn), QStringLiteral("Firing"));
    QCOMPARE(cell(model, 1, Model::StateColumn), QStringLiteral("Resolved"));
    QCOMPARE(model.index(0, Model::StateColumn).data(Model::StateRole).toInt(), int(State::Firing));
    QCOMPARE(model.index(0, Model::StateColumn).data(Qt::ForegroundRole).value<QColor>(),
             Model::stateColor(State::Firing));
    QCOMPARE(model.index(1, Model::StateColumn).data(Qt::ForegroundRole).value<QColor>(),
             Model::stateColor(State::Resolved));
    QVERIFY(Model::stateColor(State::Firing) != Model::stateColor(State::Resolved));

    for (int row = 0; row < 2; ++row) {
        const AlertHistoryEntry &entry = alerts->history().at(size_t(row));
        QCOMPARE(model.entry(row).transition, entry.transition);
        QCOMPARE(cell(model, row, Model::StreamColumn), QStringLiteral("sensor"));
        QCOMPARE(cell(model, row, Model::StreamColumn, Qt::ToolTipRole), b.server.url().toString());
        QCOMPARE(model.index(row, 0).data(Model::StreamIdRole).toULongLong(), stream->id());
        // The rule as the engine writes it back: "1e6" reads "1000000".
        QCOMPARE(cell(model, row, Model::RuleColumn), AlertRule::parse(rule)->text());
        QCOMPARE(cell(model, row, Model::DetailColumn), entry.transition.detail);
        const QString time = cell(model, row, Model::TimeColumn);
        QVERIFY2(QRegularExpression("^\\d\\d:\\d\\d:\\d\\d$").match(time).hasMatch(), qPrintable(time));
        QCOMPARE(time, QDateTime::fromMSecsSinceEpoch(entry.transition.timeMs).toString("HH:mm:ss"));
        QVERIFY(!cell(model, row, Model::StateColumn, Qt::ToolTipRole).isEmpty());
    }
    QCOMPARE(cell(model, 0, Model::ValueColumn), AlertRule::numberText(firingValue));
    QCOMPARE(cell(model, 1, Model::ValueColumn), AlertRule::numberText(resolvedValue));
    // How long it fired is told when it resolves.
    QCOMPARE(cell(model, 0, Model::DurationColumn), QString());
    QCOMPARE(cell(model, 1, Model::DurationColumn),
             AlertRule::readableDuration(alerts->history().at(1).transition.firingForMs));
    QVERIFY(!cell(model, 1, Model::DurationColumn).isEmpty());
}

void TestAlertHistoryModel::keepsTheCap()
{
    Bench b;
    QList<QByteArray> payloads;
    for (int i = 0; i < 6; ++i)
        payloads += {"{\"count\": 5}", "{\"count\": 1}"};
    QVERIFY(b.start(events(payloads)));
    WorkspaceAlerts *alerts = b.workspace.alerts();
    alerts->setHistoryCap(3);
    Model model(alerts);
    QAbstractItemModelTester tester(&model, QtTestReporting);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QVERIFY(alerts->setRules({{"/count > 3", 0, true}}));
    QSignalSpy transitions(alerts, &WorkspaceAlerts::transition);
    b.workspace.addStream(fastOptions(b.server.url()));
    QVERIFY(b.tickUntil([&] { return transitions.size() >= 12; }));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(removed.size(), 9); // the oldest row, once per transition past the cap
    for (int row = 0; row < 3; ++row)
        QCOMPARE(model.entry(row).transition, alerts->history().at(size_t(row)).transition);
    QCOMPARE(cell(model, 2, Model::StateColumn), QStringLiteral("Resolved"));

    // A cap lowered meanwhile is caught up with at the next transition.
    alerts->setHistoryCap(1);
    QCOMPARE(model.rowCount(), 3);
    alerts->setRules({{"/count > 0", 0, true}});
    b.server.script("/events", {Response::events().send(events({"{\"count\": 9}"})).pause(60'000)});
    b.workspace.streamAt(0)->close();
    b.workspace.streamAt(0)->open();
    QVERIFY(b.tickUntil([&] { return transitions.size() >= 13; }));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.entry(0).transition, alerts->history().back().transition);
}

void TestAlertHistoryModel::clearedHistoryEmptiesTheModel()
{
    Bench b;
    QVERIFY(b.start(events({"{\"count\": 5}"})));
    WorkspaceAlerts *alerts = b.workspace.alerts();
    Model model(alerts);
    QAbstractItemModelTester tester(&model, QtTestReporting);
    QVERIFY(alerts->setRules({{"/count > 3", 0, true}}));
    b.workspace.addStream(fastOptions(b.server.url()));
    QVERIFY(b.tickUntil([&] { return model.rowCount() == 1; }));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    alerts->clearHistory();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 0);
}

void TestAlertHistoryModel::startsWithTheHistoryThere()
{
    Bench b;
    QVERIFY(b.start(events({"{\"count\": 5}", "{\"count\": 1}"})));
    WorkspaceAlerts *alerts = b.workspace.alerts();
    QVERIFY(alerts->setRules({{"/count > 3", 0, true}}));
    b.workspace.addStream(fastOptions(b.server.url()));
    QVERIFY(b.tickUntil([&] { return alerts->history().size() == 2; }));
    Model model(alerts);
    QAbstractItemModelTester tester(&model, QtTestReporting);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(cell(model, 1, Model::StateColumn), QStringLiteral("Resolved"));
}

void TestAlertHistoryModel::headers()
{
    Workspace workspace;
    workspace.setTickInterval(0);
    Model model(workspace.alerts());
    QAbstractItemModelTester tester(&model, QtTestReporting);
    QStringList headers;
    for (int column = 0; column < model.columnCount(); ++column)
        headers.append(model.headerData(column, Qt::Horizontal).toString());
    QCOMPARE(headers.join(u'|'), QStringLiteral("Time|Stream|Rule|State|Value|Duration|Detail"));
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestAlertHistoryModel)
#include "tst_alerthistorymodel.moc"
