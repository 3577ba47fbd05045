#include "EventDetailView.h"

#include "DisplayTime.h"
#include "EventLogModel.h"

#include <QFontDatabase>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QModelIndex>

EventDetailView::EventDetailView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setPlaceholderText(tr("Select an event to see it whole"));
}

void EventDetailView::showEvent(const QString &stream, const SseEvent &event,
                                const QDateTime &receivedAt)
{
    const QString json = indentedJson(event.data);
    const QString text = tr("Time:   %1").arg(DisplayTime::fullText(receivedAt)) + u'\n'
        + tr("Stream: %1").arg(stream) + u'\n' + tr("Type:   %1").arg(event.type) + u'\n'
        + tr("ID:     %1").arg(event.lastEventId) + u'\n' + u'\n'
        + (json.isNull() ? event.data : json);
    setPlainText(text);
}

void EventDetailView::showComment(const QString &stream, const QString &comment, const QDateTime &receivedAt)
{
    setPlainText(tr("Time:   %1").arg(DisplayTime::fullText(receivedAt)) + u'\n' + tr("Stream: %1").arg(stream)
                 + u'\n' + tr("Type:   %1").arg(EventLogModel::commentTypeText()) + u'\n' + u'\n' + comment);
}

void EventDetailView::showConnectionEvent(const QString &stream, const ConnectionEvent &event)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(event.timeMs, Qt::UTC);
    QString text = tr("Time:   %1").arg(DisplayTime::fullText(at)) + u'\n'
        + tr("Stream: %1").arg(stream) + u'\n'
        + tr("Type:   %1").arg(EventLogModel::connectionTypeText()) + u'\n' + u'\n'
        + EventLogModel::connectionText(event) + u'\n';
    if (!event.reason.isEmpty())
        text += u'\n' + tr("Reason:      %1").arg(event.reason);
    if (event.connection > 0)
        text += u'\n' + tr("Connection:  %1").arg(event.connection);
    if (event.kind == ConnectionEvent::Kind::ReconnectScheduled) {
        if (event.attempt > 0)
            text += u'\n' + tr("Attempt:     %1").arg(event.attempt);
        const QDateTime next = at.addMSecs(event.delayMs);
        text += u'\n'
            + tr("Next try:    %1 (after %2 s)")
                  .arg(DisplayTime::fullText(next),
                       QLocale().toString(event.delayMs / 1000.0, 'f', 1));
    }
    setPlainText(text);
}

void EventDetailView::showIndex(const QModelIndex &index)
{
    if (!index.isValid()) {
        clear();
        return;
    }
    if (index.data(EventLogModel::KindRole).toInt() == int(EventLogModel::RowKind::Connection)) {
        ConnectionEvent event;
        event.kind = ConnectionEvent::Kind(index.data(EventLogModel::ConnectionKindRole).toInt());
        event.timeMs = index.data(EventLogModel::ReceivedAtRole).toDateTime().toMSecsSinceEpoch();
        event.reason = index.data(EventLogModel::ReasonRole).toString();
        event.connection = index.data(EventLogModel::ConnectionRole).toInt();
        event.attempt = index.data(EventLogModel::AttemptRole).toInt();
        event.delayMs = index.data(EventLogModel::DelayRole).toInt();
        showConnectionEvent(index.data(EventLogModel::StreamRole).toString(), event);
        return;
    }
    if (index.data(EventLogModel::KindRole).toInt() == int(EventLogModel::RowKind::Comment)) {
        showComment(index.data(EventLogModel::StreamRole).toString(), index.data(EventLogModel::FullDataRole).toString(),
                    index.data(EventLogModel::ReceivedAtRole).toDateTime());
        return;
    }
    SseEvent event;
    event.type = index.data(EventLogModel::TypeRole).toString();
    event.lastEventId = index.data(EventLogModel::IdRole).toString();
    event.data = index.data(EventLogModel::FullDataRole).toString();
    showEvent(index.data(EventLogModel::StreamRole).toString(), event,
              index.data(EventLogModel::ReceivedAtRole).toDateTime());
}

void EventDetailView::clear()
{
    QPlainTextEdit::clear();
}

QString EventDetailView::indentedJson(const QString &data)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(data.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !(document.isObject() || document.isArray()))
        return {};

    // Re-indent the text itself rather than QJsonDocument::toJson(), which sorts keys and
    // turns large integers into doubles.
    constexpr int IndentWidth = 4;
    QString out;
    out.reserve(data.size() * 2);
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    const auto newLine = [&] {
        out += u'\n';
        out += QString(depth * IndentWidth, u' ');
    };
    const auto nextSignificant = [&](qsizetype from) -> QChar {
        for (qsizetype j = from; j < data.size(); ++j) {
            if (!data.at(j).isSpace())
                return data.at(j);
        }
        return {};
    };
    for (qsizetype i = 0; i < data.size(); ++i) {
        const QChar c = data.at(i);
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == u'\\')
                escaped = true;
            else if (c == u'"')
                inString = false;
            continue;
        }
        switch (c.unicode()) {
        case u'"':
            inString = true;
            out += c;
            break;
        case u'{':
        case u'[': {
            out += c;
            const QChar next = nextSignificant(i + 1);
            if (next == u'}' || next == u']') {
                // An empty object or array stays on one line.
                out += next;
                i = data.indexOf(next, i + 1);
            } else {
                ++depth;
                newLine();
            }
            break;
        }
        case u'}':
        case u']':
            --depth;
            newLine();
            out += c;
            break;
        case u',':
            out += c;
            newLine();
            break;
        case u':':
            out += QStringLiteral(": ");
            break;
        default:
            if (!c.isSpace())
                out += c;
        }
    }
    return out;
}
