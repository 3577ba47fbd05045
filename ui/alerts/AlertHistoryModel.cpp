#include "AlertHistoryModel.h"

#include "DisplayTime.h"

#include <QDateTime>

AlertHistoryModel::AlertHistoryModel(WorkspaceAlerts *alerts, QObject *parent)
    : QAbstractTableModel(parent)
    , m_alerts(alerts)
    , m_rows(alerts->history())
{
    connect(m_alerts, &WorkspaceAlerts::transition, this, &AlertHistoryModel::append);
    connect(m_alerts, &WorkspaceAlerts::historyCleared, this, &AlertHistoryModel::reload);
    connect(DisplayTime::instance(), &DisplayTime::changed, this, [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, TimeColumn), index(rowCount() - 1, TimeColumn), {Qt::DisplayRole, Qt::ToolTipRole});
    });
}

AlertHistoryModel::~AlertHistoryModel() = default;

void AlertHistoryModel::append(const AlertHistoryEntry &entry)
{
    // The history has taken the entry in and let its oldest go already; so do the rows, with the
    // removal announced first.
    const size_t cap = size_t(qMax(1, m_alerts->historyCap()));
    if (m_rows.size() >= cap) {
        const int excess = int(m_rows.size() - cap) + 1;
        beginRemoveRows({}, 0, excess - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + excess);
        endRemoveRows();
    }
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.push_back(entry);
    endInsertRows();
}

void AlertHistoryModel::reload()
{
    beginResetModel();
    m_rows = m_alerts->history();
    endResetModel();
}

QString AlertHistoryModel::stateText(AlertTransition::State state)
{
    switch (state) {
    case AlertTransition::State::Firing:
        return tr("Firing");
    case AlertTransition::State::Resolved:
        return tr("Resolved");
    case AlertTransition::State::Ok:
        break;
    }
    return tr("Ok");
}

QColor AlertHistoryModel::stateColor(AlertTransition::State state)
{
    switch (state) {
    case AlertTransition::State::Firing:
        return QColor(0xd1, 0x34, 0x38);
    case AlertTransition::State::Resolved:
        return QColor(0x2e, 0xa0, 0x4f);
    case AlertTransition::State::Ok:
        break;
    }
    return QColor(0x8c, 0x8c, 0x8c);
}

QString AlertHistoryModel::timeText(qint64 ms)
{
    return DisplayTime::clockText(ms, DisplayTime::Precision::Seconds);
}

QString AlertHistoryModel::valueText(const std::optional<double> &value)
{
    return value ? AlertRule::numberText(*value) : QString();
}

QString AlertHistoryModel::displayText(const AlertHistoryEntry &entry, int column) const
{
    const AlertTransition &t = entry.transition;
    switch (column) {
    case TimeColumn:
        return timeText(t.timeMs);
    case StreamColumn:
        return entry.streamName;
    case RuleColumn:
        return t.ruleText;
    case StateColumn:
        return stateText(t.state);
    case ValueColumn:
        return valueText(t.value);
    case DurationColumn:
        return t.state == AlertTransition::State::Resolved ? AlertRule::readableDuration(t.firingForMs)
                                                           : QString();
    case DetailColumn:
        return t.detail;
    }
    return {};
}

QString AlertHistoryModel::toolTip(const AlertHistoryEntry &entry, int column) const
{
    const AlertTransition &t = entry.transition;
    switch (column) {
    case TimeColumn:
        return DisplayTime::fullText(t.timeMs);
    case StreamColumn:
        return entry.url.isEmpty() ? entry.streamName : entry.url;
    case StateColumn:
        return t.state == AlertTransition::State::Firing
            ? tr("The rule started firing on this stream")
            : tr("The rule stopped firing after %1").arg(AlertRule::readableDuration(t.firingForMs));
    case DurationColumn:
        if (t.state == AlertTransition::State::Resolved)
            return tr("How long the rule was firing");
        break;
    }
    return displayText(entry, column);
}

int AlertHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AlertHistoryEntry &e = m_rows.at(size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        return displayText(e, index.column());
    case Qt::ToolTipRole:
        return toolTip(e, index.column());
    case Qt::ForegroundRole:
        if (index.column() == StateColumn)
            return stateColor(e.transition.state);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == ValueColumn || index.column() == DurationColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case StreamIdRole:
        return QVariant::fromValue(e.stream);
    case StateRole:
        return int(e.transition.state);
    case TimeRole:
        return e.transition.timeMs;
    }
    return {};
}

QVariant AlertHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case StreamColumn: return tr("Stream");
    case RuleColumn: return tr("Rule");
    case StateColumn: return tr("State");
    case ValueColumn: return tr("Value");
    case DurationColumn: return tr("Duration");
    case DetailColumn: return tr("Detail");
    }
    return {};
}
