#pragma once

#include "StreamFieldStore.h"

#include <QString>
#include <QWidget>

#include <memory>

class ChartArea;
class FieldPickerPrivate;
class QAbstractItemModel;
class QComboBox;
class QModelIndex;
class QTreeView;

// For a dock: a tree of the chart area's streams, each with its numeric fields (checked =
// plotted; fields of events other than "message" carry their type, "alert:/latency_ms") and a
// "Time axis" choice (receive time or a timestamp field of the payload). Follows fields as they
// are discovered. Choosing a time axis is a request: the owner of the stores applies it (and
// replots from its capture); the combo follows the store.
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

Q_SIGNALS:
    // `path` is the key of the timestamp field; empty for ReceiveTime.
    void timeSourceChangeRequested(StreamFieldStore *store, StreamFieldStore::TimeSource source,
                                   const QString &path);

private:
    std::unique_ptr<FieldPickerPrivate> d;
};
