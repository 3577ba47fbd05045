#pragma once

#include "ConnectionEvent.h"

#include <QList>

#include <deque>
#include <utility>

// One stream's connection over time: where it stands now (status, reason, the next attempt), the
// recent connection events, and the periods it was down, for shading on the time axis. Bounded:
// the oldest entries fall out first.
class ConnectionHistory
{
public:
    static constexpr int MaxEvents = 1000;
    static constexpr int MaxOutages = 1000;

    // Applies one change; returns false when it says nothing new (the same state twice).
    bool record(const ConnectionEvent &event);
    // Replaces the state without an event, e.g. for a stream read from a file.
    void setStatus(StreamStatus status, const QString &reason = {});

    StreamStatus status() const { return m_status; }
    QString reason() const { return m_reason; }
    int attempt() const { return m_attempt; }
    // Wall-clock time of the next connection attempt; 0 unless reconnecting.
    qint64 reconnectAtMs() const { return m_reconnectAtMs; }

    const std::deque<ConnectionEvent> &events() const { return m_events; }
    // The newest `count` events of this kind, newest last.
    QList<ConnectionEvent> recent(ConnectionEvent::Kind kind, int count) const;
    QList<ConnectionEvent> recentReconnections(int count) const
    {
        return recent(ConnectionEvent::Kind::ReconnectScheduled, count);
    }

    // [start, end] in ms of the periods the stream was not open after it had been; end < 0 while
    // it still is down.
    const std::deque<std::pair<qint64, qint64>> &outages() const { return m_outages; }
    QList<std::pair<qint64, qint64>> outagesBetween(qint64 fromMs, qint64 toMs) const;

private:
    void startOutage(qint64 timeMs);
    void endOutage(qint64 timeMs);

    StreamStatus m_status = StreamStatus::Connecting;
    QString m_reason;
    int m_attempt = 0;
    qint64 m_reconnectAtMs = 0;
    bool m_everOpened = false;
    std::deque<ConnectionEvent> m_events;
    std::deque<std::pair<qint64, qint64>> m_outages;
};
