#pragma once

#include "CapturedEvent.h"

#include <QList>
#include <QObject>

#include <deque>

// One stream's captured events, oldest first, bounded by a number of events and by an approximate
// memory footprint. When a bound is reached the oldest events are evicted and counted: what falls
// out of the window is always visible in droppedCount().
class CaptureStore : public QObject
{
    Q_OBJECT

public:
    // 2,000,000 events keep 23 days of a 1 Hz stream and 3.3 minutes of a 10 kHz one. 512 MiB holds
    // about 1.6 million small events (~330 bytes each by footprint(), the seed stream's size), so
    // that a fast stream of small payloads keeps minutes too, while one of large payloads is
    // stopped by the byte bound long before it can exhaust the machine's memory.
    static constexpr qsizetype DefaultMaxEvents = 2'000'000;
    static constexpr qint64 DefaultMaxBytes = qint64(512) * 1024 * 1024;
    // Per event beyond its strings' characters: the struct itself and the allocations behind it.
    static constexpr qint64 FixedOverheadBytes = 160;

    explicit CaptureStore(QObject *parent = nullptr);

    qsizetype maxEvents() const { return m_maxEvents; }
    // At least 1. Shrinking evicts the oldest events at once (they are counted as dropped).
    void setMaxEvents(qsizetype count);
    qint64 maxBytes() const { return m_maxBytes; }
    // At least 1; the newest event is always kept, even when it alone is larger.
    void setMaxBytes(qint64 bytes);

    void append(const CapturedEvent &event);
    // One batch: at most one eventsChanged() for all of it.
    void append(const QList<CapturedEvent> &events);
    // Removes every event; not counted as dropped (droppedCount() and totalCount() are kept).
    void clear();

    qsizetype size() const { return qsizetype(m_events.size()); }
    bool isEmpty() const { return m_events.empty(); }
    const CapturedEvent &at(qsizetype index) const { return m_events[size_t(index)]; }
    // The approximate footprint of the events held, as counted against maxBytes().
    qint64 byteSize() const { return m_bytes; }
    // Events evicted by the bounds since construction, exact.
    qint64 droppedCount() const { return m_dropped; }
    // Events ever appended.
    qint64 totalCount() const { return m_total; }

    QList<CapturedEvent> events() const;
    // The events with from <= receivedAt <= to, in store order; an invalid bound is open.
    QList<CapturedEvent> eventsBetween(const QDateTime &from, const QDateTime &to) const;

    // Characters of url, type, data and last event ID as UTF-16, plus FixedOverheadBytes.
    static qint64 footprint(const CapturedEvent &event);

Q_SIGNALS:
    // After a change: the first `removedFromFront` events that were held before it are gone and
    // `appendedAtBack` new ones follow the rest (new events that were evicted in the same batch
    // are counted in droppedCount() only).
    void eventsChanged(qsizetype removedFromFront, qsizetype appendedAtBack);
    void cleared();
    void limitsChanged();

private:
    void pushBack(const CapturedEvent &event);
    // Evicts from the front until both bounds hold; returns how many went.
    qsizetype enforceBounds();

    std::deque<CapturedEvent> m_events;
    std::deque<qint64> m_footprints;
    qsizetype m_maxEvents = DefaultMaxEvents;
    qint64 m_maxBytes = DefaultMaxBytes;
    qint64 m_bytes = 0;
    qint64 m_dropped = 0;
    qint64 m_total = 0;
};
