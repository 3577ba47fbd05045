#pragma once

#include "EventSourceOptions.h"
#include "SseEvent.h"
#include "SseEventBatch.h"

#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

#include <memory>

// A browser-grade EventSource on QNetworkAccessManager, for one subscribed URL.
//
// It owns its own QNetworkAccessManager (one manager opens at most six connections per host and
// live streams never finish). Every state change carries a reason a person can read.
class EventSource : public QObject
{
    Q_OBJECT

public:
    enum class ReadyState { Connecting, Open, Closed };
    Q_ENUM(ReadyState)

    explicit EventSource(EventSourceOptions options, QObject *parent = nullptr);
    ~EventSource() override;

    const EventSourceOptions &options() const;
    QUrl url() const;

    // Connects (again); a pending reconnection or open connection is replaced.
    void open();
    // Ends everything at once: the connection, a pending reconnection, and events already parsed
    // but not yet delivered. No signal but readyStateChanged follows.
    void close();

    ReadyState readyState() const;
    QString lastEventId() const;
    int reconnectionTime() const;
    // Connections that were opened so far (1 for the first).
    int connectionCount() const;
    // Attempts since the last connection that delivered an event.
    int reconnectAttempt() const;
    qint64 bytesReceived() const;
    qint64 droppedEventCount() const;
    qint64 commentCount() const;
    // The open connection's Content-Encoding (lower case, "" for none or identity).
    QByteArray contentEncoding() const;
    // Whether requests offer compressed encodings: the option, or since a server compressed
    // although asked not to.
    bool offersCompression() const;
    // The certificate the server offered when TLS verification failed (null otherwise): what the
    // user is shown before trusting it for this subscription.
    QSslCertificate offeredCertificate() const;

Q_SIGNALS:
    void readyStateChanged(EventSource::ReadyState state, const QString &reason);
    void opened();
    // A request was handed to the network (each redirect makes one again); its response head is
    // awaited. The time includes connecting, which Qt does not report apart for every request.
    void requestSent();
    // A response head arrived (any status, redirects included).
    void responseStarted(int status);
    // An event outgrew options().maxEventSize and is being dropped (once per event, when it does).
    void eventTooLarge(qsizetype maxEventSize);
    // The events and comments of one piece of the response, once per read: the fast path.
    void eventsReceived(const SseEventBatch &events);
    // The same events one at a time and decoded; emitted only while something is connected.
    void eventReceived(const SseEvent &event);
    void reconnectScheduled(int attempt, int delayMs, const QString &reason);
    void failed(const QString &reason);
    void closedByServer(const QString &reason);
    void bytesArrived(qint64 count);

private:
    class Private;
    std::unique_ptr<Private> d;
};
