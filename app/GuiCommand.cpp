#include "GuiCommand.h"

#include "DemoStream.h"
#include "CaptureController.h"
#include "FrameMeter.h"
#include "GuiCommandLine.h"
#include "KeychainSecretStore.h"
#include "MainWindow.h"
#include "Preferences.h"
#include "PreferencesController.h"
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
    const GuiCommandLine cli;
    const CommandLineSpec spec = cli.spec();
    spec.setUp(parser);

    if (!parser.parse(QCoreApplication::arguments())) {
        printError(parser.errorText());
        return 1;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fprintf(stdout, "%s\n", qPrintable(spec.helpText(parser)));
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::fprintf(stdout, "eventscope %s\n", qPrintable(QCoreApplication::applicationVersion()));
        return 0;
    }

    bool intervalOk = false;
    const int intervalMs = parser.value(cli.interval).toInt(&intervalOk);
    if (!intervalOk || intervalMs <= 0) {
        printError(QCoreApplication::translate("GuiCommand", "--interval wants a positive number of milliseconds, not \"%1\"")
                       .arg(parser.value(cli.interval)));
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
    PreferencesController::applyAtStart(Preferences::load());
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.eventscope.eventscope"));

    KeychainSecretStore keyring; // outlives the window, which borrows it for the session's secrets
    MainWindow window;
    window.sessions()->setSecretStore(&keyring);
    window.restoreWindowSettings();
    Workspace *workspace = window.workspace();
    if (parser.isSet(cli.demo) && !workspace->startDemo(intervalMs)) {
        printError(QCoreApplication::translate("GuiCommand", "cannot start the demo server"));
        return 1;
    }
    for (const QUrl &url : std::as_const(urls)) {
        EventSourceOptions options;
        options.url = url;
        workspace->addStream(options);
    }
    // No stream asked for: the last session, or the empty state that says how to begin.
    if (!parser.isSet(cli.demo) && urls.isEmpty())
        window.sessions()->restoreLast();
    // Streams given on the command line are no change the user made.
    workspace->setModified(false);
    window.show();
    if (FrameMeter::isWanted())
        new FrameMeter(&window);
    window.captures()->offerJournalRecovery();
    return QApplication::exec();
}
