// A secret store that cannot be reached, as where no keyring runs: every call fails with a reason.
#pragma once

#include "SecretStore.h"

class UnreachableSecretStore : public SecretStore
{
public:
    static QString reason() { return QStringLiteral("The name org.freedesktop.secrets was not provided by any .service files"); }

    bool write(const QString &, const QByteArray &, QString *error) override
    {
        *error = reason();
        return false;
    }
    std::optional<QByteArray> read(const QString &, QString *error) override
    {
        *error = reason();
        return std::nullopt;
    }
    bool remove(const QString &, QString *error) override
    {
        *error = reason();
        return false;
    }
};
