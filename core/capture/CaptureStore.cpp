#include "CaptureStore.h"

#include "CaptureRecord.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>

namespace {

constexpr qsizetype SlotBytes = qsizetype(sizeof(quint32));
// A sealed block gives back its unused rest when that is at least a page.
constexpr qsizetype ShrinkSlack = 4096;
// The table of (url, type) pairs stays small; rarer pairs are written into their records.
constexpr qsizetype MaxKeys = 64;
constexpr qsizetype MaxKeyCharacters = 1024;

// What a deep copy of a string allocates: the shared header, the characters and the terminator.
qint64 stringAllocation(const QString &text)
{
    return text.capacity() > 0 ? qint64(sizeof(QArrayData)) + (text.capacity() + 1) * qint64(sizeof(char16_t))
                               : 0;
}

QString deepCopy(const QString &text)
{
    return text.isEmpty() ? QString() : QString(text.constData(), text.size());
}

} // namespace

CaptureStore::CaptureStore(QObject *parent)
    : QObject(parent)
{
}

CaptureStore::~CaptureStore()
{
    releaseBlocks();
}

qint64 CaptureStore::recordOverhead(const CapturedEvent &event)
{
    return CaptureRecord::size(event, 0) + SlotBytes - CaptureRecord::stringBytes(event.event.data);
}

qint64 CaptureStore::byteSize() const
{
    return m_blockBytes + qint64(m_blocks.capacity() * sizeof(Block)) + m_keyBytes
        + qint64(m_keys.capacity() * sizeof(Key));
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

quint32 CaptureStore::offsetOf(const Block &block, quint32 record)
{
    quint32 offset;
    std::memcpy(&offset, block.bytes + block.capacity - qsizetype(record + 1) * SlotBytes, SlotBytes);
    return offset;
}

qsizetype CaptureStore::roomIn(const Block &block)
{
    return block.capacity - block.used - qsizetype(block.count) * SlotBytes;
}

qsizetype CaptureStore::blockCapacity() const
{
    return qsizetype(qMin(m_maxBytes / 16, BlockBytes));
}

qsizetype CaptureStore::keyFor(const CapturedEvent &event)
{
    const auto matches = [&event](const Key &key) {
        return key.url == event.url && key.type == event.event.type;
    };
    if (m_lastKey >= 0 && matches(m_keys[size_t(m_lastKey)]))
        return m_lastKey;
    const auto found = std::find_if(m_keys.begin(), m_keys.end(), matches);
    if (found != m_keys.end())
        return m_lastKey = found - m_keys.begin();
    if (qsizetype(m_keys.size()) >= MaxKeys || event.url.size() + event.event.type.size() > MaxKeyCharacters)
        return -1;
    m_keys.push_back({deepCopy(event.url), deepCopy(event.event.type)});
    m_keyBytes += stringAllocation(m_keys.back().url) + stringAllocation(m_keys.back().type);
    return m_lastKey = qsizetype(m_keys.size()) - 1;
}

void CaptureStore::sealTail()
{
    if (liveBlocks() == 0)
        return;
    Block &tail = m_blocks.back();
    if (roomIn(tail) < ShrinkSlack)
        return;
    // The index moves down to follow the records, then the allocation shrinks (in place, mostly).
    const qsizetype index = qsizetype(tail.count) * SlotBytes;
    std::memmove(tail.bytes + tail.used, tail.bytes + tail.capacity - index, size_t(index));
    const qsizetype capacity = tail.used + index;
    if (char *bytes = static_cast<char *>(std::realloc(tail.bytes, size_t(qMax<qsizetype>(capacity, 1))))) {
        tail.bytes = bytes;
        m_blockBytes -= tail.capacity - capacity;
        tail.capacity = capacity;
    } else {
        // Keep the larger allocation: move the index back where the capacity says it is.
        std::memmove(tail.bytes + tail.capacity - index, tail.bytes + tail.used, size_t(index));
    }
}

CaptureStore::Block &CaptureStore::startBlock(qsizetype minimum)
{
    sealTail();
    Block block;
    block.capacity = qMax(blockCapacity(), minimum);
    block.bytes = static_cast<char *>(std::malloc(size_t(block.capacity)));
    if (!block.bytes)
        throw std::bad_alloc();
    block.end = m_frontSequence + m_size;
    m_blocks.push_back(block);
    m_blockBytes += block.capacity;
    m_idField = -1;
    return m_blocks.back();
}

void CaptureStore::pushBack(const CapturedEvent &event)
{
    const qsizetype keyIndex = keyFor(event);
    Block *tail = liveBlocks() > 0 ? &m_blocks.back() : nullptr;
    if (!tail || roomIn(*tail) < CaptureRecord::maxSize(event, keyIndex) + SlotBytes) {
        const qsizetype exact = CaptureRecord::size(event, keyIndex) + SlotBytes;
        if (!tail || roomIn(*tail) < exact)
            tail = &startBlock(exact);
    }
    const char *sameId = m_idField >= 0
            && CaptureRecord::fieldEquals(tail->bytes + m_idField, event.event.lastEventId)
        ? tail->bytes + m_idField
        : nullptr;
    const char *idField = nullptr;
    const char *end = CaptureRecord::write(tail->bytes + tail->used, event, keyIndex, sameId, &idField);
    const quint32 offset = quint32(tail->used);
    std::memcpy(tail->bytes + tail->capacity - qsizetype(tail->count + 1) * SlotBytes, &offset, SlotBytes);
    ++tail->count;
    ++tail->end;
    tail->used = end - tail->bytes;
    m_idField = idField - tail->bytes;
    ++m_size;
}

qsizetype CaptureStore::dropFrontBlock()
{
    Block &front = m_blocks[size_t(m_head)];
    const qsizetype removed = qsizetype(front.count - front.firstLive);
    m_size -= removed;
    m_frontSequence += removed;
    m_blockBytes -= front.capacity;
    std::free(front.bytes);
    front = Block();
    ++m_head;
    // The dead entries go once they are half the list, which keeps this O(1) amortised.
    if (m_head >= 8 && 2 * m_head >= qsizetype(m_blocks.size())) {
        m_blocks.erase(m_blocks.begin(), m_blocks.begin() + m_head);
        m_head = 0;
        if (m_blocks.capacity() > 4 * m_blocks.size() + 16)
            m_blocks.shrink_to_fit();
    }
    return removed;
}

qsizetype CaptureStore::dropOldestBlock()
{
    if (liveBlocks() <= 1)
        return 0;
    const qsizetype removed = dropFrontBlock();
    m_dropped += removed;
    Q_EMIT eventsChanged(removed, 0);
    return removed;
}

qint64 CaptureStore::oldestReceivedAtMs() const
{
    qint64 msecs = std::numeric_limits<qint64>::min();
    if (m_size > 0) {
        const Block &front = m_blocks[size_t(m_head)];
        if (!CaptureRecord::receivedAt(front.bytes + offsetOf(front, front.firstLive), &msecs))
            msecs = std::numeric_limits<qint64>::min();
    }
    return msecs;
}

qsizetype CaptureStore::evictFront(qsizetype count)
{
    Q_ASSERT(count < m_size); // the newest event stays
    qsizetype removed = 0;
    while (removed < count) {
        Block &front = m_blocks[size_t(m_head)];
        const qsizetype live = qsizetype(front.count - front.firstLive);
        if (live <= count - removed && liveBlocks() > 1) {
            removed += dropFrontBlock();
            continue;
        }
        const qsizetype taken = qMin(live, count - removed);
        front.firstLive += quint32(taken);
        m_size -= taken;
        m_frontSequence += taken;
        removed += taken;
    }
    return removed;
}

// The only block left is larger than the byte bound allows (the bound shrank below it): the newest
// events that fit half the bound move to new blocks of the bound's size, the rest are evicted.
qsizetype CaptureStore::repackTail()
{
    const Block &tail = m_blocks.back();
    const auto offset = [&tail](quint32 record) { return qsizetype(offsetOf(tail, record)); };
    quint32 first = tail.count - 1;
    qint64 bytes = tail.used - offset(first) + SlotBytes;
    while (first > tail.firstLive) {
        bytes += offset(first) - offset(first - 1) + SlotBytes;
        if (bytes > m_maxBytes / 2)
            break;
        --first;
    }
    QList<CapturedEvent> kept;
    kept.reserve(tail.count - first);
    for (quint32 record = first; record < tail.count; ++record)
        kept.append(decode(tail, record));
    const qsizetype removed = m_size - kept.size();
    releaseBlocks();
    m_frontSequence -= kept.size();
    for (const CapturedEvent &event : std::as_const(kept))
        pushBack(event);
    return removed;
}

qsizetype CaptureStore::enforceBounds()
{
    qsizetype removed = 0;
    if (m_size > m_maxEvents)
        removed += evictFront(m_size - m_maxEvents);
    bool repacked = false;
    while (m_size > 1 && byteSize() > m_maxBytes) {
        if (liveBlocks() > 1) {
            removed += dropFrontBlock();
        } else if (!repacked && m_blocks.back().capacity > blockCapacity()) {
            removed += repackTail();
            repacked = true;
        } else {
            // What is left over the bound is not the events' (the table, the list): keep the newest.
            removed += evictFront(m_size - 1);
        }
    }
    m_dropped += removed;
    return removed;
}

void CaptureStore::append(const CapturedEvent &event)
{
    const qsizetype before = size();
    pushBack(event);
    ++m_total;
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
        ++m_total;
        removed += enforceBounds();
    }
    // The batch's own evictions come after every old event went.
    const qsizetype removedOld = qMin(removed, before);
    const qsizetype appended = events.size() - (removed - removedOld);
    Q_EMIT eventsChanged(removedOld, appended);
}

void CaptureStore::releaseBlocks()
{
    for (qsizetype i = m_head; i < qsizetype(m_blocks.size()); ++i)
        std::free(m_blocks[size_t(i)].bytes);
    m_blocks.clear();
    m_blocks.shrink_to_fit();
    m_head = 0;
    m_blockBytes = 0;
    m_idField = -1;
    m_frontSequence += m_size;
    m_size = 0;
}

void CaptureStore::clear()
{
    if (m_size == 0)
        return;
    releaseBlocks();
    m_keys.clear();
    m_keys.shrink_to_fit();
    m_keyBytes = 0;
    m_lastKey = -1;
    Q_EMIT cleared();
}

const CaptureStore::Block &CaptureStore::blockOf(qint64 sequence) const
{
    if (m_hint < m_head || m_hint >= qsizetype(m_blocks.size()))
        m_hint = m_head;
    const Block &hinted = m_blocks[size_t(m_hint)];
    if (sequence < hinted.end && sequence >= hinted.end - hinted.count)
        return hinted;
    const auto found = std::upper_bound(m_blocks.begin() + m_head, m_blocks.end(), sequence,
                                        [](qint64 value, const Block &block) { return value < block.end; });
    m_hint = found - m_blocks.begin();
    return *found;
}

CapturedEvent CaptureStore::decode(const Block &block, quint32 record) const
{
    qsizetype keyIndex;
    CapturedEvent event = CaptureRecord::read(block.bytes + offsetOf(block, record), &keyIndex);
    if (keyIndex >= 0) {
        const Key &key = m_keys[size_t(keyIndex)];
        event.url = key.url;
        event.event.type = key.type;
    }
    return event;
}

CapturedEvent CaptureStore::at(qsizetype index) const
{
    Q_ASSERT(index >= 0 && index < m_size);
    const qint64 sequence = m_frontSequence + index;
    const Block &block = blockOf(sequence);
    return decode(block, quint32(sequence - (block.end - block.count)));
}

QList<CapturedEvent> CaptureStore::events() const
{
    QList<CapturedEvent> result;
    result.reserve(m_size);
    for (qsizetype i = m_head; i < qsizetype(m_blocks.size()); ++i) {
        const Block &block = m_blocks[size_t(i)];
        for (quint32 record = block.firstLive; record < block.count; ++record)
            result.append(decode(block, record));
    }
    return result;
}

QList<CapturedEvent> CaptureStore::eventsBetween(const QDateTime &from, const QDateTime &to) const
{
    // A linear scan: the wall clock may step back, so receive times are not reliably sorted.
    // An invalid receive time sorts before every valid one, as QDateTime's own order has it.
    const qint64 fromMsecs = from.isValid() ? from.toMSecsSinceEpoch() : 0;
    const qint64 toMsecs = to.isValid() ? to.toMSecsSinceEpoch() : 0;
    QList<CapturedEvent> result;
    for (qsizetype i = m_head; i < qsizetype(m_blocks.size()); ++i) {
        const Block &block = m_blocks[size_t(i)];
        for (quint32 record = block.firstLive; record < block.count; ++record) {
            qint64 msecs;
            const bool valid = CaptureRecord::receivedAt(block.bytes + offsetOf(block, record), &msecs);
            if (from.isValid() && !(valid && msecs >= fromMsecs))
                continue;
            if (to.isValid() && valid && msecs > toMsecs)
                continue;
            result.append(decode(block, record));
        }
    }
    return result;
}
