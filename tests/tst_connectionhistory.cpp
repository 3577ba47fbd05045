// ConnectionHistory: where a stream stands after a sequence of connection events, its outages,
// and the bounds on what it keeps.

#include "ConnectionHistory.h"

#include <QTest>

using Kind = ConnectionEvent::Kind;
using Outages = QList<std::pair<qint64, qint64>>;

Q_DECLARE_METATYPE(ConnectionEvent)
Q_DECLARE_METATYPE(StreamStatus)

namespace {

ConnectionEvent opened(qint64 t, int connection = 1)
{
    return {Kind::Opened, t, {}, connection};
}

ConnectionEvent lost(qint64 t, const QString &reason = QStringLiteral("Stream ended by the server"))
{
    return {Kind::Lost, t, reason, 1};
}

ConnectionEvent scheduled(qint64 t, int attempt, int delayMs, const QString &reason = QStringLiteral("refused"))
{
    return {Kind::ReconnectScheduled, t, reason, 1, attempt, delayMs};
}

ConnectionEvent failed(qint64 t, const QString &reason = QStringLiteral("HTTP 404"))
{
    return {Kind::Failed, t, reason, 1};
}

ConnectionEvent ended(qint64 t)
{
    return {Kind::EndedByServer, t, QStringLiteral("Ended by server (204)"), 1};
}

ConnectionEvent closed(qint64 t)
{
    return {Kind::Closed, t, QStringLiteral("Closed"), 1};
}

ConnectionEvent idReset(qint64 t)
{
    return {Kind::IdReset, t, QStringLiteral("from 42 to 1"), 2};
}

QList<bool> all(qsizetype count, bool value = true)
{
    return QList<bool>(count, value);
}

} // namespace

class TestConnectionHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sequences_data();
    void sequences();
    void setStatusRecordsNothing();
    void eventsAreBounded();
    void outagesAreBounded();
    void recentReconnections_data();
    void recentReconnections();
    void outagesBetween_data();
    void outagesBetween();
};

void TestConnectionHistory::sequences_data()
{
    QTest::addColumn<QList<ConnectionEvent>>("events");
    QTest::addColumn<QList<bool>>("recorded");
    QTest::addColumn<StreamStatus>("status");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("attempt");
    QTest::addColumn<qint64>("reconnectAtMs");
    QTest::addColumn<Outages>("outages");

    using S = StreamStatus;
    const QString none;

    QTest::newRow("nothing yet") << QList<ConnectionEvent>{} << QList<bool>{} << S::Connecting << none
                                 << 0 << 0LL << Outages{};
    QTest::newRow("first connection is no outage")
        << QList<ConnectionEvent>{opened(100)} << all(1) << S::Open << none << 0 << 0LL << Outages{};
    QTest::newRow("first connection retried")
        << QList<ConnectionEvent>{scheduled(100, 1, 3000)} << all(1) << S::Reconnecting << "refused" << 1
        << 3100LL << Outages{};
    QTest::newRow("retried, then open")
        << QList<ConnectionEvent>{scheduled(100, 1, 3000), scheduled(3100, 2, 6000), opened(9200)} << all(3)
        << S::Open << none << 0 << 0LL << Outages{};
    QTest::newRow("first connection fails") << QList<ConnectionEvent>{failed(100)} << all(1) << S::Failed
                                            << "HTTP 404" << 0 << 0LL << Outages{};
    QTest::newRow("lost, reconnect scheduled, open again")
        << QList<ConnectionEvent>{opened(100), lost(1000), scheduled(1000, 1, 3000, "ended"), opened(4000, 2)}
        << all(4) << S::Open << none << 0 << 0LL << Outages{{1000, 4000}};
    QTest::newRow("lost")
        << QList<ConnectionEvent>{opened(100), lost(1000, "gone")} << all(2) << S::Connecting << "gone" << 0
        << 0LL << Outages{{1000, -1}};
    QTest::newRow("still reconnecting")
        << QList<ConnectionEvent>{opened(100), lost(1000), scheduled(1000, 1, 3000, "ended")} << all(3)
        << S::Reconnecting << "ended" << 1 << 4000LL << Outages{{1000, -1}};
    QTest::newRow("failed while down keeps one outage")
        << QList<ConnectionEvent>{opened(100), lost(1000), scheduled(1000, 1, 3000), scheduled(4000, 2, 6000),
                                  failed(10000)}
        << all(5) << S::Failed << "HTTP 404" << 2 << 0LL << Outages{{1000, -1}};
    QTest::newRow("failed while open")
        << QList<ConnectionEvent>{opened(100), failed(500, "Content-Type text/plain")} << all(2) << S::Failed
        << "Content-Type text/plain" << 0 << 0LL << Outages{{500, -1}};
    QTest::newRow("user close ends an outage")
        << QList<ConnectionEvent>{opened(100), lost(1000), scheduled(1000, 1, 3000), closed(2000)} << all(4)
        << S::Closed << "Closed" << 1 << 0LL << Outages{{1000, 2000}};
    QTest::newRow("user close of an open stream is no outage")
        << QList<ConnectionEvent>{opened(100), closed(500)} << all(2) << S::Closed << "Closed" << 0 << 0LL
        << Outages{};
    QTest::newRow("closed, then open again")
        << QList<ConnectionEvent>{opened(100), closed(200), opened(300, 2)} << all(3) << S::Open << none << 0
        << 0LL << Outages{};
    QTest::newRow("reopened after a close, not reachable")
        << QList<ConnectionEvent>{opened(100), closed(200), scheduled(300, 1, 3000)} << all(3)
        << S::Reconnecting << "refused" << 1 << 3300LL << Outages{{300, -1}};
    QTest::newRow("ended by the server")
        << QList<ConnectionEvent>{opened(100), ended(500)} << all(2) << S::Ended << "Ended by server (204)"
        << 0 << 0LL << Outages{{500, -1}};
    QTest::newRow("ended, then closed: the end is kept")
        << QList<ConnectionEvent>{opened(100), ended(500), closed(900)} << all(3) << S::Ended
        << "Ended by server (204)" << 0 << 0LL << Outages{{500, 900}};
    QTest::newRow("failed, then closed: the reason is kept")
        << QList<ConnectionEvent>{opened(100), failed(500), closed(900)} << all(3) << S::Failed << "HTTP 404"
        << 0 << 0LL << Outages{{500, 900}};
    QTest::newRow("two outages")
        << QList<ConnectionEvent>{opened(0), lost(10), scheduled(10, 1, 100), opened(200, 2), lost(300),
                                  scheduled(300, 1, 100), opened(500, 3)}
        << all(7) << S::Open << none << 0 << 0LL << Outages{{10, 200}, {300, 500}};
    QTest::newRow("id reset changes no state")
        << QList<ConnectionEvent>{opened(100), idReset(200), idReset(300)} << all(3) << S::Open << none << 0
        << 0LL << Outages{};

    QTest::newRow("opened twice") << QList<ConnectionEvent>{opened(100), opened(200)} << QList<bool>{true, false}
                                  << S::Open << none << 0 << 0LL << Outages{};
    QTest::newRow("lost before open") << QList<ConnectionEvent>{lost(100)} << QList<bool>{false}
                                      << S::Connecting << none << 0 << 0LL << Outages{};
    QTest::newRow("lost twice") << QList<ConnectionEvent>{opened(100), lost(200, "a"), lost(300, "b")}
                                << QList<bool>{true, true, false} << S::Connecting << "a" << 0 << 0LL
                                << Outages{{200, -1}};
    QTest::newRow("closed twice") << QList<ConnectionEvent>{opened(100), closed(200), closed(300)}
                                  << QList<bool>{true, true, false} << S::Closed << "Closed" << 0 << 0LL
                                  << Outages{};
}

void TestConnectionHistory::sequences()
{
    QFETCH(QList<ConnectionEvent>, events);
    QFETCH(QList<bool>, recorded);
    QFETCH(StreamStatus, status);
    QFETCH(QString, reason);
    QFETCH(int, attempt);
    QFETCH(qint64, reconnectAtMs);
    QFETCH(Outages, outages);

    ConnectionHistory history;
    QList<bool> results;
    QList<ConnectionEvent> kept;
    for (const ConnectionEvent &event : std::as_const(events)) {
        results.append(history.record(event));
        if (results.last())
            kept.append(event);
    }
    QCOMPARE(results, recorded);
    QCOMPARE(history.status(), status);
    QCOMPARE(history.reason(), reason);
    QCOMPARE(history.attempt(), attempt);
    QCOMPARE(history.reconnectAtMs(), reconnectAtMs);
    QCOMPARE(Outages(history.outages().cbegin(), history.outages().cend()), outages);
    // Exactly the events that said something new are kept, in order.
    QCOMPARE(QList<ConnectionEvent>(history.events().cbegin(), history.events().cend()), kept);
}

void TestConnectionHistory::setStatusRecordsNothing()
{
    ConnectionHistory history;
    history.record(scheduled(100, 1, 3000));
    history.setStatus(StreamStatus::Offline, QStringLiteral("Offline capture"));
    QCOMPARE(history.status(), StreamStatus::Offline);
    QCOMPARE(history.reason(), QStringLiteral("Offline capture"));
    QCOMPARE(history.reconnectAtMs(), 0);
    QCOMPARE(history.events().size(), size_t(1));
    QVERIFY(history.outages().empty());
}

void TestConnectionHistory::eventsAreBounded()
{
    ConnectionHistory history;
    const int count = ConnectionHistory::MaxEvents + 500;
    for (int i = 0; i < count; ++i)
        QVERIFY(history.record(i % 2 == 0 ? opened(i) : lost(i)));
    QCOMPARE(history.events().size(), size_t(ConnectionHistory::MaxEvents));
    // The oldest fell out first.
    QCOMPARE(history.events().front().timeMs, qint64(count - ConnectionHistory::MaxEvents));
    QCOMPARE(history.events().back().timeMs, qint64(count - 1));
}

void TestConnectionHistory::outagesAreBounded()
{
    ConnectionHistory history;
    const int cycles = ConnectionHistory::MaxOutages + 300;
    for (int i = 0; i < cycles; ++i) {
        history.record(opened(10 * i));
        history.record(lost(10 * i + 5));
    }
    QCOMPARE(history.outages().size(), size_t(ConnectionHistory::MaxOutages));
    // Outage i runs from 10i + 5 to 10(i + 1); the newest is still open.
    const qint64 first = cycles - ConnectionHistory::MaxOutages;
    QCOMPARE(history.outages().front(), (std::pair<qint64, qint64>(10 * first + 5, 10 * (first + 1))));
    QCOMPARE(history.outages().back(), (std::pair<qint64, qint64>(10 * (cycles - 1) + 5, -1)));
    QCOMPARE(history.events().size(), size_t(ConnectionHistory::MaxEvents));
}

void TestConnectionHistory::recentReconnections_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QList<int>>("attempts"); // of the reconnect-scheduled events returned

    QTest::newRow("none asked") << 0 << QList<int>{};
    QTest::newRow("negative") << -1 << QList<int>{};
    QTest::newRow("newest") << 1 << QList<int>{1};
    QTest::newRow("newest two, newest last") << 2 << QList<int>{3, 1};
    QTest::newRow("all four") << 4 << QList<int>{1, 2, 3, 1};
    QTest::newRow("more than there are") << 10 << QList<int>{1, 2, 3, 1};
}

void TestConnectionHistory::recentReconnections()
{
    QFETCH(int, count);
    QFETCH(QList<int>, attempts);

    ConnectionHistory history;
    for (const ConnectionEvent &event :
         {opened(0), lost(10), scheduled(10, 1, 100), scheduled(110, 2, 200), scheduled(310, 3, 400),
          opened(710, 2), idReset(720), lost(800), scheduled(800, 1, 100)}) {
        QVERIFY(history.record(event));
    }
    QList<int> seen;
    for (const ConnectionEvent &event : history.recentReconnections(count)) {
        QCOMPARE(event.kind, Kind::ReconnectScheduled);
        seen.append(event.attempt);
    }
    QCOMPARE(seen, attempts);
}

void TestConnectionHistory::outagesBetween_data()
{
    QTest::addColumn<qint64>("fromMs");
    QTest::addColumn<qint64>("toMs");
    QTest::addColumn<Outages>("expected");

    // The history below has the outages [10, 200] and [300, still down].
    QTest::newRow("before any") << 0LL << 5LL << Outages{};
    QTest::newRow("touching the start") << 0LL << 10LL << Outages{{10, 200}};
    QTest::newRow("touching the end") << 200LL << 250LL << Outages{{10, 200}};
    QTest::newRow("between them") << 201LL << 299LL << Outages{};
    QTest::newRow("the open one") << 250LL << 100000LL << Outages{{300, -1}};
    QTest::newRow("long after: still down") << 90000LL << 100000LL << Outages{{300, -1}};
    QTest::newRow("everything") << 0LL << 1000LL << Outages{{10, 200}, {300, -1}};
}

void TestConnectionHistory::outagesBetween()
{
    QFETCH(qint64, fromMs);
    QFETCH(qint64, toMs);
    QFETCH(Outages, expected);

    ConnectionHistory history;
    for (const ConnectionEvent &event : {opened(0), lost(10), opened(200, 2), lost(300)})
        QVERIFY(history.record(event));
    QCOMPARE(history.outagesBetween(fromMs, toMs), expected);
}

QTEST_GUILESS_MAIN(TestConnectionHistory)

#include "tst_connectionhistory.moc"
