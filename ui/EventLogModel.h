#pragma once

#include "SseEvent.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QTimer>

#include <deque>

// The most recent events of every stream: time, stream, type, ID and a one-line preview.
//
// Bounded: past maximumRows() the oldest rows fall out; each row keeps the event's whole data, so
// that what is exported is what arrived. Events are buffered by append() and
// enter the model in one batch per display tick (one beginInsertRows per tick), so a fast stream
// costs one view update per frame rather than one per event.
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, StreamColumn, TypeColumn, IdColumn, DataColumn, ColumnCount };
    // The whole event, whatever the column: for filters and the detail view.
    enum Role {
        StreamRole = Qt::UserRole + 1,
        TypeRole,
        IdRole,
        FullDataRole,   // the stored data, not the one-line preview
        ReceivedAtRole, // QDateTime
        ConnectionRole, // int: 1 for the stream's first connection, 0 when not known
    };

    static constexpr int DefaultMaximumRows = 10000;
    static constexpr int DefaultFlushIntervalMs = 33;
    static constexpr int MaximumToolTipLength = 1000;

    explicit EventLogModel(QObject *parent = nullptr);
    ~EventLogModel() override;

    // Shown on the next display tick; `receivedAt` defaults to now.
    void append(const QString &stream, const SseEvent &event, const QDateTime &receivedAt = {},
                int connection = 0);
    // Moves the buffered events into the model now.
    void flush();
    void clear();

    int pendingCount() const { return int(m_pending.size()); }

    void setMaximumRows(int rows);
    int maximumRows() const { return m_maximumRows; }

    void setFlushInterval(int ms);
    int flushInterval() const { return m_flushTimer.interval(); }

    // The data on one line: line breaks shown as " ⏎ ", cut at `maximumLength` with an ellipsis.
    static QString preview(const QString &data, int maximumLength = 200);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Entry
    {
        qint64 receivedAtMs;
        QString stream;
        QString type;
        QString id;
        QString data;
        int connection;
    };

    void trimPending();

    std::deque<Entry> m_rows;
    std::deque<Entry> m_pending;
    int m_maximumRows = DefaultMaximumRows;
    QTimer m_flushTimer;
};
