// Export speed of a 1,000,000-event capture in each format, through the dashboard's ExportJob, and
// for comparison the obvious Qt way of writing JSON Lines (QJsonObject + QJsonDocument per event).
//   bench_export [EVENTS]

#include "ExportJob.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdio>

namespace {

QList<CapturedEvent> seedCapture(qsizetype count)
{
    QList<CapturedEvent> events;
    events.reserve(count);
    const QDateTime start = QDateTime::currentDateTimeUtc();
    for (qsizetype i = 1; i <= count; ++i) {
        CapturedEvent captured;
        captured.url = QStringLiteral("http://127.0.0.1:8080/events");
        captured.receivedAt = start.addMSecs(i);
        captured.connection = 1;
        captured.event.lastEventId = QString::number(i);
        captured.event.data = QStringLiteral("{\"count\": %1, \"time\": \"%2\"}")
                                  .arg(i)
                                  .arg(captured.receivedAt.toString(Qt::ISODateWithMs));
        events.append(captured);
    }
    return events;
}

void report(const char *name, qsizetype count, qint64 ms, const QString &path)
{
    const double seconds = qMax<qint64>(ms, 1) / 1000.0;
    std::printf("%-22s %8.2f s %12.0f events/s %8.1f MB/s\n", name, seconds, count / seconds,
                QFile(path).size() / 1e6 / seconds);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qsizetype count = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1'000'000;
    const QList<CapturedEvent> events = seedCapture(count);
    QTemporaryDir dir;
    std::atomic_bool cancelled{false};
    std::printf("%lld demo events\n", static_cast<long long>(count));

    qint64 ours = 0;
    for (const auto &[format, name] : {std::pair{ExportJob::Format::Jsonl, "JSON Lines"},
                                      std::pair{ExportJob::Format::Csv, "CSV"},
                                      std::pair{ExportJob::Format::Sse, "SSE"}}) {
        const QString path = dir.filePath(QStringLiteral("out.") + ExportJob::fileSuffix(format));
        QElapsedTimer timer;
        timer.start();
        ExportJob::write(events, path, format, {}, cancelled, {});
        const qint64 ms = timer.elapsed();
        if (format == ExportJob::Format::Jsonl)
            ours = ms;
        report(name, count, ms, path);
    }

    const QString peerPath = dir.filePath(QStringLiteral("peer.jsonl"));
    QElapsedTimer timer;
    timer.start();
    {
        QFile file(peerPath);
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        for (const CapturedEvent &captured : events) {
            const QJsonObject line{{QStringLiteral("url"), captured.url},
                                   {QStringLiteral("type"), captured.event.type},
                                   {QStringLiteral("data"), captured.event.data},
                                   {QStringLiteral("lastEventId"), captured.event.lastEventId},
                                   {QStringLiteral("receivedAt"), captured.receivedAt.toString(Qt::ISODateWithMs)}};
            file.write(QJsonDocument(line).toJson(QJsonDocument::Compact));
            file.write("\n");
        }
    }
    const qint64 peer = timer.elapsed();
    report("peer: QJsonDocument", count, peer, peerPath);
    std::printf("JSON Lines ours/peer speed: %.1fx\n", double(qMax<qint64>(peer, 1)) / qMax<qint64>(ours, 1));
    return 0;
}
