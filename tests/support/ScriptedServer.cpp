#include "ScriptedServer.h"

#include <QTimer>

// Plays one Response on one stream; a child of the stream, so it stops when the connection goes.
class ScriptRunner : public QObject
{
public:
    ScriptRunner(ScriptedServer *server, const ScriptedServer::Response &response,
                 const HttpRequest &request, HttpResponseStream *stream)
        : QObject(stream)
        , m_response(response)
        , m_request(request)
        , m_stream(stream)
    {
        connect(server, &ScriptedServer::released, this, [this] {
            if (m_holding) {
                m_holding = false;
                run();
            }
        });
    }

    void start()
    {
        using Step = ScriptedServer::Response::Step;
        QList<std::pair<QByteArray, QByteArray>> headers;
        if (!m_response.m_contentType.isEmpty())
            headers.append(std::pair<QByteArray, QByteArray>("Content-Type", m_response.m_contentType));
        headers += m_response.m_headers;

        qint64 length = 0;
        if (m_response.m_framing == HttpResponseStream::Framing::ContentLength) {
            // The length goes out first, so echoes are built now.
            for (Step &step : m_response.m_steps) {
                if (step.kind == Step::Kind::Echo) {
                    step.bytes = step.build(m_request);
                    step.kind = Step::Kind::Send;
                }
                if (step.kind == Step::Kind::Send)
                    length += step.bytes.size();
            }
            if (m_response.m_contentLength >= 0)
                length = m_response.m_contentLength;
        }
        m_stream->writeHead(m_response.m_status, headers, m_response.m_framing, length);
        run();
    }

private:
    void run()
    {
        using Step = ScriptedServer::Response::Step;
        while (m_next < m_response.m_steps.size()) {
            if (!m_stream || !m_stream->isConnected())
                return;
            const Step &step = m_response.m_steps.at(m_next++);
            switch (step.kind) {
            case Step::Kind::Send:
                m_stream->write(step.bytes);
                break;
            case Step::Kind::Echo:
                m_stream->write(step.build(m_request));
                break;
            case Step::Kind::Pause:
                QTimer::singleShot(step.ms, this, [this] { run(); });
                return;
            case Step::Kind::Hold:
                m_holding = true;
                return;
            }
        }
        finish();
    }

    void finish()
    {
        if (!m_stream)
            return;
        switch (m_response.m_ending) {
        case ScriptedServer::Response::Ending::End:
            m_stream->end();
            break;
        case ScriptedServer::Response::Ending::Abort:
            // Let what was sent reach the peer first, so "abort mid-event" really cuts an event.
            if (m_stream->bytesToWrite() > 0) {
                connect(m_stream, &HttpResponseStream::drained, this, [this] {
                    if (m_stream)
                        m_stream->abort();
                });
            } else {
                m_stream->abort();
            }
            break;
        case ScriptedServer::Response::Ending::Stall:
            break;
        }
    }

    ScriptedServer::Response m_response;
    HttpRequest m_request;
    QPointer<HttpResponseStream> m_stream;
    qsizetype m_next = 0;
    bool m_holding = false;
};

ScriptedServer::Response ScriptedServer::Response::events()
{
    Response response;
    response.m_contentType = "text/event-stream";
    response.m_headers.append(std::pair<QByteArray, QByteArray>("Cache-Control", "no-cache"));
    return response;
}

ScriptedServer::Response ScriptedServer::Response::status(int code)
{
    Response response;
    response.m_status = code;
    response.m_framing = Framing::ContentLength;
    return response;
}

ScriptedServer::Response ScriptedServer::Response::redirect(int code, const QUrl &location)
{
    return status(code).header("Location", location.toEncoded());
}

ScriptedServer::Response ScriptedServer::Response::body(int code, const QByteArray &contentType,
                                                        const QByteArray &bytes)
{
    return status(code).contentType(contentType).send(bytes);
}

ScriptedServer::Response &ScriptedServer::Response::setStatus(int code)
{
    m_status = code;
    return *this;
}

ScriptedServer::Response &ScriptedServer::Response::contentType(const QByteArray &type)
{
    m_contentType = type;
    return *this;
}

ScriptedServer::Response &ScriptedServer::Response::header(const QByteArray &name,
                                                          const QByteArray &value)
{
    m_headers.append(std::pair(name, value));
    return *this;
}

ScriptedServer::Response &ScriptedServer::Response::framing(Framing framing)
{
    m_framing = framing;
    return *this;
}

ScriptedServer::Response &ScriptedServer::Response::contentLength(qint64 length)
{
    m_framing = Framing::ContentLength;
    m_contentLength = length;
    return *this;
}

ScriptedServer::Response &ScriptedServer::Response::send(const QByteArray &bytes)
{
    m_steps.append({Step::Kind::Send, bytes, 0, {}});
    return *this;
}

ScriptedServer::Response &ScriptedServer::Response::pause(int ms)
{
    m_steps.append({Step::Kind::Pause, {}, ms, {}});
    return *this;
}

ScriptedServer::Response &ScriptedServer::Response::echo(Builder build)
{
    m_steps.append({Step::Kind::Echo, {}, 0, std::move(build)});
    return *this;
}

ScriptedServer::Response &ScriptedServer::Response::hold()
{
    m_steps.append({Step::Kind::Hold, {}, 0, {}});
    return *this;
}

ScriptedServer::Response &ScriptedServer::Response::end()
{
    m_ending = Ending::End;
    return *this;
}

ScriptedServer::Response &ScriptedServer::Response::abort()
{
    m_ending = Ending::Abort;
    return *this;
}

ScriptedServer::Response &ScriptedServer::Response::stall()
{
    m_ending = Ending::Stall;
    return *this;
}

ScriptedServer::ScriptedServer(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    connect(&m_server, &SseServer::requestReceived, this, [this](const HttpRequest &request) {
        Request recorded;
        static_cast<HttpRequest &>(recorded) = request;
        recorded.receivedAtMs = m_clock.elapsed();
        m_requests.append(recorded);
        Q_EMIT requestReceived(int(m_requests.size()) - 1);
    });
}

ScriptedServer::~ScriptedServer()
{
    // Dropping the connections signals back into this object: do it while its members still live.
    m_server.close();
}

bool ScriptedServer::start(quint16 port)
{
    if (!m_server.listen(QHostAddress::LocalHost, port))
        return false;
    m_port = m_server.serverPort();
    return true;
}

void ScriptedServer::stop()
{
    m_server.close();
}

bool ScriptedServer::restart()
{
    return m_server.listen(QHostAddress::LocalHost, m_port);
}

bool ScriptedServer::isListening() const
{
    return m_server.isListening();
}

QUrl ScriptedServer::url(const QString &path) const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(path);
    return url;
}

void ScriptedServer::script(const QString &path, const QList<Response> &responses)
{
    m_scripts.insert(path, Script{responses, 0});
    m_server.route(path, [this, path](const HttpRequest &request, HttpResponseStream *stream) {
        serve(path, request, stream);
    });
}

void ScriptedServer::route(const QString &path, SseServer::Handler handler)
{
    m_scripts.remove(path);
    m_server.route(path, std::move(handler));
}

QList<ScriptedServer::Request> ScriptedServer::requests(const QString &path) const
{
    QList<Request> result;
    for (const Request &request : m_requests) {
        if (request.path() == path)
            result.append(request);
    }
    return result;
}

int ScriptedServer::requestCount(const QString &path) const
{
    int count = 0;
    for (const Request &request : m_requests) {
        if (request.path() == path)
            ++count;
    }
    return count;
}

ScriptedServer::Request ScriptedServer::lastRequest(const QString &path) const
{
    for (auto it = m_requests.crbegin(); it != m_requests.crend(); ++it) {
        if (path.isEmpty() || it->path() == path)
            return *it;
    }
    return {};
}

void ScriptedServer::release()
{
    Q_EMIT released();
}

void ScriptedServer::abortResponses()
{
    const QList<QPointer<HttpResponseStream>> running = m_running;
    m_running.clear();
    for (const QPointer<HttpResponseStream> &stream : running) {
        if (stream)
            stream->abort();
    }
}

int ScriptedServer::activeResponseCount() const
{
    int count = 0;
    for (const QPointer<HttpResponseStream> &stream : m_running) {
        if (stream && stream->isConnected())
            ++count;
    }
    return count;
}

void ScriptedServer::serve(const QString &path, const HttpRequest &request, HttpResponseStream *stream)
{
    auto it = m_scripts.find(path);
    if (it == m_scripts.end() || it->responses.isEmpty()) {
        stream->writeHead(404, {}, HttpResponseStream::Framing::ContentLength, 0);
        stream->end();
        return;
    }
    const qsizetype index = qMin<qsizetype>(it->served, it->responses.size() - 1);
    ++it->served;

    m_running.removeAll(QPointer<HttpResponseStream>());
    m_running.append(stream);
    connect(stream, &HttpResponseStream::finished, this, [this, stream] { m_running.removeAll(stream); });
    connect(stream, &HttpResponseStream::disconnected, this, [this, stream] { m_running.removeAll(stream); });

    auto *runner = new ScriptRunner(this, it->responses.at(index), request, stream);
    runner->start();
}
