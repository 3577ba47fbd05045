#include "GuiCommand.h"

#include "DemoStream.h"
#include "MainWindow.h"
#include "SseServer.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <cstdio>
#include <memory>

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
        const QUrl url = MainWindow::streamUrlFromUserInput(argument, &error);
        if (!url.isValid()) {
            printError(error);
            return 1;
        }
        urls.append(url);
    }

    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/eventscope.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.eventscope.eventscope"));

    // Declared before the window, so that the streams close before their server goes.
    std::unique_ptr<SseServer> demoServer;
    std::unique_ptr<DemoStream> demoStream;
    if (parser.isSet(demoOption)) {
        demoServer = std::make_unique<SseServer>();
        demoStream = std::make_unique<DemoStream>(intervalMs);
        demoStream->attach(*demoServer);
        if (!demoServer->listen(QHostAddress::LocalHost, 0)) {
            printError(QStringLiteral("cannot start the demo server: %1")
                           .arg(demoServer->errorString()));
            return 1;
        }
        urls.prepend(demoServer->url(QStringLiteral("/events")));
    }

    MainWindow window;
    for (const QUrl &url : std::as_const(urls))
        window.addStream(url);
    window.show();
    return QApplication::exec();
}
