#pragma once

#include "BurstDetector.h"
#include "StreamNotice.h"

#include <QObject>
#include <QTimer>

#include <functional>

class EventSource;
class SseEventBatch;

// Watches one EventSource for what its timing and headers say about the way to the server: a
// response head that does not come, events held back in bursts, compression on the stream. Each
// notice is said once per connection attempt. Both the dashboard's Stream and `record` use it.
class StreamDiagnosis : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultHeaderWaitNoticeMs = 5000;
    using Clock = std::function<qint64()>; // monotonic ms

    explicit StreamDiagnosis(EventSource *source, QObject *parent = nullptr);

    void setHeaderWaitNoticeMs(int ms);
    // From the next request on.
    void setBurstThresholds(const BurstDetector::Thresholds &thresholds) { m_bursts = BurstDetector(thresholds); }
    void setClock(Clock clock);

    // When the request in flight went out (monotonic ms), while its response head is awaited;
    // -1 otherwise.
    qint64 awaitingHeadersSinceMs() const { return m_requestSentAtMs; }

Q_SIGNALS:
    void notice(const StreamNotice &notice);

private:
    void onRequestSent();
    void onOpened();
    void onEvents(const SseEventBatch &events);
    void stopWaiting();
    qint64 now() const;

    EventSource *m_source;
    Clock m_clock;
    QTimer m_headerWaitTimer;
    qint64 m_requestSentAtMs = -1;
    BurstDetector m_bursts;
    bool m_tooLargeSaid = false;
};
