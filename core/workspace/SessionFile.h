#pragma once

#include "SessionData.h"

#include <QString>
#include <QStringList>

#include <optional>

class QSettings;

// Reads and writes a session as JSON, and keeps the list of recently used session files.
//
// Secret header values (Authorization, Cookie, and any header marked secret) are written only
// when SessionData::storeSecrets is set; otherwise the header keeps its name and "secret": true
// and reads back with an empty value.
class SessionFile
{
public:
    static constexpr int MaximumRecentSessions = 8;

    // Reads version 1 and 2 files (version 1: no dashboard, units, derived series or alerts).
    // A damaged dashboard does not stop the load: what was skipped of it is in `warnings`, each
    // naming the file.
    static std::optional<SessionData> load(const QString &path, QString *errorMessage = nullptr,
                                           QStringList *warnings = nullptr);
    // Atomic: the file is either the new session or left as it was.
    static bool save(const QString &path, const SessionData &session,
                     QString *errorMessage = nullptr);

    static bool isSecretHeaderName(const QString &name);

    // Most recent first; files that no longer exist are dropped from the list.
    static QStringList recentSessions(QSettings &settings);
    static void addRecentSession(QSettings &settings, const QString &path);
};
