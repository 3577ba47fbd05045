#pragma once

#include <QString>

// An instant worth pointing at on a chart's time axis (an event of a chosen type): a thin
// vertical line with its label at the top.
struct ChartMarker
{
    qint64 timeMs = 0; // since the epoch, on the chart's time axis
    QString label;

    friend bool operator==(const ChartMarker &, const ChartMarker &) = default;
};
