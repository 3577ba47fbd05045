#include "StreamFieldStore.h"

#include "FieldExtractor.h"
#include "SeriesBuffer.h"
#include "SseEvent.h"

#include <QHash>
#include <QJsonValue>
#include <QSet>

#include <utility>
#include <vector>

namespace {

// A number or string is offered as a time axis only when it reads as a time between 1990 and
// 2200: a counter's small values read as epoch seconds too, and are not timestamps.
constexpr qint64 EarliestCandidateMs = 631'152'000'000;
constexpr qint64 LatestCandidateMs = 7'258'118'400'000;

} // namespace

class StreamFieldStorePrivate
{
public:
    struct Field
    {
        QString path;
        std::unique_ptr<SeriesBuffer> buffer;
        bool timeChecked = false; // examined as a timestamp candidate
    };

    void ingest(const SseEvent &event, qint64 receivedAtMs);
    void visit(const QString &path, const QJsonValue &value);
    void considerCandidate(const QString &path, const QJsonValue &value, bool *checked);

    std::vector<Field> fields;
    QHash<QString, int> fieldIndex;
    QStringList candidates;
    QSet<QString> checkedTextPaths; // strings examined as timestamp candidates
    StreamFieldStore::TimeSource timeSource = StreamFieldStore::ReceiveTime;
    QString timePath;
    qsizetype pointCap = SeriesBuffer::DefaultCapacity;
    int fieldCap = StreamFieldStore::DefaultFieldCap;
    qint64 fallbacks = 0;
    qint64 ignoredSamples = 0;
    qint64 events = 0;
    qint64 clockOffset = 0;

    // Per event, reused so that the hot path allocates nothing once warmed up.
    std::vector<std::pair<int, double>> pending;
    std::optional<qint64> payloadTime;
    QStringList newFields;
    QStringList newCandidates;
};

void StreamFieldStorePrivate::considerCandidate(const QString &path, const QJsonValue &value, bool *checked)
{
    const std::optional<qint64> ms = FieldExtractor::timestampMs(value);
    if (!ms || *ms < EarliestCandidateMs || *ms >= LatestCandidateMs)
        return;
    *checked = true;
    if (!candidates.contains(path)) {
        candidates.append(path);
        newCandidates.append(path);
    }
}

void StreamFieldStorePrivate::visit(const QString &path, const QJsonValue &value)
{
    if (timeSource == StreamFieldStore::PayloadField && !payloadTime && path == timePath)
        payloadTime = FieldExtractor::timestampMs(value);

    if (value.isString()) {
        // Only text that once read as a time is looked at again; other text is not plotted.
        // Empty text says nothing yet, so it does not count as examined.
        if (checkedTextPaths.contains(path) || checkedTextPaths.size() >= 4 * fieldCap
            || value.toString().isEmpty())
            return;
        checkedTextPaths.insert(path);
        bool candidate = false;
        considerCandidate(path, value, &candidate);
        return;
    }

    const double number = value.isBool() ? (value.toBool() ? 1.0 : 0.0) : value.toDouble();
    const auto it = fieldIndex.constFind(path);
    int index;
    if (it != fieldIndex.constEnd()) {
        index = it.value();
    } else {
        if (int(fields.size()) >= fieldCap) {
            ++ignoredSamples;
            return;
        }
        index = int(fields.size());
        Field field;
        field.path = path;
        field.buffer = std::make_unique<SeriesBuffer>(pointCap);
        fieldIndex.insert(field.path, index);
        newFields.append(field.path);
        fields.push_back(std::move(field));
    }
    Field &field = fields[std::size_t(index)];
    if (!field.timeChecked && !value.isBool()) {
        bool candidate = false;
        considerCandidate(path, value, &candidate);
        field.timeChecked = true;
    }
    pending.emplace_back(index, number);
}

void StreamFieldStorePrivate::ingest(const SseEvent &event, qint64 receivedAtMs)
{
    ++events;
    pending.clear();
    payloadTime.reset();
    if (const std::optional<QJsonValue> root = FieldExtractor::parse(event.data.toUtf8())) {
        FieldExtractor::forEachLeaf(*root, [this](const QString &path, const QJsonValue &value) {
            visit(path, value);
        });
    }
    qint64 time = receivedAtMs;
    if (timeSource == StreamFieldStore::PayloadField) {
        if (payloadTime) {
            time = *payloadTime;
            clockOffset = time - receivedAtMs;
        } else {
            ++fallbacks;
        }
    }
    for (const auto &[index, value] : pending)
        fields[std::size_t(index)].buffer->append(time, value);
}

StreamFieldStore::StreamFieldStore(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<StreamFieldStorePrivate>())
{
    d->pending.reserve(64);
}

StreamFieldStore::~StreamFieldStore() = default;

void StreamFieldStore::addEvent(const SseEvent &event, qint64 receivedAtMs)
{
    d->ingest(event, receivedAtMs);
    const QStringList fields = std::exchange(d->newFields, {});
    const QStringList candidates = std::exchange(d->newCandidates, {});
    for (const QString &path : fields)
        Q_EMIT fieldDiscovered(path);
    for (const QString &path : candidates)
        Q_EMIT timestampCandidateDiscovered(path);
    Q_EMIT changed();
}

void StreamFieldStore::addEvents(const QList<SseEvent> &events, qint64 receivedAtMs)
{
    if (events.isEmpty())
        return;
    for (const SseEvent &event : events)
        d->ingest(event, receivedAtMs);
    const QStringList fields = std::exchange(d->newFields, {});
    const QStringList candidates = std::exchange(d->newCandidates, {});
    for (const QString &path : fields)
        Q_EMIT fieldDiscovered(path);
    for (const QString &path : candidates)
        Q_EMIT timestampCandidateDiscovered(path);
    Q_EMIT changed();
}

QStringList StreamFieldStore::fieldPaths() const
{
    QStringList paths;
    paths.reserve(qsizetype(d->fields.size()));
    for (const auto &field : d->fields)
        paths.append(field.path);
    return paths;
}

int StreamFieldStore::fieldCount() const
{
    return int(d->fields.size());
}

bool StreamFieldStore::hasField(const QString &path) const
{
    return d->fieldIndex.contains(path);
}

const SeriesBuffer *StreamFieldStore::buffer(const QString &path) const
{
    const auto it = d->fieldIndex.constFind(path);
    return it == d->fieldIndex.constEnd() ? nullptr : d->fields[std::size_t(it.value())].buffer.get();
}

QStringList StreamFieldStore::timestampCandidates() const
{
    return d->candidates;
}

void StreamFieldStore::setTimeSource(TimeSource source, const QString &payloadPath)
{
    const QString path = source == PayloadField ? payloadPath : QString();
    if (source == PayloadField && path.isEmpty())
        return setTimeSource(ReceiveTime);
    if (source == d->timeSource && path == d->timePath)
        return;
    d->timeSource = source;
    d->timePath = path;
    d->clockOffset = 0;
    for (auto &field : d->fields)
        field.buffer->clear();
    Q_EMIT timeSourceChanged(source, path);
    Q_EMIT changed();
}

StreamFieldStore::TimeSource StreamFieldStore::timeSource() const
{
    return d->timeSource;
}

QString StreamFieldStore::timeFieldPath() const
{
    return d->timePath;
}

qint64 StreamFieldStore::timeFallbackCount() const
{
    return d->fallbacks;
}

qint64 StreamFieldStore::clockOffsetMs() const
{
    return d->clockOffset;
}

void StreamFieldStore::setPointCap(qsizetype cap)
{
    cap = qMax<qsizetype>(1, cap);
    if (cap == d->pointCap)
        return;
    d->pointCap = cap;
    for (auto &field : d->fields)
        field.buffer->setCapacity(cap);
    Q_EMIT pointCapChanged(cap);
    Q_EMIT changed();
}

qsizetype StreamFieldStore::pointCap() const
{
    return d->pointCap;
}

void StreamFieldStore::setFieldCap(int cap)
{
    d->fieldCap = qMax(0, cap);
}

int StreamFieldStore::fieldCap() const
{
    return d->fieldCap;
}

qint64 StreamFieldStore::ignoredFieldSampleCount() const
{
    return d->ignoredSamples;
}

qint64 StreamFieldStore::eventCount() const
{
    return d->events;
}

void StreamFieldStore::clearSamples()
{
    for (auto &field : d->fields)
        field.buffer->clear();
    Q_EMIT changed();
}
