#include "SseWriter.h"

#include "CapturedEvent.h"

#include <QFileDevice>
#include <QIODevice>

namespace {


// A URL cannot hold a line break; should one be given anyway, it must not end the comment.
QByteArray commentSafe(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    utf8.replace('\r', "%0D");
    utf8.replace('\n', "%0A");
    return utf8;
}

QByteArray singleLine(const QString &value)
{
    QByteArray bytes = value.toUtf8();
    bytes.replace('\r', QByteArray()).replace('\n', QByteArray());
    return bytes;
}

} // namespace

SseWriter::SseWriter(QIODevice *device)
    : CaptureWriter(device)
{
}

void SseWriter::appendEvent(QByteArray &out, const SseEvent &event, const QString &previousId)
{
    // A parser strips exactly one space after the colon, so "name: value" keeps a value's own
    // leading space. Types and ids can't hold a line break on the wire; one that came from
    // elsewhere is dropped rather than allowed to break the framing.
    if (event.type != QLatin1StringView("message")) {
        const QByteArray type = singleLine(event.type);
        if (!type.isEmpty()) {
            out.append("event: ");
            out.append(type);
            out.append('\n');
        }
    }
    if (event.lastEventId != previousId) {
        const QByteArray id = singleLine(event.lastEventId);
        if (id.isEmpty()) {
            out.append("id\n");
        } else {
            out.append("id: ");
            out.append(id);
            out.append('\n');
        }
    }
    // The parser joins data lines with LF; a CR can only have come from a line break too.
    QByteArray data = event.data.toUtf8();
    if (data.contains('\r'))
        data.replace("\r\n", "\n").replace('\r', '\n');
    qsizetype start = 0;
    while (true) {
        const qsizetype end = data.indexOf('\n', start);
        const QByteArrayView line = QByteArrayView(data).sliced(start, (end < 0 ? data.size() : end) - start);
        if (line.isEmpty()) {
            out.append("data:\n");
        } else {
            out.append("data: ");
            out.append(line);
            out.append('\n');
        }
        if (end < 0)
            break;
        start = end + 1;
    }
    out.append('\n');
}

void SseWriter::write(const CapturedEvent &captured)
{
    m_buffer.append(": receivedAt ");
    if (captured.receivedAt.isValid())
        m_buffer.append(captured.receivedAt.toUTC().toString(Qt::ISODateWithMs).toLatin1());
    else
        m_buffer.append('-');
    m_buffer.append(" connection ");
    m_buffer.append(QByteArray::number(captured.connection));
    m_buffer.append(" url ");
    m_buffer.append(commentSafe(captured.url));
    m_buffer.append('\n');
    appendEvent(m_buffer, captured.event, m_lastEventId);
    m_lastEventId = captured.event.lastEventId;

    writeThroughIfFull();
}
