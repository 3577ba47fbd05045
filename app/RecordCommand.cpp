#include "RecordCommand.h"

#include "CaptureWriter.h"
#include "CertificatePin.h"
#include "CsvWriter.h"
#include "EventSourceOptions.h"
#include "FetchRequest.h"
#include "JsonlWriter.h"
#include "RecordAlerts.h"
#include "Recorder.h"
#include "SseWriter.h"
#include "UnixSignalWatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QUrl>

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
    printLine(stderr, QStringLiteral("Try 'eventscope record --help' for more information."));
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
std::optional<QString> readRequest(const QCommandLineParser &parser, const QCommandLineOption &methodOption,
                                   const QCommandLineOption &dataOption, const QCommandLineOption &dataFileOption,
                                   EventSourceOptions &options)
{
    const bool hasBody = parser.isSet(dataOption) || parser.isSet(dataFileOption);
    if (parser.isSet(dataOption) && parser.isSet(dataFileOption))
        return QStringLiteral("--data and --data-file cannot both be given");
    if (parser.isSet(dataOption))
        options.body = parser.value(dataOption).toUtf8();
    if (parser.isSet(dataFileOption)) {
        const QString path = parser.value(dataFileOption);
        QFile file(path);
        const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                       : file.open(QIODevice::ReadOnly);
        if (!opened)
            return QStringLiteral("cannot read --data-file \"%1\": %2").arg(path, file.errorString());
        options.body = file.readAll();
    }
    // As curl does: a body without -X is POSTed.
    options.method = parser.isSet(methodOption) ? parser.value(methodOption).toUtf8()
                                                : QByteArray(hasBody ? "POST" : "GET");
    if (!FetchRequest::isToken(options.method))
        return QStringLiteral("-X needs an HTTP method, not \"%1\"").arg(parser.value(methodOption));
    if (FetchRequest::isForbiddenMethod(options.method))
        return QStringLiteral("-X %1 cannot be sent (CONNECT, TRACE and TRACK never are)")
            .arg(QString::fromUtf8(options.method));
    const QByteArray method = FetchRequest::normalizedMethod(options.method);
    if (hasBody && (method == "GET" || method == "HEAD"))
        return QStringLiteral("a request body needs a method that takes one (not %1)").arg(QString::fromUtf8(method));
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

QString helpText(const QCommandLineParser &parser)
{
    // Qt's usage line names the executable only; this command is a verb of it.
    QString text = parser.helpText();
    const qsizetype firstLineEnd = text.indexOf(QLatin1Char('\n'));
    return QStringLiteral("Usage: eventscope record [options] URL...") + text.mid(firstLineEnd);
}

} // namespace

int runRecordCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Records Server-Sent Events streams: one line per dispatched event, by default JSON Lines\n"
        "{\"url\", \"type\", \"data\", \"lastEventId\", \"receivedAt\", \"connection\"}.\n"
        "Exit status: 0 when stopped (by --max-events, --duration, SIGINT/SIGTERM, or when every\n"
        "stream was ended by its server), 2 when a stream failed for good, 1 for a usage error,\n"
        "3 for --exit-on-alert.\n"
        "\n"
        "Alert rules (--alert), each transition one line on standard error:\n"
        "  FIELD > X, >= X, < X, <= X, FIELD outside LOW..HIGH  [for DURATION]\n"
        "  stale DURATION | down DURATION | idreset [DURATION] | reconnects > K in DURATION\n"
        "FIELD is a payload path (/count, /cpu/load[0], type:/path) or rate(...), avg(..., 10s),\n"
        "diff(/a, /b), ratio(/a, /b); DURATION is 500ms, 10s, 1.5m or 2h. Examples:\n"
        "  --alert '/cpu/load[0] >= 0.9 for 10s'   --alert 'stale 5s'"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          QStringLiteral("Write to FILE (default: standard output)."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          QStringLiteral("Output format: jsonl (default), csv or sse."),
                                          QStringLiteral("FORMAT"), QStringLiteral("jsonl"));
    const QCommandLineOption maxEventsOption(QStringLiteral("max-events"),
                                             QStringLiteral("Stop after N events in all."), QStringLiteral("N"));
    const QCommandLineOption durationOption(QStringLiteral("duration"),
                                            QStringLiteral("Stop after this many seconds (fractions allowed)."),
                                            QStringLiteral("SECONDS"));
    const QCommandLineOption headerOption({QStringLiteral("H"), QStringLiteral("header")},
                                          QStringLiteral("Extra request header \"Name: value\" (repeatable)."),
                                          QStringLiteral("HEADER"));
    const QCommandLineOption methodOption({QStringLiteral("X"), QStringLiteral("method")},
                                          QStringLiteral("Request method: GET (the default, POST with a body), "
                                                         "POST, PUT, PATCH, REPORT or any other token."),
                                          QStringLiteral("METHOD"));
    const QCommandLineOption dataOption(QStringLiteral("data"),
                                        QStringLiteral("Request body, sent again unchanged with every "
                                                       "reconnection; its type with -H 'Content-Type: ...'."),
                                        QStringLiteral("BODY"));
    const QCommandLineOption dataFileOption(QStringLiteral("data-file"),
                                            QStringLiteral("Request body read from FILE (- for standard input)."),
                                            QStringLiteral("FILE"));
    const QCommandLineOption lastEventIdOption(QStringLiteral("last-event-id"),
                                               QStringLiteral("Last-Event-ID sent on the first connection."),
                                               QStringLiteral("ID"));
    const QCommandLineOption retryOption(QStringLiteral("retry"),
                                         QStringLiteral("Initial reconnection time in ms (default 3000; a "
                                                        "stream's retry: field overrides it)."),
                                         QStringLiteral("MS"), QString::number(ReconnectPolicy::DefaultReconnectionTimeMs));
    const QCommandLineOption maxBackoffOption(QStringLiteral("max-backoff"),
                                              QStringLiteral("Longest wait between reconnection attempts in ms "
                                                             "(default 60000)."),
                                              QStringLiteral("MS"), QString::number(ReconnectPolicy::DefaultMaxBackoffMs));
    const QCommandLineOption idleTimeoutOption(QStringLiteral("idle-timeout"),
                                               QStringLiteral("Reconnect when no byte arrived for MS (default: off)."),
                                               QStringLiteral("MS"));
    const QCommandLineOption headerTimeoutOption(QStringLiteral("header-timeout"),
                                                 QStringLiteral("Connect again when no response headers came for MS "
                                                                "(default 30000; 0 waits for ever)."),
                                                 QStringLiteral("MS"),
                                                 QString::number(EventSourceOptions::DefaultHeaderTimeoutMs));
    const QCommandLineOption pinOption(QStringLiteral("pin-sha256"),
                                       QStringLiteral("Trust exactly the certificate with this SHA-256 fingerprint "
                                                      "(hex, colons allowed) despite TLS errors (repeatable)."),
                                       QStringLiteral("FP"));
    const QCommandLineOption strictOption(QStringLiteral("strict"),
                                          QStringLiteral("Browser behaviour: any response but 200 "
                                                         "text/event-stream fails the stream for good."));
    const QCommandLineOption commentsOption(QStringLiteral("comments"),
                                            QStringLiteral("Also write each comment line of the streams as "
                                                           "{\"url\", \"comment\", \"receivedAt\"} "
                                                           "(JSON Lines only)."));
    const QCommandLineOption compressedOption(QStringLiteral("compressed"),
                                              QStringLiteral("Let the server compress the stream (gzip, br...); "
                                                             "by default the request asks for none, as "
                                                             "compressors hold events back."));
    const QCommandLineOption alertOption(QStringLiteral("alert"),
                                         QStringLiteral("Alert rule, e.g. '/count > 3' (repeatable; see above)."),
                                         QStringLiteral("RULE"));
    const QCommandLineOption alertCommandOption(QStringLiteral("alert-command"),
                                                QStringLiteral("Run CMD with /bin/sh -c on each alert transition "
                                                               "(EVENTSCOPE_ALERT_* in its environment)."),
                                                QStringLiteral("CMD"));
    const QCommandLineOption exitOnAlertOption(QStringLiteral("exit-on-alert"),
                                               QStringLiteral("Stop at the first alert that fires, exit status 3."));
    parser.addOptions({outputOption, formatOption, maxEventsOption, durationOption, headerOption, methodOption,
                       dataOption, dataFileOption, lastEventIdOption, retryOption, maxBackoffOption,
                       idleTimeoutOption, headerTimeoutOption, pinOption, strictOption, commentsOption, compressedOption, alertOption, alertCommandOption, exitOnAlertOption});
    parser.addPositionalArgument(QStringLiteral("URL"), QStringLiteral("http or https stream URLs."),
                                 QStringLiteral("URL..."));

    QStringList commandLine = arguments.mid(2);
    commandLine.prepend(arguments.value(0, QStringLiteral("eventscope")));
    if (!parser.parse(commandLine))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption) || parser.isSet(QStringLiteral("help-all"))) {
        printLine(stdout, helpText(parser));
        return 0;
    }
    if (parser.isSet(versionOption)) {
        printLine(stdout, QStringLiteral("eventscope ") + QCoreApplication::applicationVersion());
        return 0;
    }

    const QStringList urls = parser.positionalArguments();
    if (urls.isEmpty())
        return usageError(QStringLiteral("no URL given"));

    const QString formatName = parser.value(formatOption);
    const OutputFormat *format = nullptr;
    for (const OutputFormat &candidate : outputFormats()) {
        if (formatName == candidate.name)
            format = &candidate;
    }
    if (!format)
        return usageError(QStringLiteral("unknown format \"%1\" (jsonl, csv or sse)").arg(formatName));
    if (!format->factory)
        return usageError(QStringLiteral("--format %1 is not supported yet").arg(formatName));
    if (parser.isSet(commentsOption) && formatName != QLatin1String("jsonl"))
        return usageError(QStringLiteral("--comments writes JSON Lines: it needs --format jsonl, not %1").arg(formatName));

    EventSourceOptions common;
    for (const QString &text : parser.values(headerOption)) {
        const std::optional<HttpHeader> header = parseHeader(text);
        if (!header)
            return usageError(QStringLiteral("bad header \"%1\" (expected \"Name: value\")").arg(text));
        common.headers.append(*header);
    }
    if (const std::optional<QString> error = readRequest(parser, methodOption, dataOption, dataFileOption, common))
        return usageError(*error);
    common.lastEventId = parser.value(lastEventIdOption);
    common.reconnectMode = parser.isSet(strictOption) ? ReconnectMode::Strict : ReconnectMode::Resilient;
    common.allowCompression = parser.isSet(compressedOption);

    const std::optional<qint64> retry = parseCount(parser.value(retryOption), 0);
    if (!retry || *retry > INT_MAX)
        return usageError(QStringLiteral("--retry needs a number of milliseconds, not \"%1\"")
                              .arg(parser.value(retryOption)));
    common.reconnectionTimeMs = int(*retry);

    const std::optional<qint64> maxBackoff = parseCount(parser.value(maxBackoffOption), 1);
    if (!maxBackoff || *maxBackoff > INT_MAX)
        return usageError(QStringLiteral("--max-backoff needs a positive number of milliseconds, not \"%1\"")
                              .arg(parser.value(maxBackoffOption)));
    common.maxBackoffMs = int(*maxBackoff);

    if (parser.isSet(idleTimeoutOption)) {
        const std::optional<qint64> idle = parseCount(parser.value(idleTimeoutOption), 0);
        if (!idle || *idle > INT_MAX)
            return usageError(QStringLiteral("--idle-timeout needs a number of milliseconds, not \"%1\"")
                                  .arg(parser.value(idleTimeoutOption)));
        common.idleTimeoutMs = int(*idle);
    }

    const std::optional<qint64> headerTimeout = parseCount(parser.value(headerTimeoutOption), 0);
    if (!headerTimeout || *headerTimeout > INT_MAX)
        return usageError(QStringLiteral("--header-timeout needs a number of milliseconds, not \"%1\"")
                              .arg(parser.value(headerTimeoutOption)));
    common.headerTimeoutMs = int(*headerTimeout);
    for (const QString &text : parser.values(pinOption)) {
        const QByteArray pin = CertificatePin::normalized(text.toLatin1());
        if (pin.isEmpty())
            return usageError(QStringLiteral("--pin-sha256 needs a SHA-256 fingerprint (64 hex digits), not \"%1\"").arg(text));
        common.pinnedCertificates.append(pin);
    }

    qint64 maxEvents = 0;
    if (parser.isSet(maxEventsOption)) {
        const std::optional<qint64> count = parseCount(parser.value(maxEventsOption), 1);
        if (!count)
            return usageError(QStringLiteral("--max-events needs a positive whole number, not \"%1\"")
                                  .arg(parser.value(maxEventsOption)));
        maxEvents = *count;
    }

    int durationMs = 0;
    if (parser.isSet(durationOption)) {
        bool ok = false;
        const double seconds = parser.value(durationOption).toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds <= 0 || seconds * 1000 > INT_MAX)
            return usageError(QStringLiteral("--duration needs a positive number of seconds (at most %1), "
                                             "not \"%2\"")
                                  .arg(QString::number(INT_MAX / 1000), parser.value(durationOption)));
        durationMs = int(std::ceil(seconds * 1000));
    }

    RecordAlerts::Settings alertSettings;
    alertSettings.texts = parser.values(alertOption);
    alertSettings.command = parser.value(alertCommandOption);
    QString alertError;
    if (!RecordAlerts::parseRules(alertSettings.texts, &alertSettings.rules, &alertError)) {
        printStatus(alertError);
        return UsageError;
    }
    if (alertSettings.rules.isEmpty() && (parser.isSet(alertCommandOption) || parser.isSet(exitOnAlertOption)))
        return usageError(QStringLiteral("--alert-command and --exit-on-alert need an --alert rule"));

    QFile output;
    const QString outputPath = parser.value(outputOption);
    const bool toStdout = outputPath.isEmpty() || outputPath == QLatin1String("-");
    const QString outputName = toStdout ? QStringLiteral("standard output") : outputPath;
    if (toStdout) {
        if (!output.open(STDOUT_FILENO, QIODevice::WriteOnly, QFileDevice::DontCloseHandle))
            return outputError(QStringLiteral("cannot write to standard output: %1").arg(output.errorString()));
    } else {
        output.setFileName(outputPath);
        if (!output.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return outputError(QStringLiteral("cannot open output file \"%1\": %2")
                                  .arg(outputPath, output.errorString()));
    }
    const std::unique_ptr<CaptureWriter> writer = format->factory(&output);

    Recorder recorder(writer.get());
    recorder.setMaxEvents(maxEvents);
    recorder.setDurationMs(durationMs);
    recorder.setSyncFile(&output);
    recorder.setRecordComments(parser.isSet(commentsOption));
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
                         printStatus(QStringLiteral("%1: notice: ids went back from %2 to %3%4: the server "
                                                    "restarted, or ignored Last-Event-ID")
                                         .arg(url, from, to,
                                              atReconnection ? QStringLiteral(" on reconnecting") : QString()));
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
        printStatus(QStringLiteral("cannot write to %1: %2").arg(outputName, reason));
    });
    QObject::connect(&recorder, &Recorder::finished, [&recorder](int exitCode) {
        if (exitCode != Recorder::OutputError)
            printStatus(QStringLiteral("%1 event(s) recorded").arg(recorder.eventCount()));
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
            if (parser.isSet(exitOnAlertOption))
                QObject::connect(unit.get(), &RecordAlerts::fired, &recorder, [&recorder] { recorder.stop(AlertExit); });
            alerts.push_back(std::move(unit));
        }
    }

    UnixSignalWatcher signalWatcher({SIGINT, SIGTERM});
    QObject::connect(&signalWatcher, &UnixSignalWatcher::unixSignal, &recorder, [&recorder](int signalNumber) {
        if (!recorder.isRunning())
            return;
        const QString name = signalNumber == SIGINT ? QStringLiteral("SIGINT") : QStringLiteral("SIGTERM");
        printStatus(name + QStringLiteral(" received, stopping"));
        recorder.stop();
    });

    recorder.start();
    return QCoreApplication::exec();
}
