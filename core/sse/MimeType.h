#pragma once

#include <QByteArrayView>

namespace MimeType {
// True when a Content-Type header's essence is text/event-stream: case-insensitive, parameters
// and surrounding whitespace ignored, as the MIME Sniffing standard parses it.
bool isEventStream(QByteArrayView contentType);
}
