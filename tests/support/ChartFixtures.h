// Helpers of the chart suites: samples and demo-like events to plot, a frame settled, what it shows.
#pragma once

#include "ChartPanel.h"
#include "SeriesBuffer.h"
#include "SseEvent.h"
#include "StreamFieldStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QImage>
#include <QString>
#include <QStringList>

namespace ChartFixtures {

// When the samples of the ChartPanel suites start: a fixed local time.
inline const qint64 Base = QDateTime(QDate(2026, 11, 23), QTime(19, 0, 0)).toMSecsSinceEpoch();

// Payload times far from the receive times, so that the two cannot be confused.
inline const qint64 PayloadBase = QDateTime(QDate(2026, 11, 23), QTime(19, 0, 0), Qt::UTC).toMSecsSinceEpoch();

// Demo-like events, one a second, received up to `receivedUntil`.
inline void feed(StreamFieldStore &store, int from, int count, qint64 receivedUntil)
{
    for (int i = from; i < from + count; ++i) {
        SseEvent event;
        const QString time = QDateTime::fromMSecsSinceEpoch(PayloadBase + i * 1000, Qt::UTC)
                                 .toString(Qt::ISODateWithMs);
        event.data = QStringLiteral(R"({"count": %1, "load": %2, "time": "%3"})").arg(i).arg(i % 7).arg(time);
        store.addEvent(event, receivedUntil - (from + count - 1 - i) * 1000);
    }
}

// Samples every `intervalMs` over [from, to] of `value(t)`.
template<typename Value>
void fill(SeriesBuffer &buffer, qint64 from, qint64 to, qint64 intervalMs, Value value)
{
    for (qint64 t = from; t <= to; t += intervalMs)
        buffer.append(t, value(t));
}

inline QStringList seriesNames(const ChartPanel *panel)
{
    QStringList names;
    for (const PlotSeries &series : panel->series())
        names.append(series.name);
    return names;
}

// Whether a pixel of `image` in the rows [top, bottom) is `color`; bottom -1: down to the last row.
inline bool hasPixel(const QImage &image, QRgb color, int top = 0, int bottom = -1)
{
    if (bottom < 0)
        bottom = image.height();
    for (int y = top; y < bottom; ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixel(x, y) == color)
                return true;
        }
    }
    return false;
}

// What settle() delivers between its two frames: only the layout requests, or every posted event.
enum class Posted { LayoutRequests, All };

// Draws a ChartPanel or ChartArea at `now`, lets it lay out that frame's axes, draws again `laterMs` on.
template<typename Chart>
void settle(Chart &chart, qint64 now, Posted posted = Posted::All, qint64 laterMs = 0)
{
    chart.refresh(now);
    if (posted == Posted::All)
        QCoreApplication::sendPostedEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    chart.refresh(now + laterMs);
}

} // namespace ChartFixtures
