#pragma once

#include "SseEvent.h"

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
    QString lastEventId() const { return m_lastEventId; }
    void setLastEventId(const QString &id);

    // A `retry:` value parsed since the last call, clamped to what a timer can hold.
    std::optional<int> takeReconnectionTime();

    qint64 droppedEventCount() const { return m_droppedEvents; }

private:
    void feedLines(QByteArrayView bytes, QList<SseEvent> &events);
    void appendToPartialLine(QByteArrayView bytes);
    void processLine(QByteArrayView line, QList<SseEvent> &events);
    void processField(QByteArrayView name, QByteArrayView value);
    void dispatch(QList<SseEvent> &events);
    void resetBlock();
    QString decodedType();

    qsizetype m_maxEventSize;
    qsizetype m_maxLineSize;

    QByteArray m_partialLine;   // bytes of a line whose terminator has not arrived yet
    bool m_partialLineTooLong = false;
    bool m_skipLineFeed = false; // the previous byte was a CR
    bool m_expectBom = true;
    QByteArray m_bomPrefix;     // the first bytes of a body while they may still be a BOM

    QByteArray m_data;
    QByteArray m_type;
    bool m_blockOversized = false;
    QString m_lastEventIdBuffer;
    QString m_lastEventId;
    std::optional<int> m_reconnectionTime;
    qint64 m_droppedEvents = 0;

    QByteArray m_cachedTypeBytes;
    QString m_cachedType;
};
