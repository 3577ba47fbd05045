#include "CaptureStore.h"

#include <QSignalSpy>
#include <QTest>

class tst_CaptureStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void empty();
    void floodCappedByCount_data();
    void floodCappedByCount();
    void floodCappedByBytes();
    void shrinkEvictsAtOnce();
    void growingKeepsEverything();
    void oversizedEventIsKept();
    void batchSignals_data();
    void batchSignals();
    void eventsBetween_data();
    void eventsBetween();
    void clearIsNotDropping();
    void footprint();
};

namespace {

const QDateTime Start = QDateTime::fromMSecsSinceEpoch(1'800'000'000'000, Qt::UTC);

// Every event has the same footprint; its ID (fixed width) is its number.
CapturedEvent numbered(qint64 n)
{
    CapturedEvent captured;
    captured.url = QStringLiteral("http://127.0.0.1/events");
    captured.event.data = QStringLiteral("{\"count\": 1}");
    captured.event.lastEventId = QString::number(n).rightJustified(8, QLatin1Char('0'));
    captured.receivedAt = Start.addMSecs(n * 1000);
    captured.connection = 1;
    return captured;
}

qint64 idOf(const CapturedEvent &captured)
{
    return captured.event.lastEventId.toLongLong();
}

} // namespace

void tst_CaptureStore::defaults()
{
    CaptureStore store;
    QCOMPARE(store.maxEvents(), CaptureStore::DefaultMaxEvents);
    QCOMPARE(store.maxBytes(), CaptureStore::DefaultMaxBytes);
    // Hours of a 1 Hz stream and minutes of a 10 kHz one fit the count bound ...
    QVERIFY(CaptureStore::DefaultMaxEvents >= 6 * 3600);
    QVERIFY(CaptureStore::DefaultMaxEvents >= 10000 * 60);
    // ... and a minute of small events at 10 kHz fits the byte bound.
    QVERIFY(CaptureStore::DefaultMaxBytes >= 10000 * 60 * CaptureStore::footprint(numbered(1)));
}

void tst_CaptureStore::empty()
{
    CaptureStore store;
    QVERIFY(store.isEmpty());
    QCOMPARE(store.size(), 0);
    QCOMPARE(store.byteSize(), 0);
    QCOMPARE(store.droppedCount(), 0);
    QCOMPARE(store.totalCount(), 0);
    QVERIFY(store.events().isEmpty());
    QVERIFY(store.eventsBetween(QDateTime(), QDateTime()).isEmpty());
    QSignalSpy changed(&store, &CaptureStore::eventsChanged);
    store.append(QList<CapturedEvent>());
    store.setMaxEvents(1);
    store.setMaxBytes(1);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(store.droppedCount(), 0);
}

void tst_CaptureStore::floodCappedByCount_data()
{
    QTest::addColumn<int>("batchSize");

    QTest::newRow("one by one") << 1;
    QTest::newRow("batches of 1000") << 1000;
    QTest::newRow("batches of 7777") << 7777;
}

void tst_CaptureStore::floodCappedByCount()
{
    QFETCH(int, batchSize);

    constexpr qint64 Total = 1'000'000;
    constexpr qsizetype Cap = 1000;
    CaptureStore store;
    store.setMaxEvents(Cap);
    qint64 next = 0;
    qint64 removedSignalled = 0;
    qint64 appendedSignalled = 0;
    connect(&store, &CaptureStore::eventsChanged, this, [&](qsizetype removed, qsizetype appended) {
        removedSignalled += removed;
        appendedSignalled += appended;
    });
    QList<CapturedEvent> batch;
    while (next < Total) {
        if (batchSize == 1) {
            store.append(numbered(next++));
            continue;
        }
        batch.clear();
        while (batch.size() < batchSize && next < Total)
            batch.append(numbered(next++));
        store.append(batch);
        QVERIFY(store.size() <= Cap);
    }

    QCOMPARE(store.size(), Cap);
    QCOMPARE(store.totalCount(), Total);
    QCOMPARE(store.droppedCount(), Total - Cap);
    QCOMPARE(idOf(store.at(0)), Total - Cap);
    QCOMPARE(idOf(store.at(Cap - 1)), Total - 1);
    for (qsizetype i = 1; i < store.size(); ++i)
        QCOMPARE(idOf(store.at(i)), idOf(store.at(i - 1)) + 1);
    QCOMPARE(store.byteSize(), Cap * CaptureStore::footprint(numbered(0)));
    // What the signals reported adds up to what is held.
    QCOMPARE(appendedSignalled - removedSignalled, qint64(store.size()));
}

void tst_CaptureStore::floodCappedByBytes()
{
    constexpr qint64 Total = 1'000'000;
    constexpr qint64 Fits = 500;
    const qint64 each = CaptureStore::footprint(numbered(0));
    CaptureStore store;
    store.setMaxBytes(Fits * each + each / 2);
    QCOMPARE(store.maxEvents(), CaptureStore::DefaultMaxEvents);
    QList<CapturedEvent> batch;
    for (qint64 n = 0; n < Total;) {
        batch.clear();
        while (batch.size() < 4096 && n < Total)
            batch.append(numbered(n++));
        store.append(batch);
        QVERIFY(store.byteSize() <= store.maxBytes());
    }
    QCOMPARE(store.size(), Fits);
    QCOMPARE(store.droppedCount(), Total - Fits);
    QCOMPARE(store.byteSize(), Fits * each);
    QCOMPARE(idOf(store.at(0)), Total - Fits);
    QCOMPARE(idOf(store.at(store.size() - 1)), Total - 1);
}

void tst_CaptureStore::shrinkEvictsAtOnce()
{
    CaptureStore store;
    for (int n = 0; n < 100; ++n)
        store.append(numbered(n));
    QSignalSpy changed(&store, &CaptureStore::eventsChanged);
    QSignalSpy limits(&store, &CaptureStore::limitsChanged);

    store.setMaxEvents(10);
    QCOMPARE(store.size(), 10);
    QCOMPARE(store.droppedCount(), 90);
    QCOMPARE(idOf(store.at(0)), 90);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<qsizetype>(), 90);
    QCOMPARE(changed.at(0).at(1).value<qsizetype>(), 0);
    QCOMPARE(limits.count(), 1);

    const qint64 each = CaptureStore::footprint(numbered(0));
    store.setMaxBytes(4 * each);
    QCOMPARE(store.size(), 4);
    QCOMPARE(store.droppedCount(), 96);
    QCOMPARE(idOf(store.at(0)), 96);
    QCOMPARE(store.byteSize(), 4 * each);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(1).at(0).value<qsizetype>(), 6);

    store.setMaxEvents(0); // clamped to one
    QCOMPARE(store.maxEvents(), 1);
    QCOMPARE(store.size(), 1);
    QCOMPARE(idOf(store.at(0)), 99);
    QCOMPARE(store.droppedCount(), 99);
}

void tst_CaptureStore::growingKeepsEverything()
{
    CaptureStore store;
    store.setMaxEvents(5);
    for (int n = 0; n < 8; ++n)
        store.append(numbered(n));
    QCOMPARE(store.droppedCount(), 3);
    QSignalSpy changed(&store, &CaptureStore::eventsChanged);
    store.setMaxEvents(50);
    store.setMaxBytes(CaptureStore::DefaultMaxBytes * 2);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(store.size(), 5);
    for (int n = 8; n < 20; ++n)
        store.append(numbered(n));
    QCOMPARE(store.size(), 17);
    QCOMPARE(store.droppedCount(), 3);
}

void tst_CaptureStore::oversizedEventIsKept()
{
    CaptureStore store;
    store.setMaxBytes(1000);
    store.append(numbered(0));
    CapturedEvent big = numbered(1);
    big.event.data = QString(10000, QLatin1Char('x'));
    store.append(big);
    QCOMPARE(store.size(), 1);
    QCOMPARE(store.at(0), big);
    QCOMPARE(store.droppedCount(), 1);
    store.append(numbered(2));
    QCOMPARE(store.size(), 1);
    QCOMPARE(idOf(store.at(0)), 2);
    QCOMPARE(store.droppedCount(), 2);
}

void tst_CaptureStore::batchSignals_data()
{
    QTest::addColumn<int>("cap");
    QTest::addColumn<int>("held");
    QTest::addColumn<int>("batch");
    QTest::addColumn<int>("removed");
    QTest::addColumn<int>("appended");
    QTest::addColumn<int>("dropped");

    QTest::newRow("room for all") << 10 << 2 << 5 << 0 << 5 << 0;
    QTest::newRow("some old evicted") << 6 << 4 << 5 << 3 << 5 << 3;
    QTest::newRow("all old and some new evicted") << 3 << 2 << 5 << 2 << 3 << 4;
    QTest::newRow("into an empty store, overflowing") << 3 << 0 << 5 << 0 << 3 << 2;
}

void tst_CaptureStore::batchSignals()
{
    QFETCH(int, cap);
    QFETCH(int, held);
    QFETCH(int, batch);
    QFETCH(int, removed);
    QFETCH(int, appended);
    QFETCH(int, dropped);

    CaptureStore store;
    store.setMaxEvents(cap);
    for (int n = 0; n < held; ++n)
        store.append(numbered(n));
    QSignalSpy changed(&store, &CaptureStore::eventsChanged);
    QList<CapturedEvent> events;
    for (int n = held; n < held + batch; ++n)
        events.append(numbered(n));
    store.append(events);

    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<qsizetype>(), qsizetype(removed));
    QCOMPARE(changed.at(0).at(1).value<qsizetype>(), qsizetype(appended));
    QCOMPARE(store.droppedCount(), dropped);
    QCOMPARE(store.size(), held - removed + appended);
    QCOMPARE(idOf(store.at(store.size() - 1)), held + batch - 1);
}

void tst_CaptureStore::eventsBetween_data()
{
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("to");
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("count");

    // Events 0..99 one second apart from Start.
    QTest::newRow("inside, bounds inclusive") << Start.addSecs(10) << Start.addSecs(20) << 10 << 11;
    QTest::newRow("between events") << Start.addMSecs(10500) << Start.addMSecs(12500) << 11 << 2;
    QTest::newRow("open start") << QDateTime() << Start.addSecs(4) << 0 << 5;
    QTest::newRow("open end") << Start.addSecs(95) << QDateTime() << 95 << 5;
    QTest::newRow("everything") << QDateTime() << QDateTime() << 0 << 100;
    QTest::newRow("before the first") << Start.addSecs(-10) << Start.addSecs(-1) << 0 << 0;
    QTest::newRow("after the last") << Start.addSecs(100) << Start.addSecs(200) << 0 << 0;
    QTest::newRow("reversed") << Start.addSecs(20) << Start.addSecs(10) << 0 << 0;
    QTest::newRow("one instant") << Start.addSecs(42) << Start.addSecs(42) << 42 << 1;
}

void tst_CaptureStore::eventsBetween()
{
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, to);
    QFETCH(int, first);
    QFETCH(int, count);

    CaptureStore store;
    for (int n = 0; n < 100; ++n)
        store.append(numbered(n));
    const QList<CapturedEvent> events = store.eventsBetween(from, to);
    QCOMPARE(events.size(), count);
    for (int i = 0; i < count; ++i)
        QCOMPARE(events.at(i), numbered(first + i));
}

void tst_CaptureStore::clearIsNotDropping()
{
    CaptureStore store;
    store.setMaxEvents(3);
    for (int n = 0; n < 5; ++n)
        store.append(numbered(n));
    QSignalSpy cleared(&store, &CaptureStore::cleared);
    store.clear();
    QCOMPARE(cleared.count(), 1);
    QVERIFY(store.isEmpty());
    QCOMPARE(store.byteSize(), 0);
    QCOMPARE(store.droppedCount(), 2);
    QCOMPARE(store.totalCount(), 5);
    store.append(numbered(5));
    QCOMPARE(store.size(), 1);
    QCOMPARE(store.droppedCount(), 2);
}

void tst_CaptureStore::footprint()
{
    CapturedEvent captured;
    captured.url = QStringLiteral("http://h/e"); // 10
    captured.event.type = QStringLiteral("message"); // 7
    captured.event.data = QStringLiteral("caf\u00e9"); // 4 UTF-16 units
    captured.event.lastEventId = QStringLiteral("12"); // 2
    QCOMPARE(CaptureStore::footprint(captured), (10 + 7 + 4 + 2) * 2 + CaptureStore::FixedOverheadBytes);
}

QTEST_GUILESS_MAIN(tst_CaptureStore)
#include "tst_capturestore.moc"
