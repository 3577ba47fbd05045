#include "CsvWriter.h"

#include "CapturedEvent.h"
#include "FieldExtractor.h"
#include "StreamFieldStore.h"

#include <QFileDevice>
#include <QHash>
#include <QIODevice>
#include <QLocale>

namespace {


QString timestamp(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

CsvWriter::CsvWriter(QIODevice *device, const QStringList &fieldPaths)
    : CaptureWriter(device)
    , m_fieldPaths(fieldPaths)
{
}

void CsvWriter::appendField(QByteArray &out, QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    bool quote = false;
    for (const char c : utf8) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        out.append(utf8);
        return;
    }
    out.reserve(out.size() + utf8.size() + 2);
    out.append('"');
    for (const char c : utf8) {
        if (c == '"')
            out.append('"');
        out.append(c);
    }
    out.append('"');
}

void CsvWriter::begin()
{
    if (m_begun)
        return;
    m_begun = true;
    m_buffer.append("receivedAt,url,type,lastEventId,data,connection");
    for (const QString &path : std::as_const(m_fieldPaths)) {
        m_buffer.append(',');
        appendField(m_buffer, path);
    }
    m_buffer.append("\r\n");
}

void CsvWriter::write(const CapturedEvent &captured)
{
    begin();
    appendField(m_buffer, timestamp(captured.receivedAt));
    m_buffer.append(',');
    appendField(m_buffer, captured.url);
    m_buffer.append(',');
    appendField(m_buffer, captured.event.type);
    m_buffer.append(',');
    appendField(m_buffer, captured.event.lastEventId);
    m_buffer.append(',');
    appendField(m_buffer, captured.event.data);
    m_buffer.append(',');
    m_buffer.append(QByteArray::number(captured.connection));
    if (!m_fieldPaths.isEmpty()) {
        // Columns are field keys: a field of another event type ("alert:/latency_ms") stays empty.
        QHash<QString, double> values;
        for (const FieldSample &sample : FieldExtractor::extract(captured.event.data.toUtf8()))
            values.insert(StreamFieldStore::fieldKey(captured.event.type, sample.path), sample.value);
        for (const QString &path : std::as_const(m_fieldPaths)) {
            m_buffer.append(',');
            const auto it = values.constFind(path);
            if (it != values.constEnd())
                m_buffer.append(QByteArray::number(*it, 'g', QLocale::FloatingPointShortest));
        }
    }
    m_buffer.append("\r\n");

    writeThroughIfFull();
}
