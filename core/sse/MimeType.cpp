#include "MimeType.h"

#include <QByteArray>

bool MimeType::isEventStream(QByteArrayView contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArrayView essence = semicolon < 0 ? contentType : contentType.first(semicolon);
    return essence.trimmed().compare("text/event-stream", Qt::CaseInsensitive) == 0;
}
