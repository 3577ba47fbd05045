#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QAction;

// Makes the window's global shortcuts (Space, Esc, Ctrl+E, ...) work whatever widget has the
// focus, docks that float included: a table, a button or a chart that would take the key for itself
// leaves it to the action. Only where the key types or edits text does the focused widget keep it.
class GlobalShortcuts : public QObject
{
    Q_OBJECT

public:
    explicit GlobalShortcuts(QObject *parent = nullptr);

    // The action becomes an application-wide shortcut that no focused widget overrides.
    void add(QAction *action);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool isGlobal(const QKeySequence &sequence) const;

    QList<QPointer<QAction>> m_actions;
};
