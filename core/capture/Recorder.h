#pragma once

#include "EventSourceOptions.h"
#include "SseEvent.h"

#include <QObject>
#include <QString>

#include <memory>

class CaptureWriter;
class QFileDevice;

// Records streams into a capture writer: one EventSource per stream, every dispatched event written
// in arrival order. Stops after a number of events, after a duration, on stop(), or once every
// stream has ended (closed by its server with 204, or failed for good). The writer is flushed after
// each batch of events and when the recording stops.
class Recorder : public QObject
{
    Q_OBJECT

public:
    enum ExitCode { Success = 0, OutputError = 1, StreamFailed = 2 };

    explicit Recorder(CaptureWriter *writer, QObject *parent = nullptr);
    ~Recorder() override;

    // `url` is the name the stream is recorded under (the URL as the user typed it); when empty,
    // the options' URL.
    void addStream(const EventSourceOptions &options, const QString &url = QString());
    // Stop after this many events in all; 0: no limit.
    void setMaxEvents(qint64 count);
    // Stop this long after start(); 0: no limit.
    void setDurationMs(int ms);
    // The file the writer writes to: when it is a regular file, what was flushed is also synced to
    // disk, at most once a second while events keep coming and when the recording stops, so that a
    // power cut loses at most about the last second. Not owned; nullptr (the default): no syncing.
    void setSyncFile(QFileDevice *file);
    // Also write the streams' comments, in arrival order among the events (when the writer's
    // format has a way to: JSON Lines). Off by default.
    void setRecordComments(bool record);

    void start();
    // Stops now, as for an interrupt: the output is flushed, the exit code is kept.
    void stop();
    // Stops now, and exitCode() gives `exitCode` unless the output could not be written.
    void stop(int exitCode);

    bool isRunning() const;
    qint64 eventCount() const;
    // 0, or 2 when a stream failed for good, or 1 when the output could not be written (or the
    // code given to stop()).
    int exitCode() const;

Q_SIGNALS:
    void streamOpened(const QString &url, int connection);
    // An event was written (not yet flushed), with the receive time the capture gives it.
    void eventRecorded(const QString &url, const SseEvent &event, qint64 receivedAtMs);
    void reconnectScheduled(const QString &url, int attempt, int delayMs, const QString &reason);
    // A numeric id lower than the one before it: the server restarted, or ignored Last-Event-ID
    // (`atReconnection`: the first event of a new connection).
    void idsWentBack(const QString &url, const QString &from, const QString &to, bool atReconnection);
    // A diagnosis of the stream's connection (StreamNotice), once per occurrence.
    void notice(const QString &url, const QString &text);
    void streamClosedByServer(const QString &url, const QString &reason);
    void streamFailed(const QString &url, const QString &reason);
    void outputFailed(const QString &reason);
    // Emitted once, from the event loop, after the recording stopped.
    void finished(int exitCode);

private:
    class Private;
    std::unique_ptr<Private> d;
};
