#pragma once

#include "CaptureWriter.h"
#include "SseEvent.h"

#include <QByteArray>
#include <QString>

class QIODevice;

// Raw text/event-stream that a parser turns back into exactly the captured events: type, data and
// last event ID. Each event is preceded by a comment, ignored by parsers, that keeps what the stream
// itself cannot: ": receivedAt 2026-11-23T19:00:00.123Z connection 1 url http://...".
class SseWriter final : public CaptureWriter
{
public:
    explicit SseWriter(QIODevice *device);

    void write(const CapturedEvent &event) override;

    // The event's fields and the blank line that dispatches it; `previousId` is the last event ID a
    // parser holds before it.
    static void appendEvent(QByteArray &out, const SseEvent &event, const QString &previousId);

private:

    QString m_lastEventId;
};
