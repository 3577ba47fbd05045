#pragma once

#include "ConnectionEvent.h"

#include <QAbstractListModel>
#include <QColor>
#include <QList>

class ConnectionHistory;

// One stretch of time a stream's connection spent in one status.
struct TimelineBand
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    StreamStatus status = StreamStatus::Connecting;
    QString reason; // of the change that began the band

    friend bool operator==(const TimelineBand &, const TimelineBand &) = default;
};

// A moment worth a tick on the timeline.
struct TimelineMarker
{
    enum class Kind { Reconnect, IdReset };
    qint64 timeMs = 0;
    Kind kind = Kind::Reconnect;
    QString text;

    friend bool operator==(const TimelineMarker &, const TimelineMarker &) = default;
};

// What the timeline is given of one stream.
struct TimelineStream
{
    quint64 id = 0;
    QString name;
    QColor color;
    const ConnectionHistory *history = nullptr; // nullptr: a stream without a connection
    qint64 startedAtMs = 0; // 0 when unknown
};

// The connection timeline: one row per stream, with the bands of its status and the markers of
// its reconnections and ID resets over a time range [from, to], built from the connection
// history. `to` is "now": the last band runs to it.
class ConnectionTimelineModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        ColorRole,
        StatusRole,     // int(StreamStatus), where the stream stands now
        StatusTextRole,
        BandsRole,      // QList<TimelineBand> within [from, to]
        MarkersRole,    // QList<TimelineMarker> within [from, to]
        StreamIdRole,
    };

    explicit ConnectionTimelineModel(QObject *parent = nullptr);

    // The rows; the same ids in the same order only change data.
    void setStreams(const QList<TimelineStream> &streams);
    void setRange(qint64 fromMs, qint64 toMs);
    qint64 fromMs() const { return m_fromMs; }
    qint64 toMs() const { return m_toMs; }
    // The histories changed: recompute every row.
    void refresh();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QList<TimelineBand> bands(int row) const;
    QList<TimelineMarker> markers(int row) const;
    // What the stream was doing at `timeMs`: "Reconnecting since 19:00:01 — Connection refused
    // (attempt 3)", followed by a line for each marker within `toleranceMs`; empty outside the
    // stream's known history.
    QString describeAt(int row, qint64 timeMs, qint64 toleranceMs = 0) const;

    // The bands of a whole history up to `toMs`, unclipped: Connecting from `startedAtMs` until
    // the first event. A history that reached ConnectionHistory::MaxEvents has lost its oldest
    // events, so its bands begin at the oldest one held.
    static QList<TimelineBand> computeBands(const ConnectionHistory &history, qint64 startedAtMs, qint64 toMs);
    static QList<TimelineBand> clip(const QList<TimelineBand> &bands, qint64 fromMs, qint64 toMs);
    static QList<TimelineMarker> computeMarkers(const ConnectionHistory &history, qint64 fromMs, qint64 toMs);
    static QString statusName(StreamStatus status);

private:
    struct Row
    {
        TimelineStream stream;
        QList<TimelineBand> bands;
        QList<TimelineMarker> markers;
    };
    void compute(Row &row) const;

    QList<Row> m_rows;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
};

Q_DECLARE_METATYPE(TimelineBand)
Q_DECLARE_METATYPE(TimelineMarker)
