#include "FieldExtractor.h"

#include "JsonLeafScanner.h"
#include "JsonPath.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>
#include <limits>

namespace {

// The magnitude below which an epoch number is read in each unit. Seconds stay below 1e11 until
// the year 5138; milliseconds pass 1e11 in 1973, microseconds pass 1e14 in 1973, and so on.
constexpr double LargestEpochSeconds = 1e11;
constexpr double LargestEpochMilliseconds = 1e14;
constexpr double LargestEpochMicroseconds = 1e17;
// ECMAScript's (and QDateTime's usable) range: 10^8 days either side of the epoch.
constexpr double LargestTimestampMs = 8.64e15;

const QString RootPath = QStringLiteral("/");

std::optional<QString> unescapedKey(QStringView text)
{
    if (!text.contains(QLatin1Char('~')))
        return text.toString();
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('~')) {
            out += text.at(i);
            continue;
        }
        if (++i == text.size())
            return std::nullopt;
        switch (text.at(i).unicode()) {
        case '0': out += QLatin1Char('~'); break;
        case '1': out += QLatin1Char('/'); break;
        case '2': out += QLatin1Char('['); break;
        default: return std::nullopt;
        }
    }
    return out;
}

std::optional<QJsonValue> parseBytes(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error == QJsonParseError::NoError) {
        if (document.isObject())
            return QJsonValue(document.object());
        if (document.isArray())
            return QJsonValue(document.array());
    }
    // A bare scalar is not a JSON document to Qt 6.4; wrap it to read it the JSON way.
    const QJsonDocument wrapped = QJsonDocument::fromJson('[' + bytes + ']', &error);
    if (error.error == QJsonParseError::NoError && wrapped.array().size() == 1)
        return wrapped.array().first();
    // Not JSON at all, but perhaps still a number ("+5", ".5", "5.").
    bool ok = false;
    const double number = bytes.toDouble(&ok);
    if (ok && std::isfinite(number))
        return QJsonValue(number);
    return std::nullopt;
}

std::optional<qint64> epochMs(double number)
{
    if (!std::isfinite(number))
        return std::nullopt;
    const double magnitude = std::abs(number);
    double ms = number;
    if (magnitude < LargestEpochSeconds)
        ms = number * 1e3;
    else if (magnitude >= LargestEpochMicroseconds)
        ms = number / 1e6;
    else if (magnitude >= LargestEpochMilliseconds)
        ms = number / 1e3;
    if (std::abs(ms) > LargestTimestampMs)
        return std::nullopt;
    return qint64(std::llround(ms));
}

void visitLeaves(const QJsonValue &value, QString &path,
                 const std::function<void(const QString &, const QJsonValue &)> &visit)
{
    switch (value.type()) {
    case QJsonValue::Double:
    case QJsonValue::Bool:
    case QJsonValue::String:
        visit(path.isEmpty() ? RootPath : path, value);
        break;
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        const qsizetype length = path.size();
        for (auto it = object.begin(); it != object.end(); ++it) {
            JsonPath::appendKey(path, QStringView(it.key()));
            visitLeaves(it.value(), path, visit);
            path.truncate(length);
        }
        break;
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        const qsizetype length = path.size();
        for (qsizetype i = 0; i < array.size(); ++i) {
            JsonPath::appendIndex(path, i);
            visitLeaves(array.at(i), path, visit);
            path.truncate(length);
        }
        break;
    }
    default:
        break;
    }
}

} // namespace

std::optional<QJsonValue> FieldExtractor::parse(const QByteArray &utf8Payload)
{
    return parseBytes(utf8Payload);
}

void FieldExtractor::forEachLeaf(const QJsonValue &root,
                                 const std::function<void(const QString &, const QJsonValue &)> &visit)
{
    QString path;
    path.reserve(64);
    visitLeaves(root, path, visit);
}

QList<FieldSample> FieldExtractor::extract(QByteArrayView utf8Payload)
{
    // One scanner per thread: its buffers serve every payload that thread extracts.
    thread_local JsonLeafScanner scanner;
    QList<FieldSample> samples;
    scanner.scan(utf8Payload, [&samples](const QString &path, const JsonLeaf &leaf) {
        if (!leaf.isString())
            samples.append({path, leaf.number});
    });
    return samples;
}

std::optional<QJsonValue> FieldExtractor::valueAt(QByteArrayView utf8Payload, const QString &path)
{
    std::optional<QJsonValue> value = parseBytes(utf8Payload.toByteArray());
    if (!value)
        return std::nullopt;
    // "/" is the whole payload when it is a bare value, and the key "" of an object otherwise.
    if (path == RootPath && !value->isObject())
        return value;
    // Walk "/a/b[0]/c" one step at a time.
    qsizetype i = 0;
    while (i < path.size()) {
        if (path.at(i) == QLatin1Char('/')) {
            qsizetype end = i + 1;
            while (end < path.size() && path.at(end) != QLatin1Char('/') && path.at(end) != QLatin1Char('['))
                ++end;
            const std::optional<QString> key = unescapedKey(QStringView(path).sliced(i + 1, end - i - 1));
            if (!key || !value->isObject())
                return std::nullopt;
            const QJsonObject object = value->toObject();
            const auto it = object.constFind(*key);
            if (it == object.constEnd())
                return std::nullopt;
            value = it.value();
            i = end;
        } else if (path.at(i) == QLatin1Char('[')) {
            qsizetype close = i + 1;
            qint64 index = 0;
            while (close < path.size() && path.at(close) >= QLatin1Char('0')
                   && path.at(close) <= QLatin1Char('9') && index <= std::numeric_limits<int>::max()) {
                index = index * 10 + (path.at(close).unicode() - '0');
                ++close;
            }
            if (close == i + 1 || close == path.size() || path.at(close) != QLatin1Char(']')
                || !value->isArray())
                return std::nullopt;
            const QJsonArray array = value->toArray();
            if (index >= array.size())
                return std::nullopt;
            value = array.at(index);
            i = close + 1;
        } else {
            return std::nullopt;
        }
    }
    return value;
}

std::optional<qint64> FieldExtractor::timestampMs(const QJsonValue &value)
{
    if (value.isDouble())
        return epochMs(value.toDouble());
    if (value.isString()) {
        const QString text = value.toString().trimmed();
        const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (time.isValid())
            return time.toMSecsSinceEpoch();
        bool ok = false;
        const double number = text.toDouble(&ok);
        if (ok)
            return epochMs(number);
    }
    return std::nullopt;
}
