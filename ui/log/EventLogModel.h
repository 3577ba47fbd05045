#pragma once

#include "AlertMonitor.h"
#include "CapturedEvent.h"
#include "ConnectionEvent.h"
#include "StreamComment.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QHash>
#include <QList>
#include <QTimer>

#include <deque>
#include <optional>

// The most recent rows of every stream: its events, its comments, the changes of its connection
// (opened, lost, reconnecting, failed, notices...) and its alerts firing and resolving, in arrival order.
//
// Rows name their stream by id; the Stream column shows the name set with setStreamName(), so a
// rename changes no row. Bounded: past maximumRows() the oldest rows fall out, events and
// connection rows alike, and are counted in droppedCount(). Each event row keeps the whole data,
// so that what is exported is what arrived. Rows are buffered and enter the model in one batch per
// display tick (one beginInsertRows per flush), so a fast stream costs one view update per frame
// rather than one per event.
//
// The counts are exact and always satisfy
//     totalAppended() == rowCount() + pendingCount() + droppedCount()
// removeStream() takes the stream's rows and its share of both counts with it; clear() zeroes them.
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, StreamColumn, TypeColumn, IdColumn, DataColumn, ColumnCount };
    enum class RowKind { Event, Connection, Alert, Comment };
    // The whole row, whatever the column: for filters, the detail view and the export.
    enum Role {
        StreamRole = Qt::UserRole + 1, // QString: the stream's name
        TypeRole,           // QString: the event type; empty for connection and alert rows
        IdRole,             // QString: the event ID; empty for connection rows
        FullDataRole,       // QString: the stored data, or a connection or alert row's whole text
        ReceivedAtRole,     // QDateTime (UTC)
        ConnectionRole,     // int: 1 for the stream's first connection, 0 when not known
        StreamIdRole,       // quint64
        UrlRole,            // QString: the URL an event came from; empty for connection rows
        KindRole,           // int: RowKind
        ConnectionKindRole, // int: ConnectionEvent::Kind; invalid for events
        ReasonRole,         // QString: a connection row's reason, an alert row's detail
        AttemptRole,        // int: a connection row's reconnection attempt
        DelayRole,          // int: a connection row's reconnection delay, ms
        AlertStateRole,     // int: AlertTransition::State of an alert row; invalid otherwise
    };

    static constexpr int DefaultMaximumRows = 10000;
    static constexpr int DefaultFlushIntervalMs = 33;
    static constexpr int MaximumToolTipLength = 1000;

    explicit EventLogModel(QObject *parent = nullptr);
    ~EventLogModel() override;

    // Shown on the next display tick (or flush()).
    void appendEvents(quint64 streamId, const QList<CapturedEvent> &events);
    void appendConnectionEvent(quint64 streamId, const ConnectionEvent &event);
    // Comment rows: the text in the Data column, "comment" in the Type column.
    void appendComments(quint64 streamId, const QList<StreamComment> &comments);
    // A rule of the stream fired or resolved (Ok transitions make no row).
    void appendAlertTransition(quint64 streamId, const AlertTransition &transition);
    // Moves the buffered rows into the model now.
    void flush();
    void clear();

    void setStreamName(quint64 streamId, const QString &name);
    QString streamName(quint64 streamId) const;
    // The stream's rows leave the log, buffered ones too; its name is forgotten.
    void removeStream(quint64 streamId);

    int pendingCount() const { return int(m_pending.size()); }
    // Rows that fell out because of the cap (before or after they were shown), events and
    // connection rows alike.
    qint64 droppedCount() const { return m_dropped; }
    // Every row appended since the last clear(), of the streams still in the log.
    qint64 totalAppended() const { return m_appended; }

    void setMaximumRows(int rows);
    int maximumRows() const { return m_maximumRows; }

    // FlushedByOwner: no timer of its own; rows wait for flush().
    static constexpr int FlushedByOwner = -1;
    void setFlushInterval(int ms);
    int flushInterval() const { return m_flushedByOwner ? FlushedByOwner : m_flushTimer.interval(); }

    // The data on one line: line breaks shown as " ⏎ ", cut at `maximumLength` with an ellipsis.
    static QString preview(const QString &data, int maximumLength = 200);
    // A connection row as the log shows it, e.g. "Connection lost — HTTP 503".
    static QString connectionText(const ConnectionEvent &event);
    // Green for opened, amber for lost, reconnecting and ID resets, red for failed, grey otherwise.
    static QColor connectionColor(ConnectionEvent::Kind kind);
    // What a connection row's and a comment row's Type column say.
    static QString connectionTypeText();
    static QString commentTypeText();
    // An alert row's Type column ("alert firing", "alert resolved") and Data column
    // ("/count > 3 (value 4)"); red for firing, green for resolved.
    static QString alertTypeText(AlertTransition::State state);
    static QString alertText(const QString &ruleText, const std::optional<double> &value);
    static QColor alertColor(AlertTransition::State state);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    static constexpr qint8 EventKind = -1;
    static constexpr qint8 AlertFiringKind = -2;
    static constexpr qint8 AlertResolvedKind = -3;
    static constexpr qint8 CommentKind = -4;

    struct Entry
    {
        qint64 timeMs = 0;
        quint64 streamId = 0;
        QString url;
        QString type;
        QString id;
        QString data; // connection rows: the reason; alert rows: the rule and value
        QString detail; // alert rows
        int connection = 0;
        int attempt = 0;
        int delayMs = 0;
        qint8 kind = EventKind; // or a ConnectionEvent::Kind, or an alert kind

        bool isEvent() const { return kind == EventKind; }
        bool isAlert() const { return kind == AlertFiringKind || kind == AlertResolvedKind; }
        bool isComment() const { return kind == CommentKind; }
        AlertTransition::State alertState() const;
        ConnectionEvent connectionEvent() const;
    };
    struct Counts
    {
        qint64 appended = 0;
        qint64 dropped = 0;
    };

    void push(Entry &&entry);
    void trimPending();
    void dropPending(size_t count); // the oldest rows waiting for the next flush
    void startFlushTimer();
    void removeOldestRows(size_t count);
    void countDropped(const Entry &entry);
    QString displayName(const Entry &entry) const;
    // What rows that are not events answer alike (stream, times, id); nullopt for the others.
    std::optional<QVariant> sharedData(const Entry &entry, int column, int role) const;
    QVariant alertData(const Entry &entry, int column, int role) const;
    QVariant commentData(const Entry &entry, int column, int role) const;

    std::deque<Entry> m_rows;
    std::deque<Entry> m_pending;
    QHash<quint64, QString> m_names;
    QHash<quint64, Counts> m_counts;
    qint64 m_appended = 0;
    qint64 m_dropped = 0;
    int m_maximumRows = DefaultMaximumRows;
    QTimer m_flushTimer;
    bool m_flushedByOwner = false;
};
