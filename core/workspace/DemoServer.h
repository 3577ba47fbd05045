#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class DemoStream;
class SseServer;

// The demo stream served from inside the application on 127.0.0.1. It can be stopped (its
// subscribers then reconnect) and started again on the port it had.
class DemoServer : public QObject
{
    Q_OBJECT

public:
    explicit DemoServer(QObject *parent = nullptr);
    ~DemoServer() override;

    // Listens (on a free port the first time, on the same port after); false with errorString().
    bool start(int intervalMs = 1000);
    void stop();
    bool isRunning() const;
    bool wasStarted() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    QUrl url() const;
    QString errorString() const { return m_error; }

Q_SIGNALS:
    void runningChanged(bool running);

private:
    std::unique_ptr<SseServer> m_server;
    std::unique_ptr<DemoStream> m_stream;
    quint16 m_port = 0;
    QString m_error;
};
