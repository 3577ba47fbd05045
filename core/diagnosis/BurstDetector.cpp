#include "BurstDetector.h"

void BurstDetector::restart(qint64 nowMs)
{
    *this = BurstDetector(m_thresholds);
    m_lastArrivalMs = nowMs;
    // The first read of a connection starts a cluster, its silence counted from the request.
    m_silenceBeforeClusterMs = -1;
}

std::optional<BurstDetector::Finding> BurstDetector::arrived(qint64 nowMs, qint64 events)
{
    if (events <= 0)
        return std::nullopt; // comments and partial events: the timing of events is what counts
    const qint64 gap = nowMs - m_lastArrivalMs;
    if (m_silenceBeforeClusterMs < 0 || gap > m_thresholds.clusterGapMs) {
        if (m_silenceBeforeClusterMs >= 0 && !m_clusterIsBurst)
            m_burstsInARow = 0;
        m_silenceBeforeClusterMs = gap;
        m_clusterEvents = 0;
        m_clusterIsBurst = false;
    }
    m_lastArrivalMs = nowMs;
    m_clusterEvents += events;
    if (m_clusterIsBurst || m_clusterEvents < m_thresholds.minBurstEvents
        || m_silenceBeforeClusterMs < m_thresholds.minSilenceMs)
        return std::nullopt;
    m_clusterIsBurst = true;
    if (++m_burstsInARow < m_thresholds.recurringBursts || m_reported)
        return std::nullopt;
    m_reported = true;
    return Finding{m_silenceBeforeClusterMs, m_clusterEvents, m_burstsInARow};
}
