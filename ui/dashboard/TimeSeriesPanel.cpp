#include "TimeSeriesPanel.h"

#include "ChartPanel.h"
#include "PanelSources.h"
#include "StreamFieldStore.h"

#include <QMenu>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

TimeSeriesPanel::TimeSeriesPanel(const PanelSources *sources, QWidget *parent)
    : DashboardPanel(sources, parent)
    , m_chart(new ChartPanel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_chart);
    connect(m_chart, &ChartPanel::pointClicked, this, [this](int index, qint64 timeMs, double) {
        if (index < 0 || index >= m_shown.size())
            return;
        const PanelSeries &series = m_shown.at(index);
        Q_EMIT pointClicked(series.stream, series.key, timeMs - this->sources()->clockOffsetMs(series.stream));
    });
}

QList<quint64> TimeSeriesPanel::shownStreams() const
{
    QList<quint64> streams;
    for (const PanelSeries &series : config().series) {
        if (!streams.contains(series.stream))
            streams.append(series.stream);
    }
    // A stream's own panel names it before it has a field to show.
    for (quint64 stream : config().streams) {
        if (!streams.contains(stream))
            streams.append(stream);
    }
    return streams;
}

QString TimeSeriesPanel::defaultTitle() const
{
    const QList<quint64> streams = shownStreams();
    if (streams.isEmpty())
        return tr("Time series (drop fields here)");
    if (streams.size() == 1)
        return sources()->streamName(streams.first());
    QStringList names;
    for (quint64 stream : streams)
        names.append(sources()->streamName(stream));
    return names.join(QStringLiteral(", "));
}

void TimeSeriesPanel::configChanged()
{
    const bool manyStreams = shownStreams().size() > 1;
    QList<PlotSeries> list;
    m_shown.clear();
    for (const PanelSeries &series : config().series) {
        const StreamFieldStore *store = sources()->fields(series.stream);
        const SeriesBuffer *buffer = store ? store->buffer(series.key) : nullptr;
        if (!buffer)
            continue; // not seen yet (a saved session): shown once discovered
        PlotSeries plotted;
        plotted.name = manyStreams ? sources()->streamName(series.stream) + QLatin1Char(' ') + series.key : series.key;
        plotted.color = sources()->seriesColor(series.stream, series.key);
        plotted.buffer = buffer;
        plotted.axis = series.axis;
        plotted.unit = sources()->unit(series.stream, series.key);
        list.append(plotted);
        m_shown.append(series);
    }
    m_chart->setSeries(list);
    m_chart->setLogScale(0, config().logScaleLeft);
    m_chart->setLogScale(1, config().logScaleRight);
    m_chart->setTitle(title());
}

void TimeSeriesPanel::addSeries(quint64 stream, const QString &key)
{
    PanelConfig changed = config();
    for (const PanelSeries &series : changed.series) {
        if (series.stream == stream && series.key == key)
            return;
    }
    changed.series.append({stream, key, 0});
    editConfig(changed);
}

qint64 TimeSeriesPanel::clockOffset() const
{
    // Several clocks on one axis: follow the one furthest ahead, so that no stream's newest data
    // is beyond the right edge.
    std::optional<qint64> offset;
    for (quint64 stream : shownStreams())
        offset = std::max(offset.value_or(std::numeric_limits<qint64>::min()), sources()->clockOffsetMs(stream));
    return offset.value_or(0);
}

void TimeSeriesPanel::refresh(const PanelTick &tick)
{
    if (tick.visibleOnly && isOutOfSight())
        return; // scrolled out of sight
    QList<std::pair<qint64, qint64>> outages;
    for (quint64 stream : shownStreams())
        outages += sources()->outages(stream);
    if (outages != m_chart->outages())
        m_chart->setOutages(outages);
    m_chart->refresh(tick.nowMs + clockOffset());
    if (!config().markerTypes.isEmpty()) {
        const auto [from, to] = m_chart->timeRange();
        updateMarkers(from, to);
    }
}

void TimeSeriesPanel::updateMarkers(qint64 fromMs, qint64 toMs)
{
    QList<ChartMarker> markers;
    for (quint64 stream : shownStreams()) {
        const qint64 offset = sources()->clockOffsetMs(stream);
        for (const auto &[timeMs, label] : sources()->typedEvents(stream, config().markerTypes, fromMs - offset, toMs - offset))
            markers.append({timeMs + offset, label});
    }
    m_chart->setMarkers(markers);
}

void TimeSeriesPanel::addMenuActions(QMenu *menu)
{
    const PanelConfig current = config();
    QAction *logLeft = menu->addAction(tr("Logarithmic Scale (Left Axis)"));
    logLeft->setCheckable(true);
    logLeft->setChecked(current.logScaleLeft);
    connect(logLeft, &QAction::toggled, this, [this](bool on) {
        PanelConfig changed = config();
        changed.logScaleLeft = on;
        editConfig(changed);
    });
    QAction *logRight = menu->addAction(tr("Logarithmic Scale (Right Axis)"));
    logRight->setCheckable(true);
    logRight->setChecked(current.logScaleRight);
    logRight->setEnabled(std::any_of(current.series.cbegin(), current.series.cend(),
                                     [](const PanelSeries &s) { return s.axis == 1; }));
    connect(logRight, &QAction::toggled, this, [this](bool on) {
        PanelConfig changed = config();
        changed.logScaleRight = on;
        editConfig(changed);
    });

    QMenu *seriesMenu = menu->addMenu(tr("Series"));
    seriesMenu->setEnabled(!current.series.isEmpty());
    for (int i = 0; i < current.series.size(); ++i) {
        const PanelSeries &series = current.series.at(i);
        QMenu *one = seriesMenu->addMenu(sources()->streamName(series.stream) + QLatin1Char(' ') + series.key);
        QAction *right = one->addAction(tr("On the Right Axis"));
        right->setCheckable(true);
        right->setChecked(series.axis == 1);
        connect(right, &QAction::toggled, this, [this, i](bool on) {
            PanelConfig changed = config();
            if (i < changed.series.size())
                changed.series[i].axis = on ? 1 : 0;
            editConfig(changed);
        });
        one->addAction(tr("Remove from Panel"), this, [this, i] {
            PanelConfig changed = config();
            if (i < changed.series.size())
                changed.series.removeAt(i);
            editConfig(changed);
        });
    }

    QMenu *markers = menu->addMenu(tr("Event Markers"));
    QStringList types = current.markerTypes;
    for (quint64 stream : shownStreams()) {
        for (const QString &type : sources()->eventTypes(stream)) {
            if (!types.contains(type))
                types.append(type);
        }
    }
    if (types.isEmpty())
        markers->addAction(tr("No event types other than \"message\" seen yet"))->setEnabled(false);
    for (const QString &type : std::as_const(types)) {
        QAction *action = markers->addAction(type);
        action->setCheckable(true);
        action->setChecked(current.markerTypes.contains(type));
        connect(action, &QAction::toggled, this, [this, type](bool on) {
            PanelConfig changed = config();
            changed.markerTypes.removeAll(type);
            if (on)
                changed.markerTypes.append(type);
            editConfig(changed);
            if (!on)
                m_chart->setMarkers({});
        });
    }
}

void TimeSeriesPanel::render(QPainter *painter, const QRectF &target)
{
    m_chart->renderChart(painter, target);
}

void TimeSeriesPanel::setDarkTheme(bool dark)
{
    m_chart->setDarkTheme(dark);
}

void TimeSeriesPanel::setPaused(bool paused)
{
    m_chart->setPaused(paused);
}
