#pragma once

#include "ApplicationTheme.h"
#include "ReconnectPolicy.h"

#include <QLocale>
#include <QString>

// What the user chose in Preferences, kept in QSettings: the language and font scale the program
// starts with, its theme, the time zone times are shown in, the time window charts open with, and
// the reconnection a new subscription starts from.
struct Preferences
{
    static constexpr int DefaultFontScalePercent = 100;
    static constexpr qint64 DefaultTimeWindowMs = 60 * 1000;

    QString language;                   // "en", "zh_TW"; empty: the system's
    int fontScalePercent = DefaultFontScalePercent; // for wall displays: 100 to 250
    ApplicationTheme::Choice theme = ApplicationTheme::Choice::System;
    bool utcTimes = false; // times shown in UTC rather than the system's time zone
    qint64 timeWindowMs = DefaultTimeWindowMs; // 0: everything kept
    ReconnectMode reconnectMode = ReconnectMode::Resilient;
    int maxBackoffMs = ReconnectPolicy::DefaultMaxBackoffMs;

    static Preferences load();
    void save() const;

    // The locale whose translation the program installs.
    QLocale translationLocale() const;
    // Font sizes multiplied by the scale.
    double fontScale() const { return fontScalePercent / 100.0; }

    friend bool operator==(const Preferences &, const Preferences &) = default;
};
