#include "EventLogFilterModel.h"

#include "EventLogModel.h"

EventLogFilterModel::EventLogFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void EventLogFilterModel::setAcceptedStreams(const QSet<quint64> &streamIds)
{
    if (!m_allStreams && m_streams == streamIds)
        return;
    m_allStreams = false;
    m_streams = streamIds;
    invalidateFilter();
}

void EventLogFilterModel::acceptAllStreams()
{
    if (m_allStreams)
        return;
    m_allStreams = true;
    m_streams.clear();
    invalidateFilter();
}

void EventLogFilterModel::setEventType(const QString &type)
{
    if (m_type == type && !m_connectionRowsOnly && !m_alertRowsOnly)
        return;
    m_type = type;
    m_connectionRowsOnly = false;
    m_alertRowsOnly = false;
    invalidateFilter();
}

void EventLogFilterModel::setConnectionRowsOnly(bool only)
{
    if (m_connectionRowsOnly == only)
        return;
    m_connectionRowsOnly = only;
    if (only)
        m_alertRowsOnly = false;
    invalidateFilter();
}

void EventLogFilterModel::setAlertRowsOnly(bool only)
{
    if (m_alertRowsOnly == only)
        return;
    m_alertRowsOnly = only;
    if (only)
        m_connectionRowsOnly = false;
    invalidateFilter();
}

void EventLogFilterModel::setAlertRowsShown(bool shown)
{
    if (m_alertRowsShown == shown)
        return;
    m_alertRowsShown = shown;
    invalidateFilter();
}

void EventLogFilterModel::setConnectionRowsShown(bool shown)
{
    if (m_connectionRowsShown == shown)
        return;
    m_connectionRowsShown = shown;
    invalidateFilter();
}

void EventLogFilterModel::setSearchText(const QString &text)
{
    if (m_text == text)
        return;
    m_text = text;
    invalidateFilter();
}

bool EventLogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const bool anyType = m_type.isEmpty() && !m_connectionRowsOnly && !m_alertRowsOnly;
    if (m_allStreams && anyType && m_connectionRowsShown && m_alertRowsShown && m_text.isEmpty())
        return true;

    const QAbstractItemModel *source = sourceModel();
    const QModelIndex index = source->index(sourceRow, 0, sourceParent);

    if (!m_allStreams
        && !m_streams.contains(source->data(index, EventLogModel::StreamIdRole).toULongLong()))
        return false;

    const auto kind = EventLogModel::RowKind(source->data(index, EventLogModel::KindRole).toInt());
    const bool isConnection = kind == EventLogModel::RowKind::Connection;
    const bool isAlert = kind == EventLogModel::RowKind::Alert;
    const QString type = source->data(index, EventLogModel::TypeRole).toString();
    if (isConnection) {
        if (!m_connectionRowsOnly && !(m_connectionRowsShown && anyType))
            return false;
    } else if (isAlert) {
        if (!m_alertRowsOnly && !(m_alertRowsShown && anyType))
            return false;
    } else if (m_connectionRowsOnly || m_alertRowsOnly || (!m_type.isEmpty() && type != m_type)) {
        return false;
    }

    if (m_text.isEmpty())
        return true;
    const auto matches = [&](int role) {
        return source->data(index, role).toString().contains(m_text, Qt::CaseInsensitive);
    };
    return type.contains(m_text, Qt::CaseInsensitive) || matches(EventLogModel::IdRole)
        || matches(EventLogModel::FullDataRole)
        || ((isConnection || isAlert) && matches(EventLogModel::ReasonRole));
}
