#include "AlertRulesModel.h"

#include "AlertHistoryModel.h"
#include "Workspace.h"

AlertRulesModel::AlertRulesModel(Workspace *workspace, QObject *parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
    , m_alerts(workspace->alerts())
{
    m_standings = standings();
    for (int row = 0; row < m_standings.size(); ++row)
        m_shown.append(textsOf(row, m_standings.at(row)));
    connect(m_alerts, &WorkspaceAlerts::rulesChanged, this, &AlertRulesModel::rulesChanged);
    connect(m_alerts, &WorkspaceAlerts::transition, this, &AlertRulesModel::refresh);
    // Values change without a transition; the text tick is as often as anyone can read them.
    connect(m_workspace, &Workspace::textTicked, this, &AlertRulesModel::refresh);
    connect(m_workspace, &Workspace::streamChanged, this, &AlertRulesModel::refresh);
    connect(m_workspace, &Workspace::streamRemoved, this, &AlertRulesModel::refresh);
    connect(m_workspace, &Workspace::streamAdded, this, &AlertRulesModel::refresh);
}

AlertRulesModel::~AlertRulesModel() = default;

QStringList AlertRulesModel::firingRuleTexts(const WorkspaceAlerts *alerts, quint64 streamId)
{
    QStringList texts;
    for (const AlertStatus &status : alerts->statuses()) {
        if (status.stream == streamId && status.state == AlertTransition::State::Firing)
            texts.append(alerts->rules().value(status.rule).text);
    }
    return texts;
}

QString AlertRulesModel::everyStreamText()
{
    return tr("Every stream");
}

QString AlertRulesModel::streamText(quint64 streamId) const
{
    if (streamId == 0)
        return everyStreamText();
    const Stream *stream = m_workspace->stream(streamId);
    return stream ? stream->name() : tr("(removed stream)");
}

QList<AlertRulesModel::Standing> AlertRulesModel::standings() const
{
    QList<Standing> list(m_alerts->rules().size());
    for (const AlertStatus &status : m_alerts->statuses()) {
        if (status.rule < 0 || status.rule >= list.size())
            continue;
        Standing &s = list[status.rule];
        ++s.watched;
        const bool firing = status.state == AlertTransition::State::Firing;
        if (firing) {
            ++s.firing;
            s.sinceMs = s.sinceMs == 0 ? status.sinceMs : qMin(s.sinceMs, status.sinceMs);
        }
        // A firing stream's value says why the rule fires; otherwise any stream's will do.
        if (status.lastValue && (firing ? !s.firingValue : !s.anyValue))
            (firing ? s.firingValue : s.anyValue) = status.lastValue;
    }
    return list;
}

QString AlertRulesModel::stateText(int row, const Standing &s) const
{
    const WatchedRule r = rule(row);
    if (!r.enabled)
        return tr("Disabled");
    if (s.firing == 0)
        return s.watched == 0 ? tr("No stream to watch") : tr("Ok");
    const QString since = AlertHistoryModel::timeText(s.sinceMs);
    if (r.stream != 0)
        return tr("Firing since %1").arg(since);
    return s.firing == 1 ? tr("Firing on 1 stream since %1").arg(since)
                         : tr("Firing on %1 streams since %2").arg(s.firing).arg(since);
}

AlertRulesModel::Texts AlertRulesModel::textsOf(int row, const Standing &s) const
{
    const WatchedRule r = rule(row);
    return {r.text, streamText(r.stream), stateText(row, s), AlertHistoryModel::valueText(s.firingValue ? s.firingValue : s.anyValue)};
}

void AlertRulesModel::rulesChanged()
{
    const int count = int(m_alerts->rules().size());
    if (count != m_shown.size()) {
        beginResetModel();
        m_standings = standings();
        m_shown.clear();
        for (int row = 0; row < count; ++row)
            m_shown.append(textsOf(row, m_standings.at(row)));
        endResetModel();
        return;
    }
    refresh();
    // The check state is no text: announce it whatever the texts did.
    if (count > 0)
        Q_EMIT dataChanged(index(0, RuleColumn), index(count - 1, RuleColumn), {Qt::CheckStateRole});
}

void AlertRulesModel::refresh()
{
    if (m_alerts->rules().size() != m_shown.size())
        return rulesChanged();
    m_standings = standings();
    for (int row = 0; row < m_shown.size(); ++row) {
        Texts texts = textsOf(row, m_standings.at(row));
        int first = ColumnCount;
        int last = -1;
        for (int column = 0; column < ColumnCount; ++column) {
            if (texts[size_t(column)] == m_shown[row][size_t(column)])
                continue;
            first = qMin(first, column);
            last = column;
        }
        if (last < 0)
            continue;
        m_shown[row] = std::move(texts);
        Q_EMIT dataChanged(index(row, first), index(row, last));
    }
}

int AlertRulesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

int AlertRulesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertRulesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Standing &s = m_standings.at(row);
    switch (role) {
    case Qt::DisplayRole:
        return m_shown.at(row)[size_t(index.column())];
    case Qt::CheckStateRole:
        if (index.column() == RuleColumn)
            return rule(row).enabled ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::ForegroundRole:
        if (index.column() == StateColumn && s.firing > 0)
            return AlertHistoryModel::stateColor(AlertTransition::State::Firing);
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case RuleColumn:
            return tr("%1\nUncheck to disable the rule without removing it").arg(rule(row).text);
        case ValueColumn:
            return tr("The last value the rule read");
        }
        return m_shown.at(row)[size_t(index.column())];
    case FiringRole:
        return s.firing;
    case StreamIdRole:
        return QVariant::fromValue(rule(row).stream);
    }
    return {};
}

bool AlertRulesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.column() != RuleColumn || role != Qt::CheckStateRole)
        return false;
    QList<WatchedRule> rules = m_alerts->rules();
    rules[index.row()].enabled = Qt::CheckState(value.toInt()) == Qt::Checked;
    return m_alerts->setRules(rules);
}

Qt::ItemFlags AlertRulesModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == RuleColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant AlertRulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RuleColumn: return tr("Rule");
    case StreamColumn: return tr("Stream");
    case StateColumn: return tr("State");
    case ValueColumn: return tr("Last value");
    }
    return {};
}
