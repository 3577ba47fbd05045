#pragma once

#include <QColor>
#include <QString>

class SeriesBuffer;

// One plotted field. The buffer is read on refresh() and must outlive its use by the panel
// (call setSeries({}) before destroying it).
struct PlotSeries
{
    QString name;
    QColor color; // invalid: the colour this name had before, else colorForIndex(position)
    const SeriesBuffer *buffer = nullptr;
    int axis = 0; // the value axis it is drawn against: 0 left, 1 right
    QString unit; // "B/s", "ms", "events/s"; empty for none
};
