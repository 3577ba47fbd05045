#pragma once

#include <QString>
#include <QtGlobal>

#include <array>

// What an operator reads off one stream at a glance: counts, rates over a sliding window, gaps in
// consecutive integer ids, ids that went backwards (a server that restarted), reconnections.
// Plain value logic on a clock the caller passes in, so that it is tested without waiting.
class StreamStatistics
{
public:
    // Rates count the events and bytes of the last RateBuckets whole buckets.
    static constexpr int RateBucketMs = 250;
    static constexpr int RateBuckets = 8;

    enum class IdChange { None, Gap, Reset };

    explicit StreamStatistics(qint64 nowMs = 0);

    // Counts one event; says how its id relates to the one before.
    IdChange countEvent(const QString &lastEventId, qint64 nowMs);
    void countBytes(qint64 count, qint64 nowMs);
    // Comments (`: heartbeat`) received; their bytes are counted by countBytes().
    void countComments(qint64 count) { m_comments += count; }
    // A connection was opened: the first one is no reconnection.
    void countOpened();
    void countAttempt();
    // The next id is not compared with the last one (another URL, other ids).
    void startNewIdSequence() { m_newIdSequence = true; }
    // Recomputes the rates for `nowMs`.
    void advance(qint64 nowMs);

    qint64 events() const { return m_events; }
    qint64 bytes() const { return m_bytes; }
    qint64 comments() const { return m_comments; }
    double eventRate() const { return m_eventRate; }
    double byteRate() const { return m_byteRate; }
    QString lastEventId() const { return m_lastEventId; }
    // Missing ids between consecutive integer ids that went up by more than one.
    qint64 gaps() const { return m_gaps; }
    qint64 idResets() const { return m_idResets; }
    QString lastIdResetText() const { return m_lastIdReset; } // "42 → 1"
    // Successful reconnections (connections opened after the first) and attempts scheduled.
    int reconnects() const { return m_opened > 0 ? m_opened - 1 : 0; }
    int attempts() const { return m_attempts; }
    // -1 before the first event.
    qint64 lastEventAtMs() const { return m_lastEventAtMs; }
    // When the last byte arrived, of an event or a comment; -1 before the first.
    qint64 lastByteAtMs() const { return m_lastByteAtMs; }

private:
    struct Bucket
    {
        qint64 events = 0;
        qint64 bytes = 0;
    };

    Bucket &currentBucket(qint64 nowMs);

    std::array<Bucket, RateBuckets + 1> m_buckets{};
    qint64 m_bucketIndex = 0;
    qint64 m_firstBucket = 0;
    qint64 m_events = 0;
    qint64 m_bytes = 0;
    double m_eventRate = 0;
    double m_byteRate = 0;
    QString m_lastEventId;
    qint64 m_gaps = 0;
    qint64 m_idResets = 0;
    QString m_lastIdReset;
    int m_opened = 0;
    int m_attempts = 0;
    qint64 m_lastEventAtMs = -1;
    qint64 m_lastByteAtMs = -1;
    qint64 m_comments = 0;
    bool m_newIdSequence = false;
};
