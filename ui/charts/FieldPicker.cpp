#include "FieldPicker.h"

#include "AxisTicks.h"

#include "ChartArea.h"
#include "DashboardMime.h"
#include "FieldMenu.h"
#include "SeriesBuffer.h"
#include "StreamFieldStore.h"

#include <QComboBox>
#include <QHeaderView>
#include <QMenu>
#include <QPointer>
#include <QScopedValueRollback>
#include <QStandardItemModel>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <cmath>
#include <functional>
#include <optional>
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

// Fields are dragged onto dashboard panels: a field's row carries its stream and key.
class FieldDragModel : public QStandardItemModel
{
public:
    using FieldOf = std::function<std::optional<std::pair<quint64, QString>>(const QModelIndex &)>;

    FieldDragModel(FieldOf fieldOf, QObject *parent) : QStandardItemModel(parent), m_fieldOf(std::move(fieldOf)) { }

    QStringList mimeTypes() const override { return {DashboardMime::FieldType}; }
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }
    Qt::ItemFlags flags(const QModelIndex &index) const override
    {
        Qt::ItemFlags flags = QStandardItemModel::flags(index) & ~Qt::ItemIsDropEnabled;
        return m_fieldOf(index) ? flags | Qt::ItemIsDragEnabled : flags & ~Qt::ItemIsDragEnabled;
    }
    QMimeData *mimeData(const QModelIndexList &indexes) const override
    {
        for (const QModelIndex &index : indexes) {
            if (const auto field = m_fieldOf(index))
                return DashboardMime::fieldData(field->first, field->second);
        }
        return nullptr;
    }

private:
    FieldOf m_fieldOf;
};

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
    QString fieldText(const Stream &stream, const QString &path) const;
    void updateUnits();
    void pruneFields(Stream &stream);
    void setPlotted(StreamFieldStore *store, const QString &path, bool plotted);

    FieldPicker *q;
    QPointer<ChartArea> area;
    QStandardItemModel *model = nullptr;
    QTreeView *view = nullptr;
    QTimer latestTimer;
    FieldPicker::UnitLookup unitLookup;
    FieldMenu *menu = nullptr;
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
        // A derived series removed by someone else: the store has one field fewer.
        QObject::connect(store, &StreamFieldStore::changed, q, [this, store] {
            Stream *s = find(store);
            if (s && s->item->rowCount() - 1 > store->fieldCount())
                pruneFields(*s);
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
    auto *item = new QStandardItem(fieldText(stream, path));
    item->setEditable(false);
    item->setCheckable(true);
    item->setData(path, PathRole);
    const auto [type, fieldPath] = StreamFieldStore::splitFieldKey(path);
    if (stream.store->derivedKeys().contains(path)) {
        QFont italic = q->font();
        italic.setItalic(true);
        item->setFont(italic);
        item->setToolTip(FieldPicker::tr("%1: a derived series; check to plot it, or drag it onto a panel").arg(path));
    } else {
        item->setToolTip(type == QLatin1String("message")
                             ? FieldPicker::tr("%1: check to plot it, or drag it onto a panel").arg(path)
                             : FieldPicker::tr("%1 of the “%2” events: check to plot it, or drag it onto a panel")
                                   .arg(fieldPath, type));
    }
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
    updateUnits();
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

QString FieldPickerPrivate::fieldText(const Stream &stream, const QString &path) const
{
    const QString unit = unitLookup ? unitLookup(stream.store, path) : QString();
    return unit.isEmpty() ? path : QStringLiteral("%1  [%2]").arg(path, unit);
}

void FieldPickerPrivate::updateUnits()
{
    for (const Stream &stream : streams) {
        for (int row = 1; row < stream.item->rowCount(); ++row) {
            QStandardItem *child = stream.item->child(row);
            const QString text = fieldText(stream, child->data(PathRole).toString());
            if (child->text() != text)
                child->setText(text);
        }
    }
}

void FieldPickerPrivate::pruneFields(Stream &stream)
{
    for (int row = stream.item->rowCount() - 1; row >= 1; --row) {
        if (!stream.store->hasField(stream.item->child(row)->data(PathRole).toString()))
            stream.item->removeRow(row);
    }
    updateStreamItem(stream);
    if (!area)
        return;
    QStringList plotted = area->plottedFields(stream.store);
    const qsizetype before = plotted.size();
    plotted.removeIf([&](const QString &path) {
        return StreamFieldStore::isDerivedKey(path) && !stream.store->hasField(path);
    });
    if (plotted.size() != before)
        area->setPlottedFields(stream.store, plotted);
}

void FieldPickerPrivate::setPlotted(StreamFieldStore *store, const QString &path, bool plotted)
{
    if (!area)
        return;
    QStringList paths = area->plottedFields(store);
    if (plotted == paths.contains(path))
        return;
    if (plotted)
        paths.append(path);
    else
        paths.removeAll(path);
    area->setPlottedFields(store, paths);
}

FieldPicker::FieldPicker(ChartArea *area, QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<FieldPickerPrivate>(this, area))
{
    d->model = new FieldDragModel(
        [this](const QModelIndex &index) -> std::optional<std::pair<quint64, QString>> {
            const QModelIndex first = index.siblingAtColumn(0);
            const QString key = first.data(PathRole).toString();
            if (key.isEmpty() || !first.parent().isValid() || !d->area)
                return std::nullopt;
            for (const auto &stream : d->streams) {
                if (stream.item->index() == first.parent())
                    return std::pair{d->area->streamId(stream.store), key};
            }
            return std::nullopt;
        },
        this);
    d->model->setHorizontalHeaderLabels({tr("Field"), tr("Latest")});
    d->view = new QTreeView(this);
    d->view->setObjectName(QStringLiteral("fields"));
    d->view->setModel(d->model);
    d->view->setUniformRowHeights(false);
    d->view->setTextElideMode(Qt::ElideMiddle);
    // Two levels (stream, field) need little indentation; the names need the room.
    d->view->setIndentation(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 2);
    d->view->setSelectionMode(QAbstractItemView::SingleSelection);
    d->view->setDragEnabled(true);
    d->view->setDragDropMode(QAbstractItemView::DragOnly);
    d->view->header()->setStretchLastSection(false);
    d->view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    // A fixed value column: a wide number must not push the field names out of sight.
    d->view->header()->setSectionResizeMode(1, QHeaderView::Fixed);
    d->view->header()->resizeSection(1, fontMetrics().horizontalAdvance(QStringLiteral("-1,764,590,400,000")) + 8);
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 40);
    d->view->setToolTip(tr("Check the fields to plot; the time axis of each stream is chosen under it"));
    connect(d->model, &QStandardItemModel::itemChanged, this,
            [this](QStandardItem *item) { d->itemChanged(item); });

    d->menu = new FieldMenu(this);
    d->view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(d->view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (QMenu *menu = contextMenu(d->view->indexAt(pos)))
            menu->popup(d->view->viewport()->mapToGlobal(pos));
    });
    connect(d->menu, &FieldMenu::unitChosen, this, [this](StreamFieldStore *store, const QString &key, const QString &unit) {
        Q_EMIT unitChangeRequested(store, key, unit);
        d->updateUnits(); // the owner has applied it by now, or will say so through updateUnits()
    });
    connect(d->menu, &FieldMenu::derivedAdded, this, [this](StreamFieldStore *store, const QString &key) {
        d->setPlotted(store, key, true);
    });
    connect(d->menu, &FieldMenu::derivedRemoved, this, [this](StreamFieldStore *store) {
        if (FieldPickerPrivate::Stream *stream = d->find(store))
            d->pruneFields(*stream);
    });

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

void FieldPicker::setUnitLookup(UnitLookup lookup)
{
    d->unitLookup = std::move(lookup);
    d->updateUnits();
}

void FieldPicker::updateUnits()
{
    d->updateUnits();
}

QMenu *FieldPicker::contextMenu(const QModelIndex &index)
{
    const QModelIndex first = index.siblingAtColumn(0);
    const QString key = first.data(PathRole).toString();
    if (key.isEmpty() || !first.parent().isValid())
        return nullptr;
    for (const auto &stream : d->streams) {
        if (stream.item->index() == first.parent())
            return d->menu->menuFor(stream.store, key, d->unitLookup ? d->unitLookup(stream.store, key) : QString());
    }
    return nullptr;
}
