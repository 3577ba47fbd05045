#include "StreamFieldStore.h"

#include "FieldExtractor.h"
#include "SeriesBuffer.h"
#include "SseEvent.h"
#include "StreamFieldStorePrivate.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonValue>
#include <QSet>
#include <QStringEncoder>

#include <cmath>
#include <utility>
#include <vector>

namespace {

// A number or string is offered as a time axis only when it reads as a time between 1990 and
// 2200: a counter's small values read as epoch seconds too, and are not timestamps.
constexpr qint64 EarliestCandidateMs = 631'152'000'000;
constexpr qint64 LatestCandidateMs = 7'258'118'400'000;

const QString DefaultType = QStringLiteral("message");

// A copy that shares no data with `text`, for keys built in a reused buffer: storing a shared
// copy would make the buffer's next change allocate.
QString ownCopy(const QString &text)
{
    return QString(text.constData(), text.size());
}

} // namespace


void StreamFieldStorePrivate::considerCandidate(const QString &key, const QJsonValue &value, bool *checked)
{
    const std::optional<qint64> ms = FieldExtractor::timestampMs(value);
    if (!ms || *ms < EarliestCandidateMs || *ms >= LatestCandidateMs)
        return;
    *checked = true;
    if (!candidates.contains(key)) {
        const QString stored = ownCopy(key);
        candidates.append(stored);
        newCandidates.append(stored);
    }
}

void StreamFieldStorePrivate::visit(const QString &key, const JsonLeaf &leaf)
{
    if (timedByPayload && !payloadTime && key == timeKey)
        payloadTime = FieldExtractor::timestampMs(leaf.toJsonValue());

    if (leaf.isString()) {
        // Only text that once read as a time is looked at again; other text is not plotted.
        // Empty text says nothing yet, so it does not count as examined.
        if (checkedTextKeys.contains(key) || checkedTextKeys.size() >= 4 * fieldCap
            || leaf.utf8Text.isEmpty())
            return;
        checkedTextKeys.insert(ownCopy(key));
        bool candidate = false;
        considerCandidate(key, leaf.toJsonValue(), &candidate);
        return;
    }

    const double number = leaf.number;
    const auto it = fieldIndex.constFind(key);
    int index;
    if (it != fieldIndex.constEnd()) {
        index = it.value();
    } else {
        if (plainFieldCount() >= fieldCap) {
            ++ignoredSamples;
            return;
        }
        index = int(fields.size());
        Field field;
        field.key = ownCopy(key);
        field.buffer = std::make_unique<SeriesBuffer>(pointCap);
        fieldIndex.insert(field.key, index);
        newFields.append(field.key);
        fields.push_back(std::move(field));
        if (unresolvedSources > 0)
            resolveSources(key, index);
    }
    Field &field = fields[std::size_t(index)];
    if (!field.timeChecked && !leaf.isBool()) {
        bool candidate = false;
        considerCandidate(key, leaf.toJsonValue(), &candidate);
        field.timeChecked = true;
    }
    pending.emplace_back(index, number);
}

void StreamFieldStorePrivate::ingest(const SseEvent &event, qint64 receivedAtMs)
{
    ++events;
    pending.clear();
    payloadTime.reset();
    const bool defaultType = event.type.isEmpty() || event.type == DefaultType;
    timedByPayload = timeSource == StreamFieldStore::PayloadField
                     && (defaultType ? timeType == DefaultType : event.type == timeType);
    // Encoded into a buffer kept between events: no allocation per event once it is large enough.
    utf8Payload.resize(event.data.size() * 3);
    char *end = QStringEncoder(QStringEncoder::Utf8).appendToBuffer(utf8Payload.data(), event.data);
    const QByteArrayView payload(utf8Payload.constData(), end - utf8Payload.constData());
    if (defaultType) {
        scanner.scan(payload, [this](const QString &path, const JsonLeaf &leaf) { visit(path, leaf); });
    } else {
        if (prefixLength != event.type.size() + 1 || !typedKey.startsWith(event.type)) {
            typedKey = event.type + QLatin1Char(':');
            prefixLength = typedKey.size();
        }
        scanner.scan(payload, [this](const QString &path, const JsonLeaf &leaf) {
            typedKey.truncate(prefixLength);
            typedKey += path;
            visit(typedKey, leaf);
        });
    }
    qint64 time = receivedAtMs;
    if (timedByPayload) {
        if (payloadTime) {
            time = *payloadTime;
            clockOffset = time - receivedAtMs;
        } else {
            ++fallbacks;
        }
    }
    for (const auto &[index, value] : pending) {
        if (!std::isfinite(value))
            continue;
        Field &field = fields[std::size_t(index)];
        field.buffer->append(time, value);
        field.stamp = events;
        field.last = value;
    }
    if (!derived.empty())
        computeDerived(time);
}

void StreamFieldStorePrivate::clearSamples()
{
    for (auto &field : fields)
        field.buffer->clear();
    for (auto &entry : derived)
        entry.series.reset();
    fallbacks = 0;
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
    addEvents(events, QList<qint64>(events.size(), receivedAtMs));
}

void StreamFieldStore::addEvents(const QList<SseEvent> &events, const QList<qint64> &receivedAtMs)
{
    Q_ASSERT(events.size() == receivedAtMs.size());
    if (events.isEmpty())
        return;
    QElapsedTimer timer;
    timer.start();
    for (qsizetype i = 0; i < events.size(); ++i)
        d->ingest(events.at(i), receivedAtMs.at(i));
    d->ingestNs += timer.nsecsElapsed();
    const QStringList fields = std::exchange(d->newFields, {});
    const QStringList candidates = std::exchange(d->newCandidates, {});
    for (const QString &path : fields)
        Q_EMIT fieldDiscovered(path);
    for (const QString &path : candidates)
        Q_EMIT timestampCandidateDiscovered(path);
    Q_EMIT changed();
}

qint64 StreamFieldStore::takeIngestNanoseconds()
{
    return std::exchange(d->ingestNs, 0);
}

void StreamFieldStore::breakSeries()
{
    for (auto &field : d->fields)
        field.buffer->markBreak();
    for (auto &entry : d->derived)
        entry.series.reset();
}

QString StreamFieldStore::fieldKey(const QString &type, const QString &path)
{
    if (type.isEmpty() || type == DefaultType)
        return path;
    return type + QLatin1Char(':') + path;
}

std::pair<QString, QString> StreamFieldStore::splitFieldKey(const QString &key)
{
    if (key.startsWith(QLatin1Char('/')) || key.startsWith(QLatin1Char('[')))
        return {DefaultType, key};
    for (qsizetype colon = key.indexOf(QLatin1Char(':')); colon >= 0 && colon + 1 < key.size();
         colon = key.indexOf(QLatin1Char(':'), colon + 1)) {
        const QChar next = key.at(colon + 1);
        if (next == QLatin1Char('/') || next == QLatin1Char('['))
            return {key.left(colon), key.mid(colon + 1)};
    }
    return {DefaultType, key};
}

QStringList StreamFieldStore::fieldPaths() const
{
    QStringList keys;
    keys.reserve(qsizetype(d->fields.size()));
    for (const auto &field : d->fields)
        keys.append(field.key);
    return keys;
}

int StreamFieldStore::fieldCount() const
{
    return int(d->fields.size());
}

bool StreamFieldStore::hasField(const QString &key) const
{
    return d->find(key) >= 0;
}

const SeriesBuffer *StreamFieldStore::buffer(const QString &key) const
{
    const int index = d->find(key);
    return index < 0 ? nullptr : d->fields[std::size_t(index)].buffer.get();
}

qint64 StreamFieldStore::sampleCount() const
{
    qint64 total = 0;
    for (const auto &field : d->fields)
        total += field.buffer->size();
    return total;
}

qint64 StreamFieldStore::droppedSampleCount() const
{
    qint64 total = 0;
    for (const auto &field : d->fields)
        total += field.buffer->droppedCount();
    return total;
}

std::optional<std::pair<qint64, qint64>> StreamFieldStore::timeSpan() const
{
    std::optional<std::pair<qint64, qint64>> span;
    for (const auto &field : d->fields) {
        if (field.buffer->isEmpty())
            continue;
        const qint64 first = field.buffer->firstTime();
        const qint64 last = field.buffer->lastTime();
        span = span ? std::pair(std::min(span->first, first), std::max(span->second, last)) : std::pair(first, last);
    }
    return span;
}

QStringList StreamFieldStore::timestampCandidates() const
{
    return d->candidates;
}

void StreamFieldStore::setTimeSource(TimeSource source, const QString &payloadKey)
{
    const QString key = source == PayloadField ? payloadKey : QString();
    if (source == PayloadField && key.isEmpty())
        return setTimeSource(ReceiveTime);
    if (source == d->timeSource && key == d->timeKey)
        return;
    d->timeSource = source;
    d->timeKey = key;
    d->timeType = key.isEmpty() ? QString() : splitFieldKey(key).first;
    d->clockOffset = 0;
    d->clearSamples();
    Q_EMIT timeSourceChanged(source, key);
    Q_EMIT changed();
}

StreamFieldStore::TimeSource StreamFieldStore::timeSource() const
{
    return d->timeSource;
}

QString StreamFieldStore::timeFieldPath() const
{
    return d->timeKey;
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
    d->clearSamples();
    Q_EMIT changed();
}
