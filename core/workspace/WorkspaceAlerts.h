#pragma once

#include "AlertFieldFeed.h"
#include "AlertMonitor.h"
#include "SessionData.h"
#include "Stream.h"

#include <QList>
#include <QObject>
#include <QString>

#include <deque>
#include <functional>
#include <memory>
#include <vector>

class Workspace;

// One rule as the workspace holds it: its text, and the stream it watches (0: every stream).
struct WatchedRule
{
    QString text;
    Stream::Id stream = 0;
    bool enabled = true;

    friend bool operator==(const WatchedRule &, const WatchedRule &) = default;
};

// One change of a rule on a stream, as the Alerts dock lists it and the log shows it.
struct AlertHistoryEntry
{
    Stream::Id stream = 0;
    QString streamName;
    QString url;
    AlertTransition transition; // its `rule` is the index in WorkspaceAlerts::rules()
};

// Where a rule stands on one stream it watches.
struct AlertStatus
{
    int rule = -1;
    Stream::Id stream = 0;
    AlertTransition::State state = AlertTransition::State::Ok;
    qint64 sinceMs = 0; // firing: since when; otherwise 0
    std::optional<double> lastValue;
};

// The workspace's alert rules applied to its streams with the engine `record --alert` uses: one
// AlertMonitor per stream fed with its events, field samples and connection changes, and time
// passing on the display tick. Keeps a bounded history of the transitions.
class WorkspaceAlerts : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultHistoryCap = 1000;
    using Clock = std::function<qint64()>;

    explicit WorkspaceAlerts(Workspace *workspace, QObject *parent = nullptr);
    ~WorkspaceAlerts() override;

    // Replaces the rules; what was firing under the old ones is forgotten without a transition.
    // False with `error` naming the first rule that does not parse (nothing changes then).
    bool setRules(const QList<WatchedRule> &rules, QString *error = nullptr);
    const QList<WatchedRule> &rules() const { return m_rules; }

    // Rules by stream position for a session, and back (rules of streams not in the session go).
    QList<AlertRuleSettings> toSettings() const;
    void applySettings(const QList<AlertRuleSettings> &settings, QStringList *problems = nullptr);

    // How the window tells of a rule that fires (saved with the rules): a desktop notification
    // and a sound.
    bool desktopNotifications() const { return m_desktopNotifications; }
    void setDesktopNotifications(bool on) { m_desktopNotifications = on; }
    bool sound() const { return m_sound; }
    void setSound(bool on) { m_sound = on; }

    QList<AlertStatus> statuses() const; // every enabled rule on every stream it watches
    bool isFiring(Stream::Id stream, const QString &key = QString()) const; // empty key: any rule
    int firingCount() const;

    const std::deque<AlertHistoryEntry> &history() const { return m_history; }
    void setHistoryCap(int cap);
    int historyCap() const { return m_historyCap; }
    void clearHistory();

    // For tests: the wall clock of the rules' time (the receive clock otherwise).
    void setClock(Clock clock);

Q_SIGNALS:
    void transition(const AlertHistoryEntry &entry);
    void rulesChanged();
    void historyCleared();

private:
    struct Watch;
    void watch(Stream *stream);
    void unwatch(Stream::Id id);
    void rebuild();
    void tick();
    void emitAll(const Watch &watch, const QList<AlertTransition> &transitions);
    Watch *find(Stream::Id id) const;
    qint64 now() const;

    Workspace *m_workspace;
    QList<WatchedRule> m_rules;
    std::vector<std::unique_ptr<Watch>> m_watches;
    std::deque<AlertHistoryEntry> m_history;
    int m_historyCap = DefaultHistoryCap;
    Clock m_clock;
    bool m_desktopNotifications = true;
    bool m_sound = false;
};

Q_DECLARE_METATYPE(AlertHistoryEntry)
