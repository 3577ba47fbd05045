#pragma once

#include "WorkspaceAlerts.h"

#include <QObject>
#include <QTimer>

#include <functional>

class QSystemTrayIcon;

// Tells the user of rules that fire while the window may be out of sight: a desktop notification
// through a tray icon of its own and, when asked for, a beep; both as WorkspaceAlerts' flags say.
// At most one notice per throttle interval: rules firing meanwhile are summed up in the next one
// ("/count > 3 (value 4) · 2 more alerts").
class AlertNotifier : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultThrottleMs = 2000;
    using MessageSink = std::function<void(const QString &title, const QString &text)>;
    using BeepSink = std::function<void()>;

    explicit AlertNotifier(WorkspaceAlerts *alerts, QObject *parent = nullptr);
    ~AlertNotifier() override;

    // Where notices go instead of the tray and the speaker; for tests.
    void setMessageSink(MessageSink sink);
    void setBeepSink(BeepSink sink);

    void setThrottleInterval(int ms);
    int throttleInterval() const { return m_throttle.interval(); }
    // Firing transitions held back by the throttle, to be told in the next notice.
    int pendingCount() const { return m_pending; }
    // Within an interval after a notice: firings now wait for its end.
    bool isThrottling() const { return m_throttle.isActive(); }

    QSystemTrayIcon *trayIcon() const { return m_tray; }

    static QString titleText(const AlertHistoryEntry &entry);
    static QString messageText(const AlertHistoryEntry &entry, int more = 0);

public Q_SLOTS:
    void notify(const AlertHistoryEntry &entry);

private:
    void tell(const AlertHistoryEntry &entry, int more);
    void throttleEnded();
    void updateTray();

    WorkspaceAlerts *m_alerts;
    MessageSink m_messageSink;
    BeepSink m_beepSink;
    QSystemTrayIcon *m_tray = nullptr;
    QTimer m_throttle;
    AlertHistoryEntry m_latest;
    int m_pending = 0;
};
