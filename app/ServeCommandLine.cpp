#include "ServeCommandLine.h"

CommandLineSpec ServeCommandLine::spec() const
{
    CommandLineSpec spec;
    spec.mode = QStringLiteral("serve");
    spec.synopsis = QStringLiteral("--demo|--replay FILE [options]");
    spec.summary = tr("Serves a Server-Sent Events stream at /events over plain HTTP/1.1.");
    spec.description = tr(
        "--demo sends `id: N`, `event: message`, `data: {\"count\": N, \"time\": \"<ISO-8601 UTC>\"}`\n"
        "every interval, each client with its own counter, resuming after Last-Event-ID.\n"
        "--replay sends a capture's events with their original spacing divided by --speed,\n"
        "resuming after Last-Event-ID; a client that has seen every event is answered 204.\n"
        "Prints the stream's URL on standard output once listening; stops on SIGINT/SIGTERM.");
    spec.exitStatus = tr("0 when stopped by a signal, 1 for a usage error or when the port is taken.");
    spec.options = {demo, replay, speed, interval, port, bind, maxConnections};
    spec.examples = {
        {QStringLiteral("eventscope serve --demo"), tr("http://127.0.0.1:8080/events, one event a second")},
        {QStringLiteral("eventscope serve --demo --port 0 --interval 100"), tr("any free port, ten a second")},
        {QStringLiteral("eventscope serve --replay capture.sse --speed 2"), tr("a capture, twice as fast")},
    };
    return spec;
}
