#pragma once

#include "CommandLineSpec.h"

#include "DemoStream.h"

#include <QCommandLineOption>
#include <QCoreApplication>

// The options of `eventscope` itself, the dashboard; its help also names the other modes.
// Translated when made, as those of RecordCommandLine.
struct GuiCommandLine
{
    Q_DECLARE_TR_FUNCTIONS(GuiCommandLine)

public:
    const QCommandLineOption demo{QStringLiteral("demo"),
                                  tr("Serve the demo stream in-process and subscribe to it.")};
    const QCommandLineOption interval{
        QStringLiteral("interval"),
        tr("Interval of the demo stream in milliseconds (default %1).").arg(DemoStream::DefaultIntervalMs),
        QStringLiteral("MS"), QString::number(DemoStream::DefaultIntervalMs)};

    CommandLineSpec spec() const;
};
