#include "Preferences.h"

#include <QSettings>

namespace {

const QString LanguageKey = QStringLiteral("preferences/language");
const QString FontScaleKey = QStringLiteral("preferences/fontScalePercent");
const QString ReconnectModeKey = QStringLiteral("preferences/reconnectMode");
const QString MaxBackoffKey = QStringLiteral("preferences/maxBackoffMs");

} // namespace

Preferences Preferences::load()
{
    const QSettings settings;
    Preferences preferences;
    preferences.language = settings.value(LanguageKey).toString();
    preferences.fontScalePercent = qBound(100, settings.value(FontScaleKey, DefaultFontScalePercent).toInt(), 250);
    preferences.reconnectMode = settings.value(ReconnectModeKey).toString() == QLatin1String("strict")
        ? ReconnectMode::Strict
        : ReconnectMode::Resilient;
    const int backoff = settings.value(MaxBackoffKey, ReconnectPolicy::DefaultMaxBackoffMs).toInt();
    preferences.maxBackoffMs = backoff > 0 ? backoff : ReconnectPolicy::DefaultMaxBackoffMs;
    return preferences;
}

void Preferences::save() const
{
    QSettings settings;
    settings.setValue(LanguageKey, language);
    settings.setValue(FontScaleKey, fontScalePercent);
    settings.setValue(ReconnectModeKey,
                      reconnectMode == ReconnectMode::Strict ? QStringLiteral("strict") : QStringLiteral("resilient"));
    settings.setValue(MaxBackoffKey, maxBackoffMs);
}

QLocale Preferences::translationLocale() const
{
    return language.isEmpty() ? QLocale::system() : QLocale(language);
}
