#include "EventSourceRequest.h"

#include "FetchRequest.h"

#include <QCoreApplication>
#include <QNetworkReply>
#include <QTimer>

namespace EventSourceRequest {

QNetworkRequest build(const EventSourceOptions &options, const Shape &shape)
{
    QNetworkRequest request(shape.url);
    request.setRawHeader("Accept", "text/event-stream");
    if (!shape.offerCompression)
        request.setRawHeader("Accept-Encoding", "identity");
    // As Fetch's no-store does. (Qt adds these for a plain get() with AlwaysNetwork, but not for the
    // custom request that carries the non-rewindable body.)
    request.setRawHeader("Cache-Control", "no-cache");
    request.setRawHeader("Pragma", "no-cache");
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    // Redirects are followed by EventSource, so that the limit, the origin checks and the header
    // stripping are ours.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArray(QByteArray("EventScope/") + QCoreApplication::applicationVersion().toLatin1()));
    for (const auto &[name, value] : options.headers) {
        if (shape.withholdSecrets && options.isSecretHeader(name))
            continue;
        if (shape.dropBodyHeaders && FetchRequest::isRequestBodyHeader(name))
            continue;
        if (shape.dropAcceptEncoding && name.compare("Accept-Encoding", Qt::CaseInsensitive) == 0)
            continue;
        request.setRawHeader(name, value);
    }
    if (!shape.lastEventId.isEmpty())
        request.setRawHeader("Last-Event-ID", shape.lastEventId.toUtf8());
    if (options.idleTimeoutMs > 0)
        request.setTransferTimeout(options.idleTimeoutMs);
    return request;
}

void limitReadBuffer(QNetworkReply *reply, qint64 size)
{
    // Qt 6.4 passes the limit on to its HTTP thread only once the request has started, and a
    // request with a body device (ours) starts two event-loop turns after sendCustomRequest(): a
    // limit set before is dropped, and the reply then buffers whatever the socket gives (50 MB and
    // more behind a fast local server). So it is set now, again two turns later, and whenever Qt
    // opens a connection for the reply.
    reply->setReadBufferSize(size);
    QTimer::singleShot(0, reply, [reply, size] {
        QTimer::singleShot(0, reply, [reply, size] { reply->setReadBufferSize(size); });
    });
    QObject::connect(reply, &QNetworkReply::socketStartedConnecting, reply,
                     [reply, size] { reply->setReadBufferSize(size); });
}

bool isHttpUrl(const QUrl &url)
{
    const QString scheme = url.scheme();
    return url.isValid() && !url.host().isEmpty()
        && (scheme == QLatin1String("http") || scheme == QLatin1String("https"));
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const auto defaultPort = [](const QUrl &url) { return url.scheme() == QLatin1String("https") ? 443 : 80; };
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(defaultPort(a)) == b.port(defaultPort(b));
}

} // namespace EventSourceRequest
