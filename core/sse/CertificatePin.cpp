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

QByteArray fingerprint(const QSslCertificate &certificate)
{
    return certificate.digest(QCryptographicHash::Sha256).toHex();
}

QString displayText(QByteArrayView pin)
{
    return QString::fromLatin1(QByteArray::fromHex(pin.toByteArray()).toHex(':').toUpper());
}

QString displayText(const QSslCertificate &certificate)
{
    return displayText(fingerprint(certificate));
}

bool isPinned(const QSslCertificate &certificate, const QList<QByteArray> &pins)
{
    return !certificate.isNull() && pins.contains(fingerprint(certificate));
}

} // namespace CertificatePin
