#pragma once

#include "ChartPanel.h"
#include "ChartRange.h"
#include "ValueAxisPair.h"

#include <QHash>
#include <QPointer>
#include <QPointF>
#include <QSizeF>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

class ChartPanelToolBar;
class HoverLabel;
class PlotChart;
class PlotView;
class QGraphicsEllipseItem;
class QGraphicsLineItem;
class QLabel;
class QStackedWidget;
class YRangeDialog;

// What a ChartPanel remembers between frames, and how it draws one.
class ChartPanelPrivate
{
public:
    enum class View { Following, Paused, Zoomed };

    struct BufferState
    {
        qsizetype size = -1;
        qint64 lastTime = 0;
        qint64 dropped = 0;

        friend bool operator==(const BufferState &, const BufferState &) = default;
    };

    struct NearestPoint
    {
        int series = -1;
        QPointF point; // time and value
        double distance = 0; // squared, in pixels
    };

    explicit ChartPanelPrivate(ChartPanel *panel);
    ~ChartPanelPrivate();

    void buildUi();
    void connectView();
    void redraw(bool force);
    void setView(View state);
    void updateState();
    void updateValueAxisState();
    void editFixedBounds();
    bool following() const { return view == View::Following; }
    qint64 followSpan() const;
    std::optional<qint64> nowLimit() const { return nowKnown ? std::optional(now) : std::nullopt; }
    QSizeF plotSize() const;
    std::pair<double, double> targetValueRange(int axis, const std::vector<QList<QPointF>> &points,
                                               ChartRange::TimeRange range, int *hidden);
    bool hasRightAxis() const;
    // Applies the series, their axes' scales and units to a chart (this one or an export).
    void configure(PlotChart &chart) const;
    void placeOutages();
    void setLogScale(int axis, bool on);

    // The left axis' time and value at a position; positions of values on an axis.
    std::optional<std::pair<double, double>> valueAt(const QPointF &chartPos) const;
    QPointF positionOf(double timeMs, double value, int axis = 0) const;
    std::optional<NearestPoint> nearest(const QPointF &target) const;
    QString timeStamp(qint64 timeMs) const;
    QString readoutFor(const NearestPoint &point) const;
    QStringList readoutLines(qint64 timeMs) const;
    void click(const QPointF &chartPos);
    void hover(const QPointF &chartPos);
    void clearHover();
    QRect toPanel(const QRectF &chartRect) const;

    ChartPanel *q;
    std::unique_ptr<PlotChart> plot;
    PlotView *plotView = nullptr;
    QStackedWidget *stack = nullptr;
    QLabel *emptyLabel = nullptr;
    ChartPanelToolBar *toolBar = nullptr;
    QPointer<YRangeDialog> rangeDialog;
    QGraphicsEllipseItem *marker = nullptr;
    QGraphicsLineItem *crosshair = nullptr;
    std::unique_ptr<HoverLabel> hoverLabel;

    QString title;
    std::vector<PlotSeries> fields;
    std::vector<BufferState> seen;
    QHash<QString, QColor> colorByName;

    ChartPanel::TimeWindow window = ChartPanel::OneMinute;
    View view = View::Following;
    std::optional<qint64> zoomedFollowSpan;
    ChartRange::TimeRange frozen; // the time range while not following
    qint64 now = 0;
    bool nowKnown = false;

    bool autoScaleY = true;
    bool darkTheme = false;
    std::pair<double, double> fixedY{0, 1};
    std::optional<std::pair<double, double>> zoomY; // of the left axis, in its units
    ValueAxisPair valueAxes;

    // What the last frame showed.
    bool shown = false;
    ChartRange::TimeRange shownRange;
    ChartRange::Grid shownGrid;
    std::pair<double, double> shownY{0, 1}; // the left axis, in its units (valueAxes[1].shown: the right)
    bool shownRight = false;
    int hiddenValues = 0; // <= 0 in view on a logarithmic axis
    QSizeF shownPlot;
    bool dirty = true;
    bool openGL = false;

    bool hovering = false;
    QPointF hoverPos; // chart coordinates
    ChartRange::TimeRange panOrigin;
    std::pair<double, double> panOriginY;
    bool panValues = false;
};
