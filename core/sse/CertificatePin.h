#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

class QSslCertificate;

// A certificate the user chose to trust for one subscription despite errors (self-signed, another
// name), named by the SHA-256 of its DER bytes. Never "ignore all errors": only that certificate.
namespace CertificatePin {

// "AB:CD:…" or "abcd…" (any case, colons or spaces allowed) to 64 lower-case hex digits; empty
// when it is not a SHA-256 fingerprint.
QByteArray normalized(QByteArrayView text);
// The certificate's fingerprint in normalized() form.
QByteArray fingerprint(const QSslCertificate &certificate);
// A fingerprint as people read it: "AB:CD:EF:…".
QString displayText(QByteArrayView pin);
QString displayText(const QSslCertificate &certificate);
// Whether the certificate is one of `pins` (normalized fingerprints).
bool isPinned(const QSslCertificate &certificate, const QList<QByteArray> &pins);

} // namespace CertificatePin
