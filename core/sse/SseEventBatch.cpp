#include "SseEventBatch.h"

#include "Utf8Decoder.h"

namespace {

QString decodedType(QByteArrayView type)
{
    static const QString message = QStringLiteral("message");
    return type == "message" ? message : Utf8Decoder::decode(type);
}

} // namespace

SseEvent SseEventBatch::event(qsizetype index) const
{
    const Entry &e = entry(index);
    return SseEvent{decodedType(view(e.type)), Utf8Decoder::decode(view(e.data)), Utf8Decoder::decode(view(e.id))};
}

void SseEventBatch::clear()
{
    m_bytes.recycle();
    m_entries.clear();
    m_comments.clear();
}
