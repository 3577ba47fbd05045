#pragma once

#include "CapturedEvent.h"
#include "ConnectionEvent.h"
#include "ConnectionHistory.h"
#include "EventSourceOptions.h"
#include "StreamComment.h"
#include "StreamFieldStore.h"
#include "StreamNotice.h"
#include "StreamRateHistory.h"
#include "StreamStatistics.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class CaptureStore;
class EventSource;
class StreamDiagnosis;

// One subscription and everything it accumulates: its EventSource, the captured events, the
// plotted fields, the statistics and the connection history. Events are counted as they arrive
// and handed on in one batch per display tick (flush()); connection changes go out at once, after
// the events that came before them.
class Stream : public QObject
{
    Q_OBJECT

public:
    using Id = quint64;
    using Clock = std::function<qint64()>; // wall clock, ms since the epoch

    // A live subscription (not opened yet).
    Stream(Id id, const EventSourceOptions &options, const QString &name, QObject *parent = nullptr);
    // Events read from a capture file: never connected.
    Stream(Id id, const QUrl &url, const QString &name, const QList<CapturedEvent> &events,
           QObject *parent = nullptr);
    ~Stream() override;

    Id id() const { return m_id; }
    bool isOffline() const { return m_offline; }
    bool isDemo() const { return m_demo; }
    void setDemo(bool demo) { m_demo = demo; }

    // An empty name stands for defaultName(url).
    QString name() const;
    QString givenName() const { return m_name; }
    void setName(const QString &name);
    static QString defaultName(const QUrl &url);
    QUrl url() const { return m_options.url; }
    QString urlText() const { return m_urlText; }
    const EventSourceOptions &options() const { return m_options; }
    // A new connection with these options; what was captured stays, and the series break.
    void setOptions(const EventSourceOptions &options);

    // Colour slot of the stream's series; -1 until the workspace assigns one.
    int colorIndex() const { return m_colorIndex; }
    void setColorIndex(int index) { m_colorIndex = index; }

    // The unit the user gave a field ("B/s", "ms", "°C"), for axes, tiles and statistics; empty
    // for none. Setting one emits changed().
    QString unit(const QString &key) const { return m_units.value(key); }
    const QHash<QString, QString> &units() const { return m_units; }
    void setUnit(const QString &key, const QString &unit);

    void open();
    void close();
    EventSource *source() const { return m_source.get(); }

    StreamStatus status() const { return m_history.status(); }
    // What the diagnosis noticed about the current connection attempt (cleared by the next one).
    const QList<StreamNotice> &notices() const { return m_notices; }
    // Since when (monotonic ms) the request in flight awaits its response head; -1 when none does.
    qint64 awaitingHeadersSinceMs() const;
    const ConnectionHistory &history() const { return m_history; }
    const StreamStatistics &statistics() const { return m_statistics; }
    // Events and bytes per wall-clock second; an offline stream's is built from its receive times.
    const StreamRateHistory &rateHistory() const { return m_rateHistory; }
    void setRateHistoryCapacity(qsizetype seconds) { m_rateHistory.setCapacity(seconds); }
    // Wall clock when the stream was made (offline: the first event's receive time).
    qint64 createdAtMs() const { return m_createdAtMs; }
    CaptureStore *capture() const { return m_capture; }
    StreamFieldStore *fields() const { return m_fields; }

    // Times the plotted series by the receive time or a payload field, replotting what was
    // captured on the new clock: switching loses nothing.
    void setTimeSource(StreamFieldStore::TimeSource source, const QString &payloadPath = {});

    // Events received since the last flush, not yet in the capture and the fields.
    qsizetype pendingCount() const { return m_pending.size(); }
    // Hands the pending events to the capture and the fields, then announces them. The capture
    // takes every event; the fields (what the charts show) at most `plotLimit` of them, evenly
    // spread and always the newest, when the display cannot keep up (negative: no limit).
    void flush(qsizetype plotLimit = -1);
    // Events captured but left out of the charts by flush()'s limit, since the stream began.
    qint64 notChartedCount() const { return m_notCharted; }
    // How long the fields took to take in the last flush's events, and how many they took.
    qint64 lastPlotNanoseconds() const { return m_lastPlotNs; }
    qsizetype lastPlottedCount() const { return m_lastPlotted; }
    // Recomputes rates and closes the rate history's ended seconds (the display tick does it).
    void advance();

    // For tests: the wall clock of receive times and the monotonic one of rates and ages
    // (steadyClockMs() unless set). Resets the statistics; a live stream's rate history starts
    // again and the stream counts as created now on the new wall clock.
    void setClocks(Clock wallClock, Clock monotonicClock);
    qint64 monotonicNow() const;

Q_SIGNALS:
    void eventsAdded(const QList<CapturedEvent> &events);
    // The comments that came with them (after them, in the same flush).
    void commentsAdded(const QList<StreamComment> &comments);
    void connectionEvent(const ConnectionEvent &event);
    void changed(); // name, options, status

private:
    void connectSource();
    void record(ConnectionEvent event);
    // Plots every `stride`-th event ending with the last one; returns how many.
    qsizetype plot(const QList<CapturedEvent> &events, qsizetype stride = 1);
    int connectionNumber() const;
    qint64 wallNow() const;

    Id m_id;
    QString m_name;
    QHash<QString, QString> m_units;
    EventSourceOptions m_options;
    QString m_urlText;
    bool m_offline = false;
    bool m_demo = false;
    int m_colorIndex = -1;
    std::unique_ptr<EventSource> m_source;
    StreamDiagnosis *m_diagnosis = nullptr; // a child of m_source
    // Connections of replaced sources, so that connection numbers keep growing across edits.
    int m_connectionOffset = 0;
    int m_plottedConnection = 0;
    CaptureStore *m_capture;
    StreamFieldStore *m_fields;
    StreamStatistics m_statistics;
    StreamRateHistory m_rateHistory;
    qint64 m_createdAtMs = 0;
    ConnectionHistory m_history;
    QList<CapturedEvent> m_pending;
    QList<StreamComment> m_pendingComments;
    QList<StreamNotice> m_notices;
    qint64 m_notCharted = 0;
    qint64 m_lastPlotNs = 0;
    qsizetype m_lastPlotted = 0;
    Clock m_wallClock;
    Clock m_monotonicClock;
};
