#pragma once

#include "StreamFieldStore.h"

#include <QString>
#include <QWidget>

#include <functional>
#include <memory>

class ChartArea;
class FieldPickerPrivate;
class QAbstractItemModel;
class QComboBox;
class QMenu;
class QModelIndex;
class QTreeView;

// For a dock: a tree of the chart area's streams, each with its numeric fields (checked =
// plotted; fields of events other than "message" carry their type, "alert:/latency_ms") and a
// "Time axis" choice (receive time or a timestamp field of the payload). Follows fields as they
// are discovered. Choosing a time axis is a request: the owner of the stores applies it (and
// replots from its capture); the combo follows the store. A field's context menu sets its unit
// (a request too, as units belong to the stream) and adds or removes derived series, which the
// stream's own store computes.
class FieldPicker : public QWidget
{
    Q_OBJECT

public:
    explicit FieldPicker(ChartArea *area, QWidget *parent = nullptr);
    ~FieldPicker() override;

    QTreeView *view() const;
    QAbstractItemModel *model() const;

    // The row of a field (invalid when not shown) and the time axis combo of a stream.
    QModelIndex fieldIndex(StreamFieldStore *store, const QString &path) const;
    QComboBox *timeAxisCombo(StreamFieldStore *store) const;

    // What checking a field's box does.
    void setFieldChecked(StreamFieldStore *store, const QString &path, bool checked);
    bool isFieldChecked(StreamFieldStore *store, const QString &path) const;

    // The unit of a stream's field (empty for none), shown in its row ("/bytes  [B/s]"). Read
    // again on the picker's own tick, after each unitChangeRequested(), and by updateUnits().
    using UnitLookup = std::function<QString(const StreamFieldStore *store, const QString &key)>;
    void setUnitLookup(UnitLookup lookup);
    void updateUnits();

    // The context menu of a row (deleted when closed); nullptr for a row that is not a field.
    QMenu *contextMenu(const QModelIndex &index);

Q_SIGNALS:
    // `path` is the key of the timestamp field; empty for ReceiveTime.
    void timeSourceChangeRequested(StreamFieldStore *store, StreamFieldStore::TimeSource source,
                                   const QString &path);
    // "Set Unit…" was answered; an empty unit is none.
    void unitChangeRequested(StreamFieldStore *store, const QString &key, const QString &unit);

private:
    std::unique_ptr<FieldPickerPrivate> d;
};
