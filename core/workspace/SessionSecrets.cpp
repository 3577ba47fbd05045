#include "SessionSecrets.h"

#include "SecretStore.h"
#include "SessionFile.h"
#include "Stream.h"

#include <QFileInfo>

namespace SessionSecrets {

namespace {

bool isSecret(const SessionHeader &header)
{
    return header.secret || SessionFile::isSecretHeaderName(header.name);
}

QString keyFor(const QString &sessionPath, const SubscriptionSettings &sub, const QString &part)
{
    return SecretStore::keyFor(QFileInfo(sessionPath).absoluteFilePath(), sub.url.toString(QUrl::FullyEncoded), part);
}

QString headerPart(const SessionHeader &header)
{
    return QStringLiteral("header:") + header.name.toLower();
}

QString streamName(const SubscriptionSettings &sub)
{
    return sub.name.isEmpty() ? Stream::defaultName(sub.url) : sub.name;
}

} // namespace

StoreResult store(const SessionData &session, const QString &sessionPath, SecretStore &secrets)
{
    StoreResult result;
    const auto write = [&](const SubscriptionSettings &sub, const QString &part, const QString &value,
                           const QString &shown) {
        if (secrets.write(keyFor(sessionPath, sub, part), value.toUtf8(), &result.error))
            ++result.written;
        else
            result.failed.append(QStringLiteral("%1: %2").arg(streamName(sub), shown));
    };
    for (const SubscriptionSettings &sub : session.subscriptions) {
        for (const SessionHeader &header : sub.headers) {
            if (isSecret(header) && !header.value.isEmpty())
                write(sub, headerPart(header), header.value, header.name);
        }
        if (sub.bodySecret && !sub.body.isEmpty())
            write(sub, QStringLiteral("body"), sub.body, QObject::tr("the request body"));
    }
    return result;
}

int restore(SessionData &session, const QString &sessionPath, SecretStore &secrets, QString *error)
{
    int found = 0;
    for (SubscriptionSettings &sub : session.subscriptions) {
        for (SessionHeader &header : sub.headers) {
            if (!isSecret(header) || !header.value.isEmpty())
                continue;
            if (const std::optional<QByteArray> value = secrets.read(keyFor(sessionPath, sub, headerPart(header)), error)) {
                header.value = QString::fromUtf8(*value);
                ++found;
            }
        }
        if (sub.bodySecret && sub.body.isEmpty()) {
            if (const std::optional<QByteArray> value = secrets.read(keyFor(sessionPath, sub, QStringLiteral("body")), error)) {
                sub.body = QString::fromUtf8(*value);
                ++found;
            }
        }
    }
    return found;
}

} // namespace SessionSecrets
