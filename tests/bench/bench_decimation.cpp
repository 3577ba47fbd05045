// Cost of the chart data layer: SeriesBuffer::append() and SeriesBuffer::decimated().
//
//   bench_decimation [--samples N]
//
// Prints points/s for appending 10M samples (into a ring that wraps, and one that only grows), and
// ms per decimated() of a 1M-sample window to 1200 columns (the median of N calls), next to a
// peer in the same run: copying the same window into a QList<QPointF> undecimated, the least a
// series would be handed without decimation. Figures only: nothing here passes or fails.

#include "SeriesBuffer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QPointF>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

constexpr qint64 AppendCount = 10'000'000;
constexpr qsizetype WindowSize = 1'000'000;
constexpr int Columns = 1200;
constexpr qint64 StartMs = 1'795'460'400'000; // 2026-11-23T19:00:00Z

double g_sink = 0; // keeps results alive

double appendRate(qsizetype capacity)
{
    SeriesBuffer buffer(capacity);
    QRandomGenerator random(1);
    std::vector<double> values(4096);
    for (double &v : values)
        v = random.generateDouble();
    QElapsedTimer timer;
    timer.start();
    for (qint64 i = 0; i < AppendCount; ++i)
        buffer.append(StartMs + i, values[size_t(i) & 4095]);
    const qint64 ns = timer.nsecsElapsed();
    g_sink += buffer.valueAt(buffer.size() - 1) + double(buffer.droppedCount());
    return double(AppendCount) / (double(ns) / 1e9);
}

// The median wall time of `samples` calls, in ms.
double medianMs(int samples, const std::function<void()> &call)
{
    std::vector<double> times;
    for (int i = 0; i < samples; ++i) {
        QElapsedTimer timer;
        timer.start();
        call();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// 1M samples, one per ms, a noisy sine; the ring has wrapped once `extra` samples went through.
SeriesBuffer filledBuffer(qsizetype extra, bool oneLateSample)
{
    SeriesBuffer buffer(WindowSize);
    QRandomGenerator random(2);
    for (qint64 i = 0; i < WindowSize + extra; ++i) {
        const double value = std::sin(double(i) / 5000.0) + random.generateDouble() * 0.1;
        const bool late = oneLateSample && i == WindowSize + extra - WindowSize / 2;
        buffer.append(StartMs + i - (late ? 1000 : 0), value);
    }
    return buffer;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int samples = 21;
    const QStringList args = app.arguments();
    const qsizetype at = args.indexOf(QStringLiteral("--samples"));
    if (at >= 0 && at + 1 < args.size())
        samples = qMax(1, args.at(at + 1).toInt());

    std::printf("append, %lld samples\n", static_cast<long long>(AppendCount));
    std::printf("  ring of %lld (wraps):  %8.1f M points/s\n",
                static_cast<long long>(SeriesBuffer::DefaultCapacity),
                appendRate(SeriesBuffer::DefaultCapacity) / 1e6);
    std::printf("  ring of %lld (grows): %8.1f M points/s\n", static_cast<long long>(AppendCount),
                appendRate(AppendCount) / 1e6);

    std::printf("\ndecimated(), window of %lld samples -> %d columns, median of %d calls\n",
                static_cast<long long>(WindowSize), Columns, samples);
    const SeriesBuffer ordered = filledBuffer(WindowSize / 3, false);
    const qint64 from = ordered.firstTime();
    const qint64 to = ordered.lastTime();
    qsizetype points = 0;
    const double decimateMs = medianMs(samples, [&] {
        const QList<QPointF> out = ordered.decimated(from, to, Columns);
        points = out.size();
        g_sink += out.last().y();
    });
    std::printf("  ordered (binary search, wrapped ring): %8.3f ms  (%lld points out)\n", decimateMs,
                static_cast<long long>(points));

    const double halfMs = medianMs(samples, [&] {
        const QList<QPointF> out = ordered.decimated(from + WindowSize / 4, from + 3 * WindowSize / 4,
                                                     Columns);
        g_sink += out.last().y();
    });
    std::printf("  ordered, middle half of the buffer:     %8.3f ms\n", halfMs);

    const SeriesBuffer unordered = filledBuffer(WindowSize / 3, true);
    const double unorderedMs = medianMs(samples, [&] {
        const QList<QPointF> out = unordered.decimated(unordered.firstTime(), unordered.lastTime(),
                                                       Columns);
        g_sink += out.last().y();
    });
    std::printf("  one late sample held (full scan):       %8.3f ms\n", unorderedMs);

    const double rangeMs = medianMs(samples, [&] {
        g_sink += ordered.valueRange(from, to)->second;
    });
    std::printf("  valueRange() of the same window:        %8.3f ms\n", rangeMs);

    // The peer: the whole window as points, what a series would get without decimation.
    const double copyMs = medianMs(samples, [&] {
        QList<QPointF> out;
        out.reserve(ordered.size());
        for (qsizetype i = 0; i < ordered.size(); ++i)
            out.append(QPointF(double(ordered.timeAt(i)), ordered.valueAt(i)));
        g_sink += out.last().y();
    });
    std::printf("  peer: copy the window undecimated:      %8.3f ms  (decimated() takes %.2fx)\n",
                copyMs, decimateMs / copyMs);

    return g_sink == 42.0 ? 1 : 0;
}
