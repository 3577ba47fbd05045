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
    if (m_type == type && !m_onlyKind)
        return;
    m_type = type;
    m_onlyKind.reset();
    invalidateFilter();
}

void EventLogFilterModel::setOnly(EventLogModel::RowKind kind, bool only)
{
    if ((m_onlyKind == kind) == only)
        return;
    if (only)
        m_onlyKind = kind;
    else
        m_onlyKind.reset();
    invalidateFilter();
}

void EventLogFilterModel::setCommentRowsShown(bool shown)
{
    if (m_commentRowsShown == shown)
        return;
    m_commentRowsShown = shown;
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
    using RowKind = EventLogModel::RowKind;
    const bool anyType = m_type.isEmpty() && !m_onlyKind;
    const QAbstractItemModel *source = sourceModel();
    const QModelIndex index = source->index(sourceRow, 0, sourceParent);
    const auto kind = RowKind(source->data(index, EventLogModel::KindRole).toInt());
    if (m_allStreams && anyType && m_connectionRowsShown && m_alertRowsShown && m_text.isEmpty()
        && (m_commentRowsShown || kind != RowKind::Comment))
        return true;

    if (!m_allStreams
        && !m_streams.contains(source->data(index, EventLogModel::StreamIdRole).toULongLong()))
        return false;

    const QString type = source->data(index, EventLogModel::TypeRole).toString();
    bool shown = true;
    switch (kind) {
    case RowKind::Connection:
        shown = m_connectionRowsShown;
        break;
    case RowKind::Alert:
        shown = m_alertRowsShown;
        break;
    case RowKind::Comment:
        shown = m_commentRowsShown;
        break;
    case RowKind::Event:
        break;
    }
    if (m_onlyKind) {
        if (kind != *m_onlyKind)
            return false;
    } else if (kind == RowKind::Event) {
        if (!m_type.isEmpty() && type != m_type)
            return false;
    } else if (!(shown && anyType)) {
        return false;
    }

    if (m_text.isEmpty())
        return true;
    const auto matches = [&](int role) {
        return source->data(index, role).toString().contains(m_text, Qt::CaseInsensitive);
    };
    const bool hasReason = kind == RowKind::Connection || kind == RowKind::Alert;
    return type.contains(m_text, Qt::CaseInsensitive) || matches(EventLogModel::IdRole)
        || matches(EventLogModel::FullDataRole) || (hasReason && matches(EventLogModel::ReasonRole));
}
