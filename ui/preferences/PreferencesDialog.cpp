#include "PreferencesDialog.h"

#include "ChartPanel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeZone>
#include <QVBoxLayout>

PreferencesDialog::PreferencesDialog(const Preferences &preferences, QWidget *parent)
    : QDialog(parent)
    , m_language(new QComboBox(this))
    , m_fontScale(new QSpinBox(this))
    , m_theme(new QComboBox(this))
    , m_timeZone(new QComboBox(this))
    , m_timeWindow(new QComboBox(this))
    , m_reconnectMode(new QComboBox(this))
    , m_maxBackoff(new QSpinBox(this))
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));

    m_language->setObjectName(QStringLiteral("languageCombo"));
    const QString systemLanguage = QLocale::system().nativeLanguageName(); // none for the C locale
    m_language->addItem(systemLanguage.isEmpty() ? tr("System") : tr("System (%1)").arg(systemLanguage), QString());
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

    m_theme->setObjectName(QStringLiteral("themeCombo"));
    m_theme->addItem(tr("System"), int(ApplicationTheme::Choice::System));
    m_theme->addItem(tr("Light"), int(ApplicationTheme::Choice::Light));
    m_theme->addItem(tr("Dark"), int(ApplicationTheme::Choice::Dark));
    m_theme->setToolTip(tr("Colours of the window and the charts"));
    m_timeZone->setObjectName(QStringLiteral("timeZoneCombo"));
    m_timeZone->addItem(tr("Local time (%1)").arg(QString::fromUtf8(QTimeZone::systemTimeZoneId())), false);
    m_timeZone->addItem(tr("UTC"), true);
    m_timeZone->setToolTip(tr("The time zone of the charts' time axes, the log and the alert history; "
                              "captures and exports are always in UTC"));
    m_timeWindow->setObjectName(QStringLiteral("timeWindowCombo"));
    ChartPanel::addWindowChoices(m_timeWindow);
    m_timeWindow->setToolTip(tr("The time window charts show when EventScope starts without a session"));
    auto *look = new QGroupBox(tr("Charts and times"), this);
    auto *lookForm = new QFormLayout(look);
    lookForm->addRow(tr("&Theme:"), m_theme);
    lookForm->addRow(tr("Show times &in:"), m_timeZone);
    lookForm->addRow(tr("Time &window:"), m_timeWindow);

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
    streamsForm->addRow(tr("Longest w&ait:"), m_maxBackoff);
    auto *limitsButton = new QPushButton(tr("&Capture, Log and Chart Limits\u2026"), streams);
    limitsButton->setObjectName(QStringLiteral("limitsButton"));
    limitsButton->setToolTip(tr("How many events each capture, the log and each chart series keep"));
    connect(limitsButton, &QPushButton::clicked, this, &PreferencesDialog::limitsRequested);
    streamsForm->addRow(tr("Memory:"), limitsButton);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel
                                             | QDialogButtonBox::RestoreDefaults,
                                         this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setPreferences(Preferences()); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(display);
    layout->addWidget(look);
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
    preferences.theme = ApplicationTheme::Choice(m_theme->currentData().toInt());
    preferences.utcTimes = m_timeZone->currentData().toBool();
    preferences.timeWindowMs = ChartPanel::windowLengthMs(ChartPanel::TimeWindow(m_timeWindow->currentData().toInt()));
    preferences.reconnectMode = ReconnectMode(m_reconnectMode->currentData().toInt());
    preferences.maxBackoffMs = m_maxBackoff->value();
    return preferences;
}

void PreferencesDialog::setPreferences(const Preferences &preferences)
{
    m_language->setCurrentIndex(qMax(0, m_language->findData(preferences.language)));
    m_fontScale->setValue(preferences.fontScalePercent);
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(int(preferences.theme))));
    m_timeZone->setCurrentIndex(preferences.utcTimes ? 1 : 0);
    m_timeWindow->setCurrentIndex(
        qMax(0, m_timeWindow->findData(int(ChartPanel::windowForLength(preferences.timeWindowMs)))));
    m_reconnectMode->setCurrentIndex(m_reconnectMode->findData(int(preferences.reconnectMode)));
    m_maxBackoff->setValue(preferences.maxBackoffMs);
}
