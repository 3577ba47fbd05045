#include "RecordCommandLine.h"

CommandLineSpec RecordCommandLine::spec() const
{
    CommandLineSpec spec;
    spec.mode = QStringLiteral("record");
    spec.synopsis = QStringLiteral("[options] URL...");
    spec.summary = tr("Records Server-Sent Events streams headlessly.");
    spec.description = tr(
        "One line per dispatched event, by default JSON Lines {\"url\", \"type\", \"data\", \"lastEventId\",\n"
        "\"receivedAt\", \"connection\"}; connection changes, notices (waiting for headers, a buffering\n"
        "proxy, compression, ids that went back, an event too large) and alert transitions go to\n"
        "standard error.\n"
        "\n"
        "Alert rules (--alert), each transition one line on standard error:\n"
        "  FIELD > X, >= X, < X, <= X, FIELD outside LOW..HIGH  [for DURATION]\n"
        "  stale DURATION | down DURATION | idreset [DURATION] | reconnects > K in DURATION\n"
        "FIELD is a payload path (/count, /cpu/load[0], type:/path) or rate(...), avg(..., 10s),\n"
        "diff(/a, /b), ratio(/a, /b); DURATION is 500ms, 10s, 1.5m or 2h.");
    spec.exitStatus = tr(
        "0 when stopped (by --max-events, --duration, SIGINT/SIGTERM, or when every stream was ended\n"
        "by its server), 2 when a stream failed for good, 1 for a usage error, 3 for --exit-on-alert.");
    spec.options = {output, format, maxEvents, duration, header, method, data, dataFile, lastEventId, retry,
                    maxBackoff, idleTimeout, headerTimeout, pin, strict, comments, compressed, alert,
                    alertCommand, exitOnAlert};
    spec.arguments = {{QStringLiteral("URL"), tr("http or https stream URLs."), QStringLiteral("URL...")}};
    spec.examples = {
        {QStringLiteral("eventscope record http://127.0.0.1:8080/events -o capture.jsonl --max-events 100"),
         tr("the first 100 events to a file")},
        {QStringLiteral("eventscope record URL --format sse -o capture.sse"),
         tr("raw text/event-stream, for serve --replay")},
        {QStringLiteral("eventscope record URL -X POST -H 'Content-Type: application/json' --data '{}'"),
         tr("a POST-based stream")},
        {QStringLiteral("eventscope record URL --alert '/cpu/load[0] >= 0.9 for 10s' --alert 'stale 5s'"),
         tr("alerts on standard error")},
    };
    return spec;
}
