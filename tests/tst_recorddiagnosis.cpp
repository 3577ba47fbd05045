// `eventscope record` on what the way to the server does: comments written in arrival order with
// --comments, and notices on standard error for a response head held back, a buffering proxy and
// compression, each once, with the URL.
#include "RecordTestCase.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>

using namespace RecordTest;
using Response = ScriptedServer::Response;

namespace {

QByteArray numbered(int first, int count)
{
    QByteArray bytes;
    for (int i = first; i < first + count; ++i)
        bytes += "id: " + QByteArray::number(i) + "\ndata: {\"count\": " + QByteArray::number(i) + "}\n\n";
    return bytes;
}

} // namespace

class tst_RecordDiagnosis : public RecordTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void commentsInArrivalOrder();
    void commentsOnlyWhenAsked();
    void commentsNeedJsonLines();
    void headersHeldBackIsANotice();
    void bufferingProxyIsANotice();
    void compressionIsANotice();
    void compressedThoughAskedNotIsDecoded();
    void endlessLineIsANoticeAndLosesNothingElse();
    void helpNamesTheOptions();
};

void tst_RecordDiagnosis::commentsInArrivalOrder()
{
    m_server->script(QStringLiteral("/events"),
                     {Response::events().send(": first\ndata: a\n\n: mid\n").pause(50).send(":\ndata: b\n\n: last\n").end(),
                      Response::status(204)});
    const QString url = m_server->url().toString();
    const Result result = runRecord({QStringLiteral("--comments"), QStringLiteral("--retry"), QStringLiteral("10"), url});
    QCOMPARE(result.exitCode, 0);
    const QList<QJsonObject> lines = parseLines(result.out);
    QStringList seen;
    for (const QJsonObject &line : lines) {
        if (line.contains(u"comment")) {
            QCOMPARE(line.keys(), (QStringList{"comment", "receivedAt", "url"})); // and no type or data
            QCOMPARE(str(line, "url"), url);
            QVERIFY(QDateTime::fromString(str(line, "receivedAt"), Qt::ISODateWithMs).isValid());
            seen.append(u"c:" + str(line, "comment"));
        } else {
            seen.append(u"e:" + str(line, "data"));
        }
    }
    QCOMPARE(seen, (QStringList{"c:first", "e:a", "c:mid", "c:", "e:b", "c:last"}));
    QVERIFY2(result.err.contains("2 event(s) recorded"), result.err.constData());
}

void tst_RecordDiagnosis::commentsOnlyWhenAsked()
{
    m_server->script(QStringLiteral("/events"),
                     {Response::events().send(": hb\ndata: a\n\n: hb\n").end(), Response::status(204)});
    const Result result = runRecord({QStringLiteral("--retry"), QStringLiteral("10"), m_server->url().toString()});
    QCOMPARE(result.exitCode, 0);
    const QList<QJsonObject> lines = parseLines(result.out);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(str(lines.at(0), "data"), QStringLiteral("a"));
}

void tst_RecordDiagnosis::commentsNeedJsonLines()
{
    for (const QString &format : {QStringLiteral("csv"), QStringLiteral("sse")}) {
        const Result result = runRecord({QStringLiteral("--comments"), QStringLiteral("--format"), format,
                                         m_server->url().toString()});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("--comments writes JSON Lines"), result.err.constData());
        QVERIFY(result.out.isEmpty());
    }
}

void tst_RecordDiagnosis::headersHeldBackIsANotice()
{
    // Longer than the 5 s after which record speaks.
    m_server->route(QStringLiteral("/slow"), [](const HttpRequest &, HttpResponseStream *response) {
        QTimer::singleShot(6500, response, [response] {
            response->writeHead(200, {{"Content-Type", "text/event-stream"}});
            response->write("data: late\n\n");
        });
    });
    const QString url = m_server->url(QStringLiteral("/slow")).toString();
    const Result result = runRecord({QStringLiteral("--max-events"), QStringLiteral("1"), url});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(parseLines(result.out).size(), 1);
    // Said after about 5 s (a coarse timer may be late by a few percent).
    const QRegularExpression notice(QRegularExpression::escape(url) + QStringLiteral(": notice: no response headers 5\\.\\d s after the request"));
    QVERIFY2(notice.match(QString::fromUtf8(result.err)).hasMatch(), result.err.constData());
    QVERIFY(result.err.contains("proxy_buffering off"));
    QVERIFY(!result.err.contains("compression middleware")); // identity was asked for
    QCOMPARE(result.err.count("notice:"), 1);
}

void tst_RecordDiagnosis::bufferingProxyIsANotice()
{
    // 10 events at once after 3.2 s of silence, twice; beside it a steady stream that is left alone.
    m_server->script(QStringLiteral("/buffered"), {Response::events()
                                                       .send(numbered(1, 10))
                                                       .pause(3200)
                                                       .send(numbered(11, 10))
                                                       .pause(3200)
                                                       .send(numbered(21, 10))
                                                       .stall()});
    Response steady = Response::events();
    for (int i = 1; i <= 30; ++i)
        steady.send(numbered(i, 1)).pause(250);
    m_server->script(QStringLiteral("/steady"), {steady.stall()});
    const QString buffered = m_server->url(QStringLiteral("/buffered")).toString();
    const QString steadyUrl = m_server->url(QStringLiteral("/steady")).toString();
    const Result result = runRecord({QStringLiteral("--max-events"), QStringLiteral("55"), buffered, steadyUrl});
    QCOMPARE(result.exitCode, 0);
    const QByteArray notice = buffered.toUtf8() + ": notice: events arrive in bursts (10 at once after 3.";
    QVERIFY2(result.err.contains(notice), result.err.constData());
    QVERIFY(result.err.contains("X-Accel-Buffering: no"));
    QCOMPARE(result.err.count("notice:"), 1);
}

void tst_RecordDiagnosis::compressionIsANotice()
{
    m_server->script(QStringLiteral("/events"),
                     {Response::events().header("Content-Encoding", "deflate").send(qCompress(numbered(1, 3)).sliced(4)).stall()});
    const QString url = m_server->url().toString();
    const Result result = runRecord({QStringLiteral("--compressed"), QStringLiteral("--max-events"), QStringLiteral("3"), url});
    QCOMPARE(result.exitCode, 0);
    const QList<QJsonObject> lines = parseLines(result.out);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(str(lines.at(2), "data"), QStringLiteral("{\"count\": 3}"));
    QVERIFY(m_server->lastRequest().header("Accept-Encoding").contains("gzip"));
    const QByteArray notice = url.toUtf8() + ": notice: the server compresses the event stream (Content-Encoding: deflate)";
    QVERIFY2(result.err.contains(notice), result.err.constData());
    QCOMPARE(result.err.count("notice:"), 1);
}

void tst_RecordDiagnosis::compressedThoughAskedNotIsDecoded()
{
    m_server->script(QStringLiteral("/events"),
                     {Response::events().header("Content-Encoding", "deflate").send(qCompress(numbered(1, 2)).sliced(4)).stall()});
    const QString url = m_server->url().toString();
    const Result result = runRecord({QStringLiteral("--retry"), QStringLiteral("10"), QStringLiteral("--max-events"),
                                     QStringLiteral("2"), url});
    QCOMPARE(result.exitCode, 0);
    const QList<QJsonObject> lines = parseLines(result.out);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(str(lines.at(0), "data"), QStringLiteral("{\"count\": 1}"));
    const QList<ScriptedServer::Request> requests = m_server->requests(QStringLiteral("/events"));
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).header("Accept-Encoding"), QByteArray("identity"));
    QVERIFY2(result.err.contains("compressed the stream (deflate) although the request asked for "
                                 "Accept-Encoding: identity"),
             result.err.constData());
    QCOMPARE(result.err.count("notice:"), 1);
}

void tst_RecordDiagnosis::endlessLineIsANoticeAndLosesNothingElse()
{
    // 40 MiB without a newline (beyond the 16 MiB cap), the connection ends; the next one brings
    // the rest. A steady stream beside it records every one of its events.
    m_server->script(QStringLiteral("/events"),
                     {Response::events().send("id: 1\ndata: before\n\ndata: ").send(QByteArray(40 << 20, 'x')).end(),
                      Response::events().send("id: 2\ndata: after\n\n").end(), Response::status(204)});
    QByteArray steadyEvents;
    for (int i = 1; i <= 20; ++i)
        steadyEvents += "id: " + QByteArray::number(i) + "\ndata: " + QByteArray::number(i) + "\n\n";
    m_server->script(QStringLiteral("/steady"), {Response::events().send(steadyEvents).end(), Response::status(204)});
    const QString url = m_server->url().toString();
    const Result result = runRecord({QStringLiteral("--retry"), QStringLiteral("10"), url,
                                     m_server->url(QStringLiteral("/steady")).toString()});
    QCOMPARE(result.exitCode, 0);
    QStringList data;
    int steady = 0;
    for (const QJsonObject &line : parseLines(result.out)) {
        if (str(line, "url") == url)
            data.append(str(line, "data"));
        else
            ++steady;
    }
    QCOMPARE(data, (QStringList{"before", "after"}));
    QCOMPARE(steady, 20);
    const QByteArray notice = url.toUtf8() + ": notice: an event grew beyond the event size cap (16 MiB)";
    QVERIFY2(result.err.contains(notice),
             result.err.constData());
    QCOMPARE(result.err.count("event size cap"), 1);
}

void tst_RecordDiagnosis::helpNamesTheOptions()
{
    const Result result = runRecord({QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains("--comments"));
    QVERIFY(result.out.contains("--compressed"));
    QVERIFY(result.out.contains("--header-timeout"));
    QVERIFY(result.out.contains("--pin-sha256"));
}

QTEST_GUILESS_MAIN(tst_RecordDiagnosis)
#include "tst_recorddiagnosis.moc"
