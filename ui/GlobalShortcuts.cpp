#include "GlobalShortcuts.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace {

// Where a key types or edits text, the text keeps it.
bool editsText(const QObject *widget, const QKeySequence &sequence)
{
    const bool plainKey = sequence[0].keyboardModifiers() == Qt::NoModifier
        || sequence[0].keyboardModifiers() == Qt::ShiftModifier;
    if (!plainKey)
        return false;
    if (const auto *line = qobject_cast<const QLineEdit *>(widget))
        return !line->isReadOnly();
    if (const auto *text = qobject_cast<const QTextEdit *>(widget))
        return !text->isReadOnly();
    if (const auto *text = qobject_cast<const QPlainTextEdit *>(widget))
        return !text->isReadOnly();
    if (qobject_cast<const QAbstractSpinBox *>(widget))
        return true;
    if (const auto *combo = qobject_cast<const QComboBox *>(widget))
        return combo->isEditable() || combo->view()->isVisible();
    return false;
}

} // namespace

GlobalShortcuts::GlobalShortcuts(QObject *parent)
    : QObject(parent)
{
    qApp->installEventFilter(this);
}

void GlobalShortcuts::add(QAction *action)
{
    action->setShortcutContext(Qt::ApplicationShortcut);
    m_actions.append(action);
}

bool GlobalShortcuts::isGlobal(const QKeySequence &sequence) const
{
    for (const QPointer<QAction> &action : m_actions) {
        if (action && action->isEnabled() && action->shortcut() == sequence)
            return true;
    }
    return false;
}

bool GlobalShortcuts::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ShortcutOverride || !watched->isWidgetType())
        return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    const QKeySequence sequence(key->keyCombination());
    if (!isGlobal(sequence) || editsText(watched, sequence))
        return false;
    // Filtered without being accepted: the focused widget does not claim the key, so the
    // shortcut map gives it to the action.
    event->ignore();
    return true;
}
