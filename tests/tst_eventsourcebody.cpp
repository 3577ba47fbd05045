// Requests with a method and a body, as LLM streaming APIs and fetch-event-source use them: the
// method and body on the first request and unchanged on every reconnection (with Last-Event-ID),
// and the Fetch rules for redirects (303 and 301/302 of a POST become a GET without the body and
// its headers; 307 and 308 keep both). The phantom-request guard for bodies is in
// tst_eventsourceedgecases.

#include "EventSource.h"
#include "EventSourceTestHelpers.h"
#include "FetchRequest.h"
#include "ScriptedServer.h"

#include <QSignalSpy>
#include <QTest>

using namespace EventSourceTest;
using Response = ScriptedServer::Response;

namespace {

const QByteArray JsonBody = R"({"model": "m", "stream": true, "messages": [{"role": "user", "content": "hi"}]})";

EventSourceOptions postOptions(const QUrl &url)
{
    EventSourceOptions options = fastOptions(url);
    options.method = "POST";
    options.body = JsonBody;
    options.headers = {{"Content-Type", "application/json"}, {"Authorization", "Bearer sk-test"}};
    return options;
}

} // namespace

class TestEventSourceBody : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bodyOnEveryConnection();
    void getSendsNoBody();
    void methodNames_data();
    void methodNames();
    void redirects_data();
    void redirects();
};

void TestEventSourceBody::bodyOnEveryConnection()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/chat", {
        Response::events().send("id: 1\ndata: a\n\n").end(),
        Response::events().send("id: 2\ndata: b\n\n").end(),
        Response::events().send("data: c\n\n").stall(),
    });
    EventSource source(postOptions(server.url("/chat")));
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 3, Timeout);
    source.close();

    const QList<ScriptedServer::Request> requests = server.requests("/chat");
    QCOMPARE(requests.size(), 3);
    const QList<QByteArray> lastIds = {QByteArray(), "1", "2"};
    for (int i = 0; i < requests.size(); ++i) {
        const ScriptedServer::Request &request = requests.at(i);
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.body, JsonBody);
        QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(request.header("Content-Length"), QByteArray::number(JsonBody.size()));
        QCOMPARE(request.header("Authorization"), QByteArray("Bearer sk-test"));
        QCOMPARE(request.header("Accept"), QByteArray("text/event-stream"));
        QCOMPARE(request.header("Last-Event-ID"), lastIds.at(i));
    }
    QCOMPARE(recorder.data(2), QStringLiteral("c"));
}

void TestEventSourceBody::getSendsNoBody()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send("data: a\n\n").stall()});
    EventSource source(fastOptions(server.url("/events")));
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 1, Timeout);
    const ScriptedServer::Request request = server.requests("/events").constFirst();
    QCOMPARE(request.method, QByteArray("GET"));
    QVERIFY(request.body.isEmpty());
    QVERIFY(!request.hasHeader("Content-Type"));
}

void TestEventSourceBody::methodNames_data()
{
    QTest::addColumn<QByteArray>("given");
    QTest::addColumn<QByteArray>("sent");
    // Fetch upper-cases these six; any other token goes as it was given.
    QTest::newRow("post") << QByteArray("post") << QByteArray("POST");
    QTest::newRow("Put") << QByteArray("Put") << QByteArray("PUT");
    QTest::newRow("PATCH") << QByteArray("PATCH") << QByteArray("PATCH");
    QTest::newRow("patch stays") << QByteArray("patch") << QByteArray("patch");
    QTest::newRow("REPORT") << QByteArray("REPORT") << QByteArray("REPORT");
    QTest::newRow("none") << QByteArray() << QByteArray("GET");
}

void TestEventSourceBody::methodNames()
{
    QFETCH(QByteArray, given);
    QFETCH(QByteArray, sent);
    QCOMPARE(FetchRequest::normalizedMethod(given), sent);

    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send("data: a\n\n").stall()});
    EventSourceOptions options = fastOptions(server.url("/events"));
    options.method = given;
    options.body = "q=1";
    EventSource source(options);
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 1, Timeout);
    QCOMPARE(server.requests("/events").constFirst().method, sent);
    QCOMPARE(server.requests("/events").constFirst().body, QByteArray("q=1"));
}

void TestEventSourceBody::redirects_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<bool>("keepsBody");

    QTest::newRow("301 POST") << 301 << QByteArray("POST") << false;
    QTest::newRow("302 POST") << 302 << QByteArray("POST") << false;
    QTest::newRow("303 POST") << 303 << QByteArray("POST") << false;
    QTest::newRow("303 PUT") << 303 << QByteArray("PUT") << false;
    QTest::newRow("307 POST") << 307 << QByteArray("POST") << true;
    QTest::newRow("308 POST") << 308 << QByteArray("POST") << true;
    QTest::newRow("301 PUT") << 301 << QByteArray("PUT") << true;
    QTest::newRow("302 PATCH") << 302 << QByteArray("PATCH") << true;
}

void TestEventSourceBody::redirects()
{
    QFETCH(int, status);
    QFETCH(QByteArray, method);
    QFETCH(bool, keepsBody);

    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/start", {Response::redirect(status, server.url("/stream"))});
    // The second connection starts again from the first URL, with the method and body given.
    server.script("/stream", {Response::events().send("id: 1\ndata: a\n\n").end(),
                              Response::events().send("data: b\n\n").stall()});
    EventSourceOptions options = postOptions(server.url("/start"));
    options.method = method;
    EventSource source(options);
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 2, Timeout);
    source.close();

    const QList<ScriptedServer::Request> starts = server.requests("/start");
    const QList<ScriptedServer::Request> streams = server.requests("/stream");
    QCOMPARE(starts.size(), 2);
    QCOMPARE(streams.size(), 2);
    for (const ScriptedServer::Request &start : starts) {
        QCOMPARE(start.method, method);
        QCOMPARE(start.body, JsonBody);
    }
    for (const ScriptedServer::Request &stream : streams) {
        QCOMPARE(stream.method, keepsBody ? method : QByteArray("GET"));
        QCOMPARE(stream.body, keepsBody ? JsonBody : QByteArray());
        // The headers that describe the body go with it; the others stay (same origin).
        QCOMPARE(stream.hasHeader("Content-Type"), keepsBody);
        QCOMPARE(stream.header("Authorization"), QByteArray("Bearer sk-test"));
    }
    QCOMPARE(streams.at(1).header("Last-Event-ID"), QByteArray("1"));
}

QTEST_GUILESS_MAIN(TestEventSourceBody)
#include "tst_eventsourcebody.moc"
