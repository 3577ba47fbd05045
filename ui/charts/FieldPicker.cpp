#include "FieldPicker.h"

#include "AxisTicks.h"

#include "ChartArea.h"
#include "SeriesBuffer.h"
#include "StreamFieldStore.h"

#include <QComboBox>
#include <QHeaderView>
#include <QPointer>
#include <QScopedValueRollback>
#include <QStandardItemModel>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <cmath>
#include <vector>

namespace {

constexpr int PathRole = Qt::UserRole + 1;
constexpr int LatestIntervalMs = 250;

// Whole numbers in full (an epoch or a byte count reads right), others to six digits: the
// column stays narrow and the name beside it readable.
QString formatLatest(double value)
{
    if (value == std::trunc(value) && std::abs(value) < 1e15)
        return ValueFormat::readout(value);
    return QString::number(value, 'g', 6);
}

} // namespace

class FieldPickerPrivate
{
public:
    struct Stream
    {
        StreamFieldStore *store = nullptr;
        QStandardItem *item = nullptr;
        QPointer<QComboBox> timeCombo;
        QList<QMetaObject::Connection> connections;
    };

    FieldPickerPrivate(FieldPicker *picker, ChartArea *chartArea) : q(picker), area(chartArea) { }

    Stream *find(const StreamFieldStore *store);
    const Stream *find(const StreamFieldStore *store) const;
    QStandardItem *fieldItem(const Stream &stream, const QString &path) const;
    void addStream(StreamFieldStore *store);
    void removeStream(StreamFieldStore *store);
    void addField(Stream &stream, const QString &path);
    void addCandidate(Stream &stream, const QString &path);
    void syncChecks(StreamFieldStore *store);
    void syncTimeSource(Stream &stream);
    void updateStreamItem(Stream &stream);
    void itemChanged(QStandardItem *item);
    void updateLatest();

    FieldPicker *q;
    QPointer<ChartArea> area;
    QStandardItemModel *model = nullptr;
    QTreeView *view = nullptr;
    QTimer latestTimer;
    std::vector<Stream> streams;
    bool syncing = false;
};

FieldPickerPrivate::Stream *FieldPickerPrivate::find(const StreamFieldStore *store)
{
    for (Stream &stream : streams) {
        if (stream.store == store)
            return &stream;
    }
    return nullptr;
}

const FieldPickerPrivate::Stream *FieldPickerPrivate::find(const StreamFieldStore *store) const
{
    return const_cast<FieldPickerPrivate *>(this)->find(store);
}

QStandardItem *FieldPickerPrivate::fieldItem(const Stream &stream, const QString &path) const
{
    for (int row = 1; row < stream.item->rowCount(); ++row) {
        QStandardItem *child = stream.item->child(row);
        if (child->data(PathRole).toString() == path)
            return child;
    }
    return nullptr;
}

void FieldPickerPrivate::updateStreamItem(Stream &stream)
{
    if (!area)
        return;
    const QString name = area->streamName(stream.store);
    const int fields = stream.item->rowCount() - 1;
    stream.item->setText(name);
    stream.item->setToolTip(FieldPicker::tr("%1\n%n numeric field(s); check one to plot it", nullptr, fields).arg(name));
}

void FieldPickerPrivate::addStream(StreamFieldStore *store)
{
    if (find(store))
        return;
    Stream stream;
    stream.store = store;
    stream.item = new QStandardItem;
    stream.item->setEditable(false);
    QFont bold = q->font();
    bold.setBold(true);
    stream.item->setFont(bold);
    auto *latestHeader = new QStandardItem;
    latestHeader->setEditable(false);

    auto *timeItem = new QStandardItem(FieldPicker::tr("Time axis"));
    timeItem->setEditable(false);
    timeItem->setToolTip(FieldPicker::tr("Where the time of each sample comes from: when the event arrived, "
                                         "or a timestamp in the payload (ISO-8601 or epoch seconds or "
                                         "milliseconds). Changing it draws the plot again from the capture."));
    auto *timeValue = new QStandardItem;
    timeValue->setEditable(false);
    stream.item->appendRow({timeItem, timeValue});
    model->appendRow({stream.item, latestHeader});

    auto *combo = new QComboBox;
    combo->setObjectName(QStringLiteral("timeAxis"));
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    combo->addItem(FieldPicker::tr("Receive time"), QString());
    combo->setItemData(0, FieldPicker::tr("When each event arrived here"), Qt::ToolTipRole);
    combo->setToolTip(timeItem->toolTip());
    view->setIndexWidget(timeValue->index(), combo);
    stream.timeCombo = combo;
    QObject::connect(combo, &QComboBox::activated, q, [this, store](int index) {
        const Stream *s = find(store);
        if (!s || !s->timeCombo)
            return;
        const QString path = s->timeCombo->itemData(index).toString();
        const auto source = path.isEmpty() ? StreamFieldStore::ReceiveTime : StreamFieldStore::PayloadField;
        if (source != store->timeSource() || path != store->timeFieldPath())
            Q_EMIT q->timeSourceChangeRequested(store, source, path);
    });

    stream.connections = {
        QObject::connect(store, &StreamFieldStore::fieldDiscovered, q,
                         [this, store](const QString &path) {
                             if (Stream *s = find(store)) {
                                 addField(*s, path);
                                 updateStreamItem(*s);
                             }
                         }),
        QObject::connect(store, &StreamFieldStore::timestampCandidateDiscovered, q,
                         [this, store](const QString &path) {
                             if (Stream *s = find(store))
                                 addCandidate(*s, path);
                         }),
        QObject::connect(store, &StreamFieldStore::timeSourceChanged, q, [this, store] {
            if (Stream *s = find(store))
                syncTimeSource(*s);
        }),
    };
    streams.push_back(stream);
    Stream &added = streams.back();
    for (const QString &path : store->fieldPaths())
        addField(added, path);
    for (const QString &path : store->timestampCandidates())
        addCandidate(added, path);
    syncTimeSource(added);
    updateStreamItem(added);
    syncChecks(store);
    view->setFirstColumnSpanned(added.item->row(), QModelIndex(), true);
    view->expand(added.item->index());
}

void FieldPickerPrivate::removeStream(StreamFieldStore *store)
{
    for (auto it = streams.begin(); it != streams.end(); ++it) {
        if (it->store != store)
            continue;
        for (const auto &connection : it->connections)
            QObject::disconnect(connection);
        model->removeRow(it->item->row());
        streams.erase(it);
        return;
    }
}

void FieldPickerPrivate::addField(Stream &stream, const QString &path)
{
    if (fieldItem(stream, path))
        return;
    const QScopedValueRollback<bool> guard(syncing, true);
    auto *item = new QStandardItem(path);
    item->setEditable(false);
    item->setCheckable(true);
    item->setData(path, PathRole);
    const auto [type, fieldPath] = StreamFieldStore::splitFieldKey(path);
    item->setToolTip(type == QLatin1String("message")
                         ? FieldPicker::tr("%1: check to plot it").arg(path)
                         : FieldPicker::tr("%1 of the “%2” events: check to plot it").arg(fieldPath, type));
    auto *latest = new QStandardItem;
    latest->setEditable(false);
    latest->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    latest->setToolTip(FieldPicker::tr("The newest value"));
    item->setCheckState(area && area->plottedFields(stream.store).contains(path) ? Qt::Checked : Qt::Unchecked);
    stream.item->appendRow({item, latest});
}

void FieldPickerPrivate::addCandidate(Stream &stream, const QString &path)
{
    if (!stream.timeCombo || stream.timeCombo->findData(path) >= 0)
        return;
    stream.timeCombo->addItem(path, path);
    const auto [type, fieldPath] = StreamFieldStore::splitFieldKey(path);
    const QString tip = type == QLatin1String("message")
                            ? FieldPicker::tr("The timestamp in %1 of each payload").arg(path)
                            : FieldPicker::tr("The timestamp in %1 of each “%2” event; other events keep "
                                              "their receive time").arg(fieldPath, type);
    stream.timeCombo->setItemData(stream.timeCombo->count() - 1, tip, Qt::ToolTipRole);
}

void FieldPickerPrivate::syncTimeSource(Stream &stream)
{
    if (!stream.timeCombo)
        return;
    const QString path = stream.store->timeSource() == StreamFieldStore::PayloadField
                             ? stream.store->timeFieldPath()
                             : QString();
    if (!path.isEmpty())
        addCandidate(stream, path);
    stream.timeCombo->setCurrentIndex(std::max(0, stream.timeCombo->findData(path)));
}

void FieldPickerPrivate::syncChecks(StreamFieldStore *store)
{
    Stream *stream = find(store);
    if (!stream || !area)
        return;
    const QScopedValueRollback<bool> guard(syncing, true);
    const QStringList plotted = area->plottedFields(store);
    for (int row = 1; row < stream->item->rowCount(); ++row) {
        QStandardItem *child = stream->item->child(row);
        child->setCheckState(plotted.contains(child->data(PathRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }
}

void FieldPickerPrivate::itemChanged(QStandardItem *item)
{
    if (syncing || !area || !item->isCheckable() || !item->parent())
        return;
    for (Stream &stream : streams) {
        if (stream.item != item->parent())
            continue;
        QStringList plotted;
        for (int row = 1; row < stream.item->rowCount(); ++row) {
            QStandardItem *child = stream.item->child(row);
            if (child->checkState() == Qt::Checked)
                plotted.append(child->data(PathRole).toString());
        }
        // Keep fields chosen but not yet seen (from a saved session).
        for (const QString &path : area->plottedFields(stream.store)) {
            if (!fieldItem(stream, path))
                plotted.append(path);
        }
        area->setPlottedFields(stream.store, plotted);
        return;
    }
}

void FieldPickerPrivate::updateLatest()
{
    if (!q->isVisible())
        return;
    for (Stream &stream : streams) {
        if (!view->isExpanded(stream.item->index()))
            continue;
        for (int row = 1; row < stream.item->rowCount(); ++row) {
            const QString path = stream.item->child(row)->data(PathRole).toString();
            const SeriesBuffer *buffer = stream.store->buffer(path);
            const QString text = buffer && !buffer->isEmpty() ? formatLatest(buffer->valueAt(buffer->size() - 1))
                                                               : QString();
            QStandardItem *latest = stream.item->child(row, 1);
            if (latest->text() != text)
                latest->setText(text);
        }
    }
}

FieldPicker::FieldPicker(ChartArea *area, QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<FieldPickerPrivate>(this, area))
{
    d->model = new QStandardItemModel(this);
    d->model->setHorizontalHeaderLabels({tr("Field"), tr("Latest")});
    d->view = new QTreeView(this);
    d->view->setObjectName(QStringLiteral("fields"));
    d->view->setModel(d->model);
    d->view->setUniformRowHeights(false);
    d->view->setTextElideMode(Qt::ElideMiddle);
    // Two levels (stream, field) need little indentation; the names need the room.
    d->view->setIndentation(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 2);
    d->view->setSelectionMode(QAbstractItemView::SingleSelection);
    d->view->header()->setStretchLastSection(false);
    d->view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    // A fixed value column: a wide number must not push the field names out of sight.
    d->view->header()->setSectionResizeMode(1, QHeaderView::Fixed);
    d->view->header()->resizeSection(1, fontMetrics().horizontalAdvance(QStringLiteral("-1,764,590,400,000")) + 8);
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 40);
    d->view->setToolTip(tr("Check the fields to plot; the time axis of each stream is chosen under it"));
    connect(d->model, &QStandardItemModel::itemChanged, this,
            [this](QStandardItem *item) { d->itemChanged(item); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(d->view);

    d->latestTimer.setTimerType(Qt::CoarseTimer);
    d->latestTimer.setInterval(LatestIntervalMs);
    connect(&d->latestTimer, &QTimer::timeout, this, [this] { d->updateLatest(); });
    d->latestTimer.start();

    if (!area)
        return;
    for (StreamFieldStore *store : area->streams())
        d->addStream(store);
    connect(area, &ChartArea::streamAdded, this, [this](StreamFieldStore *store) { d->addStream(store); });
    connect(area, &ChartArea::streamRemoved, this, [this](StreamFieldStore *store) { d->removeStream(store); });
    connect(area, &ChartArea::streamRenamed, this, [this](StreamFieldStore *store) {
        if (FieldPickerPrivate::Stream *stream = d->find(store))
            d->updateStreamItem(*stream);
    });
    connect(area, &ChartArea::plottedFieldsChanged, this,
            [this](StreamFieldStore *store) { d->syncChecks(store); });
}

FieldPicker::~FieldPicker()
{
    for (const auto &stream : d->streams) {
        for (const auto &connection : stream.connections)
            disconnect(connection);
    }
}

QTreeView *FieldPicker::view() const
{
    return d->view;
}

QAbstractItemModel *FieldPicker::model() const
{
    return d->model;
}

QModelIndex FieldPicker::fieldIndex(StreamFieldStore *store, const QString &path) const
{
    const FieldPickerPrivate::Stream *stream = d->find(store);
    QStandardItem *item = stream ? d->fieldItem(*stream, path) : nullptr;
    return item ? item->index() : QModelIndex();
}

QComboBox *FieldPicker::timeAxisCombo(StreamFieldStore *store) const
{
    const FieldPickerPrivate::Stream *stream = d->find(store);
    return stream ? stream->timeCombo.data() : nullptr;
}

void FieldPicker::setFieldChecked(StreamFieldStore *store, const QString &path, bool checked)
{
    const FieldPickerPrivate::Stream *stream = d->find(store);
    if (QStandardItem *item = stream ? d->fieldItem(*stream, path) : nullptr)
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

bool FieldPicker::isFieldChecked(StreamFieldStore *store, const QString &path) const
{
    const FieldPickerPrivate::Stream *stream = d->find(store);
    const QStandardItem *item = stream ? d->fieldItem(*stream, path) : nullptr;
    return item && item->checkState() == Qt::Checked;
}
