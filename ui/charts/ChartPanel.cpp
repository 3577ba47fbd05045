#include "ChartPanel.h"

#include "ChartPanelPrivate.h"
#include "ChartPanelToolBar.h"
#include "DisplayTime.h"
#include "HoverLabel.h"
#include "PlotChart.h"
#include "PlotView.h"
#include "ReadoutLabel.h"
#include "SeriesBuffer.h"
#include "SeriesSegments.h"

#include <QChart>
#include <QComboBox>
#include <QGraphicsEllipseItem>
#include <QGraphicsLayout>
#include <QGraphicsLineItem>
#include <QGraphicsScene>
#include <QLabel>
#include <QLegend>
#include <QOpenGLContext>
#include <QPainter>
#include <QStackedWidget>

#include <cmath>
#include <limits>

ChartPanel::ChartPanel(QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<ChartPanelPrivate>(this))
{
    d->buildUi();
    setTitle(QString());
    setSeries({});
    setDarkTheme(false);
    connect(DisplayTime::instance(), &DisplayTime::changed, this, [this] { d->redraw(true); });
}

ChartPanel::~ChartPanel()
{
    // The view owns the chart; it goes first, while the state its signals reach is alive.
    d->plot->lines().setOpenGL(false);
    delete d->plotView;
    d->plotView = nullptr;
}

void ChartPanel::setTitle(const QString &title)
{
    d->title = title;
    d->toolBar->setTitle(title);
    const QString empty = tr("No numeric fields yet");
    d->emptyLabel->setText(title.isEmpty() ? empty
                                           : QStringLiteral("<b>%1</b><br><br>%2").arg(title.toHtmlEscaped(), empty));
}

QString ChartPanel::title() const
{
    return d->title;
}

QColor ChartPanel::colorForIndex(int index)
{
    // Matplotlib's "tab10": distinct on white and for the common colour-vision deficiencies.
    static const QColor palette[] = {
        QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c),
        QColor(0xd6, 0x27, 0x28), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
        QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f), QColor(0xbc, 0xbd, 0x22),
        QColor(0x17, 0xbe, 0xcf),
    };
    constexpr int count = int(std::size(palette));
    static_assert(count == PaletteSize);
    index = std::abs(index);
    const QColor base = palette[index % count];
    const int round = index / count;
    if (round == 0)
        return base;
    // Odd rounds ever darker, even rounds ever lighter: 140, 130, 180, 160, ...
    return round % 2 == 1 ? base.darker(100 + 40 * ((round + 1) / 2)) : base.lighter(100 + 30 * (round / 2));
}

void ChartPanel::setSeries(const QList<PlotSeries> &list)
{
    d->clearHover();
    d->fields.clear();
    int index = 0;
    for (PlotSeries spec : list) {
        if (!spec.color.isValid())
            spec.color = d->colorByName.value(spec.name, colorForIndex(index));
        d->colorByName.insert(spec.name, spec.color);
        d->fields.push_back(spec);
        ++index;
    }
    d->seen.assign(d->fields.size(), {});
    d->valueAxes.setUnits(d->fields);
    d->configure(*d->plot);
    d->stack->setCurrentWidget(d->fields.empty() ? static_cast<QWidget *>(d->emptyLabel) : d->plotView);
    d->plotView->setPlotActive(!d->fields.empty());
    d->dirty = true;
    d->updateState();
    d->redraw(true);
    d->updateValueAxisState();
}

QList<PlotSeries> ChartPanel::series() const
{
    return QList<PlotSeries>(d->fields.cbegin(), d->fields.cend());
}

void ChartPanel::setTimeWindow(TimeWindow window)
{
    const bool zoomed = d->zoomedFollowSpan.has_value();
    d->zoomedFollowSpan.reset();
    if (window == d->window && !zoomed)
        return;
    const bool changed = window != d->window;
    d->window = window;
    d->toolBar->setTimeWindow(window);
    if (!d->following()) {
        // Keep the right edge of the frozen view and show the new window up to it.
        const qint64 length = windowLengthMs(window);
        if (length > 0) {
            d->frozen.from = d->frozen.to - length;
        } else {
            std::optional<qint64> earliest;
            for (const PlotSeries &s : d->fields) {
                if (s.buffer && !s.buffer->isEmpty())
                    earliest = std::min(earliest.value_or(std::numeric_limits<qint64>::max()), s.buffer->firstTime());
            }
            if (earliest && *earliest < d->frozen.to)
                d->frozen.from = *earliest;
        }
    }
    d->dirty = true;
    d->updateState();
    d->redraw(true);
    if (changed)
        Q_EMIT timeWindowChanged(window);
}

ChartPanel::TimeWindow ChartPanel::timeWindow() const
{
    return d->window;
}

qint64 ChartPanel::windowLengthMs(TimeWindow window)
{
    switch (window) {
    case TenSeconds:
        return 10'000;
    case OneMinute:
        return 60'000;
    case TenMinutes:
        return 600'000;
    case OneHour:
        return 3'600'000;
    case All:
        break;
    }
    return 0;
}

ChartPanel::TimeWindow ChartPanel::windowForLength(qint64 ms)
{
    if (ms <= 0)
        return All;
    for (const TimeWindow window : {TenSeconds, OneMinute, TenMinutes, OneHour}) {
        if (ms <= windowLengthMs(window))
            return window;
    }
    return All;
}

void ChartPanel::addWindowChoices(QComboBox *combo)
{
    const struct
    {
        TimeWindow window;
        QString text;
        QString toolTip;
    } windows[] = {
        {TenSeconds, tr("10 s"), tr("The last 10 seconds")},
        {OneMinute, tr("1 min"), tr("The last minute")},
        {TenMinutes, tr("10 min"), tr("The last 10 minutes")},
        {OneHour, tr("1 h"), tr("The last hour")},
        {All, tr("All"), tr("Everything still held in memory")},
    };
    for (const auto &entry : windows) {
        combo->addItem(entry.text, int(entry.window));
        combo->setItemData(combo->count() - 1, entry.toolTip, Qt::ToolTipRole);
    }
}

bool ChartPanel::isFollowing() const
{
    return d->following();
}

void ChartPanel::setPaused(bool paused)
{
    if (paused == !d->following())
        return;
    d->setView(paused ? ChartPanelPrivate::View::Paused : ChartPanelPrivate::View::Following);
    d->redraw(true);
}

qint64 ChartPanel::followSpan() const
{
    return d->followSpan();
}

void ChartPanel::zoomToRange(qint64 fromMs, qint64 toMs)
{
    d->setView(ChartPanelPrivate::View::Zoomed);
    d->frozen = ChartRange::normalized({fromMs, toMs});
    d->dirty = true;
    d->updateState();
    d->redraw(true);
}

void ChartPanel::zoomToValueRange(double min, double max)
{
    if (min > max)
        std::swap(min, max);
    const auto onAxis = d->valueAxes.toAxis(0, std::pair(min, max));
    if (!onAxis || !(onAxis->second > onAxis->first))
        return;
    d->zoomY = onAxis;
    d->dirty = true;
    d->updateState();
    d->redraw(true);
}

void ChartPanel::zoomTimeBy(double factor, std::optional<qint64> anchorMs)
{
    if (!d->shown)
        return;
    if (d->following()) {
        d->zoomedFollowSpan = ChartRange::zoomedSpan(d->followSpan(), factor);
    } else {
        const ChartRange::TimeRange range = d->shownRange;
        const double anchor = anchorMs ? double(*anchorMs) : double(range.from) + double(range.span()) / 2;
        d->setView(ChartPanelPrivate::View::Zoomed);
        d->frozen = ChartRange::zoomed(range, anchor, factor, d->nowLimit());
    }
    d->dirty = true;
    d->updateState();
    d->redraw(true);
}

void ChartPanel::zoomValuesBy(double factor, std::optional<double> anchor)
{
    if (!d->shown)
        return;
    const auto [low, high] = d->shownY;
    const auto onAxis = anchor ? d->valueAxes.toAxis(0, *anchor) : std::nullopt;
    d->zoomY = ChartRange::zoomedValues(d->shownY, onAxis.value_or(low + (high - low) / 2), factor);
    d->dirty = true;
    d->updateState();
    d->redraw(true);
}

void ChartPanel::panBy(double timeFraction, double valueFraction)
{
    if (!d->shown)
        return;
    if (timeFraction != 0) {
        const ChartRange::TimeRange range = d->shownRange;
        const auto shift = qint64(std::llround(double(range.span()) * timeFraction));
        d->setView(ChartPanelPrivate::View::Zoomed);
        d->frozen = ChartRange::panned(range, shift, d->nowLimit());
    }
    if (valueFraction != 0)
        d->zoomY = ChartRange::pannedValues(d->shownY, (d->shownY.second - d->shownY.first) * valueFraction);
    d->dirty = true;
    d->updateState();
    d->redraw(true);
}

void ChartPanel::resetZoom()
{
    d->zoomY.reset();
    d->valueAxes[0].autoRange.reset();
    d->valueAxes[1].autoRange.reset();
    d->zoomedFollowSpan.reset();
    d->setView(ChartPanelPrivate::View::Following);
    d->dirty = true;
    d->updateState();
    d->redraw(true);
}

void ChartPanel::setFixedYRange(double min, double max)
{
    if (!std::isfinite(min) || !std::isfinite(max))
        return;
    if (min > max)
        std::swap(min, max);
    const bool changed = d->autoScaleY || d->fixedY != std::pair(min, max);
    d->fixedY = {min, max};
    d->autoScaleY = false;
    d->zoomY.reset();
    d->dirty = true;
    d->updateState();
    d->updateValueAxisState();
    d->redraw(true);
    if (changed)
        Q_EMIT yRangeChanged(false, min, max);
}

void ChartPanel::setAutoScaleY(bool autoScale)
{
    const bool changed = d->autoScaleY != autoScale;
    d->autoScaleY = autoScale;
    d->valueAxes[0].autoRange.reset();
    d->zoomY.reset();
    d->dirty = true;
    d->updateState();
    d->updateValueAxisState();
    d->redraw(true);
    if (changed)
        Q_EMIT yRangeChanged(autoScale, d->fixedY.first, d->fixedY.second);
}

bool ChartPanel::autoScaleY() const
{
    return d->autoScaleY;
}

std::pair<double, double> ChartPanel::fixedYRange() const
{
    return d->fixedY;
}

std::pair<qint64, qint64> ChartPanel::timeRange() const
{
    return {d->shownRange.from, d->shownRange.to};
}

QStringList ChartPanel::timeAxisLabels() const
{
    return d->plot->axes().timeLabels();
}

QRect ChartPanel::plotArea() const
{
    return d->toPanel(d->plot->plotArea());
}

QList<QPointF> ChartPanel::displayedPoints(int seriesIndex) const
{
    return d->plot->lines().points(seriesIndex);
}

int ChartPanel::displayedSegmentCount(int seriesIndex) const
{
    return d->plot->lines().segmentCount(seriesIndex);
}

QString ChartPanel::readoutAt(qint64 timeMs, double value) const
{
    const auto point = d->shown ? d->nearest(d->positionOf(double(timeMs), value)) : std::nullopt;
    return point ? d->readoutFor(*point) : QString();
}

QString ChartPanel::readoutAtPosition(const QPoint &pos) const
{
    const QPointF chartPos = d->plotView->chartPosition(d->plotView->viewport()->mapFrom(this, pos));
    if (!d->plot->plotArea().contains(chartPos))
        return QString();
    const auto point = d->nearest(chartPos);
    return point ? d->readoutFor(*point) : QString();
}

QString ChartPanel::readoutText() const
{
    return d->toolBar->readout()->text();
}

QString ChartPanel::statusText() const
{
    return d->plotView->statusText();
}

void ChartPanel::setOutages(const QList<std::pair<qint64, qint64>> &spans)
{
    d->plot->outages().setSpans(spans);
    d->placeOutages();
}

QList<std::pair<qint64, qint64>> ChartPanel::outages() const
{
    return d->plot->outages().spans();
}

QList<QRect> ChartPanel::outageBands() const
{
    QList<QRect> bands;
    for (const QRectF &band : d->plot->outages().bands())
        bands.append(d->toPanel(band));
    return bands;
}

bool ChartPanel::openGLAvailable()
{
    static const bool available = [] {
        QOpenGLContext context;
        return context.create();
    }();
    return available;
}

bool ChartPanel::setOpenGLEnabled(bool enabled)
{
    if (enabled && !openGLAvailable())
        return false;
    d->openGL = enabled;
    d->plot->lines().setOpenGL(enabled);
    return true;
}

void ChartPanel::setDarkTheme(bool dark)
{
    d->darkTheme = dark;
    d->plot->setDarkTheme(dark);
    d->plotView->setBackgroundBrush(d->plot->backgroundColor());
    d->crosshair->setPen(QPen(dark ? QColor(255, 255, 255, 110) : QColor(0, 0, 0, 90), 0, Qt::DashLine));
    d->marker->setBrush(d->plot->backgroundColor());
    QColor box = d->plot->backgroundColor();
    box.setAlpha(225);
    d->hoverLabel->setColors(dark ? QColor(0xdc, 0xde, 0xe2) : QColor(0x26, 0x26, 0x26), box,
                             dark ? QColor(0x76, 0x7b, 0x84) : QColor(0x9a, 0x9a, 0x9a));
    d->dirty = true;
    d->redraw(true);
}

bool ChartPanel::isDarkTheme() const
{
    return d->darkTheme;
}

QImage ChartPanel::renderImage(const QSize &size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(d->plot->backgroundColor());
    QPainter painter(&image);
    renderChart(&painter, QRectF(QPointF(), QSizeF(size)));
    return image;
}

void ChartPanel::renderChart(QPainter *painter, const QRectF &target)
{
    d->redraw(true);
    QGraphicsScene scene;
    PlotChart exported(font());
    QChart *chart = exported.chart();
    scene.addItem(chart);
    exported.setTitle(d->title);
    exported.setDarkTheme(d->darkTheme);
    d->configure(exported);
    exported.outages().setSpans(outages());
    exported.markers().setMarkers(markers());
    chart->setGeometry(QRectF(QPointF(), target.size()));
    const ChartRange::TimeRange range = d->shownRange;
    // The labels of the axes decide the plot area, which decides the ticks: lay out until the
    // plot area stays put.
    QSizeF plotSize = target.size() * 0.8;
    for (int pass = 0; pass < 3; ++pass) {
        exported.axes().setRanges(range.from, range.to, d->shownY,
                                  d->shownRight ? std::optional(d->valueAxes[1].shown) : std::nullopt, plotSize);
        chart->layout()->activate();
        const QSizeF laidOut = exported.plotArea().size();
        if (laidOut == plotSize)
            break;
        plotSize = laidOut;
    }
    const ChartRange::Grid grid = ChartRange::gridFor(range, int(plotSize.width()));
    for (int i = 0; i < int(d->fields.size()); ++i) {
        if (const SeriesBuffer *buffer = d->fields[size_t(i)].buffer)
            exported.lines().setPoints(i, SeriesSegments::windowPoints(*buffer, grid.from, grid.to, grid.columns));
    }
    // Lines added for segments hid the legend until its next layout.
    chart->legend()->layout()->activate();
    exported.outages().layout(range.from, range.to, d->now, exported.plotArea());
    exported.markers().layout(range.from, range.to, exported.plotArea());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setRenderHint(QPainter::TextAntialiasing, true);
    scene.render(painter, target, QRectF(QPointF(), target.size()));
    painter->restore();
}

void ChartPanel::refresh(qint64 nowMs)
{
    d->now = nowMs;
    d->nowKnown = true;
    d->redraw(false);
}

std::pair<double, double> ChartPanel::valueRange(int axis) const
{
    return d->valueAxes.shownValues(axis);
}

bool ChartPanel::hasRightAxis() const
{
    return d->shown && d->shownRight;
}

QStringList ChartPanel::valueAxisLabels(int axis) const
{
    return d->plot->axes().valueLabels(axis);
}

void ChartPanel::setLogScale(int axis, bool on)
{
    if (axis == 0 || axis == 1)
        d->setLogScale(axis, on);
}

bool ChartPanel::logScale(int axis) const
{
    return (axis == 0 || axis == 1) && d->valueAxes[axis].log;
}

QStringList ChartPanel::readoutLinesAt(qint64 timeMs) const
{
    return d->readoutLines(timeMs);
}

QStringList ChartPanel::hoverLines() const
{
    return d->hoverLabel->lines();
}

void ChartPanel::setMarkers(const QList<ChartMarker> &markers)
{
    if (markers == d->plot->markers().markers())
        return;
    d->plot->markers().setMarkers(markers);
    d->placeOutages();
}

QList<ChartMarker> ChartPanel::markers() const
{
    return d->plot->markers().markers();
}

QList<QRect> ChartPanel::markerLines() const
{
    QList<QRect> lines;
    for (const QRectF &line : d->plot->markers().lines())
        lines.append(d->toPanel(line));
    return lines;
}
