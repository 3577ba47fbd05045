#pragma once

#include "ShortcutModel.h"

#include <QDialog>
#include <QList>

class QLineEdit;
class QMainWindow;
class QSortFilterProxyModel;
class QTableView;

// Help ▸ Keyboard Shortcuts: a window beside the dashboard (not modal) listing every shortcut of
// the window's actions, read from the actions each time it opens, and the keys and mouse gestures
// of the charts and the log that are no action. Typing in the filter field narrows the rows.
class ShortcutSheet : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutSheet(QMainWindow *window);

    // Reads the window's actions again, shows the sheet (or raises it) and puts the focus in the filter.
    void showSheet();
    // Reads the window's actions again; the filter stays.
    void refresh();

    QLineEdit *filterEdit() const { return m_filterEdit; }
    QTableView *view() const { return m_view; }
    // The rows as shown: filtered and sorted.
    QSortFilterProxyModel *rows() const { return m_proxy; }

    // The keys and gestures of the charts and the log that no action carries (Ctrl+wheel, arrow
    // keys, …): the one place they are listed.
    static QList<ShortcutModel::Entry> viewKeys();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QMainWindow *m_window;
    ShortcutModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filterEdit;
    QTableView *m_view;
    bool m_sized = false;
};
