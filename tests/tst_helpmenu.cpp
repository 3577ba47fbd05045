// The Help menu: its actions, the Keyboard Shortcuts sheet (F1 and Ctrl+/ from wherever the focus
// is, every shortcut of the window listed once, the filter, the keys of the charts), the About
// dialog and the Usage Guide link.

#include "AboutDialog.h"
#include "CaptureStore.h"
#include "ChartArea.h"
#include "ChartPanel.h"
#include "EventLogPane.h"
#include "HelpMenu.h"
#include "FocusPlaces.h"
#include "MainWindow.h"
#include "ModalAnswer.h"
#include "ScriptedServer.h"
#include "ShortcutSheet.h"
#include "Stream.h"
#include "StreamsPane.h"
#include "WindowStreams.h"
#include "Workspace.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDesktopServices>
#include <QDockWidget>
#include <QGraphicsView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <algorithm>

using namespace WindowStreams;

namespace {

const QString TestVersion = QStringLiteral("9.8.7-test");

struct Row
{
    QString action;
    QString keys;
    QString place;
};

QList<Row> rowsOf(const QAbstractItemModel *model)
{
    QList<Row> rows;
    for (int row = 0; row < model->rowCount(); ++row) {
        rows.append({cell(*model, row, ShortcutModel::ActionColumn), cell(*model, row, ShortcutModel::KeysColumn),
                     cell(*model, row, ShortcutModel::PlaceColumn)});
    }
    return rows;
}

qsizetype countRows(const QList<Row> &rows, const QString &action, const QString &keys)
{
    return std::count_if(rows.cbegin(), rows.cend(),
                         [&](const Row &row) { return row.action == action && row.keys == keys; });
}

QString native(const QKeySequence &sequence)
{
    return sequence.toString(QKeySequence::NativeText);
}

HelpMenu *helpOf(const MainWindow &window)
{
    return window.findChild<HelpMenu *>();
}

ShortcutSheet *openSheet(MainWindow &window)
{
    helpOf(window)->shortcutsAction()->trigger();
    ShortcutSheet *sheet = window.findChild<ShortcutSheet *>();
    return sheet && sheet->isVisible() ? sheet : nullptr;
}

} // namespace

class TestHelpMenu : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    // The handler of https links while a test runs: no browser is started.
    void noteUrl(const QUrl &url) { m_openedUrls.append(url); }

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void helpMenuIsTheLastMenu();
    void shortcutsOpenTheSheet_data();
    void shortcutsOpenTheSheet();
    void escapeClosesTheSheetOnly();
    void sheetListsEveryShortcutOnce();
    void filterNarrowsTheRows();
    void sheetListsTheKeysOfTheViews();
    void aboutShowsVersionQtAndLicence();
    void aboutQt();
    void usageGuideOpensTheHomepage();
    void modelPassesTheModelTester();

private:
    QList<QUrl> m_openedUrls;
};

void TestHelpMenu::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationVersion(TestVersion);
}

void TestHelpMenu::init()
{
    QSettings().clear();
    m_openedUrls.clear();
    QDesktopServices::setUrlHandler(QStringLiteral("https"), this, "noteUrl");
}

void TestHelpMenu::cleanup()
{
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
}

void TestHelpMenu::helpMenuIsTheLastMenu()
{
    MainWindow window;
    const QList<QAction *> menus = window.menuBar()->actions();
    QVERIFY(!menus.isEmpty());
    QMenu *help = menus.constLast()->menu();
    QVERIFY(help);
    QCOMPARE(help->title(), QStringLiteral("&Help"));
    QCOMPARE(menus.at(menus.size() - 2)->text(), QStringLiteral("&View"));
    QVERIFY(help->toolTipsVisible());

    QStringList names;
    for (const QAction *action : help->actions()) {
        names.append(action->isSeparator() ? QStringLiteral("-") : action->objectName());
        if (action->isSeparator())
            continue;
        QString text = action->text();
        text.remove(u'&');
        QVERIFY2(!action->toolTip().isEmpty() && action->toolTip() != text, qPrintable(action->objectName()));
    }
    QCOMPARE(names, (QStringList{"usageGuideAction", "keyboardShortcutsAction", "-", "aboutAction", "aboutQtAction"}));

    QAction *shortcuts = helpOf(window)->shortcutsAction();
    QCOMPARE(shortcuts->shortcuts(),
             (QList<QKeySequence>{QKeySequence(Qt::Key_F1), QKeySequence(Qt::CTRL | Qt::Key_Slash)}));
    QCOMPARE(shortcuts->shortcutContext(), Qt::ApplicationShortcut);
    QVERIFY(shortcuts->toolTip().contains(u"F1"));
    QVERIFY(shortcuts->toolTip().contains(u"Ctrl+/"));
    // Made when first asked for.
    QVERIFY(!window.findChild<ShortcutSheet *>());
    QVERIFY(!window.findChild<AboutDialog *>());
}

void TestHelpMenu::shortcutsOpenTheSheet_data()
{
    QTest::addColumn<QString>("focus");
    QTest::addColumn<QKeySequence>("key");

    const QKeySequence f1(Qt::Key_F1);
    const QKeySequence slash(Qt::CTRL | Qt::Key_Slash);
    QTest::newRow("F1 in the log's search field") << QStringLiteral("search") << f1;
    QTest::newRow("Ctrl+/ in the log's search field") << QStringLiteral("search") << slash;
    QTest::newRow("F1 in the stream table") << QStringLiteral("streams") << f1;
    QTest::newRow("Ctrl+/ in the stream table") << QStringLiteral("streams") << slash;
    QTest::newRow("F1 on a chart") << QStringLiteral("chart") << f1;
    QTest::newRow("Ctrl+/ on a chart") << QStringLiteral("chart") << slash;
    QTest::newRow("F1 in a floating Events dock") << QStringLiteral("floating log") << f1;
    QTest::newRow("Ctrl+/ in a floating Events dock") << QStringLiteral("floating log") << slash;
}

void TestHelpMenu::shortcutsOpenTheSheet()
{
    QFETCH(QString, focus);
    QFETCH(QKeySequence, key);

    ScriptedServer server;
    QVERIFY(server.start());
    server.script(QStringLiteral("/events"), {numberEvents(3)});
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    Stream *stream = window.workspace()->addStream(optionsFor(server.url()));
    QTRY_COMPARE_WITH_TIMEOUT(stream->capture()->size(), 3, Timeout);

    const FocusPlaces::Place place = FocusPlaces::find(window, focus);
    QWidget *target = place.widget;
    QVERIFY(target);
    QTRY_VERIFY(target->isVisible());
    QVERIFY(FocusPlaces::giveFocus(place));

    QVERIFY(!window.findChild<ShortcutSheet *>());
    QTest::keyClick(target, key[0].key(), key[0].keyboardModifiers());
    ShortcutSheet *sheet = window.findChild<ShortcutSheet *>();
    QVERIFY(sheet);
    QTRY_VERIFY(sheet->isVisible());
    QVERIFY(sheet->rows()->rowCount() > 0);
    QVERIFY(window.eventLog()->searchEdit()->text().isEmpty());
    QVERIFY(!window.chartArea()->isPaused());

    // Again from the window: the same sheet comes to the front, there is never a second one.
    sheet->hide();
    QVERIFY(FocusPlaces::giveFocus(place));
    QTest::keyClick(target, key[0].key(), key[0].keyboardModifiers());
    QTRY_VERIFY(sheet->isVisible());
    QCOMPARE(window.findChildren<ShortcutSheet *>().size(), 1);
}

void TestHelpMenu::escapeClosesTheSheetOnly()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.pauseAction()->setChecked(true);
    QVERIFY(window.chartArea()->isPaused());

    for (const char *child : {"shortcutFilter", "shortcutTable"}) {
        ShortcutSheet *sheet = openSheet(window);
        QVERIFY(sheet);
        QVERIFY(QTest::qWaitForWindowActive(sheet));
        QWidget *widget = sheet->findChild<QWidget *>(QLatin1String(child));
        QVERIFY(widget);
        widget->setFocus(Qt::OtherFocusReason);
        QTRY_VERIFY(widget->hasFocus());
        // Esc is the window's "follow the newest data" elsewhere; in the sheet it closes the sheet.
        QTest::keyClick(widget, Qt::Key_Escape);
        QTRY_VERIFY2(!sheet->isVisible(), child);
        QVERIFY2(window.pauseAction()->isChecked(), child);
        QVERIFY(window.chartArea()->isPaused());
    }
}

void TestHelpMenu::sheetListsEveryShortcutOnce()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ShortcutSheet *sheet = openSheet(window);
    QVERIFY(sheet);
    const QList<Row> rows = rowsOf(sheet->rows());

    const auto find = [&rows](const QString &action) -> Row {
        for (const Row &row : rows) {
            if (row.action == action)
                return row;
        }
        return {};
    };
    const Row add = find(QStringLiteral("Add Stream\u2026"));
    QCOMPARE(add.keys, native(QKeySequence(Qt::CTRL | Qt::Key_N)));
    QCOMPARE(add.place, QStringLiteral("Stream"));
    const Row exportEvents = find(QStringLiteral("Export Events\u2026"));
    QCOMPARE(exportEvents.keys, native(QKeySequence(Qt::CTRL | Qt::Key_E)));
    QCOMPARE(exportEvents.place, QStringLiteral("File"));
    const Row help = find(QStringLiteral("Keyboard Shortcuts"));
    QCOMPARE(help.keys, QStringLiteral("F1, Ctrl+/"));
    QCOMPARE(help.place, QStringLiteral("Help"));
    QCOMPARE(find(QStringLiteral("Pause Charts")).keys, native(QKeySequence(Qt::Key_Space)));
    QCOMPARE(find(QStringLiteral("Find in Log")).keys, native(QKeySequence(Qt::CTRL | Qt::Key_F)));
    QCOMPARE(find(QStringLiteral("Follow Newest Data")).keys, native(QKeySequence(Qt::Key_Escape)));

    // Every action of the window that has a (working) shortcut: once, with all its keys.
    int actions = 0;
    for (const QAction *action : window.findChildren<QAction *>()) {
        if (action->shortcuts().isEmpty() || !action->isVisible() || action->associatedObjects().isEmpty())
            continue;
        QString text = action->text();
        text.remove(u'&');
        QStringList keys;
        for (const QKeySequence &sequence : action->shortcuts())
            keys.append(native(sequence));
        QVERIFY2(countRows(rows, text, keys.join(QStringLiteral(", "))) == 1, qPrintable(action->objectName()));
        ++actions;
    }
    QVERIFY(actions >= 15);
    // The rest are the keys of the views, each once.
    const QList<ShortcutModel::Entry> viewKeys = ShortcutSheet::viewKeys();
    QCOMPARE(rows.size(), actions + viewKeys.size());
    for (const ShortcutModel::Entry &entry : viewKeys)
        QCOMPARE(countRows(rows, entry.action, entry.keys), 1);

    // Sorted by menu, in the menu bar's order, the views' keys after the menus.
    const QStringList order{"File", "Stream", "View", "Help", "Charts", "Event log"};
    int last = 0;
    for (const Row &row : rows) {
        const int rank = int(order.indexOf(row.place));
        QVERIFY2(rank >= last, qPrintable(row.place + u' ' + row.action));
        last = rank;
    }
    QCOMPARE(rows.constFirst().place, QStringLiteral("File"));
    QCOMPARE(rows.constLast().place, QStringLiteral("Event log"));
    // Within a menu the menu's order: Open Session… comes before Quit.
    QCOMPARE(rows.constFirst().action, QStringLiteral("Open Session\u2026"));
}

void TestHelpMenu::filterNarrowsTheRows()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ShortcutSheet *sheet = openSheet(window);
    QVERIFY(sheet);
    QVERIFY(QTest::qWaitForWindowActive(sheet));
    QAbstractItemModel *rows = sheet->rows();
    const int all = rows->rowCount();
    QVERIFY(all > 20);
    // Opening puts the focus in the filter: typing narrows at once.
    QTRY_VERIFY(sheet->filterEdit()->hasFocus());

    QTest::keyClicks(sheet->filterEdit(), QStringLiteral("export"));
    QVERIFY(rows->rowCount() >= 1);
    QVERIFY(rows->rowCount() < all);
    for (const Row &row : rowsOf(rows))
        QVERIFY2(QString(row.action + row.keys + row.place).contains(u"export", Qt::CaseInsensitive), qPrintable(row.action));
    QCOMPARE(countRows(rowsOf(rows), QStringLiteral("Export Events\u2026"), native(QKeySequence(Qt::CTRL | Qt::Key_E))), 1);

    // By key, and the keys of the views too.
    sheet->filterEdit()->clear();
    QCOMPARE(rows->rowCount(), all);
    QTest::keyClicks(sheet->filterEdit(), QStringLiteral("wheel"));
    QCOMPARE(rows->rowCount(), 2);
    for (const Row &row : rowsOf(rows))
        QCOMPARE(row.place, QStringLiteral("Charts"));

    sheet->filterEdit()->clear();
    QTest::keyClicks(sheet->filterEdit(), QStringLiteral("no such shortcut"));
    QCOMPARE(rows->rowCount(), 0);
    sheet->filterEdit()->clear();
    QCOMPARE(rows->rowCount(), all);
}

void TestHelpMenu::sheetListsTheKeysOfTheViews()
{
    MainWindow window;
    ShortcutSheet *sheet = nullptr;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    sheet = openSheet(window);
    QVERIFY(sheet);
    const QList<Row> rows = rowsOf(sheet->rows());
    const auto hasKeys = [&rows](const QString &keys, const QString &place) {
        return std::any_of(rows.cbegin(), rows.cend(),
                           [&](const Row &row) { return row.keys.contains(keys) && row.place == place; });
    };
    // What README's dashboard section says the charts and the log answer to.
    QVERIFY(hasKeys(QStringLiteral("Ctrl+Wheel"), QStringLiteral("Charts")));
    QVERIFY(hasKeys(QStringLiteral("Ctrl+Shift+Wheel"), QStringLiteral("Charts")));
    QVERIFY(hasKeys(QStringLiteral("Left, Right, Up, Down"), QStringLiteral("Charts")));
    QVERIFY(hasKeys(QStringLiteral("Right drag"), QStringLiteral("Charts")));
    QVERIFY(hasKeys(QStringLiteral("Drag"), QStringLiteral("Charts")));
    QVERIFY(hasKeys(QStringLiteral("Space"), QStringLiteral("View")));
    QVERIFY(hasKeys(QStringLiteral("Esc"), QStringLiteral("View")));
    QVERIFY(hasKeys(QStringLiteral("Ctrl+F"), QStringLiteral("View")));
    QVERIFY(hasKeys(QStringLiteral("Ctrl+E"), QStringLiteral("File")));
    // Every row says what it does in words.
    for (const Row &row : rows)
        QVERIFY(!row.action.isEmpty() && !row.keys.isEmpty() && !row.place.isEmpty());
}

void TestHelpMenu::aboutShowsVersionQtAndLicence()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    helpOf(window)->aboutAction()->trigger();
    AboutDialog *about = window.findChild<AboutDialog *>();
    QVERIFY(about);
    QTRY_VERIFY(about->isVisible());
    QCOMPARE(about->windowTitle(), QStringLiteral("About EventScope"));

    auto *label = about->findChild<QLabel *>(QStringLiteral("aboutText"));
    QVERIFY(label);
    QVERIFY(label->isVisible());
    const QString text = label->text();
    QCOMPARE(about->text(), text);
    QVERIFY2(text.contains(u"EventScope"), qPrintable(text));
    QVERIFY2(text.contains(TestVersion), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String(qVersion())), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String(QT_VERSION_STR)), qPrintable(text));
    QVERIFY2(text.contains(u"MIT"), qPrintable(text));
    QVERIFY2(text.contains(u"LGPL"), qPrintable(text));
    QVERIFY2(text.contains(u"2026 The EventScope developers"), qPrintable(text));
    QVERIFY2(text.contains(u"<a href=\"https://github.com/eventscope/eventscope\">"), qPrintable(text));
    QVERIFY(label->openExternalLinks());
    // The whole text fits: the dialog is at least as tall as the wrapped text needs.
    QVERIFY(label->height() >= label->heightForWidth(label->width()));

    // Without the resource the icon is the application's or none, and the dialog still opens.
    about->reject();
    QTRY_VERIFY(!about->isVisible());
    helpOf(window)->aboutAction()->trigger();
    QTRY_VERIFY(about->isVisible());
    QCOMPARE(window.findChildren<AboutDialog *>().size(), 1);
    about->reject();
}

void TestHelpMenu::aboutQt()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QString text;
    ModalAnswer::answer([&text](QWidget *modal) {
        if (auto *box = qobject_cast<QMessageBox *>(modal))
            text = box->text() + box->informativeText();
    });
    helpOf(window)->aboutQtAction()->trigger();
    QVERIFY2(text.contains(QLatin1String(qVersion())), qPrintable(text));
}

void TestHelpMenu::usageGuideOpensTheHomepage()
{
    MainWindow window;
    helpOf(window)->usageGuideAction()->trigger();
    QCOMPARE(m_openedUrls, QList<QUrl>{QUrl(QStringLiteral("https://github.com/eventscope/eventscope#usage"))});
}

void TestHelpMenu::modelPassesTheModelTester()
{
    MainWindow window;
    ShortcutModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries(ShortcutModel::actionEntries(&window));
    QVERIFY(model.rowCount() > 10);
    model.setEntries(ShortcutSheet::viewKeys());
    QCOMPARE(model.rowCount(), ShortcutSheet::viewKeys().size());
    model.setEntries({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestHelpMenu)
#include "tst_helpmenu.moc"
