#include "MimeType.h"

#include <QByteArray>

namespace {

// HTTP whitespace is narrower than isspace(): a vertical tab or form feed is not trimmed.
bool isHttpWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

QByteArrayView trimmedHttpWhitespace(QByteArrayView text)
{
    while (!text.isEmpty() && isHttpWhitespace(text.front()))
        text = text.sliced(1);
    while (!text.isEmpty() && isHttpWhitespace(text.back()))
        text.chop(1);
    return text;
}

} // namespace

bool MimeType::isEventStream(QByteArrayView contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArrayView essence = semicolon < 0 ? contentType : contentType.first(semicolon);
    return trimmedHttpWhitespace(essence).compare("text/event-stream", Qt::CaseInsensitive) == 0;
}
