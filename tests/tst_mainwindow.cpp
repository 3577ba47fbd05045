// The window as a shell: the empty state, actions, menus and docks, the stream actions, the
// log's follow tail and the question before a stream's captured events are removed.

#include "CaptureStore.h"
#include "ChartArea.h"
#include "ChartPanel.h"
#include "DemoStream.h"
#include "EventDetailView.h"
#include "EventLogModel.h"
#include "EventLogPane.h"
#include "ExportDialog.h"
#include "FieldPicker.h"
#include "MainWindow.h"
#include "ModalAnswer.h"
#include "ScriptedServer.h"
#include "SseServer.h"
#include "Stream.h"
#include "StreamListModel.h"
#include "StreamsPane.h"
#include "SubscriptionDialog.h"
#include "WindowStreams.h"
#include "Workspace.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QGraphicsView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <functional>

using namespace WindowStreams;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void emptyStateWithoutStreams();
    void shortcuts_data();
    void shortcuts();
    void everyActionHasAToolTip();
    void docksAndViewMenu();
    void streamActions();
    void removingCapturedEventsAsks();
    void logStreamFilterFollowsTheStreams();
    void selectingALogRowStopsFollowTail();
};

void TestMainWindow::initTestCase()
{
    // The window reads and writes settings: keep them away from the user's.
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::init()
{
    QSettings().clear();
}

void TestMainWindow::emptyStateWithoutStreams()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.windowTitle().startsWith(u"EventScope"));
    QVERIFY(!window.isWindowModified());
    QLabel *hint = window.emptyStateLabel();
    QVERIFY(hint->isVisible());
    QVERIFY2(hint->text().contains(u"Ctrl+N"), qPrintable(hint->text()));
    QVERIFY2(hint->text().contains(u"--demo"), qPrintable(hint->text()));
    QVERIFY(!window.chartArea()->isVisible());
    QCOMPARE(window.statusText(), QStringLiteral("0 of 0 streams open \u00B7 0 events/s"));
    QCOMPARE(window.captureCountLabel()->text(), QStringLiteral("Captured 0 events \u00B7 0 dropped"));
    // The hint offers the demo and the Add Stream dialog as buttons.
    QVERIFY(ModalAnswer::buttonNamed(hint->parentWidget(), QStringLiteral("Start Demo Stream")));
    QVERIFY(ModalAnswer::buttonNamed(hint->parentWidget(), QStringLiteral("Add Stream\u2026")));

    // A stream replaces the hint by the charts; removing the last one brings it back.
    Stream *stream = window.workspace()->addStream(optionsFor(QUrl(QStringLiteral("http://127.0.0.1:9/events"))),
                                                   {}, false);
    QTRY_VERIFY(window.chartArea()->isVisible());
    QVERIFY(!hint->isVisible());
    QCOMPARE(window.chartArea()->streams(), QList<StreamFieldStore *>{stream->fields()});
    window.workspace()->removeStream(stream);
    QCOMPARE(window.streamsPane()->model()->rowCount(), 0);
    QTRY_VERIFY(hint->isVisible());
    QVERIFY(window.chartArea()->streams().isEmpty());
}

void TestMainWindow::shortcuts_data()
{
    QTest::addColumn<QKeySequence>("shortcut");
    QTest::addColumn<QString>("action");

    QTest::newRow("add stream") << QKeySequence(Qt::CTRL | Qt::Key_N) << QStringLiteral("addStreamAction");
    QTest::newRow("edit stream") << QKeySequence(Qt::Key_F2) << QStringLiteral("editStreamAction");
    QTest::newRow("remove stream") << QKeySequence(QKeySequence::Delete) << QStringLiteral("removeStreamAction");
    QTest::newRow("connect") << QKeySequence(Qt::Key_F5) << QStringLiteral("connectAction");
    QTest::newRow("pause") << QKeySequence(Qt::Key_Space) << QStringLiteral("pauseAction");
    QTest::newRow("follow newest") << QKeySequence(Qt::Key_Escape) << QStringLiteral("resetZoomAction");
    QTest::newRow("save") << QKeySequence(Qt::CTRL | Qt::Key_S) << QStringLiteral("saveSessionAction");
    QTest::newRow("save as") << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S) << QStringLiteral("saveSessionAsAction");
    QTest::newRow("open session") << QKeySequence(Qt::CTRL | Qt::Key_O) << QStringLiteral("openSessionAction");
    QTest::newRow("open capture") << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O) << QStringLiteral("openCaptureAction");
    QTest::newRow("find") << QKeySequence(Qt::CTRL | Qt::Key_F) << QStringLiteral("findAction");
    QTest::newRow("export events") << QKeySequence(Qt::CTRL | Qt::Key_E) << QStringLiteral("exportEventsAction");
    QTest::newRow("keyboard shortcuts") << QKeySequence(Qt::Key_F1) << QStringLiteral("keyboardShortcutsAction");
    QTest::newRow("keyboard shortcuts, Ctrl+/") << QKeySequence(Qt::CTRL | Qt::Key_Slash)
                                                << QStringLiteral("keyboardShortcutsAction");
    // Not every platform has a key for quitting.
    if (!QKeySequence(QKeySequence::Quit).isEmpty())
        QTest::newRow("quit") << QKeySequence(QKeySequence::Quit) << QStringLiteral("quitAction");
}

void TestMainWindow::shortcuts()
{
    QFETCH(QKeySequence, shortcut);
    QFETCH(QString, action);

    MainWindow window;
    QHash<QKeySequence, QString> seen;
    for (const QAction *a : window.findChildren<QAction *>()) {
        for (const QKeySequence &sequence : a->shortcuts()) {
            QVERIFY2(!seen.contains(sequence),
                     qPrintable(sequence.toString() + u' ' + seen.value(sequence) + u' ' + a->objectName()));
            seen.insert(sequence, a->objectName());
        }
    }
    QCOMPARE(seen.value(shortcut), action);
    QVERIFY(window.findChild<QAction *>(QStringLiteral("recentSessionsAction"))->menu());
}

void TestMainWindow::everyActionHasAToolTip()
{
    MainWindow window;
    int checked = 0;
    QStringList checkedNames;
    for (const QAction *a : window.findChildren<QAction *>()) {
        if (a->isSeparator() || a->text().isEmpty() || a->menu())
            continue;
        // Qt falls back to the text; a real tooltip says more than the menu entry.
        QString text = a->text();
        text.remove(u'&');
        QVERIFY2(!a->toolTip().isEmpty() && a->toolTip() != text, qPrintable(a->objectName() + u' ' + a->text()));
        // Every shortcut of an action with several (F1, Ctrl+/) is named.
        for (const QKeySequence &shortcut : a->shortcuts())
            QVERIFY2(a->toolTip().contains(shortcut.toString(QKeySequence::NativeText)), qPrintable(a->toolTip()));
        checkedNames.append(a->objectName());
        ++checked;
    }
    QVERIFY(checked >= 15);
    for (const char *name : {"usageGuideAction", "keyboardShortcutsAction", "aboutAction", "aboutQtAction"})
        QVERIFY2(checkedNames.contains(QLatin1String(name)), name);
}

void TestMainWindow::docksAndViewMenu()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QMenu *viewMenu = nullptr;
    for (QAction *a : window.menuBar()->actions()) {
        if (a->text().remove(u'&') == u"View")
            viewMenu = a->menu();
    }
    QVERIFY(viewMenu);
    for (const char *name : {"streamsDock", "fieldsDock", "eventsDock"}) {
        QDockWidget *d = dock(window, name);
        QVERIFY2(d, name);
        QVERIFY(d->isVisible());
        QVERIFY(viewMenu->actions().contains(d->toggleViewAction()));
        d->toggleViewAction()->trigger();
        QVERIFY(!d->isVisible());
        d->toggleViewAction()->trigger();
        QVERIFY(d->isVisible());
    }
    QVERIFY(viewMenu->actions().contains(window.pauseAction()));
    QVERIFY(viewMenu->actions().contains(window.eventLog()->followTailAction()));
    QVERIFY(dock(window, "streamsDock")->isAncestorOf(window.streamsPane()->view()));
    QDockWidget *events = dock(window, "eventsDock");
    QVERIFY(events->isAncestorOf(window.eventLog()->view()));
    QVERIFY(events->isAncestorOf(window.eventLog()->detailView()));
    QVERIFY(events->isAncestorOf(window.eventLog()->searchEdit()));
    QVERIFY(dock(window, "fieldsDock")->isAncestorOf(window.fieldPicker()));

    // The layout round-trips through saveState().
    const QByteArray state = window.saveState();
    events->hide();
    QVERIFY(window.restoreState(state));
    QVERIFY(events->isVisible());
}

void TestMainWindow::streamActions()
{
    SseServer server;
    DemoStream demo(20);
    for (const char *path : {"/events", "/second", "/edited"})
        demo.attach(server, QLatin1String(path));
    QVERIFY2(server.listen(QHostAddress::LocalHost, 0), qPrintable(server.errorString()));

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    StreamsPane *pane = window.streamsPane();
    QAction *edit = pane->editAction();
    QAction *remove = pane->removeAction();
    QAction *connectOne = pane->connectAction();
    QAction *disconnectOne = pane->disconnectAction();
    QAction *connectAll = pane->connectAllAction();
    QAction *disconnectAll = pane->disconnectAllAction();
    for (QAction *a : {edit, remove, connectOne, disconnectOne, connectAll, disconnectAll}) {
        QVERIFY(!a->isEnabled()); // no stream yet
        QVERIFY(!a->shortcut().isEmpty());
    }

    // Added the way a person does: Ctrl+N, a URL, OK. The new stream is selected.
    pane->view()->setFocus();
    QTRY_VERIFY(pane->view()->hasFocus());
    ModalAnswer::answer([&server](QWidget *modal) {
        auto *dialog = qobject_cast<SubscriptionDialog *>(modal);
        QVERIFY(dialog);
        dialog->urlEdit()->setText(server.url(QStringLiteral("/events")).toString());
        QVERIFY2(dialog->okButton()->isEnabled(), qPrintable(dialog->validationError()));
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    });
    QTest::keyClick(pane->view(), Qt::Key_N, Qt::ControlModifier);
    Workspace *workspace = window.workspace();
    QCOMPARE(workspace->count(), 1);
    Stream *first = workspace->streamAt(0);
    QCOMPARE(first->url(), server.url(QStringLiteral("/events")));
    QCOMPARE(pane->selectedStream(), first);
    QVERIFY(edit->isEnabled() && remove->isEnabled());

    Stream *second = workspace->addStream(optionsFor(server.url(QStringLiteral("/second"))), QStringLiteral("Second"));
    StreamListModel *streams = pane->model();
    QCOMPARE(cell(*streams, 1, StreamListModel::NameColumn), QStringLiteral("Second"));
    QVERIFY(connectAll->isEnabled() && disconnectAll->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(streams->openCount(), 2, Timeout);

    disconnectAll->trigger();
    QCOMPARE(first->status(), StreamStatus::Closed);
    QCOMPARE(second->status(), StreamStatus::Closed);
    connectAll->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(streams->openCount(), 2, Timeout);

    pane->view()->selectRow(0);
    QVERIFY(edit->isEnabled() && remove->isEnabled() && connectOne->isEnabled());
    disconnectOne->trigger();
    QCOMPARE(first->status(), StreamStatus::Closed);
    QCOMPARE(second->status(), StreamStatus::Open);
    connectOne->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(first->status(), StreamStatus::Open, Timeout);

    // Editing in the dialog keeps the row and what it captured, on a new connection.
    QTRY_VERIFY_WITH_TIMEOUT(first->capture()->size() > 0, Timeout);
    const qsizetype captured = first->capture()->size();
    ModalAnswer::answer([&server](QWidget *modal) {
        auto *dialog = qobject_cast<SubscriptionDialog *>(modal);
        QVERIFY(dialog);
        QCOMPARE(dialog->urlEdit()->text(), server.url(QStringLiteral("/events")).toString());
        dialog->urlEdit()->setText(server.url(QStringLiteral("/edited")).toString());
        dialog->nameEdit()->selectAll();
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Edited"));
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    });
    edit->trigger();
    QCOMPARE(streams->rowCount(), 2);
    QCOMPARE(streams->stream(0), first);
    QCOMPARE(first->url(), server.url(QStringLiteral("/edited")));
    QCOMPARE(cell(*streams, 0, StreamListModel::NameColumn), QStringLiteral("Edited"));
    QVERIFY(first->capture()->size() >= captured);
    QTRY_COMPARE_WITH_TIMEOUT(first->status(), StreamStatus::Open, Timeout);

    QString asked;
    pane->view()->selectRow(1);
    ModalAnswer::click(QStringLiteral("Remove"), &asked);
    remove->trigger();
    QCOMPARE(asked, QStringLiteral("removeStreamQuestion"));
    QCOMPARE(streams->rowCount(), 1);
    QCOMPARE(streams->stream(0), first);
    // The view may move the selection to the row that is left; the actions follow it.
    QCOMPARE(edit->isEnabled(), !pane->view()->selectionModel()->selectedRows().isEmpty());
    QVERIFY(connectAll->isEnabled());

    pane->view()->selectRow(0);
    ModalAnswer::click(QStringLiteral("Remove"), &asked);
    remove->trigger();
    QCOMPARE(streams->rowCount(), 0);
    for (QAction *a : {edit, remove, connectOne, disconnectOne, connectAll, disconnectAll})
        QVERIFY(!a->isEnabled());
}

void TestMainWindow::removingCapturedEventsAsks()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script(QStringLiteral("/one"), {numberEvents(5)});
    server.script(QStringLiteral("/two"), {numberEvents(7)});

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Workspace *workspace = window.workspace();
    Stream *one = workspace->addStream(optionsFor(server.url(QStringLiteral("/one"))));
    Stream *two = workspace->addStream(optionsFor(server.url(QStringLiteral("/two"))));
    EventLogModel *log = window.eventLog()->model();
    QTRY_COMPARE_WITH_TIMEOUT(eventRows(*log), 12, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.captureCountLabel()->text(),
                              QStringLiteral("Captured 12 events \u00B7 0 dropped"), Timeout);
    const Stream::Id oneId = one->id();
    StreamsPane *pane = window.streamsPane();

    // Cancel keeps the stream and everything it captured.
    pane->selectStream(one);
    QString asked;
    ModalAnswer::click(QStringLiteral("Cancel"), &asked);
    pane->removeAction()->trigger();
    QCOMPARE(asked, QStringLiteral("removeStreamQuestion"));
    QCOMPARE(workspace->count(), 2);
    QCOMPARE(one->capture()->size(), 5);
    QCOMPARE(eventRows(*log, oneId), 5);

    // Remove takes its rows out of the log; the counts shown agree with what is left.
    asked.clear();
    ModalAnswer::click(QStringLiteral("Remove"), &asked);
    pane->removeAction()->trigger();
    QCOMPARE(asked, QStringLiteral("removeStreamQuestion"));
    QCOMPARE(workspace->count(), 1);
    QCOMPARE(workspace->streamAt(0), two);
    QCOMPARE(eventRows(*log, oneId), 0);
    QCOMPARE(eventRows(*log), 7);
    QCOMPARE(workspace->capturedCount(), 7);
    const QString captured = QStringLiteral("Captured 7 events \u00B7 0 dropped");
    QCOMPARE(window.captureStatusText(), captured);
    QTRY_COMPARE(window.captureCountLabel()->text(), captured);
    QCOMPARE(window.eventLog()->countLabel()->text(),
             QStringLiteral("%1 shown \u00B7 0 dropped").arg(QLocale().toString(log->rowCount())));
    QCOMPARE(log->totalAppended(), log->rowCount() + log->pendingCount() + log->droppedCount());

    // A stream that captured nothing goes without a question.
    Stream *idle = workspace->addStream(optionsFor(QUrl(QStringLiteral("http://127.0.0.1:9/idle"))), {}, false);
    pane->selectStream(idle);
    asked.clear();
    ModalAnswer::refuse(&asked);
    pane->removeAction()->trigger();
    QCOMPARE(asked, QString());
    QCOMPARE(workspace->count(), 1);
}

void TestMainWindow::logStreamFilterFollowsTheStreams()
{
    MainWindow window;
    Workspace *workspace = window.workspace();
    Stream *a = workspace->addStream(optionsFor(QUrl(QStringLiteral("http://127.0.0.1:9/a"))), {}, false);
    Stream *b = workspace->addStream(optionsFor(QUrl(QStringLiteral("http://127.0.0.1:9/b"))), QStringLiteral("Bee"),
                                     false);
    QComboBox *streams = window.eventLog()->streamCombo();
    QCOMPARE(streams->count(), 3); // all, then each stream
    QCOMPARE(streams->itemText(1), a->name());
    QCOMPARE(streams->itemText(2), QStringLiteral("Bee"));
    QCOMPARE(window.eventLog()->model()->streamName(b->id()), QStringLiteral("Bee"));

    workspace->editStream(b, b->options(), QStringLiteral("Renamed"));
    QCOMPARE(streams->itemText(2), QStringLiteral("Renamed"));
    QCOMPARE(window.chartArea()->streamName(b->fields()), QStringLiteral("Renamed"));

    workspace->removeStream(b);
    QCOMPARE(streams->count(), 2);
    QCOMPARE(streams->itemText(1), a->name());
}

void TestMainWindow::selectingALogRowStopsFollowTail()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script(QStringLiteral("/events"), {numberEvents(40)});

    MainWindow window;
    window.resize(1024, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.workspace()->addStream(optionsFor(server.url()));
    EventLogPane *log = window.eventLog();
    QTRY_COMPARE_WITH_TIMEOUT(eventRows(*log->model()), 40, Timeout);
    QVERIFY(log->followTailAction()->isChecked());

    QTableView *view = log->view();
    const QModelIndex visible = view->indexAt(QPoint(4, 4));
    QVERIFY(visible.isValid());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(visible).center());
    QVERIFY(!log->followTailAction()->isChecked());
    QVERIFY(!log->isFollowingTail());
    QCOMPARE(view->currentIndex().row(), visible.row());
    QVERIFY(!log->detailView()->toPlainText().isEmpty());

    // Turning it on again follows the newest row.
    log->followTailAction()->setChecked(true);
    QVERIFY(log->isFollowingTail());
    view->selectRow(0);
    QVERIFY(!log->followTailAction()->isChecked());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
