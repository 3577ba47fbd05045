#include "ChartArea.h"

#include "ChartAreaPrivate.h"
#include "DashboardView.h"
#include "StreamFieldStore.h"
#include "TimeSeriesPanel.h"

#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QPainter>
#include <QSaveFile>
#ifdef EVENTSCOPE_HAVE_SVG
#include <QSvgGenerator>
#endif

#include <algorithm>

ChartArea::ChartArea(QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<ChartAreaPrivate>(this))
{
    qRegisterMetaType<StreamFieldStore *>();
    d->buildUi();
    d->applyTheme();
    d->updateState();
    d->tick.setTimerType(Qt::CoarseTimer);
    d->tick.setInterval(DefaultTickIntervalMs);
    connect(&d->tick, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh(QDateTime::currentMSecsSinceEpoch());
    });
    d->tick.start();
}

ChartArea::~ChartArea()
{
    // Panels go before the stores' connections, and read no buffer while going.
    d->tick.stop();
    for (const auto &stream : d->streams) {
        for (const auto &connection : stream->connections)
            disconnect(connection);
    }
    delete d->view;
    d->view = nullptr;
}

void ChartArea::addStream(StreamFieldStore *store, const QString &name, int colorIndex, quint64 id)
{
    if (!store || d->find(store) || (id && d->find(id)))
        return;
    auto stream = std::make_unique<ChartAreaPrivate::Stream>();
    stream->id = id ? id : d->nextId;
    d->nextId = std::max(d->nextId, stream->id + 1);
    stream->store = store;
    stream->name = name;
    stream->colorIndex = colorIndex;
    stream->connections = {
        connect(store, &StreamFieldStore::fieldDiscovered, this,
                [this, store](const QString &key) { d->fieldDiscovered(store, key); }),
        connect(store, &StreamFieldStore::timeSourceChanged, this,
                [this, store] {
                    // Its samples are gone and its clock may have changed: follow again.
                    const quint64 streamId = this->streamId(store);
                    for (DashboardPanel *panel : d->view->panels()) {
                        auto *series = qobject_cast<TimeSeriesPanel *>(panel);
                        if (series && series->shownStreams().contains(streamId) && !d->paused)
                            series->chart()->resetZoom();
                    }
                }),
        connect(store, &QObject::destroyed, this, [this, store] { removeStream(store); }),
    };
    const QStringList fields = store->fieldPaths();
    ChartAreaPrivate::Stream *added = stream.get();
    d->streams.push_back(std::move(stream));
    if (d->mode != Dashboard || !fields.isEmpty()) {
        if (!fields.isEmpty())
            d->setPlotted(added, {fields.first()});
        else
            d->arrange();
    }
    d->sourcesChanged();
    d->updateState();
    Q_EMIT streamAdded(store);
    if (!added->plotted.isEmpty())
        Q_EMIT plottedFieldsChanged(store);
}

void ChartArea::removeStream(StreamFieldStore *store)
{
    const auto it = std::find_if(d->streams.begin(), d->streams.end(),
                                 [store](const auto &stream) { return stream->store == store; });
    if (it == d->streams.end())
        return;
    std::unique_ptr<ChartAreaPrivate::Stream> stream = std::move(*it);
    d->streams.erase(it);
    for (const auto &connection : stream->connections)
        disconnect(connection);
    d->colors.remove(stream->id);
    if (d->mode == Dashboard) {
        DashboardLayout layout = d->view->dashboardLayout();
        layout.removeStream(stream->id);
        d->arranging = true;
        d->view->setDashboardLayout(layout);
        d->arranging = false;
    } else {
        d->arrange();
    }
    d->sourcesChanged();
    d->updateState();
    Q_EMIT streamRemoved(store);
}

void ChartArea::renameStream(StreamFieldStore *store, const QString &name)
{
    ChartAreaPrivate::Stream *stream = d->find(store);
    if (!stream || stream->name == name)
        return;
    stream->name = name;
    d->sourcesChanged();
    Q_EMIT streamRenamed(store, name);
}

quint64 ChartArea::streamId(const StreamFieldStore *store) const
{
    const ChartAreaPrivate::Stream *stream = d->find(store);
    return stream ? stream->id : 0;
}

StreamFieldStore *ChartArea::streamStore(quint64 id) const
{
    const ChartAreaPrivate::Stream *stream = d->find(id);
    return stream ? stream->store : nullptr;
}

void ChartArea::setConnectionSources(StreamFieldStore *store, const ConnectionHistory *history,
                                     const StreamRateHistory *rates, qint64 startedAtMs)
{
    ChartAreaPrivate::Stream *stream = d->find(store);
    if (!stream)
        return;
    stream->history = history;
    stream->rates = rates;
    stream->startedAtMs = startedAtMs;
    d->sourcesChanged();
}

void ChartArea::addTypedEvent(StreamFieldStore *store, qint64 receivedAtMs, const QString &type, const QString &label)
{
    ChartAreaPrivate::Stream *stream = d->find(store);
    if (!stream || type.isEmpty() || type == u"message")
        return;
    stream->typedEvents.push_back({receivedAtMs, type, label});
    if (stream->typedEvents.size() > size_t(ChartAreaPrivate::MaxTypedEvents))
        stream->typedEvents.pop_front();
    if (!stream->eventTypes.contains(type))
        stream->eventTypes.append(type);
}

void ChartArea::setFiringLookup(std::function<bool(quint64, const QString &)> lookup)
{
    d->firing = std::move(lookup);
}

void ChartArea::setUnitLookup(std::function<QString(quint64, const QString &)> lookup)
{
    d->unitOf = std::move(lookup);
    d->sourcesChanged();
}

QList<StreamFieldStore *> ChartArea::streams() const
{
    QList<StreamFieldStore *> list;
    for (const auto &stream : d->streams)
        list.append(stream->store);
    return list;
}

QString ChartArea::streamName(StreamFieldStore *store) const
{
    const ChartAreaPrivate::Stream *stream = d->find(store);
    return stream ? stream->name : QString();
}

void ChartArea::setPlottedFields(StreamFieldStore *store, const QStringList &paths)
{
    ChartAreaPrivate::Stream *stream = d->find(store);
    if (!stream)
        return;
    QStringList unique;
    for (const QString &path : paths) {
        if (!unique.contains(path))
            unique.append(path);
    }
    stream->chosen = true;
    if (d->plottedIn(*stream) == unique)
        return;
    d->setPlotted(stream, unique);
    Q_EMIT plottedFieldsChanged(store);
}

QStringList ChartArea::plottedFields(StreamFieldStore *store) const
{
    const ChartAreaPrivate::Stream *stream = d->find(store);
    return stream ? d->plottedIn(*stream) : QStringList();
}

void ChartArea::setLayoutMode(LayoutMode mode)
{
    if (mode == d->mode)
        return;
    // The dashboard starts from the panels shown now; the other two are made afresh.
    for (const auto &stream : d->streams)
        stream->plotted = d->plottedIn(*stream);
    d->mode = mode;
    d->arrange();
    d->updateState();
    Q_EMIT layoutModeChanged(mode);
}

ChartArea::LayoutMode ChartArea::layoutMode() const
{
    return d->mode;
}

DashboardLayout ChartArea::dashboardLayout() const
{
    return d->view->dashboardLayout();
}

void ChartArea::setDashboardLayout(const DashboardLayout &layout)
{
    const bool modeChanged = d->mode != Dashboard;
    d->mode = Dashboard;
    d->arranging = true;
    d->view->setDashboardLayout(layout);
    d->arranging = false;
    for (const auto &stream : d->streams) {
        const QStringList shown = d->plottedIn(*stream);
        stream->chosen = stream->chosen || !shown.isEmpty();
        if (shown != stream->plotted) {
            stream->plotted = shown;
            Q_EMIT plottedFieldsChanged(stream->store);
        }
    }
    d->updateState();
    if (modeChanged)
        Q_EMIT layoutModeChanged(Dashboard);
}

int ChartArea::addPanel(PanelConfig::Kind kind, quint64 stream)
{
    PanelConfig config;
    config.kind = kind;
    if (kind == PanelConfig::Kind::TimeSeries || kind == PanelConfig::Kind::StatTile) {
        const ChartAreaPrivate::Stream *source = stream ? d->find(stream) : nullptr;
        for (const auto &candidate : d->streams) {
            if (source)
                break;
            if (!d->plottedIn(*candidate).isEmpty())
                source = candidate.get();
        }
        if (source && !d->plottedIn(*source).isEmpty())
            config.series = {{source->id, d->plottedIn(*source).first(), 0}};
    }
    setLayoutMode(Dashboard);
    return d->view->addPanel(config);
}

DashboardView *ChartArea::dashboardView() const
{
    return d->view;
}

QList<DashboardPanel *> ChartArea::dashboardPanels() const
{
    return d->view->panels();
}

void ChartArea::setTimeWindow(ChartPanel::TimeWindow window)
{
    if (window == d->window)
        return;
    d->window = window;
    for (ChartPanel *panel : panels())
        panel->setTimeWindow(window);
    d->updateState();
    Q_EMIT timeWindowChanged(window);
}

ChartPanel::TimeWindow ChartArea::timeWindow() const
{
    return d->window;
}

void ChartArea::setPaused(bool paused)
{
    if (paused == d->paused)
        return;
    d->paused = paused;
    for (DashboardPanel *panel : d->view->panels())
        panel->setPaused(paused);
    d->updateState();
    Q_EMIT pausedChanged(paused);
}

bool ChartArea::isPaused() const
{
    return d->paused;
}

void ChartArea::setDarkTheme(bool dark)
{
    d->darkOverride = dark;
    d->applyTheme();
}

bool ChartArea::isDarkTheme() const
{
    return d->dark;
}

QColor ChartArea::seriesColor(StreamFieldStore *store, const QString &path) const
{
    const ChartAreaPrivate::Stream *stream = d->find(store);
    return stream ? d->colors.value(stream->id).value(path) : QColor();
}

QList<ChartPanel *> ChartArea::panels() const
{
    QList<ChartPanel *> list;
    for (DashboardPanel *panel : d->view->panels()) {
        if (ChartPanel *chart = panel->chart())
            list.append(chart);
    }
    return list;
}

ChartPanel *ChartArea::panelFor(StreamFieldStore *store) const
{
    const ChartAreaPrivate::Stream *stream = d->find(store);
    if (!stream)
        return nullptr;
    for (DashboardPanel *panel : d->view->panels()) {
        auto *series = qobject_cast<TimeSeriesPanel *>(panel);
        if (series && series->shownStreams().contains(stream->id))
            return series->chart();
    }
    return nullptr;
}

void ChartArea::setTickInterval(int ms)
{
    if (ms <= 0) {
        d->tick.stop();
        return;
    }
    d->tick.setInterval(ms);
    d->tick.start();
}

int ChartArea::tickInterval() const
{
    return d->tick.isActive() ? d->tick.interval() : 0;
}

void ChartArea::setOutages(StreamFieldStore *store, const QList<std::pair<qint64, qint64>> &spans)
{
    ChartAreaPrivate::Stream *stream = d->find(store);
    if (stream)
        stream->outages = spans;
}

QList<std::pair<qint64, qint64>> ChartArea::outages(StreamFieldStore *store) const
{
    const ChartAreaPrivate::Stream *stream = d->find(store);
    return stream ? stream->outages : QList<std::pair<qint64, qint64>>();
}

QImage ChartArea::renderImage(const QSize &size)
{
    if (dashboardPanels().isEmpty() || size.isEmpty())
        return {};
    // Panels scrolled out of sight were not redrawn on the last ticks.
    d->refreshAll(d->lastNow.value_or(QDateTime::currentMSecsSinceEpoch()), false);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(d->dark ? QColor(0x1e, 0x21, 0x26) : QColor(Qt::white));
    QPainter painter(&image);
    d->paint(&painter, size);
    return image;
}

bool ChartArea::renderSvg(const QString &path, const QSize &size, QString *error)
{
    const auto fail = [&](const QString &reason) {
        if (error)
            *error = tr("Cannot save the chart to %1: %2").arg(QDir::toNativeSeparators(path), reason);
        return false;
    };
#ifdef EVENTSCOPE_HAVE_SVG
    if (dashboardPanels().isEmpty())
        return fail(tr("there is no chart to save"));
    if (size.isEmpty())
        return fail(tr("the size is empty"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    d->refreshAll(d->lastNow.value_or(QDateTime::currentMSecsSinceEpoch()), false);
    QSvgGenerator generator;
    generator.setOutputDevice(&file);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(), size));
    generator.setResolution(96); // a CSS pixel, so that the drawing opens at the size chosen
    generator.setTitle(tr("EventScope charts"));
    QPainter painter(&generator);
    d->paint(&painter, size);
    painter.end();
    if (!file.commit())
        return fail(file.errorString());
    return true;
#else
    Q_UNUSED(size)
    return fail(tr("this build cannot write SVG"));
#endif
}

bool ChartArea::svgAvailable()
{
#ifdef EVENTSCOPE_HAVE_SVG
    return true;
#else
    return false;
#endif
}

bool ChartArea::saveImage(const QString &path, const QSize &size, QString *error)
{
    if (QFileInfo(path).suffix().compare(u"svg", Qt::CaseInsensitive) == 0)
        return renderSvg(path, size, error);
    const auto fail = [&](const QString &reason) {
        if (error)
            *error = tr("Cannot save the chart to %1: %2").arg(QDir::toNativeSeparators(path), reason);
        return false;
    };
    const QImage image = renderImage(size);
    if (image.isNull())
        return fail(tr("there is no chart to save"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    if (!image.save(&file, "PNG"))
        return fail(file.error() != QFileDevice::NoError ? file.errorString() : tr("the image could not be encoded"));
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

QImage ChartArea::grabImage()
{
    return renderImage(size());
}

void ChartArea::refresh(qint64 nowMs)
{
    d->refreshAll(nowMs, true);
}

void ChartArea::resetZoom()
{
    if (d->paused) {
        d->paused = false;
        d->updateState();
        Q_EMIT pausedChanged(false);
    }
    for (ChartPanel *panel : panels())
        panel->resetZoom();
}

void ChartArea::changeEvent(QEvent *event)
{
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        && !d->darkOverride)
        d->applyTheme();
    QWidget::changeEvent(event);
}
