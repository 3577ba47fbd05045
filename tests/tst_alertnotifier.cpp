// AlertNotifier: a notice per firing rule through an injected sink, at most one per throttle
// interval with the rest summed up in the next, the sound and notification flags of the
// workspace, and the transitions it is connected to.
#include "AlertNotifier.h"
#include "Workspace.h"

#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

using State = AlertTransition::State;

namespace {

constexpr int Timeout = 10000;

AlertHistoryEntry entry(const QString &stream, const QString &rule, std::optional<double> value,
                        State state = State::Firing)
{
    AlertHistoryEntry e;
    e.stream = 1;
    e.streamName = stream;
    e.transition.ruleText = rule;
    e.transition.state = state;
    e.transition.value = value;
    e.transition.timeMs = 1'800'000'000'000;
    return e;
}

struct Message
{
    QString title;
    QString text;
};

// A workspace's alerts with a notifier whose notices and beeps are recorded.
struct Bench
{
    Bench()
    {
        workspace.setTickInterval(0);
        notifier.setMessageSink([this](const QString &title, const QString &text) {
            messages.append({title, text});
        });
        notifier.setBeepSink([this] { ++beeps; });
    }

    Workspace workspace;
    AlertNotifier notifier{workspace.alerts()};
    QList<Message> messages;
    int beeps = 0;
};

} // namespace

class TestAlertNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void texts_data();
    void texts();
    void throttlesAndSumsUp();
    void resolvedIsNotTold();
    void flags_data();
    void flags();
    void followsTheTransitions();
};

void TestAlertNotifier::texts_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<std::optional<double>>("value");
    QTest::addColumn<int>("more");
    QTest::addColumn<QString>("text");

    QTest::newRow("value") << "/count > 3" << std::optional<double>(4) << 0 << "/count > 3 (value 4)";
    QTest::newRow("no value") << "stale 5s" << std::optional<double>() << 0 << "stale 5s";
    QTest::newRow("negative") << "/t < -10" << std::optional<double>(-40.5) << 0 << "/t < -10 (value -40.5)";
    QTest::newRow("millions") << "/v > 1e6" << std::optional<double>(2'500'000) << 0
                              << "/v > 1e6 (value 2500000)";
    QTest::newRow("huge") << "/v >= 1e300" << std::optional<double>(1e300) << 0
                          << "/v >= 1e300 (value " + AlertRule::numberText(1e300) + ")";
    QTest::newRow("one more") << "down 30s" << std::optional<double>() << 1 << "down 30s \u00B7 1 more alert";
    QTest::newRow("three more") << "/count > 3" << std::optional<double>(9) << 3
                                << "/count > 3 (value 9) \u00B7 3 more alerts";
}

void TestAlertNotifier::texts()
{
    QFETCH(QString, rule);
    QFETCH(std::optional<double>, value);
    QFETCH(int, more);
    QFETCH(QString, text);
    const AlertHistoryEntry e = entry(QStringLiteral("sensor"), rule, value);
    QCOMPARE(AlertNotifier::titleText(e), QStringLiteral("Alert firing: sensor"));
    QCOMPARE(AlertNotifier::messageText(e, more), text);
}

void TestAlertNotifier::throttlesAndSumsUp()
{
    Bench b;
    QCOMPARE(b.notifier.throttleInterval(), AlertNotifier::DefaultThrottleMs);
    b.notifier.setThrottleInterval(300);
    b.notifier.notify(entry("a", "/count > 3", 4));
    QCOMPARE(b.messages.size(), 1);
    QCOMPARE(b.messages.at(0).title, QStringLiteral("Alert firing: a"));
    QCOMPARE(b.messages.at(0).text, QStringLiteral("/count > 3 (value 4)"));

    // Three more in the same interval: held back, then told in one notice.
    b.notifier.notify(entry("b", "stale 5s", std::nullopt));
    b.notifier.notify(entry("c", "down 30s", std::nullopt));
    b.notifier.notify(entry("d", "/v > 1e6", 2'500'000));
    QCOMPARE(b.messages.size(), 1);
    QCOMPARE(b.notifier.pendingCount(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(b.messages.size(), 2, Timeout);
    QCOMPARE(b.messages.at(1).title, QStringLiteral("Alert firing: d"));
    QCOMPARE(b.messages.at(1).text, QStringLiteral("/v > 1e6 (value 2500000) \u00B7 2 more alerts"));
    QCOMPARE(b.notifier.pendingCount(), 0);

    // The summary opened an interval of its own; once it is over, a firing is told at once.
    b.notifier.notify(entry("e", "/count > 3", 5));
    QTRY_COMPARE_WITH_TIMEOUT(b.messages.size(), 3, Timeout);
    QCOMPARE(b.messages.at(2).text, QStringLiteral("/count > 3 (value 5)"));
    QTRY_VERIFY_WITH_TIMEOUT(!b.notifier.isThrottling(), Timeout);
    b.notifier.notify(entry("f", "/count > 3", 6));
    QCOMPARE(b.messages.size(), 4);
    QVERIFY(b.notifier.isThrottling());
    QCOMPARE(b.beeps, 0); // sound is off by default
}

void TestAlertNotifier::resolvedIsNotTold()
{
    Bench b;
    b.workspace.alerts()->setSound(true);
    b.notifier.notify(entry("a", "/count > 3", 2, State::Resolved));
    b.notifier.notify(entry("a", "/count > 3", 2, State::Ok));
    QCOMPARE(b.messages.size(), 0);
    QCOMPARE(b.beeps, 0);
    QCOMPARE(b.notifier.pendingCount(), 0);
    // Nor did they open a throttle interval.
    b.notifier.notify(entry("a", "/count > 3", 4));
    QCOMPARE(b.messages.size(), 1);
}

void TestAlertNotifier::flags_data()
{
    QTest::addColumn<bool>("notifications");
    QTest::addColumn<bool>("sound");
    QTest::newRow("notifications only") << true << false;
    QTest::newRow("sound only") << false << true;
    QTest::newRow("both") << true << true;
    QTest::newRow("neither") << false << false;
}

void TestAlertNotifier::flags()
{
    QFETCH(bool, notifications);
    QFETCH(bool, sound);
    Bench b;
    b.workspace.alerts()->setDesktopNotifications(notifications);
    b.workspace.alerts()->setSound(sound);
    b.notifier.notify(entry("a", "/count > 3", 4));
    QCOMPARE(b.messages.size(), notifications ? 1 : 0);
    QCOMPARE(b.beeps, sound ? 1 : 0);
    // Throttled alike: the second in the interval is held back, or, when nothing was told,
    // told at once as nothing.
    b.notifier.notify(entry("b", "/count > 3", 5));
    QCOMPARE(b.messages.size(), notifications ? 1 : 0);
    QCOMPARE(b.beeps, sound ? 1 : 0);
    QCOMPARE(b.notifier.pendingCount(), notifications || sound ? 1 : 0);
}

void TestAlertNotifier::followsTheTransitions()
{
    Bench b;
    Q_EMIT b.workspace.alerts()->transition(entry("a", "/count > 3", 4));
    QCOMPARE(b.messages.size(), 1);
    QCOMPARE(b.messages.at(0).text, QStringLiteral("/count > 3 (value 4)"));
    // With a sink there is no tray icon of its own.
    QVERIFY(b.workspace.alerts()->setRules({{"/count > 3", 0, true}}));
    QVERIFY(!b.notifier.trayIcon() || !b.notifier.trayIcon()->isVisible());
}

QTEST_MAIN(TestAlertNotifier)
#include "tst_alertnotifier.moc"
