#include "SessionFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(ChartArrangement)

namespace {

SessionData sampleSession()
{
    SessionData session;
    SubscriptionSettings demo;
    demo.name = QStringLiteral("demo");
    demo.url = QUrl(QStringLiteral("http://127.0.0.1:8080/events"));
    demo.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer t0ken"), false},
                    {QStringLiteral("X-Api-Key"), QStringLiteral("k3y"), true},
                    {QStringLiteral("cookie"), QStringLiteral("sid=c00kie"), false},
                    {QStringLiteral("Accept-Language"), QStringLiteral("en"), false}};
    demo.reconnectMode = ReconnectMode::Strict;
    demo.reconnectionTimeMs = 1500;
    demo.idleTimeoutMs = 45000;
    demo.lastEventId = QStringLiteral("41");
    demo.plottedFields = {QStringLiteral("/count"), QStringLiteral("/a/b[0]")};
    demo.timestampField = QStringLiteral("/time");
    demo.units = {{QStringLiteral("/bytes"), QStringLiteral("B/s")}, {QStringLiteral("/temp"), QStringLiteral("°C")}};
    demo.derivedSeries = {QStringLiteral("rate(/count)"), QStringLiteral("avg(/count, 10s)")};
    SubscriptionSettings plain;
    plain.url = QUrl(QStringLiteral("https://example.invalid/stream?x=1"));
    SubscriptionSettings chat; // a POST-based stream whose body holds a key
    chat.url = QUrl(QStringLiteral("https://api.example.invalid/v1/chat"));
    chat.method = QStringLiteral("POST");
    chat.body = QStringLiteral(R"({"key": "s3cret-body", "stream": true})");
    chat.bodySecret = true;
    chat.maxBackoffMs = 5000;
    chat.allowCompression = true;
    session.subscriptions = {demo, plain, chat};
    session.timeWindowMs = 300000;
    session.eventLogCap = 2500;
    session.pointCap = 50000;
    session.chartLayout = ChartArrangement::Single;
    session.windowState = QByteArray("\x00\x01state\xff", 9);
    session.windowGeometry = QByteArray("geometry");
    session.dashboard = DashboardLayout::defaultFor(0, QStringLiteral("/count"));
    PanelConfig both;
    both.series = {{0, QStringLiteral("rate(/count)"), 1}, {1, QStringLiteral("/x"), 0}};
    both.logScaleRight = true;
    session.dashboard.addPanel(both);
    session.alertRules = {{QStringLiteral("/count > 3 for 10s"), 0, true},
                          {QStringLiteral("down 30s"), -1, false}};
    session.alertNotifications = false;
    session.alertSound = true;
    return session;
}

} // namespace

class TestSessionFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void loadErrors_data();
    void loadErrors();
    void chartLayout_data();
    void chartLayout();
    void demoAndColorKeys_data();
    void demoAndColorKeys();
    void saveToReadOnlyFolder();
    void saveReplacesAtomically();
    void recentSessions();
    void versionOneHasNoMonitoring();
    void damagedDashboardIsAWarning();
};

void TestSessionFile::roundTrip_data()
{
    QTest::addColumn<bool>("storeSecrets");
    QTest::newRow("secrets withheld") << false;
    QTest::newRow("secrets stored") << true;
}

void TestSessionFile::roundTrip()
{
    QFETCH(bool, storeSecrets);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("session.json"));

    SessionData session = sampleSession();
    session.storeSecrets = storeSecrets;
    QString error;
    QVERIFY2(SessionFile::save(path, session, &error), qPrintable(error));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    for (const char *secret : {"t0ken", "k3y", "c00kie", "s3cret-body"})
        QCOMPARE(written.contains(secret), storeSecrets);
    const QJsonArray headers = QJsonDocument::fromJson(written)
                                   .object()
                                   .value("subscriptions")
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value("headers")
                                   .toArray();
    QCOMPARE(headers.size(), 4);
    for (qsizetype i = 0; i < 3; ++i) {
        QCOMPARE(headers.at(i).toObject().value("secret").toBool(), true);
        QCOMPARE(headers.at(i).toObject().contains("value"), storeSecrets);
    }
    QCOMPARE(headers.at(3).toObject().value("value").toString(), QStringLiteral("en"));

    const std::optional<SessionData> loaded = SessionFile::load(path, &error);
    QVERIFY2(loaded, qPrintable(error));

    SessionData expected = session;
    for (SessionHeader &header : expected.subscriptions[0].headers) {
        if (header.name != QLatin1String("Accept-Language")) {
            header.secret = true;
            if (!storeSecrets)
                header.value.clear();
        }
    }
    if (!storeSecrets)
        expected.subscriptions[2].body.clear();
    QCOMPARE(loaded->subscriptions.size(), 3);
    QCOMPARE(loaded->subscriptions[2].method, QStringLiteral("POST"));
    QCOMPARE(loaded->subscriptions[2].maxBackoffMs, 5000);
    QVERIFY(loaded->subscriptions[2].allowCompression);
    QVERIFY(!loaded->subscriptions[1].allowCompression);
    QVERIFY(loaded->subscriptions[2].bodySecret);
    QCOMPARE(loaded->subscriptions[1].maxBackoffMs, ReconnectPolicy::DefaultMaxBackoffMs);
    QVERIFY(loaded->subscriptions[1].method.isEmpty());
    QCOMPARE(loaded->subscriptions[0].headers, expected.subscriptions[0].headers);
    QCOMPARE(loaded->subscriptions[0].lastEventId, std::optional<QString>(QStringLiteral("41")));
    QVERIFY(!loaded->subscriptions[1].lastEventId);
    QCOMPARE(loaded->subscriptions[0].reconnectMode, ReconnectMode::Strict);
    QCOMPARE(loaded->subscriptions[1].reconnectMode, ReconnectMode::Resilient);
    QCOMPARE(loaded->windowState, session.windowState);
    QCOMPARE(QJsonDocument::fromJson(written).object().value("chartLayout").toString(),
             QStringLiteral("single"));
    QCOMPARE(loaded->chartLayout, ChartArrangement::Single);
    QVERIFY(*loaded == expected);
}

void TestSessionFile::loadErrors_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expectedError");

    QTest::newRow("missing file") << QByteArray() << "does not exist";
    QTest::newRow("not JSON") << QByteArray("version=1") << "not valid JSON";
    QTest::newRow("truncated") << QByteArray(R"({"version": 1, "subscr)") << "not valid JSON";
    QTest::newRow("not an object") << QByteArray("[1]") << "expected a JSON object";
    QTest::newRow("no version") << QByteArray(R"({"subscriptions": []})")
                                << "version is missing";
    QTest::newRow("version is text") << QByteArray(R"({"version": "1", "subscriptions": []})")
                                     << "version should be a whole number";
    QTest::newRow("newer version") << QByteArray(R"({"version": 3, "subscriptions": []})")
                                   << "version 3 session file";
    QTest::newRow("units not strings")
        << QByteArray(R"({"version": 2, "subscriptions": [{"url": "u", "units": {"/a": 5}}]})")
        << "subscriptions[0].units should be an object of strings";
    QTest::newRow("alert rule without text")
        << QByteArray(R"({"version": 2, "subscriptions": [], "alertRules": [{"enabled": true}]})")
        << "alertRules[0].text";
    QTest::newRow("alert rules not a list")
        << QByteArray(R"({"version": 2, "subscriptions": [], "alertRules": "x"})")
        << "alertRules should be a list of objects";
    QTest::newRow("no subscriptions") << QByteArray(R"({"version": 1})")
                                      << "subscriptions is missing";
    QTest::newRow("subscriptions not a list")
        << QByteArray(R"({"version": 1, "subscriptions": {}})")
        << "subscriptions should be a list of objects";
    QTest::newRow("subscription not an object")
        << QByteArray(R"({"version": 1, "subscriptions": [3]})")
        << "subscriptions[0] should be an object";
    QTest::newRow("no url") << QByteArray(R"({"version": 1, "subscriptions": [{"name": "a"}]})")
                            << "subscriptions[0].url is missing";
    QTest::newRow("url not a string")
        << QByteArray(R"({"version": 1, "subscriptions": [{"url": 5}]})")
        << "subscriptions[0].url should be a string";
    QTest::newRow("bad reconnect mode")
        << QByteArray(R"({"version": 1, "subscriptions": [{"url": "u", "reconnectMode": "x"}]})")
        << "subscriptions[0].reconnectMode should be";
    QTest::newRow("negative time")
        << QByteArray(R"({"version": 1, "subscriptions": [{"url": "u", "idleTimeoutMs": -1}]})")
        << "subscriptions[0].idleTimeoutMs should be a whole number";
    QTest::newRow("header without name")
        << QByteArray(R"({"version": 1, "subscriptions": [{"url": "u", "headers": [{}]}]})")
        << "subscriptions[0].headers[0].name is missing";
    QTest::newRow("secret not a bool")
        << QByteArray(R"({"version": 1, "subscriptions": [{"url": "u", "headers":
                          [{"name": "A", "secret": "yes"}]}]})")
        << "subscriptions[0].headers[0].secret should be true or false";
    QTest::newRow("fields not strings")
        << QByteArray(R"({"version": 1, "subscriptions": [{"url": "u", "plottedFields": [1]}]})")
        << "subscriptions[0].plottedFields should be a list of strings";
    QTest::newRow("cap not a number") << QByteArray(R"({"version": 1, "subscriptions": [],
                                                       "pointCap": "many"})")
                                      << "pointCap should be a whole number";
    QTest::newRow("chart layout unknown")
        << QByteArray(R"({"version": 1, "subscriptions": [], "chartLayout": "grid"})")
        << "chartLayout should be \"perStream\" or \"single\"";
    QTest::newRow("layout not base64")
        << QByteArray(R"({"version": 1, "subscriptions": [], "layout": {"state": "*!*"}})")
        << "layout.state should be base64 text";
    QTest::newRow("demo not a bool")
        << QByteArray(R"({"version": 1, "subscriptions": [{"url": "u", "demo": "yes"}]})")
        << "subscriptions[0].demo should be true or false";
    QTest::newRow("demo as a number")
        << QByteArray(R"({"version": 1, "subscriptions": [{"url": "u", "demo": 1}]})")
        << "subscriptions[0].demo should be true or false";
    QTest::newRow("colour negative")
        << QByteArray(R"({"version": 1, "subscriptions": [{"url": "u", "colorIndex": -1}]})")
        << "subscriptions[0].colorIndex should be a whole number, 0 or more";
    QTest::newRow("colour fraction")
        << QByteArray(R"({"version": 1, "subscriptions": [{"url": "u", "colorIndex": 1.5}]})")
        << "subscriptions[0].colorIndex should be a whole number, 0 or more";
    QTest::newRow("colour as text")
        << QByteArray(R"({"version": 1, "subscriptions": [{"url": "u", "colorIndex": "3"}]})")
        << "subscriptions[0].colorIndex should be a whole number, 0 or more";
    QTest::newRow("colour too large")
        << QByteArray(R"({"version": 1, "subscriptions": [{"url": "u", "colorIndex": 1e12}]})")
        << "subscriptions[0].colorIndex should be a whole number, 0 or more";
    QTest::newRow("second subscription named")
        << QByteArray(R"({"version": 1, "subscriptions": [{"url": "u"}, {"url": "v", "demo": null}]})")
        << "subscriptions[1].demo should be true or false";
}

void TestSessionFile::loadErrors()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expectedError);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("session.json"));
    if (!content.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }

    QString error;
    QVERIFY(!SessionFile::load(path, &error));
    QVERIFY2(error.contains(expectedError), qPrintable(error));
    QVERIFY2(error.contains(path), qPrintable(error));
}

void TestSessionFile::chartLayout_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<ChartArrangement>("expected");
    // Files written before the layout was saved have no key: one chart per stream.
    QTest::newRow("missing") << QByteArray(R"({"version": 1, "subscriptions": []})")
                             << ChartArrangement::PerStream;
    QTest::newRow("per stream")
        << QByteArray(R"({"version": 1, "subscriptions": [], "chartLayout": "perStream"})")
        << ChartArrangement::PerStream;
    QTest::newRow("single")
        << QByteArray(R"({"version": 1, "subscriptions": [], "chartLayout": "single"})")
        << ChartArrangement::Single;
}

void TestSessionFile::chartLayout()
{
    QFETCH(QByteArray, content);
    QFETCH(ChartArrangement, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("layout.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
    file.close();
    QString error;
    const std::optional<SessionData> loaded = SessionFile::load(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->chartLayout, expected);

    // And back: what is written reads the same.
    QVERIFY2(SessionFile::save(path, *loaded, &error), qPrintable(error));
    const std::optional<SessionData> again = SessionFile::load(path, &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->chartLayout, expected);
}

void TestSessionFile::demoAndColorKeys_data()
{
    QTest::addColumn<bool>("demo");
    QTest::addColumn<int>("colorIndex");

    // Written only when set: a file without them reads back as an ordinary stream, next free colour.
    QTest::newRow("neither") << false << -1;
    QTest::newRow("demo") << true << -1;
    QTest::newRow("colour 0") << false << 0;
    QTest::newRow("both") << true << 7;
}

void TestSessionFile::demoAndColorKeys()
{
    QFETCH(bool, demo);
    QFETCH(int, colorIndex);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("session.json"));

    SessionData session = sampleSession();
    session.subscriptions[0].demo = demo;
    session.subscriptions[0].colorIndex = colorIndex;
    QString error;
    QVERIFY2(SessionFile::save(path, session, &error), qPrintable(error));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray subscriptions = QJsonDocument::fromJson(file.readAll()).object().value("subscriptions").toArray();
    const QJsonObject written = subscriptions.at(0).toObject();
    QCOMPARE(written.contains("demo"), demo);
    if (demo)
        QCOMPARE(written.value("demo"), QJsonValue(true));
    QCOMPARE(written.contains("colorIndex"), colorIndex >= 0);
    if (colorIndex >= 0)
        QCOMPARE(written.value("colorIndex"), QJsonValue(colorIndex));
    QVERIFY(!subscriptions.at(1).toObject().contains("demo"));
    QVERIFY(!subscriptions.at(1).toObject().contains("colorIndex"));

    const std::optional<SessionData> loaded = SessionFile::load(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->subscriptions[0].demo, demo);
    QCOMPARE(loaded->subscriptions[0].colorIndex, colorIndex);
    QCOMPARE(loaded->subscriptions[1].demo, false);
    QCOMPARE(loaded->subscriptions[1].colorIndex, -1);
}

void TestSessionFile::saveToReadOnlyFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile::Permissions readOnly = QFile::ReadOwner | QFile::ExeOwner | QFile::ReadUser
        | QFile::ExeUser;
    QVERIFY(QFile::setPermissions(dir.path(), readOnly));
    {
        QFile probe(dir.filePath(QStringLiteral("probe")));
        if (probe.open(QIODevice::WriteOnly)) {
            probe.close();
            probe.remove();
            QFile::setPermissions(dir.path(), readOnly | QFile::WriteOwner | QFile::WriteUser);
            QSKIP("the folder stays writable (running as root?)");
        }
    }

    const QString path = dir.filePath(QStringLiteral("session.json"));
    QString error;
    const bool saved = SessionFile::save(path, sampleSession(), &error);
    QFile::setPermissions(dir.path(), readOnly | QFile::WriteOwner | QFile::WriteUser);
    QVERIFY(!saved);
    QVERIFY2(error.startsWith(QStringLiteral("Cannot save the session to ") + path),
             qPrintable(error));
    QVERIFY2(error.size() > QStringLiteral("Cannot save the session to : ").size() + path.size(),
             "the reason follows");
    QVERIFY(!QFileInfo::exists(path));
}

void TestSessionFile::saveReplacesAtomically()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("session.json"));
    SessionData first = sampleSession();
    QVERIFY(SessionFile::save(path, first));
    SessionData second;
    second.eventLogCap = 7;
    QVERIFY(SessionFile::save(path, second));
    const std::optional<SessionData> loaded = SessionFile::load(path);
    QVERIFY(loaded);
    QVERIFY(*loaded == second);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("session.json")});
}

void TestSessionFile::recentSessions()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);

    QStringList paths;
    for (int i = 0; i < 10; ++i) {
        const QString path = dir.filePath(QStringLiteral("s%1.json").arg(i));
        QVERIFY(SessionFile::save(path, SessionData()));
        paths.append(path);
        SessionFile::addRecentSession(settings, path);
    }
    QStringList expected;
    for (int i = 9; i >= 2; --i)
        expected.append(paths[i]);
    QCOMPARE(SessionFile::recentSessions(settings), expected);

    // Opening one again moves it to the front without duplicating it.
    SessionFile::addRecentSession(settings, paths[5]);
    expected.removeAll(paths[5]);
    expected.prepend(paths[5]);
    QCOMPARE(SessionFile::recentSessions(settings), expected);

    // Missing files are pruned, also from what is stored.
    QVERIFY(QFile::remove(paths[9]));
    expected.removeAll(paths[9]);
    QCOMPARE(SessionFile::recentSessions(settings), expected);
    QCOMPARE(settings.value(QStringLiteral("recentSessions")).toStringList(), expected);
}

void TestSessionFile::versionOneHasNoMonitoring()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("old.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // Version 1 had none of these keys; were they there, a version 1 reader would not know them.
    file.write(R"({"version": 1, "subscriptions": [{"url": "http://127.0.0.1:1/e", "units": {"/a": "ms"}}],
                   "dashboard": {"rows": [{"panels": [{"kind": "statTile"}]}]}, "alertRules": [{"text": "stale 5s"}]})");
    file.close();
    QString error;
    QStringList warnings;
    const std::optional<SessionData> loaded = SessionFile::load(path, &error, &warnings);
    QVERIFY2(loaded, qPrintable(error));
    QVERIFY(warnings.isEmpty());
    QVERIFY(loaded->dashboard.isEmpty());
    QVERIFY(loaded->alertRules.isEmpty());
    QVERIFY(loaded->subscriptions.at(0).units.isEmpty());
    QVERIFY(loaded->alertNotifications);
}

void TestSessionFile::damagedDashboardIsAWarning()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("damaged.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"version": 2, "subscriptions": [{"url": "http://127.0.0.1:1/e"}],
                   "dashboard": {"rows": [{"panels": [{"id": 1, "kind": "gauge"}, {"id": 2, "kind": "eventRate"}]}]}})");
    file.close();
    QString error;
    QStringList warnings;
    const std::optional<SessionData> loaded = SessionFile::load(path, &error, &warnings);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->subscriptions.size(), 1);
    QCOMPARE(loaded->dashboard.panelCount(), 1);
    QCOMPARE(loaded->dashboard.panels().at(0).kind, PanelConfig::Kind::EventRate);
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.at(0).contains(path) && warnings.at(0).contains(QStringLiteral("panels[0]")), qPrintable(warnings.at(0)));
}

QTEST_GUILESS_MAIN(TestSessionFile)

#include "tst_sessionfile.moc"
