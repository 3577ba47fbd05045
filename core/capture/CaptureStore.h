#pragma once

#include "CapturedEvent.h"

#include <QList>
#include <QObject>

#include <vector>

// One stream's captured events, oldest first, bounded by a number of events and by the memory the
// store allocates. When a bound is reached the oldest events are evicted and counted: what falls
// out of the window is always visible in droppedCount().
//
// Events are packed into blocks (CaptureRecord has the layout of one): the strings as UTF-8, the
// (url, type) pairs interned in a small table, and per block an index of 32-bit offsets that
// grows down from its end. Eviction frees whole blocks once their events are gone.
class CaptureStore : public QObject
{
    Q_OBJECT

public:
    // 2,000,000 events keep 23 days of a 1 Hz stream and 3.3 minutes of a 10 kHz one. 512 MiB holds
    // about 7.3 million seed-shaped events (73 bytes each: 50 of data, 23 of record, index and
    // block slack), so a stream of small payloads meets the count bound first (at some 146 MB),
    // while one of large payloads is stopped by the byte bound long before it can exhaust the
    // machine's memory.
    static constexpr qsizetype DefaultMaxEvents = 2'000'000;
    static constexpr qint64 DefaultMaxBytes = qint64(512) * 1024 * 1024;
    // The largest block; a little under 256 KiB so that the allocator's header shares its pages.
    // An event larger than a block gets one of its own, and a small byte bound makes blocks smaller
    // (a sixteenth of it) so that eviction stays fine-grained.
    static constexpr qint64 BlockBytes = 256 * 1024 - 64;

    explicit CaptureStore(QObject *parent = nullptr);
    ~CaptureStore() override;

    qsizetype maxEvents() const { return m_maxEvents; }
    // At least 1. Shrinking evicts the oldest events at once (they are counted as dropped).
    void setMaxEvents(qsizetype count);
    qint64 maxBytes() const { return m_maxBytes; }
    // At least 1; the newest event is always kept, even when it alone is larger.
    void setMaxBytes(qint64 bytes);

    // Evicts the events of the oldest block (counted as dropped), for a bound shared with other
    // stores; returns how many went. Nothing when one block is left: the newest events stay.
    qsizetype dropOldestBlock();
    // The oldest event's receive time in ms since the epoch, read alone from its record; the
    // smallest qint64 when it has none or the store is empty.
    qint64 oldestReceivedAtMs() const;

    void append(const CapturedEvent &event);
    // One batch: at most one eventsChanged() for all of it.
    void append(const QList<CapturedEvent> &events);
    // Removes every event; not counted as dropped (droppedCount() and totalCount() are kept).
    void clear();

    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    // An event equal to the one appended.
    CapturedEvent at(qsizetype index) const;
    // What the store allocates, as counted against maxBytes(): its blocks (records, their index and
    // the unused rest of the newest block), the list of blocks and the table of urls and types.
    qint64 byteSize() const;
    // Events evicted by the bounds since construction, exact.
    qint64 droppedCount() const { return m_dropped; }
    // Events ever appended.
    qint64 totalCount() const { return m_total; }

    QList<CapturedEvent> events() const;
    // The events with from <= receivedAt <= to, in store order; an invalid bound is open.
    QList<CapturedEvent> eventsBetween(const QDateTime &from, const QDateTime &to) const;

    // The bytes an event takes in a block beyond its data's stored bytes (UTF-8): record header, id
    // and index entry, when its url and type are in the table and its id is written in full.
    static qint64 recordOverhead(const CapturedEvent &event);

Q_SIGNALS:
    // After a change: the first `removedFromFront` events that were held before it are gone and
    // `appendedAtBack` new ones follow the rest (new events that were evicted in the same batch
    // are counted in droppedCount() only).
    void eventsChanged(qsizetype removedFromFront, qsizetype appendedAtBack);
    void cleared();
    void limitsChanged();

private:
    struct Block
    {
        char *bytes = nullptr;
        qsizetype capacity = 0;
        qsizetype used = 0;    // record bytes, from the front
        qint64 end = 0;        // the sequence number after its last record
        quint32 count = 0;     // records; their offsets are stored down from the end
        quint32 firstLive = 0; // the records before it were evicted
    };
    struct Key
    {
        QString url;
        QString type;
    };

    void pushBack(const CapturedEvent &event);
    // Evicts from the front until both bounds hold; returns how many went.
    qsizetype enforceBounds();
    qsizetype evictFront(qsizetype count);
    qsizetype dropFrontBlock();
    qsizetype repackTail();
    Block &startBlock(qsizetype minimum);
    void sealTail();
    void releaseBlocks();
    qsizetype blockCapacity() const;
    static quint32 offsetOf(const Block &block, quint32 record);
    static qsizetype roomIn(const Block &block);
    qsizetype liveBlocks() const { return qsizetype(m_blocks.size()) - m_head; }
    const Block &blockOf(qint64 sequence) const;
    CapturedEvent decode(const Block &block, quint32 record) const;
    qsizetype keyFor(const CapturedEvent &event);

    std::vector<Block> m_blocks; // the live ones from m_head on
    qsizetype m_head = 0;
    mutable qsizetype m_hint = 0; // the block at() found last (the store lives in one thread)
    qsizetype m_idField = -1;     // the newest event's id field in the newest block
    std::vector<Key> m_keys;
    qsizetype m_lastKey = -1;
    qint64 m_blockBytes = 0;
    qint64 m_keyBytes = 0;
    qint64 m_frontSequence = 0; // the sequence number of at(0)
    qsizetype m_size = 0;
    qsizetype m_maxEvents = DefaultMaxEvents;
    qint64 m_maxBytes = DefaultMaxBytes;
    qint64 m_dropped = 0;
    qint64 m_total = 0;
};
