// Trusting one certificate for one subscription: a stream to a server with a self-signed
// certificate fails with the certificate's fingerprint in the reason; pinned by that fingerprint it
// connects, and a pin of another certificate changes nothing. Verification stays on otherwise.
#include "CertificatePin.h"
#include "EventSource.h"
#include "EventSourceTestHelpers.h"
#include "TlsEventServer.h"

#include <QCryptographicHash>
#include <QSslSocket>
#include <QTest>

using namespace EventSourceTest;
using ReadyState = EventSource::ReadyState;

class TestTlsPinning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void normalizedFingerprints_data();
    void normalizedFingerprints();
    void unpinnedCertificateFailsWithItsFingerprint();
    void pinnedCertificateConnects();
    void pinOfAnotherCertificateStillFails();

private:
    static QByteArray fingerprintOf(const QSslCertificate &certificate)
    {
        return certificate.digest(QCryptographicHash::Sha256).toHex();
    }
};

void TestTlsPinning::initTestCase()
{
    qRegisterMetaType<SseEvent>();
    qRegisterMetaType<EventSource::ReadyState>();
    if (!QSslSocket::supportsSsl())
        QSKIP("No TLS backend");
}

void TestTlsPinning::normalizedFingerprints_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    QTest::newRow("lower-case hex") << hex << hex;
    QTest::newRow("upper-case hex") << hex.toUpper() << hex;
    QTest::newRow("colons, as browsers show it")
        << QByteArray::fromHex(hex).toHex(':').toUpper() << hex;
    QTest::newRow("spaces") << QByteArray::fromHex(hex).toHex(' ') << hex;
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("too short (SHA-1 length)") << hex.left(40) << QByteArray();
    QTest::newRow("too long") << hex + "00" << QByteArray();
    QTest::newRow("not hex") << QByteArray(hex).replace(0, 1, "g") << QByteArray();
    QTest::newRow("base64 of a digest") << QByteArray::fromHex(hex).toBase64() << QByteArray();
}

void TestTlsPinning::normalizedFingerprints()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(CertificatePin::normalized(text), expected);
}

void TestTlsPinning::unpinnedCertificateFailsWithItsFingerprint()
{
    TlsEventServer server;
    QVERIFY(server.start());
    EventSource source(fastOptions(server.url()));
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.failures.count(), 1, Timeout);

    QVERIFY2(recorder.failure().startsWith(QStringLiteral("TLS error")), qPrintable(recorder.failure()));
    const QString shown = CertificatePin::displayText(server.certificate());
    QCOMPARE(shown.size(), 32 * 3 - 1); // "AB:CD:…"
    QVERIFY2(recorder.failure().contains(shown), qPrintable(recorder.failure()));
    QCOMPARE(source.offeredCertificate(), server.certificate()); // what the user would be shown
    QCOMPARE(recorder.events.count(), 0);
    QCOMPARE(recorder.reconnects.count(), 0);
}

void TestTlsPinning::pinnedCertificateConnects()
{
    TlsEventServer server;
    QVERIFY(server.start());
    EventSourceOptions options = fastOptions(server.url());
    options.pinnedCertificates = {fingerprintOf(server.certificate())};
    EventSource source(options);
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.count(), 1, Timeout);
    QCOMPARE(recorder.data(0), QStringLiteral("over tls"));
    QCOMPARE(source.readyState(), ReadyState::Open);
    QCOMPARE(recorder.failures.count(), 0);
    QVERIFY(source.offeredCertificate().isNull());
}

void TestTlsPinning::pinOfAnotherCertificateStillFails()
{
    TlsEventServer server;
    QVERIFY(server.start());
    EventSourceOptions options = fastOptions(server.url());
    QByteArray other = fingerprintOf(server.certificate());
    other[0] = other[0] == '0' ? '1' : '0';
    options.pinnedCertificates = {other};
    EventSource source(options);
    Recorder recorder(source);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.failures.count(), 1, Timeout);
    QVERIFY2(recorder.failure().startsWith(QStringLiteral("TLS error")), qPrintable(recorder.failure()));
    QCOMPARE(recorder.events.count(), 0);
}

QTEST_GUILESS_MAIN(TestTlsPinning)
#include "tst_tlspinning.moc"
