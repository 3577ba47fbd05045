#pragma once

#include <QDialog>
#include <QSslCertificate>

class QPushButton;

// Shows a certificate that failed verification — who it names, who signed it, when it is valid,
// its SHA-256 fingerprint, and why it failed — and asks whether to trust exactly that certificate
// for one subscription. Cancel is the default: nothing is trusted without the user's word.
class CertificateTrustDialog : public QDialog
{
    Q_OBJECT

public:
    CertificateTrustDialog(const QString &streamName, const QSslCertificate &certificate, const QString &reason,
                           QWidget *parent = nullptr);

    QPushButton *trustButton() const { return m_trustButton; }
    // The pin to add to the subscription (CertificatePin::normalized() form).
    QByteArray pin() const;

private:
    QSslCertificate m_certificate;
    QPushButton *m_trustButton;
};
