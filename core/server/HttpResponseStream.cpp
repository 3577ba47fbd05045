#include "HttpResponseStream.h"

#include <QTcpSocket>

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 410: return "Gone";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

bool isFramingHeader(const QByteArray &name)
{
    return name.compare("Content-Length", Qt::CaseInsensitive) == 0
        || name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0
        || name.compare("Connection", Qt::CaseInsensitive) == 0;
}

} // namespace

HttpResponseStream::HttpResponseStream(QTcpSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{
    if (!socket)
        return;
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_socket && m_socket->bytesToWrite() == 0)
            Q_EMIT drained();
    });
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        if (m_ended)
            return;
        m_ended = true;
        Q_EMIT disconnected();
    });
}

void HttpResponseStream::writeHead(int status, const QList<std::pair<QByteArray, QByteArray>> &headers,
                                   Framing framing, qint64 contentLength)
{
    if (m_headWritten || m_ended)
        return;
    m_headWritten = true;
    m_framing = framing;
    m_bodyless = (status >= 100 && status < 200) || status == 204 || status == 304;
    m_remaining = framing == Framing::ContentLength ? qMax<qint64>(0, contentLength) : 0;

    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : headers) {
        if (!isFramingHeader(name))
            head += name + ": " + value + "\r\n";
    }
    if (m_bodyless) {
        m_remaining = 0;
    } else {
        switch (framing) {
        case Framing::Chunked:
            head += "Transfer-Encoding: chunked\r\n";
            break;
        case Framing::ContentLength:
            head += "Content-Length: " + QByteArray::number(m_remaining) + "\r\n";
            break;
        case Framing::CloseDelimited:
            break;
        }
    }
    if (framing == Framing::CloseDelimited || m_closeAfterEnd)
        head += "Connection: close\r\n";
    head += "\r\n";
    if (m_socket)
        m_socket->write(head);
}

void HttpResponseStream::write(QByteArrayView bytes)
{
    if (!m_headWritten || m_ended || m_bodyless || bytes.isEmpty() || !m_socket)
        return;
    switch (m_framing) {
    case Framing::Chunked: {
        QByteArray chunk;
        chunk.reserve(bytes.size() + 20);
        chunk += QByteArray::number(bytes.size(), 16);
        chunk += "\r\n";
        chunk += bytes;
        chunk += "\r\n";
        m_socket->write(chunk);
        break;
    }
    case Framing::ContentLength: {
        // Bytes past the declared length would be read as the start of the next response.
        const qint64 size = qMin<qint64>(bytes.size(), m_remaining);
        if (size <= 0)
            return;
        m_remaining -= size;
        m_socket->write(bytes.data(), size);
        break;
    }
    case Framing::CloseDelimited:
        m_socket->write(bytes.data(), bytes.size());
        break;
    }
}

void HttpResponseStream::end()
{
    if (m_ended)
        return;
    if (!m_headWritten)
        writeHead(200, {}, Framing::ContentLength, 0);
    if (!m_socket) {
        m_ended = true;
        return;
    }
    if (!m_bodyless) {
        if (m_framing == Framing::Chunked) {
            m_socket->write("0\r\n\r\n");
        } else if (m_framing == Framing::ContentLength && m_remaining > 0) {
            // The promised length cannot be met any more: the peer must see a truncated body.
            abort();
            return;
        }
    }
    m_ended = true;
    if (!keepsConnection())
        m_socket->disconnectFromHost();
    Q_EMIT finished();
}

void HttpResponseStream::abort()
{
    const bool wasEnded = m_ended;
    m_ended = true;
    if (m_socket) {
        m_socket->flush(); // what was written goes out as far as the system takes it without waiting
        m_socket->abort();
    }
    if (!wasEnded)
        Q_EMIT disconnected();
}

bool HttpResponseStream::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

qint64 HttpResponseStream::bytesToWrite() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

bool HttpResponseStream::keepsConnection() const
{
    return m_framing != Framing::CloseDelimited && !m_closeAfterEnd;
}
