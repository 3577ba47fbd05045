#pragma once

#include <QtGlobal>

// Every bound on what grows with time, in one place: what the user sets is what is used, and what
// falls out beyond a bound is counted as dropped.
struct Limits
{
    // 2,000,000 events keep 23 days of a 1 Hz stream and 3.3 minutes of a 10 kHz one; 512 MiB
    // stops a stream of large payloads long before it can exhaust the machine's memory.
    static constexpr qint64 DefaultCaptureMaxEvents = 2'000'000;
    static constexpr int DefaultCaptureMaxMiB = 512;
    // All streams' captures together: with ten busy streams the per-stream bounds alone would let
    // the captures pass several GiB. 768 MiB keeps the whole dashboard under 1 GiB.
    static constexpr int DefaultCaptureTotalMiB = 768;
    static constexpr int DefaultLogRows = 10'000;
    static constexpr int DefaultChartPoints = 100'000;

    static constexpr qint64 MaximumCaptureEvents = 1'000'000'000;
    static constexpr int MaximumCaptureMiB = 1024 * 1024;
    static constexpr int MinimumLogRows = 10;
    static constexpr int MaximumLogRows = 1'000'000;
    static constexpr int MinimumChartPoints = 100;
    static constexpr int MaximumChartPoints = 10'000'000;

    qint64 captureMaxEvents = DefaultCaptureMaxEvents; // per stream
    int captureMaxMiB = DefaultCaptureMaxMiB;          // per stream
    int logRows = DefaultLogRows;                      // the whole log
    int chartPoints = DefaultChartPoints;              // per plotted series
    int captureTotalMiB = DefaultCaptureTotalMiB;      // every stream's capture together (last:
                                                       // brace lists of the four above stay valid)

    // Each value clamped into its range.
    Limits bounded() const;

    friend bool operator==(const Limits &, const Limits &) = default;
};
