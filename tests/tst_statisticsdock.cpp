// The Statistics tab works out its figures only while it shows: each refresh reads every sample in
// the window, which at 10 streams × 10,000 events/s is a large share of a core. Tabbed behind the
// log its figures wait (a tabbed dock behind another stays isVisible() in Qt 6.4), and they catch
// up the moment the tab is raised.

#include "CaptureStore.h"
#include "MainWindow.h"
#include "ScriptedServer.h"
#include "StatisticsModel.h"
#include "StatisticsPane.h"
#include "Stream.h"
#include "WindowStreams.h"
#include "Workspace.h"

#include <QDockWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using Response = ScriptedServer::Response;

using namespace WindowStreams;

class TestStatisticsDock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void figuresWaitBehindAnotherTab();
};

void TestStatisticsDock::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestStatisticsDock::figuresWaitBehindAnotherTab()
{
    ScriptedServer server;
    QVERIFY(server.start());
    QByteArray later;
    for (int i = 6; i <= 10; ++i)
        later += "id: " + QByteArray::number(i) + "\ndata: {\"n\": " + QByteArray::number(i) + "}\n\n";
    QByteArray first;
    for (int i = 1; i <= 5; ++i)
        first += "id: " + QByteArray::number(i) + "\ndata: {\"n\": " + QByteArray::number(i) + "}\n\n";
    server.script("/s", {Response::events().send(first).hold().send(later).stall()});

    MainWindow window;
    window.resize(1024, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("statisticsDock"));
    auto *events = window.findChild<QDockWidget *>(QStringLiteral("eventsDock"));
    auto *pane = window.findChild<StatisticsPane *>();
    QVERIFY(dock && events && pane);
    pane->setRangeMode(StatisticsPane::WholeHistory);

    Workspace *workspace = window.workspace();
    workspace->addStream(optionsFor(server.url(QStringLiteral("/s"))));
    Stream *stream = workspace->streamAt(0);
    QTRY_COMPARE_WITH_TIMEOUT(stream->capture()->size(), 5, Timeout);
    StatisticsModel *model = pane->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, Timeout);
    const auto count = [model] { return cell(*model, 0, StatisticsModel::CountColumn); };
    const auto max = [model] { return cell(*model, 0, StatisticsModel::MaxColumn); };
    dock->raise();
    QTRY_COMPARE_WITH_TIMEOUT(count(), QStringLiteral("5"), Timeout);

    // Behind the log: the figures stay as they were while events arrive and display ticks pass.
    events->raise();
    server.release();
    QTRY_COMPARE_WITH_TIMEOUT(stream->capture()->size(), 10, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(stream->fields()->sampleCount(), 10, Timeout);
    QSignalSpy ticks(workspace, &Workspace::textTicked);
    QTRY_VERIFY_WITH_TIMEOUT(ticks.size() >= 3, Timeout);
    QCOMPARE(count(), QStringLiteral("5"));
    QCOMPARE(max(), QStringLiteral("5"));

    // Raised: they catch up at once.
    dock->raise();
    QTRY_COMPARE_WITH_TIMEOUT(count(), QStringLiteral("10"), Timeout);
    QCOMPARE(max(), QStringLiteral("10"));
}

QTEST_MAIN(TestStatisticsDock)
#include "tst_statisticsdock.moc"
