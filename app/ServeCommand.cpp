#include "ServeCommand.h"

#include "CaptureReader.h"
#include "DemoStream.h"
#include "ReplayStream.h"
#include "ServeCommandLine.h"
#include "SseServer.h"
#include "UnixSignalWatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>

#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>

namespace {

constexpr int UsageError = 1;

void printLine(FILE *stream, const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stream);
    std::fflush(stream);
}

int usageError(const QString &message)
{
    printLine(stderr, QStringLiteral("eventscope serve: ") + message);
    printLine(stderr, QCoreApplication::translate("ServeCommand", "Try 'eventscope serve --help' for more information."));
    return UsageError;
}

struct ServeOptions
{
    enum class Source { Demo, Replay };

    Source source = Source::Demo;
    int intervalMs = DemoStream::DefaultIntervalMs;
    QString replayFile;
    double speed = 1.0;
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = ServeCommandLine::DefaultPort;
};

std::optional<QHostAddress> parseAddress(const QString &text)
{
    if (text.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return QHostAddress(QHostAddress::LocalHost);
    QHostAddress address;
    if (!address.setAddress(text))
        return std::nullopt;
    return address;
}

// A capture that breaks off is replayed up to the break, with a warning; one that yields nothing
// is an error.
bool readCapture(const QString &path, QList<CapturedEvent> &events, QString &error)
{
    QString reason;
    if (CaptureReader::readFile(path, events, &reason))
        return true;
    const QString message = reason.contains(path) ? reason : path + QStringLiteral(": ") + reason;
    if (events.isEmpty()) {
        error = message;
        return false;
    }
    printLine(stderr, QStringLiteral("eventscope serve: ")
                          + QCoreApplication::translate("ServeCommand", "%1; replaying the %2 events before it")
                                .arg(message)
                                .arg(events.size()));
    return true;
}

// What goes out at /events. Returns the start of the start-up line ("Serving the demo stream"),
// or an error.
struct Source
{
    QString description;
    QString error;
};

Source attachSource(const ServeOptions &options, SseServer &server, QObject *owner)
{
    switch (options.source) {
    case ServeOptions::Source::Demo: {
        auto *demo = new DemoStream(options.intervalMs, owner);
        demo->attach(server);
        return {QCoreApplication::translate("ServeCommand", "Serving the demo stream"), {}};
    }
    case ServeOptions::Source::Replay: {
        QList<CapturedEvent> events;
        QString error;
        if (!readCapture(options.replayFile, events, error))
            return {{}, error};
        auto *replay = new ReplayStream(std::move(events), options.speed, owner);
        replay->attach(server);
        return {QCoreApplication::translate("ServeCommand", "Replaying %1 events from %2")
                    .arg(replay->eventCount())
                    .arg(options.replayFile),
                {}};
    }
    }
    return {{}, QCoreApplication::translate("ServeCommand", "no source")};
}

QString describeRequest(const HttpRequest &request)
{
    QString line = QString::fromLatin1(request.method + ' ' + request.target);
    if (request.hasHeader("Last-Event-ID"))
        line += QStringLiteral(" (Last-Event-ID: ") + QString::fromUtf8(request.header("Last-Event-ID")) + u')';
    return line;
}

} // namespace

int runServeCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    const ServeCommandLine cli;
    const CommandLineSpec spec = cli.spec();
    spec.setUp(parser);

    QStringList commandLine = arguments.mid(2);
    commandLine.prepend(arguments.value(0, QStringLiteral("eventscope")));
    if (!parser.parse(commandLine))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        printLine(stdout, spec.helpText(parser));
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        printLine(stdout, QStringLiteral("eventscope ") + QCoreApplication::applicationVersion());
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QCoreApplication::translate("ServeCommand", "unexpected argument: %1")
                              .arg(parser.positionalArguments().first()));

    ServeOptions options;
    const bool demo = parser.isSet(cli.demo);
    const bool replay = parser.isSet(cli.replay);
    if (demo == replay) {
        return usageError(demo ? QCoreApplication::translate("ServeCommand", "choose one of --demo and --replay")
                               : QCoreApplication::translate("ServeCommand", "say what to serve: --demo or --replay FILE"));
    }
    options.source = demo ? ServeOptions::Source::Demo : ServeOptions::Source::Replay;

    if (parser.isSet(cli.interval)) {
        if (!demo)
            return usageError(QCoreApplication::translate("ServeCommand", "--interval applies to --demo only"));
        bool ok = false;
        options.intervalMs = parser.value(cli.interval).toInt(&ok);
        if (!ok || options.intervalMs <= 0) {
            return usageError(QCoreApplication::translate("ServeCommand",
                                                          "--interval wants a whole number of milliseconds above 0, "
                                                          "not \"%1\"")
                                  .arg(parser.value(cli.interval)));
        }
    }
    if (replay) {
        options.replayFile = parser.value(cli.replay);
        if (parser.isSet(cli.speed)) {
            bool ok = false;
            options.speed = parser.value(cli.speed).toDouble(&ok);
            if (!ok || !(options.speed >= 0) || qIsInf(options.speed)) {
                return usageError(QCoreApplication::translate("ServeCommand", "--speed wants a number of 0 or more, not \"%1\"")
                                      .arg(parser.value(cli.speed)));
            }
        }
    } else if (parser.isSet(cli.speed)) {
        return usageError(QCoreApplication::translate("ServeCommand", "--speed applies to --replay only"));
    }
    if (parser.isSet(cli.port)) {
        bool ok = false;
        const uint port = parser.value(cli.port).toUInt(&ok);
        if (!ok || port > 65535)
            return usageError(QCoreApplication::translate("ServeCommand", "--port wants a number from 0 to 65535, not \"%1\"")
                                  .arg(parser.value(cli.port)));
        options.port = quint16(port);
    }
    if (parser.isSet(cli.bind)) {
        const std::optional<QHostAddress> address = parseAddress(parser.value(cli.bind));
        if (!address)
            return usageError(QCoreApplication::translate("ServeCommand",
                                                          "--bind wants an IP address such as 127.0.0.1 or 0.0.0.0, "
                                                          "not \"%1\"")
                                  .arg(parser.value(cli.bind)));
        options.address = *address;
    }

    SseServer server;
    if (parser.isSet(cli.maxConnections)) {
        bool ok = false;
        const int count = parser.value(cli.maxConnections).toInt(&ok);
        if (!ok || count < 1)
            return usageError(QCoreApplication::translate("ServeCommand",
                                                          "--max-connections wants a whole number above 0, not \"%1\"")
                                  .arg(parser.value(cli.maxConnections)));
        server.setMaxConnections(count);
    }
    QObject sources;
    const Source source = attachSource(options, server, &sources);
    if (!source.error.isEmpty()) {
        printLine(stderr, QStringLiteral("eventscope serve: ") + source.error);
        return UsageError;
    }

    if (!server.listen(options.address, options.port)) {
        printLine(stderr, QStringLiteral("eventscope serve: ")
                              + QCoreApplication::translate("ServeCommand", "cannot listen on %1:%2: %3")
                                    .arg(options.address.toString())
                                    .arg(options.port)
                                    .arg(server.errorString()));
        return UsageError;
    }
    QObject::connect(&server, &SseServer::requestReceived, &server, [](const HttpRequest &request) {
        printLine(stderr, QStringLiteral("eventscope serve: ") + describeRequest(request));
    });

    // "... at URL": scripts take the URL after " at ", in every language.
    QString line = QStringLiteral("%1 at %2").arg(source.description, server.url().toString());
    const QHostAddress bound = server.serverAddress();
    if (bound == QHostAddress::Any || bound == QHostAddress::AnyIPv4 || bound == QHostAddress::AnyIPv6)
        line += QCoreApplication::translate("ServeCommand", " (listening on %1)").arg(bound.toString());
    printLine(stdout, line);

    UnixSignalWatcher signalWatcher({SIGINT, SIGTERM});
    QObject::connect(&signalWatcher, &UnixSignalWatcher::unixSignal, &server, [&server] {
        server.close();
        QCoreApplication::quit();
    });
    return QCoreApplication::exec();
}
