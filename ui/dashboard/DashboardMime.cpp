#include "DashboardMime.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace DashboardMime {

QMimeData *fieldData(quint64 stream, const QString &key)
{
    auto *data = new QMimeData;
    const QJsonObject json{{QStringLiteral("stream"), QString::number(stream)}, {QStringLiteral("key"), key}};
    data->setData(FieldType, QJsonDocument(json).toJson(QJsonDocument::Compact));
    data->setText(key);
    return data;
}

std::optional<std::pair<quint64, QString>> field(const QMimeData *data)
{
    if (!data || !data->hasFormat(FieldType))
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(data->data(FieldType)).object();
    bool ok = false;
    const quint64 stream = json.value(QStringLiteral("stream")).toString().toULongLong(&ok);
    const QString key = json.value(QStringLiteral("key")).toString();
    if (!ok || key.isEmpty())
        return std::nullopt;
    return std::pair{stream, key};
}

QMimeData *panelData(int panelId)
{
    auto *data = new QMimeData;
    data->setData(PanelType, QByteArray::number(panelId));
    return data;
}

std::optional<int> panel(const QMimeData *data)
{
    if (!data || !data->hasFormat(PanelType))
        return std::nullopt;
    bool ok = false;
    const int id = data->data(PanelType).toInt(&ok);
    return ok ? std::optional<int>(id) : std::nullopt;
}

} // namespace DashboardMime
