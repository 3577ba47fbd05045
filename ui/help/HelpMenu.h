#pragma once

#include <QObject>
#include <QUrl>

class AboutDialog;
class GlobalShortcuts;
class QAction;
class QMainWindow;
class QMenu;
class ShortcutSheet;

// The window's Help menu: Usage Guide, Keyboard Shortcuts (F1, Ctrl+/, wherever the focus is),
// About EventScope and About Qt. It owns the actions and opens the sheet and the dialog.
class HelpMenu : public QObject
{
    Q_OBJECT

public:
    // Adds the menu to the end of the window's menu bar and registers its shortcuts.
    HelpMenu(QMainWindow *window, GlobalShortcuts *shortcuts);

    static QUrl usageGuideUrl();

    QMenu *menu() const { return m_menu; }
    QAction *usageGuideAction() const { return m_usageGuideAction; }
    QAction *shortcutsAction() const { return m_shortcutsAction; }
    QAction *aboutAction() const { return m_aboutAction; }
    QAction *aboutQtAction() const { return m_aboutQtAction; }
    // Made the first time they are opened.
    ShortcutSheet *shortcutSheet() const { return m_sheet; }
    AboutDialog *aboutDialog() const { return m_about; }

public Q_SLOTS:
    void showShortcuts();
    void showAbout();
    void openUsageGuide();

private:
    QMainWindow *m_window;
    QMenu *m_menu;
    QAction *m_usageGuideAction;
    QAction *m_shortcutsAction;
    QAction *m_aboutAction;
    QAction *m_aboutQtAction;
    ShortcutSheet *m_sheet = nullptr;
    AboutDialog *m_about = nullptr;
};
