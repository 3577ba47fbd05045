#pragma once

#include "AlertRule.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <memory>
#include <optional>

struct ConnectionEvent;
class AlertMonitorPrivate;

// A change of one rule's state.
struct AlertTransition
{
    enum class State { Ok, Firing, Resolved }; // Resolved: it was firing and no longer is

    int rule = -1; // index into the monitor's rules
    QString ruleText;
    State state = State::Ok;
    qint64 timeMs = 0;           // wall clock, ms since the epoch
    std::optional<double> value; // the field's value (field rules), the reconnect count, ...
    qint64 firingForMs = 0;      // Resolved: how long it had been firing
    QString detail;              // readable: "value 4", "no event for 5 s", "ids went from 42 to 1"

    friend bool operator==(const AlertTransition &, const AlertTransition &) = default;
};

// The rules applied to one stream and where each stands: ok, firing, or resolved (until it fires
// again). Plain logic on times the caller passes in: each input returns the transitions it caused,
// at most one per rule and input, and a rule fires once per transition, not once per event.
class AlertMonitor
{
public:
    explicit AlertMonitor(const QList<AlertRule> &rules = {}, qint64 startMs = 0);
    ~AlertMonitor();
    AlertMonitor(AlertMonitor &&) noexcept;
    AlertMonitor &operator=(AlertMonitor &&) noexcept;

    const QList<AlertRule> &rules() const;
    // The field keys the rules read, each once, in rule order.
    QStringList fieldKeys() const;

    // A new value of a field.
    QList<AlertTransition> sample(const QString &key, double value, qint64 timeMs);
    // An event arrived (any type).
    QList<AlertTransition> eventReceived(qint64 timeMs);
    // Opened, Lost, ReconnectScheduled, Failed, EndedByServer, Closed, IdReset. A stream closed by
    // the user, or ended by its server, is no longer watched: what was firing resolves, and
    // `stale`/`down` wait for the next Opened.
    QList<AlertTransition> connectionEvent(const ConnectionEvent &event);
    // Time passing: `for`, `stale`, `down`, the id reset hold and the reconnect window.
    QList<AlertTransition> advance(qint64 nowMs);

    AlertTransition::State state(int rule) const;
    bool isFiring(int rule) const;
    int firingCount() const;
    qint64 firingSinceMs(int rule) const; // 0 unless firing
    std::optional<double> lastValue(int rule) const;

private:
    std::unique_ptr<AlertMonitorPrivate> d;
};
