#include "WorkspaceAlerts.h"

#include "Workspace.h"

#include <QDateTime>

// The rules that apply to one stream, in an AlertMonitor of their own; `ruleIndex` maps the
// monitor's rule numbers back to WorkspaceAlerts::rules().
struct WorkspaceAlerts::Watch
{
    Stream *stream = nullptr;
    Stream::Id id = 0;
    QList<int> ruleIndex;
    std::unique_ptr<AlertMonitor> monitor;
    std::unique_ptr<AlertFieldFeed> feed;
};

WorkspaceAlerts::WorkspaceAlerts(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
{
    qRegisterMetaType<AlertHistoryEntry>();
    for (Stream *stream : workspace->streams())
        watch(stream);
    connect(workspace, &Workspace::streamAdded, this, &WorkspaceAlerts::watch);
    connect(workspace, &Workspace::streamRemoved, this, &WorkspaceAlerts::unwatch);
    connect(workspace, &Workspace::eventsAdded, this, [this](Stream *stream, const QList<CapturedEvent> &events) {
        Watch *w = find(stream->id());
        if (!w || events.isEmpty())
            return;
        emitAll(*w, w->monitor->eventReceived(events.last().receivedAt.toMSecsSinceEpoch()));
    });
    connect(workspace, &Workspace::connectionEvent, this, [this](Stream *stream, const ConnectionEvent &event) {
        if (Watch *w = find(stream->id()))
            emitAll(*w, w->monitor->connectionEvent(event));
    });
    connect(workspace, &Workspace::ticked, this, &WorkspaceAlerts::tick);
}

WorkspaceAlerts::~WorkspaceAlerts() = default;

bool WorkspaceAlerts::setRules(const QList<WatchedRule> &rules, QString *error)
{
    for (const WatchedRule &rule : rules) {
        QString why;
        if (!AlertRule::parse(rule.text, &why)) {
            if (error)
                *error = why;
            return false;
        }
    }
    if (rules == m_rules)
        return true;
    m_rules = rules;
    rebuild();
    Q_EMIT rulesChanged();
    return true;
}

QList<AlertRuleSettings> WorkspaceAlerts::toSettings() const
{
    QList<AlertRuleSettings> settings;
    // Sessions name streams by their position among the subscriptions (offline streams are not).
    QList<Stream::Id> subscriptions;
    for (const Stream *stream : m_workspace->streams()) {
        if (!stream->isOffline())
            subscriptions.append(stream->id());
    }
    for (const WatchedRule &rule : m_rules) {
        int position = -1;
        if (rule.stream != 0) {
            position = int(subscriptions.indexOf(rule.stream));
            if (position < 0)
                continue;
        }
        settings.append({rule.text, position, rule.enabled});
    }
    return settings;
}

void WorkspaceAlerts::applySettings(const QList<AlertRuleSettings> &settings, QStringList *problems)
{
    QList<Stream::Id> subscriptions;
    for (const Stream *stream : m_workspace->streams()) {
        if (!stream->isOffline())
            subscriptions.append(stream->id());
    }
    QList<WatchedRule> rules;
    for (const AlertRuleSettings &setting : settings) {
        QString why;
        if (!AlertRule::parse(setting.text, &why)) {
            if (problems)
                problems->append(tr("The alert rule %1 was not restored: %2").arg(setting.text, why));
            continue;
        }
        Stream::Id stream = 0;
        if (setting.stream >= 0) {
            if (setting.stream >= subscriptions.size()) {
                if (problems)
                    problems->append(tr("The alert rule %1 names a stream the session does not have").arg(setting.text));
                continue;
            }
            stream = subscriptions.at(setting.stream);
        }
        rules.append({setting.text, stream, setting.enabled});
    }
    setRules(rules);
}

QList<AlertStatus> WorkspaceAlerts::statuses() const
{
    QList<AlertStatus> list;
    for (const auto &w : m_watches) {
        for (int i = 0; i < w->ruleIndex.size(); ++i) {
            list.append({w->ruleIndex.at(i), w->id, w->monitor->state(i), w->monitor->firingSinceMs(i),
                         w->monitor->lastValue(i)});
        }
    }
    return list;
}

bool WorkspaceAlerts::isFiring(Stream::Id stream, const QString &key) const
{
    const Watch *w = find(stream);
    if (!w)
        return false;
    for (int i = 0; i < w->ruleIndex.size(); ++i) {
        if (w->monitor->isFiring(i) && (key.isEmpty() || w->monitor->rules().at(i).field == key))
            return true;
    }
    return false;
}

int WorkspaceAlerts::firingCount() const
{
    int count = 0;
    for (const auto &w : m_watches)
        count += w->monitor->firingCount();
    return count;
}

void WorkspaceAlerts::setHistoryCap(int cap)
{
    m_historyCap = qMax(1, cap);
    while (int(m_history.size()) > m_historyCap)
        m_history.pop_front();
}

void WorkspaceAlerts::clearHistory()
{
    m_history.clear();
    Q_EMIT historyCleared();
}

void WorkspaceAlerts::setClock(Clock clock)
{
    m_clock = std::move(clock);
    rebuild();
}

qint64 WorkspaceAlerts::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

void WorkspaceAlerts::watch(Stream *stream)
{
    auto w = std::make_unique<Watch>();
    w->stream = stream;
    w->id = stream->id();
    QList<AlertRule> rules;
    for (int i = 0; i < m_rules.size(); ++i) {
        const WatchedRule &rule = m_rules.at(i);
        if (!rule.enabled || (rule.stream != 0 && rule.stream != stream->id()))
            continue;
        if (const std::optional<AlertRule> parsed = AlertRule::parse(rule.text)) {
            rules.append(*parsed);
            w->ruleIndex.append(i);
        }
    }
    w->monitor = std::make_unique<AlertMonitor>(rules, now());
    // A stream already open when its rules were set counts as opened now, for `down`.
    if (stream->status() == StreamStatus::Open) {
        ConnectionEvent opened;
        opened.kind = ConnectionEvent::Kind::Opened;
        opened.timeMs = now();
        w->monitor->connectionEvent(opened);
    }
    w->feed = std::make_unique<AlertFieldFeed>(stream->fields(), w->monitor.get());
    m_watches.push_back(std::move(w));
}

void WorkspaceAlerts::unwatch(Stream::Id id)
{
    std::erase_if(m_watches, [id](const std::unique_ptr<Watch> &w) { return w->id == id; });
}

void WorkspaceAlerts::rebuild()
{
    QList<Stream *> streams;
    for (const auto &w : m_watches)
        streams.append(w->stream);
    m_watches.clear();
    for (Stream *stream : std::as_const(streams))
        watch(stream);
}

void WorkspaceAlerts::tick()
{
    const qint64 nowMs = now();
    for (const auto &w : m_watches) {
        emitAll(*w, w->feed->collect(nowMs));
        emitAll(*w, w->monitor->advance(nowMs));
    }
}

void WorkspaceAlerts::emitAll(const Watch &watch, const QList<AlertTransition> &transitions)
{
    for (AlertTransition change : transitions) {
        change.rule = watch.ruleIndex.value(change.rule, -1);
        AlertHistoryEntry entry{watch.id, watch.stream->name(), watch.stream->urlText(), change};
        m_history.push_back(entry);
        while (int(m_history.size()) > m_historyCap)
            m_history.pop_front();
        Q_EMIT transition(entry);
    }
}

WorkspaceAlerts::Watch *WorkspaceAlerts::find(Stream::Id id) const
{
    for (const auto &w : m_watches) {
        if (w->id == id)
            return w.get();
    }
    return nullptr;
}
