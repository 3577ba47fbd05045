#include "AlertNotifier.h"

#include <QApplication>
#include <QSystemTrayIcon>

AlertNotifier::AlertNotifier(WorkspaceAlerts *alerts, QObject *parent)
    : QObject(parent)
    , m_alerts(alerts)
{
    m_throttle.setSingleShot(true);
    m_throttle.setInterval(DefaultThrottleMs);
    connect(&m_throttle, &QTimer::timeout, this, &AlertNotifier::throttleEnded);
    connect(m_alerts, &WorkspaceAlerts::transition, this, &AlertNotifier::notify);
    connect(m_alerts, &WorkspaceAlerts::rulesChanged, this, &AlertNotifier::updateTray);
    updateTray();
}

AlertNotifier::~AlertNotifier() = default;

void AlertNotifier::setMessageSink(MessageSink sink)
{
    m_messageSink = std::move(sink);
    updateTray();
}

void AlertNotifier::setBeepSink(BeepSink sink)
{
    m_beepSink = std::move(sink);
}

void AlertNotifier::setThrottleInterval(int ms)
{
    m_throttle.setInterval(qMax(0, ms));
}

QString AlertNotifier::titleText(const AlertHistoryEntry &entry)
{
    return tr("Alert firing: %1").arg(entry.streamName);
}

QString AlertNotifier::messageText(const AlertHistoryEntry &entry, int more)
{
    const AlertTransition &t = entry.transition;
    QString text = t.value ? tr("%1 (value %2)").arg(t.ruleText, AlertRule::numberText(*t.value))
                           : t.ruleText;
    if (more == 1)
        text += tr(" \u00B7 1 more alert");
    else if (more > 1)
        text += tr(" \u00B7 %1 more alerts").arg(more);
    return text;
}

void AlertNotifier::notify(const AlertHistoryEntry &entry)
{
    if (entry.transition.state != AlertTransition::State::Firing)
        return;
    if (m_throttle.isActive()) {
        m_latest = entry;
        ++m_pending;
        return;
    }
    tell(entry, 0);
}

void AlertNotifier::throttleEnded()
{
    if (m_pending == 0)
        return;
    const int more = m_pending - 1;
    m_pending = 0;
    tell(m_latest, more);
}

void AlertNotifier::tell(const AlertHistoryEntry &entry, int more)
{
    bool told = false;
    if (m_alerts->desktopNotifications()) {
        if (m_messageSink) {
            m_messageSink(titleText(entry), messageText(entry, more));
            told = true;
        } else if (QSystemTrayIcon::isSystemTrayAvailable()) {
            updateTray();
            if (m_tray) {
                m_tray->showMessage(titleText(entry), messageText(entry, more), QSystemTrayIcon::Warning);
                told = true;
            }
        }
    }
    if (m_alerts->sound()) {
        if (m_beepSink)
            m_beepSink();
        else
            QApplication::beep();
        told = true;
    }
    if (told)
        m_throttle.start();
}

void AlertNotifier::updateTray()
{
    // The icon is there while there are rules to tell of, and only where a tray is.
    const bool wanted = !m_messageSink && !m_alerts->rules().isEmpty()
        && QSystemTrayIcon::isSystemTrayAvailable();
    if (!wanted) {
        if (m_tray)
            m_tray->hide();
        return;
    }
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(QApplication::applicationDisplayName());
    }
    m_tray->show();
}
