#pragma once

#include "DashboardLayout.h"
#include "EventSourceOptions.h"
#include "Limits.h"
#include "ReconnectPolicy.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// A saved dashboard, independent of any widget: what SessionFile reads and writes.

struct SessionHeader
{
    QString name;
    QString value; // empty when read back from a file that withheld it
    bool secret = false;

    friend bool operator==(const SessionHeader &, const SessionHeader &) = default;
};

struct SubscriptionSettings
{
    QString name;
    QUrl url;
    QList<SessionHeader> headers;
    QString method; // empty: GET
    QString body;   // empty when read back from a file that withheld a secret one
    bool bodySecret = false;
    ReconnectMode reconnectMode = ReconnectMode::Resilient;
    int reconnectionTimeMs = ReconnectPolicy::DefaultReconnectionTimeMs;
    int maxBackoffMs = ReconnectPolicy::DefaultMaxBackoffMs;
    int idleTimeoutMs = 0; // 0: off
    int headerTimeoutMs = EventSourceOptions::DefaultHeaderTimeoutMs;
    bool allowCompression = false;
    QStringList pinnedCertificates; // SHA-256 fingerprints, 64 hex digits
    std::optional<QString> lastEventId;
    QStringList plottedFields; // field paths such as "/count"
    QString timestampField;    // empty: the time the event arrived
    // The built-in demo stream: reopened on whatever port the demo server gets, not on `url`.
    bool demo = false;
    int colorIndex = -1; // the stream's colour slot; -1: the next free one
    QHash<QString, QString> units; // field key -> unit text ("B/s", "ms", "°C")
    QStringList derivedSeries;     // specs such as "rate(/count)"

    friend bool operator==(const SubscriptionSettings &, const SubscriptionSettings &) = default;
};

// One alert rule as the user typed it; the text is read by the alert rule parser, not here.
struct AlertRuleSettings
{
    QString text;
    int stream = -1; // the subscription's position in SessionData::subscriptions; -1: every stream
    bool enabled = true;

    friend bool operator==(const AlertRuleSettings &, const AlertRuleSettings &) = default;
};

// How the charts are laid out: one chart per stream, or every stream in a single chart.
enum class ChartArrangement { PerStream, Single };

struct SessionData
{
    static constexpr int CurrentVersion = 2;
    static constexpr int OldestReadableVersion = 1;
    static constexpr qint64 DefaultCaptureMaxEvents = Limits::DefaultCaptureMaxEvents;
    static constexpr int DefaultCaptureMaxMiB = Limits::DefaultCaptureMaxMiB;

    QList<SubscriptionSettings> subscriptions;
    qint64 timeWindowMs = 60000;
    int eventLogCap = Limits::DefaultLogRows;
    int pointCap = Limits::DefaultChartPoints;
    ChartArrangement chartLayout = ChartArrangement::PerStream; // missing from older files: per stream
    // Opaque: QMainWindow::saveState() and QWidget::saveGeometry().
    QByteArray windowState;
    QByteArray windowGeometry;
    // Write secret header values in plain text; off unless the user opts in.
    bool storeSecrets = false;
    // Write every captured event to a journal in the application's data folder.
    bool journal = false;
    // Each stream's capture keeps at most this many events and MiB (older files: the defaults).
    qint64 captureMaxEvents = DefaultCaptureMaxEvents;
    int captureMaxMiB = DefaultCaptureMaxMiB;
    int captureTotalMiB = Limits::DefaultCaptureTotalMiB; // every stream's capture together
    // The panels; their streams are named by the subscription's position in `subscriptions`
    // (DashboardLayout::mapStreams turns workspace ids into positions and back). Empty when the
    // file held none.
    DashboardLayout dashboard;
    QList<AlertRuleSettings> alertRules;
    bool alertNotifications = true; // a desktop notification when a rule fires
    bool alertSound = false;

    friend bool operator==(const SessionData &, const SessionData &) = default;
};
