#include "PreferencesController.h"

#include "ActionFactory.h"
#include "DisplayTime.h"
#include "Preferences.h"
#include "PreferencesDialog.h"

#include <QAction>
#include <QApplication>
#include <QFont>

PreferencesController::PreferencesController(QWidget *window, QAction *limitsAction, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_action(ActionFactory::make(this, tr("&Preferences\u2026"), QStringLiteral("preferencesAction"),
                                   QKeySequence(Qt::CTRL | Qt::Key_Comma),
                                   tr("Language, theme, font size, time zone, the time window charts open with, "
                                      "and the reconnection that new streams start from")))
    , m_limitsAction(limitsAction)
{
    m_action->setMenuRole(QAction::PreferencesRole);
    connect(m_action, &QAction::triggered, this, &PreferencesController::edit);
}

void PreferencesController::applyAtStart(const Preferences &preferences)
{
    if (const double scale = preferences.fontScale(); scale != 1.0) {
        QFont font = QApplication::font();
        font.setPointSizeF(font.pointSizeF() * scale);
        QApplication::setFont(font);
    }
    applyLook(preferences);
}

void PreferencesController::applyLook(const Preferences &preferences)
{
    ApplicationTheme::apply(preferences.theme);
    DisplayTime::setUtc(preferences.utcTimes);
}

void PreferencesController::edit()
{
    const Preferences before = Preferences::load();
    PreferencesDialog dialog(before, m_window);
    if (m_limitsAction)
        connect(&dialog, &PreferencesDialog::limitsRequested, m_limitsAction, &QAction::trigger);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Preferences after = dialog.preferences();
    after.save();
    applyLook(after);
    const bool needsRestart = after.language != before.language || after.fontScalePercent != before.fontScalePercent;
    Q_EMIT message(needsRestart ? tr("Preferences saved; language and font size apply when EventScope starts again")
                                : tr("Preferences saved"));
}
