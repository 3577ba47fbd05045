#pragma once

#include "SseEvent.h"
#include "ByteBuffer.h"
#include "SseEventBatch.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

// The text/event-stream interpreter of the HTML Standard, fed with bytes in any chunking.
//
// Lines are split at the byte level (CR, LF, CRLF; a CR at the end of a chunk swallows an LF at the
// start of the next), so a UTF-8 sequence or the BOM split across chunks decodes as if whole. One
// parser serves one EventSource across reconnections: the committed last event ID and the
// reconnection time persist, everything else starts again with beginStream().
//
// Fields stay bytes until an event is dispatched; events are handed on in an SseEventBatch, as
// well-formed UTF-8, and decoded to QStrings only by whoever needs them.
class SseParser
{
public:
    static constexpr qsizetype DefaultMaxEventSize = 16 * 1024 * 1024;

    explicit SseParser(qsizetype maxEventSize = DefaultMaxEventSize);

    // Data larger than this (in bytes received) is dropped (and counted) instead of dispatched;
    // memory stays bounded. Decoding may grow what is dispatched up to three times: each invalid
    // byte becomes U+FFFD, three bytes of UTF-8.
    void setMaxEventSize(qsizetype bytes);
    qsizetype maxEventSize() const { return m_maxEventSize; }

    // A new response body begins: expect a BOM, forget any partial block.
    void beginStream();
    // Appends every event dispatched by these bytes to `events`.
    void feed(QByteArrayView bytes, SseEventBatch &events);
    // The same, decoded (for callers that want QStrings at once).
    void feed(QByteArrayView bytes, QList<SseEvent> &events);
    // The body ended: an unterminated block is discarded, its id is not committed.
    void endStream();

    // The last event ID string: committed at each dispatch, kept across streams.
    QString lastEventId() const;
    void setLastEventId(const QString &id);

    // A `retry:` value parsed since the last call, clamped to what a timer can hold.
    std::optional<int> takeReconnectionTime();

    qint64 droppedEventCount() const { return m_droppedEvents; }
    // Events that outgrew the cap so far, counted when they do (a line that never ends is one too,
    // though it is never dispatched and so never in droppedEventCount()).
    qint64 oversizedEventCount() const { return m_oversizedEvents; }
    // Comment lines (`:` first) read so far, kept in the batches; one too long for the line cap
    // is skipped and not counted.
    qint64 commentCount() const { return m_commentCount; }

private:
    void feedLines(QByteArrayView bytes);
    void appendToPartialLine(QByteArrayView bytes);
    void processLine(QByteArrayView line);
    void markOversized();
    void appendComment(QByteArrayView text);
    void appendData(QByteArrayView value, bool endOfLine = true);
    void dispatch();
    void resetBlock();
    QByteArrayView dispatchedType();
    void commitId();

    qsizetype m_maxEventSize;
    qsizetype m_maxLineSize;

    QByteArray m_partialLine;   // bytes of a line whose terminator has not arrived yet
    bool m_partialLineTooLong = false;
    bool m_skipLineFeed = false; // the previous byte was a CR
    bool m_expectBom = true;
    QByteArray m_bomPrefix;     // the first bytes of a body while they may still be a BOM

    // The data of the block in progress, each data line followed by its LF.
    ByteBuffer m_blockBytes;
    // A data line too long for one chunk goes straight into m_blockBytes, not m_partialLine.
    bool m_streamingDataLine = false;
    SseEventBatch *m_output = nullptr; // where feed() dispatches, while it runs
    SseEventBatch m_decodedBatch;      // for the QList overload of feed()

    ByteBuffer m_type;
    bool m_typeIsCached = false; // the block's type is m_cachedTypeBytes (m_type is not filled)
    bool m_blockOversized = false;
    ByteBuffer m_idBuffer;       // the spec's "last event ID buffer", unless m_idBufferIsCommitted
    bool m_idBufferIsCommitted = true;
    ByteBuffer m_committedId;    // the last event ID string, as well-formed UTF-8
    // The last event ID string decoded, when it is not stale.
    mutable QString m_committedIdText;
    mutable bool m_committedIdTextStale = false;
    std::optional<int> m_reconnectionTime;
    qint64 m_droppedEvents = 0;
    qint64 m_commentCount = 0;
    qint64 m_oversizedEvents = 0;

    QByteArray m_cachedTypeBytes; // the last type dispatched, as well-formed UTF-8
};
