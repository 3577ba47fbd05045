#pragma once

#include "EventSource.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QIcon>
#include <QList>
#include <QPointer>
#include <QTimer>

#include <array>
#include <functional>
#include <memory>
#include <vector>

// The subscribed streams, one row each: name, URL, connection state, counters and rates.
//
// It observes EventSource objects it does not own; a source that is destroyed leaves the model.
// Counters change with every event, so their rows are repainted on a display tick, not per event.
class StreamListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        UrlColumn,
        StateColumn,
        EventsColumn,
        EventRateColumn,
        ByteRateColumn,
        ReconnectsColumn,
        LastEventIdColumn,
        GapsColumn,
        AgeColumn,
        ColumnCount
    };
    enum class Status { Connecting, Open, Reconnecting, Failed, Ended, Closed };
    Q_ENUM(Status)
    enum Role {
        StatusRole = Qt::UserRole + 1, // Status as int
        StatusColorRole,               // QColor of the state decoration
    };

    struct Reconnection
    {
        QDateTime time;
        int attempt = 0;
        int delayMs = 0;
        QString reason;
    };

    static constexpr int DefaultUpdateIntervalMs = 33;
    // Rates count the events and bytes of the last RateBuckets whole buckets.
    static constexpr int RateBucketMs = 250;
    static constexpr int RateBuckets = 8;
    static constexpr int MaxReconnectHistory = 10;

    explicit StreamListModel(QObject *parent = nullptr);
    ~StreamListModel() override;

    // An empty name stands for defaultName() of the source's URL.
    void addSource(EventSource *source, const QString &name = {});
    void removeSource(EventSource *source);
    // The row of `old` observes `replacement` from now on, with fresh counters.
    void replaceSource(EventSource *old, EventSource *replacement, const QString &name = {});
    EventSource *source(int row) const;
    int rowOf(const EventSource *source) const;
    bool contains(const QUrl &url) const;

    QString name(int row) const;
    void setName(int row, const QString &name);
    // host[:port]/path
    static QString defaultName(const QUrl &url);

    Status status(int row) const;
    QString statusText(int row) const;
    // A row that shows events read from a file rather than a connection: its state reads `text`
    // and its counters hold `events` and `lastEventId`.
    void setOffline(int row, const QString &text, qint64 events, const QString &lastEventId);
    int openCount() const;
    qint64 totalEventCount() const;

    double eventRate(int row) const;
    double byteRate(int row) const;
    int reconnectCount(int row) const;
    qint64 gapCount(int row) const;
    // Newest last, at most MaxReconnectHistory.
    QList<Reconnection> reconnectHistory(int row) const;

    void setUpdateInterval(int ms);
    int updateInterval() const { return m_updateIntervalMs; }

    // Milliseconds of a monotonic clock for rates and ages; replace it before adding sources.
    void setClock(std::function<qint64()> clock);
    // Recomputes rates and ages now, as the display tick does.
    void refresh();

    // "Reconnecting in 2.4 s (attempt 3 — HTTP 503)"; without the delay once it has run out.
    static QString reconnectingText(int remainingMs, int attempt, const QString &reason);
    static QString ageText(qint64 ms);
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
    struct Bucket
    {
        qint64 events = 0;
        qint64 bytes = 0;
    };

    struct Row
    {
        QPointer<EventSource> source;
        QString name;
        QString url;
        Status status = Status::Connecting;
        QString reason;
        QString offlineText;
        int attempt = 0;
        QDeadlineTimer reconnectDeadline;
        qint64 events = 0;
        QString lastEventId;
        int reconnects = 0;
        qint64 gaps = 0;
        qint64 lastEventAtMs = -1;
        QList<Reconnection> history;
        std::array<Bucket, RateBuckets + 1> buckets{};
        qint64 bucketIndex = 0;
        qint64 firstBucket = 0;
        double eventRate = 0;
        double byteRate = 0;
        qint64 shownAgeSeconds = -1;
        bool countersDirty = false;
    };

    int rowOf(const Row *row) const;
    void observe(Row *row, EventSource *source);
    void resetCounters(Row *row);
    void countEvent(Row *row, const SseEvent &event);
    void countBytes(Row *row, qint64 count);
    void advanceBuckets(Row *row, qint64 nowMs) const;
    void setStatus(Row *row, Status status, const QString &reason);
    void scheduleTick(int ms = -1);
    void tick();
    QString toolTip(const Row &row, int rowIndex) const;
    QIcon statusIcon(Status status) const;
    qint64 now() const;

    std::vector<std::unique_ptr<Row>> m_rows;
    QTimer m_tick;
    int m_updateIntervalMs = DefaultUpdateIntervalMs;
    QElapsedTimer m_elapsed;
    std::function<qint64()> m_clock;
    mutable std::array<QIcon, 6> m_icons;
};
