#include "EventSource.h"
#include "ScriptedServer.h"
#include "StreamListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <limits>

namespace {

constexpr int NetworkTimeoutMs = 20000;

SseEvent makeEvent(const QString &id)
{
    SseEvent event;
    event.lastEventId = id;
    event.data = QStringLiteral("{}");
    return event;
}

QString cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

EventSourceOptions optionsFor(const QString &url)
{
    EventSourceOptions options;
    options.url = QUrl(url);
    return options;
}

// True when one of the dataChanged signals in `spy` covers `column`.
bool touched(const QSignalSpy &spy, int column)
{
    for (const QList<QVariant> &args : spy) {
        const auto first = args.at(0).value<QModelIndex>();
        const auto last = args.at(1).value<QModelIndex>();
        if (first.column() <= column && column <= last.column())
            return true;
    }
    return false;
}

} // namespace

class TestStreamListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void columnsAndNames();
    void ratesOverTheWindow();
    void ratesRampUpAndDecay();
    void refreshRepaintsOnlyChanges();
    void gaps_data();
    void gaps();
    void ages_data();
    void ages();
    void ageColumnFollowsTheClock();
    void stateTexts_data();
    void stateTexts();
    void reconnectHistoryIsBounded();
    void replaceSourceKeepsTheRow();
    void networkGapsAndReconnectHistory();
};

void TestStreamListModel::columnsAndNames()
{
    StreamListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), 10);
    for (int column = 0; column < model.columnCount(); ++column)
        QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());

    EventSource plain(optionsFor(QStringLiteral("http://127.0.0.1:8080/v1/events?x=1")));
    EventSource named(optionsFor(QStringLiteral("https://example.org/feed")));
    model.addSource(&plain);
    model.addSource(&named, QStringLiteral("Prices"));
    QCOMPARE(cell(model, 0, StreamListModel::NameColumn), QStringLiteral("127.0.0.1:8080/v1/events?x=1"));
    QCOMPARE(cell(model, 1, StreamListModel::NameColumn), QStringLiteral("Prices"));
    QCOMPARE(cell(model, 1, StreamListModel::UrlColumn), QStringLiteral("https://example.org/feed"));
    QCOMPARE(StreamListModel::defaultName(QUrl(QStringLiteral("https://example.org/feed"))),
             QStringLiteral("example.org/feed"));
    QCOMPARE(StreamListModel::defaultName(QUrl(QStringLiteral("http://127.0.0.1:8080/events?stream=2"))),
             QStringLiteral("127.0.0.1:8080/events?stream=2"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setName(1, QStringLiteral("Quotes"));
    QCOMPARE(model.name(1), QStringLiteral("Quotes"));
    QCOMPARE(changed.count(), 1);
    QVERIFY(touched(changed, StreamListModel::NameColumn));
    model.setName(1, QString());
    QCOMPARE(model.name(1), QStringLiteral("example.org/feed"));
}

void TestStreamListModel::ratesOverTheWindow()
{
    qint64 now = 0;
    StreamListModel model;
    model.setClock([&now] { return now; });
    EventSource source(optionsFor(QStringLiteral("http://127.0.0.1:9/events")));
    model.addSource(&source);

    // 5 events and 100 bytes in every bucket, for longer than the window.
    for (int bucket = 1; bucket <= 12; ++bucket) {
        now = bucket * StreamListModel::RateBucketMs + 10;
        for (int i = 0; i < 5; ++i)
            Q_EMIT source.eventReceived(makeEvent(QString::number(bucket * 5 + i)));
        Q_EMIT source.bytesArrived(100);
    }
    now = 13 * StreamListModel::RateBucketMs + 10;
    model.refresh();

    const double windowSeconds = StreamListModel::RateBuckets * StreamListModel::RateBucketMs / 1000.0;
    QCOMPARE(model.eventRate(0), 5 * StreamListModel::RateBuckets / windowSeconds);
    QCOMPARE(model.byteRate(0), 100 * StreamListModel::RateBuckets / windowSeconds);
    QCOMPARE(cell(model, 0, StreamListModel::EventRateColumn), QLocale().toString(20));
    QCOMPARE(cell(model, 0, StreamListModel::ByteRateColumn),
             QLocale().formattedDataSize(400, 1) + QStringLiteral("/s"));
    QCOMPARE(cell(model, 0, StreamListModel::EventsColumn), QStringLiteral("60"));
}

void TestStreamListModel::ratesRampUpAndDecay()
{
    qint64 now = 0;
    StreamListModel model;
    model.setClock([&now] { return now; });
    EventSource source(optionsFor(QStringLiteral("http://127.0.0.1:9/events")));
    model.addSource(&source);

    now = StreamListModel::RateBucketMs + 10;
    for (int i = 0; i < 5; ++i)
        Q_EMIT source.eventReceived(makeEvent(QString::number(i)));
    model.refresh();
    QCOMPARE(model.eventRate(0), 0.0); // the bucket under way does not count yet

    // A stream younger than the window is measured over its own age.
    now = 2 * StreamListModel::RateBucketMs + 10;
    model.refresh();
    QCOMPARE(model.eventRate(0), 5 * 1000.0 / StreamListModel::RateBucketMs);
    QCOMPARE(cell(model, 0, StreamListModel::EventRateColumn), QLocale().toString(20));

    // Quiet for a whole window: back to zero.
    now += (StreamListModel::RateBuckets + 1) * StreamListModel::RateBucketMs;
    model.refresh();
    QCOMPARE(model.eventRate(0), 0.0);
    QCOMPARE(model.byteRate(0), 0.0);
    QCOMPARE(cell(model, 0, StreamListModel::EventRateColumn), QLocale().toString(0.0, 'f', 1));
}

void TestStreamListModel::refreshRepaintsOnlyChanges()
{
    qint64 now = 1000;
    StreamListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClock([&now] { return now; });
    EventSource source(optionsFor(QStringLiteral("http://127.0.0.1:9/events")));
    model.addSource(&source);

    now += StreamListModel::RateBucketMs; // the first whole bucket
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    for (int i = 0; i < 100; ++i)
        Q_EMIT source.eventReceived(makeEvent(QString::number(i)));
    QCOMPARE(changed.count(), 0);
    model.refresh();
    QCOMPARE(changed.count(), 1);
    QVERIFY(touched(changed, StreamListModel::EventsColumn));
    QVERIFY(touched(changed, StreamListModel::AgeColumn));

    // The clock stands still: nothing to repaint.
    changed.clear();
    model.refresh();
    QCOMPARE(changed.count(), 0);

    now += 2 * StreamListModel::RateBucketMs;
    model.refresh();
    QCOMPARE(changed.count(), 1);
    QVERIFY(touched(changed, StreamListModel::EventRateColumn));
    QVERIFY(!touched(changed, StreamListModel::NameColumn));
}

void TestStreamListModel::gaps_data()
{
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("consecutive") << QStringList{"1", "2", "3"} << qint64(0);
    QTest::newRow("one hole") << QStringList{"1", "2", "5"} << qint64(2);
    QTest::newRow("two holes") << QStringList{"1", "5", "9"} << qint64(6);
    QTest::newRow("first event") << QStringList{"7"} << qint64(0);
    QTest::newRow("not integers") << QStringList{"a", "b", "c"} << qint64(0);
    QTest::newRow("integer after text") << QStringList{"1", "x", "5"} << qint64(0);
    QTest::newRow("fraction") << QStringList{"1", "2.5", "4"} << qint64(0);
    QTest::newRow("reset") << QStringList{"100", "1", "2", "5"} << qint64(2);
    QTest::newRow("repeated id") << QStringList{"3", "3", "4"} << qint64(0);
    QTest::newRow("empty id") << QStringList{"3", "", "5"} << qint64(0);
    QTest::newRow("negative") << QStringList{"-3", "-1"} << qint64(1);
    QTest::newRow("huge jump is capped")
        << QStringList{QString::number(std::numeric_limits<qint64>::min()),
                       QString::number(std::numeric_limits<qint64>::max())}
        << std::numeric_limits<qint64>::max();
}

void TestStreamListModel::gaps()
{
    QFETCH(QStringList, ids);
    QFETCH(qint64, expected);

    StreamListModel model;
    EventSource source(optionsFor(QStringLiteral("http://127.0.0.1:9/events")));
    model.addSource(&source);
    for (const QString &id : std::as_const(ids))
        Q_EMIT source.eventReceived(makeEvent(id));
    model.refresh();
    QCOMPARE(model.gapCount(0), expected);
    QCOMPARE(cell(model, 0, StreamListModel::GapsColumn), QLocale().toString(expected));
}

void TestStreamListModel::ages_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("expected");

    QTest::newRow("never") << qint64(-1) << QString();
    QTest::newRow("just now") << qint64(0) << QStringLiteral("0 s");
    QTest::newRow("under a second") << qint64(999) << QStringLiteral("0 s");
    QTest::newRow("seconds") << qint64(59999) << QStringLiteral("59 s");
    QTest::newRow("minutes") << qint64(125000) << QStringLiteral("2 min 5 s");
    QTest::newRow("hours") << qint64(3 * 3600000 + 7 * 60000) << QStringLiteral("3 h 7 min");
}

void TestStreamListModel::ages()
{
    QFETCH(qint64, ms);
    QFETCH(QString, expected);
    QCOMPARE(StreamListModel::ageText(ms), expected);
}

void TestStreamListModel::ageColumnFollowsTheClock()
{
    qint64 now = 500;
    StreamListModel model;
    model.setClock([&now] { return now; });
    EventSource source(optionsFor(QStringLiteral("http://127.0.0.1:9/events")));
    model.addSource(&source);
    QCOMPARE(cell(model, 0, StreamListModel::AgeColumn), QString());

    now = 1000;
    Q_EMIT source.eventReceived(makeEvent(QStringLiteral("1")));
    QCOMPARE(cell(model, 0, StreamListModel::AgeColumn), QStringLiteral("0 s"));
    now = 4500;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.refresh();
    QCOMPARE(cell(model, 0, StreamListModel::AgeColumn), QStringLiteral("3 s"));
    QVERIFY(touched(changed, StreamListModel::AgeColumn));
}

void TestStreamListModel::stateTexts_data()
{
    using Drive = std::function<void(EventSource &)>;
    using Status = StreamListModel::Status;
    QTest::addColumn<Drive>("drive");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("text");     // empty: a countdown, checked by its start
    QTest::addColumn<QString>("toolTip");  // its first line

    QTest::newRow("connecting") << Drive([](EventSource &s) {
        Q_EMIT s.readyStateChanged(EventSource::ReadyState::Connecting,
                                   QStringLiteral("Connecting to http://127.0.0.1:9/events"));
    }) << int(Status::Connecting) << QStringLiteral("Connecting")
       << QStringLiteral("Connecting to http://127.0.0.1:9/events");
    QTest::newRow("opened") << Drive([](EventSource &s) { Q_EMIT s.opened(); }) << int(Status::Open)
                            << QStringLiteral("Open") << QStringLiteral("Open");
    QTest::newRow("reconnect scheduled") << Drive([](EventSource &s) {
        Q_EMIT s.reconnectScheduled(3, 600000, QStringLiteral("HTTP 503"));
    }) << int(Status::Reconnecting) << QString() << QStringLiteral("HTTP 503");
    QTest::newRow("failed") << Drive([](EventSource &s) {
        Q_EMIT s.failed(QStringLiteral("Content-Type text/html"));
        Q_EMIT s.readyStateChanged(EventSource::ReadyState::Closed, QString());
    }) << int(Status::Failed) << QStringLiteral("Failed: Content-Type text/html")
       << QStringLiteral("Content-Type text/html");
    QTest::newRow("ended by server") << Drive([](EventSource &s) {
        Q_EMIT s.closedByServer(QStringLiteral("204"));
        Q_EMIT s.readyStateChanged(EventSource::ReadyState::Closed, QString());
    }) << int(Status::Ended) << QStringLiteral("Ended by server (204)") << QStringLiteral("204");
    QTest::newRow("closed") << Drive([](EventSource &s) {
        Q_EMIT s.readyStateChanged(EventSource::ReadyState::Closed, QString());
    }) << int(Status::Closed) << QStringLiteral("Closed") << QStringLiteral("Closed");
    QTest::newRow("connecting again after failing") << Drive([](EventSource &s) {
        Q_EMIT s.failed(QStringLiteral("HTTP 404"));
        Q_EMIT s.readyStateChanged(EventSource::ReadyState::Connecting, QString());
    }) << int(Status::Connecting) << QStringLiteral("Connecting") << QStringLiteral("Connecting");
    QTest::newRow("open after reconnecting") << Drive([](EventSource &s) {
        Q_EMIT s.reconnectScheduled(1, 10, QStringLiteral("connection refused"));
        Q_EMIT s.readyStateChanged(EventSource::ReadyState::Open, QString());
    }) << int(Status::Open) << QStringLiteral("Open") << QStringLiteral("Open");
}

void TestStreamListModel::stateTexts()
{
    using Drive = std::function<void(EventSource &)>;
    QFETCH(Drive, drive);
    QFETCH(int, status);
    QFETCH(QString, text);
    QFETCH(QString, toolTip);

    StreamListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    EventSource source(optionsFor(QStringLiteral("http://127.0.0.1:9/events")));
    model.addSource(&source);
    drive(source);

    const QModelIndex state = model.index(0, StreamListModel::StateColumn);
    QCOMPARE(model.data(state, StreamListModel::StatusRole).toInt(), status);
    const QString shown = model.data(state).toString();
    if (text.isEmpty())
        QVERIFY2(shown.startsWith(u"Reconnecting in ") && shown.endsWith(u"(attempt 3 \u2014 HTTP 503)"),
                 qPrintable(shown));
    else
        QCOMPARE(shown, text);
    QCOMPARE(model.data(state, Qt::ToolTipRole).toString().section(u'\n', 0, 0), toolTip);
    QCOMPARE(model.data(state, StreamListModel::StatusColorRole).value<QColor>(),
             StreamListModel::statusColor(StreamListModel::Status(status)));
}

void TestStreamListModel::reconnectHistoryIsBounded()
{
    StreamListModel model;
    EventSource source(optionsFor(QStringLiteral("http://127.0.0.1:9/events")));
    model.addSource(&source);
    const QModelIndex state = model.index(0, StreamListModel::StateColumn);
    QCOMPARE(model.data(state, Qt::ToolTipRole).toString(), QStringLiteral("Closed")); // never opened

    const int total = StreamListModel::MaxReconnectHistory + 5;
    for (int attempt = 1; attempt <= total; ++attempt)
        Q_EMIT source.reconnectScheduled(attempt, attempt * 1000, QStringLiteral("HTTP 50%1").arg(attempt % 10));

    QCOMPARE(model.reconnectCount(0), total);
    QCOMPARE(cell(model, 0, StreamListModel::ReconnectsColumn), QString::number(total));
    const QList<StreamListModel::Reconnection> history = model.reconnectHistory(0);
    QCOMPARE(history.size(), StreamListModel::MaxReconnectHistory);
    QCOMPARE(history.first().attempt, total - StreamListModel::MaxReconnectHistory + 1);
    QCOMPARE(history.last().attempt, total);
    QCOMPARE(history.last().delayMs, total * 1000);
    QCOMPARE(history.last().reason, QStringLiteral("HTTP 505"));
    QVERIFY(history.last().time.isValid());

    const QString toolTip = model.data(state, Qt::ToolTipRole).toString();
    QCOMPARE(toolTip.section(u'\n', 0, 0), QStringLiteral("HTTP 505"));
    QCOMPARE(toolTip.count(u"attempt "), StreamListModel::MaxReconnectHistory);
    QVERIFY2(toolTip.contains(u"attempt 15, after 15.0 s \u2014 HTTP 505"), qPrintable(toolTip));
    QVERIFY2(!toolTip.contains(u"attempt 5,"), qPrintable(toolTip));
    // Newest first.
    QVERIFY(toolTip.indexOf(u"attempt 15,") < toolTip.indexOf(u"attempt 6,"));
}

void TestStreamListModel::replaceSourceKeepsTheRow()
{
    StreamListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *old = new EventSource(optionsFor(QStringLiteral("http://127.0.0.1:9/a")));
    EventSource other(optionsFor(QStringLiteral("http://127.0.0.1:9/b")));
    model.addSource(old, QStringLiteral("A"));
    model.addSource(&other);
    Q_EMIT old->eventReceived(makeEvent(QStringLiteral("1")));
    Q_EMIT old->eventReceived(makeEvent(QStringLiteral("4")));
    Q_EMIT old->reconnectScheduled(1, 1000, QStringLiteral("HTTP 503"));
    model.refresh();
    QCOMPARE(model.gapCount(0), 2);

    EventSource replacement(optionsFor(QStringLiteral("http://127.0.0.1:9/c")));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.replaceSource(old, &replacement, QStringLiteral("C"));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.source(0), &replacement);
    QCOMPARE(model.rowOf(old), -1);
    QCOMPARE(cell(model, 0, StreamListModel::NameColumn), QStringLiteral("C"));
    QCOMPARE(cell(model, 0, StreamListModel::UrlColumn), QStringLiteral("http://127.0.0.1:9/c"));
    QCOMPARE(cell(model, 0, StreamListModel::EventsColumn), QStringLiteral("0"));
    QCOMPARE(model.gapCount(0), 0);
    QCOMPARE(model.reconnectCount(0), 0);
    QVERIFY(model.reconnectHistory(0).isEmpty());
    QCOMPARE(model.status(0), StreamListModel::Status::Closed); // not opened yet

    // The old source is no longer observed, not even its destruction.
    Q_EMIT old->eventReceived(makeEvent(QStringLiteral("9")));
    delete old;
    QCOMPARE(removed.count(), 0);
    Q_EMIT replacement.eventReceived(makeEvent(QStringLiteral("1")));
    model.refresh();
    QCOMPARE(cell(model, 0, StreamListModel::EventsColumn), QStringLiteral("1"));
    QCOMPARE(model.totalEventCount(), 1);
}

void TestStreamListModel::networkGapsAndReconnectHistory()
{
    using Response = ScriptedServer::Response;
    ScriptedServer server;
    QVERIFY(server.start());
    server.script(QStringLiteral("/events"), {
        Response::status(503),
        Response::events().send("id: 1\ndata: a\n\nid: 2\ndata: b\n\nid: 6\ndata: c\n\n").stall(),
    });

    EventSourceOptions options = optionsFor(server.url().toString());
    options.reconnectionTimeMs = 10;
    options.jitter = false;
    EventSource source(options);
    StreamListModel model;
    model.addSource(&source);
    source.open();

    QTRY_COMPARE_WITH_TIMEOUT(model.totalEventCount(), 3, NetworkTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(cell(model, 0, StreamListModel::StateColumn), QStringLiteral("Open"),
                              NetworkTimeoutMs);
    QCOMPARE(model.gapCount(0), 3);
    QTRY_COMPARE_WITH_TIMEOUT(cell(model, 0, StreamListModel::LastEventIdColumn), QStringLiteral("6"),
                              NetworkTimeoutMs);
    QCOMPARE(model.reconnectCount(0), 1);
    const QList<StreamListModel::Reconnection> history = model.reconnectHistory(0);
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().attempt, 1);
    QVERIFY2(history.first().reason.contains(u"503"), qPrintable(history.first().reason));
    const QString toolTip = cell(model, 0, StreamListModel::StateColumn, Qt::ToolTipRole);
    QVERIFY2(toolTip.contains(u"attempt 1") && toolTip.contains(u"503"), qPrintable(toolTip));
    source.close();
}

QTEST_MAIN(TestStreamListModel)
#include "tst_streamlistmodel.moc"
