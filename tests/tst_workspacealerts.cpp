// WorkspaceAlerts: the workspace's rules applied to its streams — transitions from real streams
// on 127.0.0.1, which streams a rule watches, time-based rules on the display tick, the bounded
// history, and rules in sessions.
#include "FastOptions.h"
#include "ScriptedServer.h"
#include "Workspace.h"
#include "WorkspaceAlerts.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using Response = ScriptedServer::Response;
using State = AlertTransition::State;

namespace {

constexpr int Timeout = 15000;

QByteArray countEvents(const QList<int> &counts)
{
    QByteArray bytes;
    for (int count : counts)
        bytes += "data: {\"count\": " + QByteArray::number(count) + "}\n\n";
    return bytes;
}

QList<State> statesOf(const QSignalSpy &spy)
{
    QList<State> states;
    for (const QList<QVariant> &args : spy)
        states.append(args.at(0).value<AlertHistoryEntry>().transition.state);
    return states;
}

} // namespace

class tst_WorkspaceAlerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void fieldRuleFiresOncePerTransition();
    void ruleWatchesItsStreamOnly();
    void downFiresWhileTheServerIsAwayAndResolvesOnReturn();
    void invalidRulesAreRefused_data();
    void invalidRulesAreRefused();
    void historyIsBounded();
    void rulesInSessions();

private:
    // Ticks the workspace (flushing events into the field stores) until `done`.
    template<typename Done>
    bool tickUntil(Workspace &workspace, Done done)
    {
        return QTest::qWaitFor([&] {
            workspace.tick();
            return done();
        }, Timeout);
    }

    qint64 m_now = 0;
};

void tst_WorkspaceAlerts::init()
{
    m_now = QDateTime::currentMSecsSinceEpoch();
}

void tst_WorkspaceAlerts::fieldRuleFiresOncePerTransition()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send(countEvents({1, 2, 3, 4, 5, 6, 2})).pause(60'000)});
    Workspace workspace;
    workspace.setTickInterval(0);
    WorkspaceAlerts *alerts = workspace.alerts();
    alerts->setClock([this] { return m_now; });
    QVERIFY(alerts->setRules({{"/count > 3", 0, true}}));
    QSignalSpy transitions(alerts, &WorkspaceAlerts::transition);
    Stream *stream = workspace.addStream(fastOptions(server.url()));

    QVERIFY(tickUntil(workspace, [&] { return transitions.size() >= 2; }));
    QCOMPARE(statesOf(transitions), (QList<State>{State::Firing, State::Resolved}));
    const AlertHistoryEntry firing = transitions.at(0).at(0).value<AlertHistoryEntry>();
    QCOMPARE(firing.stream, stream->id());
    QCOMPARE(firing.transition.rule, 0);
    QCOMPARE(firing.transition.value, std::optional<double>(4));
    QCOMPARE(firing.url, server.url().toString());
    QCOMPARE(alerts->history().size(), size_t(2));
    QVERIFY(!alerts->isFiring(stream->id()));
    // More ticks with nothing new say nothing new.
    for (int i = 0; i < 5; ++i)
        workspace.tick();
    QCOMPARE(transitions.size(), 2);
}

void tst_WorkspaceAlerts::ruleWatchesItsStreamOnly()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/a", {Response::events().send(countEvents({10})).pause(60'000)});
    server.script("/b", {Response::events().send(countEvents({10})).pause(60'000)});
    Workspace workspace;
    workspace.setTickInterval(0);
    Stream *a = workspace.addStream(fastOptions(server.url("/a")));
    Stream *b = workspace.addStream(fastOptions(server.url("/b")));
    WorkspaceAlerts *alerts = workspace.alerts();
    alerts->setClock([this] { return m_now; });
    QVERIFY(alerts->setRules({{"/count > 3", b->id(), true}, {"/count > 100", 0, true}}));
    QCOMPARE(alerts->statuses().size(), 3); // the first rule on b, the second on both

    QVERIFY(tickUntil(workspace, [&] { return alerts->isFiring(b->id()); }));
    QVERIFY(alerts->isFiring(b->id(), "/count"));
    QVERIFY(!alerts->isFiring(b->id(), "/other"));
    QVERIFY(!alerts->isFiring(a->id()));
    QCOMPARE(alerts->firingCount(), 1);

    // A disabled rule watches nothing.
    QVERIFY(alerts->setRules({{"/count > 3", b->id(), false}}));
    QVERIFY(alerts->statuses().isEmpty());
    QCOMPARE(alerts->firingCount(), 0);
}

void tst_WorkspaceAlerts::downFiresWhileTheServerIsAwayAndResolvesOnReturn()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send(countEvents({1})).pause(60'000),
                              Response::events().send(countEvents({2})).pause(60'000)});
    Workspace workspace;
    workspace.setTickInterval(0);
    WorkspaceAlerts *alerts = workspace.alerts();
    alerts->setClock([this] { return m_now; });
    QVERIFY(alerts->setRules({{"down 30s", 0, true}}));
    QSignalSpy transitions(alerts, &WorkspaceAlerts::transition);
    Stream *stream = workspace.addStream(fastOptions(server.url()));
    QVERIFY(tickUntil(workspace, [&] { return stream->status() == StreamStatus::Open; }));

    server.stop();
    QVERIFY(tickUntil(workspace, [&] { return stream->status() != StreamStatus::Open; }));
    // Connection changes are timed by the wall clock: the rules' clock starts from it here.
    m_now = QDateTime::currentMSecsSinceEpoch();
    m_now += 29'000;
    workspace.tick();
    QCOMPARE(transitions.size(), 0); // not yet 30 s
    m_now += 2'000;
    workspace.tick();
    QCOMPARE(statesOf(transitions), QList<State>{State::Firing});
    QVERIFY(alerts->isFiring(stream->id()));

    QVERIFY(server.restart());
    QVERIFY(tickUntil(workspace, [&] { return transitions.size() >= 2; }));
    QCOMPARE(statesOf(transitions), (QList<State>{State::Firing, State::Resolved}));
}

void tst_WorkspaceAlerts::invalidRulesAreRefused_data()
{
    QTest::addColumn<QString>("rule");
    QTest::newRow("missing number") << "/count >";
    QTest::newRow("unknown operator") << "/count ~ 3";
    QTest::newRow("no duration") << "stale";
    QTest::newRow("empty") << "";
}

void tst_WorkspaceAlerts::invalidRulesAreRefused()
{
    QFETCH(QString, rule);
    Workspace workspace;
    workspace.setTickInterval(0);
    WorkspaceAlerts *alerts = workspace.alerts();
    QVERIFY(alerts->setRules({{"stale 5s", 0, true}}));
    QString error;
    QVERIFY(!alerts->setRules({{"/count > 1", 0, true}, {rule, 0, true}}, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(alerts->rules(), (QList<WatchedRule>{{"stale 5s", 0, true}})); // unchanged
}

void tst_WorkspaceAlerts::historyIsBounded()
{
    ScriptedServer server;
    QVERIFY(server.start());
    // Ten crossings of the threshold: twenty transitions.
    QList<int> counts;
    for (int i = 0; i < 10; ++i)
        counts += {5, 1};
    server.script("/events", {Response::events().send(countEvents(counts)).pause(60'000)});
    Workspace workspace;
    workspace.setTickInterval(0);
    WorkspaceAlerts *alerts = workspace.alerts();
    alerts->setClock([this] { return m_now; });
    alerts->setHistoryCap(4);
    QVERIFY(alerts->setRules({{"/count > 3", 0, true}}));
    QSignalSpy transitions(alerts, &WorkspaceAlerts::transition);
    workspace.addStream(fastOptions(server.url()));
    QVERIFY(tickUntil(workspace, [&] { return transitions.size() >= 20; }));
    QCOMPARE(alerts->history().size(), size_t(4));
    QCOMPARE(alerts->history().back().transition.state, State::Resolved);
    QSignalSpy cleared(alerts, &WorkspaceAlerts::historyCleared);
    alerts->clearHistory();
    QCOMPARE(cleared.size(), 1);
    QVERIFY(alerts->history().empty());
}

void tst_WorkspaceAlerts::rulesInSessions()
{
    Workspace workspace;
    workspace.setTickInterval(0);
    Stream *first = workspace.addStream(fastOptions(QUrl("http://127.0.0.1:1/a")), {}, false);
    Stream *second = workspace.addStream(fastOptions(QUrl("http://127.0.0.1:1/b")), {}, false);
    Q_UNUSED(first)
    WorkspaceAlerts *alerts = workspace.alerts();
    QVERIFY(alerts->setRules({{"down 30s", 0, true}, {"/count > 3 for 10s", second->id(), false}}));
    alerts->setDesktopNotifications(false);
    alerts->setSound(true);
    QVERIFY(workspace.isModified());

    const SessionData session = workspace.toSession();
    QCOMPARE(session.alertRules, (QList<AlertRuleSettings>{{"down 30s", -1, true}, {"/count > 3 for 10s", 1, false}}));
    QCOMPARE(session.alertNotifications, false);
    QCOMPARE(session.alertSound, true);

    Workspace restored;
    restored.setTickInterval(0);
    QSignalSpy skipped(&restored, &Workspace::sessionStreamSkipped);
    SessionData damaged = session;
    damaged.alertRules.append({"/count >", -1, true});
    damaged.alertRules.append({"stale 5s", 7, true});
    for (SubscriptionSettings &sub : damaged.subscriptions)
        sub.url = QUrl("http://127.0.0.1:1" + sub.url.path()); // nothing listens: they reconnect
    restored.applySession(damaged);
    QCOMPARE(restored.alerts()->rules().size(), 2);
    QCOMPARE(restored.alerts()->rules().at(1).stream, restored.streamAt(1)->id());
    QCOMPARE(restored.alerts()->desktopNotifications(), false);
    QCOMPARE(restored.alerts()->sound(), true);
    QCOMPARE(skipped.size(), 2); // the malformed rule and the one naming a stream not there
    QVERIFY(skipped.at(0).at(0).toString().contains("/count >"));
    QCOMPARE(restored.toSession().alertRules, session.alertRules);
}

QTEST_GUILESS_MAIN(tst_WorkspaceAlerts)
#include "tst_workspacealerts.moc"
