#pragma once

#include "CommandLineSpec.h"

#include "EventSourceOptions.h"
#include "ReconnectPolicy.h"

#include <QCommandLineOption>
#include <QCoreApplication>

// The options of `eventscope record`, named, in the order --help and the man page list them.
// Their texts are translated when the struct is made: by the program after it installed the
// translators, while the man page writer installs none and stays English.
struct RecordCommandLine
{
    Q_DECLARE_TR_FUNCTIONS(RecordCommandLine)

public:
    const QCommandLineOption output{{QStringLiteral("o"), QStringLiteral("output")},
        tr("Write to FILE (default: standard output)."),
        QStringLiteral("FILE")};
    const QCommandLineOption format{QStringLiteral("format"),
        tr("Output format: jsonl (default), csv or sse."),
        QStringLiteral("FORMAT"), QStringLiteral("jsonl")};
    const QCommandLineOption maxEvents{QStringLiteral("max-events"),
        tr("Stop after N events in all."), QStringLiteral("N")};
    const QCommandLineOption duration{QStringLiteral("duration"),
        tr("Stop after this many seconds (fractions allowed)."),
        QStringLiteral("SECONDS")};
    const QCommandLineOption header{{QStringLiteral("H"), QStringLiteral("header")},
        tr("Extra request header \"Name: value\" (repeatable)."),
        QStringLiteral("HEADER")};
    const QCommandLineOption method{{QStringLiteral("X"), QStringLiteral("method")},
        tr("Request method: GET (the default, POST with a body), "
           "POST, PUT, PATCH, REPORT or any other token."),
        QStringLiteral("METHOD")};
    const QCommandLineOption data{QStringLiteral("data"),
        tr("Request body, sent again unchanged with every "
           "reconnection; its type with -H 'Content-Type: ...'."),
        QStringLiteral("BODY")};
    const QCommandLineOption dataFile{QStringLiteral("data-file"),
        tr("Request body read from FILE (- for standard input)."),
        QStringLiteral("FILE")};
    const QCommandLineOption lastEventId{QStringLiteral("last-event-id"),
        tr("Last-Event-ID sent on the first connection."),
        QStringLiteral("ID")};
    const QCommandLineOption retry{QStringLiteral("retry"),
        tr("Initial reconnection time in ms (default 3000; a "
           "stream's retry: field overrides it)."),
        QStringLiteral("MS"), QString::number(ReconnectPolicy::DefaultReconnectionTimeMs)};
    const QCommandLineOption maxBackoff{QStringLiteral("max-backoff"),
        tr("Longest wait between reconnection attempts in ms "
           "(default 60000)."),
        QStringLiteral("MS"), QString::number(ReconnectPolicy::DefaultMaxBackoffMs)};
    const QCommandLineOption idleTimeout{QStringLiteral("idle-timeout"),
        tr("Reconnect when no byte arrived for MS (default: off)."),
        QStringLiteral("MS")};
    const QCommandLineOption headerTimeout{QStringLiteral("header-timeout"),
        tr("Connect again when no response headers came for MS "
           "(default 30000; 0 waits for ever)."),
        QStringLiteral("MS"),
        QString::number(EventSourceOptions::DefaultHeaderTimeoutMs)};
    const QCommandLineOption pin{QStringLiteral("pin-sha256"),
        tr("Trust exactly the certificate with this SHA-256 fingerprint "
           "(hex, colons allowed) despite TLS errors (repeatable)."),
        QStringLiteral("FP")};
    const QCommandLineOption strict{QStringLiteral("strict"),
        tr("Browser behaviour: any response but 200 "
           "text/event-stream fails the stream for good.")};
    const QCommandLineOption comments{QStringLiteral("comments"),
        tr("Also write each comment line of the streams as "
           "{\"url\", \"comment\", \"receivedAt\"} "
           "(JSON Lines only).")};
    const QCommandLineOption compressed{QStringLiteral("compressed"),
        tr("Let the server compress the stream (gzip, br...); "
           "by default the request asks for none, as "
           "compressors hold events back.")};
    const QCommandLineOption alert{QStringLiteral("alert"),
        tr("Alert rule, e.g. '/count > 3' (repeatable; see above)."),
        QStringLiteral("RULE")};
    const QCommandLineOption alertCommand{QStringLiteral("alert-command"),
        tr("Run CMD with /bin/sh -c on each alert transition "
           "(EVENTSCOPE_ALERT_* in its environment)."),
        QStringLiteral("CMD")};
    const QCommandLineOption exitOnAlert{QStringLiteral("exit-on-alert"),
        tr("Stop at the first alert that fires, exit status 3.")};

    CommandLineSpec spec() const;
};
