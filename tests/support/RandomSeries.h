// The random samples tst_seriesbuffer and tst_seriesbreaks check against the reference decimation.
#pragma once

#include "SeriesBuffer.h"

#include <QList>
#include <QRandomGenerator>

#include <utility>

namespace RandomSeries {

// Moves `time` on 0..maxStep ms; appends one of `levels` values there or, 1 in `disorder`, up to 50 steps back.
inline void appendRandomSample(SeriesBuffer &buffer, QRandomGenerator &random, qint64 &time, int maxStep,
                               int disorder, int levels)
{
    time += random.bounded(maxStep + 1);
    const bool back = disorder > 0 && random.bounded(disorder) == 0;
    buffer.append(back ? time - random.bounded(50 * (maxStep + 1)) : time,
                  double(random.bounded(levels)) - levels / 2);
}

// The windows compared: all that `buffer` holds, wider, an inner part, and a narrow one in the middle.
inline QList<std::pair<qint64, qint64>> referenceWindows(const SeriesBuffer &buffer, int maxStep)
{
    const qint64 first = buffer.firstTime();
    const qint64 last = buffer.lastTime();
    const qint64 span = last - first;
    return {
        {first, last},
        {first - span / 3, last + span / 3},
        {first + span / 4, last - span / 5},
        {first + span / 2, first + span / 2 + 10 * maxStep + 17},
    };
}

} // namespace RandomSeries
