#include "StatisticsModel.h"

#include "FieldStatistics.h"
#include "SeriesBuffer.h"
#include "StreamFieldStore.h"
#include "ValueFormat.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

namespace {

using FieldId = std::pair<const StreamFieldStore *, QString>;

struct Cell
{
    QString text;
    QVariant value; // SortRole
    QString toolTip;

    bool operator==(const Cell &other) const = default;
};

struct Row
{
    StreamFieldStore *store = nullptr;
    QString key;
    std::array<Cell, StatisticsModel::ColumnCount> cells;

    FieldId id() const { return {store, key}; }
};

Cell valueCell(double value, const QString &unit)
{
    return {ValueFormat::withUnit(value, unit), value, ValueFormat::readout(value, unit)};
}

} // namespace

class StatisticsModelPrivate
{
public:
    struct Stream
    {
        StreamFieldStore *store = nullptr;
        QString name;
        QList<QMetaObject::Connection> connections;
    };

    explicit StatisticsModelPrivate(StatisticsModel *model) : q(model) { }

    Stream *find(const StreamFieldStore *store);
    std::vector<FieldId> wanted() const;
    void sync();
    Row makeRow(StreamFieldStore *store, const QString &key) const;
    void compute(Row &row) const;
    void forget(const StreamFieldStore *store);

    StatisticsModel *q;
    std::vector<Stream> streams;
    std::vector<Row> rows;
    StatisticsModel::UnitLookup unitLookup;
    StatisticsModel::FieldFilter filter;
    qint64 fromMs = std::numeric_limits<qint64>::min();
    qint64 toMs = std::numeric_limits<qint64>::max();
};

StatisticsModelPrivate::Stream *StatisticsModelPrivate::find(const StreamFieldStore *store)
{
    for (Stream &stream : streams) {
        if (stream.store == store)
            return &stream;
    }
    return nullptr;
}

std::vector<FieldId> StatisticsModelPrivate::wanted() const
{
    std::vector<FieldId> ids;
    for (const Stream &stream : streams) {
        for (const QString &key : stream.store->fieldPaths()) {
            if (!filter || filter(stream.store, key))
                ids.emplace_back(stream.store, key);
        }
    }
    return ids;
}

// Brings the rows to wanted() with the fewest row signals: runs of rows that went are removed,
// runs of new ones inserted; only a change of order (which the stores do not make) resets.
void StatisticsModelPrivate::sync()
{
    const std::vector<FieldId> ids = wanted();
    QSet<FieldId> keep;
    keep.reserve(qsizetype(ids.size()));
    for (const FieldId &id : ids)
        keep.insert(id);

    for (int last = int(rows.size()) - 1; last >= 0; --last) {
        if (keep.contains(rows[last].id()))
            continue;
        int first = last;
        while (first > 0 && !keep.contains(rows[first - 1].id()))
            --first;
        q->beginRemoveRows(QModelIndex(), first, last);
        rows.erase(rows.begin() + first, rows.begin() + last + 1);
        q->endRemoveRows();
        last = first;
    }

    std::size_t matched = 0;
    for (const FieldId &id : ids) {
        if (matched < rows.size() && rows[matched].id() == id)
            ++matched;
    }
    if (matched != rows.size()) {
        q->beginResetModel();
        rows.clear();
        for (const auto &[store, key] : ids)
            rows.push_back(makeRow(const_cast<StreamFieldStore *>(store), key));
        q->endResetModel();
        return;
    }

    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i < rows.size() && rows[i].id() == ids[i])
            continue;
        std::size_t end = i;
        while (end < ids.size() && (i >= rows.size() || ids[end] != rows[i].id()))
            ++end;
        std::vector<Row> added;
        for (std::size_t k = i; k < end; ++k)
            added.push_back(makeRow(const_cast<StreamFieldStore *>(ids[k].first), ids[k].second));
        q->beginInsertRows(QModelIndex(), int(i), int(end) - 1);
        rows.insert(rows.begin() + qsizetype(i), std::make_move_iterator(added.begin()),
                    std::make_move_iterator(added.end()));
        q->endInsertRows();
        i = end - 1;
    }
}

Row StatisticsModelPrivate::makeRow(StreamFieldStore *store, const QString &key) const
{
    Row row;
    row.store = store;
    row.key = key;
    compute(row);
    return row;
}

void StatisticsModelPrivate::compute(Row &row) const
{
    const Stream *stream = const_cast<StatisticsModelPrivate *>(this)->find(row.store);
    const QString name = stream ? stream->name : QString();
    row.cells[StatisticsModel::StreamColumn] = {name, name, name};
    const QString unit = unitLookup ? unitLookup(row.store, row.key) : QString();
    const QString field = unit.isEmpty() ? row.key : QStringLiteral("%1 [%2]").arg(row.key, unit);
    row.cells[StatisticsModel::FieldColumn] = {field, row.key, row.key};

    FieldStatistics stats;
    if (const SeriesBuffer *buffer = row.store->buffer(row.key)) {
        const qint64 offset = row.store->clockOffsetMs();
        // Shifted without overflow: the unbounded ends stay unbounded.
        const auto shift = [offset](qint64 t) {
            if (t == std::numeric_limits<qint64>::min() || t == std::numeric_limits<qint64>::max())
                return t;
            return t + offset;
        };
        const bool whole = fromMs == std::numeric_limits<qint64>::min() && toMs == std::numeric_limits<qint64>::max();
        stats = whole ? FieldStatistics::compute(*buffer) : FieldStatistics::compute(*buffer, shift(fromMs), shift(toMs));
    }
    const bool any = stats.count > 0;
    const auto statCell = [&](double value) { return any ? valueCell(value, unit) : Cell{}; };
    row.cells[StatisticsModel::LastColumn] = statCell(stats.last);
    row.cells[StatisticsModel::MinColumn] = statCell(stats.min);
    row.cells[StatisticsModel::MaxColumn] = statCell(stats.max);
    row.cells[StatisticsModel::MeanColumn] = statCell(stats.mean);
    row.cells[StatisticsModel::StdDevColumn] = statCell(stats.stddev);
    row.cells[StatisticsModel::CountColumn] = {ValueFormat::readout(double(stats.count)), stats.count, {}};
    row.cells[StatisticsModel::RateColumn] =
        any && stats.rate && std::isfinite(*stats.rate) ? valueCell(*stats.rate, QString()) : Cell{};
}

void StatisticsModelPrivate::forget(const StreamFieldStore *store)
{
    for (auto it = streams.begin(); it != streams.end(); ++it) {
        if (it->store != store)
            continue;
        for (const auto &connection : it->connections)
            QObject::disconnect(connection);
        streams.erase(it);
        sync();
        return;
    }
}

StatisticsModel::StatisticsModel(QObject *parent)
    : QAbstractTableModel(parent)
    , d(std::make_unique<StatisticsModelPrivate>(this))
{
}

StatisticsModel::~StatisticsModel()
{
    for (const auto &stream : d->streams) {
        for (const auto &connection : stream.connections)
            disconnect(connection);
    }
}

void StatisticsModel::addStream(StreamFieldStore *store, const QString &name)
{
    if (!store || d->find(store))
        return;
    StatisticsModelPrivate::Stream stream;
    stream.store = store;
    stream.name = name;
    stream.connections = {
        connect(store, &StreamFieldStore::fieldDiscovered, this, [this] { d->sync(); }),
        connect(store, &QObject::destroyed, this, [this, store] { d->forget(store); }),
    };
    d->streams.push_back(stream);
    d->sync();
}

void StatisticsModel::removeStream(StreamFieldStore *store)
{
    d->forget(store);
}

void StatisticsModel::renameStream(StreamFieldStore *store, const QString &name)
{
    StatisticsModelPrivate::Stream *stream = d->find(store);
    if (!stream || stream->name == name)
        return;
    stream->name = name;
    for (int row = 0; row < int(d->rows.size()); ++row) {
        if (d->rows[row].store != store)
            continue;
        d->rows[row].cells[StreamColumn] = {name, name, name};
        const QModelIndex cell = index(row, StreamColumn);
        Q_EMIT dataChanged(cell, cell);
    }
}

QList<StreamFieldStore *> StatisticsModel::streams() const
{
    QList<StreamFieldStore *> list;
    for (const auto &stream : d->streams)
        list.append(stream.store);
    return list;
}

QString StatisticsModel::streamName(const StreamFieldStore *store) const
{
    const auto *stream = d->find(store);
    return stream ? stream->name : QString();
}

void StatisticsModel::setUnitLookup(UnitLookup lookup)
{
    d->unitLookup = std::move(lookup);
}

void StatisticsModel::setFieldFilter(FieldFilter filter)
{
    d->filter = std::move(filter);
    d->sync();
}

void StatisticsModel::setRange(qint64 fromMs, qint64 toMs)
{
    d->fromMs = fromMs;
    d->toMs = toMs;
}

std::pair<qint64, qint64> StatisticsModel::range() const
{
    return {d->fromMs, d->toMs};
}

std::optional<std::pair<qint64, qint64>> StatisticsModel::historySpan() const
{
    std::optional<std::pair<qint64, qint64>> span;
    for (const auto &stream : d->streams) {
        const auto own = stream.store->timeSpan();
        if (!own)
            continue;
        const qint64 offset = stream.store->clockOffsetMs();
        const qint64 first = own->first - offset;
        const qint64 last = own->second - offset;
        span = span ? std::pair{std::min(span->first, first), std::max(span->second, last)} : std::pair{first, last};
    }
    return span;
}

void StatisticsModel::refresh()
{
    d->sync();
    int top = -1, bottom = -1, left = ColumnCount, right = -1;
    for (int r = 0; r < int(d->rows.size()); ++r) {
        Row &row = d->rows[r];
        const auto before = row.cells;
        d->compute(row);
        for (int c = 0; c < ColumnCount; ++c) {
            if (before[c] == row.cells[c])
                continue;
            if (top < 0)
                top = r;
            bottom = r;
            left = std::min(left, c);
            right = std::max(right, c);
        }
    }
    if (top >= 0)
        Q_EMIT dataChanged(index(top, left), index(bottom, right),
                           {Qt::DisplayRole, SortRole, Qt::ToolTipRole});
}

StreamFieldStore *StatisticsModel::storeAt(int row) const
{
    return row >= 0 && row < int(d->rows.size()) ? d->rows[row].store : nullptr;
}

QString StatisticsModel::keyAt(int row) const
{
    return row >= 0 && row < int(d->rows.size()) ? d->rows[row].key : QString();
}

int StatisticsModel::rowOf(const StreamFieldStore *store, const QString &key) const
{
    for (int row = 0; row < int(d->rows.size()); ++row) {
        if (d->rows[row].store == store && d->rows[row].key == key)
            return row;
    }
    return -1;
}

int StatisticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(d->rows.size());
}

int StatisticsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StatisticsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Cell &cell = d->rows[index.row()].cells[index.column()];
    switch (role) {
    case Qt::DisplayRole:
        return cell.text;
    case SortRole:
        return cell.value;
    case Qt::ToolTipRole:
        return cell.toolTip.isEmpty() ? QVariant() : QVariant(cell.toolTip);
    case Qt::TextAlignmentRole:
        return index.column() >= LastColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant StatisticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        static const char *const names[] = {
            QT_TR_NOOP("Stream"), QT_TR_NOOP("Field"), QT_TR_NOOP("Last"), QT_TR_NOOP("Min"),
            QT_TR_NOOP("Max"), QT_TR_NOOP("Mean"), QT_TR_NOOP("Std dev"), QT_TR_NOOP("Count"),
            QT_TR_NOOP("Rate (/s)"),
        };
        return tr(names[section]);
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case LastColumn: return tr("The newest sample in the range");
        case StdDevColumn: return tr("Population standard deviation of the samples in the range");
        case CountColumn: return tr("Samples in the range");
        case RateColumn: return tr("Samples per second over the range");
        default: return {};
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}
