#pragma once

#include "WorkspaceAlerts.h"

#include <QWidget>

#include <functional>
#include <optional>

class AlertHistoryModel;
class AlertRulesModel;
class QAction;
class QCheckBox;
class QPushButton;
class QTableView;
class Workspace;

// The Alerts dock: the rules (add, edit, remove, enable) with where each stands, and below them
// the history of transitions, newest at the bottom, with the notification settings.
//
// Removing a rule and clearing the history ask first. The history view follows its newest row
// while it is scrolled to the bottom.
class AlertsPane : public QWidget
{
    Q_OBJECT

public:
    // Asks a yes/no question; true for yes.
    using Confirm = std::function<bool(const QString &title, const QString &question)>;
    // Shows the rule dialog: the rule as edited, or nullopt when cancelled.
    using RuleEditor = std::function<std::optional<WatchedRule>(const std::optional<WatchedRule> &rule)>;

    explicit AlertsPane(Workspace *workspace, QWidget *parent = nullptr);
    ~AlertsPane() override;

    AlertRulesModel *rulesModel() const { return m_rulesModel; }
    AlertHistoryModel *historyModel() const { return m_historyModel; }
    QTableView *rulesView() const { return m_rulesView; }
    QTableView *historyView() const { return m_historyView; }
    QAction *addAction() const { return m_addAction; }
    QAction *editAction() const { return m_editAction; }
    QAction *removeAction() const { return m_removeAction; }
    QAction *clearHistoryAction() const { return m_clearHistoryAction; }
    QCheckBox *notificationsBox() const { return m_notificationsBox; }
    QCheckBox *soundBox() const { return m_soundBox; }

    // For tests, or another way of asking: the defaults are a message box and AlertRuleDialog.
    void setConfirm(Confirm confirm);
    void setRuleEditor(RuleEditor editor);

    // Reads the notification flags again (after a session was applied).
    void syncSettings();

    void addRule();
    void editRule(int row);
    void removeRule(int row);
    void clearHistory();
    int currentRule() const;

private:
    void updateActions();
    bool confirm(const QString &title, const QString &question);
    std::optional<WatchedRule> runEditor(const std::optional<WatchedRule> &rule);

    Workspace *m_workspace;
    WorkspaceAlerts *m_alerts;
    AlertRulesModel *m_rulesModel;
    AlertHistoryModel *m_historyModel;
    QTableView *m_rulesView;
    QTableView *m_historyView;
    QAction *m_addAction;
    QAction *m_editAction;
    QAction *m_removeAction;
    QAction *m_clearHistoryAction;
    QCheckBox *m_notificationsBox;
    QCheckBox *m_soundBox;
    Confirm m_confirm;
    RuleEditor m_ruleEditor;
    bool m_historyAtBottom = true;
};
