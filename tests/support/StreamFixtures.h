#pragma once

// For the suites of Stream: a scripted server's events and what a stream reported.

#include "CaptureStore.h"
#include "ScriptedServer.h"
#include "SeriesBuffer.h"
#include "Stream.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <optional>

using Response = ScriptedServer::Response;
using Kind = ConnectionEvent::Kind;

Q_DECLARE_METATYPE(CapturedEvent)
Q_DECLARE_METATYPE(StreamComment)
Q_DECLARE_METATYPE(QList<Response>)

namespace StreamFixtures {

inline constexpr int Timeout = 15000;

inline QByteArray countEvent(int id, int count)
{
    return "id: " + QByteArray::number(id) + "\ndata: {\"count\": " + QByteArray::number(count) + "}\n\n";
}

// Every connection event of a stream, in order.
struct ConnectionLog
{
    explicit ConnectionLog(Stream &stream)
    {
        QObject::connect(&stream, &Stream::connectionEvent, &stream,
                         [this](const ConnectionEvent &event) { events.append(event); });
    }

    // "O1 L1 S1 O2": kind letter and connection number per event.
    QString summary() const
    {
        QStringList parts;
        for (const ConnectionEvent &event : events) {
            const char *letter = "OLSFECRN" + int(event.kind);
            parts.append(QLatin1Char(*letter) + QString::number(event.connection));
        }
        return parts.join(u' ');
    }

    QList<int> connectionsOf(Kind kind) const
    {
        QList<int> list;
        for (const ConnectionEvent &event : events) {
            if (event.kind == kind)
                list.append(event.connection);
        }
        return list;
    }

    QList<ConnectionEvent> events;
};

// Indexes of the samples that begin a segment after a break.
template<typename Buffer>
inline std::optional<QList<qsizetype>> segmentStarts(const Buffer &buffer)
{
    if constexpr (requires { buffer.startsSegment(qsizetype(0)); }) {
        QList<qsizetype> starts;
        for (qsizetype i = 0; i < buffer.size(); ++i) {
            if (buffer.startsSegment(i))
                starts.append(i);
        }
        return starts;
    } else {
        return std::nullopt;
    }
}

inline QList<qint64> timesOf(const SeriesBuffer &buffer)
{
    QList<qint64> times;
    for (qsizetype i = 0; i < buffer.size(); ++i)
        times.append(buffer.timeAt(i));
    return times;
}

inline QList<double> valuesOf(const SeriesBuffer &buffer)
{
    QList<double> values;
    for (qsizetype i = 0; i < buffer.size(); ++i)
        values.append(buffer.valueAt(i));
    return values;
}

} // namespace StreamFixtures
