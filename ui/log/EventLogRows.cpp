// How the rows that are not events read: connection changes, notices, alerts and comments.

#include "DisplayTime.h"
#include "EventLogModel.h"

#include "AlertRule.h"

#include <QRegularExpression>

QString EventLogModel::connectionText(const ConnectionEvent &event)
{
    using Kind = ConnectionEvent::Kind;
    const QString &reason = event.reason;
    switch (event.kind) {
    case Kind::Opened:
        return event.connection > 0 ? tr("Opened (connection %1)").arg(event.connection)
                                    : tr("Opened");
    case Kind::Lost:
        return reason.isEmpty() ? tr("Connection lost") : tr("Connection lost \u2014 %1").arg(reason);
    case Kind::ReconnectScheduled: {
        QString text = event.delayMs > 0
            ? tr("Reconnecting in %1 s").arg(QLocale().toString(event.delayMs / 1000.0, 'f', 1))
            : tr("Reconnecting now");
        QString detail = event.attempt > 0 ? tr("attempt %1").arg(event.attempt) : QString();
        if (!reason.isEmpty())
            detail = detail.isEmpty() ? reason : tr("%1 \u2014 %2").arg(detail, reason);
        if (!detail.isEmpty())
            text += QStringLiteral(" (") + detail + u')';
        return text;
    }
    case Kind::Failed:
        return reason.isEmpty() ? tr("Failed") : tr("Failed: %1").arg(reason);
    case Kind::EndedByServer:
        return reason.isEmpty() ? tr("Ended by server") : tr("Ended by server (%1)").arg(reason);
    case Kind::Closed:
        return tr("Closed by the user");
    case Kind::IdReset: {
        static const QRegularExpression fromTo(QStringLiteral("^from (.*) to (.*)$"));
        const QRegularExpressionMatch match = fromTo.match(reason);
        if (match.hasMatch()) {
            return tr("ID reset: %1 \u2192 %2 (the server restarted?)")
                .arg(match.captured(1), match.captured(2));
        }
        return reason.isEmpty() ? tr("ID reset (the server restarted?)")
                                : tr("ID reset: %1").arg(reason);
    }
    case Kind::Notice:
        return tr("Notice: %1").arg(reason);
    }
    return reason;
}

QColor EventLogModel::connectionColor(ConnectionEvent::Kind kind)
{
    using Kind = ConnectionEvent::Kind;
    switch (kind) {
    case Kind::Opened:
        return QColor(0x2e, 0xa0, 0x4f);
    case Kind::Lost:
    case Kind::ReconnectScheduled:
    case Kind::IdReset:
    case Kind::Notice:
        return QColor(0xc7, 0x7c, 0x02);
    case Kind::Failed:
        return QColor(0xd1, 0x34, 0x38);
    case Kind::EndedByServer:
    case Kind::Closed:
        break;
    }
    return QColor(0x8c, 0x8c, 0x8c);
}

QString EventLogModel::connectionTypeText()
{
    return tr("\u27F2 connection");
}

QString EventLogModel::commentTypeText()
{
    return tr(": comment");
}

QString EventLogModel::alertTypeText(AlertTransition::State state)
{
    return state == AlertTransition::State::Firing ? tr("alert firing") : tr("alert resolved");
}

QString EventLogModel::alertText(const QString &ruleText, const std::optional<double> &value)
{
    return value ? tr("%1 (value %2)").arg(ruleText, AlertRule::numberText(*value)) : ruleText;
}

QColor EventLogModel::alertColor(AlertTransition::State state)
{
    return state == AlertTransition::State::Firing ? QColor(0xd1, 0x34, 0x38) : QColor(0x2e, 0xa0, 0x4f);
}

std::optional<QVariant> EventLogModel::sharedData(const Entry &entry, int column, int role) const
{
    switch (role) {
    case StreamRole:
        return displayName(entry);
    case ReceivedAtRole:
        return QDateTime::fromMSecsSinceEpoch(entry.timeMs, Qt::UTC);
    case StreamIdRole:
        return QVariant::fromValue(entry.streamId);
    case AttemptRole:
    case DelayRole:
        return 0;
    case Qt::DisplayRole:
        if (column == TimeColumn)
            return DisplayTime::clockText(entry.timeMs);
        if (column == StreamColumn)
            return displayName(entry);
        break;
    case Qt::ToolTipRole:
        if (column == TimeColumn)
            return DisplayTime::fullText(entry.timeMs);
        break;
    }
    return std::nullopt;
}

QVariant EventLogModel::alertData(const Entry &entry, int column, int role) const
{
    if (const std::optional<QVariant> shared = sharedData(entry, column, role))
        return *shared;
    const AlertTransition::State state = entry.alertState();
    const QString whole = entry.detail.isEmpty() ? entry.data : entry.data + u'\n' + entry.detail;
    switch (role) {
    case TypeRole:
    case IdRole:
    case UrlRole:
        return QString();
    case FullDataRole:
        return whole;
    case ConnectionRole:
        return 0;
    case KindRole:
        return int(RowKind::Alert);
    case ConnectionKindRole:
        return {};
    case ReasonRole:
        return entry.detail;
    case AlertStateRole:
        return int(state);
    case Qt::DisplayRole:
        switch (column) {
        case TypeColumn:
            return alertTypeText(state);
        case DataColumn:
            return entry.data;
        }
        return QString();
    case Qt::ToolTipRole:
        switch (column) {
        case DataColumn:
        case TypeColumn:
            return whole;
        }
        return alertData(entry, column, Qt::DisplayRole);
    case Qt::ForegroundRole:
        if (column == TypeColumn || column == DataColumn)
            return alertColor(state);
        break;
    case Qt::DecorationRole:
        if (column == TypeColumn)
            return alertColor(state);
        break;
    }
    return {};
}


QVariant EventLogModel::commentData(const Entry &entry, int column, int role) const
{
    if (const std::optional<QVariant> shared = sharedData(entry, column, role))
        return *shared;
    switch (role) {
    case TypeRole:
    case IdRole:
    case ReasonRole:
        return QString();
    case UrlRole:
        return entry.url;
    case FullDataRole:
        return entry.data;
    case ConnectionRole:
        return entry.connection;
    case KindRole:
        return int(RowKind::Comment);
    case ConnectionKindRole:
    case AlertStateRole:
        return {};
    case Qt::DisplayRole:
        switch (column) {
        case TypeColumn:
            return commentTypeText();
        case DataColumn:
            return preview(entry.data);
        }
        return QString();
    case Qt::ToolTipRole:
        if (column == DataColumn)
            return entry.data.left(MaximumToolTipLength);
        return commentData(entry, column, Qt::DisplayRole);
    case Qt::ForegroundRole:
        if (column == TypeColumn || column == DataColumn)
            return QColor(0x8c, 0x8c, 0x8c);
        break;
    }
    return {};
}
