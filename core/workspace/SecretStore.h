#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

// Where the secret values of a session (Authorization, Cookie, headers and bodies marked secret)
// are kept instead of the session file: the system keyring in the dashboard, memory in tests.
// Calls may take a moment (a keyring asks over D-Bus) and report why they failed.
class SecretStore
{
public:
    virtual ~SecretStore() = default;

    virtual bool write(const QString &key, const QByteArray &value, QString *error) = 0;
    // Nothing when the key is not there or the store cannot be reached (`error` says which).
    virtual std::optional<QByteArray> read(const QString &key, QString *error) = 0;
    virtual bool remove(const QString &key, QString *error) = 0;

    // The key of one secret of one stream of the session file at `sessionPath`: `part` is a header
    // name ("header:Authorization") or "body".
    static QString keyFor(const QString &sessionPath, const QString &streamUrl, const QString &part)
    {
        return sessionPath + u'\n' + streamUrl + u'\n' + part;
    }
};

// Keeps secrets for the life of the object: for tests, and to stand in where no keyring is.
class MemorySecretStore : public SecretStore
{
public:
    bool write(const QString &key, const QByteArray &value, QString *) override
    {
        m_values.insert(key, value);
        return true;
    }
    std::optional<QByteArray> read(const QString &key, QString *error) override
    {
        const auto it = m_values.constFind(key);
        if (it != m_values.constEnd())
            return *it;
        if (error)
            *error = QStringLiteral("not stored");
        return std::nullopt;
    }
    bool remove(const QString &key, QString *) override
    {
        m_values.remove(key);
        return true;
    }
    const QHash<QString, QByteArray> &values() const { return m_values; }

private:
    QHash<QString, QByteArray> m_values;
};
