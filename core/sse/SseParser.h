#pragma once

#include "SseEvent.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <cstring>
#include <optional>
#include <vector>

// The text/event-stream interpreter of the HTML Standard, fed with bytes in any chunking.
//
// Lines are split at the byte level (CR, LF, CRLF; a CR at the end of a chunk swallows an LF at the
// start of the next), so a UTF-8 sequence or the BOM split across chunks decodes as if whole. One
// parser serves one EventSource across reconnections: the committed last event ID and the
// reconnection time persist, everything else starts again with beginStream().
//
// Fields stay bytes until an event is dispatched. The events of one feed() are decoded together
// into one shared buffer that their data and ID strings point into, so that a chunk of a thousand
// small events costs one allocation rather than two thousand.
class SseParser
{
public:
    static constexpr qsizetype DefaultMaxEventSize = 16 * 1024 * 1024;

    explicit SseParser(qsizetype maxEventSize = DefaultMaxEventSize);

    // Data larger than this is dropped (and counted) instead of dispatched; memory stays bounded.
    void setMaxEventSize(qsizetype bytes);
    qsizetype maxEventSize() const { return m_maxEventSize; }

    // A new response body begins: expect a BOM, forget any partial block.
    void beginStream();
    // Appends every event dispatched by these bytes to `events`.
    void feed(QByteArrayView bytes, QList<SseEvent> &events);
    // The body ended: an unterminated block is discarded, its id is not committed.
    void endStream();

    // The last event ID string: committed at each dispatch, kept across streams.
    QString lastEventId() const;
    void setLastEventId(const QString &id);

    // A `retry:` value parsed since the last call, clamped to what a timer can hold.
    std::optional<int> takeReconnectionTime();

    qint64 droppedEventCount() const { return m_droppedEvents; }

private:
    // A growable byte buffer whose append is inline: the parser appends a few bytes per line.
    class Bytes
    {
    public:
        void append(const char *bytes, qsizetype count)
        {
            if (m_size + count > qsizetype(m_storage.size()))
                grow(m_size + count);
            if (count > 0)
                std::memcpy(m_storage.data() + m_size, bytes, size_t(count));
            m_size += count;
        }
        void append(QByteArrayView bytes) { append(bytes.data(), bytes.size()); }
        void append(char c) { append(&c, 1); }
        void resize(qsizetype size) { m_size = size; } // only ever shrinks
        // Drops the storage when it grew large (one big event) and holds nothing now.
        void releaseIfLargeAndEmpty();
        qsizetype size() const { return m_size; }
        const char *data() const { return m_storage.data(); }
        char *data() { return m_storage.data(); }
        QByteArrayView view() const { return QByteArrayView(m_storage.data(), m_size); }

    private:
        void grow(qsizetype needed);

        std::vector<char> m_storage;
        qsizetype m_size = 0;
    };

    // An event dispatched by the current feed(), its strings still bytes in m_blockBytes / m_batchIds.
    struct Dispatched
    {
        qsizetype dataBegin;
        qsizetype dataSize;
        qsizetype idBegin;  // -1: the same ID as the event before it
        qsizetype idSize;
        QString type;
    };

    void feedLines(QByteArrayView bytes);
    void appendToPartialLine(QByteArrayView bytes);
    void processLine(QByteArrayView line);
    void appendData(QByteArrayView value);
    void dispatch();
    void resetBlock();
    void deliver(QList<SseEvent> &events);
    QString decodedType();

    qsizetype m_maxEventSize;
    qsizetype m_maxLineSize;

    QByteArray m_partialLine;   // bytes of a line whose terminator has not arrived yet
    bool m_partialLineTooLong = false;
    bool m_skipLineFeed = false; // the previous byte was a CR
    bool m_expectBom = true;
    QByteArray m_bomPrefix;     // the first bytes of a body while they may still be a BOM

    // The data of the events this feed() dispatched, then that of the block in progress (from
    // m_blockStart on), each data line followed by its LF.
    Bytes m_blockBytes;
    qsizetype m_blockStart = 0;
    Bytes m_batchIds;           // the IDs of dispatched events that changed it, back to back
    std::vector<Dispatched> m_dispatched;
    QList<SseEvent> *m_output = nullptr; // where feed() delivers, while it runs

    QByteArray m_type;
    bool m_typeIsCached = false; // the block's type is m_cachedTypeBytes (m_type is not filled)
    bool m_blockOversized = false;
    QByteArray m_idBuffer;       // the spec's "last event ID buffer", unless m_idBufferIsCommitted
    bool m_idBufferIsCommitted = true;
    QByteArray m_committedId;    // the last event ID string, as bytes
    bool m_idQueued = false;     // m_committedId is already in m_batchIds
    // The last event ID string decoded, when it is not stale.
    mutable QString m_committedIdText;
    mutable bool m_committedIdTextStale = false;
    std::optional<int> m_reconnectionTime;
    qint64 m_droppedEvents = 0;

    QByteArray m_cachedTypeBytes;
    QString m_cachedType;
};
