#include "DemoStream.h"

#include "SseServer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <limits>

namespace {

constexpr qint64 HighWaterMark = 1024 * 1024; // bytes queued on the socket before a pause
constexpr qint64 MaxEventsPerTick = 4096;
constexpr int KeepAliveMs = 15000;

// Ids continue after a numeric Last-Event-ID; anything else starts again at 1.
qint64 firstId(const QByteArray &lastEventId)
{
    const QByteArray trimmed = lastEventId.trimmed();
    if (trimmed.isEmpty())
        return 1;
    for (char c : trimmed) {
        if (c < '0' || c > '9')
            return 1;
    }
    bool ok = false;
    const qint64 last = trimmed.toLongLong(&ok);
    if (!ok || last == std::numeric_limits<qint64>::max())
        return 1;
    return last + 1;
}

// One client's stream. Child of its response, so it goes when the connection goes.
class DemoClient : public QObject
{
public:
    DemoClient(HttpResponseStream *response, int intervalMs, qint64 firstId)
        : QObject(response)
        , m_response(response)
        , m_intervalMs(intervalMs)
        , m_nextId(firstId)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &DemoClient::tick);
        connect(response, &HttpResponseStream::disconnected, this, [this] { m_timer.stop(); });
        connect(response, &HttpResponseStream::drained, this, [this] {
            if (m_paused && m_response && m_response->isConnected()) {
                m_paused = false;
                restartSchedule();
            }
        });
        m_sinceLastWrite.start();
        restartSchedule();
    }

private:
    void restartSchedule()
    {
        m_schedule.start();
        m_sentOnSchedule = 0;
        scheduleNextTick();
    }

    // Wakes up when the next event is due, or when the silence would reach the keep-alive time.
    void scheduleNextTick()
    {
        const qint64 nextEvent = (m_sentOnSchedule + 1) * m_intervalMs - m_schedule.elapsed();
        const qint64 keepAlive = KeepAliveMs - m_sinceLastWrite.elapsed();
        m_timer.start(int(qBound<qint64>(0, qMin(nextEvent, keepAlive), qint64(KeepAliveMs))));
    }

    void tick()
    {
        if (!m_response || !m_response->isConnected())
            return;
        // Every event that fell due since the last tick goes out now, so the rate holds even
        // when ticks come late or the interval is shorter than the timer can keep.
        qint64 due = m_schedule.elapsed() / m_intervalMs - m_sentOnSchedule;
        bool behind = false;
        if (due > MaxEventsPerTick) {
            due = MaxEventsPerTick;
            behind = true;
        }
        if (due > 0) {
            const QByteArray time =
                QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toLatin1();
            QByteArray bytes;
            bytes.reserve(due * (80 + time.size()));
            for (qint64 i = 0; i < due; ++i) {
                const QByteArray id = QByteArray::number(m_nextId++);
                bytes += "id: " + id + "\nevent: message\ndata: {\"count\": " + id
                    + ", \"time\": \"" + time + "\"}\n\n";
            }
            m_sentOnSchedule += due;
            m_response->write(bytes);
            m_sinceLastWrite.restart();
        } else if (m_sinceLastWrite.elapsed() >= KeepAliveMs) {
            m_response->write(": keep-alive\n\n");
            m_sinceLastWrite.restart();
        }
        if (!m_response)
            return;
        if (m_response->bytesToWrite() > HighWaterMark) {
            // A slow reader: wait for the socket to drain instead of queueing without bound,
            // then keep the pace from there.
            m_paused = true;
        } else if (behind) {
            restartSchedule();
        } else {
            scheduleNextTick();
        }
    }

    QPointer<HttpResponseStream> m_response;
    QTimer m_timer;
    QElapsedTimer m_schedule;
    QElapsedTimer m_sinceLastWrite;
    qint64 m_sentOnSchedule = 0;
    bool m_paused = false;
    const int m_intervalMs;
    qint64 m_nextId;
};

} // namespace

DemoStream::DemoStream(int intervalMs, QObject *parent)
    : QObject(parent)
    , m_intervalMs(qMax(1, intervalMs))
{
}

void DemoStream::attach(SseServer &server, const QString &path)
{
    const int intervalMs = m_intervalMs;
    server.route(path, [intervalMs](const HttpRequest &request, HttpResponseStream *response) {
        response->writeHead(200, {{"Content-Type", "text/event-stream"},
                                  {"Cache-Control", "no-cache"},
                                  {"Access-Control-Allow-Origin", "*"}});
        new DemoClient(response, intervalMs, firstId(request.header("Last-Event-ID")));
    });
}
