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
};
