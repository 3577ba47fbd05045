#include "GuiCommandLine.h"

CommandLineSpec GuiCommandLine::spec() const
{
    CommandLineSpec spec;
    spec.synopsis = QStringLiteral("[options] [URL...]");
    spec.summary = tr("Live dashboard, recorder and server for Server-Sent Events.");
    spec.description = tr(
        "Modes:\n"
        "  eventscope [URL...]             the dashboard: subscribe, watch, chart, alert, export\n"
        "  eventscope record URL...        record streams headlessly (eventscope record --help)\n"
        "  eventscope serve --demo         serve the demo stream or a capture (eventscope serve --help)\n"
        "\n"
        "Without URLs the dashboard opens the session used last.");
    spec.options = {demo, interval};
    spec.arguments = {{QStringLiteral("URL"), tr("Streams to subscribe to."), QStringLiteral("[URL...]")}};
    spec.examples = {
        {QStringLiteral("eventscope --demo"), tr("the dashboard on the built-in demo stream")},
        {QStringLiteral("eventscope http://127.0.0.1:8080/events"), tr("the dashboard on a stream")},
        {QStringLiteral("eventscope record http://127.0.0.1:8080/events -o capture.jsonl"),
         tr("record it to a file")},
        {QStringLiteral("eventscope serve --replay capture.jsonl"), tr("serve the capture again")},
    };
    return spec;
}
