#pragma once

#include <QtGlobal>

#include <optional>

// Tells a stream held in a buffer on the way from one that is merely fast or merely slow.
//
// Reads that follow each other within clusterGapMs form one cluster. A cluster is a burst when it
// brings at least minBurstEvents events after a silence of at least minSilenceMs: far longer than
// the spacing inside it. A buffering proxy shows recurringBursts of them in a row (the first one
// may come with the response head); a steady fast stream is one endless cluster, a slow one a
// cluster per event, and neither is ever a burst. Plain logic on times the caller passes in.
struct BurstThresholds
{
    qint64 clusterGapMs = 50;
    qint64 minSilenceMs = 3000;
    qint64 minBurstEvents = 8;
    int recurringBursts = 2;
};

class BurstDetector
{
public:
    using Thresholds = BurstThresholds;

    explicit BurstDetector(Thresholds thresholds = {})
        : m_thresholds(thresholds)
    {
    }
    const Thresholds &thresholds() const { return m_thresholds; }

    struct Finding
    {
        qint64 silenceMs = 0; // before the burst that completed the pattern
        qint64 events = 0;    // in that burst so far
        int bursts = 0;
    };

    // A new request went out at `nowMs`: what came before says nothing about this connection.
    void restart(qint64 nowMs);
    // `events` arrived in one read at `nowMs`. Returns a finding once per connection, at the read
    // that completes the pattern.
    std::optional<Finding> arrived(qint64 nowMs, qint64 events);

private:
    Thresholds m_thresholds;
    qint64 m_lastArrivalMs = 0;
    qint64 m_silenceBeforeClusterMs = -1; // -1: no cluster yet
    qint64 m_clusterEvents = 0;
    bool m_clusterIsBurst = false;
    int m_burstsInARow = 0;
    bool m_reported = false;
};
