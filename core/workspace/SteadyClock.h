#pragma once

#include <QElapsedTimer>

// Milliseconds of one monotonic clock shared by the whole application, for rates and ages.
inline qint64 steadyClockMs()
{
    static const QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}
