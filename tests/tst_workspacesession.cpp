// Workspace: the built-in demo server and its stream, sessions (toSession/applySession, secrets
// withheld, the demo reopened on its current port) and the modified flag.

#include "FastOptions.h"
#include "DemoServer.h"
#include "ScriptedServer.h"
#include "SessionFile.h"
#include "Workspace.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Response = ScriptedServer::Response;

Q_DECLARE_METATYPE(QList<SessionHeader>)

namespace {

constexpr int Timeout = 15000;
// Default reconnection settings: the first retry comes after up to 3 s, the next after up to 6 s.
constexpr int ReconnectTimeout = 60000;

QStringList headerNames(const EventSourceOptions &options)
{
    QStringList names;
    for (const HttpHeader &header : options.headers)
        names.append(QString::fromLatin1(header.first));
    return names;
}

QList<int> colorsOf(const Workspace &workspace)
{
    QList<int> colors;
    for (const Stream *stream : workspace.streams())
        colors.append(stream->colorIndex());
    return colors;
}

QStringList headerValues(const EventSourceOptions &options)
{
    QStringList values;
    for (const HttpHeader &header : options.headers)
        values.append(QString::fromUtf8(header.second));
    return values;
}

} // namespace

class TestWorkspaceSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startDemoTwiceGivesOneStream();
    void demoServerStopsAndComesBack();
    void demoServerCannotRunBeforeItStarted();
    void sessionRoundTrip();
    void withheldSecrets_data();
    void withheldSecrets();
    void modified_data();
    void modified();
};

void TestWorkspaceSession::startDemoTwiceGivesOneStream()
{
    Workspace workspace;
    workspace.setTickInterval(0);
    QSignalSpy added(&workspace, &Workspace::streamAdded);
    QCOMPARE(workspace.demoStream(), nullptr);

    Stream *demo = workspace.startDemo(50);
    QVERIFY2(demo, qPrintable(workspace.demoServer()->errorString()));
    QCOMPARE(workspace.startDemo(50), demo);
    QCOMPARE(workspace.count(), 1);
    QCOMPARE(added.count(), 1);
    QCOMPARE(workspace.demoStream(), demo);
    QVERIFY(demo->isDemo());
    QVERIFY(workspace.demoServer()->isRunning());
    QCOMPARE(demo->url(), workspace.demoServer()->url());
    QCOMPARE(demo->url().host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(demo->url().port(), int(workspace.demoServer()->port()));
    QVERIFY(workspace.isModified());

    QTRY_VERIFY_WITH_TIMEOUT(demo->statistics().events() >= 3, Timeout);
    workspace.tick();
    QCOMPARE(demo->status(), StreamStatus::Open);
    QVERIFY(demo->fields()->hasField(QStringLiteral("/count")));
    QVERIFY(demo->fields()->timestampCandidates().contains(QStringLiteral("/time")));
    QCOMPARE(demo->statistics().gaps(), 0);

    // Removed and started again: a new demo stream, on the same server.
    const quint16 port = workspace.demoServer()->port();
    workspace.removeStream(demo);
    QCOMPARE(workspace.demoStream(), nullptr);
    Stream *again = workspace.startDemo(50);
    QVERIFY(again && again != demo);
    QCOMPARE(workspace.count(), 1);
    QCOMPARE(again->url().port(), int(port));
}

void TestWorkspaceSession::demoServerStopsAndComesBack()
{
    Workspace workspace;
    workspace.setTickInterval(0);
    Stream *demo = workspace.startDemo(50);
    QVERIFY(demo);
    QTRY_COMPARE_WITH_TIMEOUT(demo->status(), StreamStatus::Open, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(demo->statistics().events() >= 2, Timeout);
    const QUrl url = demo->url();
    const quint16 port = workspace.demoServer()->port();

    QSignalSpy running(&workspace, &Workspace::demoServerRunningChanged);
    QVERIFY(workspace.setDemoServerRunning(false));
    QVERIFY(!workspace.demoServer()->isRunning());
    QVERIFY(workspace.demoServer()->wasStarted());
    QTRY_COMPARE_WITH_TIMEOUT(demo->status(), StreamStatus::Reconnecting, Timeout);
    QVERIFY(!demo->history().outages().empty());
    QVERIFY(demo->history().outages().back().second < 0);

    QVERIFY2(workspace.setDemoServerRunning(true), qPrintable(workspace.demoServer()->errorString()));
    QCOMPARE(workspace.demoServer()->port(), port);
    QCOMPARE(running.count(), 2);
    QCOMPARE(running.at(0).at(0).toBool(), false);
    QCOMPARE(running.at(1).at(0).toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(demo->status(), StreamStatus::Open, ReconnectTimeout);
    QCOMPARE(demo->url(), url);
    QCOMPARE(demo->statistics().reconnects(), 1);
    QVERIFY(demo->history().outages().back().second >= 0);

    // The demo resumes after Last-Event-ID: the ids go on.
    const qint64 before = demo->statistics().events();
    QTRY_VERIFY_WITH_TIMEOUT(demo->statistics().events() > before + 1, Timeout);
    QCOMPARE(demo->statistics().idResets(), 0);
    QCOMPARE(workspace.count(), 1);
}

void TestWorkspaceSession::demoServerCannotRunBeforeItStarted()
{
    Workspace workspace;
    workspace.setTickInterval(0);
    QVERIFY(!workspace.setDemoServerRunning(true));
    QVERIFY(!workspace.demoServer()->isRunning());
    QVERIFY(workspace.setDemoServerRunning(false)); // stopping what does not run is fine
    QCOMPARE(workspace.count(), 0);
}

void TestWorkspaceSession::sessionRoundTrip()
{
    ScriptedServer server;
    QVERIFY(server.start());
    for (const char *path : {"/x", "/y", "/old"})
        server.script(path, {Response::events().stall()});

    Workspace first;
    first.setTickInterval(0);
    const Limits limits{1234, 64, 500, 2000, 300};
    first.setLimits(limits);
    Stream *placeholder = first.addStream(fastOptions(server.url("/old")), {}, false);
    EventSourceOptions x = fastOptions(server.url("/x"));
    x.headers = {{"Authorization", "Bearer s3cret"}, {"X-Api-Key", "k3y"}, {"Accept-Language", "en"}};
    x.secretHeaderNames = {"X-Api-Key"};
    x.reconnectMode = ReconnectMode::Strict;
    x.reconnectionTimeMs = 1500;
    x.idleTimeoutMs = 45000;
    x.lastEventId = QStringLiteral("41");
    x.method = "POST";
    x.body = R"({"api_key": "b0dy"})";
    x.secretBody = true;
    x.maxBackoffMs = 7000;
    x.allowCompression = true;
    first.addStream(x, QStringLiteral("x"), false);
    Stream *y = first.addStream(fastOptions(server.url("/y")), {}, false);
    y->setTimeSource(StreamFieldStore::PayloadField, QStringLiteral("/time"));
    first.removeStream(placeholder); // frees colour 0: the others keep 1 and 2
    Stream *demo = first.startDemo(50);
    QVERIFY(demo);

    const SessionData saved = first.toSession();
    QCOMPARE(saved.subscriptions.size(), 3);
    QCOMPARE(saved.subscriptions[0].colorIndex, 1);
    QCOMPARE(saved.subscriptions[1].colorIndex, 2);
    QCOMPARE(saved.subscriptions[2].colorIndex, 0);
    QCOMPARE(saved.subscriptions[1].timestampField, QStringLiteral("/time"));
    QVERIFY(saved.subscriptions[2].demo);
    QVERIFY(!saved.subscriptions[0].demo);
    QCOMPARE(saved.subscriptions[2].url, first.demoServer()->url());
    QCOMPARE(saved.captureMaxEvents, 1234);
    QCOMPARE(saved.captureMaxMiB, 64);
    QCOMPARE(saved.captureTotalMiB, 300);
    QCOMPARE(saved.eventLogCap, 500);
    QCOMPARE(saved.pointCap, 2000);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("session.json"));
    QString error;
    QVERIFY2(SessionFile::save(path, saved, &error), qPrintable(error));
    const std::optional<SessionData> loaded = SessionFile::load(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    SessionData session = *loaded;
    // The demo is reopened wherever the demo server is now, not where it was.
    session.subscriptions[2].url = QUrl(QStringLiteral("http://127.0.0.1:1/events"));

    Workspace second;
    second.setTickInterval(0);
    second.addStream(fastOptions(server.url("/old")), {}, false);
    QSignalSpy removed(&second, &Workspace::streamRemoved);
    QSignalSpy modified(&second, &Workspace::modifiedChanged);
    QStringList withheld;
    // Each stream is announced with the colour it had, so views draw it right from the start.
    QList<int> announcedColors;
    connect(&second, &Workspace::streamAdded, &second,
            [&announcedColors](Stream *stream) { announcedColors.append(stream->colorIndex()); });
    second.applySession(session, &withheld);
    QCOMPARE(announcedColors, (QList<int>{1, 2, 0}));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(withheld, (QStringList{"x: Authorization", "x: X-Api-Key", "x: the request body"}));
    QVERIFY(!second.isModified());
    if (!modified.isEmpty())
        QCOMPARE(modified.last().at(0).toBool(), false);
    QVERIFY(second.limits() == first.limits());
    QCOMPARE(second.count(), 3);

    const Stream *sx = second.streamAt(0);
    QCOMPARE(sx->name(), QStringLiteral("x"));
    QCOMPARE(sx->url(), server.url("/x"));
    QCOMPARE(headerNames(sx->options()), (QStringList{"Authorization", "X-Api-Key", "Accept-Language"}));
    QCOMPARE(headerValues(sx->options()), (QStringList{"", "", "en"}));
    QVERIFY(sx->options().secretHeaderNames.contains("X-Api-Key"));
    QCOMPARE(sx->options().reconnectMode, ReconnectMode::Strict);
    QCOMPARE(sx->options().reconnectionTimeMs, 1500);
    QCOMPARE(sx->options().idleTimeoutMs, 45000);
    QCOMPARE(sx->options().lastEventId, QStringLiteral("41"));
    QCOMPARE(sx->options().method, QByteArray("POST"));
    QVERIFY(sx->options().body.isEmpty()); // a secret body is withheld from the file, like the headers
    QVERIFY(sx->options().secretBody);
    QCOMPARE(sx->options().maxBackoffMs, 7000);
    QVERIFY(sx->options().allowCompression);
    const Stream *sy = second.streamAt(1);
    QCOMPARE(sy->fields()->timeSource(), StreamFieldStore::PayloadField);
    QCOMPARE(sy->fields()->timeFieldPath(), QStringLiteral("/time"));
    QCOMPARE(sy->givenName(), QString());
    const Stream *sd = second.streamAt(2);
    QVERIFY(sd->isDemo());
    QCOMPARE(second.demoStream(), sd);
    QCOMPARE(sd->url(), second.demoServer()->url());
    QVERIFY(sd->url() != first.demoServer()->url());
    QCOMPARE(sd->name(), demo->name());
    QCOMPARE(colorsOf(second), (QList<int>{1, 2, 0}));

    // Every stream is opened, with its saved settings.
    QTRY_COMPARE_WITH_TIMEOUT(sd->status(), StreamStatus::Open, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(sx->status(), StreamStatus::Open, Timeout);
    QCOMPARE(server.lastRequest("/x").header("Last-Event-ID"), QByteArray("41"));
    QCOMPARE(server.lastRequest("/x").header("Accept-Language"), QByteArray("en"));

    // Saved again, it is the session that was loaded, but for the demo's port.
    SessionData expected = *loaded;
    expected.subscriptions[2].url = second.demoServer()->url();
    QVERIFY(second.toSession().subscriptions == expected.subscriptions);
}

void TestWorkspaceSession::withheldSecrets_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QList<SessionHeader>>("headers");
    QTest::addColumn<QStringList>("withheld");

    QTest::newRow("authorization withheld")
        << "s" << QList<SessionHeader>{{"Authorization", "", true}} << QStringList{"s: Authorization"};
    QTest::newRow("authorization stored") << "s" << QList<SessionHeader>{{"Authorization", "Bearer t", true}}
                                          << QStringList{};
    QTest::newRow("secret by name alone") << "s" << QList<SessionHeader>{{"cookie", "", false}}
                                          << QStringList{"s: cookie"};
    QTest::newRow("marked secret") << "s" << QList<SessionHeader>{{"X-Api-Key", "", true}}
                                   << QStringList{"s: X-Api-Key"};
    QTest::newRow("plain header, empty") << "s" << QList<SessionHeader>{{"Accept", "", false}} << QStringList{};
    QTest::newRow("unnamed stream: its default name")
        << "" << QList<SessionHeader>{{"Proxy-Authorization", "", true}, {"Accept", "x", false}}
        << QStringList{"127.0.0.1:1/events: Proxy-Authorization"};
}

void TestWorkspaceSession::withheldSecrets()
{
    QFETCH(QString, name);
    QFETCH(QList<SessionHeader>, headers);
    QFETCH(QStringList, withheld);

    SessionData session;
    SubscriptionSettings sub;
    sub.name = name;
    sub.url = QUrl(QStringLiteral("http://127.0.0.1:1/events")); // nothing listens: it only retries
    sub.headers = headers;
    session.subscriptions = {sub};

    Workspace workspace;
    workspace.setTickInterval(0);
    QStringList seen;
    workspace.applySession(session, &seen);
    QCOMPARE(seen, withheld);
    QCOMPARE(workspace.count(), 1);
    QCOMPARE(headerNames(workspace.streamAt(0)->options()).size(), headers.size());
    // Secret marks survive the round trip, also for names that are not secret by themselves.
    const SessionData back = workspace.toSession();
    for (qsizetype i = 0; i < headers.size(); ++i)
        QCOMPARE(back.subscriptions[0].headers[i].secret,
                 headers[i].secret || SessionFile::isSecretHeaderName(headers[i].name));
}

void TestWorkspaceSession::modified_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<bool>("modified");
    QTest::addColumn<int>("changes");

    QTest::newRow("add a stream") << "add" << true << 1;
    QTest::newRow("edit a stream") << "edit" << true << 1;
    QTest::newRow("remove a stream") << "remove" << true << 1;
    QTest::newRow("remove all") << "remove all" << true << 1;
    QTest::newRow("new limits") << "limits" << true << 1;
    QTest::newRow("the same limits") << "same limits" << false << 0;
    QTest::newRow("start the demo") << "demo" << true << 1;
    QTest::newRow("open a capture") << "capture" << false << 0;
    QTest::newRow("tick") << "tick" << false << 0;
    QTest::newRow("saved after a change") << "save point" << false << 2;
    QTest::newRow("apply a session") << "apply" << false << 2;
}

void TestWorkspaceSession::modified()
{
    QFETCH(QString, operation);
    QFETCH(bool, modified);
    QFETCH(int, changes);

    Workspace workspace;
    workspace.setTickInterval(0);
    Stream *stream = workspace.addStream(fastOptions(QUrl(QStringLiteral("http://127.0.0.1:1/a"))), {}, false);
    workspace.setModified(false);
    QSignalSpy spy(&workspace, &Workspace::modifiedChanged);

    QTemporaryDir dir;
    const QString capture = dir.filePath(QStringLiteral("capture.jsonl"));
    {
        QFile file(capture);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"url":"u","type":"message","data":"1","lastEventId":"","receivedAt":"2026-01-01T00:00:00.000Z"})"
                   "\n");
    }
    const auto options = fastOptions(QUrl(QStringLiteral("http://127.0.0.1:1/b")));
    if (operation == QLatin1String("add"))
        workspace.addStream(options, {}, false);
    else if (operation == QLatin1String("edit"))
        workspace.editStream(stream, options, QStringLiteral("b"));
    else if (operation == QLatin1String("remove"))
        workspace.removeStream(stream);
    else if (operation == QLatin1String("remove all"))
        workspace.removeAllStreams();
    else if (operation == QLatin1String("limits"))
        workspace.setLimits({10, 10, 100, 1000});
    else if (operation == QLatin1String("same limits"))
        workspace.setLimits(workspace.limits());
    else if (operation == QLatin1String("demo"))
        QVERIFY(workspace.startDemo(50));
    else if (operation == QLatin1String("capture"))
        QCOMPARE(workspace.openCapture(capture).size(), 1);
    else if (operation == QLatin1String("tick"))
        workspace.tick();
    else if (operation == QLatin1String("save point")) {
        workspace.setModified();
        workspace.setModified(false);
    } else if (operation == QLatin1String("apply"))
        workspace.applySession(workspace.toSession());
    else
        QFAIL("unknown operation");

    QCOMPARE(workspace.isModified(), modified);
    QCOMPARE(spy.count(), changes);
    if (!spy.isEmpty())
        QCOMPARE(spy.last().at(0).toBool(), modified);
}

QTEST_GUILESS_MAIN(TestWorkspaceSession)

#include "tst_workspacesession.moc"
