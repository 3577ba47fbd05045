#pragma once

#include "ChartMarker.h"
#include "PlotSeries.h"

#include <QImage>
#include <QList>
#include <QPointF>
#include <QRect>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>
#include <utility>

class QComboBox;
class ChartPanelPrivate;
class QPainter;

// The live chart of one stream's numeric fields: a time axis that follows the newest data,
// a chosen time window, pause, zoom and pan while data keeps arriving, outage bands, and a
// readout of the point under the cursor. No charting type shows through this interface, so the
// plotting library behind it can change without touching the data layer.
class ChartPanel : public QWidget
{
    Q_OBJECT

public:
    enum TimeWindow { TenSeconds, OneMinute, TenMinutes, OneHour, All };
    Q_ENUM(TimeWindow)

    explicit ChartPanel(QWidget *parent = nullptr);
    ~ChartPanel() override;

    void setTitle(const QString &title);
    QString title() const;

    void setSeries(const QList<PlotSeries> &series);
    QList<PlotSeries> series() const; // with the colours in use
    // Ten distinct hues, then darker and lighter shades of them: index and index + PaletteSize
    // share a hue.
    static constexpr int PaletteSize = 10;
    static QColor colorForIndex(int index);

    // Choosing a window ends a zoom of the followed span.
    void setTimeWindow(TimeWindow window);
    TimeWindow timeWindow() const;
    static qint64 windowLengthMs(TimeWindow window); // 0 for All
    // The shortest window at least `ms` long, All for 0 or longer than an hour.
    static TimeWindow windowForLength(qint64 ms);
    // The windows as a combo box offers them: names, tooltips, the window as item data.
    static void addWindowChoices(QComboBox *combo);

    // Following: the right edge of the time axis is the `now` of the last refresh(). Pausing,
    // zooming or panning a range stops following (data keeps arriving in the buffers);
    // resetZoom() resumes it with the chosen window and value scaling.
    bool isFollowing() const;
    bool isPaused() const { return !isFollowing(); }
    void setPaused(bool paused);
    // The span shown while following: the window, or what a time zoom made of it.
    qint64 followSpan() const;

    void zoomToRange(qint64 fromMs, qint64 toMs);
    void zoomToValueRange(double min, double max);
    // By a factor (< 1 zooms in). While following, the span changes and the right edge stays at
    // now; otherwise around `anchorMs` (the middle by default), never past now and a little.
    void zoomTimeBy(double factor, std::optional<qint64> anchorMs = {});
    void zoomValuesBy(double factor, std::optional<double> anchor = {});
    void panBy(double timeFraction, double valueFraction = 0); // of the visible span

    // Value axis: fitted to the visible data with a little margin, or fixed bounds. Choosing
    // either ends a value zoom. fixedYRange() is kept while auto scaling, for switching back.
    void setFixedYRange(double min, double max);
    void setAutoScaleY(bool autoScale);
    bool autoScaleY() const;
    std::pair<double, double> fixedYRange() const;

    // What the axes show now (time in ms since the epoch), and their tick labels.
    std::pair<qint64, qint64> timeRange() const;
    // The value axes: 0 the left one, 1 the right one, shown only while a series is drawn
    // against it. Ranges are in the series' values whatever the scale. Fixed bounds and value
    // zooms apply to the left axis; the right one always fits its series.
    std::pair<double, double> valueRange() const { return valueRange(0); }
    std::pair<double, double> valueRange(int axis) const;
    bool hasRightAxis() const;
    QStringList timeAxisLabels() const;
    QStringList valueAxisLabels() const { return valueAxisLabels(0); }
    QStringList valueAxisLabels(int axis) const;
    // A logarithmic value axis (off by default). Values <= 0 cannot be placed on it: they are
    // left out of the lines like a break, and statusText() counts those in view.
    void setLogScale(int axis, bool on);
    bool logScale(int axis) const;
    QRect plotArea() const; // in this widget's coordinates
    // The points drawn for a series, in time order; a NaN y separates two segments (a break in
    // the connection), which are drawn as separate lines.
    QList<QPointF> displayedPoints(int seriesIndex) const;
    int displayedSegmentCount(int seriesIndex) const;

    // "19:00:01.234  /count = 42" for the displayed point nearest (in pixels) to a time and value,
    // or to a position in this widget (empty outside the plot area). readoutText() is the label.
    QString readoutAt(qint64 timeMs, double value) const;
    QString readoutAtPosition(const QPoint &pos) const;
    QString readoutText() const;
    // Every series at a time: the time, then "/count = 42 B/s" for each series at its displayed
    // sample nearest that time (series with none in view are left out); empty without any. The
    // hover label on the plot shows these lines.
    QStringList readoutLinesAt(qint64 timeMs) const;
    QStringList hoverLines() const; // what the hover label shows now; empty while hidden

    // What the chart says about its view ("Paused — Space resumes"); empty while following.
    QString statusText() const;

    // Periods the stream was down, shaded on the plot: ms since the epoch on this chart's time
    // axis; an end < 0 means still down. outageBands() are the bands drawn, in this widget's
    // coordinates.
    void setOutages(const QList<std::pair<qint64, qint64>> &spans);
    QList<std::pair<qint64, qint64>> outages() const;
    QList<QRect> outageBands() const;

    // Vertical lines with labels at their times; markerLines() are those drawn (the ones within
    // the time range), in this widget's coordinates.
    void setMarkers(const QList<ChartMarker> &markers);
    QList<ChartMarker> markers() const; // by time
    QList<QRect> markerLines() const;

    // Chart colours for a dark or a light window; series keep their colours.
    void setDarkTheme(bool dark);
    bool isDarkTheme() const;

    // OpenGL series drawing is opt-in and only where a context can be created.
    static bool openGLAvailable();
    bool setOpenGLEnabled(bool enabled);

    // The chart alone (title, legend, axes, lines, outages, markers; no buttons), laid out afresh for the
    // size asked for and antialiased, showing the ranges shown now.
    QImage renderImage(const QSize &size);
    void renderChart(QPainter *painter, const QRectF &target);

public Q_SLOTS:
    // The display tick: redraws only what changed since the last call.
    void refresh(qint64 nowMs);
    void resetZoom();

Q_SIGNALS:
    void followingChanged(bool following);
    void timeWindowChanged(ChartPanel::TimeWindow window);
    void yRangeChanged(bool autoScale, double min, double max);
    // A left click (no drag) within a few pixels of a displayed point: the nearest one.
    void pointClicked(int seriesIndex, qint64 timeMs, double value);

private:
    friend class ChartPanelPrivate;
    std::unique_ptr<ChartPanelPrivate> d;
};
