#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>

struct SseEvent;
class SeriesBuffer;
class StreamFieldStorePrivate;

// The plotted history of one stream: one SeriesBuffer per numeric field (created on first sight,
// kept in discovery order), timed by the receive time or by a timestamp field of the payload.
// Each payload is parsed once. Bounded: a point cap per series and a cap on the number of
// distinct fields.
//
// A field belongs to an event type: it is named by a key, fieldKey(type, path). Events of the
// default type "message" keep the plain path ("/count", "/cpu/load[0]", "/" for a bare number);
// other types prefix it ("alert:/latency_ms"). Numbers only: a numeric string ("12") is text.
class StreamFieldStore : public QObject
{
    Q_OBJECT

public:
    enum TimeSource { ReceiveTime, PayloadField };
    Q_ENUM(TimeSource)

    static constexpr int DefaultFieldCap = 256;

    explicit StreamFieldStore(QObject *parent = nullptr);
    ~StreamFieldStore() override;

    void addEvent(const SseEvent &event, qint64 receivedAtMs);
    void addEvents(const QList<SseEvent> &events, qint64 receivedAtMs); // one changed() for all
    // The same with a receive time for each event (as many as events).
    void addEvents(const QList<SseEvent> &events, const QList<qint64> &receivedAtMs);
    // Time spent taking events in (parsing payloads, appending samples) since the last call; not
    // what receivers of the signals spend.
    qint64 takeIngestNanoseconds();

    // The next sample of every series starts a new segment (see SeriesBuffer::markBreak()): the
    // connection changed, and a line must not join the samples either side. Emits nothing: what
    // is drawn changes with the next sample.
    void breakSeries();

    // The key of the field at `path` (as FieldExtractor names paths) of events of `type`: the
    // path itself for "message" (or no type), "<type>:<path>" for any other type.
    static QString fieldKey(const QString &type, const QString &path);
    // The event type and path of a key: ("message", key) for a plain path (one that begins with
    // "/" or "["); otherwise split at the first ":/" or ":[". So a type may hold ':', but one that
    // begins with '/' or '[', or holds ":/" or ":[", does not survive the round trip.
    static std::pair<QString, QString> splitFieldKey(const QString &key);

    // Derived series, named by their spec: "rate(/count)" (change per second, counter resets
    // handled), "avg(/count, 10s)" (moving average over a time), "diff(/a, /b)" and
    // "ratio(/a, /b)" (two fields of this stream); DerivedSeries says how each is computed. A
    // source is any key of this store, typed or derived ("avg(rate(/count), 1m)" adds
    // "rate(/count)" too), seen yet or not (the series fills once it is). A derived series is a
    // field like any other: listed in fieldPaths() (fieldDiscovered() when added), with a
    // buffer() of its own under the point cap, computed from what its sources hold when added
    // and then incrementally as samples arrive, cut by breakSeries(), emptied by clearSamples()
    // and computed again when the owner feeds the events again. It does not count towards the
    // field cap. The key is the spec's canonical spelling (DerivedSpec::key()); hasField() and
    // buffer() answer to any spelling of it.
    // False with `error` for a spec that does not parse; true (and nothing new) for one held.
    bool addDerived(const QString &spec, QString *error = nullptr);
    // Removes a derived series and every derived series built on it (they could never fill
    // again); false for a plain field or a key not held.
    bool removeDerived(const QString &key);
    QStringList derivedKeys() const; // in the order added: every source before its dependents
    // Whether `key` is a valid derived spec ("/f(x)" and "foo(/x)" are not).
    static bool isDerivedKey(const QString &key);

    // Keys of the numeric fields, in discovery order. Booleans are fields (0 and 1).
    QStringList fieldPaths() const;
    int fieldCount() const;
    bool hasField(const QString &key) const;
    // Lives as long as the store; nullptr for a key never seen.
    const SeriesBuffer *buffer(const QString &key) const;
    // Samples held and dropped over every field.
    qint64 sampleCount() const;
    qint64 droppedSampleCount() const;
    // The first and last sample time over every field, on the clock in use; nullopt when empty.
    std::optional<std::pair<qint64, qint64>> timeSpan() const;

    // Keys of the string or number fields whose values read as timestamps ("/time",
    // "metrics:/ts"), in discovery order.
    QStringList timestampCandidates() const;

    // Changing the time source clears the samples held and the fallback count (fields stay
    // known): times from two clocks do not belong on one axis. The owner replots from its capture
    // by feeding the events again, with their receive times and breakSeries() where they were.
    // A payload field times the events of its own type only (the type of its key); events of
    // other types keep their receive time.
    void setTimeSource(TimeSource source, const QString &payloadKey = QString());
    TimeSource timeSource() const;
    QString timeFieldPath() const; // the key; empty for ReceiveTime
    // Events of the time field's type timed by their receive time because the field was missing
    // or unreadable.
    qint64 timeFallbackCount() const;
    // The newest event's plotted time minus its receive time (0 for ReceiveTime): where "now" is
    // on this stream's time axis, for a payload clock that is not the local one (a replay).
    qint64 clockOffsetMs() const;

    void setPointCap(qsizetype cap); // for every series, present and future
    qsizetype pointCap() const;

    void setFieldCap(int cap); // fields already known stay
    int fieldCap() const;
    // Samples of new paths ignored because the field cap was reached.
    qint64 ignoredFieldSampleCount() const;

    qint64 eventCount() const; // every event added since construction
    void clearSamples(); // history only (and the fallback count); fields and candidates stay known

Q_SIGNALS:
    void fieldDiscovered(const QString &key);
    void timestampCandidateDiscovered(const QString &key);
    void timeSourceChanged(StreamFieldStore::TimeSource source, const QString &payloadKey);
    void pointCapChanged(qsizetype cap);
    void changed();

private:
    std::unique_ptr<StreamFieldStorePrivate> d;
};
