#pragma once

#include "CommandLineSpec.h"

#include "DemoStream.h"
#include "SseServer.h"

#include <QCommandLineOption>
#include <QCoreApplication>

// The options of `eventscope serve`, named, in the order --help and the man page list them;
// translated when made, as those of RecordCommandLine.
struct ServeCommandLine
{
    Q_DECLARE_TR_FUNCTIONS(ServeCommandLine)

public:
    static constexpr quint16 DefaultPort = 8080;

    const QCommandLineOption demo{QStringLiteral("demo"), tr("Serve the demo stream.")};
    const QCommandLineOption replay{QStringLiteral("replay"),
        tr("Serve a capture made by `eventscope record` "
           "(JSON Lines, CSV or text/event-stream)."),
        QStringLiteral("FILE")};
    const QCommandLineOption speed{QStringLiteral("speed"),
        tr("Replay speed factor: 2 = twice as fast, 0 = as fast "
           "as possible (default 1)."),
        QStringLiteral("X")};
    const QCommandLineOption interval{QStringLiteral("interval"),
        tr("Milliseconds between demo events (default %1).").arg(DemoStream::DefaultIntervalMs),
        QStringLiteral("MS")};
    const QCommandLineOption port{QStringLiteral("port"),
        tr("TCP port (default %1; 0 picks a free one).").arg(DefaultPort),
        QStringLiteral("P")};
    const QCommandLineOption bind{QStringLiteral("bind"),
        tr("Address to listen on (default 127.0.0.1; 0.0.0.0 "
           "for every IPv4 interface)."),
        QStringLiteral("ADDRESS")};
    const QCommandLineOption maxConnections{QStringLiteral("max-connections"),
        tr("Clients served at once; more are answered 503 (default %1).")
            .arg(SseServer::DefaultMaxConnections),
        QStringLiteral("N")};

    CommandLineSpec spec() const;
};
