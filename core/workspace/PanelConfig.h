#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>

// What one dashboard panel shows, independent of any widget: its kind, the series it is given and
// its kind's settings. Streams are named by their id in the running workspace (a session file
// names them by their position among the subscriptions instead).

// One plotted series: a field of a stream ("/count", "alert:/latency_ms", or a derived series
// such as "rate(/count)").
struct PanelSeries
{
    quint64 stream = 0;
    QString key;
    int axis = 0; // time series: 0 the left value axis, 1 the right one

    friend bool operator==(const PanelSeries &, const PanelSeries &) = default;
};

// A stat tile's colour steps: at or above `value` the tile takes `level` (the highest step
// reached wins; below every step it is Ok).
struct PanelThreshold
{
    enum class Level { Ok, Warning, Critical };
    double value = 0;
    Level level = Level::Warning;

    friend bool operator==(const PanelThreshold &, const PanelThreshold &) = default;
};

struct PanelConfig
{
    enum class Kind { TimeSeries, StatTile, ConnectionTimeline, EventRate };

    int id = 0; // unique within a layout; DashboardLayout assigns it
    Kind kind = Kind::TimeSeries;
    QString title; // empty: the panel names itself from what it shows
    QList<PanelSeries> series;
    // Time series: a logarithmic scale for each value axis.
    bool logScaleLeft = false;
    bool logScaleRight = false;
    // Time series: events of these types are drawn as vertical markers ("deploy", "alert").
    QStringList markerTypes;
    // Stat tile: colour steps, in ascending value order.
    QList<PanelThreshold> thresholds;
    // Event rate: bytes/s beside events/s (on the right axis).
    bool showBytes = true;
    // Connection timeline and event rate: the streams shown; empty = every stream.
    QList<quint64> streams;

    friend bool operator==(const PanelConfig &, const PanelConfig &) = default;
};
