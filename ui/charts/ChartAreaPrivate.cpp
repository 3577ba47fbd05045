#include "ChartAreaPrivate.h"

#include "ChartAreaToolBar.h"
#include "SeriesBuffer.h"
#include "StreamFieldStore.h"

#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace {

constexpr int MinimumPanelHeight = 220;

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

void ChartAreaPrivate::buildUi()
{
    toolBar = new ChartAreaToolBar(q);
    QObject::connect(toolBar, &ChartAreaToolBar::layoutModeChosen, q, &ChartArea::setLayoutMode);
    QObject::connect(toolBar, &ChartAreaToolBar::timeWindowChosen, q, &ChartArea::setTimeWindow);
    QObject::connect(toolBar, &ChartAreaToolBar::pauseToggled, q, &ChartArea::setPaused);
    QObject::connect(toolBar, &ChartAreaToolBar::resetClicked, q, &ChartArea::resetZoom);

    emptyHint = new QLabel(q);
    emptyHint->setObjectName(QStringLiteral("emptyHint"));
    emptyHint->setAlignment(Qt::AlignCenter);
    emptyHint->setWordWrap(true);
    emptyHint->setForegroundRole(QPalette::PlaceholderText);
    emptyHint->setText(ChartArea::tr("<h3>No streams yet</h3>"
                                     "<p>Subscribe to a stream to watch its numbers here.<br>"
                                     "The first numeric field of each stream is plotted right away;<br>"
                                     "pick more in the Fields panel.</p>"));

    splitter = new QSplitter(Qt::Vertical);
    splitter->setChildrenCollapsible(false);
    scroll = new QScrollArea(q);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(splitter);

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

ChartPanel *ChartAreaPrivate::createPanel()
{
    auto *panel = new ChartPanel;
    panel->setMinimumHeight(MinimumPanelHeight);
    panel->setTimeWindow(window);
    panel->setDarkTheme(dark);
    QObject::connect(panel, &ChartPanel::timeWindowChanged, q,
                     [this](ChartPanel::TimeWindow w) { q->setTimeWindow(w); });
    splitter->addWidget(panel);
    return panel;
}

QColor ChartAreaPrivate::colorFor(const Stream &stream, const QString &path)
{
    QHash<QString, QColor> &byPath = colors[stream.store];
    auto it = byPath.find(path);
    if (it == byPath.end()) {
        // The palette's shades of a hue lie a palette length apart.
        const int index = stream.colorIndex >= 0 ? stream.colorIndex + ChartPanel::PaletteSize * int(byPath.size())
                                                 : nextColor++;
        it = byPath.insert(path, ChartPanel::colorForIndex(index));
    }
    return it.value();
}

QList<PlotSeries> ChartAreaPrivate::seriesOf(const Stream &stream, bool withStreamName)
{
    QList<PlotSeries> list;
    for (const QString &path : stream.plotted) {
        const SeriesBuffer *buffer = stream.store->buffer(path);
        if (!buffer)
            continue; // chosen before it was seen (a saved session): shown once discovered
        const QString name = withStreamName ? stream.name + QLatin1Char(' ') + path : path;
        list.append({name, colorFor(stream, path), buffer});
    }
    return list;
}

void ChartAreaPrivate::updateSingleSeries()
{
    if (!single)
        return;
    QList<PlotSeries> list;
    for (const auto &stream : streams)
        list += seriesOf(*stream, true);
    single->setSeries(list);
}

void ChartAreaPrivate::updateSeries(Stream *stream)
{
    if (mode == ChartArea::SingleChart) {
        updateSingleSeries();
        return;
    }
    if (stream->panel) {
        stream->panel->setTitle(stream->name);
        stream->panel->setSeries(seriesOf(*stream, false));
    }
}

void ChartAreaPrivate::rebuildPanels()
{
    for (const auto &stream : streams) {
        delete stream->panel;
        stream->panel = nullptr;
    }
    delete single;
    single = nullptr;

    if (mode == ChartArea::SingleChart) {
        if (!streams.empty()) {
            single = createPanel();
            updateSingleSeries();
        }
    } else {
        for (const auto &stream : streams) {
            stream->panel = createPanel();
            updateSeries(stream.get());
        }
    }
    for (ChartPanel *panel : q->panels())
        panel->setPaused(paused);
    pushOutages();
    updateState();
}

void ChartAreaPrivate::fieldDiscovered(StreamFieldStore *store, const QString &path)
{
    Stream *stream = find(store);
    if (!stream)
        return;
    if (!stream->chosen && stream->plotted.isEmpty()) {
        stream->plotted = {path};
        updateSeries(stream);
        Q_EMIT q->plottedFieldsChanged(store);
    } else if (stream->plotted.contains(path)) {
        updateSeries(stream);
    }
}

void ChartAreaPrivate::applyTheme()
{
    dark = darkOverride.value_or(isDarkPalette(q->palette()));
    for (ChartPanel *panel : q->panels())
        panel->setDarkTheme(dark);
}

void ChartAreaPrivate::updateState()
{
    stack->setCurrentWidget(streams.empty() ? static_cast<QWidget *>(emptyHint) : scroll);
    toolBar->setState(mode, window, paused, !streams.empty());
}

qint64 ChartAreaPrivate::clockOffset(const Stream *stream) const
{
    if (stream)
        return stream->store->clockOffsetMs();
    // One chart for several clocks: follow the one furthest ahead, so that no stream's newest
    // data is beyond the right edge.
    std::optional<qint64> offset;
    for (const auto &s : streams) {
        if (s->store->timeSource() == StreamFieldStore::PayloadField)
            offset = std::max(offset.value_or(std::numeric_limits<qint64>::min()), s->store->clockOffsetMs());
    }
    return offset.value_or(0);
}

void ChartAreaPrivate::pushOutages()
{
    QList<std::pair<qint64, qint64>> all;
    for (const auto &stream : streams) {
        stream->outageOffset = clockOffset(stream.get());
        QList<std::pair<qint64, qint64>> moved;
        moved.reserve(stream->outages.size());
        for (const auto &[start, end] : std::as_const(stream->outages))
            moved.append({start + stream->outageOffset, end < 0 ? end : end + stream->outageOffset});
        if (stream->panel)
            stream->panel->setOutages(moved);
        all += moved;
    }
    if (single)
        single->setOutages(all);
}

void ChartAreaPrivate::refreshAll(qint64 nowMs, bool visibleOnly)
{
    lastNow = nowMs;
    const auto visible = [visibleOnly](const ChartPanel *panel) {
        // Scrolled out of sight on a shown window: nothing to draw.
        return !visibleOnly || !panel->isVisible() || !panel->visibleRegion().isEmpty();
    };
    bool offsetsMoved = false;
    for (const auto &stream : streams)
        offsetsMoved |= !stream->outages.isEmpty() && stream->outageOffset != clockOffset(stream.get());
    if (offsetsMoved)
        pushOutages();
    if (single && visible(single))
        single->refresh(nowMs + clockOffset(nullptr));
    for (const auto &stream : streams) {
        if (stream->panel && visible(stream->panel))
            stream->panel->refresh(nowMs + clockOffset(stream.get()));
    }
}

void ChartAreaPrivate::paint(QPainter *painter, const QSize &size)
{
    const QList<ChartPanel *> list = q->panels();
    const int count = int(list.size());
    int top = 0;
    for (int i = 0; i < count; ++i) {
        const int bottom = size.height() * (i + 1) / count;
        list.at(i)->renderChart(painter, QRectF(0, top, size.width(), bottom - top));
        top = bottom;
    }
}
