#include "DemoServer.h"

#include "DemoStream.h"
#include "SseServer.h"

DemoServer::DemoServer(QObject *parent)
    : QObject(parent)
{
}

DemoServer::~DemoServer() = default;

bool DemoServer::start(int intervalMs)
{
    if (isRunning())
        return true;
    if (!m_server) {
        m_server = std::make_unique<SseServer>();
        m_stream = std::make_unique<DemoStream>(intervalMs);
        m_stream->attach(*m_server);
    }
    if (!m_server->listen(QHostAddress::LocalHost, m_port)) {
        m_error = m_port == 0 ? tr("Cannot start the demo server: %1").arg(m_server->errorString())
                              : tr("Cannot serve the demo stream on port %1 again: %2")
                                    .arg(m_port)
                                    .arg(m_server->errorString());
        return false;
    }
    m_port = m_server->serverPort();
    m_error.clear();
    Q_EMIT runningChanged(true);
    return true;
}

void DemoServer::stop()
{
    if (!isRunning())
        return;
    m_server->close();
    Q_EMIT runningChanged(false);
}

bool DemoServer::isRunning() const
{
    return m_server && m_server->isListening();
}

QUrl DemoServer::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(QStringLiteral("/events"));
    return url;
}
