#pragma once

#include <QColor>
#include <QImage>
#include <QList>
#include <QPointF>
#include <QString>
#include <QWidget>

#include <memory>
#include <utility>

class ChartPanelPrivate;
class SeriesBuffer;

// One plotted field. The buffer is read on refresh() and must outlive its use by the panel
// (call setSeries({}) before destroying it).
struct PlotSeries
{
    QString name;
    QColor color; // invalid: the colour this name had before, else colorForIndex(position)
    const SeriesBuffer *buffer = nullptr;
};

// The live chart of one stream's numeric fields: a time axis that follows the newest data,
// a chosen time window, pause, zoom and pan while data keeps arriving, and a readout of the
// point under the cursor. No charting type shows through this interface, so the plotting
// library behind it can change without touching the data layer.
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
    static QColor colorForIndex(int index);

    void setTimeWindow(TimeWindow window);
    TimeWindow timeWindow() const;
    static qint64 windowLengthMs(TimeWindow window); // 0 for All

    // Following: the right edge of the time axis is the `now` of the last refresh(). Pausing,
    // zooming or panning stops following (data keeps arriving in the buffers); resetZoom()
    // resumes it with the chosen window and value scaling.
    bool isFollowing() const;
    bool isPaused() const { return !isFollowing(); }
    void setPaused(bool paused);
    void zoomToRange(qint64 fromMs, qint64 toMs);
    void zoomToValueRange(double min, double max);
    void panBy(double timeFraction, double valueFraction = 0); // of the visible span

    // Value axis: fitted to the visible data with a little margin, or fixed bounds. Choosing
    // either ends a value zoom. fixedYRange() is kept while auto scaling, for switching back.
    void setFixedYRange(double min, double max);
    void setAutoScaleY(bool autoScale);
    bool autoScaleY() const;
    std::pair<double, double> fixedYRange() const;

    // What the axes show now (time in ms since the epoch).
    std::pair<qint64, qint64> timeRange() const;
    std::pair<double, double> valueRange() const;
    QString timeLabelFormat() const;
    QRect plotArea() const; // in this widget's coordinates
    QList<QPointF> displayedPoints(int seriesIndex) const;

    // "19:00:01.234  /count = 42" for the displayed point nearest (in pixels) to a time and value,
    // or to a position in this widget (empty outside the plot area). readoutText() is the label.
    QString readoutAt(qint64 timeMs, double value) const;
    QString readoutAtPosition(const QPoint &pos) const;
    QString readoutText() const;

    // Chart colours for a dark or a light window; series keep their colours.
    void setDarkTheme(bool dark);
    bool isDarkTheme() const;

    // OpenGL series drawing is opt-in and only where a context can be created.
    static bool openGLAvailable();
    bool setOpenGLEnabled(bool enabled);

    // The chart as shown (title, legend, axes), antialiased, e.g. for PNG export.
    QImage grabImage();

public Q_SLOTS:
    // The display tick: redraws only what changed since the last call.
    void refresh(qint64 nowMs);
    void resetZoom();

Q_SIGNALS:
    void followingChanged(bool following);
    void timeWindowChanged(ChartPanel::TimeWindow window);
    void yRangeChanged(bool autoScale, double min, double max);

private:
    friend class ChartPanelPrivate;
    std::unique_ptr<ChartPanelPrivate> d;
};
