#include "ChartArea.h"
#include "DemoStream.h"
#include "EventDetailView.h"
#include "EventLogFilterModel.h"
#include "EventLogModel.h"
#include "EventSource.h"
#include "FieldPicker.h"
#include "MainWindow.h"
#include "SseServer.h"
#include "StreamListModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSpinBox>
#include <QStandardPaths>
#include <QPointer>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <functional>

namespace {

constexpr int NetworkTimeoutMs = 20000;

SseEvent makeEvent(int id, const QString &data = QStringLiteral("{}"))
{
    SseEvent event;
    event.lastEventId = QString::number(id);
    event.data = data;
    return event;
}

QString cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void eventLogBatchesInsertions();
    void eventLogKeepsTheNewestRows_data();
    void eventLogKeepsTheNewestRows();
    void eventLogLoweredCapDropsOldest();
    void eventLogColumns();
    void eventLogPreview_data();
    void eventLogPreview();

    void streamStateTexts_data();
    void streamStateTexts();
    void reconnectingCountsDown();
    void streamCountersAndDestroyedSource();
    void reconnectingText_data();
    void reconnectingText();

    void streamUrlFromUserInput_data();
    void streamUrlFromUserInput();

    void windowShowsHintWithoutStreams();
    void demoStreamReachesOpenAndFillsLog();
    void followsTheTailUnlessScrolledUp();
    void missingPathFails();
    void streamActions();

    void shortcuts();
    void everyActionHasAToolTip();
    void docksAndViewMenu();
    void spaceTypesInTextFieldsAndPausesElsewhere();
    void ctrlFFocusesTheSearch();
    void logFiltersAndDetail();
    void logCapAndDroppedCount();
};

void TestMainWindow::initTestCase()
{
    // The window reads and writes settings: keep them away from the user's.
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::eventLogBatchesInsertions()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    for (int i = 0; i < 500; ++i)
        model.append(QStringLiteral("s"), makeEvent(i));
    // Nothing reaches the model before the display tick.
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.pendingCount(), 500);

    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 500, 10000);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 499);
    QCOMPARE(model.pendingCount(), 0);

    for (int i = 500; i < 600; ++i)
        model.append(QStringLiteral("s"), makeEvent(i));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 600, 10000);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 500);
    QCOMPARE(inserted.at(1).at(2).toInt(), 599);
    QCOMPARE(cell(model, 599, EventLogModel::IdColumn), QStringLiteral("599"));
}

void TestMainWindow::eventLogKeepsTheNewestRows_data()
{
    QTest::addColumn<int>("cap");
    QTest::addColumn<QList<int>>("batches");
    QTest::addColumn<int>("firstId");
    QTest::addColumn<int>("removedInTotal");

    QTest::newRow("under the cap") << 50 << QList<int>{20, 20} << 0 << 0;
    QTest::newRow("exactly the cap") << 50 << QList<int>{25, 25} << 0 << 0;
    QTest::newRow("overflow drops oldest") << 50 << QList<int>{30, 40} << 20 << 20;
    QTest::newRow("many small batches") << 10 << QList<int>{3, 3, 3, 3, 3, 3} << 8 << 8;
    QTest::newRow("one batch beyond the cap") << 50 << QList<int>{120} << 70 << 0;
    QTest::newRow("batch beyond the cap replaces all") << 50 << QList<int>{30, 200} << 180 << 30;
    QTest::newRow("cap of one") << 1 << QList<int>{5, 5} << 9 << 1;
}

void TestMainWindow::eventLogKeepsTheNewestRows()
{
    QFETCH(int, cap);
    QFETCH(QList<int>, batches);
    QFETCH(int, firstId);
    QFETCH(int, removedInTotal);

    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMaximumRows(cap);
    QCOMPARE(model.maximumRows(), cap);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    int next = 0;
    int total = 0;
    for (int size : std::as_const(batches)) {
        for (int i = 0; i < size; ++i)
            model.append(QStringLiteral("s"), makeEvent(next++));
        QVERIFY(model.pendingCount() <= cap);
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
    QCOMPARE(cell(model, 0, EventLogModel::IdColumn), QString::number(firstId));
    QCOMPARE(cell(model, model.rowCount() - 1, EventLogModel::IdColumn), QString::number(next - 1));
}

void TestMainWindow::eventLogLoweredCapDropsOldest()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.maximumRows(), EventLogModel::DefaultMaximumRows);
    for (int i = 0; i < 100; ++i)
        model.append(QStringLiteral("s"), makeEvent(i));
    model.flush();
    QCOMPARE(model.rowCount(), 100);

    model.setMaximumRows(30);
    QCOMPARE(model.rowCount(), 30);
    QCOMPARE(cell(model, 0, EventLogModel::IdColumn), QStringLiteral("70"));
    QCOMPARE(cell(model, 29, EventLogModel::IdColumn), QStringLiteral("99"));

    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestMainWindow::eventLogColumns()
{
    EventLogModel model;
    SseEvent event;
    event.type = QStringLiteral("tick");
    event.lastEventId = QStringLiteral("42");
    event.data = QStringLiteral("{\"count\": 42}\nsecond line");
    const QDateTime at(QDate(2026, 11, 23), QTime(19, 0, 0, 123));
    model.append(QStringLiteral("http://127.0.0.1:1/events"), event, at);
    model.flush();

    QCOMPARE(model.columnCount(), int(EventLogModel::ColumnCount));
    QCOMPARE(cell(model, 0, EventLogModel::TimeColumn), QStringLiteral("19:00:00.123"));
    QCOMPARE(cell(model, 0, EventLogModel::StreamColumn), QStringLiteral("http://127.0.0.1:1/events"));
    QCOMPARE(cell(model, 0, EventLogModel::TypeColumn), QStringLiteral("tick"));
    QCOMPARE(cell(model, 0, EventLogModel::IdColumn), QStringLiteral("42"));
    QCOMPARE(cell(model, 0, EventLogModel::DataColumn),
             QStringLiteral("{\"count\": 42} \u23CE second line"));
    QVERIFY(cell(model, 0, EventLogModel::DataColumn, Qt::ToolTipRole).contains(u"second line"));
    QCOMPARE(model.headerData(EventLogModel::DataColumn, Qt::Horizontal).toString(), QStringLiteral("Data"));
}

void TestMainWindow::eventLogPreview_data()
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

void TestMainWindow::eventLogPreview()
{
    QFETCH(QString, data);
    QFETCH(int, maximumLength);
    QFETCH(QString, expected);
    QCOMPARE(EventLogModel::preview(data, maximumLength), expected);
}

void TestMainWindow::streamStateTexts_data()
{
    using Drive = std::function<void(EventSource &)>;
    using Status = StreamListModel::Status;
    QTest::addColumn<Drive>("drive");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("toolTip");

    const auto state = [](EventSource::ReadyState s, const QString &reason = {}) {
        return [s, reason](EventSource &source) { Q_EMIT source.readyStateChanged(s, reason); };
    };

    QTest::newRow("connecting")
        << Drive(state(EventSource::ReadyState::Connecting, QStringLiteral("Connecting to 127.0.0.1")))
        << int(Status::Connecting) << QStringLiteral("Connecting") << QStringLiteral("Connecting to 127.0.0.1");
    QTest::newRow("open") << Drive([](EventSource &s) {
        Q_EMIT s.readyStateChanged(EventSource::ReadyState::Open, QString());
        Q_EMIT s.opened();
    }) << int(Status::Open) << QStringLiteral("Open") << QStringLiteral("Open");
    QTest::newRow("failed, then closed") << Drive([](EventSource &s) {
        Q_EMIT s.failed(QStringLiteral("HTTP 404 Not Found"));
        Q_EMIT s.readyStateChanged(EventSource::ReadyState::Closed, QStringLiteral("HTTP 404 Not Found"));
    }) << int(Status::Failed) << QStringLiteral("Failed: HTTP 404 Not Found") << QStringLiteral("HTTP 404 Not Found");
    QTest::newRow("closed, then failed") << Drive([](EventSource &s) {
        Q_EMIT s.readyStateChanged(EventSource::ReadyState::Closed, QString());
        Q_EMIT s.failed(QStringLiteral("wrong Content-Type text/html"));
    }) << int(Status::Failed) << QStringLiteral("Failed: wrong Content-Type text/html")
       << QStringLiteral("wrong Content-Type text/html");
    QTest::newRow("ended by server") << Drive([](EventSource &s) {
        Q_EMIT s.closedByServer(QStringLiteral("204"));
        Q_EMIT s.readyStateChanged(EventSource::ReadyState::Closed, QString());
    }) << int(Status::Ended) << QStringLiteral("Ended by server (204)") << QStringLiteral("204");
    QTest::newRow("closed") << Drive(state(EventSource::ReadyState::Closed))
                            << int(Status::Closed) << QStringLiteral("Closed") << QStringLiteral("Closed");
    QTest::newRow("reconnect scheduled, then connecting") << Drive([](EventSource &s) {
        Q_EMIT s.reconnectScheduled(3, 60000, QStringLiteral("HTTP 503"));
        Q_EMIT s.readyStateChanged(EventSource::ReadyState::Connecting, QStringLiteral("HTTP 503"));
    }) << int(Status::Reconnecting) << QString() << QStringLiteral("HTTP 503");
    QTest::newRow("open again after reconnecting") << Drive([](EventSource &s) {
        Q_EMIT s.reconnectScheduled(1, 10, QStringLiteral("connection refused"));
        Q_EMIT s.readyStateChanged(EventSource::ReadyState::Open, QString());
    }) << int(Status::Open) << QStringLiteral("Open") << QStringLiteral("Open");
}

void TestMainWindow::streamStateTexts()
{
    using Drive = std::function<void(EventSource &)>;
    QFETCH(Drive, drive);
    QFETCH(int, status);
    QFETCH(QString, text);
    QFETCH(QString, toolTip);

    StreamListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    EventSourceOptions options;
    options.url = QUrl(QStringLiteral("http://127.0.0.1:9/events"));
    EventSource source(options); // never opened: the test speaks for it
    model.addSource(&source);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, 0, StreamListModel::UrlColumn), QStringLiteral("http://127.0.0.1:9/events"));

    drive(source);

    const QModelIndex state = model.index(0, StreamListModel::StateColumn);
    QCOMPARE(model.data(state, StreamListModel::StatusRole).toInt(), status);
    if (text.isEmpty()) // a countdown: checked by reconnectingText()
        QVERIFY2(model.data(state).toString().contains(u"(attempt 3 \u2014 HTTP 503)"),
                 qPrintable(model.data(state).toString()));
    else
        QCOMPARE(model.data(state).toString(), text);
    // Below the reason the tooltip lists the last reconnections.
    QCOMPARE(model.data(state, Qt::ToolTipRole).toString().section(u'\n', 0, 0), toolTip);

    const auto expectedStatus = StreamListModel::Status(status);
    QCOMPARE(model.data(state, StreamListModel::StatusColorRole).value<QColor>(),
             StreamListModel::statusColor(expectedStatus));
    QVERIFY(!model.data(state, Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(model.openCount(), expectedStatus == StreamListModel::Status::Open ? 1 : 0);
}

void TestMainWindow::reconnectingCountsDown()
{
    StreamListModel model;
    EventSourceOptions options;
    options.url = QUrl(QStringLiteral("http://127.0.0.1:9/events"));
    EventSource source(options);
    model.addSource(&source);

    const QModelIndex state = model.index(0, StreamListModel::StateColumn);
    Q_EMIT source.reconnectScheduled(2, 600000, QStringLiteral("HTTP 503"));
    QVERIFY2(model.data(state).toString().startsWith(u"Reconnecting in "),
             qPrintable(model.data(state).toString()));

    Q_EMIT source.reconnectScheduled(2, 300, QStringLiteral("HTTP 503"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // Once the delay has run out the text says so, without another signal from the source.
    QTRY_COMPARE_WITH_TIMEOUT(model.data(state).toString(),
                              QStringLiteral("Reconnecting (attempt 2 \u2014 HTTP 503)"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);

    // Green, amber, red and grey are told apart.
    using Status = StreamListModel::Status;
    QCOMPARE(StreamListModel::statusColor(Status::Connecting), StreamListModel::statusColor(Status::Reconnecting));
    QCOMPARE(StreamListModel::statusColor(Status::Ended), StreamListModel::statusColor(Status::Closed));
    QVERIFY(StreamListModel::statusColor(Status::Open) != StreamListModel::statusColor(Status::Connecting));
    QVERIFY(StreamListModel::statusColor(Status::Open) != StreamListModel::statusColor(Status::Failed));
    QVERIFY(StreamListModel::statusColor(Status::Failed) != StreamListModel::statusColor(Status::Closed));
    QVERIFY(StreamListModel::statusColor(Status::Connecting) != StreamListModel::statusColor(Status::Failed));
}

void TestMainWindow::streamCountersAndDestroyedSource()
{
    StreamListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // A clock that stands still: no rate or age changes besides the counters.
    model.setClock([] { return qint64(0); });
    EventSourceOptions options;
    options.url = QUrl(QStringLiteral("http://127.0.0.1:9/a"));
    auto *first = new EventSource(options);
    options.url = QUrl(QStringLiteral("http://127.0.0.1:9/b"));
    EventSource second(options);
    model.addSource(first);
    model.addSource(&second);
    model.addSource(&second); // once only
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(model.contains(QUrl(QStringLiteral("http://127.0.0.1:9/b"))));
    QVERIFY(!model.contains(QUrl(QStringLiteral("http://127.0.0.1:9/c"))));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy totals(&model, &StreamListModel::totalsChanged);
    for (int i = 1; i <= 1000; ++i)
        Q_EMIT second.eventReceived(makeEvent(i));
    // Counters are repainted once on the display tick, not once per event.
    QCOMPARE(changed.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 10000);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(cell(model, 1, StreamListModel::EventsColumn), QLocale().toString(1000));
    QCOMPARE(cell(model, 1, StreamListModel::LastEventIdColumn), QStringLiteral("1000"));
    QCOMPARE(cell(model, 0, StreamListModel::EventsColumn), QStringLiteral("0"));
    QCOMPARE(model.totalEventCount(), 1000);
    QCOMPARE(totals.count(), 1);

    delete first;
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.source(0), &second);
    model.removeSource(&second);
    QCOMPARE(model.rowCount(), 0);
    Q_EMIT second.failed(QStringLiteral("ignored once removed"));
    QCOMPARE(model.rowCount(), 0);
}

void TestMainWindow::reconnectingText_data()
{
    QTest::addColumn<int>("remainingMs");
    QTest::addColumn<int>("attempt");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("expected");

    QTest::newRow("example") << 2400 << 3 << QStringLiteral("HTTP 503")
                             << QStringLiteral("Reconnecting in 2.4 s (attempt 3 \u2014 HTTP 503)");
    QTest::newRow("rounded up") << 2301 << 1 << QStringLiteral("connection refused")
                                << QStringLiteral("Reconnecting in 2.4 s (attempt 1 \u2014 connection refused)");
    QTest::newRow("last tenth") << 1 << 2 << QStringLiteral("HTTP 429")
                                << QStringLiteral("Reconnecting in 0.1 s (attempt 2 \u2014 HTTP 429)");
    QTest::newRow("cap") << 60000 << 9 << QStringLiteral("HTTP 502")
                         << QStringLiteral("Reconnecting in 60.0 s (attempt 9 \u2014 HTTP 502)");
    QTest::newRow("no reason") << 3000 << 1 << QString()
                               << QStringLiteral("Reconnecting in 3.0 s (attempt 1)");
    QTest::newRow("run out") << 0 << 4 << QStringLiteral("HTTP 503")
                             << QStringLiteral("Reconnecting (attempt 4 \u2014 HTTP 503)");
}

void TestMainWindow::reconnectingText()
{
    QFETCH(int, remainingMs);
    QFETCH(int, attempt);
    QFETCH(QString, reason);
    QFETCH(QString, expected);
    QCOMPARE(StreamListModel::reconnectingText(remainingMs, attempt, reason), expected);
}

void TestMainWindow::streamUrlFromUserInput_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // empty: rejected

    QTest::newRow("http") << QStringLiteral("http://127.0.0.1:8080/events") << QStringLiteral("http://127.0.0.1:8080/events");
    QTest::newRow("https") << QStringLiteral("https://example.org/sse?x=1") << QStringLiteral("https://example.org/sse?x=1");
    QTest::newRow("spaces around") << QStringLiteral("  http://localhost/e  ") << QStringLiteral("http://localhost/e");
    QTest::newRow("no scheme") << QStringLiteral("localhost:8080/events") << QStringLiteral("http://localhost:8080/events");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("blank") << QStringLiteral("   ") << QString();
    QTest::newRow("ftp") << QStringLiteral("ftp://example.org/x") << QString();
    QTest::newRow("file") << QStringLiteral("file:///tmp/x") << QString();
    QTest::newRow("no host") << QStringLiteral("http:///events") << QString();
    QTest::newRow("bad port") << QStringLiteral("http://host:99999999/") << QString();
    QTest::newRow("space in host") << QStringLiteral("http://a b/") << QString();
}

void TestMainWindow::streamUrlFromUserInput()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);

    QString error = QStringLiteral("stale");
    const QUrl url = MainWindow::streamUrlFromUserInput(input, &error);
    if (expected.isEmpty()) {
        QVERIFY2(!url.isValid(), qPrintable(url.toString()));
        QVERIFY(!error.isEmpty());
        QVERIFY(error != u"stale");
    } else {
        QVERIFY2(url.isValid(), qPrintable(error));
        QCOMPARE(url.toString(), expected);
        QVERIFY(error.isEmpty());
    }
}

void TestMainWindow::windowShowsHintWithoutStreams()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.windowTitle(), QStringLiteral("EventScope"));
    QCOMPARE(window.streamModel()->rowCount(), 0);
    QVERIFY(window.findChild<QLabel *>() != nullptr);
    bool hintShown = false;
    for (const QLabel *label : window.findChildren<QLabel *>())
        hintShown = hintShown || (label->isVisible() && label->text().contains(u"Ctrl+N"));
    QVERIFY(hintShown);
    QCOMPARE(window.statusText(), QStringLiteral("0 of 0 streams open \u00B7 0 events/s"));
}

void TestMainWindow::demoStreamReachesOpenAndFillsLog()
{
    SseServer server;
    DemoStream demo(20);
    demo.attach(server);
    QVERIFY2(server.listen(QHostAddress::LocalHost, 0), qPrintable(server.errorString()));

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QUrl url = server.url(QStringLiteral("/events"));
    EventSource *source = window.addStream(url);
    QVERIFY(source);
    QCOMPARE(source->parent(), &window);

    StreamListModel *streams = window.streamModel();
    EventLogModel *log = window.eventLogModel();
    QCOMPARE(streams->rowCount(), 1);
    QVERIFY(window.eventLogView()->isVisible());

    QTRY_COMPARE_WITH_TIMEOUT(cell(*streams, 0, StreamListModel::StateColumn), QStringLiteral("Open"),
                              NetworkTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(log->rowCount() >= 5, NetworkTimeoutMs);

    QCOMPARE(cell(*log, 0, EventLogModel::StreamColumn), url.toDisplayString());
    QCOMPARE(cell(*log, 0, EventLogModel::TypeColumn), QStringLiteral("message"));
    QCOMPARE(cell(*log, 0, EventLogModel::IdColumn), QStringLiteral("1"));
    QVERIFY2(cell(*log, 0, EventLogModel::DataColumn).contains(u"\"count\""),
             qPrintable(cell(*log, 0, EventLogModel::DataColumn)));
    QTRY_VERIFY_WITH_TIMEOUT(streams->totalEventCount() >= 5, NetworkTimeoutMs);
    QCOMPARE(cell(*streams, 0, StreamListModel::EventsColumn), QLocale().toString(streams->totalEventCount()));
    QVERIFY(!cell(*streams, 0, StreamListModel::LastEventIdColumn).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(window.statusText().startsWith(u"1 of 1 streams open \u00B7 "),
                             NetworkTimeoutMs);
}

void TestMainWindow::followsTheTailUnlessScrolledUp()
{
    MainWindow window;
    window.resize(800, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    EventLogModel *log = window.eventLogModel();
    // The window's log is fed directly here: no network needed to see the view follow.
    for (int i = 0; i < 500; ++i)
        log->append(QStringLiteral("s"), makeEvent(i));
    log->flush();
    QVERIFY(window.eventLogView()->isVisible());
    QScrollBar *bar = window.eventLogView()->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());

    bar->setValue(0);
    for (int i = 500; i < 600; ++i)
        log->append(QStringLiteral("s"), makeEvent(i));
    log->flush();
    QCoreApplication::processEvents();
    QCOMPARE(bar->value(), 0);

    bar->setValue(bar->maximum());
    for (int i = 600; i < 700; ++i)
        log->append(QStringLiteral("s"), makeEvent(i));
    log->flush();
    QTRY_COMPARE(bar->value(), bar->maximum());
    QCOMPARE(log->rowCount(), 700);
    QVERIFY(window.followTailAction()->isChecked());

    // The toggle stops following without scrolling, and brings the tail back when set again.
    bar->setValue(0);
    QVERIFY(!window.followTailAction()->isChecked());
    window.followTailAction()->setChecked(true);
    QTRY_COMPARE(bar->value(), bar->maximum());
}

void TestMainWindow::missingPathFails()
{
    SseServer server;
    DemoStream demo(20);
    demo.attach(server);
    QVERIFY2(server.listen(QHostAddress::LocalHost, 0), qPrintable(server.errorString()));

    MainWindow window;
    window.addStream(server.url(QStringLiteral("/no-such-stream")));
    StreamListModel *streams = window.streamModel();
    // 404 is not retried: the row says why the stream failed, in red.
    QTRY_VERIFY_WITH_TIMEOUT(cell(*streams, 0, StreamListModel::StateColumn).startsWith(u"Failed: "),
                             NetworkTimeoutMs);
    QVERIFY2(cell(*streams, 0, StreamListModel::StateColumn).contains(u"404"),
             qPrintable(cell(*streams, 0, StreamListModel::StateColumn)));
    QCOMPARE(streams->data(streams->index(0, StreamListModel::StateColumn), StreamListModel::StatusColorRole)
                 .value<QColor>(),
             StreamListModel::statusColor(StreamListModel::Status::Failed));
    QCOMPARE(window.statusText(), QStringLiteral("0 of 1 streams open \u00B7 0 events/s"));
}

void TestMainWindow::streamActions()
{
    SseServer server;
    DemoStream demo(20);
    demo.attach(server);
    demo.attach(server, QStringLiteral("/second"));
    demo.attach(server, QStringLiteral("/edited"));
    QVERIFY2(server.listen(QHostAddress::LocalHost, 0), qPrintable(server.errorString()));

    MainWindow window;
    auto action = [&window](const char *name) {
        return window.findChild<QAction *>(QLatin1String(name));
    };
    QAction *edit = action("editStreamAction");
    QAction *remove = action("removeStreamAction");
    QAction *connectOne = action("connectAction");
    QAction *disconnectOne = action("disconnectAction");
    QAction *connectAll = action("connectAllAction");
    QAction *disconnectAll = action("disconnectAllAction");
    QVERIFY(edit && remove && connectOne && disconnectOne && connectAll && disconnectAll);
    QVERIFY(action("addStreamAction"));
    QCOMPARE(remove->shortcut(), QKeySequence(QKeySequence::Delete));
    QCOMPARE(action("addStreamAction")->shortcut(), QKeySequence(QKeySequence::New));
    QCOMPARE(edit->shortcut(), QKeySequence(Qt::Key_F2));
    for (QAction *a : {edit, remove, connectOne, disconnectOne, connectAll, disconnectAll}) {
        QVERIFY(!a->isEnabled()); // no stream yet
        QVERIFY(!a->toolTip().isEmpty());
        QVERIFY(!a->shortcut().isEmpty());
    }

    EventSource *first = window.addStream(server.url(QStringLiteral("/events")));
    EventSourceOptions options;
    options.url = server.url(QStringLiteral("/second"));
    window.addStream(options, QStringLiteral("Second"));
    StreamListModel *streams = window.streamModel();
    QCOMPARE(cell(*streams, 1, StreamListModel::NameColumn), QStringLiteral("Second"));
    QVERIFY(connectAll->isEnabled() && disconnectAll->isEnabled());
    QVERIFY(!edit->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(streams->openCount(), 2, NetworkTimeoutMs);

    disconnectAll->trigger();
    QCOMPARE(streams->status(0), StreamListModel::Status::Closed);
    QCOMPARE(streams->status(1), StreamListModel::Status::Closed);
    connectAll->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(streams->openCount(), 2, NetworkTimeoutMs);

    window.streamView()->selectRow(0);
    QVERIFY(edit->isEnabled() && remove->isEnabled() && connectOne->isEnabled());
    disconnectOne->trigger();
    QCOMPARE(streams->status(0), StreamListModel::Status::Closed);
    QCOMPARE(streams->status(1), StreamListModel::Status::Open);
    connectOne->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(streams->status(0), StreamListModel::Status::Open, NetworkTimeoutMs);

    // Editing replaces the source and keeps the row.
    QPointer<EventSource> old = first;
    options.url = server.url(QStringLiteral("/edited"));
    EventSource *edited = window.editStream(first, options, QStringLiteral("Edited"));
    QVERIFY(edited);
    QCOMPARE(streams->rowCount(), 2);
    QCOMPARE(streams->source(0), edited);
    QCOMPARE(edited->options().url, options.url);
    QCOMPARE(cell(*streams, 0, StreamListModel::NameColumn), QStringLiteral("Edited"));
    QTRY_VERIFY_WITH_TIMEOUT(old.isNull(), NetworkTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(streams->status(0), StreamListModel::Status::Open, NetworkTimeoutMs);

    window.streamView()->selectRow(1);
    remove->trigger();
    QCOMPARE(streams->rowCount(), 1);
    QCOMPARE(streams->source(0), edited);
    // The view may move the selection to the row that is left; the actions follow it.
    QCOMPARE(edit->isEnabled(), !window.streamView()->selectionModel()->selectedRows().isEmpty());
    QVERIFY(connectAll->isEnabled());

    window.streamView()->selectRow(0);
    remove->trigger();
    QCOMPARE(streams->rowCount(), 0);
    for (QAction *a : {edit, remove, connectOne, disconnectOne, connectAll, disconnectAll})
        QVERIFY(!a->isEnabled());
}

void TestMainWindow::shortcuts()
{
    MainWindow window;
    QHash<QKeySequence, QString> seen;
    for (const QAction *action : window.findChildren<QAction *>()) {
        for (const QKeySequence &shortcut : action->shortcuts()) {
            QVERIFY2(!seen.contains(shortcut),
                     qPrintable(shortcut.toString() + u' ' + seen.value(shortcut) + u' ' + action->objectName()));
            seen.insert(shortcut, action->objectName());
        }
    }
    const QList<std::pair<QKeySequence, QString>> expected = {
        {QKeySequence(Qt::CTRL | Qt::Key_N), QStringLiteral("addStreamAction")},
        {QKeySequence(Qt::Key_F2), QStringLiteral("editStreamAction")},
        {QKeySequence(Qt::Key_Space), QStringLiteral("pauseAction")},
        {QKeySequence(Qt::CTRL | Qt::Key_S), QStringLiteral("saveSessionAction")},
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), QStringLiteral("saveSessionAsAction")},
        {QKeySequence(Qt::CTRL | Qt::Key_O), QStringLiteral("openSessionAction")},
        {QKeySequence(Qt::CTRL | Qt::Key_F), QStringLiteral("findAction")},
        {QKeySequence(Qt::CTRL | Qt::Key_E), QStringLiteral("exportEventsAction")},
    };
    for (const auto &[shortcut, name] : expected)
        QCOMPARE(seen.value(shortcut), name);
    QVERIFY(window.findChild<QAction *>(QStringLiteral("recentSessionsAction"))->menu());
}

void TestMainWindow::everyActionHasAToolTip()
{
    MainWindow window;
    int checked = 0;
    for (const QAction *action : window.findChildren<QAction *>()) {
        if (action->isSeparator() || action->text().isEmpty() || action->menu())
            continue;
        // Qt falls back to the text; a real tooltip says more than the menu entry.
        QString text = action->text();
        text.remove(u'&');
        QVERIFY2(!action->toolTip().isEmpty() && action->toolTip() != text,
                 qPrintable(action->objectName() + u' ' + action->text()));
        if (!action->shortcut().isEmpty()) {
            QVERIFY2(action->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)),
                     qPrintable(action->toolTip()));
        }
        ++checked;
    }
    QVERIFY(checked >= 15);
}

void TestMainWindow::docksAndViewMenu()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QMenu *viewMenu = nullptr;
    for (QAction *action : window.menuBar()->actions()) {
        if (action->text().remove(u'&') == u"View")
            viewMenu = action->menu();
    }
    QVERIFY(viewMenu);
    for (const char *name : {"streamsDock", "fieldsDock", "eventsDock"}) {
        auto *dock = window.findChild<QDockWidget *>(QLatin1String(name));
        QVERIFY2(dock, name);
        QVERIFY(dock->isVisible());
        QVERIFY(viewMenu->actions().contains(dock->toggleViewAction()));
        dock->toggleViewAction()->trigger();
        QVERIFY(!dock->isVisible());
        dock->toggleViewAction()->trigger();
        QVERIFY(dock->isVisible());
    }
    QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("streamsDock"))->isAncestorOf(window.streamView()));
    auto *events = window.findChild<QDockWidget *>(QStringLiteral("eventsDock"));
    QVERIFY(events->isAncestorOf(window.eventLogView()));
    QVERIFY(events->isAncestorOf(window.eventDetailView()));
    QVERIFY(events->isAncestorOf(window.searchEdit()));
    QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("fieldsDock"))
                ->isAncestorOf(window.fieldPicker()));

    // The layout round-trips through saveState().
    const QByteArray state = window.saveState();
    events->hide();
    QVERIFY(window.restoreState(state));
    QVERIFY(events->isVisible());
}

void TestMainWindow::spaceTypesInTextFieldsAndPausesElsewhere()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QAction *pause = window.pauseAction();
    QCOMPARE(pause->shortcut(), QKeySequence(Qt::Key_Space));
    QVERIFY(!pause->isChecked());

    QLineEdit *search = window.searchEdit();
    search->setFocus();
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("a b"));
    QCOMPARE(search->text(), QStringLiteral("a b"));
    QVERIFY(!pause->isChecked());
    QVERIFY(!window.chartArea()->isPaused());
    window.logCapSpin()->setFocus();
    QTRY_VERIFY(window.logCapSpin()->hasFocus());
    QTest::keyClick(window.logCapSpin(), Qt::Key_Space);
    QVERIFY(!pause->isChecked());

    window.streamView()->setFocus();
    QTRY_VERIFY(window.streamView()->hasFocus());
    QTest::keyClick(window.streamView(), Qt::Key_Space);
    QVERIFY(pause->isChecked());
    QVERIFY(window.chartArea()->isPaused());
    QTest::keyClick(window.streamView(), Qt::Key_Space);
    QVERIFY(!pause->isChecked());
    QVERIFY(!window.chartArea()->isPaused());
}

void TestMainWindow::ctrlFFocusesTheSearch()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.streamView()->setFocus();
    QTRY_VERIFY(window.streamView()->hasFocus());
    QTest::keyClick(window.streamView(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(window.searchEdit()->hasFocus());
    QVERIFY(window.searchEdit()->isClearButtonEnabled());
}

void TestMainWindow::logFiltersAndDetail()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Never reachable (port 9): the test feeds the log itself.
    const QUrl urlA(QStringLiteral("http://127.0.0.1:9/a"));
    const QUrl urlB(QStringLiteral("http://127.0.0.1:9/b"));
    EventSource *a = window.addStream(urlA);
    EventSource *b = window.addStream(urlB);
    a->close();
    b->close();
    QComboBox *streams = window.streamFilterCombo();
    QCOMPARE(streams->count(), 3); // All + each stream
    QCOMPARE(streams->itemData(1).toString(), urlA.toDisplayString());

    auto send = [](EventSource *source, const QString &type, int id, const QString &data) {
        SseEvent event;
        event.type = type;
        event.lastEventId = QString::number(id);
        event.data = data;
        Q_EMIT source->eventReceived(event);
    };
    send(a, QStringLiteral("tick"), 1, QStringLiteral("{\"count\":1,\"needle\":true}"));
    send(a, QStringLiteral("tock"), 2, QStringLiteral("{\"count\":2}"));
    send(b, QStringLiteral("tick"), 3, QStringLiteral("{\"count\":3}"));
    send(b, QStringLiteral("tock"), 4, QStringLiteral("plain needle"));
    window.eventLogModel()->flush();
    QAbstractItemModel *shown = window.eventLogView()->model();
    QCOMPARE(shown, window.eventFilterModel());
    QCOMPARE(shown->rowCount(), 4);

    QComboBox *types = window.typeFilterCombo();
    QVERIFY(types->isEditable());
    QVERIFY(types->findText(QStringLiteral("tick")) > 0);
    QVERIFY(types->findText(QStringLiteral("tock")) > 0);

    streams->setCurrentIndex(2);
    QCOMPARE(shown->rowCount(), 2);
    types->setCurrentIndex(types->findText(QStringLiteral("tock")));
    QCOMPARE(shown->rowCount(), 1);
    QCOMPARE(shown->index(0, EventLogModel::IdColumn).data().toString(), QStringLiteral("4"));
    types->setCurrentIndex(0);
    streams->setCurrentIndex(0);
    QCOMPARE(shown->rowCount(), 4);
    types->setEditText(QStringLiteral("tick"));
    QCOMPARE(shown->rowCount(), 2);
    types->setCurrentIndex(0);

    QTest::keyClicks(window.searchEdit(), QStringLiteral("needle"));
    QCOMPARE(shown->rowCount(), 2);
    QTRY_VERIFY(window.logCountLabel()->text().startsWith(u"2 of 4 shown"));
    window.searchEdit()->clear();
    QCOMPARE(shown->rowCount(), 4);

    // A removed stream leaves the stream filter.
    window.removeStream(b);
    QCOMPARE(streams->count(), 2);

    // Selecting a row shows the whole event, indented.
    window.eventLogView()->selectRow(0);
    const QString detail = window.eventDetailView()->toPlainText();
    QVERIFY2(detail.contains(u"Type:   tick"), qPrintable(detail));
    QVERIFY2(detail.contains(u"\n    \"needle\": true"), qPrintable(detail));
}

void TestMainWindow::logCapAndDroppedCount()
{
    MainWindow window;
    EventSource *source = window.addStream(QUrl(QStringLiteral("http://127.0.0.1:9/cap")));
    source->close();
    QSpinBox *cap = window.logCapSpin();
    QCOMPARE(cap->value(), EventLogModel::DefaultMaximumRows);
    QVERIFY(cap->prefix().contains(u"Keep last"));
    cap->setValue(50);
    QCOMPARE(window.eventLogModel()->maximumRows(), 50);
    for (int i = 0; i < 80; ++i)
        Q_EMIT source->eventReceived(makeEvent(i));
    window.eventLogModel()->flush();
    QCOMPARE(window.eventLogModel()->rowCount(), 50);
    QCOMPARE(window.droppedLogEvents(), 30);
    QTRY_COMPARE_WITH_TIMEOUT(window.logCountLabel()->text(), QStringLiteral("50 shown \u00B7 30 dropped"), 10000);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
