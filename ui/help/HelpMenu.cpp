#include "HelpMenu.h"

#include "AboutDialog.h"
#include "ActionFactory.h"
#include "GlobalShortcuts.h"
#include "ShortcutSheet.h"

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>

QUrl HelpMenu::usageGuideUrl()
{
    QUrl url = AboutDialog::homepage();
    url.setFragment(QStringLiteral("usage"));
    return url;
}

HelpMenu::HelpMenu(QMainWindow *window, GlobalShortcuts *shortcuts)
    : QObject(window)
    , m_window(window)
{
    m_usageGuideAction = ActionFactory::make(this, tr("&Usage Guide"), QStringLiteral("usageGuideAction"), {},
                                             tr("Open the usage guide on the project's homepage in your web browser"));
    connect(m_usageGuideAction, &QAction::triggered, this, &HelpMenu::openUsageGuide);

    const QList<QKeySequence> keys{QKeySequence(Qt::Key_F1), QKeySequence(Qt::CTRL | Qt::Key_Slash)};
    m_shortcutsAction = ActionFactory::make(this, tr("&Keyboard Shortcuts"), QStringLiteral("keyboardShortcutsAction"),
                                            keys.constFirst(), {});
    m_shortcutsAction->setShortcuts(keys);
    const QString what = tr("List every shortcut of the window and the keys of the charts");
    m_shortcutsAction->setStatusTip(what);
    m_shortcutsAction->setToolTip(tr("%1 (%2, %3)").arg(what, keys.at(0).toString(QKeySequence::NativeText),
                                                       keys.at(1).toString(QKeySequence::NativeText)));
    connect(m_shortcutsAction, &QAction::triggered, this, &HelpMenu::showShortcuts);

    m_aboutAction = ActionFactory::make(this, tr("&About EventScope"), QStringLiteral("aboutAction"), {},
                                        tr("EventScope's version, the Qt it runs on, its licence and homepage"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &HelpMenu::showAbout);
    m_aboutQtAction = ActionFactory::make(this, tr("About &Qt"), QStringLiteral("aboutQtAction"), {},
                                          tr("The version and licence of the Qt toolkit"));
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);

    m_menu = window->menuBar()->addMenu(tr("&Help"));
    m_menu->setObjectName(QStringLiteral("helpMenu"));
    m_menu->setToolTipsVisible(true);
    m_menu->addActions({m_usageGuideAction, m_shortcutsAction});
    m_menu->addSeparator();
    m_menu->addActions({m_aboutAction, m_aboutQtAction});

    // F1 and Ctrl+/ wherever the focus is, floating docks included.
    shortcuts->add(m_shortcutsAction);
    window->addAction(m_shortcutsAction);
}

void HelpMenu::showShortcuts()
{
    if (!m_sheet)
        m_sheet = new ShortcutSheet(m_window);
    m_sheet->showSheet();
}

void HelpMenu::showAbout()
{
    if (!m_about)
        m_about = new AboutDialog(m_window);
    m_about->open();
}

void HelpMenu::openUsageGuide()
{
    const QUrl url = usageGuideUrl();
    if (!QDesktopServices::openUrl(url)) {
        QMessageBox::information(m_window, tr("Usage Guide"),
                                 tr("No web browser could be started. The usage guide is at\n%1")
                                     .arg(url.toString()));
    }
}
