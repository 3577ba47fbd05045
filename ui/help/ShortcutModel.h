#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

class QMainWindow;

// The rows of the Keyboard Shortcuts sheet: what a key does, the key, and where it is (a menu, a
// dock, or the charts). Rows are read from the window's actions when the sheet opens, so that the
// actions stay the only place a shortcut is written down.
class ShortcutModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ActionColumn, KeysColumn, PlaceColumn, ColumnCount };
    // Sorting by place keeps the menu bar's order (File, Stream, View, Help, then docks and views)
    // and each menu's own order; the other columns sort by their text.
    static constexpr int SortRole = Qt::UserRole;

    struct Entry
    {
        QString action;   // "Add Stream…"
        QString keys;     // "Ctrl+N", or "F1, Ctrl+/" for an action with two
        QString place;    // "Stream", "File ▸ Recent Sessions", "Charts"
        QString toolTip;  // what it does, when the text alone does not say
    };

    explicit ShortcutModel(QObject *parent = nullptr);

    // Every visible action of `window` that has a shortcut, once each: the menu bar's menus
    // (submenus included) first, then actions added to the window or to a widget inside it
    // (docks, floating ones included), placed under the dock's title.
    static QList<Entry> actionEntries(const QMainWindow *window);
    // "&Save && Quit…" -> "Save & Quit…"
    static QString plainText(const QString &text);

    void setEntries(const QList<Entry> &entries);
    const QList<Entry> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Entry> m_entries;
    QList<int> m_placeOrder; // per row: the rank of its place, in order of first appearance
};
