#include "ConnectionHistory.h"

bool ConnectionHistory::record(const ConnectionEvent &event)
{
    using Kind = ConnectionEvent::Kind;
    switch (event.kind) {
    case Kind::Opened:
        if (m_status == StreamStatus::Open)
            return false;
        m_status = StreamStatus::Open;
        m_reason.clear();
        m_attempt = 0;
        m_reconnectAtMs = 0;
        m_everOpened = true;
        endOutage(event.timeMs);
        break;
    case Kind::Lost:
        if (m_status != StreamStatus::Open)
            return false;
        m_status = StreamStatus::Connecting;
        m_reason = event.reason;
        startOutage(event.timeMs);
        break;
    case Kind::ReconnectScheduled:
        m_status = StreamStatus::Reconnecting;
        m_reason = event.reason;
        m_attempt = event.attempt;
        m_reconnectAtMs = event.timeMs + event.delayMs;
        startOutage(event.timeMs);
        break;
    case Kind::Failed:
    case Kind::EndedByServer:
        m_status = event.kind == Kind::Failed ? StreamStatus::Failed : StreamStatus::Ended;
        m_reason = event.reason;
        m_reconnectAtMs = 0;
        startOutage(event.timeMs);
        break;
    case Kind::Closed:
        if (m_status == StreamStatus::Closed)
            return false;
        // A stream that failed or ended keeps saying why.
        if (m_status != StreamStatus::Failed && m_status != StreamStatus::Ended) {
            m_status = StreamStatus::Closed;
            m_reason = event.reason;
        }
        m_reconnectAtMs = 0;
        // Closed by the user is no outage: it ends one that was going on.
        endOutage(event.timeMs);
        break;
    case Kind::IdReset:
    case Kind::Notice:
        break;
    }
    m_events.push_back(event);
    while (m_events.size() > size_t(MaxEvents))
        m_events.pop_front();
    return true;
}

void ConnectionHistory::setStatus(StreamStatus status, const QString &reason)
{
    m_status = status;
    m_reason = reason;
    m_reconnectAtMs = 0;
}

QList<ConnectionEvent> ConnectionHistory::recent(ConnectionEvent::Kind kind, int count) const
{
    QList<ConnectionEvent> list;
    for (auto it = m_events.crbegin(); it != m_events.crend() && list.size() < count; ++it) {
        if (it->kind == kind)
            list.prepend(*it);
    }
    return list;
}

QList<std::pair<qint64, qint64>> ConnectionHistory::outagesBetween(qint64 fromMs, qint64 toMs) const
{
    QList<std::pair<qint64, qint64>> list;
    for (const auto &[start, end] : m_outages) {
        if (start <= toMs && (end < 0 || end >= fromMs))
            list.append({start, end});
    }
    return list;
}

void ConnectionHistory::startOutage(qint64 timeMs)
{
    // Only a stream that was open can be down; the first connection is not an outage.
    if (!m_everOpened || (!m_outages.empty() && m_outages.back().second < 0))
        return;
    m_outages.push_back({timeMs, -1});
    while (m_outages.size() > size_t(MaxOutages))
        m_outages.pop_front();
}

void ConnectionHistory::endOutage(qint64 timeMs)
{
    if (!m_outages.empty() && m_outages.back().second < 0)
        m_outages.back().second = timeMs;
}
