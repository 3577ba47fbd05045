#include "EventLogModel.h"

#include "DisplayTime.h"

#include <QRegularExpression>
#include <QTextDocument>

#include <algorithm>
#include <iterator>
#include <vector>

namespace {

// Beyond this many separate runs of a removed stream's rows, one layout change costs less than a
// removal signal per run (each one makes proxies and views walk every row).
constexpr qsizetype MaxRemovalRuns = 16;

} // namespace

EventLogModel::EventLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_flushTimer.setInterval(DefaultFlushIntervalMs);
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &EventLogModel::flush);
    connect(DisplayTime::instance(), &DisplayTime::changed, this, [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, TimeColumn), index(rowCount() - 1, TimeColumn), {Qt::DisplayRole, Qt::ToolTipRole});
    });
}

EventLogModel::~EventLogModel() = default;

ConnectionEvent EventLogModel::Entry::connectionEvent() const
{
    ConnectionEvent event;
    event.kind = ConnectionEvent::Kind(kind);
    event.timeMs = timeMs;
    event.reason = data;
    event.connection = connection;
    event.attempt = attempt;
    event.delayMs = delayMs;
    return event;
}

void EventLogModel::appendEvents(quint64 streamId, const QList<CapturedEvent> &events)
{
    if (events.isEmpty())
        return;
    // Counted once per batch; of what would pass the log's bound only the rows it keeps are built.
    const qsizetype count = events.size();
    Counts &counts = m_counts[streamId];
    counts.appended += count;
    m_appended += count;
    const qsizetype skipped = qMax<qsizetype>(0, count - m_maximumRows);
    if (skipped > 0) {
        counts.dropped += skipped;
        m_dropped += skipped;
    }
    const size_t kept = size_t(count - skipped);
    if (m_pending.size() + kept > size_t(m_maximumRows))
        dropPending(m_pending.size() + kept - size_t(m_maximumRows));
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    for (qsizetype i = skipped; i < count; ++i) {
        const CapturedEvent &captured = events.at(i);
        Entry &entry = m_pending.emplace_back();
        entry.timeMs = captured.receivedAt.isValid() ? captured.receivedAt.toMSecsSinceEpoch() : nowMs;
        entry.streamId = streamId;
        entry.url = captured.url;
        entry.type = captured.event.type;
        entry.id = captured.event.lastEventId;
        entry.data = captured.event.data;
        entry.connection = captured.connection;
    }
    startFlushTimer();
}

void EventLogModel::appendConnectionEvent(quint64 streamId, const ConnectionEvent &event)
{
    Entry entry;
    entry.timeMs = event.timeMs > 0 ? event.timeMs : QDateTime::currentMSecsSinceEpoch();
    entry.streamId = streamId;
    entry.data = event.reason;
    entry.connection = event.connection;
    entry.attempt = event.attempt;
    entry.delayMs = event.delayMs;
    entry.kind = qint8(event.kind);
    push(std::move(entry));
    trimPending();
    startFlushTimer();
}

AlertTransition::State EventLogModel::Entry::alertState() const
{
    return kind == AlertFiringKind ? AlertTransition::State::Firing : AlertTransition::State::Resolved;
}

void EventLogModel::appendAlertTransition(quint64 streamId, const AlertTransition &transition)
{
    if (transition.state == AlertTransition::State::Ok)
        return;
    Entry entry;
    entry.timeMs = transition.timeMs > 0 ? transition.timeMs : QDateTime::currentMSecsSinceEpoch();
    entry.streamId = streamId;
    entry.data = alertText(transition.ruleText, transition.value);
    entry.detail = transition.detail;
    entry.kind = transition.state == AlertTransition::State::Firing ? AlertFiringKind : AlertResolvedKind;
    push(std::move(entry));
    trimPending();
    startFlushTimer();
}

void EventLogModel::appendComments(quint64 streamId, const QList<StreamComment> &comments)
{
    for (const StreamComment &comment : comments) {
        Entry entry;
        entry.timeMs = comment.receivedAt.isValid() ? comment.receivedAt.toMSecsSinceEpoch()
                                                    : QDateTime::currentMSecsSinceEpoch();
        entry.streamId = streamId;
        entry.data = comment.text;
        entry.url = comment.url;
        entry.connection = comment.connection;
        entry.kind = CommentKind;
        push(std::move(entry));
    }
    trimPending();
    startFlushTimer();
}

void EventLogModel::push(Entry &&entry)
{
    ++m_counts[entry.streamId].appended;
    ++m_appended;
    m_pending.push_back(std::move(entry));
}

void EventLogModel::startFlushTimer()
{
    if (!m_flushedByOwner && !m_flushTimer.isActive())
        m_flushTimer.start();
}

void EventLogModel::countDropped(const Entry &entry)
{
    ++m_counts[entry.streamId].dropped;
    ++m_dropped;
}

void EventLogModel::trimPending()
{
    if (m_pending.size() > size_t(m_maximumRows))
        dropPending(m_pending.size() - size_t(m_maximumRows));
}

void EventLogModel::dropPending(size_t count)
{
    // Rows come in runs of one stream: one lookup of its counts per run.
    Counts *counts = nullptr;
    quint64 countsOf = 0;
    for (size_t i = 0; i < count; ++i) {
        const quint64 stream = m_pending[i].streamId;
        if (!counts || stream != countsOf) {
            counts = &m_counts[stream];
            countsOf = stream;
        }
        ++counts->dropped;
    }
    m_dropped += qint64(count);
    m_pending.erase(m_pending.begin(), m_pending.begin() + qsizetype(count));
}

void EventLogModel::removeOldestRows(size_t count)
{
    if (count == 0)
        return;
    beginRemoveRows({}, 0, int(count) - 1);
    for (auto it = m_rows.cbegin(); it != m_rows.cbegin() + qsizetype(count); ++it)
        countDropped(*it);
    m_rows.erase(m_rows.begin(), m_rows.begin() + qsizetype(count));
    endRemoveRows();
}

void EventLogModel::flush()
{
    m_flushTimer.stop();
    if (m_pending.empty())
        return;

    const size_t incoming = m_pending.size(); // never more than m_maximumRows
    const size_t total = m_rows.size() + incoming;
    removeOldestRows(total > size_t(m_maximumRows) ? total - size_t(m_maximumRows) : 0);

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
    m_counts.clear();
    m_appended = 0;
    m_dropped = 0;
    if (m_rows.empty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void EventLogModel::setStreamName(quint64 streamId, const QString &name)
{
    const auto it = m_names.constFind(streamId);
    if (it != m_names.cend() && *it == name)
        return;
    m_names.insert(streamId, name);

    const auto isOfStream = [streamId](const Entry &entry) { return entry.streamId == streamId; };
    const auto first = std::find_if(m_rows.cbegin(), m_rows.cend(), isOfStream);
    if (first == m_rows.cend())
        return;
    const auto last = std::find_if(m_rows.crbegin(), m_rows.crend(), isOfStream);
    const int firstRow = int(first - m_rows.cbegin());
    const int lastRow = int(m_rows.size()) - 1 - int(last - m_rows.crbegin());
    Q_EMIT dataChanged(index(firstRow, StreamColumn), index(lastRow, StreamColumn),
                       {Qt::DisplayRole, Qt::ToolTipRole, StreamRole});
}

QString EventLogModel::streamName(quint64 streamId) const
{
    return m_names.value(streamId);
}

void EventLogModel::removeStream(quint64 streamId)
{
    const auto isOfStream = [streamId](const Entry &entry) { return entry.streamId == streamId; };
    std::erase_if(m_pending, isOfStream);
    if (m_pending.empty())
        m_flushTimer.stop();

    QList<std::pair<int, int>> runs; // first and last row of each run of the stream's rows
    for (int row = 0; row < int(m_rows.size()); ++row) {
        if (!isOfStream(m_rows[size_t(row)]))
            continue;
        if (!runs.isEmpty() && runs.last().second == row - 1)
            runs.last().second = row;
        else
            runs.append({row, row});
    }

    if (runs.size() <= MaxRemovalRuns) {
        // From the last run back, so that the rows of the runs before keep their numbers.
        for (auto run = runs.crbegin(); run != runs.crend(); ++run) {
            beginRemoveRows({}, run->first, run->second);
            m_rows.erase(m_rows.begin() + run->first, m_rows.begin() + run->second + 1);
            endRemoveRows();
        }
    } else {
        Q_EMIT layoutAboutToBeChanged();
        std::vector<int> newRows(m_rows.size());
        int next = 0;
        for (size_t row = 0; row < m_rows.size(); ++row)
            newRows[row] = isOfStream(m_rows[row]) ? -1 : next++;
        const QModelIndexList from = persistentIndexList();
        QModelIndexList to;
        to.reserve(from.size());
        for (const QModelIndex &index : from) {
            const int row = newRows[size_t(index.row())];
            to.append(row < 0 ? QModelIndex() : createIndex(row, index.column()));
        }
        std::erase_if(m_rows, isOfStream);
        changePersistentIndexList(from, to);
        Q_EMIT layoutChanged();
    }

    const Counts counts = m_counts.take(streamId);
    m_appended -= counts.appended;
    m_dropped -= counts.dropped;
    m_names.remove(streamId);
}

void EventLogModel::setMaximumRows(int rows)
{
    m_maximumRows = qMax(1, rows);
    trimPending();
    if (m_rows.size() > size_t(m_maximumRows))
        removeOldestRows(m_rows.size() - size_t(m_maximumRows));
}

void EventLogModel::setFlushInterval(int ms)
{
    m_flushedByOwner = ms == FlushedByOwner;
    if (m_flushedByOwner)
        m_flushTimer.stop();
    else
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

QString EventLogModel::displayName(const Entry &entry) const
{
    const auto it = m_names.constFind(entry.streamId);
    if (it != m_names.cend() && !it->isEmpty())
        return *it;
    return entry.url.isEmpty() ? tr("Stream %1").arg(entry.streamId) : entry.url;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_rows[size_t(index.row())];
    if (entry.isAlert())
        return alertData(entry, index.column(), role);
    if (entry.isComment())
        return commentData(entry, index.column(), role);
    const bool isEvent = entry.isEvent();
    switch (role) {
    case StreamRole:
        return displayName(entry);
    case TypeRole:
        return entry.type;
    case IdRole:
        return entry.id;
    case FullDataRole:
        return isEvent ? entry.data : connectionText(entry.connectionEvent());
    case ReceivedAtRole:
        return QDateTime::fromMSecsSinceEpoch(entry.timeMs, Qt::UTC);
    case ConnectionRole:
        return entry.connection;
    case StreamIdRole:
        return QVariant::fromValue(entry.streamId);
    case UrlRole:
        return entry.url;
    case KindRole:
        return int(isEvent ? RowKind::Event : RowKind::Connection);
    case ConnectionKindRole:
        return isEvent ? QVariant() : QVariant(int(entry.kind));
    case ReasonRole:
        return isEvent ? QString() : entry.data;
    case AttemptRole:
        return entry.attempt;
    case DelayRole:
        return entry.delayMs;
    case AlertStateRole:
        return {};
    }

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return DisplayTime::clockText(entry.timeMs);
        case StreamColumn:
            return displayName(entry);
        case TypeColumn:
            return isEvent ? entry.type : connectionTypeText();
        case IdColumn:
            return entry.id;
        case DataColumn:
            return isEvent ? preview(entry.data) : connectionText(entry.connectionEvent());
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return DisplayTime::fullText(entry.timeMs);
        case StreamColumn:
            return entry.url.isEmpty() ? displayName(entry) : entry.url;
        case DataColumn:
            if (!isEvent)
                return connectionText(entry.connectionEvent());
            // Rich text, so that long payloads wrap instead of making a screen-wide tooltip.
            return Qt::convertFromPlainText(entry.data.left(MaximumToolTipLength),
                                            Qt::WhiteSpaceNormal);
        default:
            return data(index, Qt::DisplayRole);
        }
        break;
    case Qt::ForegroundRole:
        if (!isEvent && (index.column() == TypeColumn || index.column() == DataColumn))
            return connectionColor(ConnectionEvent::Kind(entry.kind));
        break;
    case Qt::DecorationRole:
        if (!isEvent && index.column() == TypeColumn)
            return connectionColor(ConnectionEvent::Kind(entry.kind));
        break;
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
