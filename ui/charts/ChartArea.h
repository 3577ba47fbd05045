#pragma once

#include "ChartPanel.h"

#include <QColor>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <utility>

class ChartAreaPrivate;
class StreamFieldStore;

// The central chart area: the streams' plotted fields, either one ChartPanel per stream or all
// of them in a single chart ("<stream> /path"). The time window, pause and point cap are shared;
// a display tick redraws the visible panels. Panels keep a readable height and the area scrolls
// when they do not fit (a plain wheel scrolls, Ctrl+wheel zooms the chart under the cursor).
// Stores are not owned (one going away is removed).
class ChartArea : public QWidget
{
    Q_OBJECT

public:
    enum LayoutMode { ChartPerStream, SingleChart };
    Q_ENUM(LayoutMode)

    static constexpr int DefaultTickIntervalMs = 33;

    explicit ChartArea(QWidget *parent = nullptr);
    ~ChartArea() override;

    // `colorIndex` is the stream's colour slot (ChartPanel::colorForIndex()): its fields are
    // drawn in that hue, the first plotted one in the base colour, later ones in darker and
    // lighter shades of it. Without a slot (-1), fields take the next free colour.
    void addStream(StreamFieldStore *store, const QString &name, int colorIndex = -1);
    void removeStream(StreamFieldStore *store);
    void renameStream(StreamFieldStore *store, const QString &name);
    QList<StreamFieldStore *> streams() const; // in the order added
    QString streamName(StreamFieldStore *store) const;

    // Until set, the first field a stream discovers is plotted.
    void setPlottedFields(StreamFieldStore *store, const QStringList &paths);
    QStringList plottedFields(StreamFieldStore *store) const;

    void setLayoutMode(LayoutMode mode);
    LayoutMode layoutMode() const;

    void setTimeWindow(ChartPanel::TimeWindow window);
    ChartPanel::TimeWindow timeWindow() const;

    void setPaused(bool paused); // every panel; ingestion goes on
    bool isPaused() const;


    // Follows the palette unless set (dark when QPalette::Window is dark).
    void setDarkTheme(bool dark);
    bool isDarkTheme() const;

    // The colour of a series stays with stream + path whatever the layout.
    QColor seriesColor(StreamFieldStore *store, const QString &path) const;

    QList<ChartPanel *> panels() const;
    ChartPanel *panelFor(StreamFieldStore *store) const; // the single panel in SingleChart

    void setTickInterval(int ms); // 0 stops the display tick
    int tickInterval() const;

    // Periods a stream was down (reconnecting or failed): ms since the epoch on the receive
    // clock, an end < 0 meaning still down. Shaded on the stream's chart (every stream's on the
    // single chart), moved onto a payload clock where the stream is timed by one.
    void setOutages(StreamFieldStore *store, const QList<std::pair<qint64, qint64>> &spans);
    QList<std::pair<qint64, qint64>> outages(StreamFieldStore *store) const;

    // The charts alone (title, axes, legend; no buttons or scroll bars), stacked top to bottom
    // into `size` and laid out for it, as of the last refresh. Null when there is no chart.
    QImage renderImage(const QSize &size);
    // The same as SVG; false with a message for the user when it cannot be written (or when
    // this build has no SVG support: svgAvailable()).
    bool renderSvg(const QString &path, const QSize &size, QString *error = nullptr);
    static bool svgAvailable();
    // renderSvg() for a path ending in ".svg", else renderImage() written as PNG.
    bool saveImage(const QString &path, const QSize &size, QString *error = nullptr);
    QImage grabImage(); // renderImage(size())

public Q_SLOTS:
    void refresh(qint64 nowMs); // what the display tick does, with the current time
    void resetZoom();

Q_SIGNALS:
    void streamAdded(StreamFieldStore *store);
    void streamRemoved(StreamFieldStore *store);
    void streamRenamed(StreamFieldStore *store, const QString &name);
    void plottedFieldsChanged(StreamFieldStore *store);
    void layoutModeChanged(ChartArea::LayoutMode mode);
    void timeWindowChanged(ChartPanel::TimeWindow window);
    void pausedChanged(bool paused);

protected:
    void changeEvent(QEvent *event) override;

private:
    friend class ChartAreaPrivate;
    std::unique_ptr<ChartAreaPrivate> d;
};
