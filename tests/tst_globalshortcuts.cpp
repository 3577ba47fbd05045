// Shortcuts that work whatever has the focus: Space pauses the charts, Esc follows the newest
// data again, Ctrl+E exports and Ctrl+N adds a stream, from the log, the stream table, a chart or
// a floating dock; in a text field Space types a space.

#include "CaptureStore.h"
#include "ChartArea.h"
#include "ChartPanel.h"
#include "EventLogPane.h"
#include "ExportDialog.h"
#include "FocusPlaces.h"
#include "MainWindow.h"
#include "ModalAnswer.h"
#include "ScriptedServer.h"
#include "Stream.h"
#include "StreamsPane.h"
#include "SubscriptionDialog.h"
#include "WindowStreams.h"
#include "Workspace.h"

#include <QAction>
#include <QDialog>
#include <QDockWidget>
#include <QGraphicsView>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace WindowStreams;

namespace {

// Once the next modal dialog is shown: `name` goes to `opened` if it is a Dialog, and it is rejected.
template<typename Dialog>
void noteAndReject(QString *opened, const QString &name)
{
    ModalAnswer::answer([opened, name](QWidget *modal) {
        if (qobject_cast<Dialog *>(modal))
            *opened = name;
        qobject_cast<QDialog *>(modal)->reject();
    });
}

} // namespace

class TestGlobalShortcuts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void globalShortcuts_data();
    void globalShortcuts();
    void spaceTypesInTheSearchField();
    void ctrlFFocusesTheSearch();
};

void TestGlobalShortcuts::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestGlobalShortcuts::init()
{
    QSettings().clear();
}

void TestGlobalShortcuts::globalShortcuts_data()
{
    QTest::addColumn<QString>("focus");

    QTest::newRow("log table") << QStringLiteral("log");
    QTest::newRow("stream table") << QStringLiteral("streams");
    QTest::newRow("chart panel") << QStringLiteral("chart");
    QTest::newRow("floating Events dock") << QStringLiteral("floating log");
}

void TestGlobalShortcuts::globalShortcuts()
{
    QFETCH(QString, focus);

    ScriptedServer server;
    QVERIFY(server.start());
    server.script(QStringLiteral("/events"), {numberEvents(5)});
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    Stream *stream = window.workspace()->addStream(optionsFor(server.url()));
    ChartArea *charts = window.chartArea();
    QTRY_COMPARE_WITH_TIMEOUT(stream->capture()->size(), 5, Timeout);

    const FocusPlaces::Place place = FocusPlaces::find(window, focus);
    QWidget *target = place.widget;
    QVERIFY(target);
    QTRY_VERIFY(target->isVisible());
    QVERIFY(FocusPlaces::giveFocus(place));

    QAction *pause = window.pauseAction();
    QVERIFY(!pause->isChecked());
    QTest::keyClick(target, Qt::Key_Space);
    QVERIFY(pause->isChecked());
    QVERIFY(charts->isPaused());
    QTest::keyClick(target, Qt::Key_Space);
    QVERIFY(!pause->isChecked());
    QVERIFY(!charts->isPaused());

    // Esc ends the pause and follows the newest data again.
    QTest::keyClick(target, Qt::Key_Space);
    QVERIFY(charts->isPaused());
    QTest::keyClick(target, Qt::Key_Escape);
    QVERIFY(!pause->isChecked());
    QVERIFY(!charts->isPaused());
    QVERIFY(charts->panels().constFirst()->isFollowing());

    QString opened;
    noteAndReject<ExportDialog>(&opened, QStringLiteral("export"));
    QTest::keyClick(target, Qt::Key_E, Qt::ControlModifier);
    QCOMPARE(opened, QStringLiteral("export"));

    QVERIFY(FocusPlaces::giveFocus(place));
    noteAndReject<SubscriptionDialog>(&opened, QStringLiteral("add stream"));
    QTest::keyClick(target, Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(opened, QStringLiteral("add stream"));
    QCOMPARE(window.workspace()->count(), 1);
}

void TestGlobalShortcuts::spaceTypesInTheSearchField()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QAction *pause = window.pauseAction();
    QCOMPARE(pause->shortcut(), QKeySequence(Qt::Key_Space));

    QLineEdit *search = window.eventLog()->searchEdit();
    search->setFocus();
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("a b"));
    QCOMPARE(search->text(), QStringLiteral("a b"));
    QVERIFY(!pause->isChecked());
    QVERIFY(!window.chartArea()->isPaused());
    // Shortcuts with a modifier still work from there.
    QString opened;
    noteAndReject<ExportDialog>(&opened, QStringLiteral("export"));
    QTest::keyClick(search, Qt::Key_E, Qt::ControlModifier);
    QCOMPARE(opened, QStringLiteral("export"));
    QCOMPARE(search->text(), QStringLiteral("a b"));
}

void TestGlobalShortcuts::ctrlFFocusesTheSearch()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTableView *streams = window.streamsPane()->view();
    streams->setFocus();
    QTRY_VERIFY(streams->hasFocus());
    QTest::keyClick(streams, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(window.eventLog()->searchEdit()->hasFocus());
    QVERIFY(window.eventLog()->searchEdit()->isClearButtonEnabled());
}

QTEST_MAIN(TestGlobalShortcuts)
#include "tst_globalshortcuts.moc"
