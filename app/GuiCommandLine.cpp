#include "GuiCommandLine.h"

CommandLineSpec GuiCommandLine::spec() const
{
    CommandLineSpec spec;
    spec.synopsis = QStringLiteral("[options] [URL...]");
    spec.summary = QStringLiteral("Live dashboard, recorder and server for Server-Sent Events.");
    spec.description = QStringLiteral(
        "Modes:\n"
        "  eventscope [URL...]             the dashboard: subscribe, watch, chart, alert, export\n"
        "  eventscope record URL...        record streams headlessly (eventscope record --help)\n"
        "  eventscope serve --demo         serve the demo stream or a capture (eventscope serve --help)\n"
        "\n"
        "Without URLs the dashboard opens the session used last.");
    spec.options = {demo, interval};
    spec.arguments = {{QStringLiteral("URL"), QStringLiteral("Streams to subscribe to."), QStringLiteral("[URL...]")}};
    spec.examples = {
        {QStringLiteral("eventscope --demo"), QStringLiteral("the dashboard on the built-in demo stream")},
        {QStringLiteral("eventscope http://127.0.0.1:8080/events"), QStringLiteral("the dashboard on a stream")},
        {QStringLiteral("eventscope record http://127.0.0.1:8080/events -o capture.jsonl"),
         QStringLiteral("record it to a file")},
        {QStringLiteral("eventscope serve --replay capture.jsonl"), QStringLiteral("serve the capture again")},
    };
    return spec;
}
