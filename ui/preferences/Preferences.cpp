#include "Preferences.h"

#include <QSettings>

#include <algorithm>

namespace {

const QString LanguageKey = QStringLiteral("preferences/language");
const QString FontScaleKey = QStringLiteral("preferences/fontScalePercent");
const QString ThemeKey = QStringLiteral("preferences/theme");
const QString UtcTimesKey = QStringLiteral("preferences/utcTimes");
const QString TimeWindowKey = QStringLiteral("preferences/timeWindowMs");
const QString ReconnectModeKey = QStringLiteral("preferences/reconnectMode");
const QString MaxBackoffKey = QStringLiteral("preferences/maxBackoffMs");

const QString SystemTheme = QStringLiteral("system");
const QString LightTheme = QStringLiteral("light");
const QString DarkTheme = QStringLiteral("dark");

ApplicationTheme::Choice themeFromName(const QString &name)
{
    if (name == LightTheme)
        return ApplicationTheme::Choice::Light;
    if (name == DarkTheme)
        return ApplicationTheme::Choice::Dark;
    return ApplicationTheme::Choice::System;
}

QString themeName(ApplicationTheme::Choice theme)
{
    switch (theme) {
    case ApplicationTheme::Choice::Light:
        return LightTheme;
    case ApplicationTheme::Choice::Dark:
        return DarkTheme;
    case ApplicationTheme::Choice::System:
        break;
    }
    return SystemTheme;
}

} // namespace

Preferences Preferences::load()
{
    const QSettings settings;
    Preferences preferences;
    preferences.language = settings.value(LanguageKey).toString();
    preferences.fontScalePercent = qBound(100, settings.value(FontScaleKey, DefaultFontScalePercent).toInt(), 250);
    preferences.theme = themeFromName(settings.value(ThemeKey).toString());
    preferences.utcTimes = settings.value(UtcTimesKey, false).toBool();
    preferences.timeWindowMs = std::max<qint64>(0, settings.value(TimeWindowKey, DefaultTimeWindowMs).toLongLong());
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
    settings.setValue(ThemeKey, themeName(theme));
    settings.setValue(UtcTimesKey, utcTimes);
    settings.setValue(TimeWindowKey, timeWindowMs);
    settings.setValue(ReconnectModeKey,
                      reconnectMode == ReconnectMode::Strict ? QStringLiteral("strict") : QStringLiteral("resilient"));
    settings.setValue(MaxBackoffKey, maxBackoffMs);
}

QLocale Preferences::translationLocale() const
{
    return language.isEmpty() ? QLocale::system() : QLocale(language);
}
