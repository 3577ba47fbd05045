#include "EventLogFilterModel.h"
#include "EventLogFixtures.h"
#include "EventLogModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Kind = ConnectionEvent::Kind;

using namespace EventLogFixtures;

class TestEventLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void batchesInsertions();
    void flushedByItsOwnerOnly();
    void keepsTheNewestRows_data();
    void keepsTheNewestRows();
    void batchLargerThanTheCap();
    void loweredCapDropsOldest();
    void capCountsConnectionRows();
    void columns();
    void preview_data();
    void preview();
    void namesByIdAndRename();
    void removeStream_data();
    void removeStream();
    void removeStreamKeepsOtherPersistentIndexes();
    void clearZeroesCounts();
    void roles();
};

void TestEventLogModel::batchesInsertions()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    for (int i = 0; i < 5; ++i)
        model.appendEvents(1, makeEvents(i * 100, 100));
    model.appendConnectionEvent(2, makeConnection(Kind::Opened, {}, 1));
    // Nothing reaches the model before the display tick.
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.pendingCount(), 501);

    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 501, 10000);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 500);
    QCOMPARE(model.pendingCount(), 0);

    model.appendEvents(1, makeEvents(500, 100));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 601, 10000);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 501);
    QCOMPARE(inserted.at(1).at(2).toInt(), 600);
    QCOMPARE(cell(model, 600, EventLogModel::IdColumn), QStringLiteral("599"));
    QCOMPARE(model.totalAppended(), 601);
    QCOMPARE(model.droppedCount(), 0);
}

void TestEventLogModel::flushedByItsOwnerOnly()
{
    // The window flushes the log on its text tick: no timer of the model's own runs then.
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFlushInterval(EventLogModel::FlushedByOwner);
    QCOMPARE(model.flushInterval(), EventLogModel::FlushedByOwner);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.appendEvents(1, makeEvents(0, 10));
    // Several of the model's own flush intervals pass, and the rows still wait.
    QVERIFY(!inserted.wait(10 * EventLogModel::DefaultFlushIntervalMs));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.pendingCount(), 10);
    model.flush();
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(inserted.count(), 1);

    // A timer of its own again.
    model.setFlushInterval(EventLogModel::DefaultFlushIntervalMs);
    model.appendEvents(1, makeEvents(10, 5));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 15, 10000);
}

void TestEventLogModel::keepsTheNewestRows_data()
{
    QTest::addColumn<int>("cap");
    QTest::addColumn<QList<int>>("batches");
    QTest::addColumn<int>("firstId");
    QTest::addColumn<int>("removedInTotal"); // rows that left the model itself
    QTest::addColumn<int>("dropped");        // and those, plus the pending ones that never entered

    QTest::newRow("under the cap") << 50 << QList<int>{20, 20} << 0 << 0 << 0;
    QTest::newRow("exactly the cap") << 50 << QList<int>{25, 25} << 0 << 0 << 0;
    QTest::newRow("overflow drops oldest") << 50 << QList<int>{30, 40} << 20 << 20 << 20;
    QTest::newRow("many small batches") << 10 << QList<int>{3, 3, 3, 3, 3, 3} << 8 << 8 << 8;
    QTest::newRow("one batch beyond the cap") << 50 << QList<int>{120} << 70 << 0 << 70;
    QTest::newRow("batch beyond the cap replaces all") << 50 << QList<int>{30, 200} << 180 << 30 << 180;
    QTest::newRow("cap of one") << 1 << QList<int>{5, 5} << 9 << 1 << 9;
}

void TestEventLogModel::keepsTheNewestRows()
{
    QFETCH(int, cap);
    QFETCH(QList<int>, batches);
    QFETCH(int, firstId);
    QFETCH(int, removedInTotal);
    QFETCH(int, dropped);

    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    EventLogFilterModel filter;
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSourceModel(&model);
    model.setMaximumRows(cap);
    QCOMPARE(model.maximumRows(), cap);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    int next = 0;
    int total = 0;
    for (int size : std::as_const(batches)) {
        // One call per event, as several streams of a tick would.
        for (int i = 0; i < size; ++i)
            model.appendEvents(1, {makeEvent(next++)});
        QVERIFY(model.pendingCount() <= cap);
        QVERIFY(countsAreExact(model));
        model.flush();
        total += size;
        QCOMPARE(model.rowCount(), qMin(total, cap));
    }

    int removedRows = 0;
    for (const QList<QVariant> &args : std::as_const(removed)) {
        QCOMPARE(args.at(1).toInt(), 0); // always the oldest rows
        removedRows += args.at(2).toInt() - args.at(1).toInt() + 1;
    }
    QCOMPARE(removedRows, removedInTotal);
    QCOMPARE(model.droppedCount(), qint64(dropped));
    QCOMPARE(model.totalAppended(), qint64(total));
    QVERIFY(countsAreExact(model));
    QCOMPARE(cell(model, 0, EventLogModel::IdColumn), QString::number(firstId));
    QCOMPARE(cell(model, model.rowCount() - 1, EventLogModel::IdColumn), QString::number(next - 1));
    QCOMPARE(filter.rowCount(), model.rowCount());
}

void TestEventLogModel::batchLargerThanTheCap()
{
    EventLogModel model;
    model.setMaximumRows(100);
    model.appendEvents(1, makeEvents(0, 10));
    model.appendEvents(2, makeEvents(10, 1000));
    QCOMPARE(model.pendingCount(), 100);
    QCOMPARE(model.droppedCount(), 910);
    model.flush();
    QCOMPARE(ids(model).first(), QStringLiteral("910"));
    QCOMPARE(ids(model).last(), QStringLiteral("1009"));

    // Each stream takes its own share of the counts with it.
    model.removeStream(2);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.totalAppended(), 10);
    QCOMPARE(model.droppedCount(), 10);
    QVERIFY(countsAreExact(model));
}

void TestEventLogModel::loweredCapDropsOldest()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.maximumRows(), EventLogModel::DefaultMaximumRows);
    model.appendEvents(1, makeEvents(0, 100));
    model.flush();
    QCOMPARE(model.rowCount(), 100);

    model.setMaximumRows(30);
    QCOMPARE(model.rowCount(), 30);
    QCOMPARE(model.droppedCount(), 70);
    QCOMPARE(cell(model, 0, EventLogModel::IdColumn), QStringLiteral("70"));
    QCOMPARE(cell(model, 29, EventLogModel::IdColumn), QStringLiteral("99"));

    // Pending rows beyond a lowered cap are dropped before they are shown, and counted.
    model.appendEvents(1, makeEvents(100, 20));
    model.setMaximumRows(10);
    QCOMPARE(model.pendingCount(), 10);
    QCOMPARE(model.rowCount(), 10);
    QVERIFY(countsAreExact(model));
    model.flush();
    QCOMPARE(ids(model).first(), QStringLiteral("110"));
    QCOMPARE(model.droppedCount(), 110);
}

void TestEventLogModel::capCountsConnectionRows()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMaximumRows(4);
    model.appendConnectionEvent(1, makeConnection(Kind::Opened, {}, 1));
    model.appendEvents(1, makeEvents(0, 2));
    model.appendConnectionEvent(1, makeConnection(Kind::Lost, QStringLiteral("HTTP 503"), 1));
    model.flush();
    QCOMPARE(model.rowCount(), 4);
    model.appendConnectionEvent(1, makeConnection(Kind::Opened, {}, 2));
    model.appendEvents(1, makeEvents(2, 1));
    model.flush();
    // The first Opened and event 0 fell out: two rows, whatever their kind.
    QCOMPARE(model.droppedCount(), 2);
    QCOMPARE(model.totalAppended(), 6);
    QCOMPARE(cell(model, 0, EventLogModel::IdColumn), QStringLiteral("1"));
    QCOMPARE(cell(model, 1, EventLogModel::DataColumn), QStringLiteral("Connection lost \u2014 HTTP 503"));
}

void TestEventLogModel::columns()
{
    EventLogModel model;
    CapturedEvent captured = makeEvent(42, QStringLiteral("tick"));
    captured.event.data = QStringLiteral("{\"count\": 42}\nsecond line");
    captured.receivedAt = QDateTime(QDate(2026, 11, 23), QTime(19, 0, 0, 123));
    model.appendEvents(7, {captured});
    model.flush();

    QCOMPARE(model.columnCount(), int(EventLogModel::ColumnCount));
    QCOMPARE(cell(model, 0, EventLogModel::TimeColumn), QStringLiteral("19:00:00.123"));
    // No name given yet: the URL stands for it.
    QCOMPARE(cell(model, 0, EventLogModel::StreamColumn), UrlA);
    QCOMPARE(cell(model, 0, EventLogModel::TypeColumn), QStringLiteral("tick"));
    QCOMPARE(cell(model, 0, EventLogModel::IdColumn), QStringLiteral("42"));
    QCOMPARE(cell(model, 0, EventLogModel::DataColumn),
             QStringLiteral("{\"count\": 42} \u23CE second line"));
    QVERIFY(cell(model, 0, EventLogModel::DataColumn, Qt::ToolTipRole).contains(u"second line"));
    QCOMPARE(model.headerData(EventLogModel::DataColumn, Qt::Horizontal).toString(), QStringLiteral("Data"));
    QCOMPARE(model.headerData(EventLogModel::StreamColumn, Qt::Horizontal).toString(), QStringLiteral("Stream"));
    // Events carry no connection colour.
    QVERIFY(!model.index(0, EventLogModel::DataColumn).data(Qt::ForegroundRole).isValid());
}

void TestEventLogModel::preview_data()
{
    QTest::addColumn<QString>("data");
    QTest::addColumn<int>("maximumLength");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << QStringLiteral("hello") << 200 << QStringLiteral("hello");
    QTest::newRow("empty") << QString() << 200 << QString();
    QTest::newRow("line breaks") << QStringLiteral("a\nb\nc") << 200 << QStringLiteral("a \u23CE b \u23CE c");
    QTest::newRow("tab and CR") << QStringLiteral("a\tb\rc") << 200 << QStringLiteral("a b c");
    QTest::newRow("NUL") << QStringLiteral("a") + QChar(0) + QStringLiteral("b") << 200 << QStringLiteral("a b");
    QTest::newRow("cut") << QStringLiteral("0123456789") << 4 << QStringLiteral("0123\u2026");
    QTest::newRow("exactly the length") << QStringLiteral("0123") << 4 << QStringLiteral("0123");
}

void TestEventLogModel::preview()
{
    QFETCH(QString, data);
    QFETCH(int, maximumLength);
    QFETCH(QString, expected);
    QCOMPARE(EventLogModel::preview(data, maximumLength), expected);
}

void TestEventLogModel::namesByIdAndRename()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Two streams at the same URL: the id tells them apart, not the URL.
    model.setStreamName(1, QStringLiteral("first"));
    model.setStreamName(2, QStringLiteral("second"));
    model.appendEvents(1, makeEvents(0, 2));
    model.appendEvents(2, makeEvents(2, 2));
    model.appendEvents(1, makeEvents(4, 1));
    model.appendEvents(3, makeEvents(5, 1));
    model.flush();
    QCOMPARE(cell(model, 0, EventLogModel::StreamColumn), QStringLiteral("first"));
    QCOMPARE(cell(model, 2, EventLogModel::StreamColumn), QStringLiteral("second"));
    QCOMPARE(cell(model, 2, EventLogModel::StreamColumn, EventLogModel::StreamRole), QStringLiteral("second"));
    QCOMPARE(cell(model, 2, EventLogModel::StreamColumn, Qt::ToolTipRole), UrlA);
    QCOMPARE(cell(model, 5, EventLogModel::StreamColumn), UrlA);
    QCOMPARE(model.index(2, 0).data(EventLogModel::StreamIdRole).toULongLong(), quint64(2));
    QCOMPARE(model.streamName(1), QStringLiteral("first"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setStreamName(1, QStringLiteral("renamed"));
    QCOMPARE(changed.count(), 1);
    // From the stream's first row to its last, in the Stream column only.
    QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(0, EventLogModel::StreamColumn));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), model.index(4, EventLogModel::StreamColumn));
    QCOMPARE(inserted.count() + removed.count() + reset.count(), 0);
    QCOMPARE(cell(model, 0, EventLogModel::StreamColumn), QStringLiteral("renamed"));
    QCOMPARE(cell(model, 4, EventLogModel::StreamColumn), QStringLiteral("renamed"));
    QCOMPARE(cell(model, 2, EventLogModel::StreamColumn), QStringLiteral("second"));

    // The same name again, or a stream without rows: nothing to tell.
    model.setStreamName(1, QStringLiteral("renamed"));
    model.setStreamName(9, QStringLiteral("no rows"));
    QCOMPARE(changed.count(), 1);
    // Rows that arrive later carry the name too.
    model.appendEvents(9, makeEvents(6, 1));
    model.flush();
    QCOMPARE(cell(model, 6, EventLogModel::StreamColumn), QStringLiteral("no rows"));
}

void TestEventLogModel::removeStream_data()
{
    QTest::addColumn<int>("interleave"); // rows of stream 2 after every `interleave` rows of 1
    QTest::addColumn<int>("cap");

    QTest::newRow("one run") << 0 << 1000;
    QTest::newRow("a few runs") << 20 << 1000;
    QTest::newRow("many runs") << 1 << 1000;
    QTest::newRow("many runs, some dropped") << 1 << 150;
}

void TestEventLogModel::removeStream()
{
    QFETCH(int, interleave);
    QFETCH(int, cap);

    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    EventLogFilterModel filter;
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSourceModel(&model);
    model.setMaximumRows(cap);
    model.setStreamName(1, QStringLiteral("kept"));
    model.setStreamName(2, QStringLiteral("removed"));

    int id = 0;
    int keptAppended = 0;
    for (int i = 0; i < 100; ++i) {
        model.appendEvents(1, {makeEvent(id++)});
        ++keptAppended;
        if (interleave > 0 && i % interleave == 0)
            model.appendEvents(2, {makeEvent(id++)});
    }
    if (interleave == 0)
        model.appendEvents(2, makeEvents(id, 50));
    model.appendConnectionEvent(1, makeConnection(Kind::Lost, QStringLiteral("x"), 1));
    ++keptAppended;
    model.flush();
    // Pending rows of both.
    model.appendEvents(2, makeEvents(1000, 5));
    model.appendEvents(1, makeEvents(2000, 5));
    keptAppended += 5;
    QVERIFY(countsAreExact(model));

    const int keptHeld = [&] {
        int n = 0;
        for (int row = 0; row < model.rowCount(); ++row)
            n += model.index(row, 0).data(EventLogModel::StreamIdRole).toULongLong() == 1;
        return n;
    }();
    const qint64 keptDropped = keptAppended - 5 - keptHeld;

    model.removeStream(2);
    QCOMPARE(model.pendingCount(), 5);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.index(row, 0).data(EventLogModel::StreamIdRole).toULongLong(), quint64(1));
    QCOMPARE(model.rowCount(), keptHeld);
    QCOMPARE(filter.rowCount(), keptHeld);
    QCOMPARE(model.totalAppended(), qint64(keptAppended));
    QCOMPARE(model.droppedCount(), keptDropped);
    QVERIFY(countsAreExact(model));
    QCOMPARE(model.streamName(2), QString());

    model.flush();
    QCOMPARE(model.rowCount(), qMin(keptHeld + 5, cap));
    QVERIFY(countsAreExact(model));
    QCOMPARE(cell(model, model.rowCount() - 1, EventLogModel::IdColumn), QStringLiteral("2004"));

    // Removing the last stream leaves nothing counted.
    model.removeStream(1);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.totalAppended(), 0);
    QCOMPARE(model.droppedCount(), 0);
}

void TestEventLogModel::removeStreamKeepsOtherPersistentIndexes()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int i = 0; i < 60; ++i)
        model.appendEvents(quint64(1 + i % 2), {makeEvent(i)});
    model.flush();
    const QPersistentModelIndex kept = model.index(41, EventLogModel::IdColumn);   // stream 2
    const QPersistentModelIndex gone = model.index(40, EventLogModel::IdColumn);   // stream 1
    QCOMPARE(kept.data().toString(), QStringLiteral("41"));

    model.removeStream(1);
    QVERIFY(kept.isValid());
    QCOMPARE(kept.row(), 20);
    QCOMPARE(kept.data().toString(), QStringLiteral("41"));
    QVERIFY(!gone.isValid());
}

void TestEventLogModel::clearZeroesCounts()
{
    EventLogModel model;
    model.setMaximumRows(10);
    model.setStreamName(1, QStringLiteral("s"));
    model.appendEvents(1, makeEvents(0, 30));
    model.flush();
    model.appendEvents(1, makeEvents(30, 3));
    QCOMPARE(model.droppedCount(), 20); // the 3 oldest held rows go at the next flush
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.clear();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.pendingCount(), 0);
    QCOMPARE(model.droppedCount(), 0);
    QCOMPARE(model.totalAppended(), 0);
    // Names belong to the streams, which are still there.
    model.appendEvents(1, makeEvents(40, 1));
    model.flush();
    QCOMPARE(cell(model, 0, EventLogModel::StreamColumn), QStringLiteral("s"));
    QCOMPARE(model.totalAppended(), 1);
}

void TestEventLogModel::roles()
{
    EventLogModel model;
    CapturedEvent captured = makeEvent(7, QStringLiteral("update"));
    captured.event.data = QString(300, u'a');
    captured.connection = 3;
    model.setStreamName(11, QStringLiteral("eleven"));
    model.appendEvents(11, {captured});
    model.flush();

    const QModelIndex index = model.index(0, EventLogModel::TimeColumn);
    QCOMPARE(index.data(EventLogModel::StreamRole).toString(), QStringLiteral("eleven"));
    QCOMPARE(index.data(EventLogModel::StreamIdRole).toULongLong(), quint64(11));
    QCOMPARE(index.data(EventLogModel::UrlRole).toString(), UrlA);
    QCOMPARE(index.data(EventLogModel::TypeRole).toString(), QStringLiteral("update"));
    QCOMPARE(index.data(EventLogModel::IdRole).toString(), QStringLiteral("7"));
    QCOMPARE(index.data(EventLogModel::FullDataRole).toString(), captured.event.data);
    QCOMPARE(index.data(EventLogModel::ReceivedAtRole).toDateTime(), captured.receivedAt);
    QCOMPARE(index.data(EventLogModel::ConnectionRole).toInt(), 3);
    QCOMPARE(index.data(EventLogModel::KindRole).toInt(), int(EventLogModel::RowKind::Event));
    QVERIFY(!index.data(EventLogModel::ConnectionKindRole).isValid());
    QCOMPARE(index.data(EventLogModel::ReasonRole).toString(), QString());
    QVERIFY(cell(model, 0, EventLogModel::DataColumn).size() < captured.event.data.size());
}

QTEST_GUILESS_MAIN(TestEventLogModel)

#include "tst_eventlogmodel.moc"
