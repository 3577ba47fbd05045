// Helpers of the suites that drive the whole window: their streams, and what the window shows of them.
#pragma once

#include "EventLogModel.h"
#include "EventSourceOptions.h"
#include "MainWindow.h"
#include "ScriptedServer.h"

#include <QAbstractItemModel>
#include <QByteArray>
#include <QDockWidget>
#include <QLatin1String>
#include <QString>
#include <QUrl>

namespace WindowStreams {

// How long a window suite waits at most for what a stream brings to show.
constexpr int Timeout = 20000;

inline EventSourceOptions optionsFor(const QUrl &url)
{
    EventSourceOptions options;
    options.url = url;
    return options;
}

inline EventSourceOptions optionsFor(const QString &url)
{
    return optionsFor(QUrl(url));
}

// `count` events with ids 1.., each {"<field>": offset + id}; then the connection stays open.
inline ScriptedServer::Response numberEvents(int count, const char *field = "n", int offset = 0)
{
    QByteArray bytes;
    for (int i = 1; i <= count; ++i)
        bytes += "id: " + QByteArray::number(i) + "\ndata: {\"" + field + "\": " + QByteArray::number(offset + i)
            + "}\n\n";
    return ScriptedServer::Response::events().send(bytes).stall();
}

inline QString cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

// The log's event rows (connection rows left out), of one stream or of all.
inline int eventRows(const EventLogModel &log, quint64 streamId = 0)
{
    int count = 0;
    for (int row = 0; row < log.rowCount(); ++row) {
        const QModelIndex index = log.index(row, 0);
        if (index.data(EventLogModel::KindRole).toInt() == int(EventLogModel::RowKind::Event)
            && (streamId == 0 || index.data(EventLogModel::StreamIdRole).toULongLong() == streamId))
            ++count;
    }
    return count;
}

inline QDockWidget *dock(const MainWindow &window, const char *name)
{
    return window.findChild<QDockWidget *>(QLatin1String(name));
}

} // namespace WindowStreams
