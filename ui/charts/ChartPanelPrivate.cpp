#include "ChartPanelPrivate.h"

#include "DisplayTime.h"
#include "AxisTicks.h"
#include "ChartPanelToolBar.h"
#include "ChartRange.h"
#include "HoverLabel.h"
#include "PlotChart.h"
#include "PlotView.h"
#include "ReadoutLabel.h"
#include "SeriesBuffer.h"
#include "SeriesSegments.h"
#include "YRangeDialog.h"

#include <QChart>
#include <QDateTime>
#include <QGraphicsEllipseItem>
#include <QGraphicsLineItem>
#include <QLabel>
#include <QPainter>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

using ChartRange::TimeRange;

namespace {

constexpr qint64 EmptyAllSpanMs = 10'000;
constexpr double ClickRadiusPixels = 8;

} // namespace

ChartPanelPrivate::ChartPanelPrivate(ChartPanel *panel)
    : q(panel)
{
}

ChartPanelPrivate::~ChartPanelPrivate() = default;

void ChartPanelPrivate::buildUi()
{
    plot = std::make_unique<PlotChart>(q->font());
    QChart *chart = plot->chart();
    crosshair = new QGraphicsLineItem(chart);
    crosshair->setZValue(1000);
    crosshair->hide();
    marker = new QGraphicsEllipseItem(-4, -4, 8, 8, chart);
    marker->setZValue(1001);
    marker->hide();
    hoverLabel = std::make_unique<HoverLabel>(chart);
    hoverLabel->setFont(q->font());

    plotView = new PlotView(chart, q);
    emptyLabel = new QLabel(q);
    emptyLabel->setAlignment(Qt::AlignCenter);
    emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    emptyLabel->setBackgroundRole(QPalette::Base);
    emptyLabel->setAutoFillBackground(true);
    stack = new QStackedWidget(q);
    stack->addWidget(emptyLabel);
    stack->addWidget(plotView);
    toolBar = new ChartPanelToolBar(q);

    auto *layout = new QVBoxLayout(q);
    layout->setContentsMargins(0, 2, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(toolBar);
    layout->addWidget(stack, 1);

    QObject::connect(toolBar, &ChartPanelToolBar::timeWindowChosen, q, &ChartPanel::setTimeWindow);
    QObject::connect(toolBar, &ChartPanelToolBar::pauseToggled, q, &ChartPanel::setPaused);
    QObject::connect(toolBar, &ChartPanelToolBar::resetClicked, q, &ChartPanel::resetZoom);
    QObject::connect(toolBar, &ChartPanelToolBar::autoScaleToggled, q, [this](bool checked) {
        if (checked) {
            q->setAutoScaleY(true);
        } else {
            const auto [min, max] = q->valueRange();
            q->setFixedYRange(min, max);
        }
    });
    QObject::connect(toolBar, &ChartPanelToolBar::fixedBoundsRequested, q, [this] { editFixedBounds(); });
    QObject::connect(toolBar, &ChartPanelToolBar::useCurrentRangeRequested, q, [this] {
        const auto [min, max] = q->valueRange();
        q->setFixedYRange(min, max);
    });
    QObject::connect(toolBar, &ChartPanelToolBar::valueMenuAboutToShow, q, [this] { updateValueAxisState(); });
    QObject::connect(chart, &QChart::plotAreaChanged, q, [this] {
        dirty = true;
        placeOutages();
    });
    connectView();
}

void ChartPanelPrivate::connectView()
{
    PlotView *v = plotView;
    QObject::connect(v, &PlotView::bandZoomRequested, q, [this](const QRectF &rect, bool withValues) {
        const auto topLeft = valueAt(rect.topLeft());
        const auto bottomRight = valueAt(rect.bottomRight());
        if (!topLeft || !bottomRight)
            return;
        if (withValues)
            q->zoomToValueRange(bottomRight->second, topLeft->second);
        q->zoomToRange(qint64(std::llround(topLeft->first)), qint64(std::llround(bottomRight->first)));
    });
    QObject::connect(v, &PlotView::panStarted, q, [this] {
        panOrigin = shownRange;
        panOriginY = shownY;
        // Vertical panning only once the values were zoomed; otherwise a drag scrolls time and
        // the value axis keeps fitting the data.
        panValues = zoomY.has_value();
    });
    QObject::connect(v, &PlotView::panMoved, q, [this](const QPointF &offset) {
        const QSizeF size = plotSize();
        const double msPerPixel = double(panOrigin.span()) / std::max(1.0, size.width());
        const TimeRange range = ChartRange::panned(panOrigin, qint64(std::llround(-offset.x() * msPerPixel)), nowLimit());
        setView(View::Zoomed);
        frozen = range;
        if (panValues) {
            const double perPixel = (panOriginY.second - panOriginY.first) / std::max(1.0, size.height());
            zoomY = ChartRange::pannedValues(panOriginY, offset.y() * perPixel);
        }
        dirty = true;
        updateState();
        redraw(true);
    });
    QObject::connect(v, &PlotView::wheelZoomRequested, q, [this](const QPointF &pos, double factor, bool values) {
        const auto at = valueAt(pos);
        if (values)
            q->zoomValuesBy(factor, at ? std::optional(at->second) : std::nullopt);
        else
            q->zoomTimeBy(factor, at ? std::optional(qint64(std::llround(at->first))) : std::nullopt);
    });
    QObject::connect(v, &PlotView::keyPanRequested, q, &ChartPanel::panBy);
    QObject::connect(v, &PlotView::keyZoomRequested, q, [this](double factor) { q->zoomTimeBy(factor); });
    QObject::connect(v, &PlotView::resetRequested, q, &ChartPanel::resetZoom);
    QObject::connect(v, &PlotView::pauseToggleRequested, q, [this] { q->setPaused(following()); });
    QObject::connect(v, &PlotView::hovered, q, [this](const QPointF &pos) { hover(pos); });
    QObject::connect(v, &PlotView::hoverLeft, q, [this] { clearHover(); });
    QObject::connect(v, &PlotView::clicked, q, [this](const QPointF &pos) { click(pos); });
}

void ChartPanelPrivate::updateState()
{
    toolBar->setState(!fields.empty(), following(), zoomY.has_value() || zoomedFollowSpan.has_value());
    QString status;
    if (view == View::Paused)
        status = ChartPanel::tr("Paused — Space resumes");
    else if (view == View::Zoomed)
        status = ChartPanel::tr("Zoomed — Esc follows again");
    else if (zoomY)
        status = ChartPanel::tr("Values zoomed — Esc resets");
    if (hiddenValues > 0) {
        const QString hidden = hiddenValues == 1
            ? ChartPanel::tr("1 value ≤ 0 not shown on the log scale")
            : ChartPanel::tr("%1 values ≤ 0 not shown on the log scale").arg(hiddenValues);
        status = status.isEmpty() ? hidden : status + QLatin1Char('\n') + hidden;
    }
    plotView->setStatusText(fields.empty() ? QString() : status);
}

void ChartPanelPrivate::updateValueAxisState()
{
    toolBar->setValueAxisState(autoScaleY, fixedY, shown && !fields.empty());
}

void ChartPanelPrivate::editFixedBounds()
{
    if (rangeDialog && rangeDialog->isVisible()) {
        rangeDialog->raise();
        rangeDialog->activateWindow();
        return;
    }
    rangeDialog = new YRangeDialog(q);
    rangeDialog->setAttribute(Qt::WA_DeleteOnClose);
    const auto [min, max] = q->valueRange();
    rangeDialog->setRange(min, max);
    YRangeDialog *dialog = rangeDialog;
    QObject::connect(dialog, &QDialog::accepted, q, [this, dialog] {
        const auto [low, high] = dialog->range();
        q->setFixedYRange(low, high);
    });
    dialog->open();
}

void ChartPanelPrivate::setView(View state)
{
    if (view == state)
        return;
    const bool wasFollowing = following();
    if (wasFollowing) // freeze what is on screen
        frozen = shown ? shownRange : ChartRange::followRange(now, followSpan(), int(plotSize().width()));
    view = state;
    dirty = true;
    if (wasFollowing != following()) {
        // Antialiasing costs several times the drawing time: only on a still view.
        plotView->setRenderHint(QPainter::Antialiasing, !following());
        Q_EMIT q->followingChanged(following());
    }
    updateState();
}

qint64 ChartPanelPrivate::followSpan() const
{
    if (zoomedFollowSpan)
        return *zoomedFollowSpan;
    const qint64 length = ChartPanel::windowLengthMs(window);
    if (length > 0)
        return length;
    std::optional<qint64> earliest;
    for (const PlotSeries &s : fields) {
        if (s.buffer && !s.buffer->isEmpty())
            earliest = std::min(earliest.value_or(std::numeric_limits<qint64>::max()), s.buffer->firstTime());
    }
    if (!earliest || *earliest >= now)
        return EmptyAllSpanMs;
    return ChartRange::roundedSpan(std::max<qint64>(1000, now - *earliest));
}

QSizeF ChartPanelPrivate::plotSize() const
{
    const QRectF area = plot->plotArea();
    if (area.width() >= 16 && area.height() >= 16)
        return area.size();
    // Not laid out yet.
    return QSizeF(std::max(16, plotView->width() - 90), std::max(16, plotView->height() - 70));
}

void ChartPanelPrivate::redraw(bool force)
{
    // A panel out of sight (another tab) catches up when it is shown again.
    if (fields.empty() || (!force && !q->isVisible()))
        return;
    const QSizeF size = plotSize();
    const int width = int(size.width());
    const TimeRange range = following() ? ChartRange::followRange(now, followSpan(), width) : frozen;
    const ChartRange::Grid grid = ChartRange::gridFor(range, width);

    const bool rangeChanged = force || dirty || !shown || range != shownRange || grid != shownGrid || size != shownPlot;
    std::vector<bool> changed(fields.size(), rangeChanged);
    bool anyChanged = rangeChanged;
    for (size_t i = 0; i < fields.size(); ++i) {
        BufferState state;
        if (const SeriesBuffer *buffer = fields[i].buffer) {
            state.size = buffer->size();
            state.lastTime = state.size > 0 ? buffer->lastTime() : 0;
            state.dropped = buffer->droppedCount();
        }
        if (state == seen[i])
            continue;
        // While the view stands still, only samples that land inside it, or leave it, matter.
        bool matters = following() || seen[i].size <= 0;
        if (!matters) {
            const SeriesBuffer *buffer = fields[i].buffer;
            const qint64 dropped = state.dropped - seen[i].dropped;
            const qsizetype firstNew = seen[i].size - qsizetype(dropped);
            matters = firstNew < 0 || firstNew > state.size
                || (firstNew < state.size && buffer->timeAt(firstNew) < grid.to)
                || (dropped > 0 && (state.size == 0 || buffer->firstTime() >= grid.from));
        }
        seen[i] = state;
        if (matters) {
            changed[i] = true;
            anyChanged = true;
        }
    }
    if (!anyChanged)
        return;

    SeriesPlotter &lines = plot->lines();
    std::vector<QList<QPointF>> points(fields.size());
    for (size_t i = 0; i < fields.size(); ++i) {
        const SeriesBuffer *buffer = fields[i].buffer;
        if (!changed[i])
            points[i] = lines.sourcePoints(int(i));
        else if (buffer)
            points[i] = SeriesSegments::windowPoints(*buffer, grid.from, grid.to, grid.columns);
    }

    int hidden = 0;
    const std::pair<double, double> yRange = targetValueRange(0, points, range, &hidden);
    const bool right = hasRightAxis();
    const std::pair<double, double> rightRange = right ? targetValueRange(1, points, range, &hidden)
                                                       : valueAxes[1].shown;
    if (force || !shown || range != shownRange || yRange != shownY || size != shownPlot || right != shownRight
        || (right && rightRange != valueAxes[1].shown)) {
        // Every axis change recomputes the geometry of every series: do it on empty lines and
        // fill them once afterwards.
        lines.clearLines();
        std::fill(changed.begin(), changed.end(), true);
        plot->axes().setRanges(range.from, range.to, yRange, right ? std::optional(rightRange) : std::nullopt, size);
    }
    for (size_t i = 0; i < fields.size(); ++i) {
        if (changed[i])
            lines.setPoints(int(i), points[i]);
    }

    shown = true;
    shownRange = range;
    shownGrid = grid;
    shownPlot = size;
    shownY = plot->axes().valueRange(0);
    valueAxes[0].shown = shownY;
    if (right)
        valueAxes[1].shown = plot->axes().valueRange(1);
    shownRight = right;
    dirty = false;
    if (hidden != hiddenValues) {
        hiddenValues = hidden;
        updateState();
    }
    placeOutages();
    if (hovering)
        hover(hoverPos);
}

std::pair<double, double> ChartPanelPrivate::targetValueRange(int axis, const std::vector<QList<QPointF>> &points,
                                                             TimeRange range, int *hidden)
{
    std::vector<const QList<QPointF> *> own;
    for (size_t i = 0; i < fields.size(); ++i) {
        if (ValueAxisPair::index(fields[i].axis) == axis)
            own.push_back(&points[i]);
    }
    // The fit also counts the values a log axis leaves out, whatever sets the range.
    const auto fitted = valueAxes.fit(axis, own, range.from, range.to, hidden);
    if (axis != 0)
        return fitted;
    if (zoomY)
        return *zoomY;
    if (!autoScaleY) {
        // Fixed bounds a log axis cannot show (<= 0) leave it fitted to the data.
        if (const auto fixed = valueAxes.toAxis(0, fixedY))
            return *fixed;
    }
    return fitted;
}

bool ChartPanelPrivate::hasRightAxis() const
{
    return std::any_of(fields.cbegin(), fields.cend(), [](const PlotSeries &s) { return s.axis == 1; });
}

void ChartPanelPrivate::configure(PlotChart &chart) const
{
    for (int axis : {0, 1}) {
        chart.lines().setLogScale(axis, valueAxes[axis].log);
        chart.axes().setValueFormat(axis, valueAxes[axis].log, valueAxes[axis].unit);
    }
    chart.lines().setFields(q->series());
}

void ChartPanelPrivate::setLogScale(int axis, bool on)
{
    ValueAxisPair::Axis &state = valueAxes[axis];
    if (state.log == on)
        return;
    state.log = on;
    state.autoRange.reset();
    if (ValueAxisPair::index(axis) == 0)
        zoomY.reset();
    clearHover();
    configure(*plot);
    dirty = true;
    updateState();
    redraw(true);
}

void ChartPanelPrivate::placeOutages()
{
    if (!shown)
        return;
    plot->outages().layout(shownRange.from, shownRange.to, now, plot->plotArea());
    plot->markers().layout(shownRange.from, shownRange.to, plot->plotArea());
}

std::optional<std::pair<double, double>> ChartPanelPrivate::valueAt(const QPointF &chartPos) const
{
    const QRectF area = plot->plotArea();
    if (!shown || area.width() < 1 || area.height() < 1)
        return std::nullopt;
    const double time = double(shownRange.from) + (chartPos.x() - area.left()) / area.width() * double(shownRange.span());
    const double value = shownY.second - (chartPos.y() - area.top()) / area.height() * (shownY.second - shownY.first);
    return std::pair(time, valueAxes.fromAxis(0, value));
}

QPointF ChartPanelPrivate::positionOf(double timeMs, double value, int axis) const
{
    const QRectF area = plot->plotArea();
    const double spanX = std::max<double>(1, double(shownRange.span()));
    const auto [low, high] = ValueAxisPair::index(axis) == 0 ? shownY : valueAxes[1].shown;
    const double spanY = high - low;
    const double x = area.left() + (timeMs - double(shownRange.from)) / spanX * area.width();
    const auto onAxis = valueAxes.toAxis(axis, value);
    if (!onAxis) // below a log axis
        return {x, area.bottom()};
    const double y = spanY > 0 ? area.bottom() - (*onAxis - low) / spanY * area.height() : area.center().y();
    return {x, y};
}

std::optional<ChartPanelPrivate::NearestPoint> ChartPanelPrivate::nearest(const QPointF &target) const
{
    if (!shown)
        return std::nullopt;
    const QRectF area = plot->plotArea();
    const double spanX = std::max<double>(1, double(shownRange.span()));
    const double timeMs = double(shownRange.from) + (target.x() - area.left()) / std::max(1.0, area.width()) * spanX;
    std::optional<NearestPoint> best;
    double bestDistance = std::numeric_limits<double>::max();
    for (int index = 0; index < int(fields.size()); ++index) {
        const int axis = fields[size_t(index)].axis;
        const QList<QPointF> &points = plot->lines().points(index);
        const auto start = std::lower_bound(points.cbegin(), points.cend(), timeMs,
                                            [](const QPointF &p, double t) { return p.x() < t; });
        auto consider = [&](const QPointF &point) {
            if (point.x() < double(shownRange.from) || point.x() > double(shownRange.to) || std::isnan(point.y()))
                return true; // an edge point outside the view, or a break
            const QPointF position = positionOf(point.x(), point.y(), axis);
            const double dx = position.x() - target.x();
            if (dx * dx > bestDistance)
                return false;
            const double dy = position.y() - target.y();
            const double distance = dx * dx + dy * dy;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = NearestPoint{index, point, distance};
            }
            return true;
        };
        for (auto it = start; it != points.cend() && consider(*it); ++it) { }
        for (auto it = start; it != points.cbegin();) {
            if (!consider(*--it))
                break;
        }
    }
    return best;
}

QString ChartPanelPrivate::timeStamp(qint64 timeMs) const
{
    return DisplayTime::sameDay(shownRange.from, shownRange.to) ? DisplayTime::clockText(timeMs)
                                                                : DisplayTime::dateClockText(timeMs);
}

QString ChartPanelPrivate::readoutFor(const NearestPoint &point) const
{
    const PlotSeries &series = fields[size_t(point.series)];
    return timeStamp(qint64(std::llround(point.point.x()))) + QStringLiteral("  ") + series.name
        + QStringLiteral(" = ") + ValueFormat::readout(point.point.y(), series.unit);
}

QStringList ChartPanelPrivate::readoutLines(qint64 timeMs) const
{
    if (!shown)
        return {};
    QStringList lines;
    for (int index = 0; index < int(fields.size()); ++index) {
        const QList<QPointF> &points = plot->lines().points(index);
        const auto start = std::lower_bound(points.cbegin(), points.cend(), double(timeMs),
                                            [](const QPointF &p, double t) { return p.x() < t; });
        std::optional<QPointF> best;
        // The nearest drawn sample on either side, within the view.
        auto consider = [&](const QPointF &p) {
            if (std::isnan(p.y()) || p.x() < double(shownRange.from) || p.x() > double(shownRange.to))
                return false;
            if (!best || std::abs(p.x() - double(timeMs)) < std::abs(best->x() - double(timeMs)))
                best = p;
            return true;
        };
        for (auto it = start; it != points.cend() && it->x() <= double(shownRange.to) && !consider(*it); ++it) { }
        for (auto it = start; it != points.cbegin() && (it - 1)->x() >= double(shownRange.from);) {
            if (consider(*--it))
                break;
        }
        if (best) {
            const PlotSeries &series = fields[size_t(index)];
            lines.append(series.name + QStringLiteral(" = ") + ValueFormat::readout(best->y(), series.unit));
        }
    }
    if (!lines.isEmpty())
        lines.prepend(timeStamp(timeMs));
    return lines;
}

void ChartPanelPrivate::click(const QPointF &chartPos)
{
    if (!plot->plotArea().contains(chartPos))
        return;
    const auto point = nearest(chartPos);
    if (!point || point->distance > ClickRadiusPixels * ClickRadiusPixels)
        return;
    Q_EMIT q->pointClicked(point->series, qint64(std::llround(point->point.x())), point->point.y());
}

void ChartPanelPrivate::hover(const QPointF &chartPos)
{
    hovering = true;
    hoverPos = chartPos;
    std::optional<NearestPoint> point;
    if (plot->plotArea().contains(chartPos))
        point = nearest(chartPos);
    if (!point) {
        toolBar->readout()->clear();
        marker->hide();
        crosshair->hide();
        hoverLabel->hide();
        return;
    }
    toolBar->readout()->setText(readoutFor(*point));
    const QPointF position = positionOf(point->point.x(), point->point.y(), fields[size_t(point->series)].axis);
    const QRectF area = plot->plotArea();
    marker->setPen(QPen(fields[size_t(point->series)].color, 2));
    marker->setPos(position);
    marker->show();
    crosshair->setLine(position.x(), area.top(), position.x(), area.bottom());
    crosshair->show();
    hoverLabel->show(readoutLines(qint64(std::llround(point->point.x()))), position.x(), area);
}

void ChartPanelPrivate::clearHover()
{
    hovering = false;
    toolBar->readout()->clear();
    marker->hide();
    crosshair->hide();
    hoverLabel->hide();
}

QRect ChartPanelPrivate::toPanel(const QRectF &chartRect) const
{
    const QRectF inScene = plot->chart()->mapRectToScene(chartRect);
    const QRect inView = plotView->mapFromScene(inScene).boundingRect();
    return QRect(plotView->viewport()->mapTo(q, inView.topLeft()), inView.size());
}
