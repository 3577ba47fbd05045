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

    // The theme and time zone of `preferences`, for the whole program.
    static void applyLook(const Preferences &preferences);

Q_SIGNALS:
    void message(const QString &text);

private:
    void edit();

    QWidget *m_window;
    QAction *m_action;
    QAction *m_limitsAction;
};
