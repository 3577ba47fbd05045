#include "ConnectionTimelineModel.h"

#include "DisplayTime.h"
#include "ConnectionHistory.h"

#include <QDateTime>

#include <algorithm>
#include <optional>

namespace {

using Kind = ConnectionEvent::Kind;

// The status an event leaves the stream in, as ConnectionHistory::record() sets it.
std::optional<StreamStatus> statusAfter(const ConnectionEvent &event, StreamStatus before)
{
    switch (event.kind) {
    case Kind::Opened:
        return StreamStatus::Open;
    case Kind::Lost:
        return StreamStatus::Connecting;
    case Kind::ReconnectScheduled:
        return StreamStatus::Reconnecting;
    case Kind::Failed:
        return StreamStatus::Failed;
    case Kind::EndedByServer:
        return StreamStatus::Ended;
    case Kind::Closed:
        // A stream that failed or ended keeps saying so.
        if (before == StreamStatus::Failed || before == StreamStatus::Ended)
            return before;
        return StreamStatus::Closed;
    case Kind::IdReset:
    case Kind::Notice:
        break;
    }
    return std::nullopt;
}

void append(QList<TimelineBand> &bands, const TimelineBand &band)
{
    if (band.endMs <= band.startMs)
        return; // nothing to see: two changes in the same millisecond
    if (!bands.isEmpty() && bands.last().status == band.status && bands.last().endMs == band.startMs) {
        bands.last().endMs = band.endMs;
        return;
    }
    bands.append(band);
}

QString clockTime(qint64 ms)
{
    return DisplayTime::clockText(ms, DisplayTime::Precision::Seconds);
}

QString seconds(int ms)
{
    return QLocale().toString(ms / 1000.0, 'g', 3);
}

} // namespace

ConnectionTimelineModel::ConnectionTimelineModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

QString ConnectionTimelineModel::statusName(StreamStatus status)
{
    switch (status) {
    case StreamStatus::Connecting:
        return tr("Connecting");
    case StreamStatus::Open:
        return tr("Open");
    case StreamStatus::Reconnecting:
        return tr("Reconnecting");
    case StreamStatus::Failed:
        return tr("Failed");
    case StreamStatus::Ended:
        return tr("Ended by server");
    case StreamStatus::Closed:
        return tr("Closed");
    case StreamStatus::Offline:
        return tr("Offline");
    }
    return {};
}

QList<TimelineBand> ConnectionTimelineModel::computeBands(const ConnectionHistory &history, qint64 startedAtMs,
                                                          qint64 toMs)
{
    QList<TimelineBand> bands;
    const std::deque<ConnectionEvent> &events = history.events();
    if (events.empty()) {
        if (startedAtMs > 0)
            append(bands, {startedAtMs, toMs, history.status(), history.reason()});
        return bands;
    }
    const bool truncated = events.size() >= size_t(ConnectionHistory::MaxEvents);
    TimelineBand current;
    bool known = !truncated; // what came before the oldest event held is lost with it
    if (known) {
        current.startMs = startedAtMs > 0 ? std::min(startedAtMs, events.front().timeMs) : events.front().timeMs;
        current.status = StreamStatus::Connecting;
    }
    for (const ConnectionEvent &event : events) {
        if (event.timeMs > toMs)
            break;
        const std::optional<StreamStatus> next = statusAfter(event, current.status);
        if (!next)
            continue;
        if (known && *next == current.status)
            continue; // another attempt of the same status: one band
        if (known) {
            current.endMs = event.timeMs;
            append(bands, current);
        }
        current = {event.timeMs, 0, *next, event.reason};
        known = true;
    }
    if (known) {
        current.endMs = toMs;
        append(bands, current);
    }
    return bands;
}

QList<TimelineBand> ConnectionTimelineModel::clip(const QList<TimelineBand> &bands, qint64 fromMs, qint64 toMs)
{
    QList<TimelineBand> clipped;
    for (TimelineBand band : bands) {
        if (band.endMs <= fromMs || band.startMs >= toMs)
            continue;
        band.startMs = std::max(band.startMs, fromMs);
        band.endMs = std::min(band.endMs, toMs);
        clipped.append(band);
    }
    return clipped;
}

QList<TimelineMarker> ConnectionTimelineModel::computeMarkers(const ConnectionHistory &history, qint64 fromMs,
                                                              qint64 toMs)
{
    QList<TimelineMarker> markers;
    for (const ConnectionEvent &event : history.events()) {
        if (event.timeMs < fromMs || event.timeMs > toMs)
            continue;
        if (event.kind == Kind::ReconnectScheduled) {
            QString text = tr("Reconnect attempt %1 in %2 s").arg(event.attempt).arg(seconds(event.delayMs));
            if (!event.reason.isEmpty())
                text += QStringLiteral(" \u2014 ") + event.reason;
            markers.append({event.timeMs, TimelineMarker::Kind::Reconnect, text});
        } else if (event.kind == Kind::IdReset) {
            const QString text = event.reason.isEmpty() ? tr("Event ID reset")
                                                        : tr("Event ID reset: %1").arg(event.reason);
            markers.append({event.timeMs, TimelineMarker::Kind::IdReset, text});
        }
    }
    return markers;
}

void ConnectionTimelineModel::compute(Row &row) const
{
    row.bands.clear();
    row.markers.clear();
    if (!row.stream.history || m_toMs < m_fromMs)
        return;
    row.bands = clip(computeBands(*row.stream.history, row.stream.startedAtMs, m_toMs), m_fromMs, m_toMs);
    row.markers = computeMarkers(*row.stream.history, m_fromMs, m_toMs);
}

void ConnectionTimelineModel::setStreams(const QList<TimelineStream> &streams)
{
    bool sameRows = streams.size() == m_rows.size();
    for (qsizetype i = 0; sameRows && i < streams.size(); ++i)
        sameRows = streams.at(i).id == m_rows.at(i).stream.id;
    if (!sameRows) {
        beginResetModel();
        m_rows.clear();
        for (const TimelineStream &stream : streams) {
            Row row{stream, {}, {}};
            compute(row);
            m_rows.append(row);
        }
        endResetModel();
        return;
    }
    for (qsizetype i = 0; i < streams.size(); ++i)
        m_rows[i].stream = streams.at(i);
    refresh();
}

void ConnectionTimelineModel::setRange(qint64 fromMs, qint64 toMs)
{
    if (fromMs == m_fromMs && toMs == m_toMs)
        return;
    m_fromMs = fromMs;
    m_toMs = toMs;
    refresh();
}

void ConnectionTimelineModel::refresh()
{
    for (Row &row : m_rows)
        compute(row);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
}

int ConnectionTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConnectionTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const StreamStatus status = row.stream.history ? row.stream.history->status() : StreamStatus::Offline;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.stream.name;
    case Qt::DecorationRole:
    case ColorRole:
        return row.stream.color;
    case StatusRole:
        return int(status);
    case Qt::ToolTipRole:
    case StatusTextRole: {
        const QString reason = row.stream.history ? row.stream.history->reason() : QString();
        return reason.isEmpty() ? statusName(status) : statusName(status) + QStringLiteral(" \u2014 ") + reason;
    }
    case BandsRole:
        return QVariant::fromValue(row.bands);
    case MarkersRole:
        return QVariant::fromValue(row.markers);
    case StreamIdRole:
        return row.stream.id;
    default:
        break;
    }
    return {};
}

QHash<int, QByteArray> ConnectionTimelineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(ColorRole, "color");
    names.insert(StatusRole, "status");
    names.insert(StatusTextRole, "statusText");
    names.insert(BandsRole, "bands");
    names.insert(MarkersRole, "markers");
    names.insert(StreamIdRole, "streamId");
    return names;
}

QList<TimelineBand> ConnectionTimelineModel::bands(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).bands : QList<TimelineBand>();
}

QList<TimelineMarker> ConnectionTimelineModel::markers(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).markers : QList<TimelineMarker>();
}

QString ConnectionTimelineModel::describeAt(int row, qint64 timeMs, qint64 toleranceMs) const
{
    if (row < 0 || row >= m_rows.size() || !m_rows.at(row).stream.history)
        return {};
    const TimelineStream &stream = m_rows.at(row).stream;
    const QList<TimelineBand> all = computeBands(*stream.history, stream.startedAtMs, m_toMs);
    // At a change the band that begins there is the one meant.
    auto band = std::find_if(all.crbegin(), all.crend(), [timeMs](const TimelineBand &b) {
        return b.startMs <= timeMs && timeMs <= b.endMs;
    });
    if (band == all.crend())
        return {};
    // The reason and attempt of the latest change within the band up to `timeMs`.
    QString reason = band->reason;
    int attempt = 0;
    for (const ConnectionEvent &event : stream.history->events()) {
        if (event.timeMs > timeMs)
            break;
        if (event.timeMs < band->startMs || event.kind == Kind::IdReset || event.kind == Kind::Notice)
            continue;
        if (event.kind == Kind::Closed && band->status != StreamStatus::Closed)
            continue; // closing a failed stream does not change why it failed
        reason = event.reason;
        attempt = event.attempt;
    }
    QString text = tr("%1 since %2").arg(statusName(band->status), clockTime(band->startMs));
    if (!reason.isEmpty())
        text += QStringLiteral(" \u2014 ") + reason;
    if (band->status == StreamStatus::Reconnecting && attempt > 0)
        text += tr(" (attempt %1)").arg(attempt);
    for (const TimelineMarker &marker : computeMarkers(*stream.history, timeMs - toleranceMs, timeMs + toleranceMs))
        text += QLatin1Char('\n') + marker.text;
    return text;
}
