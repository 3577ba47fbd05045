#pragma once

#include "CapturedEvent.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class SseServer;

// Serves a capture again as text/event-stream, each event with the (type, data, lastEventId) a
// browser's parser dispatched when it was captured, spaced as it was received divided by `speed`
// (0: as fast as the client reads). Each client starts after the last event whose id equals its
// Last-Event-ID, or from the start; a client that has seen everything is answered 204.
class ReplayStream : public QObject
{
    Q_OBJECT

public:
    explicit ReplayStream(QList<CapturedEvent> events, double speed = 1.0, QObject *parent = nullptr);

    // Serves the replay at `path` of `server`.
    void attach(SseServer &server, const QString &path = QStringLiteral("/events"));

    qsizetype eventCount() const;
    double speed() const;

    // Where a client with this Last-Event-ID starts (eventCount() when nothing is left); an empty
    // id means no Last-Event-ID.
    qsizetype startIndex(const QString &lastEventId) const;

    // `event` in text/event-stream form; `previousId` is the last event ID the client holds.
    static QByteArray encode(const SseEvent &event, const QString &previousId);

    struct Data; // internal: the capture as served, shared by every connection

private:
    std::shared_ptr<const Data> d; // shared with the clients, which may outlive this object
};
