#pragma once

#include <QObject>

class QAction;
class QWidget;
struct Preferences;

// File ▸ Preferences: opens the dialog, saves what was chosen, and applies at once what can be
// applied while running (theme, time zone); the rest applies at the next start.
class PreferencesController : public QObject
{
    Q_OBJECT

public:
    // `limitsAction` opens the limits, which the dialog offers a button for.
    PreferencesController(QWidget *window, QAction *limitsAction, QObject *parent = nullptr);

    QAction *action() const { return m_action; }

    // All of `preferences` that shapes the window, before it is built: font scale, theme, zone.
    static void applyAtStart(const Preferences &preferences);
    // What applies while running: the theme and the time zone.
    static void applyLook(const Preferences &preferences);

Q_SIGNALS:
    void message(const QString &text);

private:
    void edit();

    QWidget *m_window;
    QAction *m_action;
    QAction *m_limitsAction;
};
