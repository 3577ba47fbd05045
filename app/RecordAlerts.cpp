#include "RecordAlerts.h"

#include "ConnectionEvent.h"
#include "Recorder.h"
#include "SseEvent.h"

#include <QDateTime>
#include <QProcess>
#include <QProcessEnvironment>

#include <cstdio>

namespace {

qint64 wallNow()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// The transition's value, or what stands for it in a rule without one.
QString describe(const AlertTransition &transition)
{
    if (!transition.detail.isEmpty())
        return transition.detail;
    return transition.value ? QStringLiteral("value ") + AlertRule::numberText(*transition.value) : QString();
}

} // namespace

bool RecordAlerts::parseRules(const QStringList &texts, QList<AlertRule> *rules, QString *error)
{
    for (const QString &text : texts) {
        QString why;
        const std::optional<AlertRule> rule = AlertRule::parse(text, &why);
        if (!rule) {
            // The parser names the rule first; record names the option and the rule as typed.
            const qsizetype named = why.indexOf(QLatin1String("': "));
            const QString what = why.startsWith(QLatin1Char('\'')) && named >= 0 ? why.mid(named + 3) : why;
            *error = tr("--alert '%1': %2").arg(text, what);
            return false;
        }
        rules->append(*rule);
    }
    return true;
}

RecordAlerts::RecordAlerts(const QString &url, const Settings &settings, QObject *parent)
    : QObject(parent)
    , m_url(url)
    , m_settings(settings)
    , m_monitor(settings.rules, wallNow())
    , m_feed(&m_store, &m_monitor)
    , m_statistics(wallNow())
{
    m_timer.setInterval(AdvanceIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { advance(wallNow()); });
}

RecordAlerts::~RecordAlerts() = default;

void RecordAlerts::attach(Recorder *recorder)
{
    using Kind = ConnectionEvent::Kind;
    const auto change = [this](Kind kind, const QString &reason = QString(), int attempt = 0, int delayMs = 0) {
        ConnectionEvent event;
        event.kind = kind;
        event.timeMs = wallNow();
        event.reason = reason;
        event.attempt = attempt;
        event.delayMs = delayMs;
        connectionChanged(event);
    };
    connect(recorder, &Recorder::eventRecorded, this,
            [this](const QString &url, const SseEvent &event, qint64 receivedAtMs) {
                if (url == m_url)
                    addEvent(event, receivedAtMs);
            });
    connect(recorder, &Recorder::streamOpened, this, [this, change](const QString &url, int) {
        if (url == m_url)
            change(Kind::Opened);
    });
    connect(recorder, &Recorder::reconnectScheduled, this,
            [this, change](const QString &url, int attempt, int delayMs, const QString &reason) {
                if (url == m_url)
                    change(Kind::ReconnectScheduled, reason, attempt, delayMs);
            });
    connect(recorder, &Recorder::streamClosedByServer, this, [this, change](const QString &url, const QString &reason) {
        if (url == m_url)
            change(Kind::EndedByServer, reason);
    });
    connect(recorder, &Recorder::streamFailed, this, [this, change](const QString &url, const QString &reason) {
        if (url == m_url)
            change(Kind::Failed, reason);
    });
    connect(recorder, &Recorder::finished, &m_timer, &QTimer::stop);
    m_timer.start();
}

void RecordAlerts::addEvent(const SseEvent &event, qint64 receivedAtMs)
{
    const QString previousId = m_statistics.lastEventId();
    m_store.addEvent(event, receivedAtMs);
    report(m_monitor.eventReceived(receivedAtMs));
    if (m_statistics.countEvent(event.lastEventId, receivedAtMs) == StreamStatistics::IdChange::Reset) {
        ConnectionEvent reset;
        reset.kind = ConnectionEvent::Kind::IdReset;
        reset.timeMs = receivedAtMs;
        reset.reason = QStringLiteral("from %1 to %2").arg(previousId, event.lastEventId);
        report(m_monitor.connectionEvent(reset));
    }
    report(m_feed.collect(receivedAtMs));
}

void RecordAlerts::connectionChanged(const ConnectionEvent &event)
{
    report(m_monitor.connectionEvent(event));
}

void RecordAlerts::advance(qint64 nowMs)
{
    report(m_feed.collect(nowMs));
    report(m_monitor.advance(nowMs));
}

void RecordAlerts::report(const QList<AlertTransition> &transitions)
{
    for (const AlertTransition &transition : transitions) {
        const QString ruleText = m_settings.texts.value(transition.rule, transition.ruleText);
        const bool firing = transition.state == AlertTransition::State::Firing;
        QString line = QStringLiteral("eventscope: %1: alert %2: %3 (%4")
                           .arg(m_url, firing ? QStringLiteral("firing") : QStringLiteral("resolved"), ruleText,
                                describe(transition));
        if (!firing)
            line += QStringLiteral(", after ") + AlertRule::readableDuration(transition.firingForMs);
        line += QStringLiteral(")\n");
        std::fputs(line.toLocal8Bit().constData(), stderr);
        std::fflush(stderr);
        runCommand(transition, ruleText);
        if (firing)
            Q_EMIT fired();
    }
}

void RecordAlerts::runCommand(const AlertTransition &transition, const QString &ruleText) const
{
    if (m_settings.command.isEmpty())
        return;
    const bool firing = transition.state == AlertTransition::State::Firing;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("EVENTSCOPE_ALERT_STATE"),
                       firing ? QStringLiteral("firing") : QStringLiteral("resolved"));
    environment.insert(QStringLiteral("EVENTSCOPE_ALERT_RULE"), ruleText);
    environment.insert(QStringLiteral("EVENTSCOPE_ALERT_URL"), m_url);
    environment.insert(QStringLiteral("EVENTSCOPE_ALERT_VALUE"),
                       transition.value ? AlertRule::numberText(*transition.value) : QString());
    environment.insert(QStringLiteral("EVENTSCOPE_ALERT_DETAIL"), transition.detail);
    environment.insert(QStringLiteral("EVENTSCOPE_ALERT_TIME"),
                       QDateTime::fromMSecsSinceEpoch(transition.timeMs, Qt::UTC).toString(Qt::ISODateWithMs));
    QProcess process;
    process.setProgram(QStringLiteral("/bin/sh"));
    process.setArguments({QStringLiteral("-c"), m_settings.command});
    process.setProcessEnvironment(environment);
    // Standard output carries only the capture.
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(QProcess::nullDevice());
    if (!process.startDetached()) {
        const QString line = QStringLiteral("eventscope: %1: ").arg(m_url)
            + tr("cannot run the alert command: %1").arg(process.errorString()) + u'\n';
        std::fputs(line.toLocal8Bit().constData(), stderr);
    }
}
