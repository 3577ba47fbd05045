#include "GuiCommand.h"

#include "DemoStream.h"
#include "CaptureController.h"
#include "FrameMeter.h"
#include "KeychainSecretStore.h"
#include "MainWindow.h"
#include "SessionController.h"
#include "StreamUrl.h"
#include "Workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <cstdio>

namespace {

void printError(const QString &message)
{
    std::fprintf(stderr, "eventscope: %s\n", qPrintable(message));
}

} // namespace

int runGuiCommand()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Live dashboard for Server-Sent Events.\n"
                       "Headless: `eventscope record URL...` and `eventscope serve --demo`."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
        QStringLiteral("demo"), QStringLiteral("Serve the demo stream in-process and subscribe to it."));
    const QCommandLineOption intervalOption(
        QStringLiteral("interval"),
        QStringLiteral("Interval of the demo stream in milliseconds (default %1).")
            .arg(DemoStream::DefaultIntervalMs),
        QStringLiteral("MS"), QString::number(DemoStream::DefaultIntervalMs));
    parser.addOption(demoOption);
    parser.addOption(intervalOption);
    parser.addPositionalArgument(QStringLiteral("URL"), QStringLiteral("Streams to subscribe to."),
                                 QStringLiteral("[URL...]"));

    if (!parser.parse(QCoreApplication::arguments())) {
        printError(parser.errorText());
        return 1;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    bool intervalOk = false;
    const int intervalMs = parser.value(intervalOption).toInt(&intervalOk);
    if (!intervalOk || intervalMs <= 0) {
        printError(QStringLiteral("--interval wants a positive number of milliseconds, not \"%1\"")
                       .arg(parser.value(intervalOption)));
        return 1;
    }

    QList<QUrl> urls;
    for (const QString &argument : parser.positionalArguments()) {
        QString error;
        const QUrl url = StreamUrl::fromUserInput(argument, &error);
        if (!url.isValid()) {
            printError(error);
            return 1;
        }
        urls.append(url);
    }

    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/eventscope.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.eventscope.eventscope"));

    KeychainSecretStore keyring; // outlives the window, which borrows it for the session's secrets
    MainWindow window;
    window.sessions()->setSecretStore(&keyring);
    window.restoreWindowSettings();
    Workspace *workspace = window.workspace();
    if (parser.isSet(demoOption) && !workspace->startDemo(intervalMs)) {
        printError(QStringLiteral("cannot start the demo server"));
        return 1;
    }
    for (const QUrl &url : std::as_const(urls)) {
        EventSourceOptions options;
        options.url = url;
        workspace->addStream(options);
    }
    // No stream asked for: the last session, or the empty state that says how to begin.
    if (!parser.isSet(demoOption) && urls.isEmpty())
        window.sessions()->restoreLast();
    // Streams given on the command line are no change the user made.
    workspace->setModified(false);
    window.show();
    if (FrameMeter::isWanted())
        new FrameMeter(&window);
    window.captures()->offerJournalRecovery();
    return QApplication::exec();
}
