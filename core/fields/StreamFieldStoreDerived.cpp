#include "StreamFieldStore.h"

#include "DerivedSeries.h"
#include "SeriesBuffer.h"
#include "StreamFieldStorePrivate.h"

#include <cmath>

// The derived series of a StreamFieldStore.

void StreamFieldStorePrivate::computeDerived(qint64 time)
{
    const auto sample = [this](int source) -> std::optional<double> {
        if (source < 0)
            return std::nullopt;
        const Field &field = fields[std::size_t(source)];
        return field.stamp == events ? std::optional(field.last) : std::nullopt;
    };
    // In the order added, so a derived source has its sample of this event before it is used.
    for (Derived &entry : derived) {
        const std::optional<double> first = sample(entry.sources[0]);
        const std::optional<double> second = sample(entry.sources[1]);
        if (!first && !second)
            continue;
        const std::optional<double> value = entry.series.feed(time, first, second);
        if (!value || !std::isfinite(*value))
            continue;
        Field &field = fields[std::size_t(entry.field)];
        field.buffer->append(time, *value);
        field.stamp = events;
        field.last = *value;
    }
}

void StreamFieldStorePrivate::resolveSources(const QString &key, int index)
{
    for (Derived &entry : derived) {
        for (qsizetype i = 0; i < entry.series.spec().sources.size(); ++i) {
            if (entry.sources[std::size_t(i)] < 0 && entry.series.spec().sources.at(i) == key) {
                entry.sources[std::size_t(i)] = index;
                --unresolvedSources;
            }
        }
    }
}

void StreamFieldStorePrivate::backfill(Derived &entry)
{
    const auto source = [this](int index) {
        return index < 0 ? nullptr : fields[std::size_t(index)].buffer.get();
    };
    entry.series.replay(source(entry.sources[0]), source(entry.sources[1]),
                        *fields[std::size_t(entry.field)].buffer);
}

int StreamFieldStorePrivate::find(const QString &key) const
{
    const auto it = fieldIndex.constFind(key);
    if (it != fieldIndex.constEnd())
        return it.value();
    if (derived.empty() || !DerivedSpec::looksLikeSpec(key))
        return -1;
    // A derived series answers to every spelling of its spec.
    const std::optional<DerivedSpec> spec = DerivedSpec::parse(key);
    return spec ? fieldIndex.value(spec->key(), -1) : -1;
}

void StreamFieldStorePrivate::removeFields(const std::vector<bool> &removed)
{
    std::vector<int> moved(fields.size(), -1);
    std::vector<Field> kept;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (removed[i])
            continue;
        moved[i] = int(kept.size());
        kept.push_back(std::move(fields[i]));
    }
    fields = std::move(kept);
    std::vector<Derived> keptDerived;
    for (Derived &entry : derived) {
        if (removed[std::size_t(entry.field)])
            continue;
        entry.field = moved[std::size_t(entry.field)];
        for (int &source : entry.sources)
            source = source < 0 ? -1 : moved[std::size_t(source)];
        keptDerived.push_back(std::move(entry));
    }
    derived = std::move(keptDerived);
    fieldIndex.clear();
    for (std::size_t i = 0; i < fields.size(); ++i)
        fieldIndex.insert(fields[i].key, int(i));
    unresolvedSources = 0;
    for (const Derived &entry : derived) {
        for (qsizetype i = 0; i < entry.series.spec().sources.size(); ++i)
            unresolvedSources += entry.sources[std::size_t(i)] < 0 ? 1 : 0;
    }
}

bool StreamFieldStore::addDerived(const QString &spec, QString *error)
{
    const std::optional<DerivedSpec> parsed = DerivedSpec::parse(spec, error);
    if (!parsed)
        return false;
    const QString key = parsed->key();
    if (d->fieldIndex.contains(key))
        return true;
    // A derived source is added with the series built on it.
    for (const QString &source : parsed->sources) {
        if (DerivedSpec::looksLikeSpec(source) && !addDerived(source, error))
            return false;
    }
    const int index = int(d->fields.size());
    StreamFieldStorePrivate::Field field;
    field.key = key;
    field.buffer = std::make_unique<SeriesBuffer>(d->pointCap);
    d->fieldIndex.insert(key, index);
    d->fields.push_back(std::move(field));
    StreamFieldStorePrivate::Derived entry{DerivedSeries(*parsed), index, {-1, -1}};
    for (qsizetype i = 0; i < parsed->sources.size(); ++i) {
        entry.sources[std::size_t(i)] = d->fieldIndex.value(parsed->sources.at(i), -1);
        if (entry.sources[std::size_t(i)] < 0)
            ++d->unresolvedSources;
    }
    d->backfill(entry);
    d->derived.push_back(std::move(entry));
    Q_EMIT fieldDiscovered(key);
    Q_EMIT changed();
    return true;
}

bool StreamFieldStore::removeDerived(const QString &key)
{
    const int index = d->find(key);
    if (index < 0)
        return false;
    // The series built on it go too: without their source they would never fill again.
    std::vector<bool> removed(d->fields.size(), false);
    bool found = false;
    for (const auto &entry : d->derived) {
        bool drop = entry.field == index;
        for (int source : entry.sources)
            drop = drop || (source >= 0 && removed[std::size_t(source)]);
        removed[std::size_t(entry.field)] = drop;
        found = found || entry.field == index;
    }
    if (!found)
        return false;
    d->removeFields(removed);
    Q_EMIT changed();
    return true;
}

QStringList StreamFieldStore::derivedKeys() const
{
    QStringList keys;
    keys.reserve(qsizetype(d->derived.size()));
    for (const auto &entry : d->derived)
        keys.append(d->fields[std::size_t(entry.field)].key);
    return keys;
}

bool StreamFieldStore::isDerivedKey(const QString &key)
{
    return DerivedSpec::looksLikeSpec(key) && DerivedSpec::parse(key).has_value();
}
