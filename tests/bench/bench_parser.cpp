// Throughput of SseParser on the stream shapes of the conformance notes' performance table.
//
//   bench_parser [--tsv] [--samples N] [--only PREFIX] [--write-streams DIR]
//   bench_parser --file FILE [--samples N]
//
// Prints MB/s (10^6 bytes) and events/s per shape: the median of N samples, each sample long
// enough to time reliably. --write-streams also writes every stream and a manifest.tsv
// (name, file, chunk size, events) to DIR, so that another parser can be fed the same bytes.
// --file parses FILE in 64 KiB chunks instead and prints one line ending in its MB/s, the best of
// the samples. Figures only: nothing here passes or fails.

#include "SseParser.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <utility>

namespace {

struct Shape
{
    QString name;
    QString file;     // the stream's file name with --write-streams
    QByteArray bytes;
    qsizetype chunk;  // 0: the whole stream in one chunk
    qint64 events;
};

QByteArray smallEvents(int count)
{
    return QByteArray("data: x\n\n").repeated(count);
}

// 250 events with id, event, retry and two data lines of about 70 characters each.
QByteArray mixedStream()
{
    QByteArray out;
    for (int i = 0; i < 250; ++i) {
        QByteArray line1 = "{\"seq\":" + QByteArray::number(i)
                           + ",\"kind\":\"delta\",\"text\":\"The quick brown fox jumps over";
        QByteArray line2 = "\"the lazy dog\",\"tokens\":[" + QByteArray::number(i * 7 % 1000) + ","
                           + QByteArray::number(i * 13 % 1000) + "],\"done\":false}";
        line1 = line1.leftJustified(70, '.', true);
        line2 = line2.leftJustified(70, ' ', true);
        out += "id: " + QByteArray::number(i) + "\nevent: update\nretry: 1000\ndata: " + line1
               + "\ndata: " + line2 + "\n\n";
    }
    return out;
}

QByteArray singleLineEvent(qsizetype payloadSize)
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    QByteArray out;
    out.reserve(payloadSize + 8);
    out += "data: ";
    for (qsizetype i = 0; i < payloadSize; ++i)
        out += alphabet[i % 64];
    out += "\n\n";
    return out;
}

// The seed stream: `{"count": N, "time": ...}` once a second, with id and `event: message`.
QByteArray seedStream(int count)
{
    const QDate start(2026, 11, 23);
    QByteArray out;
    out.reserve(qsizetype(count) * 90);
    QByteArray day;
    int dayIndex = -1;
    char clock[16];
    for (int n = 1; n <= count; ++n) {
        const int seconds = n - 1;
        if (seconds / 86400 != dayIndex) {
            dayIndex = seconds / 86400;
            day = start.addDays(dayIndex).toString(Qt::ISODate).toLatin1();
        }
        const int s = seconds % 86400;
        std::snprintf(clock, sizeof clock, "%02d:%02d:%02d.%03d", s / 3600, s / 60 % 60, s % 60,
                      (n * 37) % 1000);
        const QByteArray number = QByteArray::number(n);
        // QByteArray(clock): a char array in a QStringBuilder expression is taken whole, NULs and all.
        out += "id: " + number + "\nevent: message\ndata: {\"count\":" + number + ",\"time\":\"" + day
               + 'T' + QByteArray(clock) + "Z\"}\n\n";
    }
    return out;
}

struct Parsed
{
    qint64 events = 0;
    qint64 dataChars = 0; // UTF-16 code units of all data, a checksum shared with the peer
};

// UTF-16 units of well-formed UTF-8: one per sequence, two for a four-byte one.
qint64 utf16Length(QByteArrayView utf8)
{
    qint64 units = 0;
    for (char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        units += (byte & 0xC0) != 0x80;
        units += byte >= 0xF0;
    }
    return units;
}

// The events as the parser hands them on: a batch per chunk, one batch object reused as
// EventSource reuses its own. The checksum is counted on the first pass only, so that the timed
// passes measure the parser.
Parsed parseOnce(const Shape &shape, bool countChars)
{
    SseParser parser;
    static SseEventBatch events;
    Parsed parsed;
    parser.beginStream();
    const QByteArrayView all(shape.bytes);
    const qsizetype step = shape.chunk > 0 ? shape.chunk : all.size();
    for (qsizetype at = 0; at < all.size(); at += step) {
        parser.feed(all.sliced(at, std::min(step, all.size() - at)), events);
        parsed.events += events.size();
        if (countChars) {
            for (qsizetype i = 0; i < events.size(); ++i)
                parsed.dataChars += utf16Length(events.data(i));
        }
        events.clear();
    }
    parser.endStream();
    return parsed;
}

struct Result
{
    double secondsPerRun;     // the median sample
    double bestSecondsPerRun; // the fastest sample
    Parsed parsed;
};

Result measure(const Shape &shape, int samples)
{
    QElapsedTimer timer;
    timer.start();
    const Parsed parsed = parseOnce(shape, true); // warm-up, and the counts
    const qint64 once = std::max<qint64>(timer.nsecsElapsed(), 1);
    const int runs = int(std::clamp<qint64>(250'000'000 / once, 1, 100000));

    QList<double> perRun;
    for (int sample = 0; sample < samples; ++sample) {
        timer.restart();
        for (int run = 0; run < runs; ++run)
            parseOnce(shape, false);
        perRun.append(double(timer.nsecsElapsed()) / 1e9 / runs);
    }
    std::sort(perRun.begin(), perRun.end());
    return {perRun.at(perRun.size() / 2), perRun.constFirst(), parsed};
}

QString chunkLabel(qsizetype chunk)
{
    return chunk > 0 ? QString::number(chunk) : QStringLiteral("whole");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool tsv = args.contains(QStringLiteral("--tsv"));
    int samples = 5;
    QString streamDir;
    QString only;
    QString file;
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--file") && i + 1 < args.size())
            file = args.at(++i);
        else if (args.at(i) == QLatin1String("--samples") && i + 1 < args.size())
            samples = std::max(1, args.at(++i).toInt());
        else if (args.at(i) == QLatin1String("--write-streams") && i + 1 < args.size())
            streamDir = args.at(++i);
        else if (args.at(i) == QLatin1String("--only") && i + 1 < args.size())
            only = args.at(++i);
        else if (args.at(i) != QLatin1String("--tsv")) {
            std::fprintf(stderr, "usage: bench_parser [--tsv] [--samples N] [--only PREFIX] "
                                 "[--write-streams DIR]\n       bench_parser --file FILE [--samples N]\n");
            return 1;
        }
    }

    if (!file.isEmpty()) {
        QFile input(file);
        if (!input.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s: %s\n", qPrintable(file), qPrintable(input.errorString()));
            return 1;
        }
        const Shape shape{file, file, input.readAll(), 65536, -1};
        const Result result = measure(shape, samples);
        std::printf("%s: %lld events, %lld bytes in 64 KiB chunks, best of %d samples: %.1f MB/s\n",
                    qPrintable(file), static_cast<long long>(result.parsed.events),
                    static_cast<long long>(shape.bytes.size()), samples,
                    double(shape.bytes.size()) / result.bestSecondsPerRun / 1e6);
        return 0;
    }

    // Streams nobody asked for are not generated (the seed stream takes a while).
    auto wanted = [&](const QString &prefix) {
        return !streamDir.isEmpty() || only.isEmpty() || prefix.startsWith(only)
               || only.startsWith(prefix);
    };
    const QByteArray small = wanted(QStringLiteral("small-100k")) ? smallEvents(100000) : QByteArray();
    const QByteArray mixed = wanted(QStringLiteral("mixed-250")) ? mixedStream() : QByteArray();
    const QByteArray line8 =
        wanted(QStringLiteral("line-8MiB")) ? singleLineEvent(8 * 1024 * 1024) : QByteArray();
    const QByteArray event10 =
        wanted(QStringLiteral("event-10MiB")) ? singleLineEvent(10 * 1024 * 1024) : QByteArray();
    const QByteArray seed = wanted(QStringLiteral("seed-1M")) ? seedStream(1000000) : QByteArray();

    QList<Shape> shapes;
    shapes.append({QStringLiteral("small-100k/whole"), QStringLiteral("small-100k.sse"), small, 0, 100000});
    for (qsizetype chunk : {1, 8, 64, 256, 0}) {
        shapes.append({QStringLiteral("mixed-250/") + chunkLabel(chunk), QStringLiteral("mixed-250.sse"),
                       mixed, chunk, 250});
    }
    shapes.append({QStringLiteral("line-8MiB/1460"), QStringLiteral("line-8MiB.sse"), line8, 1460, 1});
    shapes.append({QStringLiteral("event-10MiB/2048"), QStringLiteral("event-10MiB.sse"), event10, 2048, 1});
    shapes.append({QStringLiteral("seed-1M/65536"), QStringLiteral("seed-1M.sse"), seed, 65536, 1000000});

    if (!streamDir.isEmpty()) {
        QDir().mkpath(streamDir);
        QFile manifest(QDir(streamDir).filePath(QStringLiteral("manifest.tsv")));
        if (!manifest.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(manifest.fileName()));
            return 1;
        }
        QTextStream out(&manifest);
        QSet<QString> written;
        for (const Shape &shape : shapes) {
            if (!written.contains(shape.file)) {
                QFile file(QDir(streamDir).filePath(shape.file));
                if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
                    || file.write(shape.bytes) != shape.bytes.size()) {
                    std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
                    return 1;
                }
                written.insert(shape.file);
            }
            out << shape.name << '\t' << shape.file << '\t' << shape.chunk << '\t' << shape.events
                << '\n';
        }
    }

    if (tsv) {
        std::printf("shape\tbytes\tevents\tms\tMBps\teventsps\tdatachars\n");
    } else {
#ifdef NDEBUG
        const char *build = "optimised";
#else
        const char *build = "debug (figures not representative)";
#endif
        std::printf("SseParser, %s build, median of %d samples\n", build, samples);
        std::printf("%-18s %10s %9s %10s %9s %13s\n", "shape", "bytes", "events", "ms/run",
                    "MB/s", "events/s");
    }
    int status = 0;
    for (const Shape &shape : shapes) {
        if (!shape.name.startsWith(only))
            continue;
        const Result result = measure(shape, samples);
        const qint64 eventCount = result.parsed.events;
        if (eventCount != shape.events) {
            std::fprintf(stderr, "%s: %lld events, expected %lld\n", qPrintable(shape.name),
                         static_cast<long long>(eventCount), static_cast<long long>(shape.events));
            status = 2;
        }
        const double mbps = double(shape.bytes.size()) / result.secondsPerRun / 1e6;
        const double eventsPerSecond = double(eventCount) / result.secondsPerRun;
        if (tsv) {
            std::printf("%s\t%lld\t%lld\t%.4f\t%.1f\t%.0f\t%lld\n", qPrintable(shape.name),
                        static_cast<long long>(shape.bytes.size()),
                        static_cast<long long>(eventCount), result.secondsPerRun * 1e3, mbps,
                        eventsPerSecond, static_cast<long long>(result.parsed.dataChars));
        } else {
            std::printf("%-18s %10lld %9lld %10.3f %9.1f %13.0f\n", qPrintable(shape.name),
                        static_cast<long long>(shape.bytes.size()),
                        static_cast<long long>(eventCount), result.secondsPerRun * 1e3, mbps,
                        eventsPerSecond);
        }
        std::fflush(stdout);
    }
    return status;
}
