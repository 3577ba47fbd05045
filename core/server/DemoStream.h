#pragma once

#include <QObject>

class SseServer;

// The seed stream: every interval `id: N`, `event: message`,
// `data: {"count": N, "time": "<ISO-8601 UTC>"}`, resuming after Last-Event-ID. Each client gets
// its own counter; a fast interval is kept by sending every event that is due on each tick.
class DemoStream : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultIntervalMs = 1000;

    explicit DemoStream(int intervalMs = DefaultIntervalMs, QObject *parent = nullptr);

    // Serves the stream at `path` of `server`.
    void attach(SseServer &server, const QString &path = QStringLiteral("/events"));

    int intervalMs() const { return m_intervalMs; }

private:
    int m_intervalMs;
};
