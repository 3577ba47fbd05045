#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QObject>
#include <QPointer>

#include <utility>

class QTcpSocket;

// The response to one request of the embedded server, written over time.
//
// Chunked framing is the default: after a close-delimited response (no length, ends at close)
// Qt's client has been seen to send a phantom duplicate request, so only tests of exactly that
// case should ask for CloseDelimited.
class HttpResponseStream : public QObject
{
    Q_OBJECT

public:
    enum class Framing { Chunked, CloseDelimited, ContentLength };

    explicit HttpResponseStream(QTcpSocket *socket, QObject *parent = nullptr);

    // Status line and headers. Content-Length / Transfer-Encoding / Connection follow the framing;
    // `contentLength` is used only with Framing::ContentLength.
    void writeHead(int status, const QList<std::pair<QByteArray, QByteArray>> &headers,
                   Framing framing = Framing::Chunked, qint64 contentLength = 0);
    // One piece of body, sent at once (one chunk on the wire when chunked).
    void write(QByteArrayView bytes);
    // Finishes the response cleanly: terminal chunk, or close for close-delimited bodies. The
    // connection stays usable for the next request when the framing allows it.
    void end();
    // Drops the connection now, mid-response if need be.
    void abort();

    bool isConnected() const;
    bool headWritten() const { return m_headWritten; }
    qint64 bytesToWrite() const;

Q_SIGNALS:
    // The peer went away or the response was aborted.
    void disconnected();
    // Everything written so far has left the process.
    void drained();
    // end() completed the response.
    void finished();

private:
    friend class SseServer;

    bool keepsConnection() const;

    QPointer<QTcpSocket> m_socket;
    Framing m_framing = Framing::Chunked;
    qint64 m_remaining = 0; // body bytes still owed with Framing::ContentLength
    bool m_headWritten = false;
    bool m_ended = false;
    bool m_bodyless = false; // 1xx, 204, 304
    bool m_closeAfterEnd = false; // the request asked for Connection: close
};
