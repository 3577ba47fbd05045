// The whole window against servers on 127.0.0.1: events reach the log, the charts and the stream
// table without a click, real values give sane axes, and outages, reconnections and id resets
// show in the log, on the chart and in the stream's row; the demo stream and its server; time axes
// switched without losing history.

#include "CaptureController.h"
#include "CaptureStore.h"
#include "ChartArea.h"
#include "ChartPanel.h"
#include "DemoServer.h"
#include "DemoStream.h"
#include "EventLogModel.h"
#include "EventLogPane.h"
#include "FieldPicker.h"
#include "MainWindow.h"
#include "ScriptedServer.h"
#include "SeriesBuffer.h"
#include "SseServer.h"
#include "Stream.h"
#include "StreamFieldStore.h"
#include "StreamListModel.h"
#include "StreamsPane.h"
#include "WindowStreams.h"
#include "Workspace.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <functional>

using Response = ScriptedServer::Response;

using namespace WindowStreams;

namespace {

// Reconnects within a fraction of a second.
EventSourceOptions fastOptions(const QUrl &url)
{
    EventSourceOptions options;
    options.url = url;
    options.reconnectionTimeMs = 100;
    options.maxBackoffMs = 500;
    options.jitter = false;
    return options;
}

// Events `first`..`last` with an id, a count and a timestamp of their own (19:00:00 + id seconds).
QByteArray countEvents(int first, int last)
{
    QByteArray bytes;
    for (int i = first; i <= last; ++i) {
        const QByteArray time = QDateTime(QDate(2026, 11, 23), QTime(19, 0), Qt::UTC).addSecs(i).toString(Qt::ISODate).toLatin1();
        bytes += "id: " + QByteArray::number(i) + "\ndata: {\"count\": " + QByteArray::number(i) + ", \"time\": \""
            + time + "\"}\n\n";
    }
    return bytes;
}

// `count` events; `event(i)` gives the lines of event i after its id.
QByteArray valueEvents(int count, const std::function<QByteArray(int)> &event)
{
    QByteArray bytes;
    for (int i = 0; i < count; ++i)
        bytes += "id: " + QByteArray::number(i + 1) + '\n' + event(i) + "\n\n";
    return bytes;
}

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 17);
}

// The kinds of the log's connection rows of a stream, in order.
QList<ConnectionEvent::Kind> connectionRows(const EventLogModel &log, const Stream *stream)
{
    QList<ConnectionEvent::Kind> kinds;
    for (int row = 0; row < log.rowCount(); ++row) {
        const QModelIndex index = log.index(row, 0);
        if (index.data(EventLogModel::KindRole).toInt() == int(EventLogModel::RowKind::Connection)
            && index.data(EventLogModel::StreamIdRole).toULongLong() == stream->id())
            kinds.append(ConnectionEvent::Kind(index.data(EventLogModel::ConnectionKindRole).toInt()));
    }
    return kinds;
}

// The lowest and highest value a panel draws of its first series.
std::pair<double, double> drawnValueSpan(const ChartPanel &panel)
{
    double low = qInf();
    double high = -qInf();
    for (const QPointF &point : panel.displayedPoints(0)) {
        if (std::isnan(point.y()))
            continue;
        low = std::min(low, point.y());
        high = std::max(high, point.y());
    }
    return {low, high};
}

// Between 2 and 12 labels, none empty, none twice.
bool saneLabels(const QStringList &labels)
{
    const QSet<QString> distinct(labels.cbegin(), labels.cend());
    return labels.size() >= 2 && labels.size() <= 12 && distinct.size() == labels.size()
        && !distinct.contains(QString());
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void eventsReachLogAndChart();
    void demoFromTheWindow();
    void demoServerStopsAndResumes();
    void missingPathFails();
    void reconnectsAfterServerRestart();
    void outageShowsInLogChartAndRow();
    void idResetShowsInRowAndLog();
    void realValues_data();
    void realValues();
    void timeAxisSwitchKeepsHistory_data();
    void timeAxisSwitchKeepsHistory();
};

void TestDashboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestDashboard::init()
{
    QSettings().clear();
}

void TestDashboard::eventsReachLogAndChart()
{
    SseServer server;
    DemoStream demo(20);
    demo.attach(server);
    QVERIFY2(server.listen(QHostAddress::LocalHost, 0), qPrintable(server.errorString()));

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Workspace *workspace = window.workspace();
    Stream *stream = workspace->addStream(fastOptions(server.url()));
    StreamFieldStore *store = stream->fields();
    ChartArea *charts = window.chartArea();
    QCOMPARE(charts->streams(), QList<StreamFieldStore *>{store});
    StreamListModel *streams = window.streamsPane()->model();
    QCOMPARE(charts->streamName(store), cell(*streams, 0, StreamListModel::NameColumn));

    EventLogModel *log = window.eventLog()->model();
    QTRY_VERIFY_WITH_TIMEOUT(eventRows(*log) >= 5, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(cell(*streams, 0, StreamListModel::StateColumn), QStringLiteral("Open"), Timeout);
    // The first row opened the connection; the events follow.
    QCOMPARE(connectionRows(*log, stream).value(0), ConnectionEvent::Kind::Opened);
    int first = 0;
    while (log->index(first, 0).data(EventLogModel::KindRole).toInt() != int(EventLogModel::RowKind::Event))
        ++first;
    QCOMPARE(cell(*log, first, EventLogModel::StreamColumn), stream->name());
    QCOMPARE(cell(*log, first, EventLogModel::TypeColumn), QStringLiteral("message"));
    QCOMPARE(cell(*log, first, EventLogModel::IdColumn), QStringLiteral("1"));
    QVERIFY2(cell(*log, first, EventLogModel::DataColumn).contains(u"\"count\""),
             qPrintable(cell(*log, first, EventLogModel::DataColumn)));

    // No clicks: the first field the stream carries is plotted and drawn on the display tick.
    QTRY_COMPARE_WITH_TIMEOUT(charts->plottedFields(store), QStringList{QStringLiteral("/count")}, Timeout);
    QVERIFY(store->buffer(QStringLiteral("/count"))->size() > 0);
    ChartPanel *panel = charts->panelFor(store);
    QVERIFY(panel);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->displayedPoints(0).isEmpty(), Timeout);
    QVERIFY(window.fieldPicker()->isFieldChecked(store, QStringLiteral("/count")));
    QTRY_VERIFY_WITH_TIMEOUT(streams->index(0, StreamListModel::EventsColumn).data().toString() != u"0", Timeout);
    QVERIFY(!cell(*streams, 0, StreamListModel::LastEventIdColumn).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(window.statusText().startsWith(u"1 of 1 streams open \u00B7 "), Timeout);
    QVERIFY2(window.statusText().endsWith(u" events/s"), qPrintable(window.statusText()));

    // A rename reaches the chart; removing the stream empties it.
    workspace->editStream(stream, stream->options(), QStringLiteral("Renamed"));
    QCOMPARE(charts->streamName(store), QStringLiteral("Renamed"));
    QCOMPARE(panel->title(), QStringLiteral("Renamed"));
    workspace->removeStream(stream);
    QVERIFY(charts->streams().isEmpty());
}

void TestDashboard::demoFromTheWindow()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The empty state's button starts it.
    QPushButton *start = nullptr;
    for (QPushButton *button : window.emptyStateLabel()->parentWidget()->findChildren<QPushButton *>()) {
        if (button->text() == u"Start Demo Stream")
            start = button;
    }
    QVERIFY(start);
    QTest::mouseClick(start, Qt::LeftButton);
    Workspace *workspace = window.workspace();
    QCOMPARE(workspace->count(), 1);
    Stream *demo = workspace->demoStream();
    QVERIFY(demo);
    QCOMPARE(demo->name(), QStringLiteral("Demo"));
    QCOMPARE(demo->url().host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(window.streamsPane()->selectedStream(), demo);
    window.streamsPane()->demoAction()->trigger();
    QCOMPARE(workspace->count(), 1); // once only
    QTRY_COMPARE_WITH_TIMEOUT(demo->status(), StreamStatus::Open, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(eventRows(*window.eventLog()->model()) > 0, Timeout);
    QTRY_VERIFY(window.chartArea()->isVisible());
}

void TestDashboard::demoServerStopsAndResumes()
{
    MainWindow window;
    QAction *running = window.streamsPane()->demoServerAction();
    QVERIFY(running->isCheckable());
    QVERIFY(!running->isVisible()); // no demo yet
    QVERIFY(running->toolTip().contains(u"reconnect"));

    Workspace *workspace = window.workspace();
    Stream *demo = workspace->startDemo(20);
    QVERIFY(demo);
    QVERIFY(running->isVisible());
    QVERIFY(running->isChecked());
    StreamListModel *streams = window.streamsPane()->model();
    QTRY_COMPARE_WITH_TIMEOUT(streams->statusText(0), QStringLiteral("Open"), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(eventRows(*window.eventLog()->model()) > 0, Timeout);
    const QUrl url = demo->url();

    // Unchecking stops the server: the stream waits to reconnect and says so.
    running->trigger();
    QVERIFY(!running->isChecked());
    QVERIFY(!workspace->demoServer()->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(demo->status(), StreamStatus::Reconnecting, Timeout);
    const QRegularExpression countdown(QStringLiteral("^Reconnecting in \\d+\\.\\d s \\(attempt \\d+"));
    QTRY_VERIFY2_WITH_TIMEOUT(countdown.match(streams->statusText(0)).hasMatch(), qPrintable(streams->statusText(0)),
                              Timeout);
    QTRY_VERIFY(window.statusText().startsWith(u"0 of 1 streams open"));

    // Checking serves again on the same port: the same stream comes back.
    running->trigger();
    QVERIFY(running->isChecked());
    QVERIFY(workspace->demoServer()->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(streams->statusText(0), QStringLiteral("Open"), 3 * Timeout);
    QCOMPARE(streams->rowCount(), 1);
    QCOMPARE(demo->url(), url);
    QVERIFY(demo->statistics().reconnects() >= 1);
    const qint64 before = demo->capture()->size();
    QTRY_VERIFY_WITH_TIMEOUT(demo->capture()->size() > before, Timeout);

    // Start Demo Stream on a stopped server starts it again rather than a second stream.
    running->trigger();
    QVERIFY(!workspace->demoServer()->isRunning());
    window.streamsPane()->demoAction()->trigger();
    QCOMPARE(workspace->count(), 1);
    QCOMPARE(workspace->demoStream(), demo);
    QVERIFY(workspace->demoServer()->isRunning());
    QVERIFY(running->isChecked());
}

void TestDashboard::missingPathFails()
{
    ScriptedServer server;
    QVERIFY(server.start());
    MainWindow window;
    window.workspace()->addStream(fastOptions(server.url(QStringLiteral("/no-such-stream"))));
    StreamListModel *streams = window.streamsPane()->model();
    // 404 is not retried: the row says why the stream failed, in red.
    QTRY_VERIFY_WITH_TIMEOUT(streams->statusText(0).startsWith(u"Failed: "), Timeout);
    QVERIFY2(streams->statusText(0).contains(u"404"), qPrintable(streams->statusText(0)));
    QCOMPARE(streams->index(0, StreamListModel::StateColumn).data(StreamListModel::StatusColorRole).value<QColor>(),
             StreamListModel::statusColor(StreamStatus::Failed));
    QTRY_COMPARE(window.statusText(), QStringLiteral("0 of 1 streams open \u00B7 0 events/s"));
    QTRY_VERIFY(connectionRows(*window.eventLog()->model(), window.workspace()->streamAt(0))
                    .contains(ConnectionEvent::Kind::Failed));
}

void TestDashboard::reconnectsAfterServerRestart()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script(QStringLiteral("/events"), {Response::events().send(countEvents(1, 5)).stall()});

    MainWindow window;
    Stream *stream = window.workspace()->addStream(fastOptions(server.url()));
    StreamListModel *streams = window.streamsPane()->model();
    QTRY_COMPARE_WITH_TIMEOUT(stream->status(), StreamStatus::Open, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(eventRows(*window.eventLog()->model()), 5, Timeout);
    const quint16 port = server.port();

    server.stop();
    QTRY_COMPARE_WITH_TIMEOUT(stream->status(), StreamStatus::Reconnecting, Timeout);
    QVERIFY(streams->statusText(0).startsWith(u"Reconnecting"));
    QTRY_VERIFY(window.statusText().startsWith(u"0 of 1 streams open"));

    QVERIFY(server.restart());
    QCOMPARE(server.port(), port);
    QTRY_COMPARE_WITH_TIMEOUT(stream->status(), StreamStatus::Open, Timeout);
    QCOMPARE(stream->url(), server.url());
    QTRY_VERIFY_WITH_TIMEOUT(cell(*streams, 0, StreamListModel::ReconnectsColumn).toInt() >= 1, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(window.statusText().startsWith(u"1 of 1 streams open"), Timeout);
}

void TestDashboard::outageShowsInLogChartAndRow()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script(QStringLiteral("/events"), {
        Response::events().send(countEvents(1, 5)).end(),
        Response::status(503),
        Response::events().send(countEvents(6, 10)).stall(),
    });

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Stream *stream = window.workspace()->addStream(fastOptions(server.url()));
    QTRY_COMPARE_WITH_TIMEOUT(stream->capture()->size(), 10, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(stream->status(), StreamStatus::Open, Timeout);
    QCOMPARE(server.requestCount(QStringLiteral("/events")), 3);

    // The log tells the story between the events.
    EventLogModel *log = window.eventLog()->model();
    QTRY_COMPARE_WITH_TIMEOUT(eventRows(*log), 10, Timeout);
    const QList<ConnectionEvent::Kind> rows = connectionRows(*log, stream);
    using Kind = ConnectionEvent::Kind;
    QVERIFY(rows.contains(Kind::Lost));
    QVERIFY(rows.contains(Kind::ReconnectScheduled));
    QCOMPARE(rows.count(Kind::Opened), 2);
    QVERIFY(rows.indexOf(Kind::Lost) < rows.indexOf(Kind::ReconnectScheduled));
    QCOMPARE(rows.constLast(), Kind::Opened);

    // The stream's row counts one reconnection after two attempts.
    StreamListModel *streams = window.streamsPane()->model();
    QTRY_COMPARE_WITH_TIMEOUT(cell(*streams, 0, StreamListModel::ReconnectsColumn), QStringLiteral("1"), Timeout);
    QVERIFY(cell(*streams, 0, StreamListModel::AttemptsColumn).toInt() >= 1);

    // The chart breaks the line where the stream was down and shades the outage.
    ChartArea *charts = window.chartArea();
    ChartPanel *panel = charts->panelFor(stream->fields());
    QTRY_VERIFY2_WITH_TIMEOUT(panel->displayedSegmentCount(0) >= 2,
                              qPrintable(QString::number(panel->displayedSegmentCount(0))), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!charts->outages(stream->fields()).isEmpty(), Timeout);
    const auto [start, end] = charts->outages(stream->fields()).constFirst();
    QVERIFY(start > 0);
    QVERIFY(end >= start);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->outages().isEmpty(), Timeout);
}

void TestDashboard::idResetShowsInRowAndLog()
{
    ScriptedServer server;
    QVERIFY(server.start());
    const auto ids = [](std::initializer_list<int> list) {
        QByteArray bytes;
        for (int id : list)
            bytes += "id: " + QByteArray::number(id) + "\ndata: {\"v\": " + QByteArray::number(id) + "}\n\n";
        return bytes;
    };
    // A server that restarts and counts from 1 again, whatever Last-Event-ID says.
    server.script(QStringLiteral("/events"), {
        Response::events().send(ids({41, 42})).end(),
        Response::events().send(ids({1, 2})).stall(),
    });

    MainWindow window;
    Stream *stream = window.workspace()->addStream(fastOptions(server.url()));
    QTRY_COMPARE_WITH_TIMEOUT(stream->capture()->size(), 4, Timeout);
    QCOMPARE(server.lastRequest(QStringLiteral("/events")).header("Last-Event-ID"), QByteArray("42"));

    StreamListModel *streams = window.streamsPane()->model();
    QTRY_COMPARE_WITH_TIMEOUT(cell(*streams, 0, StreamListModel::IdResetsColumn), QStringLiteral("1 reset"), Timeout);
    const QString toolTip = streams->index(0, StreamListModel::IdResetsColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(toolTip.contains(u"42") && toolTip.contains(u"1"), qPrintable(toolTip));

    EventLogModel *log = window.eventLog()->model();
    QTRY_VERIFY_WITH_TIMEOUT(connectionRows(*log, stream).contains(ConnectionEvent::Kind::IdReset), Timeout);
    for (int row = 0; row < log->rowCount(); ++row) {
        const QModelIndex index = log->index(row, 0);
        if (index.data(EventLogModel::ConnectionKindRole).toInt() == int(ConnectionEvent::Kind::IdReset))
            QCOMPARE(index.data(EventLogModel::ReasonRole).toString(), QStringLiteral("from 42 to 1"));
    }
}

void TestDashboard::realValues_data()
{
    using Event = std::function<QByteArray(int)>;
    QTest::addColumn<QByteArray>("events");
    QTest::addColumn<int>("count");
    QTest::addColumn<QStringList>("plotted");
    // The range of the plain /x values; what is drawn for /x lies in it.
    QTest::addColumn<double>("xMin");
    QTest::addColumn<double>("xMax");

    constexpr int n = 20;
    const QStringList x{QStringLiteral("/x")};
    const auto row = [&](const char *name, const Event &value, double min, double max) {
        QTest::newRow(name) << valueEvents(n, [&value](int i) -> QByteArray { return "data: {\"x\": " + value(i) + '}'; }) << n
                            << x << min << max;
    };
    row("epoch seconds", [](int i) { return QByteArray::number(1764590400 + i); }, 1764590400, 1764590400 + n - 1);
    row("epoch ms", [](int i) { return QByteArray::number(1764590400000LL + i * 1000); }, 1764590400000.0,
        1764590400000.0 + (n - 1) * 1000);
    row("epoch ns", [](int i) { return QByteArray::number(1764590400000000000LL + i * 1000000000LL); },
        1764590400e9, 1764590400e9 + (n - 1) * 1e9);
    row("1 MiB counts", [](int i) { return QByteArray::number(1048576 + i % 3 - 1); }, 1048575, 1048577);
    row("16384 constant", [](int) { return QByteArrayLiteral("16384"); }, 16384, 16384);
    row("0.5 with a spike", [](int i) { return i == n / 2 ? number(1.5e9) : number(0.5); }, 0.5, 1.5e9);
    row("1e300", [](int) { return QByteArrayLiteral("1e300"); }, 1e300, 1e300);
    row("-40", [](int) { return QByteArrayLiteral("-40"); }, -40, -40);
    row("1e-9", [](int) { return QByteArrayLiteral("1e-9"); }, 1e-9, 1e-9);
    row("constant 0", [](int) { return QByteArrayLiteral("0"); }, 0, 0);
    row("booleans", [](int i) { return i % 2 ? QByteArrayLiteral("true") : QByteArrayLiteral("false"); }, 0, 1);
    row("a string where a number was",
        [](int i) { return i % 5 == 2 ? QByteArrayLiteral("\"n/a\"") : QByteArray::number(i); }, 0, n - 1);
    QTest::newRow("two event types, one field name")
        << valueEvents(n,
                       [](int i) -> QByteArray {
                           if (i % 2)
                               return "event: alert\ndata: {\"x\": " + QByteArray::number(1000 + i) + '}';
                           return "data: {\"x\": " + QByteArray::number(i) + '}';
                       })
        << n << QStringList{QStringLiteral("/x"), QStringLiteral("alert:/x")} << 0.0 << double(n);
}

void TestDashboard::realValues()
{
    QFETCH(QByteArray, events);
    QFETCH(int, count);
    QFETCH(QStringList, plotted);
    QFETCH(double, xMin);
    QFETCH(double, xMax);

    ScriptedServer server;
    QVERIFY(server.start());
    server.script(QStringLiteral("/values"), {Response::events().send(events).stall()});
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Workspace *workspace = window.workspace();
    Stream *stream = workspace->addStream(fastOptions(server.url(QStringLiteral("/values"))));
    StreamFieldStore *store = stream->fields();
    QTRY_COMPARE_WITH_TIMEOUT(stream->capture()->size(), count, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(eventRows(*window.eventLog()->model()), count, Timeout);
    for (const QString &field : std::as_const(plotted))
        QVERIFY2(store->hasField(field), qPrintable(store->fieldPaths().join(u", ")));
    window.chartArea()->setPlottedFields(store, plotted);

    // The display tick keeps ticking.
    QSignalSpy ticks(workspace, &Workspace::ticked);
    QTRY_VERIFY_WITH_TIMEOUT(ticks.count() >= 5, Timeout);

    ChartPanel *panel = window.chartArea()->panelFor(store);
    QVERIFY(panel);
    QTRY_COMPARE(panel->series().size(), plotted.size());
    for (int i = 0; i < plotted.size(); ++i) {
        QCOMPARE(panel->series().at(i).name, plotted.at(i));
        QTRY_VERIFY_WITH_TIMEOUT(!panel->displayedPoints(i).isEmpty(), Timeout);
    }
    QTRY_VERIFY2_WITH_TIMEOUT(saneLabels(panel->valueAxisLabels()), qPrintable(panel->valueAxisLabels().join(u" | ") + QStringLiteral(" range %1..%2 size %3x%4").arg(panel->valueRange().first).arg(panel->valueRange().second).arg(panel->width()).arg(panel->height())),
                              Timeout);
    QTRY_VERIFY2_WITH_TIMEOUT(saneLabels(panel->timeAxisLabels()), qPrintable(panel->timeAxisLabels().join(u" | ")),
                              Timeout);

    // /x holds the plain events' values only: the other type's field is a series of its own.
    const double slack = std::max(std::abs(xMin), std::abs(xMax)) * 1e-12;
    for (const QPointF &point : panel->displayedPoints(0)) {
        if (std::isnan(point.y()))
            continue;
        QVERIFY2(point.y() >= xMin - slack && point.y() <= xMax + slack, qPrintable(QString::number(point.y())));
    }
    QVERIFY(window.isVisible());
}

void TestDashboard::timeAxisSwitchKeepsHistory_data()
{
    QTest::addColumn<bool>("offline");
    QTest::newRow("live stream") << false;
    QTest::newRow("offline capture") << true;
}

void TestDashboard::timeAxisSwitchKeepsHistory()
{
    QFETCH(bool, offline);
    constexpr int count = 8;

    ScriptedServer server;
    QVERIFY(server.start());
    server.script(QStringLiteral("/events"), {Response::events().send(countEvents(1, count)).stall()});
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Workspace *workspace = window.workspace();
    Stream *stream = nullptr;
    if (offline) {
        const QString path = dir.filePath(QStringLiteral("capture.jsonl"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 1; i <= count; ++i) {
            file.write("{\"url\":\"http://127.0.0.1:9/x\",\"type\":\"message\",\"data\":\"{\\\"count\\\": "
                       + QByteArray::number(i) + ", \\\"time\\\": \\\"2026-11-23T19:00:0" + QByteArray::number(i)
                       + "Z\\\"}\",\"lastEventId\":\"" + QByteArray::number(i)
                       + "\",\"receivedAt\":\"2026-01-02T03:04:0" + QByteArray::number(i) + ".500Z\"}\n");
        }
        file.close();
        QString error;
        QVERIFY2(window.captures()->openCapture(path, &error), qPrintable(error));
        QCOMPARE(workspace->count(), 1);
        stream = workspace->streamAt(0);
        QVERIFY(stream->isOffline());
    } else {
        stream = workspace->addStream(fastOptions(server.url()));
    }
    QTRY_COMPARE_WITH_TIMEOUT(stream->capture()->size(), count, Timeout);
    StreamFieldStore *store = stream->fields();
    const QString countPath = QStringLiteral("/count");
    QTRY_COMPARE_WITH_TIMEOUT(store->buffer(countPath) ? store->buffer(countPath)->size() : 0, count, Timeout);
    const qint64 firstReceived = stream->capture()->at(0).receivedAt.toMSecsSinceEpoch();
    const qint64 firstPayload = QDateTime(QDate(2026, 11, 23), QTime(19, 0, 1), Qt::UTC).toMSecsSinceEpoch();
    QCOMPARE(store->buffer(countPath)->timeAt(0), firstReceived);
    ChartPanel *panel = window.chartArea()->panelFor(store);
    QVERIFY(panel);
    QTRY_COMPARE_WITH_TIMEOUT(drawnValueSpan(*panel), std::make_pair(1.0, double(count)), Timeout);

    // The Fields dock's time axis combo: the payload's timestamps, the same points.
    QComboBox *combo = window.fieldPicker()->timeAxisCombo(store);
    QVERIFY(combo);
    QTRY_VERIFY_WITH_TIMEOUT(combo->findData(QStringLiteral("/time")) >= 0, Timeout);
    const int payload = combo->findData(QStringLiteral("/time"));
    combo->setCurrentIndex(payload);
    Q_EMIT combo->activated(payload);
    QCOMPARE(store->timeSource(), StreamFieldStore::PayloadField);
    QCOMPARE(store->timeFieldPath(), QStringLiteral("/time"));
    QCOMPARE(store->buffer(countPath)->size(), count);
    QCOMPARE(store->buffer(countPath)->timeAt(0), firstPayload);
    QVERIFY(workspace->isModified());
    // Every event is drawn on the payload clock, one second apart.
    QTRY_COMPARE_WITH_TIMEOUT(panel->displayedPoints(0).size(), count, Timeout);
    QCOMPARE(drawnValueSpan(*panel), std::make_pair(1.0, double(count)));

    // And back to the receive time, as the picker asks it.
    Q_EMIT window.fieldPicker()->timeSourceChangeRequested(store, StreamFieldStore::ReceiveTime, QString());
    QCOMPARE(store->timeSource(), StreamFieldStore::ReceiveTime);
    QCOMPARE(store->buffer(countPath)->size(), count);
    QCOMPARE(store->buffer(countPath)->timeAt(0), firstReceived);
    QCOMPARE(combo->currentIndex(), 0);
    QCOMPARE(stream->capture()->size(), count);
    // Live, the events arrived in one burst (one column: its low and high are drawn); offline,
    // a second apart. Either way the whole history is on the chart.
    QTRY_COMPARE_WITH_TIMEOUT(drawnValueSpan(*panel), std::make_pair(1.0, double(count)), Timeout);
    if (offline)
        QCOMPARE(panel->displayedPoints(0).size(), count);
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
