#pragma once

#include "EventSource.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QDeadlineTimer>
#include <QIcon>
#include <QPointer>
#include <QTimer>

#include <array>
#include <memory>
#include <vector>

// The subscribed streams, one row each: URL, connection state, events received, last event ID.
//
// It observes EventSource objects it does not own; a source that is destroyed leaves the model.
// Counters change with every event, so their rows are repainted on a display tick, not per event.
class StreamListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { UrlColumn, StateColumn, EventsColumn, LastEventIdColumn, ColumnCount };
    enum class Status { Connecting, Open, Reconnecting, Failed, Ended, Closed };
    Q_ENUM(Status)
    enum Role {
        StatusRole = Qt::UserRole + 1, // Status as int
        StatusColorRole,               // QColor of the state decoration
    };

    static constexpr int DefaultUpdateIntervalMs = 33;

    explicit StreamListModel(QObject *parent = nullptr);
    ~StreamListModel() override;

    void addSource(EventSource *source);
    void removeSource(EventSource *source);
    EventSource *source(int row) const;
    int rowOf(const EventSource *source) const;
    bool contains(const QUrl &url) const;

    Status status(int row) const;
    QString statusText(int row) const;
    int openCount() const;
    qint64 totalEventCount() const;

    void setUpdateInterval(int ms);
    int updateInterval() const { return m_tick.interval(); }

    // "Reconnecting in 2.4 s (attempt 3 — HTTP 503)"; without the delay once it has run out.
    static QString reconnectingText(int remainingMs, int attempt, const QString &reason);
    static QColor statusColor(Status status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // The open count or the total event count changed.
    void totalsChanged();

private:
    struct Row
    {
        QPointer<EventSource> source;
        QString url;
        Status status = Status::Connecting;
        QString reason;
        int attempt = 0;
        QDeadlineTimer reconnectDeadline;
        qint64 events = 0;
        QString lastEventId;
        bool countersDirty = false;
    };

    int rowOf(const Row *row) const;
    void setStatus(Row *row, Status status, const QString &reason);
    void scheduleTick();
    void tick();
    QIcon statusIcon(Status status) const;

    std::vector<std::unique_ptr<Row>> m_rows;
    QTimer m_tick;
    mutable std::array<QIcon, 6> m_icons;
};
