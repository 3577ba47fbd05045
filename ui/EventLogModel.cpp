#include "EventLogModel.h"

#include <QTextDocument>

#include <iterator>

EventLogModel::EventLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_flushTimer.setInterval(DefaultFlushIntervalMs);
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &EventLogModel::flush);
}

EventLogModel::~EventLogModel() = default;

void EventLogModel::append(const QString &stream, const SseEvent &event,
                           const QDateTime &receivedAt, int connection)
{
    const qint64 ms = receivedAt.isValid() ? receivedAt.toMSecsSinceEpoch()
                                           : QDateTime::currentMSecsSinceEpoch();
    m_pending.push_back({ms, stream, event.type, event.lastEventId, event.data, connection});
    trimPending();
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void EventLogModel::flush()
{
    m_flushTimer.stop();
    if (m_pending.empty())
        return;

    const size_t incoming = m_pending.size(); // never more than m_maximumRows
    const size_t total = m_rows.size() + incoming;
    const size_t overflow = total > size_t(m_maximumRows) ? total - size_t(m_maximumRows) : 0;
    const size_t removed = qMin(overflow, m_rows.size());
    if (removed > 0) {
        beginRemoveRows({}, 0, int(removed) - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + qsizetype(removed));
        endRemoveRows();
    }

    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(incoming) - 1);
    m_rows.insert(m_rows.end(), std::make_move_iterator(m_pending.begin()),
                  std::make_move_iterator(m_pending.end()));
    endInsertRows();
    m_pending.clear();
}

void EventLogModel::clear()
{
    m_flushTimer.stop();
    m_pending.clear();
    if (m_rows.empty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void EventLogModel::setMaximumRows(int rows)
{
    m_maximumRows = qMax(1, rows);
    trimPending();
    if (m_rows.size() > size_t(m_maximumRows)) {
        const int removed = int(m_rows.size()) - m_maximumRows;
        beginRemoveRows({}, 0, removed - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + removed);
        endRemoveRows();
    }
}

void EventLogModel::trimPending()
{
    while (m_pending.size() > size_t(m_maximumRows))
        m_pending.pop_front();
}

void EventLogModel::setFlushInterval(int ms)
{
    m_flushTimer.setInterval(qMax(0, ms));
}

QString EventLogModel::preview(const QString &data, int maximumLength)
{
    QString line;
    line.reserve(qMin(data.size(), qsizetype(maximumLength)) + 8);
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (line.size() >= maximumLength) {
            line += QChar(0x2026);
            break;
        }
        const QChar c = data.at(i);
        if (c == u'\n')
            line += QStringLiteral(" \u23CE ");
        else if (c == u'\r' || c == u'\t' || c.unicode() == 0)
            line += u' ';
        else
            line += c;
    }
    return line;
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_rows[size_t(index.row())];

    switch (role) {
    case StreamRole:
        return entry.stream;
    case TypeRole:
        return entry.type;
    case IdRole:
        return entry.id;
    case FullDataRole:
        return entry.data;
    case ReceivedAtRole:
        return QDateTime::fromMSecsSinceEpoch(entry.receivedAtMs);
    case ConnectionRole:
        return entry.connection;
    }

    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(entry.receivedAtMs)
                .toString(QStringLiteral("HH:mm:ss.zzz"));
        case StreamColumn:
            return entry.stream;
        case TypeColumn:
            return entry.type;
        case IdColumn:
            return entry.id;
        case DataColumn:
            return preview(entry.data);
        }
    } else if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(entry.receivedAtMs)
                .toString(Qt::ISODateWithMs);
        case DataColumn:
            // Rich text, so that long payloads wrap instead of making a screen-wide tooltip.
            return Qt::convertFromPlainText(entry.data.left(MaximumToolTipLength),
                                            Qt::WhiteSpaceNormal);
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case StreamColumn:
        return tr("Stream");
    case TypeColumn:
        return tr("Type");
    case IdColumn:
        return tr("ID");
    case DataColumn:
        return tr("Data");
    }
    return {};
}
