#pragma once

#include "WorkspaceAlerts.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <array>

class Workspace;

// The workspace's alert rules, one row each: the rule (checkable: enabled), the stream it watches,
// where it stands and the last value it read. Rows follow WorkspaceAlerts::rulesChanged(); states
// follow its transitions, and the values the text tick of the workspace.
class AlertRulesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { RuleColumn, StreamColumn, StateColumn, ValueColumn, ColumnCount };
    enum Role {
        FiringRole = Qt::UserRole + 1, // int: streams the rule is firing on
        StreamIdRole,                  // quint64: 0 for every stream
    };

    explicit AlertRulesModel(Workspace *workspace, QObject *parent = nullptr);
    ~AlertRulesModel() override;

    WorkspaceAlerts *alerts() const { return m_alerts; }
    WatchedRule rule(int row) const { return m_alerts->rules().value(row); }

    // The rules firing on a stream, by text: what the stream list's badge shows.
    static QStringList firingRuleTexts(const WorkspaceAlerts *alerts, quint64 streamId);
    static QString everyStreamText();
    QString streamText(quint64 streamId) const;

    // Re-reads states and values; cells whose text changed are announced.
    void refresh();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Standing
    {
        int firing = 0;
        int watched = 0;
        qint64 sinceMs = 0; // the earliest firing
        std::optional<double> firingValue;
        std::optional<double> anyValue;
    };
    using Texts = std::array<QString, ColumnCount>;

    void rulesChanged();
    QList<Standing> standings() const;
    Texts textsOf(int row, const Standing &standing) const;
    QString stateText(int row, const Standing &standing) const;

    Workspace *m_workspace;
    WorkspaceAlerts *m_alerts;
    QList<Standing> m_standings;
    QList<Texts> m_shown;
};
