#include "CaptureJournal.h"
#include "CaptureLimitsDialog.h"
#include "CaptureReader.h"
#include "CaptureStore.h"
#include "ChartArea.h"
#include "ChartPanel.h"
#include "DemoStream.h"
#include "EventLogFilterModel.h"
#include "EventLogModel.h"
#include "EventSource.h"
#include "ExportDialog.h"
#include "ExportJob.h"
#include "MainWindow.h"
#include "ScriptedServer.h"
#include "SeriesBuffer.h"
#include "SessionFile.h"
#include "SseServer.h"
#include "StreamFieldStore.h"
#include "StreamListModel.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include <algorithm>

namespace {

constexpr int NetworkTimeoutMs = 20000;

using Response = ScriptedServer::Response;

// A stream that sends a few events with two numeric fields and a timestamp, then stays open.
Response fieldEvents()
{
    QByteArray bytes;
    for (int i = 1; i <= 5; ++i) {
        bytes += "id: " + QByteArray::number(i) + "\ndata: {\"a\": " + QByteArray::number(i)
            + ", \"b\": " + QByteArray::number(i * 10) + ", \"t\": \"2026-11-23T19:00:0"
            + QByteArray::number(i) + "Z\"}\n\n";
    }
    return Response::events().send(bytes).stall();
}

QDockWidget *dock(const MainWindow &window, const char *name)
{
    return window.findChild<QDockWidget *>(QLatin1String(name));
}

// The objects an action is shown in: its menus and tool bars.
bool shownIn(const QAction *action, const QMetaObject &kind)
{
    const QList<QObject *> objects = action->associatedObjects();
    return std::any_of(objects.cbegin(), objects.cend(),
                       [&kind](const QObject *object) { return kind.cast(object) != nullptr; });
}

QList<QJsonObject> jsonLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QJsonObject> objects;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.isEmpty())
            objects.append(QJsonDocument::fromJson(line).object());
    }
    return objects;
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void emptyStateWithoutStreams();
    void eventsReachLogAndChart();
    void demoFromTheWindow();
    void demoServerStopsAndResumes();
    void exportEvents();
    void exportCaptureFormats();
    void exportDialogChoices();
    void exportChartImage();
    void openCaptureFile();
    void journalCapturedEvents();
    void captureLimits();
    void recoverLeftoverJournal();
    void reconnectsAfterServerRestart();
    void sessionRoundTrip();
    void secretsWithheldByDefault();
    void storedSecretsOnlyWhenOptedIn();
    void lastSessionRestored();
};

void TestDashboard::initTestCase()
{
    // Settings go to a test location, not the user's.
    QStandardPaths::setTestModeEnabled(true);
}

void TestDashboard::init()
{
    QSettings().clear();
}

void TestDashboard::emptyStateWithoutStreams()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QLabel *hint = window.emptyStateLabel();
    QVERIFY(hint->isVisible());
    QVERIFY2(hint->text().contains(u"Ctrl+N"), qPrintable(hint->text()));
    QVERIFY2(hint->text().contains(u"--demo"), qPrintable(hint->text()));
    QVERIFY(!window.chartArea()->isVisible());
    QCOMPARE(window.statusText(), QStringLiteral("0 of 0 streams open \u00B7 0 events/s"));

    // A stream replaces the hint by the charts; removing the last one brings it back.
    EventSource *source = window.addStream(QUrl(QStringLiteral("http://127.0.0.1:9/events")));
    QVERIFY(window.chartArea()->isVisible());
    QVERIFY(!hint->isVisible());
    window.removeStream(source);
    QCOMPARE(window.streamModel()->rowCount(), 0);
    QVERIFY(hint->isVisible());
    QVERIFY(window.chartArea()->streams().isEmpty());
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
    EventSource *source = window.addStream(server.url());
    StreamFieldStore *store = window.fieldStore(source);
    QVERIFY(store);
    QCOMPARE(window.chartArea()->streams(), QList<StreamFieldStore *>{store});
    QCOMPARE(window.chartArea()->streamName(store), window.streamModel()->name(0));

    QTRY_VERIFY_WITH_TIMEOUT(window.eventLogModel()->rowCount() >= 5, NetworkTimeoutMs);
    // No clicks: the first field the stream carries is plotted and drawn on the chart's tick.
    QTRY_VERIFY_WITH_TIMEOUT(store->hasField(QStringLiteral("/count")), NetworkTimeoutMs);
    QVERIFY(store->buffer(QStringLiteral("/count"))->size() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(window.chartArea()->plottedFields(store),
                              QStringList{QStringLiteral("/count")}, NetworkTimeoutMs);
    QVERIFY(!window.chartArea()->panels().isEmpty());
    ChartPanel *panel = window.chartArea()->panels().constFirst();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->displayedPoints(0).isEmpty(), NetworkTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(window.statusText().startsWith(u"1 of 1 streams open \u00B7 "),
                             NetworkTimeoutMs);
    QVERIFY2(window.statusText().endsWith(u" events/s"), qPrintable(window.statusText()));

    // Renaming through an edit reaches the chart.
    EventSourceOptions options = source->options();
    EventSource *edited = window.editStream(source, options, QStringLiteral("Renamed"));
    QCOMPARE(window.fieldStore(edited), store);
    QCOMPARE(window.chartArea()->streamName(store), QStringLiteral("Renamed"));

    window.removeStream(edited);
    QVERIFY(window.chartArea()->streams().isEmpty());
}

void TestDashboard::demoFromTheWindow()
{
    MainWindow window;
    EventSource *source = window.startDemo(20);
    QVERIFY(source);
    QCOMPARE(window.startDemo(20), source); // once only
    QCOMPARE(source->url().host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(window.streamModel()->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(window.streamModel()->status(0), StreamListModel::Status::Open,
                              NetworkTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(window.eventLogModel()->rowCount() > 0, NetworkTimeoutMs);
}

void TestDashboard::demoServerStopsAndResumes()
{
    MainWindow window;
    QAction *running = window.demoServerAction();
    QVERIFY(running);
    QVERIFY(running->isCheckable());
    QVERIFY(!running->isVisible()); // no demo yet
    QVERIFY(running->toolTip().contains(u"reconnect"));
    QVERIFY(shownIn(running, QMenu::staticMetaObject));
    QVERIFY(shownIn(running, QToolBar::staticMetaObject));

    EventSource *source = window.startDemo(20);
    QVERIFY(source);
    QVERIFY(running->isVisible());
    QVERIFY(running->isChecked());
    QVERIFY(window.isDemoServerRunning());
    StreamListModel *streams = window.streamModel();
    using Status = StreamListModel::Status;
    QTRY_COMPARE_WITH_TIMEOUT(streams->statusText(0), QStringLiteral("Open"), NetworkTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(window.eventLogModel()->rowCount() > 0, NetworkTimeoutMs);
    const QUrl url = source->url();

    // Unchecking stops the server: the stream waits to reconnect and says so.
    running->trigger();
    QVERIFY(!running->isChecked());
    QVERIFY(!window.isDemoServerRunning());
    QTRY_COMPARE_WITH_TIMEOUT(streams->status(0), Status::Reconnecting, NetworkTimeoutMs);
    const QRegularExpression countdown(QStringLiteral("^Reconnecting in \\d+\\.\\d s \\(attempt \\d+"));
    QTRY_VERIFY2_WITH_TIMEOUT(countdown.match(streams->statusText(0)).hasMatch(),
                              qPrintable(streams->statusText(0)), NetworkTimeoutMs);
    QVERIFY(window.statusText().startsWith(u"0 of 1 streams open"));

    // Checking serves again on the same port: the same stream comes back.
    running->trigger();
    QVERIFY(running->isChecked());
    QVERIFY(window.isDemoServerRunning());
    QTRY_COMPARE_WITH_TIMEOUT(streams->statusText(0), QStringLiteral("Open"), 3 * NetworkTimeoutMs);
    QCOMPARE(streams->rowCount(), 1);
    QCOMPARE(streams->source(0)->url(), url);
    QVERIFY(streams->reconnectCount(0) >= 1);
    const int before = window.eventLogModel()->rowCount() + window.eventLogModel()->pendingCount();
    QTRY_VERIFY_WITH_TIMEOUT(window.eventLogModel()->rowCount() > before, NetworkTimeoutMs);

    // Start Demo Stream on a stopped server starts it again rather than a second one.
    running->trigger();
    QVERIFY(!window.isDemoServerRunning());
    QCOMPARE(window.startDemo(20), streams->source(0));
    QVERIFY(window.isDemoServerRunning());
    QVERIFY(running->isChecked());
}

void TestDashboard::exportEvents()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script(QStringLiteral("/one"), {fieldEvents()});
    server.script(QStringLiteral("/two"), {fieldEvents()});
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    MainWindow window;
    QAction *action = window.exportEventsAction();
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
    QVERIFY(shownIn(action, QMenu::staticMetaObject));
    QVERIFY(action->toolTip().contains(u"JSON Lines"));

    window.addStream(server.url(QStringLiteral("/one")));
    window.addStream(server.url(QStringLiteral("/two")));
    QTRY_COMPARE_WITH_TIMEOUT(window.eventLogModel()->rowCount(), 10, NetworkTimeoutMs);

    const QString all = dir.filePath(QStringLiteral("all.jsonl"));
    QString error;
    QCOMPARE(window.exportEvents(all, false, &error), 10);
    QCOMPARE(window.statusBar()->currentMessage(),
             QStringLiteral("Exported 10 events to %1").arg(QDir::toNativeSeparators(all)));
    QList<QJsonObject> lines = jsonLines(all);
    QCOMPARE(lines.size(), 10);
    for (const QJsonObject &line : std::as_const(lines)) {
        QVERIFY(line.value("data").toString().startsWith(u"{\"a\": "));
        QCOMPARE(line.value("type").toString(), QStringLiteral("message"));
        QCOMPARE(line.value("connection").toInt(), 1);
        QVERIFY(!line.value("receivedAt").toString().isEmpty());
    }

    // Only the stream the filter shows.
    QComboBox *streamFilter = window.streamFilterCombo();
    const int two = streamFilter->findData(server.url(QStringLiteral("/two")).toDisplayString());
    QVERIFY(two > 0);
    streamFilter->setCurrentIndex(two);
    QCOMPARE(window.eventFilterModel()->rowCount(), 5);
    const QString shown = dir.filePath(QStringLiteral("shown.jsonl"));
    QCOMPARE(window.exportEvents(shown, true, &error), 5);
    lines = jsonLines(shown);
    QCOMPARE(lines.size(), 5);
    for (int i = 0; i < lines.size(); ++i) {
        QCOMPARE(lines.at(i).value("url").toString(), server.url(QStringLiteral("/two")).toDisplayString());
        QCOMPARE(lines.at(i).value("lastEventId").toString(), QString::number(i + 1));
    }

    // A folder that does not exist: a reason, and the log as it was.
    const QString nowhere = dir.filePath(QStringLiteral("missing/events.jsonl"));
    QCOMPARE(window.exportEvents(nowhere, false, &error), -1);
    QVERIFY2(error.contains(QDir::toNativeSeparators(nowhere)), qPrintable(error));
    QCOMPARE(window.eventLogModel()->rowCount(), 10);
    QVERIFY(!QFile::exists(nowhere));
}

void TestDashboard::exportCaptureFormats()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script(QStringLiteral("/one"), {fieldEvents()});
    server.script(QStringLiteral("/two"), {fieldEvents()});
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    MainWindow window;
    EventSource *one = window.addStream(server.url(QStringLiteral("/one")));
    EventSource *two = window.addStream(server.url(QStringLiteral("/two")));
    QTRY_COMPARE_WITH_TIMEOUT(window.captureStore(one)->size(), 5, NetworkTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(window.captureStore(two)->size(), 5, NetworkTimeoutMs);
    const QString urlOne = server.url(QStringLiteral("/one")).toDisplayString();
    const QString urlTwo = server.url(QStringLiteral("/two")).toDisplayString();

    // Both streams, interleaved by receive time.
    const QString all = dir.filePath(QStringLiteral("all.jsonl"));
    ExportJob *job = window.startExport({urlOne, urlTwo}, all, ExportJob::Format::Jsonl);
    QVERIFY(job);
    QSignalSpy finished(job, &ExportJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, NetworkTimeoutMs);
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(window.statusBar()->currentMessage(),
             QStringLiteral("Exported 10 events to %1").arg(QDir::toNativeSeparators(all)));
    QList<CapturedEvent> read;
    QString error;
    QVERIFY2(CaptureReader::readFile(all, read, &error), qPrintable(error));
    QCOMPARE(read.size(), 10);
    QVERIFY(std::is_sorted(read.cbegin(), read.cend(), [](const CapturedEvent &a, const CapturedEvent &b) {
        return a.receivedAt < b.receivedAt;
    }));

    // One stream as CSV, with a column for its plotted field.
    const QString csv = dir.filePath(QStringLiteral("two.csv"));
    QTRY_VERIFY_WITH_TIMEOUT(!window.runningExport(), NetworkTimeoutMs);
    job = window.startExport({urlTwo}, csv, ExportJob::Format::Csv);
    QVERIFY(job);
    QSignalSpy csvFinished(job, &ExportJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(csvFinished.size(), 1, NetworkTimeoutMs);
    read.clear();
    QVERIFY2(CaptureReader::readFile(csv, read, &error), qPrintable(error));
    QCOMPARE(read.size(), 5);
    for (int i = 0; i < read.size(); ++i) {
        QCOMPARE(read.at(i).url, urlTwo);
        QCOMPARE(read.at(i).event.lastEventId, QString::number(i + 1));
        QCOMPARE(read.at(i).connection, 1);
    }
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QByteArray header = csvFile.readLine();
    QVERIFY2(header.startsWith("receivedAt,url,type,lastEventId,data"), header.constData());
    const QStringList plotted = window.chartArea()->plottedFields(window.fieldStore(two));
    QVERIFY(!plotted.isEmpty());
    QVERIFY2(header.contains(plotted.first().toUtf8()), header.constData());

    // A time range that holds nothing.
    QCOMPARE(window.capturedEvents({urlOne}, 0, 1).size(), 0);
    QCOMPARE(window.capturedEvents({urlOne}).size(), 5);

    // A folder that does not exist: a reason in the status bar, the capture as it was.
    const QString nowhere = dir.filePath(QStringLiteral("missing/events.sse"));
    QTRY_VERIFY_WITH_TIMEOUT(!window.runningExport(), NetworkTimeoutMs);
    job = window.startExport({urlOne}, nowhere, ExportJob::Format::Sse);
    QVERIFY(job);
    QSignalSpy failed(job, &ExportJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, NetworkTimeoutMs);
    QCOMPARE(failed.first().first().toBool(), false);
    QVERIFY2(window.statusBar()->currentMessage().contains(QDir::toNativeSeparators(nowhere)),
             qPrintable(window.statusBar()->currentMessage()));
    QVERIFY(!QFile::exists(nowhere));
    QCOMPARE(window.captureStore(one)->size(), 5);
}

void TestDashboard::exportDialogChoices()
{
    ExportDialog dialog;
    dialog.addStream(QStringLiteral("One"), QStringLiteral("http://127.0.0.1:1/one"), 3);
    dialog.addStream(QStringLiteral("Two"), QStringLiteral("http://127.0.0.1:1/two"), 4);
    QCOMPARE(dialog.selectedStreams(),
             QStringList({QStringLiteral("http://127.0.0.1:1/one"), QStringLiteral("http://127.0.0.1:1/two")}));
    dialog.streamList()->item(0)->setCheckState(Qt::Unchecked);
    QCOMPARE(dialog.selectedStreams(), QStringList{QStringLiteral("http://127.0.0.1:1/two")});

    // No visible range: only the whole capture.
    dialog.setVisibleRange(10, 5);
    dialog.setVisibleRangeOnly(true);
    QVERIFY(!dialog.visibleRangeOnly());
    dialog.setVisibleRange(1000, 2000);
    dialog.setVisibleRangeOnly(true);
    QVERIFY(dialog.visibleRangeOnly());
    QCOMPARE(dialog.rangeFromMs(), 1000);
    QCOMPARE(dialog.rangeToMs(), 2000);

    // The suffix follows the format.
    dialog.setFilePath(QStringLiteral("/tmp/out"));
    dialog.setFormat(ExportJob::Format::Csv);
    QCOMPARE(dialog.filePath(), QDir::toNativeSeparators(QStringLiteral("/tmp/out.csv")));
    dialog.setFilePath(QStringLiteral("/tmp/out.jsonl"));
    dialog.setFormat(ExportJob::Format::Sse);
    QCOMPARE(dialog.filePath(), QDir::toNativeSeparators(QStringLiteral("/tmp/out.sse")));
}

void TestDashboard::exportChartImage()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script(QStringLiteral("/events"), {fieldEvents()});
    QTemporaryDir dir;
    MainWindow window;
    window.resize(900, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *action = window.exportChartAction();
    QVERIFY(shownIn(action, QMenu::staticMetaObject));
    window.addStream(server.url(QStringLiteral("/events")));
    QTRY_COMPARE_WITH_TIMEOUT(window.eventLogModel()->rowCount(), 5, NetworkTimeoutMs);

    const QString png = dir.filePath(QStringLiteral("chart.png"));
    QString error;
    QVERIFY2(window.exportChartImage(png, &error), qPrintable(error));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 100);

    if (MainWindow::svgExportAvailable()) {
        const QString svg = dir.filePath(QStringLiteral("chart.svg"));
        QVERIFY2(window.exportChartImage(svg, &error), qPrintable(error));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("<svg"));
    }
    QVERIFY(!window.exportChartImage(dir.filePath(QStringLiteral("missing/chart.png")), &error));
    QVERIFY(error.contains(u"missing"));
}

void TestDashboard::openCaptureFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("capture.jsonl"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 1; i <= 4; ++i) {
            const QByteArray url = i % 2 ? "http://127.0.0.1:9/a" : "http://127.0.0.1:9/b";
            file.write("{\"url\":\"" + url + "\",\"type\":\"message\",\"data\":\"{\\\"count\\\": "
                       + QByteArray::number(i * 10) + "}\",\"lastEventId\":\"" + QByteArray::number(i)
                       + "\",\"receivedAt\":\"2026-01-02T03:04:0" + QByteArray::number(i) + ".500Z\"}\n");
        }
    }

    MainWindow window;
    QAction *action = window.openCaptureAction();
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QVERIFY(shownIn(action, QMenu::staticMetaObject));
    QString error;
    QVERIFY2(window.openCapture(path, &error), qPrintable(error));

    StreamListModel *streams = window.streamModel();
    QCOMPARE(streams->rowCount(), 2);
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(streams->statusText(row), QStringLiteral("Offline capture"));
        QCOMPARE(streams->index(row, StreamListModel::EventsColumn).data().toString(), QStringLiteral("2"));
        EventSource *source = streams->source(row);
        QVERIFY(window.isOfflineStream(source));
        QCOMPARE(source->readyState(), EventSource::ReadyState::Closed);
        QCOMPARE(window.captureStore(source)->size(), 2);
    }
    QCOMPARE(streams->source(0)->url(), QUrl(QStringLiteral("http://127.0.0.1:9/a")));
    QCOMPARE(streams->index(1, StreamListModel::LastEventIdColumn).data().toString(), QStringLiteral("4"));

    // Original receive times in the log and on the chart's time axis.
    window.eventLogModel()->flush();
    QCOMPARE(window.eventLogModel()->rowCount(), 4);
    const QDateTime first = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 1, 500), Qt::UTC);
    QCOMPARE(window.eventLogModel()->index(0, 0).data(EventLogModel::ReceivedAtRole).toDateTime().toUTC(), first);
    StreamFieldStore *store = window.fieldStore(streams->source(0));
    QCOMPARE(store->fieldPaths(), QStringList{QStringLiteral("/count")});
    const SeriesBuffer *buffer = store->buffer(QStringLiteral("/count"));
    QVERIFY(buffer);
    QCOMPARE(buffer->size(), 2);
    QCOMPARE(buffer->timeAt(0), first.toMSecsSinceEpoch());
    QCOMPARE(buffer->valueAt(1), 30.0);
    window.chartArea()->refresh(QDateTime::currentMSecsSinceEpoch());
    const auto [from, to] = window.chartArea()->panelFor(store)->timeRange();
    QVERIFY(from <= first.toMSecsSinceEpoch());
    QVERIFY(to >= first.addSecs(2).toMSecsSinceEpoch());
    QVERIFY(to < first.addDays(1).toMSecsSinceEpoch());

    // Offline streams are not subscriptions: never connected, not saved in the session.
    window.connectAllStreams();
    QCOMPARE(streams->source(0)->readyState(), EventSource::ReadyState::Closed);
    QVERIFY(window.session().subscriptions.isEmpty());

    // Export reads from the same capture.
    QCOMPARE(window.capturedEvents({QStringLiteral("http://127.0.0.1:9/b")}).size(), 2);

    // Nothing readable: a reason, and nothing added.
    const QString bad = dir.filePath(QStringLiteral("bad.jsonl"));
    {
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{not json\n");
    }
    QVERIFY(!window.openCapture(bad, &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(bad)), qPrintable(error));
    QCOMPARE(streams->rowCount(), 2);
}

void TestDashboard::journalCapturedEvents()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script(QStringLiteral("/events"), {fieldEvents()});
    QDir(MainWindow::journalDirectory()).removeRecursively();

    MainWindow window;
    QAction *action = window.journalAction();
    QVERIFY(action->isCheckable());
    QVERIFY(!action->isChecked());
    QVERIFY(shownIn(action, QMenu::staticMetaObject));
    action->setChecked(true);
    QVERIFY(window.isJournalEnabled());
    const QString path = window.journalPath();
    QVERIFY(path.startsWith(MainWindow::journalDirectory()));
    QVERIFY(QFile::exists(CaptureJournal::journalPathFor(path)));
    QVERIFY(window.session().journal);

    window.addStream(server.url(QStringLiteral("/events")));
    // The journal holds the events while the window still runs.
    QTRY_COMPARE_WITH_TIMEOUT(CaptureJournal::recover(CaptureJournal::journalPathFor(path)).events.size(), 5,
                              NetworkTimeoutMs);

    // Turning it off completes the capture file.
    action->setChecked(false);
    QVERIFY(!window.isJournalEnabled());
    QVERIFY(!QFile::exists(CaptureJournal::journalPathFor(path)));
    QList<CapturedEvent> read;
    QString error;
    QVERIFY2(CaptureReader::readFile(path, read, &error), qPrintable(error));
    QCOMPARE(read.size(), 5);
    QCOMPARE(read.last().event.lastEventId, QStringLiteral("5"));
    QVERIFY(CaptureJournal::findLeftovers(MainWindow::journalDirectory()).isEmpty());

    // Saved with the session, and back.
    SessionData session = window.session();
    QVERIFY(!session.journal);
    session.journal = true;
    window.applySession(session);
    QVERIFY(window.isJournalEnabled());
    QVERIFY(action->isChecked());
    const QString second = window.journalPath();
    QVERIFY(second != path);
    window.setJournalEnabled(false);
    QVERIFY(QFile::exists(second));
    QDir(MainWindow::journalDirectory()).removeRecursively();
}

void TestDashboard::captureLimits()
{
    ScriptedServer server;
    QVERIFY(server.start());
    QByteArray flood;
    for (int i = 1; i <= 50; ++i)
        flood += "id: " + QByteArray::number(i) + "\ndata: {\"n\": " + QByteArray::number(i) + "}\n\n";
    server.script(QStringLiteral("/flood"), {Response::events().send(flood).stall()});
    server.script(QStringLiteral("/few"), {fieldEvents()});

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *action = window.captureLimitsAction();
    QVERIFY(action);
    QVERIFY(!action->toolTip().isEmpty());
    QVERIFY(shownIn(action, QMenu::staticMetaObject));
    QCOMPARE(window.captureMaxEvents(), qint64(CaptureStore::DefaultMaxEvents));
    QLabel *label = window.captureCountLabel();
    QVERIFY(label);
    QVERIFY(window.statusBar()->isAncestorOf(label));
    QCOMPARE(label->text(), QStringLiteral("Captured 0 events \u00B7 0 dropped"));

    EventSource *existing = window.addStream(server.url(QStringLiteral("/few")));
    CaptureStore *existingStore = window.captureStore(existing);
    QVERIFY(existingStore);
    QCOMPARE(existingStore->maxEvents(), CaptureStore::DefaultMaxEvents);
    QCOMPARE(existingStore->maxBytes(), CaptureStore::DefaultMaxBytes);
    QTRY_COMPARE_WITH_TIMEOUT(existingStore->size(), qsizetype(5), NetworkTimeoutMs);

    // Cancelling changes nothing.
    action->trigger();
    auto *dialog = window.findChild<CaptureLimitsDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->maxEvents(), qint64(CaptureStore::DefaultMaxEvents));
    QCOMPARE(dialog->maxBytes(), CaptureStore::DefaultMaxBytes);
    dialog->setMaxEvents(1);
    dialog->reject();
    QCOMPARE(existingStore->maxEvents(), CaptureStore::DefaultMaxEvents);
    QTRY_VERIFY(!window.findChild<CaptureLimitsDialog *>());

    // Accepting applies the limits to the existing store at once.
    action->trigger();
    dialog = window.findChild<CaptureLimitsDialog *>();
    QVERIFY(dialog);
    dialog->setMaxEvents(3);
    dialog->setMaxMiB(2);
    dialog->accept();
    QCOMPARE(window.captureMaxEvents(), 3);
    QCOMPARE(window.captureMaxMiB(), 2);
    QCOMPARE(existingStore->maxEvents(), qsizetype(3));
    QCOMPARE(existingStore->maxBytes(), qint64(2) * 1024 * 1024);
    QCOMPARE(existingStore->size(), qsizetype(3));
    QCOMPARE(existingStore->droppedCount(), qint64(2));
    QCOMPARE(QSettings().value(QStringLiteral("capture/maxEvents")).toLongLong(), 3);
    QCOMPARE(QSettings().value(QStringLiteral("capture/maxMiB")).toInt(), 2);

    // ... and to new streams; what a flood pushes out is counted and shown, exactly.
    EventSource *flooded = window.addStream(server.url(QStringLiteral("/flood")));
    CaptureStore *floodStore = window.captureStore(flooded);
    QVERIFY(floodStore);
    QCOMPARE(floodStore->maxEvents(), qsizetype(3));
    QCOMPARE(floodStore->maxBytes(), qint64(2) * 1024 * 1024);
    QTRY_COMPARE_WITH_TIMEOUT(floodStore->totalCount(), qint64(50), NetworkTimeoutMs);
    QCOMPARE(floodStore->size(), qsizetype(3));
    QCOMPARE(floodStore->droppedCount(), qint64(47));
    const qint64 dropped = existingStore->droppedCount() + floodStore->droppedCount();
    QCOMPARE(dropped, qint64(49));
    const QString expected = QStringLiteral("Captured %1 events \u00B7 %2 dropped")
                                 .arg(QLocale().toString(6), QLocale().toString(dropped));
    QTRY_COMPARE_WITH_TIMEOUT(label->text(), expected, NetworkTimeoutMs);
    QCOMPARE(window.captureStatusText(), expected);
    QVERIFY2(label->toolTip().contains(window.streamModel()->name(1) + QStringLiteral(": 3 events")),
             qPrintable(label->toolTip()));
    QVERIFY2(label->toolTip().contains(QStringLiteral("47 dropped")), qPrintable(label->toolTip()));

    // The session and the next window keep them.
    const SessionData session = window.session();
    QCOMPARE(session.captureMaxEvents, 3);
    QCOMPARE(session.captureMaxMiB, 2);
    MainWindow next;
    QCOMPARE(next.captureMaxEvents(), 3);
    QCOMPARE(next.captureMaxMiB(), 2);
}

void TestDashboard::recoverLeftoverJournal()
{
    QDir folder(MainWindow::journalDirectory());
    folder.removeRecursively();
    QVERIFY(QDir().mkpath(folder.path()));
    const QString capture = folder.filePath(QStringLiteral("crashed.jsonl"));
    const QString journal = CaptureJournal::journalPathFor(capture);
    {
        QFile file(journal);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 1; i <= 3; ++i) {
            file.write("{\"url\":\"http://127.0.0.1:9/x\",\"type\":\"message\",\"data\":\"{\\\"v\\\": "
                       + QByteArray::number(i) + "}\",\"lastEventId\":\"" + QByteArray::number(i)
                       + "\",\"receivedAt\":\"2026-01-02T03:04:0" + QByteArray::number(i) + ".000Z\"}\n");
        }
        file.write("{\"url\":\"http://127.0.0.1:9/x\",\"type\":\"mess"); // torn by the crash
    }
    QCOMPARE(CaptureJournal::findLeftovers(folder.path()), QStringList{QFileInfo(journal).absoluteFilePath()});

    MainWindow window;
    QString error;
    QVERIFY2(window.recoverJournal(journal, &error), qPrintable(error));
    QCOMPARE(window.streamModel()->rowCount(), 1);
    QCOMPARE(window.streamModel()->statusText(0), QStringLiteral("Offline capture"));
    QCOMPARE(window.captureStore(window.streamModel()->source(0))->size(), 3);
    QVERIFY(!QFile::exists(journal));
    QVERIFY(CaptureJournal::findLeftovers(folder.path()).isEmpty());
    QList<CapturedEvent> read;
    QVERIFY2(CaptureReader::readFile(capture, read, &error), qPrintable(error));
    QCOMPARE(read.size(), 3);
    folder.removeRecursively();
}

void TestDashboard::reconnectsAfterServerRestart()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script(QStringLiteral("/events"), {fieldEvents()});

    MainWindow window;
    EventSourceOptions options;
    options.url = server.url();
    options.reconnectionTimeMs = 100;
    options.maxBackoffMs = 500;
    window.addStream(options);
    StreamListModel *streams = window.streamModel();
    using Status = StreamListModel::Status;
    QTRY_COMPARE_WITH_TIMEOUT(streams->status(0), Status::Open, NetworkTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(window.eventLogModel()->rowCount() >= 5, NetworkTimeoutMs);

    server.stop();
    QTRY_COMPARE_WITH_TIMEOUT(streams->status(0), Status::Reconnecting, NetworkTimeoutMs);
    QVERIFY(window.statusText().startsWith(u"0 of 1 streams open"));

    QVERIFY(server.restart());
    QTRY_COMPARE_WITH_TIMEOUT(streams->status(0), Status::Open, NetworkTimeoutMs);
    QVERIFY(streams->reconnectCount(0) >= 1);
    QTRY_VERIFY_WITH_TIMEOUT(window.statusText().startsWith(u"1 of 1 streams open"), NetworkTimeoutMs);
}

void TestDashboard::sessionRoundTrip()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script(QStringLiteral("/one"), {fieldEvents()});
    server.script(QStringLiteral("/two"), {fieldEvents()});
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("round.eventscope"));

    MainWindow first;
    first.show();
    QVERIFY(QTest::qWaitForWindowExposed(&first));
    EventSourceOptions options;
    options.url = server.url(QStringLiteral("/one"));
    options.headers = {{"X-Plain", "visible"}};
    options.reconnectMode = ReconnectMode::Strict;
    options.reconnectionTimeMs = 1500;
    options.idleTimeoutMs = 30000;
    EventSource *one = first.addStream(options, QStringLiteral("First"));
    options = {};
    options.url = server.url(QStringLiteral("/two"));
    EventSource *two = first.addStream(options);

    StreamFieldStore *store = first.fieldStore(one);
    QTRY_VERIFY_WITH_TIMEOUT(store->hasField(QStringLiteral("/b")), NetworkTimeoutMs);
    first.chartArea()->setPlottedFields(store, {QStringLiteral("/a"), QStringLiteral("/b")});
    QTRY_VERIFY_WITH_TIMEOUT(first.fieldStore(two)->hasField(QStringLiteral("/b")), NetworkTimeoutMs);
    first.chartArea()->setPlottedFields(first.fieldStore(two), {QStringLiteral("/b")});
    first.fieldStore(two)->setTimeSource(StreamFieldStore::PayloadField, QStringLiteral("/t"));
    first.chartArea()->setTimeWindow(ChartPanel::TenMinutes);
    first.chartArea()->setPointCap(5000);
    first.chartArea()->setLayoutMode(ChartArea::SingleChart);
    first.logCapSpin()->setValue(777);
    first.setCaptureLimits(12345, 64);
    dock(first, "fieldsDock")->hide();

    QString error;
    QVERIFY2(first.saveSession(path, &error), qPrintable(error));
    QCOMPARE(first.sessionPath(), path);
    QVERIFY(first.windowTitle().startsWith(u"round.eventscope"));
    const SessionData saved = first.session();

    MainWindow second;
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    QVERIFY(dock(second, "fieldsDock")->isVisible());
    QVERIFY2(second.openSession(path, &error), qPrintable(error));

    QCOMPARE(second.streamModel()->rowCount(), 2);
    QCOMPARE(second.streamModel()->name(0), QStringLiteral("First"));
    const EventSourceOptions &reopened = second.streamModel()->source(0)->options();
    QCOMPARE(reopened.url, server.url(QStringLiteral("/one")));
    QCOMPARE(reopened.headers, (QList<HttpHeader>{{"X-Plain", "visible"}}));
    QCOMPARE(reopened.reconnectMode, ReconnectMode::Strict);
    QCOMPARE(reopened.reconnectionTimeMs, 1500);
    QCOMPARE(reopened.idleTimeoutMs, 30000);
    QCOMPARE(second.streamModel()->source(1)->options().url, server.url(QStringLiteral("/two")));

    StreamFieldStore *firstStore = second.fieldStore(second.streamModel()->source(0));
    StreamFieldStore *secondStore = second.fieldStore(second.streamModel()->source(1));
    QCOMPARE(second.chartArea()->plottedFields(firstStore),
             (QStringList{QStringLiteral("/a"), QStringLiteral("/b")}));
    QCOMPARE(second.chartArea()->plottedFields(secondStore), QStringList{QStringLiteral("/b")});
    QCOMPARE(secondStore->timeSource(), StreamFieldStore::PayloadField);
    QCOMPARE(secondStore->timeFieldPath(), QStringLiteral("/t"));
    QCOMPARE(second.chartArea()->timeWindow(), ChartPanel::TenMinutes);
    QCOMPARE(second.chartArea()->pointCap(), qsizetype(5000));
    QCOMPARE(second.chartArea()->layoutMode(), ChartArea::SingleChart);
    QCOMPARE(saved.chartLayout, ChartLayout::Single);
    QCOMPARE(second.eventLogModel()->maximumRows(), 777);
    QCOMPARE(second.logCapSpin()->value(), 777);
    QCOMPARE(second.captureMaxEvents(), 12345);
    QCOMPARE(second.captureMaxMiB(), 64);
    QCOMPARE(second.captureStore(second.streamModel()->source(0))->maxEvents(), qsizetype(12345));
    QCOMPARE(second.captureStore(second.streamModel()->source(1))->maxBytes(),
             qint64(64) * 1024 * 1024);
    QVERIFY(!dock(second, "fieldsDock")->isVisible());
    QVERIFY(dock(second, "eventsDock")->isVisible());

    // What the second window would save is what the first one saved.
    const SessionData again = second.session();
    QCOMPARE(again.subscriptions, saved.subscriptions);
    QCOMPARE(again.timeWindowMs, saved.timeWindowMs);
    QCOMPARE(again.pointCap, saved.pointCap);
    QCOMPARE(again.eventLogCap, saved.eventLogCap);
    QCOMPARE(again.chartLayout, saved.chartLayout);
    QCOMPARE(again.captureMaxEvents, saved.captureMaxEvents);
    QCOMPARE(again.captureMaxMiB, saved.captureMaxMiB);

    // The restored streams run.
    QTRY_COMPARE_WITH_TIMEOUT(second.streamModel()->openCount(), 2, NetworkTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(second.eventLogModel()->rowCount() >= 10, NetworkTimeoutMs);

    // A session without a layout (an older file) brings back one chart per stream.
    second.applySession(SessionData{});
    QCOMPARE(second.chartArea()->layoutMode(), ChartArea::ChartPerStream);
    // ... and the default capture limits.
    QCOMPARE(second.captureMaxEvents(), qint64(CaptureStore::DefaultMaxEvents));
    QCOMPARE(second.captureMaxMiB() * qint64(1024 * 1024), CaptureStore::DefaultMaxBytes);
}

void TestDashboard::secretsWithheldByDefault()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script(QStringLiteral("/events"), {fieldEvents()});
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("secret.eventscope"));

    MainWindow first;
    QVERIFY(!first.storeSecretsAction()->isChecked());
    QVERIFY(first.storeSecretsAction()->toolTip().contains(u"plain text"));
    EventSourceOptions options;
    options.url = server.url();
    options.headers = {{"Authorization", "Bearer hunter2"},
                       {"Cookie", "session=cookie-value"},
                       {"X-Api-Key", "key-value"},
                       {"Accept-Language", "en"}};
    options.secretHeaderNames = {"X-Api-Key"};
    first.addStream(options, QStringLiteral("Secret"));
    QString error;
    QVERIFY2(first.saveSession(path, &error), qPrintable(error));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(!text.contains("hunter2"));
    QVERIFY(!text.contains("cookie-value"));
    QVERIFY(!text.contains("key-value"));
    QVERIFY(text.contains("X-Api-Key"));
    QVERIFY(text.contains("\"en\""));

    MainWindow second;
    QVERIFY2(second.openSession(path, &error), qPrintable(error));
    const EventSourceOptions &reopened = second.streamModel()->source(0)->options();
    QCOMPARE(reopened.headers.size(), 4);
    QCOMPARE(reopened.headers.at(0), HttpHeader("Authorization", ""));
    QCOMPARE(reopened.headers.at(2), HttpHeader("X-Api-Key", ""));
    QCOMPARE(reopened.headers.at(3), HttpHeader("Accept-Language", "en"));
    QVERIFY(reopened.secretHeaderNames.contains("X-Api-Key"));
    // The user is told which values are missing.
    const QString message = second.statusBar()->currentMessage();
    QVERIFY2(message.contains(u"Authorization") && message.contains(u"X-Api-Key"), qPrintable(message));
    QVERIFY2(message.contains(u"empty"), qPrintable(message));
}

void TestDashboard::storedSecretsOnlyWhenOptedIn()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("opted-in.eventscope"));
    MainWindow window;
    window.storeSecretsAction()->setChecked(true);
    EventSourceOptions options;
    options.url = QUrl(QStringLiteral("http://127.0.0.1:9/events"));
    options.headers = {{"Authorization", "Bearer hunter2"}};
    window.addStream(options);
    QString error;
    QVERIFY2(window.saveSession(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("hunter2"));

    MainWindow second;
    QVERIFY(second.storeSecretsAction()->isChecked()); // a remembered setting
    QVERIFY2(second.openSession(path, &error), qPrintable(error));
    QCOMPARE(second.streamModel()->source(0)->options().headers.at(0),
             HttpHeader("Authorization", "Bearer hunter2"));
    QVERIFY(!second.statusBar()->currentMessage().contains(u"empty"));
}

void TestDashboard::lastSessionRestored()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("last.eventscope"));
    {
        MainWindow window;
        QVERIFY(!window.restoreLastSession()); // none yet
        window.addStream(QUrl(QStringLiteral("http://127.0.0.1:9/last")));
        QString error;
        QVERIFY2(window.saveSession(path, &error), qPrintable(error));
    }
    {
        MainWindow window;
        QVERIFY(window.restoreLastSession());
        QCOMPARE(window.streamModel()->rowCount(), 1);
        QCOMPARE(window.streamModel()->source(0)->url(), QUrl(QStringLiteral("http://127.0.0.1:9/last")));
        QCOMPARE(window.sessionPath(), path);
        QSettings settings;
        QCOMPARE(SessionFile::recentSessions(settings), QStringList{path});
    }
    QVERIFY(QFile::remove(path));
    MainWindow window;
    QVERIFY(!window.restoreLastSession()); // gone: the empty state
    QCOMPARE(window.streamModel()->rowCount(), 0);
    QVERIFY(window.emptyStateLabel()->parentWidget()
            == qobject_cast<QStackedWidget *>(window.centralWidget())->currentWidget());
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
