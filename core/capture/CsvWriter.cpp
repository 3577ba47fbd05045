#include "CsvWriter.h"

#include "CapturedEvent.h"
#include "DerivedSeries.h"
#include "FieldExtractor.h"
#include "SeriesBuffer.h"
#include "StreamFieldStore.h"

#include <QFileDevice>
#include <QHash>
#include <QIODevice>
#include <QLocale>

#include <optional>
#include <unordered_map>
#include <vector>

namespace {

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

QString timestamp(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

// The derived columns: one StreamFieldStore per stream, fed every event written.
class CsvDerivedColumns
{
public:
    // Canonical keys, in column order; empty for a column that is a field.
    explicit CsvDerivedColumns(QStringList keys)
        : m_keys(std::move(keys))
    {
    }

    // The derived values at `captured`, one per column (nothing for field columns).
    const std::vector<std::optional<double>> &feed(const CapturedEvent &captured)
    {
        Stream &stream = m_streams[captured.url];
        if (!stream.store) {
            stream.store = std::make_unique<StreamFieldStore>();
            // Only the newest sample of each series is read; the derived state holds the rest.
            stream.store->setPointCap(1);
            stream.store->setFieldCap(FieldCap);
            for (const QString &key : std::as_const(m_keys)) {
                if (!key.isEmpty())
                    stream.store->addDerived(key);
            }
            stream.appended.assign(std::size_t(m_keys.size()), 0);
        } else if (captured.connection != stream.connection) {
            stream.store->breakSeries();
        }
        stream.connection = captured.connection;
        const qint64 receivedAtMs = captured.receivedAt.isValid() ? captured.receivedAt.toMSecsSinceEpoch() : 0;
        stream.store->addEvent(captured.event, receivedAtMs);

        m_values.assign(std::size_t(m_keys.size()), std::nullopt);
        for (qsizetype i = 0; i < m_keys.size(); ++i) {
            const SeriesBuffer *buffer = m_keys.at(i).isEmpty() ? nullptr : stream.store->buffer(m_keys.at(i));
            if (!buffer)
                continue;
            // A sample appended by this event: the count of samples ever appended grew.
            const qint64 appended = buffer->droppedCount() + buffer->size();
            qint64 &seen = stream.appended[std::size_t(i)];
            if (appended > seen && !buffer->isEmpty())
                m_values[std::size_t(i)] = buffer->valueAt(buffer->size() - 1);
            seen = appended;
        }
        return m_values;
    }

private:
    static constexpr int FieldCap = 4096;

    struct Stream
    {
        std::unique_ptr<StreamFieldStore> store;
        std::vector<qint64> appended;
        int connection = 0;
    };

    QStringList m_keys;
    std::unordered_map<QString, Stream> m_streams;
    std::vector<std::optional<double>> m_values;
};

CsvWriter::CsvWriter(QIODevice *device, const QStringList &fieldPaths)
    : CaptureWriter(device)
    , m_fieldPaths(fieldPaths)
{
    QStringList derivedKeys;
    bool anyDerived = false;
    for (QString &path : m_fieldPaths) {
        QString key;
        if (StreamFieldStore::isDerivedKey(path)) {
            // Headed by its canonical key, as the store names it.
            key = DerivedSpec::parse(path)->key();
            path = key;
            anyDerived = true;
        }
        derivedKeys.append(key);
    }
    if (anyDerived)
        m_derived = std::make_unique<CsvDerivedColumns>(derivedKeys);
}

CsvWriter::~CsvWriter() = default;

void CsvWriter::appendField(QByteArray &out, QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    bool quote = false;
    for (const char c : utf8) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        out.append(utf8);
        return;
    }
    out.reserve(out.size() + utf8.size() + 2);
    out.append('"');
    for (const char c : utf8) {
        if (c == '"')
            out.append('"');
        out.append(c);
    }
    out.append('"');
}

void CsvWriter::begin()
{
    if (m_begun)
        return;
    m_begun = true;
    m_buffer.append("receivedAt,url,type,lastEventId,data,connection");
    for (const QString &path : std::as_const(m_fieldPaths)) {
        m_buffer.append(',');
        appendField(m_buffer, path);
    }
    m_buffer.append("\r\n");
}

void CsvWriter::write(const CapturedEvent &captured)
{
    begin();
    appendField(m_buffer, timestamp(captured.receivedAt));
    m_buffer.append(',');
    appendField(m_buffer, captured.url);
    m_buffer.append(',');
    appendField(m_buffer, captured.event.type);
    m_buffer.append(',');
    appendField(m_buffer, captured.event.lastEventId);
    m_buffer.append(',');
    appendField(m_buffer, captured.event.data);
    m_buffer.append(',');
    m_buffer.append(QByteArray::number(captured.connection));
    if (!m_fieldPaths.isEmpty()) {
        // Columns are field keys: a field of another event type ("alert:/latency_ms") stays empty.
        QHash<QString, double> values;
        for (const FieldSample &sample : FieldExtractor::extract(captured.event.data.toUtf8()))
            values.insert(StreamFieldStore::fieldKey(captured.event.type, sample.path), sample.value);
        const std::vector<std::optional<double>> *derived = m_derived ? &m_derived->feed(captured) : nullptr;
        for (qsizetype i = 0; i < m_fieldPaths.size(); ++i) {
            m_buffer.append(',');
            if (derived && (*derived)[std::size_t(i)]) {
                m_buffer.append(number(*(*derived)[std::size_t(i)]));
                continue;
            }
            const auto it = values.constFind(m_fieldPaths.at(i));
            if (it != values.constEnd())
                m_buffer.append(number(*it));
        }
    }
    m_buffer.append("\r\n");

    writeThroughIfFull();
}
