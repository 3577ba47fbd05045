#pragma once

#include <QString>
#include <QtGlobal>

// Where a stream's connection stands, as an operator reads it.
enum class StreamStatus { Connecting, Open, Reconnecting, Failed, Ended, Closed, Offline };

// One change of a stream's connection, for the log and the connection history.
struct ConnectionEvent
{
    enum class Kind {
        Opened,             // a connection delivers the stream (again)
        Lost,               // an open connection ended; `reason` says why
        ReconnectScheduled, // `attempt` and `delayMs` say when the next try is
        Failed,             // for good: no reconnection follows
        EndedByServer,      // HTTP 204, or a server that ended the stream in strict mode
        Closed,             // closed by the user
        IdReset,            // the last event ID went backwards: the server restarted
        Notice,             // a diagnosis (StreamNotice): `reason` says what was seen and the fixes
    };

    Kind kind = Kind::Opened;
    qint64 timeMs = 0;  // wall clock, ms since the epoch
    QString reason;     // readable; for IdReset "from 42 to 1"
    int connection = 0; // 1 for the stream's first connection
    int attempt = 0;
    int delayMs = 0;

    friend bool operator==(const ConnectionEvent &, const ConnectionEvent &) = default;
};

Q_DECLARE_TYPEINFO(ConnectionEvent, Q_RELOCATABLE_TYPE);
