// Reading numbers out of event payloads, the dashboard's charting work per event: the simdjson
// reading (JsonLeafScanner::scan) against the QJsonDocument one (scanWithQt) on the same payloads,
// then a whole StreamFieldStore taking the events in.
//   bench_fields [EVENTS]

#include "JsonLeafScanner.h"
#include "SseEvent.h"
#include "StreamFieldStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>

#include <cstdio>

namespace {

struct Shape
{
    const char *name;
    QByteArray (*payload)(int i);
};

QByteArray seedPayload(int i)
{
    return "{\"count\": " + QByteArray::number(i) + ", \"time\": \""
        + QDateTime::fromMSecsSinceEpoch(1'764'800'000'000 + i * 1000LL, Qt::UTC).toString(Qt::ISODateWithMs).toUtf8()
        + "\"}";
}

QByteArray metricsPayload(int i)
{
    // Keys in the order a server writes them, not sorted; numbers of every size.
    return "{\"host\": \"web-3\", \"ts\": " + QByteArray::number(1'764'800'000'000'000'000LL + i * 1'000'000LL)
        + ", \"cpu\": " + QByteArray::number(0.25 + (i % 50) / 100.0) + ", \"mem_bytes\": "
        + QByteArray::number(734'003'200 + i * 4096LL) + ", \"rx\": " + QByteArray::number(i * 1500)
        + ", \"tx\": " + QByteArray::number(i * 900) + ", \"errors\": " + QByteArray::number(i % 3)
        + ", \"latency_ms\": " + QByteArray::number(12.5 + (i % 7)) + ", \"up\": true}";
}

QByteArray nestedPayload(int i)
{
    return "{\"cpu\": {\"load\": [" + QByteArray::number(i % 4) + ".5, 0.25, 0.125]}, \"disk\": {\"sda\": {\"r\": "
        + QByteArray::number(i) + ", \"w\": " + QByteArray::number(2 * i) + "}}, \"tiny\": 1e-9, \"huge\": 1e300}";
}

double nsPerPayload(const QList<QByteArray> &payloads, bool fast)
{
    JsonLeafScanner scanner;
    double sum = 0;
    const JsonLeafScanner::Visit visit = [&sum](const QString &, const JsonLeaf &leaf) { sum += leaf.number; };
    double best = 1e300;
    for (int pass = 0; pass < 3; ++pass) {
        QElapsedTimer timer;
        timer.start();
        for (const QByteArray &payload : payloads) {
            if (fast)
                scanner.scan(payload, visit);
            else
                JsonLeafScanner::scanWithQt(payload, visit);
        }
        best = qMin(best, double(timer.nsecsElapsed()) / payloads.size());
    }
    if (sum == 42) // keeps the work from being optimised away
        std::printf(" ");
    return best;
}

double storeNsPerEvent(const QList<QByteArray> &payloads)
{
    QList<SseEvent> events;
    events.reserve(payloads.size());
    for (const QByteArray &payload : payloads)
        events.append(SseEvent{QStringLiteral("message"), QString::fromUtf8(payload), QString()});
    StreamFieldStore store;
    store.setPointCap(payloads.size());
    constexpr qsizetype Batch = 1000;
    QElapsedTimer timer;
    timer.start();
    for (qsizetype from = 0; from < events.size(); from += Batch)
        store.addEvents(events.mid(from, Batch), from);
    return double(timer.nsecsElapsed()) / events.size();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 200'000;
    const Shape shapes[] = {{"seed counter", seedPayload}, {"metrics, 9 keys", metricsPayload}, {"nested", nestedPayload}};
    std::printf("%d payloads per shape; ns per payload, best of 3 passes\n", count);
    std::printf("%-18s %10s %12s %7s %16s\n", "shape", "simdjson", "QJsonDocument", "ratio", "store ns/event");
    for (const Shape &shape : shapes) {
        QList<QByteArray> payloads;
        payloads.reserve(count);
        for (int i = 0; i < count; ++i)
            payloads.append(shape.payload(i));
        const double fast = nsPerPayload(payloads, true);
        const double qt = nsPerPayload(payloads, false);
        std::printf("%-18s %10.0f %12.0f %6.1fx %16.0f\n", shape.name, fast, qt, qt / fast, storeNsPerEvent(payloads));
    }
    return 0;
}
