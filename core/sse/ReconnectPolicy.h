#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

enum class ReconnectMode {
    Resilient, // retry network errors, 5xx, 408 and 429 with backoff; what operators want
    Strict,    // exactly a browser's EventSource: any response but 200 text/event-stream fails
};

// What to do after a response or a transport error.
enum class ConnectionVerdict { Reconnect, Fail, EndNormally };

// Decides whether a connection outcome is retried, and after how long.
//
// Strict mode waits the reconnection time, as a browser does. Resilient mode backs off
// exponentially from the reconnection time (jittered into [d/2, d], capped, never below a
// server's Retry-After) and starts again once a connection has delivered an event.
class ReconnectPolicy
{
public:
    static constexpr int DefaultReconnectionTimeMs = 3000;
    static constexpr int DefaultMaxBackoffMs = 60000;

    explicit ReconnectPolicy(ReconnectMode mode = ReconnectMode::Resilient);

    ReconnectMode mode() const { return m_mode; }

    void setReconnectionTime(int ms);
    int reconnectionTime() const { return m_reconnectionTimeMs; }

    void setMaxBackoff(int ms);
    int maxBackoff() const { return m_maxBackoffMs; }

    // Off in tests that need exact delays.
    void setJitterEnabled(bool enabled) { m_jitter = enabled; }

    ConnectionVerdict verdictForStatus(int httpStatus) const;

    // The delay before the next attempt; counts the attempt.
    int nextDelay(std::optional<int> retryAfterMs = std::nullopt);
    // Attempts made since the last successful event.
    int attempt() const { return m_attempt; }
    // A connection delivered an event: the next failure starts from the reconnection time again.
    void resetBackoff() { m_attempt = 0; }

    // Retry-After as delta-seconds or an HTTP-date, in milliseconds from `now`.
    static std::optional<int> parseRetryAfter(const QByteArray &value,
                                              const QDateTime &now = QDateTime::currentDateTimeUtc());

private:
    ReconnectMode m_mode;
    int m_reconnectionTimeMs = DefaultReconnectionTimeMs;
    int m_maxBackoffMs = DefaultMaxBackoffMs;
    int m_attempt = 0;
    bool m_jitter = true;
};
