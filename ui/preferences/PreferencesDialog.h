#pragma once

#include "Preferences.h"

#include <QDialog>

class QComboBox;
class QSpinBox;

// Edits Preferences: language and font scale (used when EventScope starts again), and the
// reconnection policy and longest wait that new subscriptions start from. Restore Defaults sets
// every field back; nothing is saved until OK.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(const Preferences &preferences, QWidget *parent = nullptr);

    Preferences preferences() const;
    void setPreferences(const Preferences &preferences);

    QComboBox *languageCombo() const { return m_language; }
    QSpinBox *fontScaleSpin() const { return m_fontScale; }
    QComboBox *reconnectModeCombo() const { return m_reconnectMode; }
    QSpinBox *maxBackoffSpin() const { return m_maxBackoff; }

private:
    QComboBox *m_language;
    QSpinBox *m_fontScale;
    QComboBox *m_reconnectMode;
    QSpinBox *m_maxBackoff;
};
