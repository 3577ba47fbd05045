#include "EventLogFilterModel.h"

#include "EventLogModel.h"

EventLogFilterModel::EventLogFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void EventLogFilterModel::setAcceptedStreams(const QSet<QString> &streams)
{
    if (!m_allStreams && m_streams == streams)
        return;
    m_allStreams = false;
    m_streams = streams;
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
    if (m_type == type)
        return;
    m_type = type;
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
    if (m_allStreams && m_type.isEmpty() && m_text.isEmpty())
        return true;

    const QAbstractItemModel *source = sourceModel();
    const QModelIndex index = source->index(sourceRow, 0, sourceParent);

    if (!m_allStreams
        && !m_streams.contains(source->data(index, EventLogModel::StreamRole).toString()))
        return false;

    const QString type = source->data(index, EventLogModel::TypeRole).toString();
    if (!m_type.isEmpty() && type != m_type)
        return false;

    if (m_text.isEmpty())
        return true;
    return type.contains(m_text, Qt::CaseInsensitive)
        || source->data(index, EventLogModel::IdRole).toString().contains(m_text, Qt::CaseInsensitive)
        || source->data(index, EventLogModel::FullDataRole)
               .toString()
               .contains(m_text, Qt::CaseInsensitive);
}
