// A text/event-stream server in its own process whose responses are close-delimited (no length,
// no chunking, `Connection: close`): each answer carries one event and ends by closing the socket
// a few milliseconds later. It prints "PORT <n>" once and "REQUEST <Last-Event-ID or ->" for every
// request it reads, so a test can see each request the client really sent. Running apart from the
// client matters: in one process the client's network thread rarely races the server's close.

#include <QByteArray>
#include <QCoreApplication>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <cstdio>

namespace {

void printLine(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

QByteArray lastEventIdOf(const QByteArray &head)
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).trimmed().compare("last-event-id", Qt::CaseInsensitive) == 0)
            return line.sliced(colon + 1).trimmed();
    }
    return "-";
}

void answer(QTcpSocket *socket, int eventId)
{
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n"
                  "retry: 1\nid: " + QByteArray::number(eventId) + "\ndata: x\n\n");
    const int closeDelayMs = int(QRandomGenerator::global()->bounded(1, 60));
    QTimer::singleShot(closeDelayMs, socket, [socket] { socket->disconnectFromHost(); });
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 1;
    int eventId = 0;
    QObject::connect(&server, &QTcpServer::newConnection, &server, [&] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, &eventId] {
                const QByteArray head = socket->property("head").toByteArray() + socket->readAll();
                socket->setProperty("head", head);
                if (socket->property("answered").toBool() || !head.contains("\r\n\r\n"))
                    return;
                socket->setProperty("answered", true);
                printLine("REQUEST " + lastEventIdOf(head));
                answer(socket, eventId++);
            });
        }
    });
    printLine("PORT " + QByteArray::number(server.serverPort()));
    return app.exec();
}
