#pragma once

#include <QString>

class QTableView;
class QWidget;

namespace TableViews {

// A table of rows that the view never measures: fixed row heights, whole-row selection, no grid,
// eliding text, whatever the number of rows.
QTableView *create(QWidget *parent);

// Room for `sample` in a column, padding included.
int textWidth(const QWidget *widget, const QString &sample);

} // namespace TableViews
