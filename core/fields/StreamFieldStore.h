#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

struct SseEvent;
class SeriesBuffer;
class StreamFieldStorePrivate;

// The plotted history of one stream: one SeriesBuffer per numeric field path (created on first
// sight, kept in discovery order), timed by the receive time or by a timestamp field of the
// payload. Each payload is parsed once. Bounded: a point cap per series and a cap on the number
// of distinct fields.
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

    // Numeric fields ("/count", "/cpu/load[0]", "/" for a bare number), in discovery order.
    QStringList fieldPaths() const;
    int fieldCount() const;
    bool hasField(const QString &path) const;
    // Lives as long as the store; nullptr for a path never seen.
    const SeriesBuffer *buffer(const QString &path) const;

    // String or number fields whose values read as timestamps ("/time"), in discovery order.
    QStringList timestampCandidates() const;

    // Changing the time source clears the samples held (fields stay known): times from two
    // clocks do not belong on one axis.
    void setTimeSource(TimeSource source, const QString &payloadPath = QString());
    TimeSource timeSource() const;
    QString timeFieldPath() const; // empty for ReceiveTime
    // Events timed by their receive time because the chosen field was missing or unreadable.
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

    qint64 eventCount() const;
    void clearSamples(); // history only; fields and candidates stay known

Q_SIGNALS:
    void fieldDiscovered(const QString &path);
    void timestampCandidateDiscovered(const QString &path);
    void timeSourceChanged(StreamFieldStore::TimeSource source, const QString &payloadPath);
    void pointCapChanged(qsizetype cap);
    void changed();

private:
    std::unique_ptr<StreamFieldStorePrivate> d;
};
