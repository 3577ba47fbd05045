#include "ActionFactory.h"

#include <QAction>

namespace ActionFactory {

QString withShortcut(const QString &toolTip, const QKeySequence &shortcut)
{
    if (shortcut.isEmpty())
        return toolTip;
    return QStringLiteral("%1 (%2)").arg(toolTip, shortcut.toString(QKeySequence::NativeText));
}

QAction *make(QObject *parent, const QString &text, const QString &objectName,
              const QKeySequence &shortcut, const QString &toolTip)
{
    auto *action = new QAction(text, parent);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    action->setToolTip(withShortcut(toolTip, shortcut));
    action->setStatusTip(toolTip);
    return action;
}

} // namespace ActionFactory
