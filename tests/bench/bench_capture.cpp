// Memory and speed of the capture store holding the seed stream's events, appended in batches of
// 1000 as a stream flushes them, and for comparison the same events in a std::deque<CapturedEvent>.
//   bench_capture [EVENTS]

#include "CaptureStore.h"
#include "SeedEvent.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>
#include <deque>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace {

constexpr qsizetype BatchSize = 1000;

QList<CapturedEvent> seedBatch(qint64 first, qsizetype count, const QDateTime &start)
{
    QList<CapturedEvent> batch;
    batch.reserve(count);
    for (qint64 n = first; n < first + count; ++n)
        batch.append(seedEvent(n, start.addMSecs(n)));
    return batch;
}

// The resident set of this process, in bytes.
qint64 residentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return 0;
}

// Gives freed memory back, so that the next figure's RSS growth is its own.
void releaseFreedMemory()
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

double perSecond(qint64 count, qint64 nanoseconds)
{
    return double(count) * 1e9 / double(qMax<qint64>(nanoseconds, 1));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 count = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1'000'000;
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(1'795'392'000'000, Qt::UTC);
    qint64 payload = 0;

    qint64 appendNs = 0;
    qint64 atNs = 0;
    qint64 rssGrowth = 0;
    {
        CaptureStore store;
        // One batch first, so that what is set up once is not counted per event.
        QList<CapturedEvent> warmUp = seedBatch(0, BatchSize, start);
        warmUp.clear();
        const qint64 rssBefore = residentBytes();
        QElapsedTimer timer;
        for (qint64 n = 1; n <= count; n += BatchSize) {
            const QList<CapturedEvent> batch = seedBatch(n, qMin<qint64>(BatchSize, count - n + 1), start);
            for (const CapturedEvent &captured : batch)
                payload += captured.event.data.toUtf8().size();
            timer.start();
            store.append(batch);
            appendNs += timer.nsecsElapsed();
        }
        rssGrowth = residentBytes() - rssBefore;

        qint64 check = 0;
        timer.start();
        for (qsizetype i = 0; i < store.size(); ++i)
            check += store.at(i).event.data.size();
        atNs = timer.nsecsElapsed();
        releaseFreedMemory();
        const qint64 rssBeforeList = residentBytes();
        timer.start();
        const QList<CapturedEvent> list = store.events();
        const qint64 eventsNs = timer.nsecsElapsed();
        const qsizetype listed = list.size();
        const qint64 listGrowth = residentBytes() - rssBeforeList;

        const qint64 held = store.size();
        std::printf("events held:                      %lld\n", static_cast<long long>(held));
        std::printf("payload bytes (data as UTF-8):    %lld\n", static_cast<long long>(payload));
        std::printf("byteSize():                       %lld\n", static_cast<long long>(store.byteSize()));
        std::printf("bytes per event beyond payload:   %.1f\n", double(store.byteSize() - payload) / held);
        std::printf("RSS growth per event:             %.1f (%.1f beyond payload)\n", double(rssGrowth) / held,
                    double(rssGrowth - payload) / held);
        std::printf("append:                           %.0f events/s\n", perSecond(held, appendNs));
        std::printf("at():                             %.0f events/s (%lld characters read)\n",
                    perSecond(held, atNs), static_cast<long long>(check));
        std::printf("events() (what exports take):     %.0f events/s, the list %.1f bytes per event\n",
                    perSecond(listed, eventsNs), double(listGrowth) / qMax<qsizetype>(listed, 1));
    }

    // The peer: every event as a CapturedEvent of its own, as the store kept them before.
    releaseFreedMemory();
    {
        std::deque<CapturedEvent> events;
        const qint64 rssBefore = residentBytes();
        QElapsedTimer timer;
        qint64 peerAppendNs = 0;
        for (qint64 n = 1; n <= count; n += BatchSize) {
            const QList<CapturedEvent> batch = seedBatch(n, qMin<qint64>(BatchSize, count - n + 1), start);
            timer.start();
            events.insert(events.end(), batch.begin(), batch.end());
            peerAppendNs += timer.nsecsElapsed();
        }
        const qint64 peerGrowth = residentBytes() - rssBefore;
        std::printf("peer std::deque<CapturedEvent>:   RSS growth per event %.1f, append %.0f events/s\n",
                    double(peerGrowth) / count, perSecond(count, peerAppendNs));
        std::printf("RSS per event, peer/store:        %.1fx\n", double(peerGrowth) / qMax<qint64>(rssGrowth, 1));
    }
    return 0;
}
