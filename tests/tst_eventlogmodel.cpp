#include "DisplayTime.h"
#include "EventLogFilterModel.h"
#include "EventLogModel.h"
#include "StreamNotice.h"
#include "TimeZoneScope.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Kind = ConnectionEvent::Kind;

namespace {

const QString UrlA = QStringLiteral("http://127.0.0.1:8080/a");

CapturedEvent makeEvent(int id, const QString &type = QStringLiteral("message"),
                        const QString &url = UrlA)
{
    CapturedEvent captured;
    captured.url = url;
    captured.event.type = type;
    captured.event.lastEventId = QString::number(id);
    captured.event.data = QStringLiteral("{\"count\": %1}").arg(id);
    captured.receivedAt = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000 + id, Qt::UTC);
    captured.connection = 1;
    return captured;
}

QList<CapturedEvent> makeEvents(int from, int count)
{
    QList<CapturedEvent> events;
    for (int id = from; id < from + count; ++id)
        events.append(makeEvent(id));
    return events;
}

ConnectionEvent makeConnection(Kind kind, const QString &reason = {}, int connection = 0,
                               int attempt = 0, int delayMs = 0)
{
    ConnectionEvent event;
    event.kind = kind;
    event.timeMs = 1'700'000'000'000;
    event.reason = reason;
    event.connection = connection;
    event.attempt = attempt;
    event.delayMs = delayMs;
    return event;
}

QString cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

QStringList ids(const QAbstractItemModel &model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list.append(cell(model, row, EventLogModel::IdColumn));
    return list;
}

// The counts agree with the rows, whatever happened before.
bool countsAreExact(const EventLogModel &model)
{
    return model.totalAppended() == model.rowCount() + model.pendingCount() + model.droppedCount();
}

} // namespace

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
    void connectionText_data();
    void connectionText();
    void secondsInTheUsersLocale();
    void connectionRows_data();
    void connectionRows();
    void namesByIdAndRename();
    void removeStream_data();
    void removeStream();
    void removeStreamKeepsOtherPersistentIndexes();
    void clearZeroesCounts();
    void roles();
    void timesFollowTheDisplayZone();
    void alertRows_data();
    void alertRows();
    void alertRowsShareTheCap();
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

void TestEventLogModel::connectionText_data()
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

void TestEventLogModel::connectionText()
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

void TestEventLogModel::secondsInTheUsersLocale()
{
    const QLocale saved;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const QString text = EventLogModel::connectionText(makeConnection(Kind::ReconnectScheduled, {}, 1, 3, 2500));
    QLocale::setDefault(saved);
    QCOMPARE(text, QStringLiteral("Reconnecting in 2,5 s (attempt 3)"));
}

void TestEventLogModel::connectionRows_data()
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

void TestEventLogModel::connectionRows()
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

void TestEventLogModel::timesFollowTheDisplayZone()
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

void TestEventLogModel::alertRows_data()
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

void TestEventLogModel::alertRows()
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

void TestEventLogModel::alertRowsShareTheCap()
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

QTEST_GUILESS_MAIN(TestEventLogModel)

#include "tst_eventlogmodel.moc"
