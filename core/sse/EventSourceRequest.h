#pragma once

#include "EventSourceOptions.h"

#include <QByteArrayView>
#include <QNetworkRequest>
#include <QString>
#include <QUrl>

class QNetworkReply;

// The request an EventSource sends, as Fetch shapes it for EventSource: the headers, what a
// redirect to another origin or to a GET leaves out, and the reply's bounded read buffer.
namespace EventSourceRequest {

// What the connection so far decided about the next request.
struct Shape
{
    QUrl url;                 // after the redirects so far
    QString lastEventId;      // sent when not empty
    bool offerCompression = false;
    bool withholdSecrets = false; // a redirect left the subscription's origin
    bool dropBodyHeaders = false; // a redirect turned the request into a GET
    bool dropAcceptEncoding = false; // Qt decodes only the encodings it offered itself
};

QNetworkRequest build(const EventSourceOptions &options, const Shape &shape);
// Sets the reply's read buffer limit so that it holds (see the comment in the source).
void limitReadBuffer(QNetworkReply *reply, qint64 size);

bool isHttpUrl(const QUrl &url);
bool sameOrigin(const QUrl &a, const QUrl &b);

} // namespace EventSourceRequest
