#pragma once

#include "SeriesBuffer.h"

#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

// What tst_seriesbuffer and tst_seriesbreaks compare a SeriesBuffer with: its samples, the
// decimation written the slow and obvious way, and text forms that show both sides of a failure.

using Points = QList<QPointF>;
using Times = QList<qint64>;

struct Sample
{
    qsizetype index; // 0 is the oldest held
    qint64 time;
    double value;
};

inline QList<Sample> held(const SeriesBuffer &buffer)
{
    QList<Sample> samples;
    for (qsizetype i = 0; i < buffer.size(); ++i)
        samples.append({i, buffer.timeAt(i), buffer.valueAt(i)});
    return samples;
}

// The decimation as specified, written the slow and obvious way: the window's samples in
// (time, index) order; per pixel column floor((t - from) * columns / (to - from + 1)) the smallest
// and the largest value (equal values: the oldest sample), plus the window's first and last
// samples; each column's picks in (time, index) order, each sample once.
inline Points referenceDecimation(const QList<Sample> &samples, qint64 from, qint64 to, int columns)
{
    QList<Sample> window;
    for (const Sample &s : samples) {
        if (s.time >= from && s.time <= to)
            window.append(s);
    }
    const auto earlier = [](const Sample &a, const Sample &b) {
        return a.time != b.time ? a.time < b.time : a.index < b.index;
    };
    std::sort(window.begin(), window.end(), earlier);
    if (window.isEmpty())
        return {};
    const auto columnOf = [&](const Sample &s) {
        return int((s.time - from) * columns / (to - from + 1));
    };
    Points points;
    for (int c = 0; c < columns; ++c) {
        QList<Sample> inColumn;
        for (const Sample &s : std::as_const(window)) {
            if (columnOf(s) == c)
                inColumn.append(s);
        }
        if (inColumn.isEmpty())
            continue;
        Sample min = inColumn.first();
        Sample max = inColumn.first();
        for (const Sample &s : std::as_const(inColumn)) {
            if (s.value < min.value || (s.value == min.value && s.index < min.index))
                min = s;
            if (s.value > max.value || (s.value == max.value && s.index < max.index))
                max = s;
        }
        QList<Sample> picks{min, max};
        if (columnOf(window.first()) == c)
            picks.append(window.first());
        if (columnOf(window.last()) == c)
            picks.append(window.last());
        std::sort(picks.begin(), picks.end(), earlier);
        for (qsizetype i = 0; i < picks.size(); ++i) {
            if (i == 0 || picks.at(i).index != picks.at(i - 1).index)
                points.append(QPointF(double(picks.at(i).time), picks.at(i).value));
        }
    }
    return points;
}

inline Points referenceDecimation(const SeriesBuffer &buffer, qint64 from, qint64 to, int columns)
{
    return referenceDecimation(held(buffer), from, to, columns);
}

// Points as text, so that NaN points compare (and print): "t:v", a NaN point "|t".
inline QString text(const Points &points)
{
    QStringList parts;
    for (const QPointF &p : points) {
        const QString x = QString::number(p.x(), 'g', 17);
        if (std::isnan(p.y()))
            parts.append(QLatin1Char('|') + x);
        else
            parts.append(x + QLatin1Char(':') + QString::number(p.y(), 'g', 17));
    }
    return parts.join(QLatin1Char(' '));
}

using Range = std::optional<std::pair<double, double>>;

// Ranges compared as text, so that a failure shows both.
inline QString text(const Range &range)
{
    return range ? QStringLiteral("[%1, %2]").arg(range->first).arg(range->second) : QStringLiteral("none");
}

inline QString text(double low, double high)
{
    return text(Range(std::make_pair(low, high)));
}

inline Times heldTimes(const SeriesBuffer &buffer)
{
    Times times;
    for (qsizetype i = 0; i < buffer.size(); ++i)
        times.append(buffer.timeAt(i));
    return times;
}

inline Times range(qint64 from, qint64 to)
{
    Times times;
    for (qint64 t = from; t <= to; ++t)
        times.append(t);
    return times;
}
