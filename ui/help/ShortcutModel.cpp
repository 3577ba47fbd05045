#include "ShortcutModel.h"

#include <QAction>
#include <QDockWidget>
#include <QKeySequence>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QStringList>

namespace {

QString keysOf(const QAction *action)
{
    QStringList keys;
    for (const QKeySequence &sequence : action->shortcuts())
        keys.append(sequence.toString(QKeySequence::NativeText));
    return keys.join(QStringLiteral(", "));
}

// Where an action that is in no menu lives: the title of the dock around `widget`, else the window.
QString placeOf(const QWidget *widget)
{
    for (; widget; widget = widget->parentWidget()) {
        if (const auto *dock = qobject_cast<const QDockWidget *>(widget))
            return ShortcutModel::plainText(dock->windowTitle());
    }
    return ShortcutModel::tr("Window");
}

class Collector
{
public:
    QList<ShortcutModel::Entry> entries;

    void add(const QAction *action, const QString &place)
    {
        if (action->isSeparator() || !action->isVisible() || action->shortcuts().isEmpty() || m_seen.contains(action))
            return;
        m_seen.insert(action);
        const QString toolTip = action->statusTip().isEmpty() ? action->toolTip() : action->statusTip();
        entries.append({ShortcutModel::plainText(action->text()), keysOf(action), place, toolTip});
    }

    void addMenu(const QMenu *menu, const QString &place)
    {
        for (const QAction *action : menu->actions()) {
            if (const QMenu *submenu = action->menu())
                addMenu(submenu, place + QStringLiteral(" \u25B8 ") + ShortcutModel::plainText(submenu->title()));
            else
                add(action, place);
        }
    }

private:
    QSet<const QAction *> m_seen;
};

} // namespace

ShortcutModel::ShortcutModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString ShortcutModel::plainText(const QString &text)
{
    QString plain;
    plain.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'&' && i + 1 < text.size())
            ++i; // "&&" is a literal '&', "&x" marks the mnemonic x
        else if (text.at(i) == u'&')
            continue;
        plain.append(text.at(i));
    }
    return plain;
}

QList<ShortcutModel::Entry> ShortcutModel::actionEntries(const QMainWindow *window)
{
    Collector collector;
    if (QMenuBar *bar = window->menuBar()) {
        for (const QAction *action : bar->actions()) {
            if (const QMenu *menu = action->menu())
                collector.addMenu(menu, plainText(menu->title()));
            else
                collector.add(action, tr("Menu bar"));
        }
    }
    for (const QAction *action : window->actions())
        collector.add(action, tr("Window"));
    for (const QWidget *widget : window->findChildren<QWidget *>()) {
        for (const QAction *action : widget->actions())
            collector.add(action, placeOf(widget));
    }
    return collector.entries;
}

void ShortcutModel::setEntries(const QList<Entry> &entries)
{
    beginResetModel();
    m_entries = entries;
    m_placeOrder.clear();
    QStringList places;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (!places.contains(entry.place))
            places.append(entry.place);
        m_placeOrder.append(int(places.indexOf(entry.place)));
    }
    endResetModel();
}

int ShortcutModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ShortcutModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ShortcutModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    const auto text = [&entry](int column) {
        switch (column) {
        case ActionColumn:
            return entry.action;
        case KeysColumn:
            return entry.keys;
        default:
            return entry.place;
        }
    };
    switch (role) {
    case Qt::DisplayRole:
        return text(index.column());
    case Qt::ToolTipRole:
        return entry.toolTip.isEmpty() ? QVariant() : QVariant(entry.toolTip);
    case SortRole:
        if (index.column() == PlaceColumn)
            return qint64(m_placeOrder.at(index.row())) * 1000000 + index.row();
        return text(index.column());
    default:
        return {};
    }
}

QVariant ShortcutModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ActionColumn:
        return tr("Action");
    case KeysColumn:
        return tr("Shortcut");
    case PlaceColumn:
        return tr("Menu");
    default:
        return {};
    }
}
