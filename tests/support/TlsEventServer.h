// An https server on 127.0.0.1 with the self-signed certificate of tests/fixtures: it answers every
// request with one event ("data: over tls") and keeps the stream open. For the TLS suites.
#pragma once

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QUrl>

class TlsEventServer : public QSslServer
{
public:
    TlsEventServer()
    {
        const QString dir = QStringLiteral(EVENTSCOPE_TEST_FIXTURES);
        QFile certFile(dir + QStringLiteral("/selfsigned.crt"));
        QFile keyFile(dir + QStringLiteral("/selfsigned.key"));
        if (certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly)) {
            m_certificate = QSslCertificate(certFile.readAll());
            QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
            configuration.setLocalCertificate(m_certificate);
            configuration.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
            setSslConfiguration(configuration);
        }
        connect(this, &QSslServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    if (!socket->property("answered").toBool() && socket->peek(1 << 16).contains("\r\n\r\n")) {
                        socket->setProperty("answered", true);
                        socket->readAll();
                        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                                      "Transfer-Encoding: chunked\r\n\r\n"
                                      "10\r\ndata: over tls\n\n\r\n");
                    }
                });
            }
        });
    }

    bool start() { return !m_certificate.isNull() && listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(QStringLiteral("https://127.0.0.1:%1/events").arg(serverPort())); }
    const QSslCertificate &certificate() const { return m_certificate; }

private:
    QSslCertificate m_certificate;
};
