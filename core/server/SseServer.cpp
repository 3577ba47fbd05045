#include "SseServer.h"

#include "HttpRequestParser.h"

#include <optional>

#include <QHash>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace {

// A request body is read whole before the route sees the request; a larger one gets 413.
constexpr qint64 MaxBodySize = 1024 * 1024;

using HttpRequestParser::ParsedHead;
using HttpRequestParser::ParseStatus;
using HttpRequestParser::parseHead;

struct Connection
{
    QByteArray buffer;
    QPointer<HttpResponseStream> response;
    std::optional<ParsedHead> awaitingBody; // a head whose body has not all arrived
    bool closing = false;
};

} // namespace

class SseServer::Private
{
public:
    explicit Private(SseServer *q) : q(q) {}

    void acceptConnections();
    void readFrom(QTcpSocket *socket);
    void processBuffer(QTcpSocket *socket);
    HttpResponseStream *beginResponse(QTcpSocket *socket, bool closeAfterResponse);
    void respondWithError(QTcpSocket *socket, int status, const QByteArray &text);
    // The next whole request in the connection's buffer (head and body), or nothing yet: either
    // more bytes are needed or an error was answered.
    std::optional<ParsedHead> nextRequest(QTcpSocket *socket, Connection &connection);
    void dropConnections();

    SseServer *q;
    QTcpServer server;
    QHash<QString, Handler> routes;
    QHash<QTcpSocket *, Connection> connections;
    int maxConnections = SseServer::DefaultMaxConnections;
};

void SseServer::Private::acceptConnections()
{
    while (QTcpSocket *socket = server.nextPendingConnection()) {
        // Counted before this one: a refused connection holds a descriptor until it is gone too.
        const bool overCap = connections.size() >= maxConnections;
        connections.insert(socket, Connection());
        connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
            connections.remove(socket);
            socket->deleteLater();
        });
        if (overCap) {
            respondWithError(socket, 503, "Too many connections\n");
            continue;
        }
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { readFrom(socket); });
        if (socket->bytesAvailable() > 0)
            readFrom(socket);
    }
}

void SseServer::Private::readFrom(QTcpSocket *socket)
{
    auto it = connections.find(socket);
    if (it == connections.end() || it->closing)
        return;
    // While a response is under way the next request waits in the socket.
    if (it->response)
        return;
    it->buffer += socket->readAll();
    processBuffer(socket);
}

void SseServer::Private::processBuffer(QTcpSocket *socket)
{
    while (true) {
        auto it = connections.find(socket);
        if (it == connections.end() || it->closing || it->response)
            return;
        Connection &connection = *it;

        std::optional<ParsedHead> next = nextRequest(socket, connection);
        if (!next)
            return;
        ParsedHead &head = *next;

        HttpResponseStream *response = beginResponse(socket, head.closeAfterResponse);
        const HttpRequest request = std::move(head.request);
        Q_EMIT q->requestReceived(request);
        if (!response)
            return;
        const auto route = routes.constFind(request.path());
        if (route != routes.constEnd() && *route) {
            (*route)(request, response);
        } else {
            static const QByteArray notFound = "Not Found\n";
            response->writeHead(404, {{"Content-Type", "text/plain; charset=utf-8"}},
                                HttpResponseStream::Framing::ContentLength, notFound.size());
            response->write(notFound);
            response->end();
        }
    }
}

std::optional<ParsedHead> SseServer::Private::nextRequest(QTcpSocket *socket, Connection &connection)
{
    ParsedHead head;
    if (connection.awaitingBody) {
        head = std::move(*connection.awaitingBody);
        connection.awaitingBody.reset();
    } else {
        head = parseHead(connection.buffer);
        switch (head.status) {
        case ParseStatus::Incomplete:
            connection.buffer.remove(0, head.consumed);
            return std::nullopt;
        case ParseStatus::TooLarge:
            respondWithError(socket, 431, "Request Header Fields Too Large\n");
            return std::nullopt;
        case ParseStatus::Bad:
            respondWithError(socket, 400, "Bad Request\n");
            return std::nullopt;
        case ParseStatus::Complete:
            break;
        }
        if (head.unsupportedBody) {
            respondWithError(socket, 501, "Chunked request bodies are not supported\n");
            return std::nullopt;
        }
        if (head.bodyLength > MaxBodySize) {
            respondWithError(socket, 413, "Content Too Large\n");
            return std::nullopt;
        }
        connection.buffer.remove(0, head.consumed);
    }
    // The route sees the request once its body is all there.
    if (connection.buffer.size() < head.bodyLength) {
        connection.awaitingBody = std::move(head);
        return std::nullopt;
    }
    head.request.body = connection.buffer.first(head.bodyLength);
    connection.buffer.remove(0, head.bodyLength);
    return head;
}

HttpResponseStream *SseServer::Private::beginResponse(QTcpSocket *socket, bool closeAfterResponse)
{
    auto it = connections.find(socket);
    if (it == connections.end())
        return nullptr;
    auto *response = new HttpResponseStream(socket, socket);
    response->m_closeAfterEnd = closeAfterResponse;
    it->response = response;
    it->closing = closeAfterResponse;
    connect(response, &HttpResponseStream::finished, socket, [this, socket, response] {
        response->deleteLater();
        auto it = connections.find(socket);
        if (it == connections.end() || it->response != response)
            return;
        it->response = nullptr;
        if (!response->keepsConnection()) {
            it->closing = true;
            return;
        }
        // The next request may already be buffered; pick it up once the current handler returned.
        QMetaObject::invokeMethod(
            socket, [this, socket] { readFrom(socket); }, Qt::QueuedConnection);
    });
    return response;
}

void SseServer::Private::respondWithError(QTcpSocket *socket, int status, const QByteArray &text)
{
    HttpResponseStream *response = beginResponse(socket, true);
    if (!response)
        return;
    response->writeHead(status, {{"Content-Type", "text/plain; charset=utf-8"}},
                        HttpResponseStream::Framing::ContentLength, text.size());
    response->write(text);
    response->end();
}

void SseServer::Private::dropConnections()
{
    const QList<QTcpSocket *> sockets = connections.keys();
    for (QTcpSocket *socket : sockets) {
        socket->abort(); // emits disconnected: responses learn that their peer is gone
        connections.remove(socket);
        socket->disconnect(socket);
        socket->deleteLater();
    }
}

SseServer::SseServer(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{
    connect(&d->server, &QTcpServer::newConnection, this, [this] { d->acceptConnections(); });
}

SseServer::~SseServer()
{
    d->server.close();
    d->dropConnections();
}

void SseServer::route(const QString &path, Handler handler)
{
    d->routes.insert(path, std::move(handler));
}

bool SseServer::listen(const QHostAddress &address, quint16 port)
{
    if (d->server.isListening())
        d->server.close();
    return d->server.listen(address, port);
}

bool SseServer::isListening() const
{
    return d->server.isListening();
}

void SseServer::close()
{
    d->server.close();
    d->dropConnections();
}

quint16 SseServer::serverPort() const
{
    return d->server.serverPort();
}

QHostAddress SseServer::serverAddress() const
{
    return d->server.serverAddress();
}

QUrl SseServer::url(const QString &path) const
{
    QHostAddress address = d->server.serverAddress();
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4)
        address = QHostAddress::LocalHost;
    else if (address == QHostAddress::AnyIPv6)
        address = QHostAddress::LocalHostIPv6;
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(address.toString());
    url.setPort(d->server.serverPort());
    url.setPath(path);
    return url;
}

QString SseServer::errorString() const
{
    return d->server.errorString();
}

void SseServer::setMaxConnections(int count)
{
    d->maxConnections = qMax(1, count);
}

int SseServer::maxConnections() const
{
    return d->maxConnections;
}

int SseServer::openConnectionCount() const
{
    return int(d->connections.size());
}
