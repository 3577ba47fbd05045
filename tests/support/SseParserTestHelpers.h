// Helpers of the SseParser suites: byte and UTF-16 literals, expected events, and one response
// body run through a parser in given pieces.
#pragma once

#include "SseParser.h"
#include "TextLiterals.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMetaType>
#include <QString>

#include <cstddef>
#include <optional>

Q_DECLARE_METATYPE(SseEvent)

// QCOMPARE's description of an event (found by argument-dependent lookup).
inline char *toString(const SseEvent &event)
{
    auto clip = [](QString text) {
        if (text.size() > 120)
            text = text.first(120) + QStringLiteral("...(%1 chars)").arg(text.size());
        return text;
    };
    const QString text = QStringLiteral("SseEvent(type=\"%1\", data=\"%2\", lastEventId=\"%3\")")
                             .arg(clip(event.type), clip(event.data), clip(event.lastEventId));
    return qstrdup(text.toUtf8().constData());
}

namespace SseParserTest {

using TextLiterals::raw;
using TextLiterals::u16;

inline SseEvent ev(const QString &data, const QString &lastEventId = QString(),
                   const QString &type = QStringLiteral("message"))
{
    SseEvent event;
    event.type = type;
    event.data = data;
    event.lastEventId = lastEventId;
    return event;
}

struct Outcome
{
    QList<SseEvent> events;
    QString lastEventId;
    std::optional<int> retry;
    qint64 dropped = 0;

    friend bool operator==(const Outcome &, const Outcome &) = default;
};

// One response body, delivered in the given pieces.
inline Outcome runChunks(const QList<QByteArrayView> &chunks)
{
    SseParser parser;
    parser.beginStream();
    Outcome outcome;
    for (QByteArrayView chunk : chunks)
        parser.feed(chunk, outcome.events);
    parser.endStream();
    outcome.lastEventId = parser.lastEventId();
    outcome.retry = parser.takeReconnectionTime();
    outcome.dropped = parser.droppedEventCount();
    return outcome;
}

} // namespace SseParserTest
