#include "ReplayStream.h"

#include "SseServer.h"
#include "SseWriter.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

struct ReplayStream::Data
{
    QList<SseEvent> events;
    QList<qint64> offsetsMs; // from the first event's arrival, never decreasing
    double speed = 1.0;
};

namespace {

constexpr qint64 HighWaterMark = 1024 * 1024; // bytes queued on the socket before a pause
constexpr qsizetype WriteChunk = 64 * 1024;
constexpr int KeepAliveMs = 15000;

// After the last occurrence of the id; from the start when it is empty or unknown.
qsizetype startIndexIn(const ReplayStream::Data &data, const QString &lastEventId)
{
    if (lastEventId.isEmpty())
        return 0;
    for (qsizetype i = data.events.size() - 1; i >= 0; --i) {
        if (data.events.at(i).lastEventId == lastEventId)
            return i + 1;
    }
    return 0;
}

// Field values cannot hold a line break; one there would split the field (or end the event).
// One client's replay. Child of its response, so it goes when the connection goes.
class ReplayClient : public QObject
{
public:
    ReplayClient(HttpResponseStream *response, std::shared_ptr<const ReplayStream::Data> data,
                 qsizetype start, const QString &clientLastEventId)
        : QObject(response)
        , m_response(response)
        , m_data(std::move(data))
        , m_next(start)
        , m_previousId(clientLastEventId)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &ReplayClient::pump);
        connect(response, &HttpResponseStream::disconnected, this, [this] { m_timer.stop(); });
        connect(response, &HttpResponseStream::drained, this, [this] {
            if (m_paused && m_response && m_response->isConnected()) {
                m_paused = false;
                restartSchedule();
                pump();
            }
        });
        m_sinceLastWrite.start();
        restartSchedule();
        m_timer.start(0);
    }

private:
    // The next event goes out now and the capture's spacing is kept from there on.
    void restartSchedule()
    {
        m_anchor = m_next;
        m_schedule.start();
    }

    // When event `index` is due, in milliseconds of m_schedule.
    double dueMs(qsizetype index) const
    {
        if (m_data->speed <= 0)
            return 0;
        return double(m_data->offsetsMs.at(index) - m_data->offsetsMs.at(m_anchor)) / m_data->speed;
    }

    void pump()
    {
        if (!m_response || !m_response->isConnected() || m_paused)
            return;
        const qsizetype count = m_data->events.size();
        const double now = double(m_schedule.elapsed());
        QByteArray bytes;
        while (m_next < count && dueMs(m_next) <= now) {
            const SseEvent &event = m_data->events.at(m_next++);
            bytes += ReplayStream::encode(event, m_previousId);
            m_previousId = event.lastEventId;
            if (bytes.size() >= WriteChunk) {
                send(bytes);
                bytes.clear();
                if (!m_response)
                    return;
                if (m_response->bytesToWrite() > HighWaterMark)
                    break;
            }
        }
        if (!bytes.isEmpty())
            send(bytes);
        if (!m_response)
            return;
        if (m_next >= count) {
            m_response->end(); // this object goes with the response
            return;
        }
        if (m_response->bytesToWrite() > HighWaterMark) {
            // A slow reader: wait for the socket to drain instead of queueing without bound.
            m_paused = true;
            return;
        }
        if (m_sinceLastWrite.elapsed() >= KeepAliveMs)
            send(": keep-alive\n\n");
        const double untilNext = dueMs(m_next) - double(m_schedule.elapsed());
        const double untilKeepAlive = double(KeepAliveMs - m_sinceLastWrite.elapsed());
        m_timer.start(int(qBound(0.0, qMin(untilNext, untilKeepAlive), double(KeepAliveMs))));
    }

    void send(QByteArrayView bytes)
    {
        m_response->write(bytes);
        m_sinceLastWrite.restart();
    }

    QPointer<HttpResponseStream> m_response;
    std::shared_ptr<const ReplayStream::Data> m_data;
    QTimer m_timer;
    QElapsedTimer m_schedule;
    QElapsedTimer m_sinceLastWrite;
    qsizetype m_next;
    qsizetype m_anchor = 0;
    QString m_previousId;
    bool m_paused = false;
};

} // namespace

ReplayStream::ReplayStream(QList<CapturedEvent> events, double speed, QObject *parent)
    : QObject(parent)
{
    auto data = std::make_shared<Data>();
    data->speed = speed > 0 ? speed : 0;
    data->events.reserve(events.size());
    data->offsetsMs.reserve(events.size());
    QDateTime origin;
    qint64 offset = 0;
    for (const CapturedEvent &captured : std::as_const(events)) {
        data->events.append(captured.event);
        // A missing or out-of-order arrival time adds no gap.
        if (captured.receivedAt.isValid()) {
            if (!origin.isValid())
                origin = captured.receivedAt;
            offset = qMax(offset, origin.msecsTo(captured.receivedAt));
        }
        data->offsetsMs.append(offset);
    }
    d = std::move(data);
}

qsizetype ReplayStream::eventCount() const
{
    return d->events.size();
}

double ReplayStream::speed() const
{
    return d->speed;
}

qsizetype ReplayStream::startIndex(const QString &lastEventId) const
{
    return startIndexIn(*d, lastEventId);
}

QByteArray ReplayStream::encode(const SseEvent &event, const QString &previousId)
{
    QByteArray bytes;
    SseWriter::appendEvent(bytes, event, previousId);
    return bytes;
}

void ReplayStream::attach(SseServer &server, const QString &path)
{
    std::shared_ptr<const Data> data = d;
    server.route(path, [data](const HttpRequest &request, HttpResponseStream *response) {
        const QString lastEventId = QString::fromUtf8(request.header("Last-Event-ID"));
        const qsizetype start = startIndexIn(*data, lastEventId);
        if (start >= data->events.size()) {
            // Nothing left: 204 tells an EventSource to stop reconnecting.
            response->writeHead(204, {{"Cache-Control", "no-cache"}, {"Access-Control-Allow-Origin", "*"}});
            response->end();
            return;
        }
        response->writeHead(200, {{"Content-Type", "text/event-stream"},
                                  {"Cache-Control", "no-cache"},
                                  {"Access-Control-Allow-Origin", "*"}});
        new ReplayClient(response, data, start, lastEventId);
    });
}
