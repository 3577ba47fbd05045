#include "FieldMenu.h"

#include "DerivedSeriesDialog.h"
#include "StreamFieldStore.h"

#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QWidget>

FieldMenu::FieldMenu(QWidget *dialogParent)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
{
}

QStringList FieldMenu::commonUnits()
{
    return {QStringLiteral("B"), QStringLiteral("B/s"), QStringLiteral("bit/s"), QStringLiteral("ms"),
            QStringLiteral("s"), QStringLiteral("%"), QStringLiteral("°C"), QStringLiteral("req/s"),
            QStringLiteral("events/s")};
}

QMenu *FieldMenu::menuFor(StreamFieldStore *store, const QString &key, const QString &currentUnit)
{
    auto *menu = new QMenu(m_dialogParent);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<StreamFieldStore> guarded(store);

    QAction *unit = menu->addAction(tr("Set &Unit…"), this, [this, guarded, key, currentUnit] {
        if (guarded)
            askUnit(guarded, key, currentUnit);
    });
    unit->setObjectName(QStringLiteral("setUnit"));
    unit->setToolTip(tr("The unit of %1, for axes, readouts and statistics").arg(key));

    QAction *add = menu->addAction(tr("Add &Derived Series…"), this, [this, guarded, key] {
        if (guarded)
            askDerived(guarded, key);
    });
    add->setObjectName(QStringLiteral("addDerived"));
    add->setToolTip(tr("A rate, moving average, difference or ratio computed from %1").arg(key));

    if (StreamFieldStore::isDerivedKey(key) && store->derivedKeys().contains(key)) {
        menu->addSeparator();
        QAction *remove = menu->addAction(tr("&Remove Derived Series"), this, [this, guarded, key] {
            if (guarded)
                askRemoveDerived(guarded, key);
        });
        remove->setObjectName(QStringLiteral("removeDerived"));
    }
    return menu;
}

QInputDialog *FieldMenu::askUnit(StreamFieldStore *store, const QString &key, const QString &currentUnit)
{
    auto *dialog = new QInputDialog(m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("unitDialog"));
    dialog->setWindowTitle(tr("Set Unit"));
    dialog->setLabelText(tr("Unit of %1 (empty for none):").arg(key));
    QStringList units = commonUnits();
    units.prepend(QString());
    if (!units.contains(currentUnit))
        units.append(currentUnit);
    dialog->setComboBoxItems(units);
    dialog->setComboBoxEditable(true);
    dialog->setTextValue(currentUnit);
    QPointer<StreamFieldStore> guarded(store);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, guarded, key](const QString &text) {
        if (guarded)
            Q_EMIT unitChosen(guarded, key, text.trimmed());
    });
    dialog->open();
    return dialog;
}

DerivedSeriesDialog *FieldMenu::askDerived(StreamFieldStore *store, const QString &key)
{
    QStringList sources;
    for (const QString &field : store->fieldPaths()) {
        if (!StreamFieldStore::isDerivedKey(field))
            sources.append(field);
    }
    auto *dialog = new DerivedSeriesDialog(sources, StreamFieldStore::isDerivedKey(key) ? QString() : key,
                                           m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("derivedSeriesDialog"));
    QPointer<StreamFieldStore> guarded(store);
    dialog->setApply([this, guarded](const QString &spec, QString *error) {
        if (!guarded) {
            *error = tr("the stream is gone");
            return false;
        }
        const QStringList before = guarded->derivedKeys();
        if (!guarded->addDerived(spec, error))
            return false;
        // The store names the series; it may write the spec its own way.
        for (const QString &added : guarded->derivedKeys()) {
            if (!before.contains(added))
                Q_EMIT derivedAdded(guarded, added);
        }
        return true;
    });
    dialog->open();
    return dialog;
}

QMessageBox *FieldMenu::askRemoveDerived(StreamFieldStore *store, const QString &key)
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove Derived Series"),
                                tr("Remove the derived series %1? The fields it is computed from stay.").arg(key),
                                QMessageBox::Cancel, m_dialogParent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("removeDerivedQuestion"));
    QPushButton *remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    QPointer<StreamFieldStore> guarded(store);
    connect(box, &QMessageBox::buttonClicked, this, [this, guarded, key, remove](QAbstractButton *button) {
        if (button == remove && guarded && guarded->removeDerived(key))
            Q_EMIT derivedRemoved(guarded, key);
    });
    box->open();
    return box;
}
