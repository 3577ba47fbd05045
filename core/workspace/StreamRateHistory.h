#pragma once

#include "SeriesBuffer.h"

#include <QtGlobal>

// A stream's events and bytes per second over time, for the event-rate panel: one sample per
// wall-clock second (time = the second's start, ms since the epoch), quiet seconds included as 0.
// Plain value logic on the clock the caller passes in.
class StreamRateHistory
{
public:
    static constexpr qint64 SecondMs = 1000;

    explicit StreamRateHistory(qsizetype capacity = SeriesBuffer::DefaultCapacity);

    // Seconds kept (at least 1); the newest stay.
    void setCapacity(qsizetype capacity);
    qsizetype capacity() const { return m_eventRate.capacity(); }

    // Counts into the second under way at `nowMs` (closing the seconds that ended before it). A
    // time before the second under way (a clock set back) counts into the second under way.
    void count(qint64 events, qint64 bytes, qint64 nowMs);
    // Closes every whole second that ended by `nowMs`, appending its sample. After a silence longer
    // than the capacity only the last `capacity` quiet seconds are appended.
    void advance(qint64 nowMs);
    void clear();

    const SeriesBuffer *eventRate() const { return &m_eventRate; }
    const SeriesBuffer *byteRate() const { return &m_byteRate; }

    // The second under way: its start (-1 before the first count or advance) and its counts so far.
    qint64 openSecondMs() const { return m_started ? m_openSecondMs : -1; }
    qint64 openEvents() const { return m_openEvents; }
    qint64 openBytes() const { return m_openBytes; }

private:
    void close();

    SeriesBuffer m_eventRate;
    SeriesBuffer m_byteRate;
    bool m_started = false;
    qint64 m_openSecondMs = 0;
    qint64 m_openEvents = 0;
    qint64 m_openBytes = 0;
};
