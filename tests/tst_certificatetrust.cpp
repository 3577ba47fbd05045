// Trusting a server's certificate from the dashboard: a stream to a server with a self-signed
// certificate fails and says how to trust it; Stream ▸ Trust Certificate… shows the certificate
// and trusts nothing on Cancel; trusting pins exactly it and the stream connects; Edit Stream lists
// the trusted certificate and forgets it.
#include "CaptureStore.h"
#include "CertificatePin.h"
#include "CertificateTrustDialog.h"
#include "MainWindow.h"
#include "ModalAnswer.h"
#include "Stream.h"
#include "StreamListModel.h"
#include "StreamsPane.h"
#include "SubscriptionDialog.h"
#include "TlsEventServer.h"
#include "WindowStreams.h"
#include "Workspace.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTest>

using namespace WindowStreams;

class TestCertificateTrust : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void trustOfferedCertificate();
};

void TestCertificateTrust::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    if (!QSslSocket::supportsSsl())
        QSKIP("No TLS backend");
}

void TestCertificateTrust::trustOfferedCertificate()
{
    TlsEventServer server;
    QVERIFY(server.start());
    const QString fingerprint = CertificatePin::displayText(server.certificate());

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    StreamsPane *pane = window.streamsPane();
    QAction *trust = pane->trustCertificateAction();
    QVERIFY(!trust->isEnabled());
    QVERIFY(!trust->toolTip().isEmpty());

    Stream *stream = window.workspace()->addStream(optionsFor(server.url()));
    pane->selectStream(stream);
    QTRY_COMPARE_WITH_TIMEOUT(stream->status(), StreamStatus::Failed, Timeout);
    QVERIFY2(stream->history().reason().contains(fingerprint), qPrintable(stream->history().reason()));
    QTRY_VERIFY(trust->isEnabled());
    const QString tip = cell(*pane->model(), 0, StreamListModel::StateColumn, Qt::ToolTipRole);
    QVERIFY2(tip.contains(QStringLiteral("Trust Certificate")), qPrintable(tip));

    // Shown before anything is trusted; Cancel trusts nothing.
    QString shown;
    ModalAnswer::answer([&shown](QWidget *modal) {
        QCOMPARE(modal->objectName(), QStringLiteral("certificateTrustDialog"));
        auto *label = modal->findChild<QLabel *>(QStringLiteral("certificateFingerprint"));
        QVERIFY(label);
        shown = label->text();
        QVERIFY(modal->findChild<QLabel *>(QStringLiteral("certificateReason"))->text().startsWith(QStringLiteral("TLS error")));
        QTest::mouseClick(ModalAnswer::buttonNamed(modal, QStringLiteral("Cancel")), Qt::LeftButton);
    });
    trust->trigger();
    QCOMPARE(shown, fingerprint);
    QVERIFY(stream->options().pinnedCertificates.isEmpty());
    QCOMPARE(stream->status(), StreamStatus::Failed);

    // Trusted: pinned by its fingerprint, connected again, the event arrives.
    QString asked;
    ModalAnswer::click(QStringLiteral("Trust This Certificate"), &asked);
    trust->trigger();
    QCOMPARE(asked, QStringLiteral("certificateTrustDialog"));
    QCOMPARE(stream->options().pinnedCertificates,
             QList<QByteArray>{server.certificate().digest(QCryptographicHash::Sha256).toHex()});
    QTRY_COMPARE_WITH_TIMEOUT(stream->capture()->size(), 1, Timeout);
    QCOMPARE(stream->status(), StreamStatus::Open);
    QTRY_VERIFY(!trust->isEnabled());

    // Edit Stream lists it; Forget and OK: verification fails again.
    ModalAnswer::answer([&fingerprint](QWidget *modal) {
        auto *dialog = qobject_cast<SubscriptionDialog *>(modal);
        QVERIFY(dialog);
        QVERIFY(dialog->trustedCertificatesLabel()->isVisibleTo(dialog));
        QCOMPARE(dialog->trustedCertificatesLabel()->text(), fingerprint);
        QTest::mouseClick(dialog->forgetCertificatesButton(), Qt::LeftButton);
        QVERIFY(!dialog->trustedCertificatesLabel()->isVisibleTo(dialog));
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    });
    pane->editAction()->trigger();
    QVERIFY(stream->options().pinnedCertificates.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(stream->status(), StreamStatus::Failed, Timeout);
    QCOMPARE(stream->capture()->size(), 1); // what it captured stays
}

QTEST_MAIN(TestCertificateTrust)
#include "tst_certificatetrust.moc"
