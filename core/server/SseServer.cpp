#include "SseServer.h"

#include "FetchRequest.h"

#include <optional>

#include <QHash>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace {

constexpr qsizetype MaxHeadSize = 64 * 1024;
// A request body is read whole before the route sees the request; a larger one gets 413.
constexpr qint64 MaxBodySize = 1024 * 1024;

enum class ParseStatus { Incomplete, Complete, Bad, TooLarge };

struct ParsedHead
{
    ParseStatus status = ParseStatus::Incomplete;
    HttpRequest request;
    qsizetype consumed = 0; // bytes of the buffer the head took, blank line included
    bool closeAfterResponse = false;
    qint64 bodyLength = 0;
    bool unsupportedBody = false;
};

using FetchRequest::isToken;

bool hasControlCharacters(QByteArrayView text)
{
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return true;
    }
    return false;
}

bool parseRequestLine(QByteArrayView line, HttpRequest &request, int &minorVersion)
{
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype lastSpace = line.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace <= firstSpace + 1)
        return false;
    const QByteArrayView method = line.first(firstSpace);
    const QByteArrayView target = line.sliced(firstSpace + 1, lastSpace - firstSpace - 1);
    const QByteArrayView version = line.sliced(lastSpace + 1);
    if (!isToken(method) || target.contains(' ') || hasControlCharacters(target))
        return false;
    if (!(target.startsWith('/') || target == "*" || target.startsWith("http://")
          || target.startsWith("https://")))
        return false;
    if (version.size() != 8 || !version.startsWith("HTTP/1.") || version[7] < '0' || version[7] > '9')
        return false;
    request.method = method.toByteArray();
    request.target = target.toByteArray();
    minorVersion = version[7] - '0';
    return true;
}

bool containsToken(QByteArrayView list, QByteArrayView token)
{
    for (const QByteArray &item : list.toByteArray().split(',')) {
        if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// Request line and header fields up to the blank line. Lines may end in CRLF or a bare LF, and
// empty lines before the request line are skipped.
ParsedHead parseHead(const QByteArray &buffer)
{
    ParsedHead result;
    qsizetype pos = 0;
    while (pos < buffer.size() && (buffer[pos] == '\r' || buffer[pos] == '\n'))
        ++pos;
    if (pos == buffer.size()) {
        result.consumed = pos; // only blank lines so far: drop them
        return result;
    }

    int minorVersion = 1;
    bool firstLine = true;
    while (true) {
        const qsizetype newline = buffer.indexOf('\n', pos);
        if (newline < 0) {
            result.status = buffer.size() > MaxHeadSize ? ParseStatus::TooLarge : ParseStatus::Incomplete;
            result.consumed = 0;
            return result;
        }
        if (newline > MaxHeadSize) {
            result.status = ParseStatus::TooLarge;
            return result;
        }
        QByteArrayView line(buffer.constData() + pos, newline - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        pos = newline + 1;

        if (firstLine) {
            if (!parseRequestLine(line, result.request, minorVersion)) {
                result.status = ParseStatus::Bad;
                return result;
            }
            firstLine = false;
            continue;
        }
        if (line.isEmpty())
            break;

        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon))) {
            result.status = ParseStatus::Bad; // also rejects obsolete line folding
            return result;
        }
        QByteArray value = line.sliced(colon + 1).toByteArray().trimmed();
        if (hasControlCharacters(value)) {
            result.status = ParseStatus::Bad;
            return result;
        }
        if (value.isNull())
            value = QByteArray("");
        result.request.headers.append({line.first(colon).toByteArray(), value});
    }

    const HttpRequest &request = result.request;
    const QByteArray connection = request.header("Connection");
    result.closeAfterResponse = minorVersion == 0 ? !containsToken(connection, "keep-alive")
                                                  : containsToken(connection, "close");
    if (request.hasHeader("Transfer-Encoding")) {
        result.unsupportedBody = true;
    } else if (request.hasHeader("Content-Length")) {
        bool ok = false;
        result.bodyLength = request.header("Content-Length").toLongLong(&ok);
        if (!ok || result.bodyLength < 0) {
            result.status = ParseStatus::Bad;
            return result;
        }
    }
    result.status = ParseStatus::Complete;
    result.consumed = pos;
    return result;
}

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
};

void SseServer::Private::acceptConnections()
{
    while (QTcpSocket *socket = server.nextPendingConnection()) {
        connections.insert(socket, Connection());
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { readFrom(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
            connections.remove(socket);
            socket->deleteLater();
        });
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

int SseServer::openConnectionCount() const
{
    return int(d->connections.size());
}
