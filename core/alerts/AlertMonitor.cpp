#include "AlertMonitor.h"

#include "ConnectionEvent.h"

#include <QCoreApplication>

#include <deque>
#include <vector>

namespace {

using State = AlertTransition::State;
using Kind = AlertRule::Kind;

struct RuleState
{
    AlertRule rule;
    QString text;
    State state = State::Ok;
    qint64 firingSince = 0;
    std::optional<double> lastValue;

    // Field rules: since when the condition holds without a break.
    std::optional<qint64> holdingSince;
    // Stale and down: false once the stream was closed or ended, until it opens again.
    bool watching = true;
    qint64 lastActivity = 0; // stale: the last event or opening; down: since when not open
    bool open = false;       // down
    qint64 lastReset = 0;    // idreset
    std::deque<qint64> reconnects; // reconnects: the times in the window

    bool firing() const { return state == State::Firing; }
};

bool holds(const AlertRule &rule, double value)
{
    switch (rule.kind) {
    case Kind::Above: return value > rule.threshold;
    case Kind::AtLeast: return value >= rule.threshold;
    case Kind::Below: return value < rule.threshold;
    case Kind::AtMost: return value <= rule.threshold;
    case Kind::Outside: return value < rule.low || value > rule.high;
    default: return false;
    }
}

QString valueDetail(double value)
{
    return QStringLiteral("value ") + AlertRule::numberText(value);
}

QString reconnectDetail(const RuleState &state)
{
    return QCoreApplication::translate("AlertMonitor", "%1 reconnect(s) in %2")
        .arg(QString::number(state.reconnects.size()), AlertRule::readableDuration(state.rule.durationMs));
}

} // namespace

class AlertMonitorPrivate
{
public:
    std::vector<RuleState> states;
    QList<AlertRule> rules;

    AlertTransition fire(int index, qint64 timeMs, std::optional<double> value, const QString &detail)
    {
        RuleState &s = states[std::size_t(index)];
        s.state = State::Firing;
        s.firingSince = timeMs;
        return {index, s.text, State::Firing, timeMs, value, 0, detail};
    }

    AlertTransition resolve(int index, qint64 timeMs, std::optional<double> value, const QString &detail)
    {
        RuleState &s = states[std::size_t(index)];
        s.state = State::Resolved;
        const qint64 firingFor = qMax<qint64>(0, timeMs - s.firingSince);
        s.firingSince = 0;
        return {index, s.text, State::Resolved, timeMs, value, firingFor, detail};
    }

    // The condition of a field rule has held long enough (or at once, without `for`).
    bool heldLongEnough(const RuleState &s, qint64 nowMs) const
    {
        return s.holdingSince && nowMs - *s.holdingSince >= s.rule.forMs;
    }

    void prune(RuleState &s, qint64 nowMs)
    {
        while (!s.reconnects.empty() && s.reconnects.front() <= nowMs - s.rule.durationMs)
            s.reconnects.pop_front();
    }

    void connectionChange(int index, const ConnectionEvent &event, QList<AlertTransition> *out);
    void stopWatching(int index, const ConnectionEvent &event, QList<AlertTransition> *out);
};

void AlertMonitorPrivate::stopWatching(int index, const ConnectionEvent &event, QList<AlertTransition> *out)
{
    RuleState &s = states[std::size_t(index)];
    if (s.firing()) {
        const QString detail = event.kind == ConnectionEvent::Kind::Closed
            ? QCoreApplication::translate("AlertMonitor", "stream closed")
            : QCoreApplication::translate("AlertMonitor", "stream ended by its server");
        out->append(resolve(index, event.timeMs, std::nullopt, detail));
    }
    s.holdingSince.reset();
    s.watching = false;
    s.open = false;
    s.reconnects.clear();
}

void AlertMonitorPrivate::connectionChange(int index, const ConnectionEvent &event, QList<AlertTransition> *out)
{
    using EventKind = ConnectionEvent::Kind;
    RuleState &s = states[std::size_t(index)];
    const qint64 t = event.timeMs;
    if (event.kind == EventKind::Closed || event.kind == EventKind::EndedByServer) {
        stopWatching(index, event, out);
        return;
    }
    switch (s.rule.kind) {
    case Kind::Stale:
        if (event.kind == EventKind::Opened) {
            if (!s.watching || !s.firing())
                s.lastActivity = s.watching ? qMax(s.lastActivity, t) : t;
            s.watching = true;
        }
        break;
    case Kind::Down:
        if (event.kind == EventKind::Opened) {
            s.watching = true;
            s.open = true;
            if (s.firing())
                out->append(resolve(index, t, std::nullopt, QCoreApplication::translate("AlertMonitor", "open again")));
        } else if (s.watching && s.open
                   && (event.kind == EventKind::Lost || event.kind == EventKind::ReconnectScheduled
                       || event.kind == EventKind::Failed)) {
            s.open = false;
            s.lastActivity = t;
        }
        break;
    case Kind::IdReset:
        if (event.kind == EventKind::IdReset) {
            s.lastReset = t;
            if (!s.firing()) {
                const QString detail = event.reason.isEmpty()
                    ? QCoreApplication::translate("AlertMonitor", "ids went backwards")
                    : QCoreApplication::translate("AlertMonitor", "ids went %1").arg(event.reason);
                out->append(fire(index, t, std::nullopt, detail));
            }
        }
        break;
    case Kind::Reconnects:
        if (event.kind == EventKind::ReconnectScheduled) {
            s.reconnects.push_back(t);
            prune(s, t);
            s.lastValue = double(s.reconnects.size());
            if (!s.firing() && qsizetype(s.reconnects.size()) > s.rule.count)
                out->append(fire(index, t, s.lastValue, reconnectDetail(s)));
        }
        break;
    default:
        break;
    }
}

AlertMonitor::AlertMonitor(const QList<AlertRule> &rules, qint64 startMs)
    : d(std::make_unique<AlertMonitorPrivate>())
{
    d->rules = rules;
    d->states.reserve(std::size_t(rules.size()));
    for (const AlertRule &rule : rules) {
        RuleState state;
        state.rule = rule;
        state.text = rule.text();
        state.lastActivity = startMs;
        d->states.push_back(std::move(state));
    }
}

AlertMonitor::~AlertMonitor() = default;
AlertMonitor::AlertMonitor(AlertMonitor &&) noexcept = default;
AlertMonitor &AlertMonitor::operator=(AlertMonitor &&) noexcept = default;

const QList<AlertRule> &AlertMonitor::rules() const
{
    return d->rules;
}

QStringList AlertMonitor::fieldKeys() const
{
    QStringList keys;
    for (const AlertRule &rule : d->rules) {
        if (rule.isFieldRule() && !keys.contains(rule.field))
            keys.append(rule.field);
    }
    return keys;
}

QList<AlertTransition> AlertMonitor::sample(const QString &key, double value, qint64 timeMs)
{
    QList<AlertTransition> out;
    for (int i = 0; i < int(d->states.size()); ++i) {
        RuleState &s = d->states[std::size_t(i)];
        if (!s.rule.isFieldRule() || s.rule.field != key)
            continue;
        s.lastValue = value;
        if (holds(s.rule, value)) {
            if (!s.holdingSince)
                s.holdingSince = timeMs;
            if (!s.firing() && d->heldLongEnough(s, timeMs))
                out.append(d->fire(i, timeMs, value, valueDetail(value)));
        } else {
            s.holdingSince.reset();
            if (s.firing())
                out.append(d->resolve(i, timeMs, value, valueDetail(value)));
        }
    }
    return out;
}

QList<AlertTransition> AlertMonitor::eventReceived(qint64 timeMs)
{
    QList<AlertTransition> out;
    for (int i = 0; i < int(d->states.size()); ++i) {
        RuleState &s = d->states[std::size_t(i)];
        if (s.rule.kind != Kind::Stale || !s.watching)
            continue;
        s.lastActivity = qMax(s.lastActivity, timeMs);
        if (s.firing())
            out.append(d->resolve(i, timeMs, std::nullopt, QCoreApplication::translate("AlertMonitor", "an event arrived")));
    }
    return out;
}

QList<AlertTransition> AlertMonitor::connectionEvent(const ConnectionEvent &event)
{
    QList<AlertTransition> out;
    for (int i = 0; i < int(d->states.size()); ++i)
        d->connectionChange(i, event, &out);
    return out;
}

QList<AlertTransition> AlertMonitor::advance(qint64 nowMs)
{
    QList<AlertTransition> out;
    for (int i = 0; i < int(d->states.size()); ++i) {
        RuleState &s = d->states[std::size_t(i)];
        const qint64 limit = s.rule.durationMs;
        switch (s.rule.kind) {
        case Kind::Stale:
            if (s.watching && !s.firing() && nowMs - s.lastActivity >= limit)
                out.append(d->fire(i, nowMs, std::nullopt,
                                   QCoreApplication::translate("AlertMonitor", "no event for %1").arg(AlertRule::readableDuration(limit))));
            break;
        case Kind::Down:
            if (s.watching && !s.open && !s.firing() && nowMs - s.lastActivity >= limit)
                out.append(d->fire(i, nowMs, std::nullopt,
                                   QCoreApplication::translate("AlertMonitor", "not open for %1").arg(AlertRule::readableDuration(limit))));
            break;
        case Kind::IdReset:
            if (s.firing() && nowMs - s.lastReset >= limit)
                out.append(d->resolve(i, nowMs, std::nullopt,
                                      QCoreApplication::translate("AlertMonitor", "no id reset for %1").arg(AlertRule::readableDuration(limit))));
            break;
        case Kind::Reconnects:
            d->prune(s, nowMs);
            s.lastValue = double(s.reconnects.size());
            if (s.firing() && qsizetype(s.reconnects.size()) <= s.rule.count)
                out.append(d->resolve(i, nowMs, s.lastValue, reconnectDetail(s)));
            break;
        default: // field rules with `for`
            if (!s.firing() && s.rule.forMs > 0 && d->heldLongEnough(s, nowMs) && s.lastValue)
                out.append(d->fire(i, nowMs, s.lastValue, valueDetail(*s.lastValue)));
            break;
        }
    }
    return out;
}

AlertTransition::State AlertMonitor::state(int rule) const
{
    return rule >= 0 && rule < int(d->states.size()) ? d->states[std::size_t(rule)].state : State::Ok;
}

bool AlertMonitor::isFiring(int rule) const
{
    return state(rule) == State::Firing;
}

int AlertMonitor::firingCount() const
{
    int count = 0;
    for (const RuleState &s : d->states)
        count += s.firing() ? 1 : 0;
    return count;
}

qint64 AlertMonitor::firingSinceMs(int rule) const
{
    return isFiring(rule) ? d->states[std::size_t(rule)].firingSince : 0;
}

std::optional<double> AlertMonitor::lastValue(int rule) const
{
    if (rule < 0 || rule >= int(d->states.size()))
        return std::nullopt;
    return d->states[std::size_t(rule)].lastValue;
}
