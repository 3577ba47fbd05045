#include "CaptureStore.h"

CaptureStore::CaptureStore(QObject *parent)
    : QObject(parent)
{
}

qint64 CaptureStore::footprint(const CapturedEvent &event)
{
    const qint64 characters = event.url.size() + event.event.type.size() + event.event.data.size()
        + event.event.lastEventId.size();
    return characters * qint64(sizeof(char16_t)) + FixedOverheadBytes;
}

void CaptureStore::setMaxEvents(qsizetype count)
{
    count = qMax<qsizetype>(1, count);
    if (count == m_maxEvents)
        return;
    m_maxEvents = count;
    const qsizetype removed = enforceBounds();
    Q_EMIT limitsChanged();
    if (removed > 0)
        Q_EMIT eventsChanged(removed, 0);
}

void CaptureStore::setMaxBytes(qint64 bytes)
{
    bytes = qMax<qint64>(1, bytes);
    if (bytes == m_maxBytes)
        return;
    m_maxBytes = bytes;
    const qsizetype removed = enforceBounds();
    Q_EMIT limitsChanged();
    if (removed > 0)
        Q_EMIT eventsChanged(removed, 0);
}

void CaptureStore::pushBack(const CapturedEvent &event)
{
    const qint64 bytes = footprint(event);
    m_events.push_back(event);
    m_footprints.push_back(bytes);
    m_bytes += bytes;
    ++m_total;
}

qsizetype CaptureStore::enforceBounds()
{
    qsizetype removed = 0;
    while (!m_events.empty()
           && (size() > m_maxEvents || (m_bytes > m_maxBytes && m_events.size() > 1))) {
        m_bytes -= m_footprints.front();
        m_footprints.pop_front();
        m_events.pop_front();
        ++removed;
    }
    m_dropped += removed;
    return removed;
}

void CaptureStore::append(const CapturedEvent &event)
{
    const qsizetype before = size();
    pushBack(event);
    const qsizetype removed = enforceBounds();
    Q_EMIT eventsChanged(qMin(removed, before), removed > before ? 0 : 1);
}

void CaptureStore::append(const QList<CapturedEvent> &events)
{
    if (events.isEmpty())
        return;
    const qsizetype before = size();
    qsizetype removed = 0;
    for (const CapturedEvent &event : events) {
        pushBack(event);
        removed += enforceBounds();
    }
    // The batch's own evictions come after every old event went.
    const qsizetype removedOld = qMin(removed, before);
    const qsizetype appended = events.size() - (removed - removedOld);
    Q_EMIT eventsChanged(removedOld, appended);
}

void CaptureStore::clear()
{
    if (m_events.empty())
        return;
    m_events.clear();
    m_footprints.clear();
    m_bytes = 0;
    Q_EMIT cleared();
}

QList<CapturedEvent> CaptureStore::events() const
{
    return QList<CapturedEvent>(m_events.begin(), m_events.end());
}

QList<CapturedEvent> CaptureStore::eventsBetween(const QDateTime &from, const QDateTime &to) const
{
    // A linear scan: the wall clock may step back, so receive times are not reliably sorted.
    QList<CapturedEvent> result;
    for (const CapturedEvent &event : m_events) {
        if (from.isValid() && !(event.receivedAt >= from))
            continue;
        if (to.isValid() && !(event.receivedAt <= to))
            continue;
        result.append(event);
    }
    return result;
}
