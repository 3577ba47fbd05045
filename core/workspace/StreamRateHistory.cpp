#include "StreamRateHistory.h"

namespace {

// The start of the second that holds `timeMs`, also before 1970.
qint64 secondStart(qint64 timeMs)
{
    qint64 second = timeMs / StreamRateHistory::SecondMs;
    if (timeMs % StreamRateHistory::SecondMs < 0)
        --second;
    return second * StreamRateHistory::SecondMs;
}

} // namespace

StreamRateHistory::StreamRateHistory(qsizetype capacity)
    : m_eventRate(capacity)
    , m_byteRate(capacity)
{
}

void StreamRateHistory::setCapacity(qsizetype capacity)
{
    m_eventRate.setCapacity(capacity);
    m_byteRate.setCapacity(capacity);
}

void StreamRateHistory::count(qint64 events, qint64 bytes, qint64 nowMs)
{
    advance(nowMs);
    m_openEvents += events;
    m_openBytes += bytes;
}

void StreamRateHistory::advance(qint64 nowMs)
{
    const qint64 second = secondStart(nowMs);
    if (!m_started) {
        m_started = true;
        m_openSecondMs = second;
        return;
    }
    if (second <= m_openSecondMs)
        return;
    close();
    // Quiet seconds up to the one under way; beyond the capacity they would only fall out again.
    const qint64 quiet = (second - m_openSecondMs) / SecondMs - 1;
    const qint64 kept = qMin<qint64>(quiet, capacity());
    for (qint64 start = second - kept * SecondMs; start < second; start += SecondMs) {
        m_eventRate.append(start, 0);
        m_byteRate.append(start, 0);
    }
    m_openSecondMs = second;
}

void StreamRateHistory::close()
{
    m_eventRate.append(m_openSecondMs, double(m_openEvents));
    m_byteRate.append(m_openSecondMs, double(m_openBytes));
    m_openEvents = 0;
    m_openBytes = 0;
}

void StreamRateHistory::clear()
{
    m_eventRate.clear();
    m_byteRate.clear();
    m_started = false;
    m_openSecondMs = 0;
    m_openEvents = 0;
    m_openBytes = 0;
}
