#include "ChartArea.h"

#include "SeriesBuffer.h"
#include "StreamFieldStore.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QPointer>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>
#include <memory>
#include <vector>

namespace {

constexpr int MinimumPanelHeight = 200;
constexpr int MinimumPointCap = 100;
constexpr int MaximumPointCap = 10'000'000;

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

class ChartAreaPrivate
{
public:
    struct Stream
    {
        StreamFieldStore *store = nullptr;
        QString name;
        QStringList plotted;
        bool chosen = false; // plotted set by the user (or a saved session), not by default
        ChartPanel *panel = nullptr; // ChartPerStream only
        QList<QMetaObject::Connection> connections;
    };

    explicit ChartAreaPrivate(ChartArea *area) : q(area) { }

    void buildUi();
    Stream *find(const StreamFieldStore *store) const;
    ChartPanel *createPanel();
    void rebuildPanels();
    void updateSeries(Stream *stream);
    void updateSingleSeries();
    QList<PlotSeries> seriesOf(const Stream &stream, bool withStreamName);
    QColor colorFor(const StreamFieldStore *store, const QString &path);
    void fieldDiscovered(StreamFieldStore *store, const QString &path);
    void applyTheme();
    void updateState();
    qint64 clockOffset(const Stream *stream) const;

    ChartArea *q;
    std::vector<std::unique_ptr<Stream>> streams;
    ChartArea::LayoutMode mode = ChartArea::ChartPerStream;
    ChartPanel::TimeWindow window = ChartPanel::OneMinute;
    bool paused = false;
    qsizetype pointCap = SeriesBuffer::DefaultCapacity;
    std::optional<bool> darkOverride;
    bool dark = false;
    QHash<const StreamFieldStore *, QHash<QString, QColor>> colors;
    int nextColor = 0;
    ChartPanel *single = nullptr;
    QTimer tick;

    QStackedWidget *stack = nullptr;
    QLabel *emptyHint = nullptr;
    QScrollArea *scroll = nullptr;
    QSplitter *splitter = nullptr;
    QComboBox *layoutCombo = nullptr;
    QComboBox *windowCombo = nullptr;
    QSpinBox *capSpin = nullptr;
    QToolButton *pauseButton = nullptr;
    QToolButton *resetButton = nullptr;
};

void ChartAreaPrivate::buildUi()
{
    layoutCombo = new QComboBox(q);
    layoutCombo->setObjectName(QStringLiteral("layoutMode"));
    layoutCombo->addItem(ChartArea::tr("Chart per stream"), int(ChartArea::ChartPerStream));
    layoutCombo->addItem(ChartArea::tr("Single chart"), int(ChartArea::SingleChart));
    layoutCombo->setItemData(0, ChartArea::tr("One chart for each stream, one above the other"), Qt::ToolTipRole);
    layoutCombo->setItemData(1, ChartArea::tr("Every stream's plotted fields in one chart"), Qt::ToolTipRole);
    layoutCombo->setToolTip(ChartArea::tr("How the streams are laid out"));
    QObject::connect(layoutCombo, &QComboBox::activated, q, [this](int index) {
        q->setLayoutMode(ChartArea::LayoutMode(layoutCombo->itemData(index).toInt()));
    });

    windowCombo = new QComboBox(q);
    windowCombo->setObjectName(QStringLiteral("timeWindow"));
    const std::pair<ChartPanel::TimeWindow, QString> windows[] = {
        {ChartPanel::TenSeconds, ChartArea::tr("10 s")}, {ChartPanel::OneMinute, ChartArea::tr("1 min")},
        {ChartPanel::TenMinutes, ChartArea::tr("10 min")}, {ChartPanel::OneHour, ChartArea::tr("1 h")},
        {ChartPanel::All, ChartArea::tr("All")},
    };
    for (const auto &[value, text] : windows)
        windowCombo->addItem(text, int(value));
    windowCombo->setToolTip(ChartArea::tr("Time window of every chart while it follows the newest data"));
    QObject::connect(windowCombo, &QComboBox::activated, q, [this](int index) {
        q->setTimeWindow(ChartPanel::TimeWindow(windowCombo->itemData(index).toInt()));
    });

    capSpin = new QSpinBox(q);
    capSpin->setObjectName(QStringLiteral("pointCap"));
    capSpin->setRange(MinimumPointCap, MaximumPointCap);
    capSpin->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    capSpin->setGroupSeparatorShown(true);
    capSpin->setKeyboardTracking(false);
    capSpin->setSuffix(ChartArea::tr(" points"));
    capSpin->setToolTip(ChartArea::tr("Samples held per field; the oldest fall out beyond this"));
    QObject::connect(capSpin, &QSpinBox::valueChanged, q, [this](int value) { q->setPointCap(value); });

    pauseButton = new QToolButton(q);
    pauseButton->setObjectName(QStringLiteral("pauseAll"));
    pauseButton->setCheckable(true);
    pauseButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QObject::connect(pauseButton, &QToolButton::toggled, q, [this](bool checked) { q->setPaused(checked); });

    resetButton = new QToolButton(q);
    resetButton->setObjectName(QStringLiteral("resetAll"));
    resetButton->setText(ChartArea::tr("Reset all"));
    resetButton->setToolTip(ChartArea::tr("Every chart back to its window, following the newest data"));
    resetButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QObject::connect(resetButton, &QToolButton::clicked, q, &ChartArea::resetZoom);

    auto *toolBar = new QHBoxLayout;
    toolBar->setContentsMargins(6, 4, 6, 0);
    toolBar->addWidget(layoutCombo);
    toolBar->addSpacing(8);
    auto *windowLabel = new QLabel(ChartArea::tr("Window:"), q);
    windowLabel->setBuddy(windowCombo);
    toolBar->addWidget(windowLabel);
    toolBar->addWidget(windowCombo);
    toolBar->addSpacing(8);
    auto *capLabel = new QLabel(ChartArea::tr("Keep:"), q);
    capLabel->setBuddy(capSpin);
    toolBar->addWidget(capLabel);
    toolBar->addWidget(capSpin);
    toolBar->addStretch(1);
    toolBar->addWidget(pauseButton);
    toolBar->addWidget(resetButton);

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
    layout->addLayout(toolBar);
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

QColor ChartAreaPrivate::colorFor(const StreamFieldStore *store, const QString &path)
{
    QHash<QString, QColor> &byPath = colors[store];
    auto it = byPath.find(path);
    if (it == byPath.end())
        it = byPath.insert(path, ChartPanel::colorForIndex(nextColor++));
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
        list.append({name, colorFor(stream.store, path), buffer});
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
    layoutCombo->setCurrentIndex(layoutCombo->findData(int(mode)));
    windowCombo->setCurrentIndex(windowCombo->findData(int(window)));
    {
        const QSignalBlocker blocker(capSpin);
        capSpin->setValue(int(std::clamp<qsizetype>(pointCap, MinimumPointCap, MaximumPointCap)));
    }
    {
        const QSignalBlocker blocker(pauseButton);
        pauseButton->setChecked(paused);
    }
    pauseButton->setText(paused ? ChartArea::tr("Resume all") : ChartArea::tr("Pause all"));
    pauseButton->setToolTip(paused ? ChartArea::tr("Every chart follows the newest data again")
                                   : ChartArea::tr("Freeze every chart; data keeps arriving"));
    const bool any = !streams.empty();
    pauseButton->setEnabled(any);
    resetButton->setEnabled(any);
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

void ChartArea::addStream(StreamFieldStore *store, const QString &name)
{
    if (!store || d->find(store))
        return;
    auto stream = std::make_unique<ChartAreaPrivate::Stream>();
    stream->store = store;
    stream->name = name;
    stream->connections = {
        connect(store, &StreamFieldStore::fieldDiscovered, this,
                [this, store](const QString &path) { d->fieldDiscovered(store, path); }),
        connect(store, &StreamFieldStore::timeSourceChanged, this,
                [this, store] {
                    // Its samples are gone and its clock may have changed: follow again.
                    if (ChartPanel *panel = panelFor(store); panel && !d->paused)
                        panel->resetZoom();
                }),
        connect(store, &QObject::destroyed, this, [this, store] { removeStream(store); }),
    };
    store->setPointCap(d->pointCap);
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

void ChartArea::setPointCap(qsizetype cap)
{
    cap = std::max<qsizetype>(1, cap);
    if (cap == d->pointCap)
        return;
    d->pointCap = cap;
    for (const auto &stream : d->streams)
        stream->store->setPointCap(cap);
    d->updateState();
    Q_EMIT pointCapChanged(cap);
}

qsizetype ChartArea::pointCap() const
{
    return d->pointCap;
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

QImage ChartArea::grabImage()
{
    refresh(QDateTime::currentMSecsSinceEpoch());
    return grab().toImage();
}

void ChartArea::refresh(qint64 nowMs)
{
    const auto visible = [](const ChartPanel *panel) {
        // Scrolled out of sight on a shown window: nothing to draw.
        return !panel->isVisible() || !panel->visibleRegion().isEmpty();
    };
    if (d->single && visible(d->single))
        d->single->refresh(nowMs + d->clockOffset(nullptr));
    for (const auto &stream : d->streams) {
        if (stream->panel && visible(stream->panel))
            stream->panel->refresh(nowMs + d->clockOffset(stream.get()));
    }
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
