#include "EventLogExporter.h"

#include "CapturedEvent.h"
#include "EventLogModel.h"
#include "JsonlWriter.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

int EventLogExporter::exportJsonLines(const QAbstractItemModel &model, const QString &path,
                                      QString *errorMessage)
{
    QSaveFile file(path);
    const auto failed = [&](const QString &reason) {
        if (errorMessage) {
            *errorMessage = QCoreApplication::translate("EventLogExporter",
                                                        "Cannot export the events to %1: %2")
                                .arg(QDir::toNativeSeparators(path), reason);
        }
        return -1;
    };
    if (!file.open(QIODevice::WriteOnly))
        return failed(file.errorString());

    JsonlWriter writer(&file);
    writer.begin();
    const int rows = model.rowCount();
    int written = 0;
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = model.index(row, 0);
        const int kind = index.data(EventLogModel::KindRole).toInt();
        if (kind == int(EventLogModel::RowKind::Comment)) {
            // Shown, so exported, as `record --comments` writes them.
            writer.writeComment(index.data(EventLogModel::UrlRole).toString(),
                                index.data(EventLogModel::FullDataRole).toString().toUtf8(),
                                index.data(EventLogModel::ReceivedAtRole).toDateTime().toMSecsSinceEpoch());
            continue;
        }
        if (kind != int(EventLogModel::RowKind::Event))
            continue;
        CapturedEvent captured;
        captured.url = index.data(EventLogModel::UrlRole).toString();
        captured.event.type = index.data(EventLogModel::TypeRole).toString();
        captured.event.data = index.data(EventLogModel::FullDataRole).toString();
        captured.event.lastEventId = index.data(EventLogModel::IdRole).toString();
        captured.receivedAt = index.data(EventLogModel::ReceivedAtRole).toDateTime().toUTC();
        captured.connection = index.data(EventLogModel::ConnectionRole).toInt();
        writer.write(captured);
        ++written;
    }
    if (!writer.flush())
        return failed(writer.errorString());
    if (!file.commit())
        return failed(file.errorString());
    return written;
}
