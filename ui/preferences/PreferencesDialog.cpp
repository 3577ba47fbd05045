#include "PreferencesDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

PreferencesDialog::PreferencesDialog(const Preferences &preferences, QWidget *parent)
    : QDialog(parent)
    , m_language(new QComboBox(this))
    , m_fontScale(new QSpinBox(this))
    , m_reconnectMode(new QComboBox(this))
    , m_maxBackoff(new QSpinBox(this))
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));

    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System (%1)").arg(QLocale::system().nativeLanguageName()), QString());
    // Each language by its own name, as people look for it.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("繁體中文（臺灣）"), QStringLiteral("zh_TW"));
    m_language->setToolTip(tr("The language of the window and of record's notices"));
    m_fontScale->setObjectName(QStringLiteral("fontScaleSpin"));
    m_fontScale->setRange(100, 250);
    m_fontScale->setSingleStep(25);
    m_fontScale->setSuffix(QStringLiteral(" %"));
    m_fontScale->setToolTip(tr("Larger text for wall displays"));
    auto *restartNote = new QLabel(tr("Language and font size take effect when EventScope starts again."), this);
    restartNote->setWordWrap(true);
    auto *display = new QGroupBox(tr("Display"), this);
    auto *displayForm = new QFormLayout(display);
    displayForm->addRow(tr("&Language:"), m_language);
    displayForm->addRow(tr("&Font size:"), m_fontScale);
    displayForm->addRow(restartNote);

    m_reconnectMode->setObjectName(QStringLiteral("reconnectModeCombo"));
    m_reconnectMode->addItem(tr("Resilient"), int(ReconnectMode::Resilient));
    m_reconnectMode->addItem(tr("Strict (browser)"), int(ReconnectMode::Strict));
    m_maxBackoff->setObjectName(QStringLiteral("maxBackoffSpin"));
    m_maxBackoff->setRange(1000, 3600 * 1000);
    m_maxBackoff->setSingleStep(5000);
    m_maxBackoff->setGroupSeparatorShown(true);
    m_maxBackoff->setSuffix(tr(" ms"));
    m_maxBackoff->setToolTip(tr("The longest wait between reconnection attempts"));
    auto *streams = new QGroupBox(tr("New streams"), this);
    auto *streamsForm = new QFormLayout(streams);
    streamsForm->addRow(tr("Reconnection &policy:"), m_reconnectMode);
    streamsForm->addRow(tr("Longest &wait:"), m_maxBackoff);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel
                                             | QDialogButtonBox::RestoreDefaults,
                                         this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setPreferences(Preferences()); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(display);
    layout->addWidget(streams);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setPreferences(preferences);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences preferences;
    preferences.language = m_language->currentData().toString();
    preferences.fontScalePercent = m_fontScale->value();
    preferences.reconnectMode = ReconnectMode(m_reconnectMode->currentData().toInt());
    preferences.maxBackoffMs = m_maxBackoff->value();
    return preferences;
}

void PreferencesDialog::setPreferences(const Preferences &preferences)
{
    m_language->setCurrentIndex(qMax(0, m_language->findData(preferences.language)));
    m_fontScale->setValue(preferences.fontScalePercent);
    m_reconnectMode->setCurrentIndex(m_reconnectMode->findData(int(preferences.reconnectMode)));
    m_maxBackoff->setValue(preferences.maxBackoffMs);
}
