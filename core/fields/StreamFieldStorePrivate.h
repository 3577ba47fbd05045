#pragma once

#include "DerivedSeries.h"
#include "JsonLeafScanner.h"
#include "SeriesBuffer.h"
#include "StreamFieldStore.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <array>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QJsonValue;
struct SseEvent;

// The insides of a StreamFieldStore, shared by its sources: the fields, and the derived series.

class StreamFieldStorePrivate
{
public:
    struct Field
    {
        QString key;
        std::unique_ptr<SeriesBuffer> buffer;
        bool timeChecked = false; // examined as a timestamp candidate
        qint64 stamp = -1;        // the event that gave the newest sample
        double last = 0;          // that sample's value
    };

    // A derived series: its own field, and its sources' fields (-1: not seen yet). Held in the
    // order added, which puts every derived source before the series built on it.
    struct Derived
    {
        DerivedSeries series;
        int field;
        std::array<int, 2> sources;
    };

    void ingest(const SseEvent &event, qint64 receivedAtMs);
    void visit(const QString &key, const JsonLeaf &leaf);
    void considerCandidate(const QString &key, const QJsonValue &value, bool *checked);
    void clearSamples();
    void computeDerived(qint64 time);
    void resolveSources(const QString &key, int index);
    void backfill(Derived &entry);
    int find(const QString &key) const;
    void removeFields(const std::vector<bool> &removed);
    int plainFieldCount() const { return int(fields.size() - derived.size()); }

    std::vector<Field> fields;
    std::vector<Derived> derived;
    int unresolvedSources = 0;
    QHash<QString, int> fieldIndex;
    QStringList candidates;
    QSet<QString> checkedTextKeys; // strings examined as timestamp candidates
    StreamFieldStore::TimeSource timeSource = StreamFieldStore::ReceiveTime;
    QString timeKey;
    QString timeType; // the event type timeKey belongs to
    qsizetype pointCap = SeriesBuffer::DefaultCapacity;
    int fieldCap = StreamFieldStore::DefaultFieldCap;
    qint64 fallbacks = 0;
    qint64 ignoredSamples = 0;
    qint64 events = 0;
    qint64 ingestNs = 0; // time in addEvents() loops, for the display tick's budget
    qint64 clockOffset = 0;

    // Per event, reused so that the hot path allocates nothing once warmed up.
    std::vector<std::pair<int, double>> pending;
    std::optional<qint64> payloadTime;
    JsonLeafScanner scanner;
    QByteArray utf8Payload; // the event's data as UTF-8, in a buffer kept between events
    bool timedByPayload = false; // this event is of the time field's type
    QString typedKey;            // "<type>:" + path, for events of other types than "message"
    qsizetype prefixLength = 0;
    QStringList newFields;
    QStringList newCandidates;
};
