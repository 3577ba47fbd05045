#pragma once

#include "WorkspaceAlerts.h"

#include <QAbstractTableModel>
#include <QColor>

#include <deque>

// The alert history of a workspace, oldest first: one row per rule firing or resolving on a
// stream. Rows are appended as WorkspaceAlerts announces them, the oldest leave when the history
// is at its cap, and a cleared history empties the model. The model keeps its own copy of the rows
// so that what views were told always matches what it shows.
class AlertHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        StreamColumn,
        RuleColumn,
        StateColumn,
        ValueColumn,
        DurationColumn,
        DetailColumn,
        ColumnCount
    };
    enum Role {
        StreamIdRole = Qt::UserRole + 1, // quint64
        StateRole,                       // int: AlertTransition::State
        TimeRole,                        // qint64: ms since the epoch
    };

    explicit AlertHistoryModel(WorkspaceAlerts *alerts, QObject *parent = nullptr);
    ~AlertHistoryModel() override;

    const AlertHistoryEntry &entry(int row) const { return m_rows.at(size_t(row)); }

    static QString stateText(AlertTransition::State state);
    static QColor stateColor(AlertTransition::State state);
    // "19:00:01", local time.
    static QString timeText(qint64 ms);
    static QString valueText(const std::optional<double> &value);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void append(const AlertHistoryEntry &entry);
    void reload();
    QString displayText(const AlertHistoryEntry &entry, int column) const;
    QString toolTip(const AlertHistoryEntry &entry, int column) const;

    WorkspaceAlerts *m_alerts;
    std::deque<AlertHistoryEntry> m_rows;
};
