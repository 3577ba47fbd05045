#pragma once

#include "CommandLineSpec.h"

#include "DemoStream.h"
#include "SseServer.h"

#include <QCommandLineOption>

// The options of `eventscope serve`, named, in the order --help and the man page list them.
struct ServeCommandLine
{
    static constexpr quint16 DefaultPort = 8080;

    const QCommandLineOption demo{QStringLiteral("demo"), QStringLiteral("Serve the demo stream.")};
    const QCommandLineOption replay{QStringLiteral("replay"),
        QStringLiteral("Serve a capture made by `eventscope record` "
                       "(JSON Lines, CSV or text/event-stream)."),
        QStringLiteral("FILE")};
    const QCommandLineOption speed{QStringLiteral("speed"),
        QStringLiteral("Replay speed factor: 2 = twice as fast, 0 = as fast "
                       "as possible (default 1)."),
        QStringLiteral("X")};
    const QCommandLineOption interval{QStringLiteral("interval"),
        QStringLiteral("Milliseconds between demo events (default %1).").arg(DemoStream::DefaultIntervalMs),
        QStringLiteral("MS")};
    const QCommandLineOption port{QStringLiteral("port"),
        QStringLiteral("TCP port (default %1; 0 picks a free one).").arg(DefaultPort),
        QStringLiteral("P")};
    const QCommandLineOption bind{QStringLiteral("bind"),
        QStringLiteral("Address to listen on (default 127.0.0.1; 0.0.0.0 "
                       "for every IPv4 interface)."),
        QStringLiteral("ADDRESS")};
    const QCommandLineOption maxConnections{QStringLiteral("max-connections"),
        QStringLiteral("Clients served at once; more are answered 503 (default %1).")
            .arg(SseServer::DefaultMaxConnections),
        QStringLiteral("N")};

    CommandLineSpec spec() const;
};
