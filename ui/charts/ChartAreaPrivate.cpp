#include "ChartAreaPrivate.h"

#include "ChartAreaToolBar.h"
#include "DashboardView.h"
#include "EventRatePanel.h"
#include "PanelFactory.h"
#include "PanelFrame.h"
#include "StreamFieldStore.h"
#include "TimeSeriesPanel.h"

#include <QLabel>
#include <QPainter>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {

constexpr int MinimumPanelHeight = 220;

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

void appendUnique(QStringList &list, const QString &text)
{
    if (!list.contains(text))
        list.append(text);
}

} // namespace

void ChartAreaPrivate::buildUi()
{
    toolBar = new ChartAreaToolBar(q);
    QObject::connect(toolBar, &ChartAreaToolBar::layoutModeChosen, q, &ChartArea::setLayoutMode);
    QObject::connect(toolBar, &ChartAreaToolBar::timeWindowChosen, q, &ChartArea::setTimeWindow);
    QObject::connect(toolBar, &ChartAreaToolBar::pauseToggled, q, &ChartArea::setPaused);
    QObject::connect(toolBar, &ChartAreaToolBar::resetClicked, q, &ChartArea::resetZoom);
    QObject::connect(toolBar, &ChartAreaToolBar::addPanelChosen, q,
                     [this](PanelConfig::Kind kind) { q->addPanel(kind); });

    emptyHint = new QLabel(q);
    emptyHint->setObjectName(QStringLiteral("emptyHint"));
    emptyHint->setAlignment(Qt::AlignCenter);
    emptyHint->setWordWrap(true);
    emptyHint->setForegroundRole(QPalette::PlaceholderText);
    emptyHint->setText(ChartArea::tr("<h3>No streams yet</h3>"
                                     "<p>Subscribe to a stream to watch its numbers here.<br>"
                                     "The first numeric field of each stream is plotted right away;<br>"
                                     "pick more in the Fields panel, or drag them onto a panel.</p>"));

    view = new DashboardView([this](const PanelConfig &config) { return createPanel(config); });
    QObject::connect(view, &DashboardView::layoutEdited, q, [this] { layoutEdited(); });
    QObject::connect(view, &DashboardView::fieldDropped, q, [this](int panelId, quint64 stream, const QString &key) {
        DashboardPanel *target = view->panel(panelId);
        if (!target || !find(stream))
            return;
        PanelConfig config = target->config();
        if (config.kind == PanelConfig::Kind::StatTile)
            config.series = {{stream, key, 0}};
        else if (std::none_of(config.series.cbegin(), config.series.cend(),
                              [&](const PanelSeries &s) { return s.stream == stream && s.key == key; }))
            config.series.append({stream, key, 0});
        view->updatePanel(config);
    });
    scroll = new QScrollArea(q);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(view);

    stack = new QStackedWidget(q);
    stack->addWidget(emptyHint);
    stack->addWidget(scroll);

    auto *layout = new QVBoxLayout(q);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(toolBar);
    layout->addWidget(stack, 1);
}

ChartAreaPrivate::Stream *ChartAreaPrivate::find(const StreamFieldStore *store) const
{
    for (const auto &stream : streams) {
        if (stream->store == store)
            return stream.get();
    }
    return nullptr;
}

ChartAreaPrivate::Stream *ChartAreaPrivate::find(quint64 id) const
{
    for (const auto &stream : streams) {
        if (stream->id == id)
            return stream.get();
    }
    return nullptr;
}

DashboardPanel *ChartAreaPrivate::createPanel(const PanelConfig &config)
{
    DashboardPanel *panel = PanelFactory::create(config, this);
    panel->setMinimumHeight(MinimumPanelHeight - 20);
    panel->setDarkTheme(dark);
    if (ChartPanel *chart = panel->chart()) {
        chart->setTimeWindow(window);
        chart->setPaused(paused);
        QObject::connect(chart, &ChartPanel::timeWindowChanged, q, [this](ChartPanel::TimeWindow w) { q->setTimeWindow(w); });
    }
    if (auto *series = qobject_cast<TimeSeriesPanel *>(panel)) {
        QObject::connect(series, &TimeSeriesPanel::pointClicked, q, [this](quint64 stream, const QString &, qint64 receivedAtMs) {
            if (Stream *clicked = find(stream))
                Q_EMIT q->pointClicked(clicked->store, receivedAtMs);
        });
    }
    return panel;
}

DashboardLayout ChartAreaPrivate::arrangedLayout() const
{
    DashboardLayout layout;
    const auto seriesOf = [](const Stream &stream) {
        QList<PanelSeries> list;
        for (const QString &key : stream.plotted)
            list.append({stream.id, key, 0});
        return list;
    };
    if (mode == ChartArea::SingleChart) {
        if (streams.empty())
            return layout;
        PanelConfig config;
        for (const auto &stream : streams) {
            config.series += seriesOf(*stream);
            config.streams.append(stream->id); // series are named by stream, as in any shared chart
        }
        layout.addPanel(config);
        return layout;
    }
    for (const auto &stream : streams) {
        PanelConfig config;
        config.series = seriesOf(*stream);
        config.streams = {stream->id}; // names the panel's stream while it has no field yet
        layout.addPanel(config, -1);
    }
    return layout;
}

void ChartAreaPrivate::arrange()
{
    if (mode == ChartArea::Dashboard)
        return;
    arranging = true;
    view->setDashboardLayout(arrangedLayout());
    arranging = false;
}

QStringList ChartAreaPrivate::plottedIn(const Stream &stream) const
{
    if (mode != ChartArea::Dashboard)
        return stream.plotted;
    QStringList keys;
    for (const PanelConfig &panel : view->dashboardLayout().panels()) {
        if (panel.kind != PanelConfig::Kind::TimeSeries)
            continue;
        for (const PanelSeries &series : panel.series) {
            if (series.stream == stream.id)
                appendUnique(keys, series.key);
        }
    }
    return keys;
}

void ChartAreaPrivate::setPlotted(Stream *stream, const QStringList &keys)
{
    stream->plotted = keys;
    if (mode != ChartArea::Dashboard) {
        arrange();
        return;
    }
    DashboardLayout layout = view->dashboardLayout();
    int home = 0;
    QStringList shown;
    for (PanelConfig panel : layout.panels()) {
        if (panel.kind != PanelConfig::Kind::TimeSeries)
            continue;
        const auto before = panel.series.size();
        panel.series.erase(std::remove_if(panel.series.begin(), panel.series.end(),
                                          [&](const PanelSeries &s) { return s.stream == stream->id && !keys.contains(s.key); }),
                           panel.series.end());
        for (const PanelSeries &s : std::as_const(panel.series)) {
            if (s.stream == stream->id) {
                appendUnique(shown, s.key);
                if (!home)
                    home = panel.id;
            }
        }
        if (panel.series.size() != before)
            layout.updatePanel(panel);
    }
    for (const QString &key : keys) {
        if (shown.contains(key))
            continue;
        if (!home) {
            PanelConfig created;
            created.streams = {stream->id};
            home = layout.addPanel(created);
        }
        PanelConfig panel = *layout.panel(home);
        panel.series.append({stream->id, key, 0});
        layout.updatePanel(panel);
    }
    arranging = true;
    view->setDashboardLayout(layout);
    arranging = false;
}

QColor ChartAreaPrivate::colorFor(const Stream &stream, const QString &key) const
{
    QHash<QString, QColor> &byKey = colors[stream.id];
    auto it = byKey.find(key);
    if (it == byKey.end()) {
        // The palette's shades of a hue lie a palette length apart.
        const int index = stream.colorIndex >= 0 ? stream.colorIndex + ChartPanel::PaletteSize * int(byKey.size())
                                                 : nextColor++;
        it = byKey.insert(key, ChartPanel::colorForIndex(index));
    }
    return it.value();
}

void ChartAreaPrivate::fieldDiscovered(StreamFieldStore *store, const QString &key)
{
    Stream *stream = find(store);
    if (!stream)
        return;
    if (!stream->chosen && plottedIn(*stream).isEmpty()) {
        // The first field of a stream is plotted unless the user chose otherwise.
        setPlotted(stream, {key});
        Q_EMIT q->plottedFieldsChanged(store);
    }
    sourcesChanged();
}

void ChartAreaPrivate::sourcesChanged()
{
    for (DashboardPanel *panel : view->panels())
        panel->sourcesChanged();
}

void ChartAreaPrivate::applyTheme()
{
    dark = darkOverride.value_or(isDarkPalette(q->palette()));
    for (DashboardPanel *panel : view->panels())
        panel->setDarkTheme(dark);
}

void ChartAreaPrivate::updateState()
{
    stack->setCurrentWidget(streams.empty() && view->dashboardLayout().isEmpty() ? static_cast<QWidget *>(emptyHint)
                                                                                 : scroll);
    toolBar->setState(mode, window, paused, !streams.empty());
}

void ChartAreaPrivate::refreshAll(qint64 nowMs, bool visibleOnly)
{
    lastNow = nowMs;
    const PanelTick tick{nowMs, ChartPanel::windowLengthMs(window), visibleOnly};
    for (DashboardPanel *panel : view->panels()) {
        panel->refresh(tick);
        if (PanelFrame *frame = view->frame(panel->panelId())) {
            bool alert = false;
            for (const PanelSeries &series : panel->config().series)
                alert = alert || isFiring(series.stream, series.key);
            frame->setAlertFiring(alert);
        }
    }
}

void ChartAreaPrivate::paint(QPainter *painter, const QSize &size)
{
    const QList<DashboardPanel *> list = view->panels();
    const QSize viewSize = view->size();
    const bool laidOut = view->isVisible() && !viewSize.isEmpty()
        && std::all_of(list.cbegin(), list.cend(), [](const DashboardPanel *p) { return !p->size().isEmpty(); });
    if (laidOut) {
        // Where each panel stands on the screen, scaled to the picture.
        const double sx = double(size.width()) / viewSize.width();
        const double sy = double(size.height()) / viewSize.height();
        for (DashboardPanel *panel : list) {
            const QRect r(panel->mapTo(view, QPoint(0, 0)), panel->size());
            panel->render(painter, QRectF(r.x() * sx, r.y() * sy, r.width() * sx, r.height() * sy));
        }
        return;
    }
    const int count = int(list.size());
    int top = 0;
    for (int i = 0; i < count; ++i) {
        const int bottom = size.height() * (i + 1) / count;
        list.at(i)->render(painter, QRectF(0, top, size.width(), bottom - top));
        top = bottom;
    }
}

void ChartAreaPrivate::layoutEdited()
{
    if (arranging)
        return;
    if (mode != ChartArea::Dashboard) {
        // Sizes alone keep the arrangement; anything else makes it the user's.
        QList<PanelConfig> arranged = arrangedLayout().panels();
        const QList<PanelConfig> shown = view->dashboardLayout().panels();
        if (arranged != shown) {
            mode = ChartArea::Dashboard;
            Q_EMIT q->layoutModeChanged(mode);
        }
    }
    for (const auto &stream : streams) {
        const QStringList now = plottedIn(*stream);
        if (now != stream->plotted) {
            stream->plotted = now;
            stream->chosen = true;
            Q_EMIT q->plottedFieldsChanged(stream->store);
        }
    }
    updateState();
    Q_EMIT q->dashboardEdited();
}

QList<quint64> ChartAreaPrivate::streamIds() const
{
    QList<quint64> ids;
    for (const auto &stream : streams)
        ids.append(stream->id);
    return ids;
}

const StreamFieldStore *ChartAreaPrivate::fields(quint64 stream) const
{
    const Stream *found = find(stream);
    return found ? found->store : nullptr;
}

QString ChartAreaPrivate::streamName(quint64 stream) const
{
    const Stream *found = find(stream);
    return found ? found->name : ChartArea::tr("(removed stream)");
}

QColor ChartAreaPrivate::seriesColor(quint64 stream, const QString &key) const
{
    const Stream *found = find(stream);
    return found ? colorFor(*found, key) : QColor(Qt::gray);
}

QColor ChartAreaPrivate::streamColor(quint64 stream) const
{
    const Stream *found = find(stream);
    if (!found)
        return QColor(Qt::gray);
    return found->colorIndex >= 0 ? ChartPanel::colorForIndex(found->colorIndex) : colorFor(*found, QString());
}

QString ChartAreaPrivate::unit(quint64 stream, const QString &key) const
{
    return unitOf ? unitOf(stream, key) : QString();
}

const ConnectionHistory *ChartAreaPrivate::history(quint64 stream) const
{
    const Stream *found = find(stream);
    return found ? found->history : nullptr;
}

const StreamRateHistory *ChartAreaPrivate::rates(quint64 stream) const
{
    const Stream *found = find(stream);
    return found ? found->rates : nullptr;
}

qint64 ChartAreaPrivate::startedAtMs(quint64 stream) const
{
    const Stream *found = find(stream);
    return found ? found->startedAtMs : 0;
}

QList<std::pair<qint64, qint64>> ChartAreaPrivate::outages(quint64 stream) const
{
    const Stream *found = find(stream);
    if (!found)
        return {};
    const qint64 offset = clockOffsetMs(stream);
    QList<std::pair<qint64, qint64>> moved;
    moved.reserve(found->outages.size());
    for (const auto &[start, end] : found->outages)
        moved.append({start + offset, end < 0 ? end : end + offset});
    return moved;
}

qint64 ChartAreaPrivate::clockOffsetMs(quint64 stream) const
{
    const Stream *found = find(stream);
    return found ? found->store->clockOffsetMs() : 0;
}

QList<std::pair<qint64, QString>> ChartAreaPrivate::typedEvents(quint64 stream, const QStringList &types,
                                                                 qint64 fromMs, qint64 toMs) const
{
    QList<std::pair<qint64, QString>> list;
    const Stream *found = find(stream);
    if (!found)
        return list;
    for (const TypedEvent &event : found->typedEvents) {
        if (event.timeMs >= fromMs && event.timeMs <= toMs && types.contains(event.type))
            list.append({event.timeMs, event.label});
    }
    return list;
}

QStringList ChartAreaPrivate::eventTypes(quint64 stream) const
{
    const Stream *found = find(stream);
    return found ? found->eventTypes : QStringList();
}

bool ChartAreaPrivate::isFiring(quint64 stream, const QString &key) const
{
    return firing && firing(stream, key);
}
