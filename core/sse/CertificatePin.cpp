#include "CertificatePin.h"

#include <QSslCertificate>

namespace CertificatePin {

QByteArray normalized(QByteArrayView text)
{
    QByteArray hex;
    for (const char c : text) {
        if (c == ':' || c == ' ')
            continue;
        const char lower = (c >= 'A' && c <= 'F') ? char(c - 'A' + 'a') : c;
        if (!((lower >= '0' && lower <= '9') || (lower >= 'a' && lower <= 'f')))
            return {};
        hex.append(lower);
    }
    return hex.size() == 64 ? hex : QByteArray();
}

QString displayText(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

bool isPinned(const QSslCertificate &certificate, const QList<QByteArray> &pins)
{
    if (certificate.isNull())
        return false;
    return pins.contains(certificate.digest(QCryptographicHash::Sha256).toHex());
}

} // namespace CertificatePin
