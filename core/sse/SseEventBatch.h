#pragma once

#include "ByteBuffer.h"
#include "SseEvent.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <limits>
#include <vector>

// The events that one piece of a response dispatched, as the parser hands them on: their type,
// data and last event ID as UTF-8 that is always well-formed (ill-formed bytes were replaced by
// U+FFFD, as a browser's decoder does), back to back in one buffer. The comments of the same piece
// (`: heartbeat`) come with them, each with its place among the events. Nothing is decoded to UTF-16
// unless event() is asked for, so a consumer that writes bytes (record) never pays for QStrings.
class SseEventBatch
{
public:
    qsizetype size() const { return qsizetype(m_entries.size()); }
    bool isEmpty() const { return m_entries.empty(); }

    // The dispatched type ("message" when the stream named none).
    QByteArrayView type(qsizetype index) const { return view(entry(index).type); }
    QByteArrayView data(qsizetype index) const { return view(entry(index).data); }
    QByteArrayView lastEventId(qsizetype index) const { return view(entry(index).id); }

    // The event as a browser's MessageEvent would carry it.
    SseEvent event(qsizetype index) const;

    // Appends an event; each view must be well-formed UTF-8. A type or ID equal to the event
    // before's is stored once for both (streams repeat their type, and their ID when they send none).
    void append(QByteArrayView type, QByteArrayView data, QByteArrayView lastEventId)
    {
        Entry next;
        next.type = !m_entries.empty() && same(m_entries.back().type, type) ? m_entries.back().type : store(type);
        next.id = !m_entries.empty() && same(m_entries.back().id, lastEventId) ? m_entries.back().id
                                                                               : store(lastEventId);
        next.data = store(data);
        m_entries.push_back(next);
    }
    // Comments, in arrival order: their text (after the colon and one space, well-formed UTF-8)
    // and how many of the batch's events came before each.
    qsizetype commentCount() const { return qsizetype(m_comments.size()); }
    QByteArrayView comment(qsizetype index) const { return view(m_comments[size_t(index)].text); }
    qsizetype eventsBeforeComment(qsizetype index) const { return m_comments[size_t(index)].eventsBefore; }
    void appendComment(QByteArrayView text) { m_comments.push_back({store(text), quint32(m_entries.size())}); }

    // Nothing at all: no event and no comment.
    bool isBlank() const { return m_entries.empty() && m_comments.empty(); }

    // Forgets the events and comments; the capacity stays unless it is large and was little used (ByteBuffer::recycle()).
    void clear();

private:
    // 32 bits: a batch is one piece of a response (EventSource reads 256 KiB at a time) and the
    // events it completed, each within the parser's event size cap.
    struct Span
    {
        quint32 begin = 0;
        quint32 size = 0;
    };
    struct Entry
    {
        Span type;
        Span data;
        Span id;
    };

    const Entry &entry(qsizetype index) const
    {
        Q_ASSERT(index >= 0 && index < size());
        return m_entries[size_t(index)];
    }
    QByteArrayView view(Span span) const { return QByteArrayView(m_bytes.data() + span.begin, span.size); }
    // Inline: types and IDs are a few bytes, compared once per event.
    bool same(Span span, QByteArrayView bytes) const
    {
        if (qsizetype(span.size) != bytes.size())
            return false;
        const char *stored = m_bytes.data() + span.begin;
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            if (stored[i] != bytes[i])
                return false;
        }
        return true;
    }
    Span store(QByteArrayView bytes)
    {
        Q_ASSERT(m_bytes.size() + bytes.size() <= qsizetype(std::numeric_limits<quint32>::max()));
        const Span span{quint32(m_bytes.size()), quint32(bytes.size())};
        m_bytes.append(bytes);
        return span;
    }

    struct Comment
    {
        Span text;
        quint32 eventsBefore = 0;
    };

    ByteBuffer m_bytes;
    std::vector<Entry> m_entries;
    std::vector<Comment> m_comments;
};
