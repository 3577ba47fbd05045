#pragma once

#include <QByteArray>
#include <QMimeData>
#include <QString>

#include <optional>
#include <utility>

// What is dragged within the dashboard: a field from the Fields dock onto a panel, or a panel by
// its title bar onto another panel.
namespace DashboardMime {

inline const QString FieldType = QStringLiteral("application/x-eventscope-field");
inline const QString PanelType = QStringLiteral("application/x-eventscope-panel");

QMimeData *fieldData(quint64 stream, const QString &key);
std::optional<std::pair<quint64, QString>> field(const QMimeData *data);
QMimeData *panelData(int panelId);
std::optional<int> panel(const QMimeData *data);

} // namespace DashboardMime
