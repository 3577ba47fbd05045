#pragma once

#include "HttpRequest.h"
#include "HttpResponseStream.h"

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

// A small HTTP/1.1 server on QTcpServer for text/event-stream responses: the demo source, replays,
// and the scripted fixture of the network tests. Binds 127.0.0.1 unless told otherwise.
class SseServer : public QObject
{
    Q_OBJECT

public:
    // The handler owns nothing: the stream is deleted after end() or when its connection goes.
    // Keep a QPointer. Objects parented to the stream go with it.
    using Handler = std::function<void(const HttpRequest &request, HttpResponseStream *response)>;

    explicit SseServer(QObject *parent = nullptr);
    ~SseServer() override;

    // Exact path match ("/events"); anything else is answered 404.
    void route(const QString &path, Handler handler);

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    bool isListening() const;
    // Stops listening and drops every connection.
    void close();
    quint16 serverPort() const;
    QHostAddress serverAddress() const;
    QUrl url(const QString &path = QStringLiteral("/events")) const;
    QString errorString() const;

    int openConnectionCount() const;
    // Connections beyond this many are answered 503 and closed, so that a flood of clients cannot
    // use up the process's descriptors. Request heads are capped at 64 KiB (431) and bodies at
    // 1 MiB (413); a malformed request is answered 400.
    static constexpr int DefaultMaxConnections = 256;
    void setMaxConnections(int count);
    int maxConnections() const;

Q_SIGNALS:
    void requestReceived(const HttpRequest &request);

private:
    class Private;
    std::unique_ptr<Private> d;
};
