#include "AlertsPane.h"

#include "AlertHistoryModel.h"
#include "AlertRuleDialog.h"
#include "AlertRulesModel.h"
#include "Workspace.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

QTableView *makeTable(QWidget *parent, const QString &name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setShowGrid(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

QToolButton *makeButton(QWidget *parent, QAction *action)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

QAction *makeAction(QWidget *parent, const QString &text, const QString &name, const QString &tip)
{
    auto *action = new QAction(text, parent);
    action->setObjectName(name);
    action->setToolTip(tip);
    action->setStatusTip(tip);
    return action;
}

} // namespace

namespace {

// Gives keys pressed in a table to actions, before any window shortcut can take them.
class TableKeys : public QObject
{
public:
    TableKeys(QObject *parent, QHash<int, QAction *> actions)
        : QObject(parent)
        , m_actions(std::move(actions))
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress)
            return QObject::eventFilter(watched, event);
        auto *key = static_cast<QKeyEvent *>(event);
        QAction *action = key->modifiers() == Qt::NoModifier ? m_actions.value(key->key()) : nullptr;
        if (!action)
            return QObject::eventFilter(watched, event);
        event->accept();
        if (event->type() == QEvent::KeyPress && action->isEnabled())
            action->trigger();
        return event->type() == QEvent::KeyPress;
    }

private:
    QHash<int, QAction *> m_actions;
};

} // namespace

AlertsPane::AlertsPane(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_alerts(workspace->alerts())
    , m_rulesModel(new AlertRulesModel(workspace, this))
    , m_historyModel(new AlertHistoryModel(workspace->alerts(), this))
    , m_rulesView(makeTable(this, QStringLiteral("alertRulesView")))
    , m_historyView(makeTable(this, QStringLiteral("alertHistoryView")))
    , m_addAction(makeAction(this, tr("&Add\u2026"), QStringLiteral("addAlertRuleAction"),
                             tr("Add an alert rule (Insert)")))
    , m_editAction(makeAction(this, tr("&Edit\u2026"), QStringLiteral("editAlertRuleAction"),
                              tr("Edit the selected rule (double-click)")))
    , m_removeAction(makeAction(this, tr("&Remove"), QStringLiteral("removeAlertRuleAction"),
                                tr("Remove the selected rule (Delete)")))
    , m_clearHistoryAction(makeAction(this, tr("&Clear History"), QStringLiteral("clearAlertHistoryAction"),
                                      tr("Forget every transition listed; the rules stay")))
    , m_notificationsBox(new QCheckBox(tr("Desktop &notifications"), this))
    , m_soundBox(new QCheckBox(tr("&Sound"), this))
{
    m_rulesView->setModel(m_rulesModel);
    m_rulesView->horizontalHeader()->resizeSection(AlertRulesModel::RuleColumn,
                                                   fontMetrics().horizontalAdvance(QStringLiteral("/cpu/load[0] >= 0.9 for 10s")) + 48);
    m_historyView->setModel(m_historyModel);
    m_historyView->horizontalHeader()->resizeSection(AlertHistoryModel::TimeColumn,
                                                     fontMetrics().horizontalAdvance(QStringLiteral("00:00:00")) + 24);

    // Shortcuts of the rules table only: Delete elsewhere in the window is someone else's.
    // Keys of the rules table, not shortcuts: Delete is the window's "remove stream" elsewhere.
    m_rulesView->installEventFilter(new TableKeys(m_rulesView, {{Qt::Key_Insert, m_addAction}, {Qt::Key_Delete, m_removeAction}}));

    m_notificationsBox->setObjectName(QStringLiteral("alertNotificationsBox"));
    m_notificationsBox->setToolTip(tr("Show a desktop notification when a rule fires"));
    m_soundBox->setObjectName(QStringLiteral("alertSoundBox"));
    m_soundBox->setToolTip(tr("Beep when a rule fires"));
    syncSettings();

    auto *ruleBar = new QHBoxLayout;
    ruleBar->addWidget(new QLabel(tr("Rules"), this));
    ruleBar->addStretch(1);
    for (QAction *action : {m_addAction, m_editAction, m_removeAction})
        ruleBar->addWidget(makeButton(this, action));
    auto *rulesBox = new QWidget(this);
    auto *rulesLayout = new QVBoxLayout(rulesBox);
    rulesLayout->setContentsMargins(0, 0, 0, 0);
    rulesLayout->addLayout(ruleBar);
    rulesLayout->addWidget(m_rulesView, 1);

    auto *historyBar = new QHBoxLayout;
    historyBar->addWidget(new QLabel(tr("History"), this));
    historyBar->addStretch(1);
    historyBar->addWidget(m_notificationsBox);
    historyBar->addWidget(m_soundBox);
    historyBar->addWidget(makeButton(this, m_clearHistoryAction));
    auto *historyBox = new QWidget(this);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addLayout(historyBar);
    historyLayout->addWidget(m_historyView, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(rulesBox);
    splitter->addWidget(historyBox);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->addWidget(splitter);

    connect(m_addAction, &QAction::triggered, this, &AlertsPane::addRule);
    connect(m_editAction, &QAction::triggered, this, [this] { editRule(currentRule()); });
    connect(m_removeAction, &QAction::triggered, this, [this] { removeRule(currentRule()); });
    connect(m_clearHistoryAction, &QAction::triggered, this, &AlertsPane::clearHistory);
    connect(m_rulesView, &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex &index) { editRule(index.row()); });
    connect(m_rulesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AlertsPane::updateActions);
    connect(m_rulesModel, &QAbstractItemModel::modelReset, this, &AlertsPane::updateActions);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_historyModel, signal, this, &AlertsPane::updateActions);
    }
    connect(m_historyModel, &QAbstractItemModel::modelReset, this, &AlertsPane::updateActions);
    connect(m_notificationsBox, &QCheckBox::toggled, this,
            [this](bool on) { m_alerts->setDesktopNotifications(on); });
    connect(m_soundBox, &QCheckBox::toggled, this, [this](bool on) { m_alerts->setSound(on); });
    connect(m_alerts, &WorkspaceAlerts::rulesChanged, this, &AlertsPane::syncSettings);

    // Follows the newest transition only while the user has not scrolled up to read older ones.
    connect(m_historyModel, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *bar = m_historyView->verticalScrollBar();
        m_historyAtBottom = bar->value() >= bar->maximum();
    });
    connect(m_historyModel, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_historyAtBottom)
            m_historyView->scrollToBottom();
    });
    updateActions();
}

AlertsPane::~AlertsPane() = default;

void AlertsPane::setConfirm(Confirm confirm)
{
    m_confirm = std::move(confirm);
}

void AlertsPane::setRuleEditor(RuleEditor editor)
{
    m_ruleEditor = std::move(editor);
}

void AlertsPane::syncSettings()
{
    const QSignalBlocker notifications(m_notificationsBox);
    const QSignalBlocker sound(m_soundBox);
    m_notificationsBox->setChecked(m_alerts->desktopNotifications());
    m_soundBox->setChecked(m_alerts->sound());
}

int AlertsPane::currentRule() const
{
    const QModelIndex current = m_rulesView->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void AlertsPane::updateActions()
{
    const bool hasRule = currentRule() >= 0;
    m_editAction->setEnabled(hasRule);
    m_removeAction->setEnabled(hasRule);
    m_clearHistoryAction->setEnabled(m_historyModel->rowCount() > 0);
}

bool AlertsPane::confirm(const QString &title, const QString &question)
{
    if (m_confirm)
        return m_confirm(title, question);
    return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::No)
        == QMessageBox::Yes;
}

std::optional<WatchedRule> AlertsPane::runEditor(const std::optional<WatchedRule> &rule)
{
    if (m_ruleEditor)
        return m_ruleEditor(rule);
    AlertRuleDialog dialog(m_workspace, this);
    if (rule)
        dialog.setRule(*rule);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.rule();
}

void AlertsPane::addRule()
{
    const std::optional<WatchedRule> rule = runEditor(std::nullopt);
    if (!rule)
        return;
    QList<WatchedRule> rules = m_alerts->rules();
    rules.append(*rule);
    if (m_alerts->setRules(rules))
        m_rulesView->setCurrentIndex(m_rulesModel->index(int(rules.size()) - 1, 0));
}

void AlertsPane::editRule(int row)
{
    QList<WatchedRule> rules = m_alerts->rules();
    if (row < 0 || row >= rules.size())
        return;
    const std::optional<WatchedRule> rule = runEditor(rules.at(row));
    if (!rule)
        return;
    rules[row] = *rule;
    if (m_alerts->setRules(rules))
        m_rulesView->setCurrentIndex(m_rulesModel->index(row, 0));
}

void AlertsPane::removeRule(int row)
{
    QList<WatchedRule> rules = m_alerts->rules();
    if (row < 0 || row >= rules.size())
        return;
    if (!confirm(tr("Remove Alert Rule"), tr("Remove the rule %1?").arg(rules.at(row).text)))
        return;
    rules.removeAt(row);
    m_alerts->setRules(rules);
    if (!rules.isEmpty())
        m_rulesView->setCurrentIndex(m_rulesModel->index(qMin(row, int(rules.size()) - 1), 0));
}

void AlertsPane::clearHistory()
{
    if (m_historyModel->rowCount() == 0)
        return;
    const int rows = m_historyModel->rowCount();
    const QString question = rows == 1 ? tr("Forget the transition listed? The rules stay.")
                                       : tr("Forget the %1 transitions listed? The rules stay.").arg(rows);
    if (!confirm(tr("Clear Alert History"), question))
        return;
    m_alerts->clearHistory();
}
