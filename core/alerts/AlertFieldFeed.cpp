#include "AlertFieldFeed.h"

#include "SeriesBuffer.h"
#include "StreamFieldStore.h"

namespace {

qint64 appended(const SeriesBuffer &buffer)
{
    return buffer.droppedCount() + buffer.size();
}

} // namespace

AlertFieldFeed::AlertFieldFeed(StreamFieldStore *store, AlertMonitor *monitor)
    : m_store(store)
    , m_monitor(monitor)
{
    const QStringList keys = monitor->fieldKeys();
    for (const QString &key : keys) {
        if (StreamFieldStore::isDerivedKey(key))
            store->addDerived(key);
        // Samples held before the rules were set are history, not news.
        if (const SeriesBuffer *buffer = store->buffer(key))
            m_seen.insert(key, appended(*buffer));
    }
}

// Counting is enough, clears included: a replot feeds the store the captured events again in
// their order, so what it appends beyond the count seen before the clear is exactly the events
// that came since (or fewer, when the capture dropped old ones), never one that was fed already.
QList<AlertTransition> AlertFieldFeed::collect(qint64 nowMs)
{
    QList<AlertTransition> transitions;
    const bool ownTime = m_store->timeSource() == StreamFieldStore::ReceiveTime;
    const QStringList keys = m_monitor->fieldKeys();
    for (const QString &key : keys) {
        const SeriesBuffer *buffer = m_store->buffer(key);
        if (!buffer)
            continue;
        const qint64 total = appended(*buffer);
        qint64 &seen = m_seen[key];
        // Samples that fell out under the point cap before they were seen are gone.
        const qsizetype fresh = qsizetype(qBound<qint64>(0, total - seen, buffer->size()));
        seen = total;
        for (qsizetype i = buffer->size() - fresh; i < buffer->size(); ++i) {
            const qint64 timeMs = ownTime ? buffer->timeAt(i) : nowMs;
            transitions += m_monitor->sample(key, buffer->valueAt(i), timeMs);
        }
    }
    return transitions;
}
