// A literal transcription of the HTML Standard's "interpreting an event stream" (9.2.6), for
// differential tests and fuzzing: the body decoded as a whole, one BOM dropped, lines split at
// CRLF, LF or CR, each line processed as the algorithm says. Slow and plain on purpose; it knows
// nothing of chunks, caps or batches. Comments are kept (the standard ignores them) so that the
// parser's comments can be compared too.
#pragma once

#include "Utf8Decoder.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace ReferenceSse {

struct Event
{
    QString type;
    QString data;
    QString lastEventId;
    friend bool operator==(const Event &, const Event &) = default;
};

struct Outcome
{
    QList<Event> events;
    QStringList comments;
    QString lastEventId;       // the last event ID string at the end
    std::optional<int> retry;  // the last valid retry: field, clamped as a timer holds it
    friend bool operator==(const Outcome &, const Outcome &) = default;
};

inline Outcome interpret(QByteArrayView body)
{
    Outcome out;
    // "Streams must be decoded using the UTF-8 decode algorithm": one BOM goes, errors become U+FFFD.
    QString text = Utf8Decoder::decode(body);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);

    QString dataBuffer;
    QString eventTypeBuffer;
    QString lastEventIdBuffer;

    auto dispatch = [&] {
        out.lastEventId = lastEventIdBuffer;
        if (dataBuffer.isEmpty()) {
            eventTypeBuffer.clear();
            return;
        }
        if (dataBuffer.endsWith(u'\n'))
            dataBuffer.chop(1);
        out.events.append({eventTypeBuffer.isEmpty() ? QStringLiteral("message") : eventTypeBuffer, dataBuffer,
                           out.lastEventId});
        dataBuffer.clear();
        eventTypeBuffer.clear();
    };
    auto processField = [&](const QString &field, const QString &value) {
        if (field == u"event") {
            eventTypeBuffer = value;
        } else if (field == u"data") {
            dataBuffer += value;
            dataBuffer += u'\n';
        } else if (field == u"id") {
            if (!value.contains(QChar(0)))
                lastEventIdBuffer = value;
        } else if (field == u"retry") {
            bool digits = !value.isEmpty();
            for (QChar c : value)
                digits = digits && c >= u'0' && c <= u'9';
            if (digits) {
                qint64 ms = 0;
                for (QChar c : value)
                    ms = qMin<qint64>(ms * 10 + (c.unicode() - '0'), std::numeric_limits<int>::max());
                out.retry = int(ms);
            }
        }
    };

    qsizetype i = 0;
    const qsizetype n = text.size();
    while (true) {
        // Find the end of the line; a line without its end at the end of the body is never processed.
        qsizetype end = i;
        while (end < n && text[end] != u'\r' && text[end] != u'\n')
            ++end;
        if (end == n)
            break;
        const QString line = text.mid(i, end - i);
        i = end + 1;
        if (text[end] == u'\r' && i < n && text[i] == u'\n')
            ++i;

        if (line.isEmpty()) {
            dispatch();
        } else if (line.startsWith(u':')) {
            QString comment = line.mid(1);
            if (comment.startsWith(u' '))
                comment.remove(0, 1);
            out.comments.append(comment);
        } else if (const qsizetype colon = line.indexOf(u':'); colon >= 0) {
            QString value = line.mid(colon + 1);
            if (value.startsWith(u' '))
                value.remove(0, 1);
            processField(line.left(colon), value);
        } else {
            processField(line, QString());
        }
    }
    // "Once the end of the file is reached, any pending data must be discarded."
    return out;
}

} // namespace ReferenceSse
