#pragma once

#include "SseServer.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

// The HTTP server of the network tests: on 127.0.0.1, any free port, every request recorded, and
// each path answering its successive requests from a script:
//
//     using Response = ScriptedServer::Response;
//     ScriptedServer server;
//     QVERIFY(server.start());
//     server.script("/events", {
//         Response::events().send("id: 1\ndata: a\n\n").pause(50).send("data: b").abort(),
//         Response::status(503).header("Retry-After", "1"),
//         Response::events().echo([](const HttpRequest &r) -> QByteArray {
//             return "data: " + r.header("Last-Event-ID") + "\n\n"; }).stall(),
//         Response::status(204),
//     });
//     QTRY_COMPARE_WITH_TIMEOUT(server.requestCount("/events"), 4, 10000);
//
// Once a script is used up its last response answers every further request. Paths without a
// script or route get 404. Pauses are timers: nothing blocks.
class ScriptedServer : public QObject
{
    Q_OBJECT

public:
    struct Request : HttpRequest
    {
        qint64 receivedAtMs = 0; // since the server object was created
    };

    class Response
    {
    public:
        using Framing = HttpResponseStream::Framing;
        using Builder = std::function<QByteArray(const HttpRequest &request)>;

        // 200 text/event-stream, Cache-Control: no-cache, chunked; add send() steps.
        static Response events();
        // Any status with an empty body (Content-Length: 0).
        static Response status(int code);
        // `code` (301, 302, 303, 307, 308) with Location: `location`.
        static Response redirect(int code, const QUrl &location);
        // A whole body with Content-Length.
        static Response body(int code, const QByteArray &contentType, const QByteArray &bytes);

        Response &setStatus(int code);
        // An empty type sends no Content-Type header.
        Response &contentType(const QByteArray &type);
        Response &header(const QByteArray &name, const QByteArray &value);
        Response &framing(Framing framing);
        // No length: the body ends when the server closes (end() closes).
        Response &closeDelimited() { return framing(Framing::CloseDelimited); }
        // With Framing::ContentLength: announce this length instead of the size of the sends.
        Response &contentLength(qint64 length);

        // Steps, run in order once the head is out.
        Response &send(const QByteArray &bytes);
        Response &pause(int ms);
        // Sends bytes built from the request being answered. Give the lambda an explicit
        // `-> QByteArray`: with QT_USE_QSTRINGBUILDER, `"data: " + r.header(...)` would otherwise
        // return a builder that refers to a destroyed temporary.
        Response &echo(Builder build);
        // Waits until ScriptedServer::release().
        Response &hold();

        // How the response finishes after its steps (the default is end()).
        Response &end();   // terminal chunk / all of Content-Length / close for close-delimited
        Response &abort(); // drop the connection (after what was sent has gone out)
        Response &stall(); // keep the connection open and silent

    private:
        friend class ScriptedServer;
        friend class ScriptRunner;

        enum class Ending { End, Abort, Stall };
        struct Step
        {
            enum class Kind { Send, Pause, Echo, Hold } kind;
            QByteArray bytes;
            int ms = 0;
            Builder build;
        };

        int m_status = 200;
        QByteArray m_contentType;
        QList<std::pair<QByteArray, QByteArray>> m_headers;
        Framing m_framing = Framing::Chunked;
        qint64 m_contentLength = -1;
        QList<Step> m_steps;
        Ending m_ending = Ending::End;
    };

    explicit ScriptedServer(QObject *parent = nullptr);
    ~ScriptedServer() override;

    // Listens on 127.0.0.1; port 0 picks a free one.
    bool start(quint16 port = 0);
    // Stops listening and drops every connection; restart() listens on the same port again.
    void stop();
    bool restart();
    bool isListening() const;
    quint16 port() const { return m_port; }
    QUrl url(const QString &path = QStringLiteral("/events")) const;

    // Replaces the script of `path` and starts it again from its first response.
    void script(const QString &path, const QList<Response> &responses);
    // A hand-written handler instead of a script.
    void route(const QString &path, SseServer::Handler handler);

    QList<Request> requests() const { return m_requests; }
    QList<Request> requests(const QString &path) const;
    int requestCount() const { return int(m_requests.size()); }
    int requestCount(const QString &path) const;
    // The last request (to `path`); a default Request when there was none.
    Request lastRequest(const QString &path = {}) const;
    void clearRequests() { m_requests.clear(); }

    // Lets every response waiting in hold() go on.
    void release();
    // Drops every connection whose response is still running; the server keeps listening.
    void abortResponses();
    int activeResponseCount() const;
    int openConnectionCount() const { return m_server.openConnectionCount(); }

    SseServer &server() { return m_server; }

Q_SIGNALS:
    // `index` into requests().
    void requestReceived(int index);
    void released();

private:
    struct Script
    {
        QList<Response> responses;
        int served = 0;
    };

    void serve(const QString &path, const HttpRequest &request, HttpResponseStream *stream);

    SseServer m_server;
    QElapsedTimer m_clock;
    quint16 m_port = 0;
    QHash<QString, Script> m_scripts;
    QList<Request> m_requests;
    QList<QPointer<HttpResponseStream>> m_running;
};
