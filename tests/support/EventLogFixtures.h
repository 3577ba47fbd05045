#pragma once

// Rows for the event log's suites: events, connection changes, and reading cells back.

#include "EventLogModel.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace EventLogFixtures {

inline const QString UrlA = QStringLiteral("http://127.0.0.1:8080/a");

inline CapturedEvent makeEvent(int id, const QString &type = QStringLiteral("message"),
                        const QString &url = UrlA)
{
    CapturedEvent captured;
    captured.url = url;
    captured.event.type = type;
    captured.event.lastEventId = QString::number(id);
    captured.event.data = QStringLiteral("{\"count\": %1}").arg(id);
    captured.receivedAt = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000 + id, Qt::UTC);
    captured.connection = 1;
    return captured;
}

inline QList<CapturedEvent> makeEvents(int from, int count)
{
    QList<CapturedEvent> events;
    for (int id = from; id < from + count; ++id)
        events.append(makeEvent(id));
    return events;
}

inline ConnectionEvent makeConnection(ConnectionEvent::Kind kind, const QString &reason = {}, int connection = 0,
                               int attempt = 0, int delayMs = 0)
{
    ConnectionEvent event;
    event.kind = kind;
    event.timeMs = 1'700'000'000'000;
    event.reason = reason;
    event.connection = connection;
    event.attempt = attempt;
    event.delayMs = delayMs;
    return event;
}

inline QString cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

inline QStringList ids(const QAbstractItemModel &model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list.append(cell(model, row, EventLogModel::IdColumn));
    return list;
}

// The counts agree with the rows, whatever happened before.
inline bool countsAreExact(const EventLogModel &model)
{
    return model.totalAppended() == model.rowCount() + model.pendingCount() + model.droppedCount();
}

} // namespace EventLogFixtures
