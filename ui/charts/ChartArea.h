#pragma once

#include "ChartPanel.h"
#include "DashboardLayout.h"

#include <QColor>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <memory>
#include <utility>

class ChartAreaPrivate;
class ConnectionHistory;
class DashboardPanel;
class DashboardView;
class StreamFieldStore;
class StreamRateHistory;

// The central area: a dashboard of panels (DashboardLayout) fed from the streams given. Three
// arrangements: one time series per stream, every stream's plotted fields in a single chart
// ("<stream> /path"), or a dashboard the user arranges (time series, stat tiles, the connection
// timeline, the event rate). The first two are made from the plotted fields; arranging a panel
// by hand turns them into a dashboard. The time window and pause are shared; a display tick
// redraws the visible panels. The area scrolls when panels do not fit (a plain wheel scrolls,
// Ctrl+wheel zooms the chart under the cursor). Stores are not owned (one going away is removed).
class ChartArea : public QWidget
{
    Q_OBJECT

public:
    enum LayoutMode { ChartPerStream, SingleChart, Dashboard };
    Q_ENUM(LayoutMode)

    static constexpr int DefaultTickIntervalMs = 33;

    explicit ChartArea(QWidget *parent = nullptr);
    ~ChartArea() override;

    // `colorIndex` is the stream's colour slot (ChartPanel::colorForIndex()): its fields are
    // drawn in that hue, the first plotted one in the base colour, later ones in darker and
    // lighter shades of it. Without a slot (-1), fields take the next free colour.
    // `id` names the stream in panel settings (0: the next free number).
    void addStream(StreamFieldStore *store, const QString &name, int colorIndex = -1, quint64 id = 0);
    quint64 streamId(const StreamFieldStore *store) const; // 0 when not shown
    StreamFieldStore *streamStore(quint64 id) const;
    // What the connection timeline and the event rate read; a stream without them is left out of
    // those panels. `startedAtMs`: when the stream was subscribed (wall clock).
    void setConnectionSources(StreamFieldStore *store, const ConnectionHistory *history,
                              const StreamRateHistory *rates, qint64 startedAtMs);
    // An event of a type other than "message", for event markers (bounded; the oldest go first).
    void addTypedEvent(StreamFieldStore *store, qint64 receivedAtMs, const QString &type, const QString &label);
    // Whether an alert on a stream's field (any field: empty key) is firing, for badges.
    void setFiringLookup(std::function<bool(quint64 stream, const QString &key)> lookup);
    // The unit of a stream's field ("B/s"; empty for none), for axes, readouts and tiles.
    void setUnitLookup(std::function<QString(quint64 stream, const QString &key)> lookup);
    void removeStream(StreamFieldStore *store);
    void renameStream(StreamFieldStore *store, const QString &name);
    QList<StreamFieldStore *> streams() const; // in the order added
    QString streamName(StreamFieldStore *store) const;

    // Until set, the first field a stream discovers is plotted.
    void setPlottedFields(StreamFieldStore *store, const QStringList &paths);
    QStringList plottedFields(StreamFieldStore *store) const;

    // Switching to Dashboard keeps the panels shown now, as a start.
    void setLayoutMode(LayoutMode mode);
    LayoutMode layoutMode() const;

    // The panels as they stand (streams named by id); setting one switches to Dashboard.
    DashboardLayout dashboardLayout() const;
    void setDashboardLayout(const DashboardLayout &layout);
    // Adds a panel of this kind (a time series or stat tile gets `stream`'s first plotted field,
    // if any), switching to Dashboard. Returns its id.
    int addPanel(PanelConfig::Kind kind, quint64 stream = 0);
    DashboardView *dashboardView() const;
    QList<DashboardPanel *> dashboardPanels() const;

    void setTimeWindow(ChartPanel::TimeWindow window);
    ChartPanel::TimeWindow timeWindow() const;

    void setPaused(bool paused); // every panel; ingestion goes on
    bool isPaused() const;


    // Follows the palette unless set (dark when QPalette::Window is dark).
    void setDarkTheme(bool dark);
    bool isDarkTheme() const;

    // The colour of a series stays with stream + path whatever the layout.
    QColor seriesColor(StreamFieldStore *store, const QString &path) const;

    // The charts of the panels that have one (time series, event rate), row by row.
    QList<ChartPanel *> panels() const;
    // The chart of the first time series showing the stream (the single panel in SingleChart).
    ChartPanel *panelFor(StreamFieldStore *store) const;

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
    // The user changed the dashboard (a panel added, moved, resized, set up, removed).
    void dashboardEdited();
    // A point of a stream's series was clicked: the event received at `receivedAtMs`.
    void pointClicked(StreamFieldStore *store, qint64 receivedAtMs);

protected:
    void changeEvent(QEvent *event) override;

private:
    friend class ChartAreaPrivate;
    std::unique_ptr<ChartAreaPrivate> d;
};
