#pragma once

#include "SessionData.h"

#include <QString>
#include <QStringList>

class SecretStore;

// The secret values of a session (Authorization, Cookie, headers and bodies marked secret) kept in
// a SecretStore rather than the session file, under keys of the file's absolute path, the stream's
// URL and the header's name.
namespace SessionSecrets {

struct StoreResult
{
    int written = 0;
    QStringList failed; // "stream: header" of each secret the store did not take
    QString error;      // the store's reason for the last failure
};

// Writes every non-empty secret of `session`.
StoreResult store(const SessionData &session, const QString &sessionPath, SecretStore &secrets);
// Fills the secrets the file withheld from `secrets`; returns how many it found. What it did not
// find stays empty, to be asked for.
int restore(SessionData &session, const QString &sessionPath, SecretStore &secrets, QString *error);

} // namespace SessionSecrets
