#include "StreamListModel.h"

#include "DisplayTime.h"
#include "EventSource.h"
#include "SteadyClock.h"
#include "Stream.h"
#include "Workspace.h"

#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QPixmap>

#include <cmath>

StreamListModel::StreamListModel(Workspace *workspace, QObject *parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
{
    for (Stream *stream : m_workspace->streams())
        m_rows.append(Row{stream, shownTexts(*stream)});
    // The workspace appends the streams it adds; so does the model.
    connect(m_workspace, &Workspace::streamAdded, this, [this](Stream *stream) {
        const int row = int(m_rows.size());
        beginInsertRows({}, row, row);
        m_rows.append(Row{stream, shownTexts(*stream)});
        endInsertRows();
        Q_EMIT totalsChanged();
    });
    connect(m_workspace, &Workspace::streamAboutToBeRemoved, this, [this](Stream *stream) {
        const int row = rowOf(stream);
        if (row < 0)
            return;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
        Q_EMIT totalsChanged();
    });
    // Connection changes are shown at once, the whole row (its decoration and tooltips too); what
    // it shows now is recorded, so that the next tick does not announce it again.
    connect(m_workspace, &Workspace::streamChanged, this, [this](Stream *stream) {
        const int row = rowOf(stream);
        if (row < 0)
            return;
        m_rows[row].shown = shownTexts(*stream);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        Q_EMIT totalsChanged();
    });
    connect(m_workspace, &Workspace::textTicked, this, &StreamListModel::refresh);
}

StreamListModel::~StreamListModel() = default;

Stream *StreamListModel::stream(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).stream : nullptr;
}

int StreamListModel::rowOf(const Stream *stream) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).stream == stream)
            return row;
    }
    return -1;
}

void StreamListModel::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
}

void StreamListModel::setAlertLookup(AlertLookup lookup)
{
    m_alertLookup = std::move(lookup);
    refresh();
}

QString StreamListModel::alertBadgeText(int firing)
{
    return firing == 1 ? tr("1 alert firing") : tr("%1 alerts firing").arg(firing);
}

QColor StreamListModel::alertColor()
{
    return QColor(0xd1, 0x34, 0x38);
}

QStringList StreamListModel::firingRules(const Stream &stream) const
{
    return m_alertLookup ? m_alertLookup(stream.id()) : QStringList();
}

qint64 StreamListModel::now() const
{
    return m_clock ? m_clock() : steadyClockMs();
}

void StreamListModel::refresh()
{
    bool totals = false;
    for (int row = 0; row < m_rows.size(); ++row) {
        const Stream &s = *m_rows.at(row).stream;
        std::array<QString, ColumnCount> &shown = m_rows[row].shown;
        int first = ColumnCount;
        int last = -1;
        for (int column = 0; column < ColumnCount; ++column) {
            QString text = displayText(s, column);
            if (text == shown[size_t(column)])
                continue;
            shown[size_t(column)] = std::move(text);
            first = qMin(first, column);
            last = column;
            totals = totals || column == StateColumn || column == EventRateColumn;
        }
        if (last >= 0)
            Q_EMIT dataChanged(index(row, first), index(row, last));
    }
    if (totals)
        Q_EMIT totalsChanged();
}

QString StreamListModel::statusText(int row) const
{
    const Stream *s = stream(row);
    return s ? displayText(*s, StateColumn) : QString();
}

int StreamListModel::openCount() const
{
    int count = 0;
    for (const Row &r : m_rows)
        count += r.stream->status() == StreamStatus::Open ? 1 : 0;
    return count;
}

double StreamListModel::totalEventRate() const
{
    double rate = 0;
    for (const Row &r : m_rows)
        rate += r.stream->statistics().eventRate();
    return rate;
}

std::array<QString, StreamListModel::ColumnCount> StreamListModel::shownTexts(const Stream &stream) const
{
    std::array<QString, ColumnCount> texts;
    for (int column = 0; column < ColumnCount; ++column)
        texts[size_t(column)] = displayText(stream, column);
    return texts;
}

QString StreamListModel::displayText(const Stream &s, int column) const
{
    const QLocale locale;
    const StreamStatistics &stats = s.statistics();
    switch (column) {
    case NameColumn:
        return s.name();
    case UrlColumn:
        return s.urlText();
    case StateColumn:
        return stateText(s);
    case EventsColumn:
        return locale.toString(stats.events());
    case CommentsColumn:
        return locale.toString(stats.comments());
    case EventRateColumn:
        return s.isOffline() ? QString()
                             : locale.toString(stats.eventRate(), 'f', stats.eventRate() < 10 ? 1 : 0);
    case ByteRateColumn:
        return s.isOffline() ? QString()
                             : tr("%1/s").arg(locale.formattedDataSize(qint64(std::llround(stats.byteRate())), 1));
    case ReconnectsColumn:
        return locale.toString(stats.reconnects());
    case AttemptsColumn:
        return locale.toString(stats.attempts());
    case LastEventIdColumn:
        return stats.lastEventId();
    case GapsColumn:
        return locale.toString(stats.gaps());
    case IdResetsColumn:
        switch (stats.idResets()) {
        case 0:
            return QStringLiteral("0");
        case 1:
            return tr("1 reset");
        default:
            return tr("%1 resets").arg(locale.toString(stats.idResets()));
        }
    case AgeColumn:
        return s.isOffline() || stats.lastEventAtMs() < 0 ? QString() : ageText(now() - stats.lastEventAtMs());
    case LastByteColumn:
        return s.isOffline() || stats.lastByteAtMs() < 0 ? QString() : ageText(now() - stats.lastByteAtMs());
    }
    return {};
}

QString StreamListModel::stateText(const Stream &s) const
{
    const ConnectionHistory &history = s.history();
    QString text;
    const qint64 waitingSince = s.awaitingHeadersSinceMs();
    const qint64 waitedMs = waitingSince >= 0 ? now() - waitingSince : -1;
    switch (history.status()) {
    case StreamStatus::Connecting:
        text = waitedMs >= AwaitingHeadersShownAfterMs ? awaitingHeadersText(waitedMs, 0, {}) : tr("Connecting");
        break;
    case StreamStatus::Open:
        text = tr("Open");
        break;
    case StreamStatus::Reconnecting:
        if (waitedMs >= AwaitingHeadersShownAfterMs)
            text = awaitingHeadersText(waitedMs, history.attempt(), history.reason());
        else
            text = reconnectingText(int(history.reconnectAtMs() - QDateTime::currentMSecsSinceEpoch()),
                                    history.attempt(), history.reason());
        break;
    case StreamStatus::Failed:
        text = history.reason().isEmpty() ? tr("Failed") : tr("Failed: %1").arg(history.reason());
        break;
    case StreamStatus::Ended:
        // The reason says it all already: "Ended by server (204)".
        text = history.reason().isEmpty() ? tr("Ended by server") : history.reason();
        break;
    case StreamStatus::Closed:
        text = tr("Closed");
        break;
    case StreamStatus::Offline:
        text = tr("Offline capture");
        break;
    }
    for (const StreamNotice &notice : s.notices())
        text += QStringLiteral(" \u00B7 ") + StreamNotice::shortText(notice.kind);
    const qsizetype firing = firingRules(s).size();
    if (firing > 0)
        text += QStringLiteral(" \u00B7 ") + alertBadgeText(int(firing));
    return text;
}

QString StreamListModel::awaitingHeadersText(qint64 waitedMs, int attempt, const QString &reason)
{
    const QString text = tr("Waiting for response headers \u00B7 %1").arg(ageText(waitedMs));
    if (attempt <= 0)
        return text;
    QString detail = tr("attempt %1").arg(attempt);
    if (!reason.isEmpty())
        detail += QStringLiteral(" \u2014 ") + reason;
    return tr("%1 (%2)").arg(text, detail);
}

QString StreamListModel::reconnectingText(int remainingMs, int attempt, const QString &reason)
{
    QString detail = tr("attempt %1").arg(attempt);
    if (!reason.isEmpty())
        detail += QStringLiteral(" \u2014 ") + reason;
    if (remainingMs <= 0)
        return tr("Reconnecting (%1)").arg(detail);
    // Rounded up, so that "0.0 s" is never shown while waiting.
    const double seconds = std::ceil(remainingMs / 100.0) / 10.0;
    return tr("Reconnecting in %1 s (%2)").arg(QLocale().toString(seconds, 'f', 1), detail);
}

QString StreamListModel::ageText(qint64 ms)
{
    if (ms < 0)
        return {};
    const qint64 seconds = ms / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
}

QColor StreamListModel::statusColor(StreamStatus status)
{
    switch (status) {
    case StreamStatus::Open:
        return QColor(0x2e, 0xa0, 0x4f);
    case StreamStatus::Connecting:
    case StreamStatus::Reconnecting:
        return QColor(0xe3, 0x9b, 0x0b);
    case StreamStatus::Failed:
        return QColor(0xd1, 0x34, 0x38);
    case StreamStatus::Offline:
        return QColor(0x4a, 0x7b, 0xd0);
    case StreamStatus::Ended:
    case StreamStatus::Closed:
        break;
    }
    return QColor(0x8c, 0x8c, 0x8c);
}

QIcon StreamListModel::statusIcon(StreamStatus status) const
{
    QIcon &icon = m_icons[size_t(status)];
    if (icon.isNull()) {
        QPixmap pixmap(32, 32);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(statusColor(status));
        painter.drawEllipse(QRectF(6, 6, 20, 20));
        painter.end();
        icon = QIcon(pixmap);
    }
    return icon;
}

QString StreamListModel::toolTip(const Stream &s, int column) const
{
    const StreamStatistics &stats = s.statistics();
    switch (column) {
    case NameColumn:
    case UrlColumn:
        return s.urlText();
    case ReconnectsColumn:
        return tr("Connections that were opened again after the first one");
    case AttemptsColumn:
        return tr("Reconnection attempts scheduled, successful or not");
    case GapsColumn:
        return tr("Event IDs skipped between consecutive integer IDs");
    case IdResetsColumn:
        return stats.idResets() == 0
            ? tr("Times the event ID went backwards (a server that restarted)")
            : tr("The event ID went backwards %n time(s), last %1: the server restarted or "
                 "ignored Last-Event-ID", nullptr, int(stats.idResets()))
                  .arg(stats.lastIdResetText());
    case AgeColumn:
        return tr("Time since the last event");
    case LastByteColumn:
        return tr("Time since the last byte arrived, of an event or a comment (a heartbeat)");
    case CommentsColumn:
        return tr("Comment lines received (\": heartbeat\"); the log shows them when asked");
    }
    const ConnectionHistory &history = s.history();
    QString text = displayText(s, StateColumn);
    const QStringList firing = firingRules(s);
    if (!firing.isEmpty()) {
        text += u"\n\n" + tr("Alerts firing:");
        for (const QString &rule : firing)
            text += QStringLiteral("\n  ") + rule;
    }
    if (stats.idResets() > 0)
        text += u'\n' + tr("ID reset: %1").arg(stats.lastIdResetText());
    if (s.source() && !s.source()->offeredCertificate().isNull())
        text += u"\n\n" + tr("Stream \u25b8 Trust Certificate\u2026 shows the certificate and can trust exactly it "
                             "for this stream.");
    const QList<ConnectionEvent> notices = history.recent(ConnectionEvent::Kind::Notice, MaxNoticeHistory);
    if (!notices.isEmpty()) {
        text += u"\n\n" + tr("Notices:");
        for (auto it = notices.crbegin(); it != notices.crend(); ++it) {
            text += u'\n' + DisplayTime::clockText(it->timeMs, DisplayTime::Precision::Seconds)
                + QStringLiteral("  ") + it->reason;
        }
    }
    const QList<ConnectionEvent> reconnections = history.recentReconnections(MaxReconnectHistory);
    if (reconnections.isEmpty())
        return text;
    text += u"\n\n" + tr("Last reconnections:");
    for (auto it = reconnections.crbegin(); it != reconnections.crend(); ++it) {
        QString line = tr("%1  attempt %2, after %3 s")
                           .arg(DisplayTime::clockText(it->timeMs, DisplayTime::Precision::Seconds))
                           .arg(it->attempt)
                           .arg(QLocale().toString(it->delayMs / 1000.0, 'f', 1));
        if (!it->reason.isEmpty())
            line += QStringLiteral(" \u2014 ") + it->reason;
        text += u'\n' + line;
    }
    return text;
}

int StreamListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StreamListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StreamListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Stream &s = *m_rows.at(index.row()).stream;
    switch (role) {
    case Qt::DisplayRole:
        return displayText(s, index.column());
    case Qt::DecorationRole:
        if (index.column() == StateColumn)
            return statusIcon(s.status());
        break;
    case Qt::ForegroundRole:
        if (index.column() == IdResetsColumn && s.statistics().idResets() > 0)
            return statusColor(StreamStatus::Reconnecting);
        if (index.column() == StateColumn && !firingRules(s).isEmpty())
            return alertColor();
        break;
    case Qt::ToolTipRole:
        return toolTip(s, index.column());
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case NameColumn:
        case UrlColumn:
        case StateColumn:
        case LastEventIdColumn:
            break;
        default:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        break;
    case StatusRole:
        return int(s.status());
    case StatusColorRole:
        return statusColor(s.status());
    case StreamIdRole:
        return QVariant::fromValue(s.id());
    }
    return {};
}

QVariant StreamListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole) {
        const bool left = section == NameColumn || section == UrlColumn || section == StateColumn
            || section == LastEventIdColumn;
        return QVariant::fromValue(left ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Name");
    case StateColumn: return tr("State");
    case EventsColumn: return tr("Events");
    case CommentsColumn: return tr("Comments");
    case EventRateColumn: return tr("Events/s");
    case ByteRateColumn: return tr("Bytes/s");
    case ReconnectsColumn: return tr("Reconnects");
    case AttemptsColumn: return tr("Attempts");
    case LastEventIdColumn: return tr("Last ID");
    case GapsColumn: return tr("Gaps");
    case IdResetsColumn: return tr("ID resets");
    case AgeColumn: return tr("Last event");
    case LastByteColumn: return tr("Last byte");
    case UrlColumn: return tr("URL");
    }
    return {};
}
