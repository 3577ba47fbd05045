#pragma once

#include "AlertFieldFeed.h"
#include "AlertMonitor.h"
#include "AlertRule.h"
#include "StreamFieldStore.h"
#include "StreamStatistics.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

struct ConnectionEvent;
struct SseEvent;
class Recorder;

// `record --alert` for one recorded stream: its events in a field store, an AlertMonitor over the
// rules, and time passing on a timer. Each transition is one line on standard error and, with
// --alert-command, one run of that command with the transition in its environment.
class RecordAlerts : public QObject
{
    Q_OBJECT

public:
    static constexpr int AdvanceIntervalMs = 250;

    struct Settings
    {
        QStringList texts;      // as typed, in the order given
        QList<AlertRule> rules; // parsed from `texts`
        QString command;        // run by /bin/sh -c on each transition; empty: none
    };

    // Parses every rule; false with `error` as record prints it: "--alert '<rule>': <what>".
    static bool parseRules(const QStringList &texts, QList<AlertRule> *rules, QString *error);

    RecordAlerts(const QString &url, const Settings &settings, QObject *parent = nullptr);
    ~RecordAlerts() override;

    // Follows the recorder's stream named `url`: its events, its connection changes, and time,
    // until the recording finishes.
    void attach(Recorder *recorder);

    void addEvent(const SseEvent &event, qint64 receivedAtMs);
    void connectionChanged(const ConnectionEvent &event);
    void advance(qint64 nowMs);

Q_SIGNALS:
    // A rule began firing (after its line was written).
    void fired();

private:
    void report(const QList<AlertTransition> &transitions);
    void runCommand(const AlertTransition &transition, const QString &ruleText) const;

    QString m_url;
    Settings m_settings;
    StreamFieldStore m_store;
    AlertMonitor m_monitor;
    AlertFieldFeed m_feed;
    StreamStatistics m_statistics;
    QTimer m_timer;
};
