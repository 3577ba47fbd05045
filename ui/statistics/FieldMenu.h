#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class DerivedSeriesDialog;
class QInputDialog;
class QMenu;
class QMessageBox;
class QWidget;
class StreamFieldStore;

// The context menu of a field in the Fields dock: "Set Unit…", "Add Derived Series…" and, on a
// derived series, "Remove Derived Series". The dialogs it opens are window-modal and do not block
// (open(), not exec()). A unit is a request (unitChosen()): the stream keeps units, not the store.
// Derived series are added to and removed from the stream's own store, which then lists or drops
// the field; the dialog shows why a spec was refused and stays open.
class FieldMenu : public QObject
{
    Q_OBJECT

public:
    explicit FieldMenu(QWidget *dialogParent);

    // The units offered first; any other can be typed.
    static QStringList commonUnits();

    // A menu for `key` of `store`, deleted when closed; its actions are named "setUnit",
    // "addDerived" and "removeDerived".
    QMenu *menuFor(StreamFieldStore *store, const QString &key, const QString &currentUnit);

    QInputDialog *askUnit(StreamFieldStore *store, const QString &key, const QString &currentUnit);
    DerivedSeriesDialog *askDerived(StreamFieldStore *store, const QString &key);
    QMessageBox *askRemoveDerived(StreamFieldStore *store, const QString &key);

Q_SIGNALS:
    void unitChosen(StreamFieldStore *store, const QString &key, const QString &unit);
    void derivedAdded(StreamFieldStore *store, const QString &key);
    void derivedRemoved(StreamFieldStore *store, const QString &key);

private:
    QWidget *m_dialogParent;
};
