#pragma once

#include "ChartAxes.h"
#include "MarkerOverlay.h"
#include "OutageShading.h"
#include "SeriesPlotter.h"

#include <QFont>
#include <QString>

class QChart;

// A chart of time series as drawn: title, legend, the axes, one line per segment of each field,
// the outage bands and the event markers. The same class draws the panel on screen and the images exported
// from it. The QChart goes to a view or a scene, which owns it; this object must not outlive it.
class PlotChart
{
public:
    explicit PlotChart(const QFont &font);

    QChart *chart() const { return m_chart; }
    ChartAxes &axes() { return m_axes; }
    const ChartAxes &axes() const { return m_axes; }
    SeriesPlotter &lines() { return m_lines; }
    const SeriesPlotter &lines() const { return m_lines; }
    OutageShading &outages() { return m_outages; }
    const OutageShading &outages() const { return m_outages; }
    MarkerOverlay &markers() { return m_markers; }
    const MarkerOverlay &markers() const { return m_markers; }

    void setTitle(const QString &title);
    void setDarkTheme(bool dark);
    bool isDarkTheme() const { return m_dark; }
    QColor backgroundColor() const;

    QRectF plotArea() const; // chart coordinates

private:
    QChart *m_chart;
    ChartAxes m_axes;
    SeriesPlotter m_lines;
    OutageShading m_outages;
    MarkerOverlay m_markers;
    bool m_dark = false;
};
