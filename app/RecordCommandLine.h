#pragma once

#include "CommandLineSpec.h"

#include "EventSourceOptions.h"
#include "ReconnectPolicy.h"

#include <QCommandLineOption>

// The options of `eventscope record`, named, in the order --help and the man page list them.
struct RecordCommandLine
{
    const QCommandLineOption output{{QStringLiteral("o"), QStringLiteral("output")},
        QStringLiteral("Write to FILE (default: standard output)."),
        QStringLiteral("FILE")};
    const QCommandLineOption format{QStringLiteral("format"),
        QStringLiteral("Output format: jsonl (default), csv or sse."),
        QStringLiteral("FORMAT"), QStringLiteral("jsonl")};
    const QCommandLineOption maxEvents{QStringLiteral("max-events"),
        QStringLiteral("Stop after N events in all."), QStringLiteral("N")};
    const QCommandLineOption duration{QStringLiteral("duration"),
        QStringLiteral("Stop after this many seconds (fractions allowed)."),
        QStringLiteral("SECONDS")};
    const QCommandLineOption header{{QStringLiteral("H"), QStringLiteral("header")},
        QStringLiteral("Extra request header \"Name: value\" (repeatable)."),
        QStringLiteral("HEADER")};
    const QCommandLineOption method{{QStringLiteral("X"), QStringLiteral("method")},
        QStringLiteral("Request method: GET (the default, POST with a body), "
                       "POST, PUT, PATCH, REPORT or any other token."),
        QStringLiteral("METHOD")};
    const QCommandLineOption data{QStringLiteral("data"),
        QStringLiteral("Request body, sent again unchanged with every "
                       "reconnection; its type with -H 'Content-Type: ...'."),
        QStringLiteral("BODY")};
    const QCommandLineOption dataFile{QStringLiteral("data-file"),
        QStringLiteral("Request body read from FILE (- for standard input)."),
        QStringLiteral("FILE")};
    const QCommandLineOption lastEventId{QStringLiteral("last-event-id"),
        QStringLiteral("Last-Event-ID sent on the first connection."),
        QStringLiteral("ID")};
    const QCommandLineOption retry{QStringLiteral("retry"),
        QStringLiteral("Initial reconnection time in ms (default 3000; a "
                       "stream's retry: field overrides it)."),
        QStringLiteral("MS"), QString::number(ReconnectPolicy::DefaultReconnectionTimeMs)};
    const QCommandLineOption maxBackoff{QStringLiteral("max-backoff"),
        QStringLiteral("Longest wait between reconnection attempts in ms "
                       "(default 60000)."),
        QStringLiteral("MS"), QString::number(ReconnectPolicy::DefaultMaxBackoffMs)};
    const QCommandLineOption idleTimeout{QStringLiteral("idle-timeout"),
        QStringLiteral("Reconnect when no byte arrived for MS (default: off)."),
        QStringLiteral("MS")};
    const QCommandLineOption headerTimeout{QStringLiteral("header-timeout"),
        QStringLiteral("Connect again when no response headers came for MS "
                       "(default 30000; 0 waits for ever)."),
        QStringLiteral("MS"),
        QString::number(EventSourceOptions::DefaultHeaderTimeoutMs)};
    const QCommandLineOption pin{QStringLiteral("pin-sha256"),
        QStringLiteral("Trust exactly the certificate with this SHA-256 fingerprint "
                       "(hex, colons allowed) despite TLS errors (repeatable)."),
        QStringLiteral("FP")};
    const QCommandLineOption strict{QStringLiteral("strict"),
        QStringLiteral("Browser behaviour: any response but 200 "
                       "text/event-stream fails the stream for good.")};
    const QCommandLineOption comments{QStringLiteral("comments"),
        QStringLiteral("Also write each comment line of the streams as "
                       "{\"url\", \"comment\", \"receivedAt\"} "
                       "(JSON Lines only).")};
    const QCommandLineOption compressed{QStringLiteral("compressed"),
        QStringLiteral("Let the server compress the stream (gzip, br...); "
                       "by default the request asks for none, as "
                       "compressors hold events back.")};
    const QCommandLineOption alert{QStringLiteral("alert"),
        QStringLiteral("Alert rule, e.g. '/count > 3' (repeatable; see above)."),
        QStringLiteral("RULE")};
    const QCommandLineOption alertCommand{QStringLiteral("alert-command"),
        QStringLiteral("Run CMD with /bin/sh -c on each alert transition "
                       "(EVENTSCOPE_ALERT_* in its environment)."),
        QStringLiteral("CMD")};
    const QCommandLineOption exitOnAlert{QStringLiteral("exit-on-alert"),
        QStringLiteral("Stop at the first alert that fires, exit status 3.")};

    CommandLineSpec spec() const;
};
