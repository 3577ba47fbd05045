#pragma once

#include "CapturedEvent.h"
#include "ConnectionEvent.h"
#include "EventSourceOptions.h"
#include "Limits.h"
#include "SessionData.h"
#include "Stream.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <vector>

class CaptureJournal;
class WorkspaceAlerts;
class DemoServer;

// The running application's model: the subscribed streams and everything they accumulate, the
// demo server, the journal and the limits. Widgets read it on the display tick (ticked()), one
// batched update for everything that arrived since the last one.
class Workspace : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultTickIntervalMs = 33;
    // Text (tables, the log, the status bar) refreshes on every TextTickEvery-th tick, about four
    // times a second: faster text cannot be read, and each refresh costs a text layout per cell.
    static constexpr int TextTickEvery = 8;
    static constexpr int ColorSlots = 12;
    // What one display tick may spend putting events into the charts' series. Past it the charts
    // are given an even selection of each stream's events (the capture still takes all of them),
    // so that painting and input always have the rest of the tick.
    static constexpr int PlotBudgetMs = 8;

    explicit Workspace(QObject *parent = nullptr);
    ~Workspace() override;

    // Adds a subscription and opens it (unless told not to).
    Stream *addStream(const EventSourceOptions &options, const QString &name = {}, bool open = true,
                      int colorIndex = -1);
    // Serves the demo stream from inside the application and subscribes to it; the demo stream
    // that is there already is returned rather than a second one.
    Stream *startDemo(int intervalMs = 1000);
    DemoServer *demoServer() const { return m_demo.get(); }
    Stream *demoStream() const;
    // Stops the demo server (its stream reconnects) or serves again on the same port.
    bool setDemoServerRunning(bool running);
    // One offline stream per URL in the file (any `record` format). False with `errorMessage`
    // when nothing could be read; `warning` tells of a damaged tail.
    QList<Stream *> openCapture(const QString &path, QString *errorMessage = nullptr,
                                QString *warning = nullptr);

    // New options (the URL may change) on a new connection; history stays.
    void editStream(Stream *stream, const EventSourceOptions &options, const QString &name);
    void removeStream(Stream *stream);
    void removeAllStreams();

    const std::vector<Stream *> &streams() const { return m_streams; }
    int count() const { return int(m_streams.size()); }
    Stream *stream(Stream::Id id) const;
    Stream *streamAt(int index) const { return m_streams.at(size_t(index)); }
    int indexOf(const Stream *stream) const;
    bool containsUrl(const QUrl &url, const Stream *except = nullptr) const;

    // The alert rules and where they stand on each stream; saved with the session.
    WorkspaceAlerts *alerts() const { return m_alerts; }

    const Limits &limits() const { return m_limits; }
    void setLimits(const Limits &limits);
    // Captured events summed over the streams.
    qint64 capturedCount() const;
    qint64 capturedDroppedCount() const;
    // Events captured but left out of the charts under load, in all streams.
    qint64 notChartedCount() const;
    // Whether the last tick charted only a selection of the events.
    bool isShedding() const { return m_shedding; }
    qint64 capturedBytes() const;
    // Chart samples held and dropped, summed over the streams' fields.
    qint64 chartSampleCount() const;
    qint64 chartDroppedSampleCount() const;

    // The captured events of these streams between fromMs and toMs (toMs < fromMs: all), in
    // receive order.
    QList<CapturedEvent> capturedEvents(const QList<Stream::Id> &ids, qint64 fromMs = 0,
                                        qint64 toMs = -1) const;

    // Journal: every captured event also goes to a JSON Lines file in journalDirectory().
    bool setJournalEnabled(bool enabled, QString *errorMessage = nullptr);
    bool isJournalEnabled() const { return m_journal != nullptr; }
    QString journalPath() const;
    static QString journalDirectory();

    // The subscriptions, their time axes and the limits as a session (the panel layout and the
    // window are the caller's to add). Offline streams are not subscriptions.
    SessionData toSession() const;
    // Replaces every stream. `withheld` receives "stream: header" for each secret whose value the
    // session did not hold.
    void applySession(const SessionData &session, QStringList *withheld = nullptr);

    // Something the user would want saved changed since setModified(false).
    bool isModified() const { return m_modified; }
    void setModified(bool modified = true);

    void setTickInterval(int ms); // 0 stops the tick (tests flush by hand)
    // Flushes every stream, advances rates and emits ticked(), as the display tick does, and
    // textTicked() on every TextTickEvery-th tick (on every one while the timer is stopped, as
    // when a test ticks by hand).
    void tick();

Q_SIGNALS:
    void streamAdded(Stream *stream);
    void streamAboutToBeRemoved(Stream *stream);
    void streamRemoved(Stream::Id id);
    void streamChanged(Stream *stream);
    void eventsAdded(Stream *stream, const QList<CapturedEvent> &events);
    void commentsAdded(Stream *stream, const QList<StreamComment> &comments);
    void connectionEvent(Stream *stream, const ConnectionEvent &event);
    void ticked();
    void textTicked();
    void modifiedChanged(bool modified);
    void limitsChanged(const Limits &limits);
    void journalChanged(bool enabled);
    void journalFailed(const QString &reason);
    void demoServerRunningChanged(bool running);
    // A subscription of an applied session could not be restored.
    void sessionStreamSkipped(const QString &reason);

private:
    Stream *adopt(Stream *stream, int colorIndex = -1);
    Stream *startDemo(int intervalMs, const QString &name, int colorIndex);
    int freeColorIndex() const;
    void applyLimits(Stream *stream) const;
    // Evicts the oldest events of all streams until their captures fit Limits::captureTotalMiB.
    void enforceCaptureBudget();

    std::vector<Stream *> m_streams;
    Stream::Id m_nextId = 1;
    Limits m_limits;
    std::unique_ptr<DemoServer> m_demo;
    std::unique_ptr<CaptureJournal> m_journal;
    WorkspaceAlerts *m_alerts = nullptr;
    QTimer m_tick;
    int m_ticksSinceText = 0;
    double m_plotNsPerEvent = 0; // measured, smoothed over the last ticks
    bool m_shedding = false;
    bool m_modified = false;
};
