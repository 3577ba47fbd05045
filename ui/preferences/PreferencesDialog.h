#pragma once

#include "Preferences.h"

#include <QDialog>

class QComboBox;
class QSpinBox;

// Edits Preferences: language and font scale (used when EventScope starts again), theme and time
// zone (at once), the time window charts open with, and the reconnection policy and longest wait
// that new subscriptions start from; the limits have their own dialog, a button away. Restore
// Defaults sets every field back; nothing is saved until OK.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(const Preferences &preferences, QWidget *parent = nullptr);

    Preferences preferences() const;
    void setPreferences(const Preferences &preferences);

    QComboBox *languageCombo() const { return m_language; }
    QSpinBox *fontScaleSpin() const { return m_fontScale; }
    QComboBox *themeCombo() const { return m_theme; }
    QComboBox *timeZoneCombo() const { return m_timeZone; }
    QComboBox *timeWindowCombo() const { return m_timeWindow; }
    QComboBox *reconnectModeCombo() const { return m_reconnectMode; }
    QSpinBox *maxBackoffSpin() const { return m_maxBackoff; }

Q_SIGNALS:
    void limitsRequested();

private:
    QComboBox *m_language;
    QSpinBox *m_fontScale;
    QComboBox *m_theme;
    QComboBox *m_timeZone;
    QComboBox *m_timeWindow;
    QComboBox *m_reconnectMode;
    QSpinBox *m_maxBackoff;
};
