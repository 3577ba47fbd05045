#include "RecordCommand.h"

#include "CaptureWriter.h"
#include "CertificatePin.h"
#include "CsvWriter.h"
#include "EventSourceOptions.h"
#include "FetchRequest.h"
#include "JsonlWriter.h"
#include "RecordAlerts.h"
#include "RecordCommandLine.h"
#include "Recorder.h"
#include "SseWriter.h"
#include "UnixSignalWatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QUrl>

#include <algorithm>
#include <climits>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <unistd.h>
#include <vector>

namespace {

constexpr int UsageError = 1;
constexpr int AlertExit = 3;

void printLine(FILE *stream, const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stream);
}

void printStatus(const QString &line)
{
    printLine(stderr, QStringLiteral("eventscope: ") + line);
}

// Exit status 1 without the --help hint: the command line was fine, the output is not.
int outputError(const QString &message)
{
    printLine(stderr, QStringLiteral("eventscope record: ") + message);
    return UsageError;
}

int usageError(const QString &message)
{
    printLine(stderr, QStringLiteral("eventscope record: ") + message);
    printLine(stderr,
              QCoreApplication::translate("RecordCommand", "Try 'eventscope record --help' for more information."));
    return UsageError;
}

using WriterFactory = std::function<std::unique_ptr<CaptureWriter>(QIODevice *)>;

struct OutputFormat
{
    QLatin1StringView name;
    WriterFactory factory; // empty: not supported yet
};

const QList<OutputFormat> &outputFormats()
{
    static const QList<OutputFormat> formats = {
        {QLatin1StringView("jsonl"), [](QIODevice *device) { return std::make_unique<JsonlWriter>(device); }},
        {QLatin1StringView("csv"), [](QIODevice *device) { return std::make_unique<CsvWriter>(device); }},
        {QLatin1StringView("sse"), [](QIODevice *device) { return std::make_unique<SseWriter>(device); }},
    };
    return formats;
}


// "Name: value" as curl takes it; nullopt when it is not a valid header line.
std::optional<HttpHeader> parseHeader(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;
    const QByteArray name = text.left(colon).toUtf8();
    if (!FetchRequest::isToken(name))
        return std::nullopt;
    const QByteArray value = text.mid(colon + 1).toUtf8().trimmed();
    for (const char c : value) {
        if (c == '\r' || c == '\n' || c == '\0')
            return std::nullopt;
    }
    return HttpHeader{name, value};
}

// The method and body of -X, --data and --data-file into `options`; the usage error, if any.
std::optional<QString> readRequest(const QCommandLineParser &parser, const RecordCommandLine &cli,
                                   EventSourceOptions &options)
{
    const bool hasBody = parser.isSet(cli.data) || parser.isSet(cli.dataFile);
    if (parser.isSet(cli.data) && parser.isSet(cli.dataFile))
        return QCoreApplication::translate("RecordCommand", "--data and --data-file cannot both be given");
    if (parser.isSet(cli.data))
        options.body = parser.value(cli.data).toUtf8();
    if (parser.isSet(cli.dataFile)) {
        const QString path = parser.value(cli.dataFile);
        QFile file(path);
        const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                       : file.open(QIODevice::ReadOnly);
        if (!opened)
            return QCoreApplication::translate("RecordCommand", "cannot read --data-file \"%1\": %2")
                .arg(path, file.errorString());
        options.body = file.readAll();
    }
    // As curl does: a body without -X is POSTed.
    options.method = parser.isSet(cli.method) ? parser.value(cli.method).toUtf8()
                                                : QByteArray(hasBody ? "POST" : "GET");
    if (!FetchRequest::isToken(options.method))
        return QCoreApplication::translate("RecordCommand", "-X needs an HTTP method, not \"%1\"")
            .arg(parser.value(cli.method));
    if (FetchRequest::isForbiddenMethod(options.method))
        return QCoreApplication::translate("RecordCommand", "-X %1 cannot be sent (CONNECT, TRACE and TRACK never are)")
            .arg(QString::fromUtf8(options.method));
    const QByteArray method = FetchRequest::normalizedMethod(options.method);
    if (hasBody && (method == "GET" || method == "HEAD"))
        return QCoreApplication::translate("RecordCommand", "a request body needs a method that takes one (not %1)")
            .arg(QString::fromUtf8(method));
    return std::nullopt;
}

std::optional<qint64> parseCount(const QString &text, qint64 minimum)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < minimum)
        return std::nullopt;
    return value;
}

} // namespace

int runRecordCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    const RecordCommandLine cli;
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

    const QStringList urls = parser.positionalArguments();
    if (urls.isEmpty())
        return usageError(QCoreApplication::translate("RecordCommand", "no URL given"));

    const QString formatName = parser.value(cli.format);
    const OutputFormat *format = nullptr;
    for (const OutputFormat &candidate : outputFormats()) {
        if (formatName == candidate.name)
            format = &candidate;
    }
    if (!format)
        return usageError(QCoreApplication::translate("RecordCommand", "unknown format \"%1\" (jsonl, csv or sse)")
                              .arg(formatName));
    if (!format->factory)
        return usageError(
            QCoreApplication::translate("RecordCommand", "--format %1 is not supported yet").arg(formatName));
    if (parser.isSet(cli.comments) && formatName != QLatin1String("jsonl"))
        return usageError(QCoreApplication::translate("RecordCommand",
                                                      "--comments writes JSON Lines: it needs --format jsonl, not %1")
                              .arg(formatName));

    EventSourceOptions common;
    for (const QString &text : parser.values(cli.header)) {
        const std::optional<HttpHeader> header = parseHeader(text);
        if (!header)
            return usageError(
                QCoreApplication::translate("RecordCommand", "bad header \"%1\" (expected \"Name: value\")").arg(text));
        common.headers.append(*header);
    }
    if (const std::optional<QString> error = readRequest(parser, cli, common))
        return usageError(*error);
    common.lastEventId = parser.value(cli.lastEventId);
    common.reconnectMode = parser.isSet(cli.strict) ? ReconnectMode::Strict : ReconnectMode::Resilient;
    common.allowCompression = parser.isSet(cli.compressed);

    const std::optional<qint64> retry = parseCount(parser.value(cli.retry), 0);
    if (!retry || *retry > INT_MAX)
        return usageError(QCoreApplication::translate("RecordCommand",
                                                      "--retry needs a number of milliseconds, not \"%1\"")
                              .arg(parser.value(cli.retry)));
    common.reconnectionTimeMs = int(*retry);

    const std::optional<qint64> maxBackoff = parseCount(parser.value(cli.maxBackoff), 1);
    if (!maxBackoff || *maxBackoff > INT_MAX)
        return usageError(QCoreApplication::translate("RecordCommand",
                                                      "--max-backoff needs a positive number of milliseconds, not \"%1\"")
                              .arg(parser.value(cli.maxBackoff)));
    common.maxBackoffMs = int(*maxBackoff);

    if (parser.isSet(cli.idleTimeout)) {
        const std::optional<qint64> idle = parseCount(parser.value(cli.idleTimeout), 0);
        if (!idle || *idle > INT_MAX)
            return usageError(QCoreApplication::translate("RecordCommand",
                                                          "--idle-timeout needs a number of milliseconds, not \"%1\"")
                                  .arg(parser.value(cli.idleTimeout)));
        common.idleTimeoutMs = int(*idle);
    }

    const std::optional<qint64> headerTimeout = parseCount(parser.value(cli.headerTimeout), 0);
    if (!headerTimeout || *headerTimeout > INT_MAX)
        return usageError(QCoreApplication::translate("RecordCommand",
                                                      "--header-timeout needs a number of milliseconds, not \"%1\"")
                              .arg(parser.value(cli.headerTimeout)));
    common.headerTimeoutMs = int(*headerTimeout);
    for (const QString &text : parser.values(cli.pin)) {
        const QByteArray pin = CertificatePin::normalized(text.toLatin1());
        if (pin.isEmpty())
            return usageError(QCoreApplication::translate(
                                  "RecordCommand", "--pin-sha256 needs a SHA-256 fingerprint (64 hex digits), not \"%1\"")
                                  .arg(text));
        common.pinnedCertificates.append(pin);
    }

    qint64 maxEvents = 0;
    if (parser.isSet(cli.maxEvents)) {
        const std::optional<qint64> count = parseCount(parser.value(cli.maxEvents), 1);
        if (!count)
            return usageError(QCoreApplication::translate("RecordCommand",
                                                          "--max-events needs a positive whole number, not \"%1\"")
                                  .arg(parser.value(cli.maxEvents)));
        maxEvents = *count;
    }

    int durationMs = 0;
    if (parser.isSet(cli.duration)) {
        bool ok = false;
        const double seconds = parser.value(cli.duration).toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds <= 0 || seconds * 1000 > INT_MAX)
            return usageError(QCoreApplication::translate("RecordCommand",
                                                          "--duration needs a positive number of seconds (at most %1), "
                                                          "not \"%2\"")
                                  .arg(QString::number(INT_MAX / 1000), parser.value(cli.duration)));
        durationMs = int(std::ceil(seconds * 1000));
    }

    RecordAlerts::Settings alertSettings;
    alertSettings.texts = parser.values(cli.alert);
    alertSettings.command = parser.value(cli.alertCommand);
    QString alertError;
    if (!RecordAlerts::parseRules(alertSettings.texts, &alertSettings.rules, &alertError)) {
        printStatus(alertError);
        return UsageError;
    }
    if (alertSettings.rules.isEmpty() && (parser.isSet(cli.alertCommand) || parser.isSet(cli.exitOnAlert)))
        return usageError(
            QCoreApplication::translate("RecordCommand", "--alert-command and --exit-on-alert need an --alert rule"));

    QFile output;
    const QString outputPath = parser.value(cli.output);
    const bool toStdout = outputPath.isEmpty() || outputPath == QLatin1String("-");
    const QString outputName = toStdout ? QCoreApplication::translate("RecordCommand", "standard output") : outputPath;
    if (toStdout) {
        if (!output.open(STDOUT_FILENO, QIODevice::WriteOnly, QFileDevice::DontCloseHandle))
            return outputError(QCoreApplication::translate("RecordCommand", "cannot write to standard output: %1")
                                   .arg(output.errorString()));
    } else {
        output.setFileName(outputPath);
        if (!output.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return outputError(QCoreApplication::translate("RecordCommand", "cannot open output file \"%1\": %2")
                                  .arg(outputPath, output.errorString()));
    }
    const std::unique_ptr<CaptureWriter> writer = format->factory(&output);

    Recorder recorder(writer.get());
    recorder.setMaxEvents(maxEvents);
    recorder.setDurationMs(durationMs);
    recorder.setSyncFile(&output);
    recorder.setRecordComments(parser.isSet(cli.comments));
    for (const QString &url : urls) {
        EventSourceOptions options = common;
        options.url = QUrl(url);
        recorder.addStream(options, url);
    }

    QObject::connect(&recorder, &Recorder::streamOpened, [](const QString &url, int connection) {
        printStatus(QStringLiteral("%1: connected (connection %2)").arg(url, QString::number(connection)));
    });
    QObject::connect(&recorder, &Recorder::reconnectScheduled,
                     [](const QString &url, int attempt, int delayMs, const QString &reason) {
                         printStatus(QStringLiteral("%1: reconnecting in %2 ms (attempt %3: %4)")
                                         .arg(url, QString::number(delayMs), QString::number(attempt), reason));
                     });
    QObject::connect(&recorder, &Recorder::idsWentBack,
                     [](const QString &url, const QString &from, const QString &to, bool atReconnection) {
                         const QString text = atReconnection
                             ? QCoreApplication::translate("RecordCommand",
                                                           "ids went back from %1 to %2 on reconnecting: the server "
                                                           "restarted, or ignored Last-Event-ID")
                             : QCoreApplication::translate("RecordCommand",
                                                           "ids went back from %1 to %2: the server restarted, or "
                                                           "ignored Last-Event-ID");
                         printStatus(url + QStringLiteral(": notice: ") + text.arg(from, to));
                     });
    QObject::connect(&recorder, &Recorder::notice, [](const QString &url, const QString &text) {
        printStatus(QStringLiteral("%1: notice: %2").arg(url, text));
    });
    QObject::connect(&recorder, &Recorder::streamClosedByServer, [](const QString &url, const QString &reason) {
        printStatus(QStringLiteral("%1: %2").arg(url, reason));
    });
    QObject::connect(&recorder, &Recorder::streamFailed, [](const QString &url, const QString &reason) {
        printStatus(QStringLiteral("%1: %2").arg(url, reason));
    });
    QObject::connect(&recorder, &Recorder::outputFailed, [&outputName](const QString &reason) {
        printStatus(
            QCoreApplication::translate("RecordCommand", "cannot write to %1: %2").arg(outputName, reason));
    });
    QObject::connect(&recorder, &Recorder::finished, [&recorder](int exitCode) {
        // The count outside the call: lupdate does not return from a template argument list inside it.
        const int recorded = int(std::min<qint64>(recorder.eventCount(), INT_MAX));
        if (exitCode != Recorder::OutputError)
            printStatus(QCoreApplication::translate("RecordCommand", "%n event(s) recorded", nullptr, recorded));
        QCoreApplication::exit(exitCode);
    });

    // After the status lines: a stream's alert follows the connection change that caused it.
    std::vector<std::unique_ptr<RecordAlerts>> alerts;
    if (!alertSettings.rules.isEmpty()) {
        QStringList watched;
        for (const QString &url : urls) {
            if (watched.contains(url))
                continue; // the recorder names both streams alike
            watched.append(url);
            auto unit = std::make_unique<RecordAlerts>(url, alertSettings);
            unit->attach(&recorder);
            if (parser.isSet(cli.exitOnAlert))
                QObject::connect(unit.get(), &RecordAlerts::fired, &recorder, [&recorder] { recorder.stop(AlertExit); });
            alerts.push_back(std::move(unit));
        }
    }

    UnixSignalWatcher signalWatcher({SIGINT, SIGTERM});
    QObject::connect(&signalWatcher, &UnixSignalWatcher::unixSignal, &recorder, [&recorder](int signalNumber) {
        if (!recorder.isRunning())
            return;
        const QString name = signalNumber == SIGINT ? QStringLiteral("SIGINT") : QStringLiteral("SIGTERM");
        printStatus(QCoreApplication::translate("RecordCommand", "%1 received, stopping").arg(name));
        recorder.stop();
    });

    recorder.start();
    return QCoreApplication::exec();
}
