#include "ChartPanelPrivate.h"

#include "AxisTicks.h"
#include "ChartPanelToolBar.h"
#include "ChartRange.h"
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
            points[i] = lines.points(int(i));
        else if (buffer)
            points[i] = SeriesSegments::windowPoints(*buffer, grid.from, grid.to, grid.columns);
    }

    const std::pair<double, double> yRange = targetValueRange(points, range);
    if (force || !shown || range != shownRange || yRange != shownY || size != shownPlot) {
        // Every axis change recomputes the geometry of every series: do it on empty lines and
        // fill them once afterwards.
        lines.clearLines();
        std::fill(changed.begin(), changed.end(), true);
        plot->axes().setRanges(range.from, range.to, yRange.first, yRange.second, size);
    }
    for (size_t i = 0; i < fields.size(); ++i) {
        if (changed[i])
            lines.setPoints(int(i), points[i]);
    }

    shown = true;
    shownRange = range;
    shownGrid = grid;
    shownPlot = size;
    shownY = plot->axes().valueRange();
    dirty = false;
    placeOutages();
    if (hovering)
        hover(hoverPos);
}

std::pair<double, double> ChartPanelPrivate::targetValueRange(const std::vector<QList<QPointF>> &points,
                                                             TimeRange range)
{
    if (zoomY)
        return *zoomY;
    if (!autoScaleY)
        return fixedY;
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (const QList<QPointF> &list : points) {
        for (const QPointF &p : list) {
            if (p.x() < double(range.from) || p.x() > double(range.to) || !std::isfinite(p.y()))
                continue;
            low = std::min(low, p.y());
            high = std::max(high, p.y());
        }
    }
    if (low > high)
        return autoY.value_or(std::pair(0.0, 1.0));
    autoY = AxisTicks::autoRange(low, high, autoY);
    return *autoY;
}

void ChartPanelPrivate::placeOutages()
{
    if (shown)
        plot->outages().layout(shownRange.from, shownRange.to, now, plot->plotArea());
}

std::optional<std::pair<double, double>> ChartPanelPrivate::valueAt(const QPointF &chartPos) const
{
    const QRectF area = plot->plotArea();
    if (!shown || area.width() < 1 || area.height() < 1)
        return std::nullopt;
    const double time = double(shownRange.from) + (chartPos.x() - area.left()) / area.width() * double(shownRange.span());
    const double value = shownY.second - (chartPos.y() - area.top()) / area.height() * (shownY.second - shownY.first);
    return std::pair(time, value);
}

QPointF ChartPanelPrivate::positionOf(double timeMs, double value) const
{
    const QRectF area = plot->plotArea();
    const double spanX = std::max<double>(1, double(shownRange.span()));
    const double spanY = shownY.second - shownY.first;
    const double x = area.left() + (timeMs - double(shownRange.from)) / spanX * area.width();
    const double y = spanY > 0 ? area.bottom() - (value - shownY.first) / spanY * area.height() : area.center().y();
    return {x, y};
}

std::optional<ChartPanelPrivate::NearestPoint> ChartPanelPrivate::nearest(double timeMs, double value) const
{
    if (!shown)
        return std::nullopt;
    const QPointF target = positionOf(timeMs, value);
    std::optional<NearestPoint> best;
    double bestDistance = std::numeric_limits<double>::max();
    for (int index = 0; index < int(fields.size()); ++index) {
        const QList<QPointF> &points = plot->lines().points(index);
        const auto start = std::lower_bound(points.cbegin(), points.cend(), timeMs,
                                            [](const QPointF &p, double t) { return p.x() < t; });
        auto consider = [&](const QPointF &point) {
            if (point.x() < double(shownRange.from) || point.x() > double(shownRange.to) || std::isnan(point.y()))
                return true; // an edge point outside the view, or a break
            const QPointF position = positionOf(point.x(), point.y());
            const double dx = position.x() - target.x();
            if (dx * dx > bestDistance)
                return false;
            const double dy = position.y() - target.y();
            const double distance = dx * dx + dy * dy;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = NearestPoint{index, point};
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

QString ChartPanelPrivate::readoutFor(const NearestPoint &point) const
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(qint64(std::llround(point.point.x())));
    const bool days = QDateTime::fromMSecsSinceEpoch(shownRange.from).date()
        != QDateTime::fromMSecsSinceEpoch(shownRange.to).date();
    const QString stamp = time.toString(days ? QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")
                                             : QStringLiteral("HH:mm:ss.zzz"));
    return stamp + QStringLiteral("  ") + fields[size_t(point.series)].name + QStringLiteral(" = ")
        + ValueFormat::readout(point.point.y());
}

void ChartPanelPrivate::hover(const QPointF &chartPos)
{
    hovering = true;
    hoverPos = chartPos;
    std::optional<NearestPoint> point;
    if (plot->plotArea().contains(chartPos)) {
        if (const auto value = valueAt(chartPos))
            point = nearest(value->first, value->second);
    }
    if (!point) {
        toolBar->readout()->clear();
        marker->hide();
        crosshair->hide();
        return;
    }
    toolBar->readout()->setText(readoutFor(*point));
    const QPointF position = positionOf(point->point.x(), point->point.y());
    const QRectF area = plot->plotArea();
    marker->setPen(QPen(fields[size_t(point->series)].color, 2));
    marker->setPos(position);
    marker->show();
    crosshair->setLine(position.x(), area.top(), position.x(), area.bottom());
    crosshair->show();
}

void ChartPanelPrivate::clearHover()
{
    hovering = false;
    toolBar->readout()->clear();
    marker->hide();
    crosshair->hide();
}

QRect ChartPanelPrivate::toPanel(const QRectF &chartRect) const
{
    const QRectF inScene = plot->chart()->mapRectToScene(chartRect);
    const QRect inView = plotView->mapFromScene(inScene).boundingRect();
    return QRect(plotView->viewport()->mapTo(q, inView.topLeft()), inView.size());
}
