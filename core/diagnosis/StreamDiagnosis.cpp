#include "StreamDiagnosis.h"

#include "EventSource.h"
#include "SteadyClock.h"

#include <utility>

StreamDiagnosis::StreamDiagnosis(EventSource *source, QObject *parent)
    : QObject(parent)
    , m_source(source)
{
    m_headerWaitTimer.setSingleShot(true);
    m_headerWaitTimer.setTimerType(Qt::PreciseTimer); // the notice says how long it waited
    m_headerWaitTimer.setInterval(DefaultHeaderWaitNoticeMs);
    connect(&m_headerWaitTimer, &QTimer::timeout, this, [this] {
        Q_EMIT notice(StreamNotice::headersHeldBack(now() - m_requestSentAtMs, m_source->offersCompression()));
    });
    connect(source, &EventSource::requestSent, this, &StreamDiagnosis::onRequestSent);
    connect(source, &EventSource::responseStarted, this, &StreamDiagnosis::stopWaiting);
    connect(source, &EventSource::opened, this, &StreamDiagnosis::onOpened);
    connect(source, &EventSource::readyStateChanged, this, [this](EventSource::ReadyState state) {
        if (state != EventSource::ReadyState::Open)
            stopWaiting(); // a transport error, a reconnection scheduled, closed
    });
    connect(source, &EventSource::eventsReceived, this, &StreamDiagnosis::onEvents);
    connect(source, &EventSource::eventTooLarge, this, [this](qsizetype cap) {
        // Once a connection: a server whose every event is too large would say it per event.
        if (!std::exchange(m_tooLargeSaid, true))
            Q_EMIT notice(StreamNotice::eventTooLarge(cap));
    });
}

void StreamDiagnosis::setHeaderWaitNoticeMs(int ms)
{
    m_headerWaitTimer.setInterval(ms);
}

void StreamDiagnosis::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

void StreamDiagnosis::onRequestSent()
{
    m_requestSentAtMs = now();
    m_bursts.restart(m_requestSentAtMs);
    m_tooLargeSaid = false;
    m_headerWaitTimer.start();
}

void StreamDiagnosis::onOpened()
{
    const QByteArray encoding = m_source->contentEncoding();
    if (!encoding.isEmpty())
        Q_EMIT notice(StreamNotice::compressed(encoding));
}

void StreamDiagnosis::onEvents(const SseEventBatch &events)
{
    if (const auto finding = m_bursts.arrived(now(), events.size()))
        Q_EMIT notice(StreamNotice::bufferingProxy(finding->silenceMs, finding->events, finding->bursts));
}

void StreamDiagnosis::stopWaiting()
{
    m_headerWaitTimer.stop();
    m_requestSentAtMs = -1;
}

qint64 StreamDiagnosis::now() const
{
    return m_clock ? m_clock() : steadyClockMs();
}
