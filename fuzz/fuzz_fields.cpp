// JSON payloads into the field reading: simdjson's fast path (extract()) must give exactly the
// samples that Qt's reading (parse() and forEachLeaf()) gives, in the same order with the same paths.
#include "FieldExtractor.h"
#include "FuzzInput.h"

#include <QJsonValue>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView payload = FuzzInput::bytes(data, size);
    const QList<FieldSample> fast = FieldExtractor::extract(payload);
    const std::optional<QJsonValue> root = FieldExtractor::parse(payload.toByteArray());
    if (!root || !(root->isObject() || root->isArray()))
        return 0; // bare scalars and non-JSON numbers have rules of their own (tst_fieldextractor)
    QList<FieldSample> qt;
    FieldExtractor::forEachLeaf(*root, [&](const QString &path, const QJsonValue &value) {
        if (value.isDouble())
            qt.append({path, value.toDouble()});
        else if (value.isBool())
            qt.append({path, value.toBool() ? 1.0 : 0.0});
    });
    if (fast != qt)
        std::abort();
    for (const FieldSample &sample : fast)
        (void)FieldExtractor::valueAt(payload, sample.path);
    return 0;
}
