// SseServer writing responses: chunked, close-delimited and Content-Length framing, bodyless
// statuses, aborts and peers going away, draining, close(), and the URL of the bound port.
#include "RawHttpClient.h"
#include "SseServer.h"

#include <QPointer>
#include <QTimer>
#include <QtTest>

#include <memory>

using namespace RawHttp;

class TestSseServerResponses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chunkedFramingOnTheWire();
    void closeDelimitedFraming();
    void contentLengthFraming();
    void bodylessStatus();
    void abortMidResponse();
    void peerGoingAwayIsSignalled();
    void drainedAfterLargeWrite();
    void closeDropsConnections();
    void urlUsesTheBoundPort();
};

void TestSseServerResponses::chunkedFramingOnTheWire()
{
    SseServer server;
    server.route(QStringLiteral("/events"), [](const HttpRequest &, HttpResponseStream *response) {
        response->writeHead(200, {{"Content-Type", "text/event-stream"}, {"Cache-Control", "no-cache"}});
        response->write("data: hello\n\n");
        response->write(""); // nothing: an empty chunk would end the body
        response->write(QByteArray(300, 'x'));
        response->end();
        response->write("after the end");
    });
    QVERIFY(server.listen());

    RawClient client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send(get("/events"));
    WireResponse response;
    QVERIFY(client.nextResponse(response));
    const QByteArray expected = "HTTP/1.1 200 OK\r\n"
                                "Content-Type: text/event-stream\r\n"
                                "Cache-Control: no-cache\r\n"
                                "Transfer-Encoding: chunked\r\n"
                                "\r\n"
                                "d\r\ndata: hello\n\n\r\n"
                                "12c\r\n" + QByteArray(300, 'x') + "\r\n"
                                "0\r\n\r\n";
    QVERIFY(response.complete);
    QVERIFY(client.buffer().isEmpty());
    QCOMPARE(response.body, "data: hello\n\n" + QByteArray(300, 'x'));

    // The exact bytes on the wire, on a fresh connection.
    RawClient raw;
    QVERIFY(raw.connectTo(server.serverPort()));
    raw.send(get("/events"));
    QVERIFY(raw.waitForBytes([&](const QByteArray &bytes) { return bytes.size() >= expected.size(); }));
    QCOMPARE(raw.buffer(), expected);
}

void TestSseServerResponses::closeDelimitedFraming()
{
    SseServer server;
    server.route(QStringLiteral("/events"), [](const HttpRequest &, HttpResponseStream *response) {
        response->writeHead(200, {{"Content-Type", "text/event-stream"}, {"Content-Length", "5"}},
                            Framing::CloseDelimited);
        response->write("data: a\n\n");
        response->write("data: b\n\n");
        QPointer<HttpResponseStream> guarded(response);
        QTimer::singleShot(0, response, [guarded] { guarded->end(); });
    });
    QVERIFY(server.listen());

    RawClient client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send(get("/events"));
    QVERIFY(client.waitForClose());
    QCOMPARE(client.buffer(), QByteArray("HTTP/1.1 200 OK\r\n"
                                         "Content-Type: text/event-stream\r\n"
                                         "Connection: close\r\n"
                                         "\r\n"
                                         "data: a\n\ndata: b\n\n"));
}

void TestSseServerResponses::contentLengthFraming()
{
    SseServer server;
    server.route(QStringLiteral("/short"), [](const HttpRequest &, HttpResponseStream *response) {
        response->writeHead(200, {{"Content-Type", "text/plain"}}, Framing::ContentLength, 10);
        response->write("12345");
        response->end(); // five bytes short: the peer has to see a truncated body
    });
    server.route(QStringLiteral("/exact"), [](const HttpRequest &, HttpResponseStream *response) {
        response->writeHead(200, {{"Content-Type", "text/plain"}}, Framing::ContentLength, 6);
        response->write("abc");
        response->write("defghi"); // the excess never reaches the wire
        response->end();
    });
    QVERIFY(server.listen());

    RawClient client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send(get("/exact") + get("/exact"));
    WireResponse response;
    QVERIFY(client.nextResponse(response));
    QCOMPARE(response.head, QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                                       "Content-Length: 6\r\n\r\n"));
    QCOMPARE(response.body, QByteArray("abcdef"));
    QVERIFY(client.nextResponse(response));
    QCOMPARE(response.body, QByteArray("abcdef"));

    RawClient shortClient;
    QVERIFY(shortClient.connectTo(server.serverPort()));
    shortClient.send(get("/short"));
    QVERIFY(shortClient.waitForClose());
    QVERIFY(shortClient.buffer().endsWith("\r\n\r\n12345"));
}

void TestSseServerResponses::bodylessStatus()
{
    SseServer server;
    server.route(QStringLiteral("/events"), [](const HttpRequest &, HttpResponseStream *response) {
        response->writeHead(204, {{"X-Reason", "done"}});
        response->write("ignored");
        response->end();
    });
    QVERIFY(server.listen());

    RawClient client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send(get("/events") + get("/events"));
    WireResponse response;
    QVERIFY(client.nextResponse(response));
    QCOMPARE(response.head, QByteArray("HTTP/1.1 204 No Content\r\nX-Reason: done\r\n\r\n"));
    QVERIFY(client.nextResponse(response));
    QCOMPARE(response.status, 204);
    QVERIFY(client.buffer().isEmpty());
}

void TestSseServerResponses::abortMidResponse()
{
    SseServer server;
    QPointer<HttpResponseStream> stream;
    server.route(QStringLiteral("/events"), [&](const HttpRequest &, HttpResponseStream *response) {
        stream = response;
        response->writeHead(200, {{"Content-Type", "text/event-stream"}});
        response->write("data: whole\n\n");
        response->write("data: cut");
    });
    QVERIFY(server.listen());

    RawClient client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send(get("/events"));
    WireResponse response;
    QVERIFY(client.waitForBody(response, [](const QByteArray &body) { return body.endsWith("cut"); }));
    QVERIFY(stream);
    QSignalSpy gone(stream.data(), &HttpResponseStream::disconnected);
    stream->abort();
    QCOMPARE(gone.size(), 1);
    QVERIFY(client.waitForClose());
    QVERIFY(!response.complete);
    QCOMPARE(response.body, QByteArray("data: whole\n\ndata: cut"));
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnectionCount(), 0, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(stream.isNull(), Timeout);
}

void TestSseServerResponses::peerGoingAwayIsSignalled()
{
    SseServer server;
    QPointer<HttpResponseStream> stream;
    server.route(QStringLiteral("/events"), [&](const HttpRequest &, HttpResponseStream *response) {
        stream = response;
        response->writeHead(200, {{"Content-Type", "text/event-stream"}});
    });
    QVERIFY(server.listen());

    auto client = std::make_unique<RawClient>();
    QVERIFY(client->connectTo(server.serverPort()));
    client->send(get("/events"));
    QTRY_VERIFY_WITH_TIMEOUT(stream, Timeout);
    QVERIFY(stream->isConnected());
    QSignalSpy gone(stream.data(), &HttpResponseStream::disconnected);
    client.reset();
    QTRY_COMPARE_WITH_TIMEOUT(gone.size(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnectionCount(), 0, Timeout);
    // The stream goes with its connection; writing through a stale pointer must not happen, and
    // writing before it went is harmless.
    QTRY_VERIFY_WITH_TIMEOUT(stream.isNull(), Timeout);
}

void TestSseServerResponses::drainedAfterLargeWrite()
{
    SseServer server;
    QPointer<HttpResponseStream> stream;
    server.route(QStringLiteral("/events"), [&](const HttpRequest &, HttpResponseStream *response) {
        stream = response;
        response->writeHead(200, {{"Content-Type", "text/event-stream"}});
        response->write(QByteArray(8 * 1024 * 1024, 'x'));
    });
    QVERIFY(server.listen());

    RawClient client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send(get("/events"));
    QTRY_VERIFY_WITH_TIMEOUT(stream, Timeout);
    QVERIFY(stream->bytesToWrite() > 0);
    QSignalSpy drained(stream.data(), &HttpResponseStream::drained);
    WireResponse response;
    QVERIFY(client.waitForBody(response, [](const QByteArray &body) {
        return body.size() == 8 * 1024 * 1024;
    }));
    QTRY_VERIFY_WITH_TIMEOUT(drained.size() >= 1, Timeout);
    QCOMPARE(stream->bytesToWrite(), 0);
}

void TestSseServerResponses::closeDropsConnections()
{
    SseServer server;
    QPointer<HttpResponseStream> stream;
    server.route(QStringLiteral("/events"), [&](const HttpRequest &, HttpResponseStream *response) {
        stream = response;
        response->writeHead(200, {{"Content-Type", "text/event-stream"}});
    });
    QVERIFY(server.listen());
    RawClient client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send(get("/events"));
    QTRY_VERIFY_WITH_TIMEOUT(stream, Timeout);
    QSignalSpy gone(stream.data(), &HttpResponseStream::disconnected);
    server.close();
    QCOMPARE(gone.size(), 1);
    QVERIFY(!server.isListening());
    QCOMPARE(server.openConnectionCount(), 0);
    QVERIFY(client.waitForClose());
}

void TestSseServerResponses::urlUsesTheBoundPort()
{
    SseServer server;
    QVERIFY(server.listen());
    QVERIFY(server.serverPort() != 0);
    QCOMPARE(server.serverAddress(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(server.url(),
             QUrl(QStringLiteral("http://127.0.0.1:%1/events").arg(server.serverPort())));
    QCOMPARE(server.url(QStringLiteral("/other")).path(), QStringLiteral("/other"));

    SseServer second;
    QVERIFY(!second.listen(QHostAddress::LocalHost, server.serverPort()));
    QVERIFY(!second.errorString().isEmpty());
}

QTEST_GUILESS_MAIN(TestSseServerResponses)
#include "tst_sseserverresponses.moc"
