// AlertMonitor: scripts of samples, events, connection changes and time passing, each step with
// the transitions it must cause (and no others): every kind of rule, `for` held and interrupted,
// once per transition over many samples, and closing or ending resolving what fires.
#include "AlertMonitor.h"
#include "ConnectionEvent.h"

#include <QTest>

namespace {

using Kind = ConnectionEvent::Kind;

// One step: "s KEY VALUE @T" (a sample), "e @T" (an event), "c KIND @T [REASON]" (a connection
// change: opened, lost, reconnect, failed, ended, closed, idreset) or "a @T" (advance).
QList<AlertTransition> runStep(AlertMonitor &monitor, const QString &step)
{
    const QStringList parts = step.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const auto timeOf = [&parts] {
        for (const QString &part : parts) {
            if (part.startsWith(QLatin1Char('@')))
                return part.mid(1).toLongLong();
        }
        qFatal("step without a time");
    };
    const QString verb = parts.value(0);
    if (verb == QLatin1String("s"))
        return monitor.sample(parts.value(1), parts.value(2).toDouble(), timeOf());
    if (verb == QLatin1String("e"))
        return monitor.eventReceived(timeOf());
    if (verb == QLatin1String("a"))
        return monitor.advance(timeOf());
    static const QHash<QString, Kind> kinds = {
        {QStringLiteral("opened"), Kind::Opened},   {QStringLiteral("lost"), Kind::Lost},
        {QStringLiteral("reconnect"), Kind::ReconnectScheduled}, {QStringLiteral("failed"), Kind::Failed},
        {QStringLiteral("ended"), Kind::EndedByServer}, {QStringLiteral("closed"), Kind::Closed},
        {QStringLiteral("idreset"), Kind::IdReset},
    };
    Q_ASSERT(verb == QLatin1String("c") && kinds.contains(parts.value(1)));
    ConnectionEvent event;
    event.kind = kinds.value(parts.value(1));
    event.timeMs = timeOf();
    event.reason = parts.mid(3).join(QLatin1Char(' '));
    return monitor.connectionEvent(event);
}

// "F0@1000=4" (firing, with a value) or "R0@3000=2/2000" (resolved after firing 2000 ms).
QString brief(const AlertTransition &t)
{
    QString text = (t.state == AlertTransition::State::Firing ? QStringLiteral("F") : QStringLiteral("R"))
        + QString::number(t.rule) + QLatin1Char('@') + QString::number(t.timeMs);
    if (t.value)
        text += QLatin1Char('=') + AlertRule::numberText(*t.value);
    if (t.state == AlertTransition::State::Resolved)
        text += QLatin1Char('/') + QString::number(t.firingForMs);
    return text;
}

QList<AlertRule> parseAll(const QStringList &texts)
{
    QList<AlertRule> rules;
    for (const QString &text : texts) {
        QString error;
        const std::optional<AlertRule> rule = AlertRule::parse(text, &error);
        if (!rule)
            qFatal("%s", qPrintable(error));
        rules.append(*rule);
    }
    return rules;
}

ConnectionEvent change(Kind kind, qint64 timeMs, const QString &reason = QString())
{
    ConnectionEvent event;
    event.kind = kind;
    event.timeMs = timeMs;
    event.reason = reason;
    return event;
}

} // namespace

class tst_AlertMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transitions_data();
    void transitions();
    void firesOncePerTransitionOverManySamples();
    void detailsAndState();
    void fieldKeysOnceInRuleOrder();
    void movedMonitorKeepsItsState();
};

void tst_AlertMonitor::transitions_data()
{
    QTest::addColumn<QStringList>("rules");
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QStringList>("expected"); // per step; transitions joined by "; "

    QTest::newRow("above: the stream 1..6 then 2")
        << QStringList{"/count > 3"}
        << QStringList{"s /count 1 @1000", "s /count 2 @2000", "s /count 3 @3000", "s /count 4 @4000",
                       "s /count 5 @5000", "s /count 6 @6000", "s /count 2 @7000"}
        << QStringList{"", "", "", "F0@4000=4", "", "", "R0@7000=2/3000"};
    QTest::newRow("at least: equal fires")
        << QStringList{"/x >= 3"} << QStringList{"s /x 3 @0", "s /x 2.999 @1"} << QStringList{"F0@0=3", "R0@1=2.999/1"};
    QTest::newRow("below: tiny, negative and huge values")
        << QStringList{"/x < 1e-9"}
        << QStringList{"s /x 1e-9 @0", "s /x 0 @1", "s /x -5 @2", "s /x 1e300 @3"}
        << QStringList{"", "F0@1=0", "", "R0@3=1e+300/2"};
    QTest::newRow("at most: unix times in ms")
        << QStringList{"/ts <= 1700000000000"}
        << QStringList{"s /ts 1700000000001 @0", "s /ts 1700000000000 @10", "s /ts 1800000000000 @20"}
        << QStringList{"", "F0@10=1700000000000", "R0@20=1800000000000/10"};
    QTest::newRow("outside: either side, back inside at the bound")
        << QStringList{"/t outside 10..30"}
        << QStringList{"s /t 20 @0", "s /t 31 @1", "s /t 9 @2", "s /t 10 @3", "s /t 30 @4", "s /t -1e6 @5"}
        << QStringList{"", "F0@1=31", "", "R0@3=10/2", "", "F0@5=-1000000"};
    QTest::newRow("other keys are not read")
        << QStringList{"/count > 3"} << QStringList{"s /other 10 @0", "s alert:/count 10 @1", "s /count 4 @2"}
        << QStringList{"", "", "F0@2=4"};
    QTest::newRow("for: held, fired by time passing")
        << QStringList{"/x >= 0.9 for 10s"}
        << QStringList{"s /x 0.95 @0", "s /x 0.96 @5000", "a @9999", "a @10000", "a @10500", "s /x 0.97 @11000",
                       "s /x 0.5 @12000"}
        << QStringList{"", "", "", "F0@10000=0.96", "", "", "R0@12000=0.5/2000"};
    QTest::newRow("for: held, fired by a later sample")
        << QStringList{"/x > 0 for 10s"} << QStringList{"s /x 1 @0", "s /x 2 @9999", "s /x 3 @10000"}
        << QStringList{"", "", "F0@10000=3"};
    QTest::newRow("for: interrupted starts again")
        << QStringList{"/x > 0 for 10s"}
        << QStringList{"s /x 1 @0", "s /x 0 @5000", "s /x 1 @6000", "a @10000", "a @15999", "a @16000"}
        << QStringList{"", "", "", "", "", "F0@16000=1"};
    QTest::newRow("for: no sample, no firing")
        << QStringList{"/x > 0 for 1s"} << QStringList{"a @0", "a @100000"} << QStringList{"", ""};
    QTest::newRow("stale: from the start, resolved by an event, again")
        << QStringList{"stale 5s"}
        << QStringList{"a @4999", "a @5000", "a @9000", "e @9500", "a @14000", "a @14500", "e @15000", "e @15001"}
        << QStringList{"", "F0@5000", "", "R0@9500/4500", "", "F0@14500", "R0@15000/500", ""};
    QTest::newRow("stale: counted from Opened")
        << QStringList{"stale 5s"} << QStringList{"c opened @3000", "a @5000", "a @7999", "a @8000"}
        << QStringList{"", "", "", "F0@8000"};
    QTest::newRow("stale: events keep it quiet")
        << QStringList{"stale 1s"} << QStringList{"e @900", "a @1000", "e @1800", "a @2500", "a @2800"}
        << QStringList{"", "", "", "", "F0@2800"};
    QTest::newRow("down: from the start, opened, lost, reconnecting")
        << QStringList{"down 1s"}
        << QStringList{"a @999", "a @1000", "c opened @1500", "c lost @2000", "c reconnect @2100", "a @2999",
                       "c reconnect @2500", "a @3000", "a @3500"}
        << QStringList{"", "F0@1000", "R0@1500/500", "", "", "", "", "F0@3000", ""};
    QTest::newRow("down: open in time is quiet")
        << QStringList{"down 1s"} << QStringList{"c opened @500", "a @5000"} << QStringList{"", ""};
    QTest::newRow("down: counted from a failure")
        << QStringList{"down 1s"} << QStringList{"c opened @0", "c failed @100", "a @1099", "a @1100"}
        << QStringList{"", "", "", "F0@1100"};
    QTest::newRow("idreset: fires at once, holds after the last reset")
        << QStringList{"idreset 10s"}
        << QStringList{"c idreset @1000 from 42 to 1", "c idreset @5000 from 9 to 1", "a @14999", "a @15000",
                       "a @20000", "c idreset @21000 from 5 to 0"}
        << QStringList{"F0@1000", "", "", "R0@15000/14000", "", "F0@21000"};
    QTest::newRow("idreset: default hold of a minute")
        << QStringList{"idreset"} << QStringList{"c idreset @0", "a @59999", "a @60000"}
        << QStringList{"F0@0", "", "R0@60000/60000"};
    QTest::newRow("reconnects: sliding window")
        << QStringList{"reconnects > 2 in 10s"}
        << QStringList{"c reconnect @0", "c reconnect @1000", "c reconnect @2000", "c reconnect @3000", "a @10500",
                       "a @10999", "a @11000", "c reconnect @12500", "c reconnect @12600"}
        << QStringList{"", "", "F0@2000=3", "", "", "", "R0@11000=2/9000", "", "F0@12600=3"};
    QTest::newRow("reconnects: old ones fall out before counting")
        << QStringList{"reconnects > 1 in 1s"}
        << QStringList{"c reconnect @0", "c reconnect @1000", "c reconnect @1500"}
        << QStringList{"", "", "F0@1500=2"};
    QTest::newRow("closed resolves everything, stale and down wait for Opened")
        << QStringList{"/count > 3", "stale 1s", "down 1s"}
        << QStringList{"c opened @0", "e @100", "s /count 5 @100", "a @1100", "c lost @1200", "a @2200",
                       "c closed @2300", "a @9000", "c opened @10000", "a @10999", "a @11000"}
        << QStringList{"", "", "F0@100=5", "F1@1100", "", "F2@2200", "R0@2300/2200; R1@2300/1200; R2@2300/100",
                       "", "", "", "F1@11000"};
    QTest::newRow("ended by the server resolves too; a new attempt counts afresh")
        << QStringList{"reconnects > 0 in 1m", "idreset"}
        << QStringList{"c reconnect @0", "c idreset @10", "c ended @20", "a @30", "c reconnect @40"}
        << QStringList{"F0@0=1", "F1@10", "R0@20/20; R1@20/10", "", "F0@40=1"};
    QTest::newRow("rules on one key are independent")
        << QStringList{"/v > 10", "/v < 0", "/v outside 0..10 for 1s"}
        << QStringList{"s /v 11 @0", "s /v -1 @500", "a @1000", "a @1500", "s /v 5 @2000"}
        << QStringList{"F0@0=11", "R0@500=-1/500; F1@500=-1", "F2@1000=-1", "", "R1@2000=5/1500; R2@2000=5/1000"};
}

void tst_AlertMonitor::transitions()
{
    QFETCH(QStringList, rules);
    QFETCH(QStringList, steps);
    QFETCH(QStringList, expected);
    QCOMPARE(steps.size(), expected.size());

    AlertMonitor monitor(parseAll(rules), 0);
    for (int i = 0; i < steps.size(); ++i) {
        const QList<AlertTransition> transitions = runStep(monitor, steps.at(i));
        QStringList actual;
        for (const AlertTransition &t : transitions) {
            actual.append(brief(t));
            QCOMPARE(t.ruleText, monitor.rules().at(t.rule).text());
            QCOMPARE(monitor.state(t.rule), t.state == AlertTransition::State::Firing
                         ? AlertTransition::State::Firing
                         : AlertTransition::State::Resolved);
        }
        QVERIFY2(actual.join(QStringLiteral("; ")) == expected.at(i),
                 qPrintable(QStringLiteral("step %1 '%2': got '%3', expected '%4'")
                                .arg(i)
                                .arg(steps.at(i), actual.join(QStringLiteral("; ")), expected.at(i))));
    }
}

void tst_AlertMonitor::firesOncePerTransitionOverManySamples()
{
    AlertMonitor monitor(parseAll({QStringLiteral("/count > 3"), QStringLiteral("stale 1s")}), 0);
    int firings = 0;
    int resolutions = 0;
    const auto count = [&](const QList<AlertTransition> &transitions) {
        for (const AlertTransition &t : transitions)
            (t.state == AlertTransition::State::Firing ? firings : resolutions)++;
    };
    for (int cycle = 0; cycle < 3; ++cycle) {
        for (int i = 0; i < 1000; ++i) {
            const qint64 t = cycle * 10'000 + i;
            count(monitor.eventReceived(t));
            count(monitor.sample(QStringLiteral("/count"), 4 + i, t));
            count(monitor.advance(t));
        }
        QCOMPARE(monitor.firingCount(), 1);
        count(monitor.sample(QStringLiteral("/count"), 0, cycle * 10'000 + 1000));
        count(monitor.advance(cycle * 10'000 + 5000)); // stale fires
        QCOMPARE(monitor.firingCount(), 1);
    }
    QCOMPARE(firings, 6);
    QCOMPARE(resolutions, 5); // the last stale still fires
}

void tst_AlertMonitor::detailsAndState()
{
    AlertMonitor monitor(parseAll({QStringLiteral("/count > 3"), QStringLiteral("stale 5s"), QStringLiteral("down 1s"),
                                   QStringLiteral("idreset"), QStringLiteral("reconnects > 0 in 1m")}),
                         1000);
    QCOMPARE(monitor.state(0), AlertTransition::State::Ok);
    QCOMPARE(monitor.firingCount(), 0);
    QCOMPARE(monitor.lastValue(0), std::nullopt);
    QCOMPARE(monitor.state(99), AlertTransition::State::Ok);

    QList<AlertTransition> t = monitor.sample(QStringLiteral("/count"), 4, 2000);
    QCOMPARE(t.size(), 1);
    QCOMPARE(t[0].detail, QStringLiteral("value 4"));
    QCOMPARE(t[0].value, 4.0);
    QCOMPARE(t[0].ruleText, QStringLiteral("/count > 3"));
    QCOMPARE(monitor.firingSinceMs(0), 2000);
    QCOMPARE(monitor.lastValue(0), 4.0);
    QVERIFY(monitor.isFiring(0));

    t = monitor.advance(6000);
    QCOMPARE(t.size(), 2);
    QCOMPARE(t[0].rule, 1);
    QCOMPARE(t[0].detail, QStringLiteral("no event for 5 s"));
    QCOMPARE(t[0].value, std::nullopt);
    QCOMPARE(t[1].rule, 2);
    QCOMPARE(t[1].detail, QStringLiteral("not open for 1 s"));
    QCOMPARE(monitor.firingCount(), 3);

    t = monitor.connectionEvent(change(Kind::IdReset, 6100, QStringLiteral("from 42 to 1")));
    QCOMPARE(t.size(), 1);
    QCOMPARE(t[0].detail, QStringLiteral("ids went from 42 to 1"));

    t = monitor.connectionEvent(change(Kind::ReconnectScheduled, 6200));
    QCOMPARE(t.size(), 1);
    QCOMPARE(t[0].value, 1.0);
    QCOMPARE(monitor.lastValue(4), 1.0);

    t = monitor.sample(QStringLiteral("/count"), 3, 7000);
    QCOMPARE(t.size(), 1);
    QCOMPARE(t[0].state, AlertTransition::State::Resolved);
    QCOMPARE(t[0].firingForMs, 5000);
    QCOMPARE(t[0].detail, QStringLiteral("value 3"));
    QCOMPARE(monitor.state(0), AlertTransition::State::Resolved);
    QCOMPARE(monitor.firingSinceMs(0), 0);

    t = monitor.connectionEvent(change(Kind::Closed, 8000));
    QCOMPARE(t.size(), 4);
    for (const AlertTransition &resolved : t)
        QCOMPARE(resolved.detail, QStringLiteral("stream closed"));
    QCOMPARE(monitor.firingCount(), 0);
}

void tst_AlertMonitor::fieldKeysOnceInRuleOrder()
{
    const AlertMonitor monitor(parseAll({QStringLiteral("stale 1s"), QStringLiteral("/b > 1"),
                                         QStringLiteral("rate(/a) > 2"), QStringLiteral("/b < 0"),
                                         QStringLiteral("alert:/x outside 0..1")}));
    QCOMPARE(monitor.fieldKeys(),
             QStringList({QStringLiteral("/b"), QStringLiteral("rate(/a)"), QStringLiteral("alert:/x")}));
    QCOMPARE(monitor.rules().size(), 5);
    QCOMPARE(AlertMonitor().fieldKeys(), QStringList());
}

void tst_AlertMonitor::movedMonitorKeepsItsState()
{
    AlertMonitor monitor(parseAll({QStringLiteral("/count > 3")}));
    QCOMPARE(monitor.sample(QStringLiteral("/count"), 5, 10).size(), 1);
    AlertMonitor moved(std::move(monitor));
    QVERIFY(moved.isFiring(0));
    QCOMPARE(moved.sample(QStringLiteral("/count"), 6, 20).size(), 0);
    AlertMonitor assigned;
    assigned = std::move(moved);
    QCOMPARE(assigned.sample(QStringLiteral("/count"), 1, 30).size(), 1);
}

QTEST_GUILESS_MAIN(tst_AlertMonitor)
#include "tst_alertmonitor.moc"
