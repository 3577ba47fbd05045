#include "CaptureStore.h"
#include "SeedEvent.h"

#include <QSignalSpy>
#include <QTest>

// AddressSanitizer replaces malloc, and glibc's counters then see none of the heap.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CAPTURESTORE_UNDER_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define CAPTURESTORE_UNDER_ASAN 1
#endif
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33) && !defined(CAPTURESTORE_UNDER_ASAN)
#include <malloc.h>
#define CAPTURESTORE_HEAP_PROBE 1
#endif

Q_DECLARE_METATYPE(CapturedEvent)

// Readable QCOMPARE failures.
char *toString(const CapturedEvent &e)
{
    const QString text = QStringLiteral("{%1 %2 id=%3 data=%4 at=%5 connection=%6}")
                             .arg(e.url, e.event.type, e.event.lastEventId.left(40), e.event.data.left(40),
                                  e.receivedAt.toString(Qt::ISODateWithMs), QString::number(e.connection));
    return qstrdup(text.toUtf8().constData());
}

class tst_CaptureStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void empty();
    void floodCappedByCount_data();
    void floodCappedByCount();
    void shrinkEvictsAtOnce();
    void growingKeepsEverything();
    void oversizedEventIsKept();
    void batchSignals_data();
    void batchSignals();
    void eventsBetween_data();
    void eventsBetween();
    void clearIsNotDropping();
    void roundTrip_data();
    void roundTrip();
    void recordOverhead_data();
    void recordOverhead();
    void byteSizeIsWhatIsAllocated_data();
    void byteSizeIsWhatIsAllocated();
    void evictionAcrossBlocks_data();
    void evictionAcrossBlocks();
    void shrinkBytesBelowABlock();
};

namespace {

const QDateTime Start = QDateTime::fromMSecsSinceEpoch(1'800'000'000'000, Qt::UTC);

// Every event has the same size; its ID (fixed width) is its number.
CapturedEvent numbered(qint64 n, int dataSize = 0)
{
    CapturedEvent captured;
    captured.url = QStringLiteral("http://127.0.0.1/events");
    captured.event.data = dataSize > 0 ? QString(dataSize, QLatin1Char(char('a' + n % 26)))
                                       : QStringLiteral("{\"count\": 1}");
    captured.event.lastEventId = QString::number(n).rightJustified(8, QLatin1Char('0'));
    captured.receivedAt = Start.addMSecs(n * 1000);
    captured.connection = 1;
    return captured;
}

qint64 idOf(const CapturedEvent &captured)
{
    return captured.event.lastEventId.toLongLong();
}

// The demo stream's event number n.
CapturedEvent seed(qint64 n)
{
    return seedEvent(n, Start.addMSecs(n));
}

CapturedEvent sample(const QString &data, const QString &id = QStringLiteral("1"),
                    const QString &type = QStringLiteral("message"),
                    const QString &url = QStringLiteral("http://127.0.0.1/events"))
{
    CapturedEvent captured;
    captured.url = url;
    captured.event.type = type;
    captured.event.data = data;
    captured.event.lastEventId = id;
    captured.receivedAt = Start;
    captured.connection = 1;
    return captured;
}

// A QString of exactly these UTF-16 units, U+0000 and lone surrogates included.
template <size_t N>
QString text(const char16_t (&units)[N])
{
    return QString::fromUtf16(units, N - 1);
}

// The ids of the events held run without a gap up to the newest one appended.
bool contiguous(const CaptureStore &store, qint64 newest)
{
    for (qsizetype i = 0; i < store.size(); ++i) {
        if (idOf(store.at(i)) != newest - store.size() + 1 + i)
            return false;
    }
    return true;
}

#ifdef CAPTURESTORE_HEAP_PROBE
qint64 heapInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
}
#endif

} // namespace

void tst_CaptureStore::defaults()
{
    CaptureStore store;
    QCOMPARE(store.maxEvents(), CaptureStore::DefaultMaxEvents);
    QCOMPARE(store.maxBytes(), CaptureStore::DefaultMaxBytes);
    // Hours of a 1 Hz stream and minutes of a 10 kHz one fit the count bound ...
    QVERIFY(CaptureStore::DefaultMaxEvents >= 6 * 3600);
    QVERIFY(CaptureStore::DefaultMaxEvents >= 10000 * 60);
    // ... and a minute of the seed stream's events at 10 kHz fits the byte bound.
    const CapturedEvent small = seed(1'000'000);
    QVERIFY(CaptureStore::DefaultMaxBytes
            >= 10000 * 60 * (CaptureStore::recordOverhead(small) + small.event.data.toUtf8().size()));
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
    QVERIFY(contiguous(store, Total - 1));
    // Blocks whose events all went were freed: what is held spans at most two of them.
    QVERIFY2(store.byteSize() <= 2 * CaptureStore::BlockBytes + 4096, QByteArray::number(store.byteSize()));
    // What the signals reported adds up to what is held.
    QCOMPARE(appendedSignalled - removedSignalled, qint64(store.size()));
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

    store.setMaxEvents(0); // clamped to one
    QCOMPARE(store.maxEvents(), 1);
    QCOMPARE(store.size(), 1);
    QCOMPARE(idOf(store.at(0)), 99);
    QCOMPARE(store.droppedCount(), 99);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(1).at(0).value<qsizetype>(), 9);

    store.setMaxBytes(1); // clamped to one; the newest event stays
    QCOMPARE(store.maxBytes(), 1);
    QCOMPARE(store.size(), 1);
    QCOMPARE(store.at(0), numbered(99));
    QCOMPARE(changed.count(), 2);
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

    // Events 0..99 one second apart from Start, then three without a receive time: those are before
    // every valid time, as QDateTime's order has it, so only an open start takes them.
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
    QList<CapturedEvent> untimed;
    for (int n = 0; n < 103; ++n) {
        CapturedEvent captured = numbered(n);
        if (n >= 100) {
            captured.receivedAt = QDateTime();
            untimed.append(captured);
        }
        store.append(captured);
    }
    const QList<CapturedEvent> events = store.eventsBetween(from, to);
    QCOMPARE(events.size(), count + (from.isValid() ? 0 : untimed.size()));
    for (int i = 0; i < count; ++i)
        QCOMPARE(events.at(i), numbered(first + i));
    QVERIFY(from.isValid() || events.mid(count) == untimed);
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
    QCOMPARE(store.at(0), numbered(5));
    QVERIFY(store.byteSize() > 0);
    const CapturedEvent other = sample(QStringLiteral("other"), QStringLiteral("x"), QStringLiteral("kind"));
    store.append(other);
    QCOMPARE(store.at(1), other);
}

void tst_CaptureStore::roundTrip_data()
{
    QTest::addColumn<QList<CapturedEvent>>("events");
    // The sequence is appended this many times, so that the small ones cross block boundaries.
    QTest::addColumn<int>("repeat");

    const QString d = text(u"d");
    QTest::newRow("empty data") << QList{sample(QString()), sample(text(u""))} << 20000;
    QTest::newRow("1 MiB data") << QList{sample(QString(1 << 20, u'x')), sample(text(u"{}"))} << 3;
    QTest::newRow("1 MiB non-ASCII data") << QList{sample(QString(1 << 19, QChar(0x20ac)))} << 2;
    QTest::newRow("non-ASCII") << QList{sample(text(u"caf\u00e9 \u2603 \u65e5\u672c"), text(u"\u00e9"),
                                               text(u"t\u00fcp"), text(u"http://h/\u00fc"))}
                               << 5000;
    QTest::newRow("U+0000") << QList{sample(text(u"\0a\0b\0"), text(u"\0"), text(u"t\0"))} << 5000;
    QTest::newRow("lone surrogates")
        << QList{sample(text(u"\xd800x")), sample(text(u"x\xdc00")), sample(text(u"ab\xd83d")),
                 sample(text(u"\xdc00\xd800")), sample(d, text(u"\xd800")), sample(d, text(u"\xd800")),
                 sample(d, text(u"1"), text(u"\xd800"), text(u"http://h/\xdfff"))}
        << 3000;
    QTest::newRow("U+FEFF")
        << QList{sample(text(u"\xfeff{}")), sample(text(u"\xfeff\xfeffx")), sample(text(u"a\xfeff")),
                 sample(text(u"\xfeff")), sample(d, text(u"x")), sample(d, text(u"\xfeffx")),
                 sample(d, text(u"\xfeffx")), sample(d, text(u"x"), text(u"\xfefft"))}
        << 3000;
    QTest::newRow("emoji") << QList{sample(text(u"\U0001F600 \U0001F44D\U0001F3FD"), text(u"\U0001F600"))} << 5000;
    const QString longId(10000, u'i');
    QTest::newRow("empty and long ids")
        << QList{sample(d, QString()), sample(d, longId), sample(d, longId), sample(d, text(u""))} << 100;
    QTest::newRow("id equal to the previous")
        << QList{sample(text(u"a"), text(u"7")), sample(text(u"b"), text(u"7")), sample(text(u"c"), text(u"7")),
                 sample(d, text(u"123456789")), sample(d, text(u"123456789")), sample(d, text(u"12345678")),
                 sample(d, text(u"123456789"))}
        << 5000;

    QList<CapturedEvent> times;
    for (const QDateTime &time : {QDateTime(), QDateTime::fromMSecsSinceEpoch(0, Qt::UTC),
                                  QDateTime::fromMSecsSinceEpoch(-62'000'000'000'000, Qt::UTC),
                                  QDateTime(QDate(2026, 11, 23), QTime(1, 2, 3, 456), Qt::OffsetFromUTC, 3600)}) {
        times.append(sample(d));
        times.back().receivedAt = time;
        // Connection numbers at their extremes, too.
        times.append(sample(d));
        times.back().connection = times.size() % 4 ? std::numeric_limits<int>::min() : std::numeric_limits<int>::max();
    }
    QTest::newRow("receive times (invalid too) and connections") << times << 3000;

    QList<CapturedEvent> mixed;
    for (int i = 0; i < 15; ++i)
        mixed.append(sample(d, QString::number(i), QStringLiteral("type%1").arg(i % 5),
                            QStringLiteral("http://host%1/events").arg(i % 3)));
    QTest::newRow("several urls and types") << mixed << 2000;

    QList<CapturedEvent> manyTypes;
    for (int i = 0; i < 300; ++i)
        manyTypes.append(sample(d, QString::number(i), QStringLiteral("kind %1").arg(i)));
    manyTypes.append(sample(d, d, text(u"message"), text(u"http://h/") + QString(3000, u'u')));
    QTest::newRow("more pairs than the table holds") << manyTypes << 100;
}

void tst_CaptureStore::roundTrip()
{
    QFETCH(QList<CapturedEvent>, events);
    QFETCH(int, repeat);

    CaptureStore store;
    QList<CapturedEvent> expected;
    for (int r = 0; r < repeat; ++r) {
        store.append(events);
        expected.append(events);
    }
    QCOMPARE(store.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const CapturedEvent held = store.at(i);
        if (held != expected.at(i))
            QCOMPARE(held, expected.at(i)); // only to report it
    }
    QVERIFY(store.events() == expected);
    QVERIFY(store.eventsBetween(QDateTime(), QDateTime()) == expected);
}

void tst_CaptureStore::recordOverhead_data()
{
    QTest::addColumn<CapturedEvent>("captured");
    QTest::addColumn<int>("bytes");

    // flags 1, time 8, connection 1, table index 1, id 1 + its bytes, data length 1, index entry 4.
    QTest::newRow("seed event") << seed(1) << 18;
    QTest::newRow("seed event, 7-digit id") << seed(1'000'000) << 24;
    CapturedEvent invalid = seed(1);
    invalid.receivedAt = QDateTime();
    QTest::newRow("no receive time") << invalid << 10;
    QTest::newRow("data of 1000 bytes, a 2-byte length") << sample(QString(1000, QLatin1Char('d'))) << 19;
    QTest::newRow("non-ASCII id") << sample(QStringLiteral("d"), QStringLiteral("\u00e9\u2603")) << 22;
    QTest::newRow("lone surrogate id, as UTF-16") << sample(text(u"d"), text(u"\xd800" u"a")) << 21;
}

void tst_CaptureStore::recordOverhead()
{
    QFETCH(CapturedEvent, captured);
    QFETCH(int, bytes);

    QCOMPARE(CaptureStore::recordOverhead(captured), bytes);
}

void tst_CaptureStore::byteSizeIsWhatIsAllocated_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("dataSize"); // 0: the seed stream's events

    QTest::newRow("seed events") << 200'000 << 0;
    QTest::newRow("4 KiB events") << 20'000 << 4096;
    QTest::newRow("100 KiB events, some blocks shrunk") << 300 << 100 * 1024;
    QTest::newRow("300 KiB events, a block each") << 100 << 300 * 1024;
}

void tst_CaptureStore::byteSizeIsWhatIsAllocated()
{
#ifndef CAPTURESTORE_HEAP_PROBE
    QSKIP("needs glibc's mallinfo2() and glibc's malloc (not AddressSanitizer's)");
#else
    QFETCH(int, count);
    QFETCH(int, dataSize);

    CaptureStore store;
    (void)seed(0); // whatever QDateTime and QString set up once
    const qint64 before = heapInUse();
    qint64 records = 0;
    qint64 payload = 0;
    for (int n = 0; n < count;) {
        QList<CapturedEvent> batch;
        for (; batch.size() < 1000 && n < count; ++n) {
            batch.append(dataSize > 0 ? numbered(n, dataSize) : seed(n));
            payload += batch.back().event.data.toUtf8().size();
            records += CaptureStore::recordOverhead(batch.back());
        }
        store.append(batch);
    }
    records += payload;
    // The target: the seed stream's events take at most 64 bytes each beyond their data.
    if (dataSize == 0)
        QVERIFY2((store.byteSize() - payload) / count <= 64, QByteArray::number((store.byteSize() - payload) / count));
    const qint64 grown = heapInUse() - before;
    const QByteArray figures = "byteSize " + QByteArray::number(store.byteSize()) + ", heap grew "
        + QByteArray::number(grown) + ", records " + QByteArray::number(records);
    QVERIFY2(qAbs(grown - store.byteSize()) <= store.byteSize() / 100 + 16 * 1024, figures.constData());
    // Nothing beyond the records but the newest block's rest, a few bytes a block and the table.
    QVERIFY2(store.byteSize() >= records, figures.constData());
    QVERIFY2(store.byteSize() <= records + records / 50 + CaptureStore::BlockBytes + 16 * 1024, figures.constData());
#endif
}

void tst_CaptureStore::evictionAcrossBlocks_data()
{
    QTest::addColumn<int>("maxEvents");
    QTest::addColumn<qint64>("maxBytes");
    QTest::addColumn<int>("dataSize");
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("batch");

    const qint64 Default = CaptureStore::DefaultMaxBytes;
    QTest::newRow("count, 1 KiB events") << 10'000 << Default << 1024 << 60'000 << 999;
    QTest::newRow("count, about a block of events") << 255 << Default << 1000 << 5000 << 1;
    QTest::newRow("bytes, 1M small events") << 2'000'000 << qint64(1 << 20) << 0 << 1'000'000 << 4096;
    QTest::newRow("bytes, 1 KiB events") << 2'000'000 << qint64(1 << 20) << 1024 << 20'000 << 1000;
    QTest::newRow("bytes, 100 KiB events") << 2'000'000 << qint64(4 << 20) << 100 * 1024 << 300 << 7;
    QTest::newRow("bytes, 300 KiB events") << 2'000'000 << qint64(5 << 20) << 300 * 1024 << 100 << 3;
    QTest::newRow("bytes, tiny bound") << 2'000'000 << qint64(3000) << 100 << 5000 << 10;
    QTest::newRow("both") << 700 << qint64(1 << 20) << 2000 << 10'000 << 100;
}

void tst_CaptureStore::evictionAcrossBlocks()
{
    QFETCH(int, maxEvents);
    QFETCH(qint64, maxBytes);
    QFETCH(int, dataSize);
    QFETCH(int, total);
    QFETCH(int, batch);

    CaptureStore store;
    store.setMaxEvents(maxEvents);
    store.setMaxBytes(maxBytes);
    qint64 held = 0;
    connect(&store, &CaptureStore::eventsChanged, this,
            [&held](qsizetype removed, qsizetype appended) { held += appended - removed; });
    for (int n = 0; n < total;) {
        QList<CapturedEvent> events;
        for (; events.size() < batch && n < total; ++n)
            events.append(numbered(n, dataSize));
        store.append(events);
        QVERIFY(store.size() <= maxEvents);
        QVERIFY(store.byteSize() <= maxBytes || store.size() == 1);
        QCOMPARE(store.droppedCount() + store.size(), n);
        QCOMPARE(held, store.size());
        QCOMPARE(store.at(store.size() - 1), numbered(n - 1, dataSize));
        QCOMPARE(idOf(store.at(0)), n - store.size());
    }
    QVERIFY(contiguous(store, total - 1));
    QCOMPARE(store.at(0), numbered(total - store.size(), dataSize));
    QVERIFY(store.events() == store.eventsBetween(QDateTime(), QDateTime()));
    QCOMPARE(store.events().size(), store.size());
    if (maxEvents < total && qint64(maxEvents) * dataSize * 2 < maxBytes)
        QCOMPARE(store.size(), maxEvents);
    else
        QVERIFY2(store.byteSize() > maxBytes / 2, QByteArray::number(store.byteSize()));
}

void tst_CaptureStore::shrinkBytesBelowABlock()
{
    CaptureStore store;
    for (int n = 0; n < 2000; ++n)
        store.append(numbered(n));
    QVERIFY(store.byteSize() >= CaptureStore::BlockBytes);
    QSignalSpy changed(&store, &CaptureStore::eventsChanged);

    // The one block is larger than the new bound: the newest events move to smaller blocks.
    store.setMaxBytes(16 * 1024);
    QVERIFY2(store.byteSize() <= 16 * 1024, QByteArray::number(store.byteSize()));
    QVERIFY(store.size() > 100);
    QCOMPARE(store.at(store.size() - 1), numbered(1999));
    QVERIFY(contiguous(store, 1999));
    QCOMPARE(store.droppedCount(), 2000 - store.size());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<qsizetype>(), 2000 - store.size());
    QCOMPARE(changed.at(0).at(1).value<qsizetype>(), 0);

    for (int n = 2000; n < 5000; ++n) {
        store.append(numbered(n));
        QVERIFY(store.byteSize() <= 16 * 1024);
    }
    QVERIFY(contiguous(store, 4999));

    store.setMaxBytes(1);
    QCOMPARE(store.size(), 1);
    QCOMPARE(store.at(0), numbered(4999));
    QVERIFY(store.byteSize() < 1024);
}

QTEST_GUILESS_MAIN(tst_CaptureStore)
#include "tst_capturestore.moc"
