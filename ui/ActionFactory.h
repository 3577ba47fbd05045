#pragma once

#include <QKeySequence>
#include <QString>

class QAction;
class QObject;

namespace ActionFactory {

// An action with its object name, shortcut, and a tooltip that names the shortcut.
QAction *make(QObject *parent, const QString &text, const QString &objectName,
              const QKeySequence &shortcut, const QString &toolTip);

// "Export events (Ctrl+E)"
QString withShortcut(const QString &toolTip, const QKeySequence &shortcut);

} // namespace ActionFactory
