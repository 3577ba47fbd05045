// KeychainSecretStore against a real keyring: CTest runs this suite twice, once inside a private
// D-Bus session with a GNOME Keyring of its own (support/with-keyring.sh) for the round trip, and
// once with no D-Bus session at all, where every call must fail with a reason rather than fall
// back to a file.
#include "KeychainSecretStore.h"

#include <QTest>
#include <QUuid>

class TestKeychainStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripInTheKeyring();
    void withoutAKeyringEveryCallFails();

private:
    // A service of its own per run, so that nothing else in the keyring is touched.
    const QString m_service = QStringLiteral("EventScope test ") + QUuid::createUuid().toString(QUuid::WithoutBraces);
};

void TestKeychainStore::roundTripInTheKeyring()
{
    // Never the user's own keyring: only the private one that ctest starts.
    if (!qEnvironmentVariableIsSet("EVENTSCOPE_TEST_KEYRING"))
        QSKIP("needs the keyring of support/with-keyring.sh (run through ctest)");
    KeychainSecretStore store(m_service);
    const QString key = QStringLiteral("/sessions/api.json\nhttps://api.example/v1/stream\nheader:authorization");
    const QByteArray value = "Bearer sk-\xe6\x97\xa5\xe6\x9c\xac-\x01\x7f"; // any bytes

    QString error;
    QVERIFY2(store.write(key, value, &error), qPrintable(error));
    std::optional<QByteArray> read = store.read(key, &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(*read, value);

    QVERIFY2(store.write(key, "replaced", &error), qPrintable(error));
    QCOMPARE(store.read(key, &error).value_or(QByteArray()), QByteArray("replaced"));

    QVERIFY2(store.remove(key, &error), qPrintable(error));
    error.clear();
    QVERIFY(!store.read(key, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(store.remove(key, &error), qPrintable(error)); // removing what is not there is no error
}

void TestKeychainStore::withoutAKeyringEveryCallFails()
{
    if (qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS") != QLatin1String("disabled:"))
        QSKIP("run with DBUS_SESSION_BUS_ADDRESS=disabled: (through ctest)");
    KeychainSecretStore store(m_service);
    QString error;
    QVERIFY(!store.write(QStringLiteral("k"), "secret", &error));
    QVERIFY2(!error.isEmpty(), "a reason");
    qInfo("without a keyring: %s", qPrintable(error));
    error.clear();
    QVERIFY(!store.read(QStringLiteral("k"), &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestKeychainStore)
#include "tst_keychainstore.moc"
