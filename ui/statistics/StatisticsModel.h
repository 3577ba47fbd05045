#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

class StatisticsModelPrivate;
class StreamFieldStore;

// One row per numeric field of every stream given (derived series included), in the order the
// streams were added and the fields discovered: the last value and the minimum, maximum, mean,
// population standard deviation, count and rate of the samples in a time range, formatted with
// the field's unit. Under Qt::UserRole (SortRole) each cell holds its raw value for sorting (a
// double, the count as qint64, the names as text; nothing where there is no value).
//
// Rows come as fields are discovered and go with their stream (or their derived series); a
// filter can leave fields out ("only plotted fields"). Values are recomputed by refresh(), which
// signals dataChanged() once, over the rectangle of the cells that changed. Nothing is owned;
// a store that is destroyed leaves the model.
class StatisticsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { StreamColumn, FieldColumn, LastColumn, MinColumn, MaxColumn, MeanColumn,
                  StdDevColumn, CountColumn, RateColumn, ColumnCount };
    Q_ENUM(Column)
    static constexpr int SortRole = Qt::UserRole;

    using UnitLookup = std::function<QString(const StreamFieldStore *store, const QString &key)>;
    using FieldFilter = std::function<bool(const StreamFieldStore *store, const QString &key)>;

    explicit StatisticsModel(QObject *parent = nullptr);
    ~StatisticsModel() override;

    void addStream(StreamFieldStore *store, const QString &name);
    void removeStream(StreamFieldStore *store);
    void renameStream(StreamFieldStore *store, const QString &name);
    QList<StreamFieldStore *> streams() const;
    QString streamName(const StreamFieldStore *store) const;

    // Read on refresh(); empty units without one.
    void setUnitLookup(UnitLookup lookup);
    // Which fields have a row (re-read on refresh()); every field without one.
    void setFieldFilter(FieldFilter filter);

    // The samples with fromMs <= time <= toMs on the receive clock (ms since the epoch). A stream
    // timed by a payload clock is read at the same span of its own clock, shifted by its
    // StreamFieldStore::clockOffsetMs(), as its chart shows it. Applied by refresh().
    void setRange(qint64 fromMs, qint64 toMs);
    std::pair<qint64, qint64> range() const;
    // The first and last sample time over every stream, on the receive clock; nullopt when empty.
    std::optional<std::pair<qint64, qint64>> historySpan() const;

    void refresh();

    StreamFieldStore *storeAt(int row) const;
    QString keyAt(int row) const;
    int rowOf(const StreamFieldStore *store, const QString &key) const; // -1 when not shown

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    friend class StatisticsModelPrivate;
    std::unique_ptr<StatisticsModelPrivate> d;
};
