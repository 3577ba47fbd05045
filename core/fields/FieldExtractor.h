#pragma once

#include <QByteArrayView>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

// One numeric value found in an event's data, named by its JSON path.
struct FieldSample
{
    QString path; // "/count", "/cpu/load[0]"; "/" for a payload that is a bare number
    double value = 0;

    friend bool operator==(const FieldSample &, const FieldSample &) = default;
};

// Turns event payloads into named numbers, as PlotJuggler names them by path.
namespace FieldExtractor {

// Every numeric leaf of a JSON payload (object keys in sorted order); booleans count as 0 and 1. A payload
// that is not JSON but reads as a number gives one sample at "/". Anything else gives none.
// Values are doubles: an integer beyond 2^53 (a nanosecond timestamp) is held as the nearest one.
// Strings are text, even numeric ones ("12", "NaN"): never samples (timestampMs() still reads them).
// Elements of a top-level array are "[0]", "[1]"... In keys, "~", "/" and "[" are written "~0", "~1"
// and "~2", so that every path names exactly one value.
QList<FieldSample> extract(QByteArrayView utf8Payload);

// The payload as one JSON value: an object, an array, a scalar, or a number for non-JSON text that
// reads as one. Nothing for anything else.
std::optional<QJsonValue> parse(const QByteArray &utf8Payload);

// Calls visit(path, value) for every number, boolean and string leaf of a parsed payload, in
// extract()'s order and with its paths. The path is valid during the call only (one buffer is
// reused, so that no string is built per leaf).
void forEachLeaf(const QJsonValue &root, const std::function<void(const QString &path, const QJsonValue &value)> &visit);

// The value at `path` (as extract() names paths), if there is one.
std::optional<QJsonValue> valueAt(QByteArrayView utf8Payload, const QString &path);

// A timestamp in milliseconds since the epoch from an ISO-8601 string (local time when it names no
// offset) or a number, or numeric string, of epoch seconds; numbers too large to be seconds are read
// as milliseconds, then microseconds, then nanoseconds. Nothing for anything else or out of range.
std::optional<qint64> timestampMs(const QJsonValue &value);

} // namespace FieldExtractor
