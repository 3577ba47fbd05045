#pragma once

#include "AlertMonitor.h"

#include <QHash>
#include <QList>
#include <QString>

class StreamFieldStore;

// Hands an AlertMonitor the samples its field rules read, from a stream's field store: the new
// samples of each field since the last collect(), in order. Derived series that rules name are
// added to the store. Samples replotted after the store was cleared (a new time axis) are not new.
class AlertFieldFeed
{
public:
    AlertFieldFeed(StreamFieldStore *store, AlertMonitor *monitor);

    // Feeds the new samples, timed `nowMs` unless the store is timed by the receive time (then by
    // the sample's own time), and returns the transitions they caused.
    QList<AlertTransition> collect(qint64 nowMs);

private:
    StreamFieldStore *m_store;
    AlertMonitor *m_monitor;
    QHash<QString, qint64> m_seen; // per key: samples appended so far (dropped + held)
};
