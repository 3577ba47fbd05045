// SseServer reading requests: heads in any chunking, keep-alive, pipelining, Connection: close,
// and the 404, 400, 413, 431 and 503 (too many connections) answers.
#include "RawHttpClient.h"
#include "SseServer.h"

#include <QPointer>
#include <QTimer>
#include <QtTest>

using namespace RawHttp;

namespace {

void answerOk(const HttpRequest &, HttpResponseStream *response)
{
    response->writeHead(200, {{"Content-Type", "text/plain"}}, Framing::ContentLength, 2);
    response->write("ok");
    response->end();
}

// Routes /events to answerOk() and counts the requests that reached it.
void routeCounting(SseServer &server, int &handled)
{
    server.route(QStringLiteral("/events"), [&handled](const HttpRequest &request, HttpResponseStream *response) {
        ++handled;
        answerOk(request, response);
    });
}

} // namespace

class TestSseServerRequests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestParsing_data();
    void requestParsing();
    void partialHeadIsNotARequest();
    void keepAliveServesTheNextRequest();
    void pipelinedRequests();
    void connectionCloseIsHonoured();
    void notFound();
    // 400 for what is no request, 431 and 413 for one too large
    void badRequest_data();
    void badRequest();
    void connectionsBeyondTheCapAreRefused();
};

void TestSseServerRequests::requestParsing_data()
{
    QTest::addColumn<QList<QByteArray>>("pieces");

    const QByteArray request = "GET /events?x=1&y=two HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                               "Accept: text/event-stream\r\nlast-event-id:  41 \r\n"
                               "Cache-Control: no-cache\r\nX-Empty:\r\n\r\n";
    QTest::newRow("whole") << QList<QByteArray>{request};
    QTest::newRow("inside request line") << QList<QByteArray>{request.first(7), request.sliced(7)};
    QTest::newRow("between CR and LF")
        << QList<QByteArray>{request.first(request.indexOf('\n')), request.sliced(request.indexOf('\n'))};
    QTest::newRow("before final blank line")
        << QList<QByteArray>{request.chopped(2), request.last(2)};
    QTest::newRow("inside final CRLF CRLF") << QList<QByteArray>{request.chopped(3), request.last(3)};
    QList<QByteArray> bytes;
    for (char c : request)
        bytes.append(QByteArray(1, c));
    QTest::newRow("byte by byte") << bytes;

    QByteArray bareLf = request;
    bareLf.replace("\r\n", "\n");
    QTest::newRow("bare LF line ends") << QList<QByteArray>{bareLf};
    QTest::newRow("leading blank line") << QList<QByteArray>{"\r\n" + request};
}

void TestSseServerRequests::requestParsing()
{
    QFETCH(QList<QByteArray>, pieces);

    SseServer server;
    QList<HttpRequest> seen;
    server.route(QStringLiteral("/events"), [&](const HttpRequest &request, HttpResponseStream *response) {
        seen.append(request);
        answerOk(request, response);
    });
    QVERIFY(server.listen());

    RawClient client;
    QVERIFY(client.connectTo(server.serverPort()));
    for (const QByteArray &piece : pieces)
        client.send(piece);

    WireResponse response;
    QVERIFY(client.nextResponse(response));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, QByteArray("ok"));
    QCOMPARE(seen.size(), 1);
    const HttpRequest &request = seen.first();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.target, QByteArray("/events?x=1&y=two"));
    QCOMPARE(request.path(), QStringLiteral("/events"));
    QCOMPARE(request.query().queryItemValue(QStringLiteral("y")), QStringLiteral("two"));
    QCOMPARE(request.header("Last-Event-ID"), QByteArray("41"));
    QCOMPARE(request.header("ACCEPT"), QByteArray("text/event-stream"));
    QCOMPARE(request.header("cache-control"), QByteArray("no-cache"));
    QVERIFY(request.hasHeader("X-Empty"));
    QVERIFY(!request.header("X-Empty").isNull());
    QVERIFY(request.header("X-Empty").isEmpty());
    QVERIFY(!request.hasHeader("Authorization"));
    QVERIFY(request.header("Authorization").isNull());
}

void TestSseServerRequests::partialHeadIsNotARequest()
{
    SseServer server;
    int handled = 0;
    routeCounting(server, handled);
    QVERIFY(server.listen());

    RawClient partial;
    QVERIFY(partial.connectTo(server.serverPort()));
    partial.send("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n");

    // A complete request on a second connection: once it is answered, the server has had its
    // chance to misread the first one.
    RawClient other;
    QVERIFY(other.connectTo(server.serverPort()));
    other.send(get("/events"));
    WireResponse response;
    QVERIFY(other.nextResponse(response));
    QCOMPARE(handled, 1);
    QVERIFY(partial.buffer().isEmpty());

    partial.send("\r\n");
    QVERIFY(partial.nextResponse(response));
    QCOMPARE(response.status, 200);
    QCOMPARE(handled, 2);
}

void TestSseServerRequests::keepAliveServesTheNextRequest()
{
    SseServer server;
    QList<QByteArray> targets;
    server.route(QStringLiteral("/chunked"), [&](const HttpRequest &request, HttpResponseStream *response) {
        targets.append(request.target);
        response->writeHead(200, {{"Content-Type", "text/event-stream"}});
        response->write("data: one\n\n");
        response->end();
    });
    server.route(QStringLiteral("/length"), [&](const HttpRequest &request, HttpResponseStream *response) {
        targets.append(request.target);
        answerOk(request, response);
    });
    QVERIFY(server.listen());

    RawClient client;
    QVERIFY(client.connectTo(server.serverPort()));
    WireResponse response;
    client.send(get("/chunked"));
    QVERIFY(client.nextResponse(response));
    QCOMPARE(response.body, QByteArray("data: one\n\n"));
    client.send(get("/length"));
    QVERIFY(client.nextResponse(response));
    QCOMPARE(response.body, QByteArray("ok"));
    client.send(get("/chunked"));
    QVERIFY(client.nextResponse(response));
    QCOMPARE(response.body, QByteArray("data: one\n\n"));

    QCOMPARE(targets, (QList<QByteArray>{"/chunked", "/length", "/chunked"}));
    QVERIFY(!client.isClosed());
    QCOMPARE(server.openConnectionCount(), 1);
}

void TestSseServerRequests::pipelinedRequests()
{
    SseServer server;
    // The first response is finished later, from a timer: the second request must wait for it.
    server.route(QStringLiteral("/slow"), [](const HttpRequest &, HttpResponseStream *response) {
        response->writeHead(200, {{"Content-Type", "text/plain"}});
        QPointer<HttpResponseStream> guarded(response);
        QTimer::singleShot(20, response, [guarded] {
            guarded->write("slow");
            guarded->end();
        });
    });
    server.route(QStringLiteral("/fast"), [](const HttpRequest &request, HttpResponseStream *response) {
        answerOk(request, response);
    });
    QVERIFY(server.listen());

    RawClient client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send(get("/slow") + get("/fast") + get("/nowhere"));
    WireResponse response;
    QVERIFY(client.nextResponse(response));
    QCOMPARE(response.body, QByteArray("slow"));
    QVERIFY(client.nextResponse(response));
    QCOMPARE(response.body, QByteArray("ok"));
    QVERIFY(client.nextResponse(response));
    QCOMPARE(response.status, 404);
}

void TestSseServerRequests::connectionCloseIsHonoured()
{
    SseServer server;
    server.route(QStringLiteral("/events"), answerOk);
    QVERIFY(server.listen());

    RawClient client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send(get("/events", "Connection: close\r\n"));
    WireResponse response;
    QVERIFY(client.nextResponse(response));
    QCOMPARE(response.body, QByteArray("ok"));
    QCOMPARE(response.header("Connection"), QByteArray("close"));
    QVERIFY(client.waitForClose());
}

void TestSseServerRequests::notFound()
{
    SseServer server;
    server.route(QStringLiteral("/events"), answerOk);
    QSignalSpy received(&server, &SseServer::requestReceived);
    QVERIFY(server.listen());

    RawClient client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send(get("/events/"));
    WireResponse response;
    QVERIFY(client.nextResponse(response));
    QCOMPARE(response.status, 404);
    QVERIFY(!response.header("Content-Length").isNull());
    QCOMPARE(response.header("Content-Length").toInt(), response.body.size());

    // Still usable afterwards.
    client.send(get("/events"));
    QVERIFY(client.nextResponse(response));
    QCOMPARE(response.status, 200);
    QCOMPARE(received.size(), 2);
}

void TestSseServerRequests::badRequest_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::newRow("not http") << QByteArray("hello there\r\n\r\n") << 400;
    QTest::newRow("no version") << QByteArray("GET /events\r\n\r\n") << 400;
    QTest::newRow("http 2.0") << QByteArray("GET /events HTTP/2.0\r\n\r\n") << 400;
    QTest::newRow("relative target") << QByteArray("GET events HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("header without colon") << QByteArray("GET /events HTTP/1.1\r\nHost\r\n\r\n") << 400;
    QTest::newRow("space before colon") << QByteArray("GET /events HTTP/1.1\r\nHost : x\r\n\r\n") << 400;
    QTest::newRow("line folding") << QByteArray("GET /events HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << 400;
    QTest::newRow("bad content length") << QByteArray("GET /events HTTP/1.1\r\nContent-Length: x\r\n\r\n") << 400;
    QTest::newRow("binary") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15) << 400;
    QTest::newRow("head over 64 KiB") << QByteArray("GET /events HTTP/1.1\r\nX-Big: " + QByteArray(100 * 1024, 'a')) << 431;
    QTest::newRow("body over 1 MiB")
        << QByteArray("POST /events HTTP/1.1\r\nContent-Length: 104857600\r\n\r\n" + QByteArray(4096, 'a')) << 413;
}

void TestSseServerRequests::badRequest()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);

    SseServer server;
    int handled = 0;
    routeCounting(server, handled);
    QVERIFY(server.listen());

    RawClient client;
    QVERIFY(client.connectTo(server.serverPort()));
    client.send(request);
    WireResponse response;
    QVERIFY(client.nextResponse(response));
    QCOMPARE(response.status, status);
    QVERIFY(client.waitForClose());
    QCOMPARE(handled, 0);
}

void TestSseServerRequests::connectionsBeyondTheCapAreRefused()
{
    SseServer server;
    server.setMaxConnections(2);
    server.route(QStringLiteral("/events"), answerOk);
    QVERIFY(server.listen());

    RawClient first, second, third;
    QVERIFY(first.connectTo(server.serverPort()));
    QVERIFY(second.connectTo(server.serverPort()));
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnectionCount(), 2, Timeout);
    QVERIFY(third.connectTo(server.serverPort()));
    third.send("GET /events HTTP/1.1\r\n\r\n");
    WireResponse response;
    QVERIFY(third.nextResponse(response));
    QCOMPARE(response.status, 503);
    QVERIFY(third.waitForClose());

    // The two within the cap are served, and once one goes a newcomer is too.
    first.send("GET /events HTTP/1.1\r\nConnection: close\r\n\r\n");
    QVERIFY(first.nextResponse(response));
    QCOMPARE(response.status, 200);
    QVERIFY(first.waitForClose());
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnectionCount(), 1, Timeout);
    RawClient fourth;
    QVERIFY(fourth.connectTo(server.serverPort()));
    fourth.send("GET /events HTTP/1.1\r\n\r\n");
    QVERIFY(fourth.nextResponse(response));
    QCOMPARE(response.status, 200);
    second.send("GET /events HTTP/1.1\r\n\r\n");
    QVERIFY(second.nextResponse(response));
    QCOMPARE(response.status, 200);
}

QTEST_GUILESS_MAIN(TestSseServerRequests)
#include "tst_sseserverrequests.moc"
