#pragma once

#include "CommandLineSpec.h"

#include "DemoStream.h"

#include <QCommandLineOption>

// The options of `eventscope` itself, the dashboard; its help also names the other modes.
struct GuiCommandLine
{
    const QCommandLineOption demo{QStringLiteral("demo"),
                                  QStringLiteral("Serve the demo stream in-process and subscribe to it.")};
    const QCommandLineOption interval{
        QStringLiteral("interval"),
        QStringLiteral("Interval of the demo stream in milliseconds (default %1).").arg(DemoStream::DefaultIntervalMs),
        QStringLiteral("MS"), QString::number(DemoStream::DefaultIntervalMs)};

    CommandLineSpec spec() const;
};
