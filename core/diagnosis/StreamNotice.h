#pragma once

#include <QByteArray>
#include <QString>

// A diagnosis of one stream's connection, in words an operator can act on: what was seen, the
// likely cause and the usual fixes. Said once per occurrence, never per event.
struct StreamNotice
{
    enum class Kind {
        HeadersHeldBack, // a request sent and no response head for a long time
        BufferingProxy,  // events in recurring bursts after long silences
        Compressed,      // a Content-Encoding on the event stream
        EventTooLarge,   // an event (or a line that never ends) beyond the event size cap
    };

    Kind kind = Kind::HeadersHeldBack;
    QString text;

    // A few words for the stream's row: "buffered by a proxy?".
    static QString shortText(Kind kind);

    static StreamNotice headersHeldBack(qint64 waitedMs, bool offeredCompression);
    static StreamNotice bufferingProxy(qint64 silenceMs, qint64 events, int bursts);
    static StreamNotice compressed(const QByteArray &encoding);
    static StreamNotice eventTooLarge(qsizetype maxEventSize);

    friend bool operator==(const StreamNotice &, const StreamNotice &) = default;
};
