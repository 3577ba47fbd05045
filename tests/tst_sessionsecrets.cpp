// SessionSecrets: which values of a session go to the secret store, under which keys, and how a
// session read back from a file that withheld them gets them again; a store that fails says so.
#include "SecretStore.h"
#include "SessionSecrets.h"
#include "UnreachableSecretStore.h"

#include <QTest>

Q_DECLARE_METATYPE(QList<SessionHeader>)

namespace {

SubscriptionSettings subscription(const QString &url)
{
    SubscriptionSettings sub;
    sub.url = QUrl(url);
    sub.name = QStringLiteral("api");
    return sub;
}

// What a session file gives back when it withheld the secrets.
SessionData withheld(SessionData session)
{
    for (SubscriptionSettings &sub : session.subscriptions) {
        for (SessionHeader &header : sub.headers) {
            if (header.secret || header.name.compare(QLatin1String("Authorization"), Qt::CaseInsensitive) == 0
                || header.name.compare(QLatin1String("Cookie"), Qt::CaseInsensitive) == 0)
                header.value.clear();
        }
        if (sub.bodySecret)
            sub.body.clear();
    }
    return session;
}

} // namespace

class TestSessionSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void whatIsStored_data();
    void whatIsStored();
    void restoredIntoAWithheldSession();
    void keysBelongToTheSessionFileAndStream();
    void unreachableStoreReportsWhatItDidNotKeep();
};

void TestSessionSecrets::whatIsStored_data()
{
    QTest::addColumn<QList<SessionHeader>>("headers");
    QTest::addColumn<QString>("body");
    QTest::addColumn<bool>("bodySecret");
    QTest::addColumn<int>("written");

    QTest::newRow("Authorization is always secret")
        << QList<SessionHeader>{{QStringLiteral("Authorization"), QStringLiteral("Bearer k"), false}} << QString() << false << 1;
    QTest::newRow("cookie, any case") << QList<SessionHeader>{{QStringLiteral("cookie"), QStringLiteral("s=1"), false}}
                                      << QString() << false << 1;
    QTest::newRow("a header marked secret")
        << QList<SessionHeader>{{QStringLiteral("X-Api-Key"), QStringLiteral("k"), true}} << QString() << false << 1;
    QTest::newRow("a plain header is not")
        << QList<SessionHeader>{{QStringLiteral("Accept-Language"), QStringLiteral("en"), false}} << QString() << false << 0;
    QTest::newRow("an empty secret is not")
        << QList<SessionHeader>{{QStringLiteral("Authorization"), QString(), false}} << QString() << false << 0;
    QTest::newRow("a secret body") << QList<SessionHeader>{} << QStringLiteral("{\"key\": \"k\"}") << true << 1;
    QTest::newRow("a plain body is not") << QList<SessionHeader>{} << QStringLiteral("{}") << false << 0;
    QTest::newRow("all of them")
        << QList<SessionHeader>{{QStringLiteral("Authorization"), QStringLiteral("Bearer k"), false},
                                {QStringLiteral("X-Api-Key"), QStringLiteral("k"), true},
                                {QStringLiteral("Accept"), QStringLiteral("text/event-stream"), false}}
        << QStringLiteral("{\"key\": \"k\"}") << true << 3;
}

void TestSessionSecrets::whatIsStored()
{
    QFETCH(QList<SessionHeader>, headers);
    QFETCH(QString, body);
    QFETCH(bool, bodySecret);
    QFETCH(int, written);

    SessionData session;
    SubscriptionSettings sub = subscription(QStringLiteral("https://api.example/v1/stream"));
    sub.headers = headers;
    sub.body = body;
    sub.bodySecret = bodySecret;
    session.subscriptions = {sub};

    MemorySecretStore store;
    const SessionSecrets::StoreResult result = SessionSecrets::store(session, QStringLiteral("/s/a.json"), store);
    QCOMPARE(result.written, written);
    QVERIFY(result.failed.isEmpty());
    QCOMPARE(store.values().size(), written);

    // Read back into what the file gives: every value as it was.
    SessionData reread = withheld(session);
    QString error;
    QCOMPARE(SessionSecrets::restore(reread, QStringLiteral("/s/a.json"), store, &error), written);
    QCOMPARE(reread.subscriptions, session.subscriptions);
}

void TestSessionSecrets::restoredIntoAWithheldSession()
{
    SessionData session;
    SubscriptionSettings sub = subscription(QStringLiteral("https://api.example/v1/stream"));
    sub.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer k"), false}};
    session.subscriptions = {sub};
    MemorySecretStore store;
    SessionSecrets::store(session, QStringLiteral("/s/a.json"), store);

    // A value the file did hold is kept, not overwritten by the store.
    SessionData reread = session;
    reread.subscriptions[0].headers[0].value = QStringLiteral("Bearer newer");
    QString error;
    QCOMPARE(SessionSecrets::restore(reread, QStringLiteral("/s/a.json"), store, &error), 0);
    QCOMPARE(reread.subscriptions[0].headers[0].value, QStringLiteral("Bearer newer"));
}

void TestSessionSecrets::keysBelongToTheSessionFileAndStream()
{
    SessionData session;
    SubscriptionSettings one = subscription(QStringLiteral("https://a.example/events"));
    one.headers = {{QStringLiteral("Authorization"), QStringLiteral("one"), false}};
    SubscriptionSettings two = subscription(QStringLiteral("https://b.example/events"));
    two.headers = {{QStringLiteral("Authorization"), QStringLiteral("two"), false}};
    session.subscriptions = {one, two};
    MemorySecretStore store;
    QCOMPARE(SessionSecrets::store(session, QStringLiteral("/s/a.json"), store).written, 2);

    SessionData reread = withheld(session);
    QString error;
    QCOMPARE(SessionSecrets::restore(reread, QStringLiteral("/s/a.json"), store, &error), 2);
    QCOMPARE(reread.subscriptions[0].headers[0].value, QStringLiteral("one"));
    QCOMPARE(reread.subscriptions[1].headers[0].value, QStringLiteral("two"));

    // Another session file has secrets of its own.
    SessionData other = withheld(session);
    QCOMPARE(SessionSecrets::restore(other, QStringLiteral("/s/b.json"), store, &error), 0);
    QVERIFY(other.subscriptions[0].headers[0].value.isEmpty());
}

void TestSessionSecrets::unreachableStoreReportsWhatItDidNotKeep()
{
    SessionData session;
    SubscriptionSettings sub = subscription(QStringLiteral("https://api.example/v1/stream"));
    sub.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer k"), false}};
    sub.body = QStringLiteral("{\"key\": \"k\"}");
    sub.bodySecret = true;
    session.subscriptions = {sub};

    UnreachableSecretStore store;
    const SessionSecrets::StoreResult result = SessionSecrets::store(session, QStringLiteral("/s/a.json"), store);
    QCOMPARE(result.written, 0);
    QCOMPARE(result.failed, (QStringList{QStringLiteral("api: Authorization"), QStringLiteral("api: the request body")}));
    QCOMPARE(result.error, UnreachableSecretStore::reason());

    SessionData reread = withheld(session);
    QString error;
    QCOMPARE(SessionSecrets::restore(reread, QStringLiteral("/s/a.json"), store, &error), 0);
    QCOMPARE(error, UnreachableSecretStore::reason());
    QVERIFY(reread.subscriptions[0].headers[0].value.isEmpty());
}

QTEST_GUILESS_MAIN(TestSessionSecrets)
#include "tst_sessionsecrets.moc"
