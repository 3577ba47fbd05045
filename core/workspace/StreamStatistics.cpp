#include "StreamStatistics.h"

#include <limits>
#include <utility>

StreamStatistics::StreamStatistics(qint64 nowMs)
    : m_bucketIndex(nowMs / RateBucketMs)
    // The bucket under way when counting starts is partial: rates begin with the next one.
    , m_firstBucket(m_bucketIndex + 1)
{
}

StreamStatistics::IdChange StreamStatistics::countEvent(const QString &lastEventId, qint64 nowMs)
{
    IdChange change = IdChange::None;
    bool previousOk = false;
    bool currentOk = false;
    const qint64 previous = m_lastEventId.toLongLong(&previousOk);
    const qint64 current = lastEventId.toLongLong(&currentOk);
    const bool compare = !std::exchange(m_newIdSequence, false);
    if (compare && m_events > 0 && previousOk && currentOk) {
        if (current > previous) {
            // Unsigned: the difference of any two qint64 fits.
            const quint64 step = quint64(current) - quint64(previous);
            constexpr quint64 max = quint64(std::numeric_limits<qint64>::max());
            if (step > 1) {
                m_gaps = step - 1 > max - quint64(m_gaps) ? qint64(max) : m_gaps + qint64(step - 1);
                change = IdChange::Gap;
            }
        } else if (current < previous) {
            ++m_idResets;
            m_lastIdReset = m_lastEventId + QStringLiteral(" \u2192 ") + lastEventId;
            change = IdChange::Reset;
        }
    }
    ++m_events;
    m_lastEventId = lastEventId;
    m_lastEventAtMs = nowMs;
    ++currentBucket(nowMs).events;
    return change;
}

void StreamStatistics::countBytes(qint64 count, qint64 nowMs)
{
    m_bytes += count;
    m_lastByteAtMs = nowMs;
    currentBucket(nowMs).bytes += count;
}

void StreamStatistics::countOpened()
{
    ++m_opened;
}

void StreamStatistics::countAttempt()
{
    ++m_attempts;
}

StreamStatistics::Bucket &StreamStatistics::currentBucket(qint64 nowMs)
{
    const qint64 index = nowMs / RateBucketMs;
    if (index > m_bucketIndex) {
        const qint64 steps = qMin<qint64>(index - m_bucketIndex, RateBuckets + 1);
        for (qint64 i = 1; i <= steps; ++i)
            m_buckets[size_t((m_bucketIndex + i) % (RateBuckets + 1))] = {};
        m_bucketIndex = index;
    }
    return m_buckets[size_t(m_bucketIndex % (RateBuckets + 1))];
}

void StreamStatistics::advance(qint64 nowMs)
{
    currentBucket(nowMs);
    // Whole buckets only: the one under way is left out until it is complete.
    const qint64 last = m_bucketIndex - 1;
    const qint64 first = qMax(m_firstBucket, last - RateBuckets + 1);
    if (last < first) {
        m_eventRate = 0;
        m_byteRate = 0;
        return;
    }
    qint64 events = 0;
    qint64 bytes = 0;
    for (qint64 i = first; i <= last; ++i) {
        const Bucket &bucket = m_buckets[size_t(i % (RateBuckets + 1))];
        events += bucket.events;
        bytes += bucket.bytes;
    }
    const double seconds = double(last - first + 1) * RateBucketMs / 1000.0;
    m_eventRate = double(events) / seconds;
    m_byteRate = double(bytes) / seconds;
}
