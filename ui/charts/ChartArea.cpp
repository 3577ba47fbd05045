#include "ChartArea.h"

#include "ChartAreaPrivate.h"
#include "StreamFieldStore.h"

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
}

void ChartArea::addStream(StreamFieldStore *store, const QString &name, int colorIndex)
{
    if (!store || d->find(store))
        return;
    auto stream = std::make_unique<ChartAreaPrivate::Stream>();
    stream->store = store;
    stream->name = name;
    stream->colorIndex = colorIndex;
    stream->connections = {
        connect(store, &StreamFieldStore::fieldDiscovered, this,
                [this, store](const QString &path) { d->fieldDiscovered(store, path); }),
        connect(store, &StreamFieldStore::timeSourceChanged, this,
                [this, store] {
                    // Its samples are gone and its clock may have changed: follow again.
                    if (ChartPanel *panel = panelFor(store); panel && !d->paused)
                        panel->resetZoom();
                    d->pushOutages();
                }),
        connect(store, &QObject::destroyed, this, [this, store] { removeStream(store); }),
    };
    const QStringList fields = store->fieldPaths();
    if (!fields.isEmpty())
        stream->plotted = {fields.first()};
    ChartAreaPrivate::Stream *added = stream.get();
    d->streams.push_back(std::move(stream));

    if (d->mode == SingleChart) {
        if (!d->single) {
            d->single = d->createPanel();
            d->single->setPaused(d->paused);
        }
    } else {
        added->panel = d->createPanel();
        added->panel->setPaused(d->paused);
    }
    d->updateSeries(added);
    d->pushOutages();
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
    delete stream->panel;
    d->colors.remove(store);
    if (d->mode == SingleChart) {
        if (d->streams.empty()) {
            delete d->single;
            d->single = nullptr;
        } else {
            d->updateSingleSeries();
            d->pushOutages();
        }
    }
    d->updateState();
    Q_EMIT streamRemoved(store);
}

void ChartArea::renameStream(StreamFieldStore *store, const QString &name)
{
    ChartAreaPrivate::Stream *stream = d->find(store);
    if (!stream || stream->name == name)
        return;
    stream->name = name;
    d->updateSeries(stream);
    Q_EMIT streamRenamed(store, name);
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
    if (stream->plotted == unique)
        return;
    stream->plotted = unique;
    d->updateSeries(stream);
    Q_EMIT plottedFieldsChanged(store);
}

QStringList ChartArea::plottedFields(StreamFieldStore *store) const
{
    const ChartAreaPrivate::Stream *stream = d->find(store);
    return stream ? stream->plotted : QStringList();
}

void ChartArea::setLayoutMode(LayoutMode mode)
{
    if (mode == d->mode)
        return;
    d->mode = mode;
    d->rebuildPanels();
    Q_EMIT layoutModeChanged(mode);
}

ChartArea::LayoutMode ChartArea::layoutMode() const
{
    return d->mode;
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
    for (ChartPanel *panel : panels())
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
    return d->colors.value(store).value(path);
}

QList<ChartPanel *> ChartArea::panels() const
{
    QList<ChartPanel *> list;
    if (d->single)
        list.append(d->single);
    for (const auto &stream : d->streams) {
        if (stream->panel)
            list.append(stream->panel);
    }
    return list;
}

ChartPanel *ChartArea::panelFor(StreamFieldStore *store) const
{
    const ChartAreaPrivate::Stream *stream = d->find(store);
    if (!stream)
        return nullptr;
    return d->mode == SingleChart ? d->single : stream->panel;
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
    if (!stream)
        return;
    stream->outages = spans;
    d->pushOutages();
}

QList<std::pair<qint64, qint64>> ChartArea::outages(StreamFieldStore *store) const
{
    const ChartAreaPrivate::Stream *stream = d->find(store);
    return stream ? stream->outages : QList<std::pair<qint64, qint64>>();
}

QImage ChartArea::renderImage(const QSize &size)
{
    if (panels().isEmpty() || size.isEmpty())
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
    if (panels().isEmpty())
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
