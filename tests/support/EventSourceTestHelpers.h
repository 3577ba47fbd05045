// Helpers of the EventSource suites: options that reconnect fast and without jitter, and a
// recorder of everything a source signals.
#pragma once

#include "EventSource.h"

#include <QMetaType>
#include <QSignalSpy>
#include <QString>
#include <QUrl>

Q_DECLARE_METATYPE(SseEvent)

namespace EventSourceTest {

constexpr int Timeout = 15000;

inline EventSourceOptions fastOptions(const QUrl &url, ReconnectMode mode = ReconnectMode::Resilient)
{
    EventSourceOptions options;
    options.url = url;
    options.reconnectMode = mode;
    options.reconnectionTimeMs = 10;
    options.jitter = false;
    return options;
}

// Collects what a source delivers, the way a consumer would.
struct Recorder
{
    explicit Recorder(EventSource &source)
        : opened(&source, &EventSource::opened)
        , events(&source, &EventSource::eventReceived)
        , reconnects(&source, &EventSource::reconnectScheduled)
        , failures(&source, &EventSource::failed)
        , ended(&source, &EventSource::closedByServer)
    {
    }

    SseEvent event(int i) const { return events.at(i).at(0).value<SseEvent>(); }
    QString data(int i) const { return event(i).data; }
    int delay(int i) const { return reconnects.at(i).at(1).toInt(); }
    QString reconnectReason(int i) const { return reconnects.at(i).at(2).toString(); }
    QString failure() const { return failures.isEmpty() ? QString() : failures.last().at(0).toString(); }

    QSignalSpy opened;
    QSignalSpy events;
    QSignalSpy reconnects;
    QSignalSpy failures;
    QSignalSpy ended;
};

} // namespace EventSourceTest
