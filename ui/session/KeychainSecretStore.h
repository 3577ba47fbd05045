#pragma once

#include "SecretStore.h"

#include <QString>

// Secrets in the system keyring through QtKeychain (the Secret Service of GNOME Keyring or KWallet
// on Linux, the Keychain on macOS, the Credential Store on Windows). Never falls back to a plain
// text file: without a keyring every call fails and says why, and the session asks instead.
class KeychainSecretStore : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("EventScope"));

    bool write(const QString &key, const QByteArray &value, QString *error) override;
    std::optional<QByteArray> read(const QString &key, QString *error) override;
    bool remove(const QString &key, QString *error) override;

private:
    QString m_service;
};
