// The window's part in sessions: the unsaved marker in the title, the question before quitting
// with unsaved changes (Save / Discard / Cancel), and a session with the demo stream reopening
// with the demo, one of it, in the colours it was saved with.

#include "ChartArea.h"
#include "DemoServer.h"
#include "MainWindow.h"
#include "ModalAnswer.h"
#include "SessionController.h"
#include "SessionFile.h"
#include "Stream.h"
#include "StreamsPane.h"
#include "WindowStreams.h"
#include "Workspace.h"
#include "WorkspaceAlerts.h"

#include <QAction>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace WindowStreams;

class TestWindowSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void dashboardAndRulesComeBack();

    void titleMarksUnsavedChanges();
    void quittingWithoutChangesDoesNotAsk();
    void quittingWithUnsavedChangesAsks_data();
    void quittingWithUnsavedChangesAsks();
    void demoSessionReopensWithTheDemo();
};

void TestWindowSession::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestWindowSession::init()
{
    QSettings().clear();
}

void TestWindowSession::titleMarksUnsavedChanges()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.windowTitle().contains(u"[*]"));
    QVERIFY(!window.isWindowModified());

    window.workspace()->addStream(optionsFor(QStringLiteral("http://127.0.0.1:9/a")), {}, false);
    QTRY_VERIFY(window.isWindowModified());

    const QString path = dir.filePath(QStringLiteral("watch.eventscope"));
    QString error;
    QVERIFY2(window.sessions()->save(path, &error), qPrintable(error));
    QTRY_VERIFY(!window.isWindowModified());
    QVERIFY2(window.windowTitle().startsWith(u"watch.eventscope[*]"), qPrintable(window.windowTitle()));
}

void TestWindowSession::quittingWithoutChangesDoesNotAsk()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QString asked;
    ModalAnswer::refuse(&asked);
    QVERIFY(window.close());
    QCOMPARE(asked, QString());
}

void TestWindowSession::quittingWithUnsavedChangesAsks_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<bool>("closes");
    QTest::addColumn<int>("savedStreams");

    QTest::newRow("cancel keeps the window") << QStringLiteral("Cancel") << false << 1;
    QTest::newRow("discard closes unsaved") << QStringLiteral("Discard") << true << 1;
    QTest::newRow("save writes, then closes") << QStringLiteral("Save") << true << 2;
}

void TestWindowSession::quittingWithUnsavedChangesAsks()
{
    QFETCH(QString, button);
    QFETCH(bool, closes);
    QFETCH(int, savedStreams);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("watch.eventscope"));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Workspace *workspace = window.workspace();
    workspace->addStream(optionsFor(QStringLiteral("http://127.0.0.1:9/a")), {}, false);
    QString error;
    QVERIFY2(window.sessions()->save(path, &error), qPrintable(error));
    workspace->addStream(optionsFor(QStringLiteral("http://127.0.0.1:9/b")), {}, false);
    QTRY_VERIFY(window.isWindowModified());

    QString asked;
    ModalAnswer::click(button, &asked);
    QCOMPARE(window.close(), closes);
    QCOMPARE(asked, QStringLiteral("unsavedChangesQuestion"));
    QCOMPARE(window.isVisible(), !closes);
    QCOMPARE(workspace->count(), 2);

    const std::optional<SessionData> saved = SessionFile::load(path, &error);
    QVERIFY2(saved, qPrintable(error));
    QCOMPARE(saved->subscriptions.size(), savedStreams);
}

void TestWindowSession::demoSessionReopensWithTheDemo()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("demo.eventscope"));
    QList<int> colours;
    QColor demoCountColour;
    {
        MainWindow window;
        Workspace *workspace = window.workspace();
        workspace->addStream(optionsFor(QStringLiteral("http://127.0.0.1:9/a")), {}, false);
        Stream *demo = workspace->startDemo(100);
        QVERIFY(demo);
        QTRY_VERIFY_WITH_TIMEOUT(demo->fields()->hasField(QStringLiteral("/count")), Timeout);
        for (int i = 0; i < workspace->count(); ++i)
            colours.append(workspace->streamAt(i)->colorIndex());
        demoCountColour = window.chartArea()->seriesColor(demo->fields(), QStringLiteral("/count"));
        QString error;
        QVERIFY2(window.sessions()->save(path, &error), qPrintable(error));
    }

    // A new run: the demo server listens on a port of its own, and the demo stream follows it.
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Workspace *workspace = window.workspace();
    QString error;
    QVERIFY2(window.sessions()->open(path, &error), qPrintable(error));
    QCOMPARE(workspace->count(), 2);
    Stream *demo = workspace->demoStream();
    QVERIFY(demo);
    QVERIFY(workspace->demoServer() && workspace->demoServer()->isRunning());
    QCOMPARE(demo->url().port(), int(workspace->demoServer()->port()));
    QTRY_VERIFY_WITH_TIMEOUT(demo->fields()->hasField(QStringLiteral("/count")), Timeout);
    for (int i = 0; i < workspace->count(); ++i)
        QCOMPARE(workspace->streamAt(i)->colorIndex(), colours.at(i));
    QCOMPARE(window.chartArea()->seriesColor(demo->fields(), QStringLiteral("/count")), demoCountColour);

    // Starting the demo again selects the one there is.
    window.streamsPane()->demoAction()->trigger();
    QCOMPARE(workspace->count(), 2);
    QCOMPARE(workspace->demoStream(), demo);
}

// What an operator arranges — panels, a second axis, thresholds, units, rules — is what a saved
// session gives back in a new window.
void TestWindowSession::dashboardAndRulesComeBack()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("ops.eventscope"));
    DashboardLayout arranged;
    {
        MainWindow window;
        Workspace *workspace = window.workspace();
        Stream *a = workspace->addStream(optionsFor(QStringLiteral("http://127.0.0.1:9/a")), {}, false);
        Stream *b = workspace->addStream(optionsFor(QStringLiteral("http://127.0.0.1:9/b")), {}, false);
        a->setUnit(QStringLiteral("/bytes"), QStringLiteral("B/s"));
        PanelConfig chart;
        chart.series = {{a->id(), QStringLiteral("/bytes"), 0}, {b->id(), QStringLiteral("/latency_ms"), 1}};
        chart.logScaleLeft = true;
        chart.markerTypes = {QStringLiteral("deploy")};
        PanelConfig tile;
        tile.kind = PanelConfig::Kind::StatTile;
        tile.series = {{b->id(), QStringLiteral("/latency_ms"), 0}};
        tile.thresholds = {{100, PanelThreshold::Level::Warning}, {250, PanelThreshold::Level::Critical}};
        PanelConfig timeline;
        timeline.kind = PanelConfig::Kind::ConnectionTimeline;
        PanelConfig rate;
        rate.kind = PanelConfig::Kind::EventRate;
        rate.streams = {b->id()};
        DashboardLayout layout;
        layout.addPanel(chart);
        layout.addPanel(tile, 0);
        layout.addPanel(timeline);
        layout.addPanel(rate, 1);
        window.chartArea()->setDashboardLayout(layout);
        arranged = window.chartArea()->dashboardLayout();
        QCOMPARE(arranged.panelCount(), 4);
        QVERIFY(workspace->alerts()->setRules({{QStringLiteral("down 30s"), b->id(), true},
                                               {QStringLiteral("/bytes > 1e6 for 10s"), 0, true}}));
        QString error;
        QVERIFY2(window.sessions()->save(path, &error), qPrintable(error));
    }

    MainWindow restored;
    QString error;
    QVERIFY2(restored.sessions()->open(path, &error), qPrintable(error));
    Workspace *workspace = restored.workspace();
    QCOMPARE(workspace->count(), 2);
    QCOMPARE(restored.chartArea()->layoutMode(), ChartArea::Dashboard);
    // The same panels, naming the new window's streams.
    DashboardLayout expected = arranged;
    const Stream::Id oldA = arranged.panels().at(0).series.at(0).stream;
    expected.mapStreams([&](quint64 id) -> std::optional<quint64> {
        return (id == oldA ? workspace->streamAt(0) : workspace->streamAt(1))->id();
    });
    QCOMPARE(restored.chartArea()->dashboardLayout(), expected);
    QCOMPARE(workspace->streamAt(0)->unit(QStringLiteral("/bytes")), QStringLiteral("B/s"));
    QCOMPARE(workspace->alerts()->rules(),
             (QList<WatchedRule>{{QStringLiteral("down 30s"), workspace->streamAt(1)->id(), true},
                                 {QStringLiteral("/bytes > 1e6 for 10s"), 0, true}}));
}

QTEST_MAIN(TestWindowSession)
#include "tst_windowsession.moc"
