// AlertRulesModel on a real Workspace: one row per rule, the stream it watches, where it stands on
// streams of a scripted server on 127.0.0.1, the last value, and the check box that enables it.
#include "FastOptions.h"
#include "AlertHistoryModel.h"
#include "AlertRulesModel.h"
#include "ScriptedServer.h"
#include "Workspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Response = ScriptedServer::Response;
using State = AlertTransition::State;
using Model = AlertRulesModel;

namespace {

constexpr int Timeout = 15000;
constexpr auto QtTestReporting = QAbstractItemModelTester::FailureReportingMode::QtTest;

QByteArray count(const QByteArray &value)
{
    return "data: {\"count\": " + value + "}\n\n";
}

QString cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

} // namespace

class TestAlertRulesModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void rowsFollowTheRules();
    void states_data();
    void states();
    void checkBoxEnables();
    void streamNames();

private:
    bool tickUntil(Workspace &workspace, const std::function<bool()> &done)
    {
        return QTest::qWaitFor([&] {
            workspace.tick();
            return done();
        }, Timeout);
    }

    qint64 m_now = 0;
};

void TestAlertRulesModel::init()
{
    m_now = 1'800'000'000'000;
}

void TestAlertRulesModel::rowsFollowTheRules()
{
    Workspace workspace;
    workspace.setTickInterval(0);
    Model model(&workspace);
    QAbstractItemModelTester tester(&model, QtTestReporting);
    QCOMPARE(model.rowCount(), 0);
    QStringList headers;
    for (int column = 0; column < model.columnCount(); ++column)
        headers.append(model.headerData(column, Qt::Horizontal).toString());
    QCOMPARE(headers.join(u'|'), QStringLiteral("Rule|Stream|State|Last value"));

    WorkspaceAlerts *alerts = workspace.alerts();
    QVERIFY(alerts->setRules({{"/count > 3", 0, true}, {"stale 5s", 0, false}}));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(cell(model, 0, Model::RuleColumn), QStringLiteral("/count > 3"));
    QCOMPARE(cell(model, 0, Model::StreamColumn), Model::everyStreamText());
    QCOMPARE(cell(model, 0, Model::StateColumn), QStringLiteral("No stream to watch"));
    QCOMPARE(cell(model, 1, Model::StateColumn), QStringLiteral("Disabled"));
    QCOMPARE(model.index(0, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(model.index(1, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QVERIFY(model.flags(model.index(0, Model::RuleColumn)) & Qt::ItemIsUserCheckable);
    QVERIFY(!(model.flags(model.index(0, Model::StateColumn)) & Qt::ItemIsUserCheckable));

    // Same number of rules, other texts: the cells are announced.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(alerts->setRules({{"down 30s", 0, true}, {"stale 5s", 0, false}}));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(cell(model, 0, Model::RuleColumn), QStringLiteral("down 30s"));
    QVERIFY(alerts->setRules({}));
    QCOMPARE(model.rowCount(), 0);
}

void TestAlertRulesModel::states_data()
{
    QTest::addColumn<bool>("scoped");  // the rule watches the first stream only
    QTest::addColumn<QByteArray>("a"); // the values of the streams
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<int>("firing");
    QTest::addColumn<QString>("state"); // %1: the time it fired
    QTest::addColumn<QString>("value");

    QTest::newRow("every stream, firing on one") << false << QByteArray("5") << QByteArray("1") << 1
                                                 << "Firing on 1 stream since %1" << "5";
    QTest::newRow("every stream, firing on two") << false << QByteArray("5") << QByteArray("1e300") << 2
                                                 << "Firing on 2 streams since %1" << "5";
    QTest::newRow("every stream, ok") << false << QByteArray("-2") << QByteArray("1e-9") << 0 << "Ok"
                                      << "-2";
    QTest::newRow("one stream, firing") << true << QByteArray("1700000000123") << QByteArray("0") << 1
                                        << "Firing since %1" << "1700000000123";
    QTest::newRow("one stream, the other fires") << true << QByteArray("0") << QByteArray("9") << 0
                                                 << "Ok" << "0";
}

void TestAlertRulesModel::states()
{
    QFETCH(bool, scoped);
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(int, firing);
    QFETCH(QString, state);
    QFETCH(QString, value);

    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/a", {Response::events().send(count(a)).pause(60'000)});
    server.script("/b", {Response::events().send(count(b)).pause(60'000)});
    Workspace workspace;
    workspace.setTickInterval(0);
    WorkspaceAlerts *alerts = workspace.alerts();
    alerts->setClock([this] { return m_now; });
    Model model(&workspace);
    QAbstractItemModelTester tester(&model, QtTestReporting);
    Stream *sa = workspace.addStream(fastOptions(server.url("/a")), QStringLiteral("alpha"));
    Stream *sb = workspace.addStream(fastOptions(server.url("/b")), QStringLiteral("beta"));
    QVERIFY(alerts->setRules({{"/count > 3", scoped ? sa->id() : 0, true}}));
    QCOMPARE(cell(model, 0, Model::StreamColumn), scoped ? QStringLiteral("alpha") : Model::everyStreamText());

    QVERIFY(tickUntil(workspace, [&] { return cell(model, 0, Model::ValueColumn) == value; }));
    QVERIFY(tickUntil(workspace, [&] {
        return sa->fields()->fieldPaths().contains("/count") && sb->fields()->fieldPaths().contains("/count");
    }));
    workspace.tick();
    QCOMPARE(model.index(0, 0).data(Model::FiringRole).toInt(), firing);
    QCOMPARE(alerts->firingCount(), firing);
    QString since;
    for (const AlertStatus &status : alerts->statuses()) {
        if (status.state == State::Firing)
            since = AlertHistoryModel::timeText(status.sinceMs);
    }
    QCOMPARE(cell(model, 0, Model::StateColumn), firing > 0 ? state.arg(since) : state);
    QCOMPARE(cell(model, 0, Model::ValueColumn), value);
    const QVariant foreground = model.index(0, Model::StateColumn).data(Qt::ForegroundRole);
    QCOMPARE(foreground.isValid(), firing > 0);

    // What the stream list shows on each stream.
    const QStringList onA = Model::firingRuleTexts(alerts, sa->id());
    const QStringList onB = Model::firingRuleTexts(alerts, sb->id());
    QCOMPARE(onA.size() + onB.size(), firing);
    for (const QStringList &texts : {onA, onB}) {
        for (const QString &text : texts)
            QCOMPARE(text, QStringLiteral("/count > 3"));
    }
}

void TestAlertRulesModel::checkBoxEnables()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send(count("10")).pause(60'000)});
    Workspace workspace;
    workspace.setTickInterval(0);
    WorkspaceAlerts *alerts = workspace.alerts();
    alerts->setClock([this] { return m_now; });
    Model model(&workspace);
    QAbstractItemModelTester tester(&model, QtTestReporting);
    QVERIFY(alerts->setRules({{"/count > 3", 0, true}, {"down 30s", 0, true}}));
    Stream *stream = workspace.addStream(fastOptions(server.url()));
    QVERIFY(tickUntil(workspace, [&] { return alerts->isFiring(stream->id()); }));
    QVERIFY(cell(model, 0, Model::StateColumn).startsWith("Firing"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.setData(model.index(0, Model::RuleColumn), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(alerts->rules().at(0).enabled, false);
    QCOMPARE(alerts->rules().at(1).enabled, true); // the other rule is untouched
    QCOMPARE(model.index(0, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QCOMPARE(cell(model, 0, Model::StateColumn), QStringLiteral("Disabled"));
    QVERIFY(!alerts->isFiring(stream->id()));
    QVERIFY(!changed.isEmpty());

    QVERIFY(model.setData(model.index(0, Model::RuleColumn), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(alerts->rules().at(0).enabled, true);
    // Only the rule's check box is editable.
    QVERIFY(!model.setData(model.index(0, Model::StateColumn), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!model.setData(model.index(0, Model::RuleColumn), "x", Qt::EditRole));
}

void TestAlertRulesModel::streamNames()
{
    Workspace workspace;
    workspace.setTickInterval(0);
    Stream *stream = workspace.addStream(fastOptions(QUrl("http://127.0.0.1:1/a")), QStringLiteral("alpha"), false);
    Model model(&workspace);
    QAbstractItemModelTester tester(&model, QtTestReporting);
    QVERIFY(workspace.alerts()->setRules({{"stale 5s", stream->id(), true}}));
    QCOMPARE(cell(model, 0, Model::StreamColumn), QStringLiteral("alpha"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    workspace.editStream(stream, stream->options(), QStringLiteral("renamed"));
    QTRY_COMPARE_WITH_TIMEOUT(cell(model, 0, Model::StreamColumn), QStringLiteral("renamed"), Timeout);
    QVERIFY(!changed.isEmpty());
    workspace.removeStream(stream);
    QCOMPARE(cell(model, 0, Model::StreamColumn), QStringLiteral("(removed stream)"));
}

QTEST_MAIN(TestAlertRulesModel)
#include "tst_alertrulesmodel.moc"
