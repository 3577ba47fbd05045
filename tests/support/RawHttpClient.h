// A raw HTTP/1.1 client for the SseServer suites: requests written by hand, responses parsed
// off the wire (chunked, Content-Length or close-delimited).
#pragma once

#include "SseServer.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <utility>

namespace RawHttp {

constexpr int Timeout = 10000;

using Headers = QList<std::pair<QByteArray, QByteArray>>;
using Framing = HttpResponseStream::Framing;

// One response as read off the wire by a raw client.
struct WireResponse
{
    int status = 0;
    Headers headers;
    QByteArray head; // status line and header lines, blank line included
    QByteArray body; // de-chunked
    bool complete = false;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (name.compare(key, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

// Parses one response from the start of `buffer`. Returns the bytes used when the response is
// complete (a close-delimited body is complete once `closed`), otherwise -1 and what was parsed.
inline qsizetype parseResponse(const QByteArray &buffer, bool closed, WireResponse &response)
{
    response = WireResponse();
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return -1;
    response.head = buffer.first(headEnd + 4);
    const QList<QByteArray> lines = buffer.first(headEnd).split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() < 2)
        return -1;
    response.status = statusLine.at(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        response.headers.append({line.first(colon), line.sliced(colon + 1).trimmed()});
    }

    qsizetype pos = headEnd + 4;
    const bool bodyless = response.status == 204 || response.status == 304;
    if (bodyless) {
        response.complete = true;
        return pos;
    }
    if (response.header("Transfer-Encoding") == "chunked") {
        while (true) {
            const qsizetype lineEnd = buffer.indexOf("\r\n", pos);
            if (lineEnd < 0)
                return -1;
            bool ok = false;
            const qsizetype size = buffer.mid(pos, lineEnd - pos).toLongLong(&ok, 16);
            if (!ok)
                return -1;
            if (buffer.size() < lineEnd + 2 + size + 2)
                return -1;
            if (size == 0) {
                response.complete = true;
                return lineEnd + 4;
            }
            response.body += buffer.mid(lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
        }
    }
    if (!response.header("Content-Length").isNull()) {
        const qsizetype length = response.header("Content-Length").toLongLong();
        response.body = buffer.mid(pos, length);
        if (buffer.size() - pos < length)
            return -1;
        response.complete = true;
        return pos + length;
    }
    response.body = buffer.mid(pos);
    response.complete = closed;
    return closed ? buffer.size() : -1;
}

// A client that speaks HTTP by hand.
class RawClient
{
public:
    bool connectTo(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        return m_socket.waitForConnected(Timeout);
    }

    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }

    // Waits for the next complete response and takes it off the buffer.
    bool nextResponse(WireResponse &response)
    {
        qsizetype used = -1;
        const bool done = QTest::qWaitFor(
            [&] {
                pump();
                used = parseResponse(m_buffer, isClosed(), response);
                return used >= 0;
            },
            Timeout);
        if (done)
            m_buffer.remove(0, used);
        return done;
    }

    // Waits until the (partial) response holds a body satisfying `predicate`.
    bool waitForBody(WireResponse &response, const std::function<bool(const QByteArray &)> &predicate)
    {
        return QTest::qWaitFor(
            [&] {
                pump();
                parseResponse(m_buffer, isClosed(), response);
                return predicate(response.body);
            },
            Timeout);
    }

    bool waitForBytes(const std::function<bool(const QByteArray &)> &predicate)
    {
        return QTest::qWaitFor(
            [&] {
                pump();
                return predicate(m_buffer);
            },
            Timeout);
    }

    bool waitForClose()
    {
        return QTest::qWaitFor(
            [&] {
                pump();
                return isClosed();
            },
            Timeout);
    }

    bool isClosed() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }
    QByteArray buffer() const { return m_buffer; }
    QTcpSocket &socket() { return m_socket; }

private:
    void pump() { m_buffer += m_socket.readAll(); }

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

inline QByteArray get(const QByteArray &target, const QByteArray &extraHeaders = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
}

} // namespace RawHttp
