#include "CaptureReader.h"

#include "SseParser.h"

#include <QFile>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStringDecoder>

#include <climits>

namespace {

constexpr qsizetype ReadChunk = 64 * 1024;
// Room for the field names, the quotes and the other columns around an event's data.
constexpr qsizetype LineOverhead = 64 * 1024;
constexpr QByteArrayView Bom("\xEF\xBB\xBF");
constexpr QByteArrayView CsvHeaderStart("receivedAt,");

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// The first byte that is neither a BOM nor white space.
qsizetype firstContent(QByteArrayView bytes)
{
    qsizetype i = bytes.startsWith(Bom) ? Bom.size() : 0;
    while (i < bytes.size() && isBlank(bytes[i]))
        ++i;
    return i;
}

// "" for an event captured without a time; nullopt when the text is no time.
std::optional<QDateTime> parseTime(const QString &text)
{
    if (text.isEmpty())
        return QDateTime();
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    return time.toUTC();
}

// UTF-8 to UTF-16 keeping a BOM at the start, which is text inside a field.
QString decodeUtf8(QByteArrayView bytes)
{
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::ConvertInitialBom);
    return decoder.decode(bytes);
}

} // namespace

class CaptureReader::Private
{
public:
    enum class LineResult { Line, End, Failed };

    Private(QIODevice *device, qsizetype maxEventSize)
        : device(device)
        , maxEventSize(maxEventSize)
        , maxLineSize(maxEventSize + LineOverhead)
        , sseParser(maxEventSize)
    {
    }

    bool fill();
    bool detect();
    LineResult readLine(QByteArray &line, bool sseLineBreaks);
    bool fail(qint64 line, const QString &message);

    bool nextJsonl(CapturedEvent &event);
    bool nextCsv(CapturedEvent &event);
    LineResult readCsvRecord(QList<QByteArray> &fields, qint64 &startLine);
    bool nextSse(CapturedEvent &event);
    bool parseComment(QByteArrayView comment);

    QIODevice *device;
    qsizetype maxEventSize;
    qsizetype maxLineSize;
    QByteArray buffer;
    qsizetype pos = 0;
    qsizetype scanned = 0; // bytes after pos known to hold no line break
    bool eof = false;
    bool detected = false;
    qint64 lineNumber = 0;
    Format format = Format::Unknown;
    QString error;

    struct CsvColumns
    {
        qsizetype count = 0;
        qsizetype receivedAt = -1;
        qsizetype url = -1;
        qsizetype type = -1;
        qsizetype lastEventId = -1;
        qsizetype data = -1;
        qsizetype connection = -1;
    } csv;
    bool csvHeaderRead = false;

    SseParser sseParser;
    bool hasPending = false;
    CapturedEvent pending; // url, receivedAt and connection from the last comment
};

bool CaptureReader::Private::fail(qint64 line, const QString &message)
{
    if (error.isEmpty())
        error = line > 0 ? QStringLiteral("line %1: %2").arg(line).arg(message) : message;
    return false;
}

bool CaptureReader::Private::fill()
{
    if (eof)
        return false;
    if (pos > 0) {
        buffer.remove(0, pos);
        pos = 0;
    }
    const qsizetype oldSize = buffer.size();
    buffer.resize(oldSize + ReadChunk);
    const qint64 read = device->read(buffer.data() + oldSize, ReadChunk);
    buffer.resize(oldSize + qMax<qint64>(read, 0));
    if (read < 0) {
        fail(0, QStringLiteral("cannot read the capture: %1").arg(device->errorString()));
        eof = true;
    } else if (read == 0) {
        eof = true;
    }
    return read > 0;
}

bool CaptureReader::Private::detect()
{
    detected = true;
    while (!eof && (buffer.size() - pos) < 4096)
        fill();
    if (!error.isEmpty())
        return false;
    format = detectFormat(QByteArrayView(buffer).sliced(pos));
    if (format == Format::Jsonl || format == Format::Csv) {
        if (QByteArrayView(buffer).sliced(pos).startsWith(Bom))
            pos += Bom.size();
    }
    return true;
}

CaptureReader::Private::LineResult CaptureReader::Private::readLine(QByteArray &line, bool sseLineBreaks)
{
    while (true) {
        const char *const data = buffer.constData();
        const qsizetype size = buffer.size();
        qsizetype i = pos + scanned;
        while (i < size && data[i] != '\n' && !(sseLineBreaks && data[i] == '\r'))
            ++i;
        if (i < size) {
            qsizetype next = i + 1;
            if (data[i] == '\r') {
                if (next == size && !eof) {
                    scanned = i - pos;
                    fill();
                    continue;
                }
                if (next < size && data[next] == '\n')
                    ++next;
            }
            line = buffer.mid(pos, i - pos);
            pos = next;
            scanned = 0;
            ++lineNumber;
            return LineResult::Line;
        }
        if (!error.isEmpty())
            return LineResult::Failed;
        if (eof) {
            if (pos == size)
                return LineResult::End;
            line = buffer.mid(pos);
            pos = size;
            scanned = 0;
            ++lineNumber;
            return LineResult::Line;
        }
        if (size - pos > maxLineSize) {
            fail(lineNumber + 1, QStringLiteral("longer than %1 bytes").arg(maxLineSize));
            return LineResult::Failed;
        }
        scanned = size - pos;
        fill();
    }
}

bool CaptureReader::Private::nextJsonl(CapturedEvent &event)
{
    QByteArray line;
    while (true) {
        const LineResult result = readLine(line, false);
        if (result != LineResult::Line)
            return false;
        if (firstContent(line) == line.size())
            continue;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return fail(lineNumber, QStringLiteral("not JSON: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset + 1));
        if (!document.isObject())
            return fail(lineNumber, QStringLiteral("not a JSON object"));
        const QJsonObject object = document.object();
        // `record --comments` lines: a comment, no event.
        if (!object.contains(QLatin1StringView("type")) && object.value(QLatin1StringView("comment")).isString())
            continue;
        QString strings[5];
        const char *const keys[5] = {"url", "type", "data", "lastEventId", "receivedAt"};
        for (int k = 0; k < 5; ++k) {
            const QJsonValue value = object.value(QLatin1StringView(keys[k]));
            if (!value.isString())
                return fail(lineNumber, QStringLiteral("\"%1\" is missing or not a string").arg(QLatin1StringView(keys[k])));
            strings[k] = value.toString();
        }
        const std::optional<QDateTime> time = parseTime(strings[4]);
        if (!time)
            return fail(lineNumber, QStringLiteral("receivedAt \"%1\" is not an ISO 8601 time").arg(strings[4]));
        int connection = 0;
        if (object.contains(QLatin1StringView("connection"))) {
            const QJsonValue value = object.value(QLatin1StringView("connection"));
            const double number = value.toDouble(-1);
            if (!value.isDouble() || number < 0 || number > INT_MAX || number != int(number))
                return fail(lineNumber, QStringLiteral("\"connection\" is not a connection number"));
            connection = int(number);
        }
        event.url = strings[0];
        event.event.type = strings[1];
        event.event.data = strings[2];
        event.event.lastEventId = strings[3];
        event.receivedAt = *time;
        event.connection = connection;
        return true;
    }
}

CaptureReader::Private::LineResult CaptureReader::Private::readCsvRecord(QList<QByteArray> &fields, qint64 &startLine)
{
    fields.clear();
    QByteArray line;
    // Blank lines between records carry nothing.
    do {
        const LineResult result = readLine(line, false);
        if (result != LineResult::Line)
            return result;
    } while (line.isEmpty() || line == "\r");
    startLine = lineNumber;

    QByteArray field;
    bool inQuotes = false;
    bool afterQuote = false;
    bool fieldStart = true;
    qsizetype recordSize = 0;
    while (true) {
        const qsizetype n = line.size();
        for (qsizetype i = 0; i < n; ++i) {
            const char c = line[i];
            if (inQuotes) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < n && line[i + 1] == '"') {
                    field.append('"');
                    ++i;
                } else {
                    inQuotes = false;
                    afterQuote = true;
                }
            } else if (c == ',') {
                fields.append(field);
                field.clear();
                afterQuote = false;
                fieldStart = true;
            } else if (c == '\r' && i + 1 == n) {
                break; // the CR of a CRLF record end
            } else if (afterQuote) {
                fail(lineNumber, QStringLiteral("text after the closing quote of field %1").arg(fields.size() + 1));
                return LineResult::Failed;
            } else if (c == '"') {
                if (!fieldStart) {
                    fail(lineNumber, QStringLiteral("a quote inside unquoted field %1").arg(fields.size() + 1));
                    return LineResult::Failed;
                }
                inQuotes = true;
                fieldStart = false;
            } else {
                field.append(c);
                fieldStart = false;
            }
        }
        if (!inQuotes)
            break;
        // A quoted field goes on after the line break it holds.
        recordSize += n + 1;
        if (recordSize > maxLineSize) {
            fail(startLine, QStringLiteral("record longer than %1 bytes").arg(maxLineSize));
            return LineResult::Failed;
        }
        const bool terminated = pos > 0 && buffer[pos - 1] == '\n';
        if (!terminated || readLine(line, false) != LineResult::Line) {
            if (error.isEmpty())
                fail(startLine, QStringLiteral("quoted field %1 is not closed").arg(fields.size() + 1));
            return LineResult::Failed;
        }
        field.append('\n');
    }
    fields.append(field);
    return LineResult::Line;
}

bool CaptureReader::Private::nextCsv(CapturedEvent &event)
{
    QList<QByteArray> fields;
    qint64 startLine = 0;
    if (!csvHeaderRead) {
        if (readCsvRecord(fields, startLine) != LineResult::Line)
            return error.isEmpty() ? fail(1, QStringLiteral("no CSV header")) : false;
        csvHeaderRead = true;
        csv.count = fields.size();
        for (qsizetype i = 0; i < fields.size(); ++i) {
            const QByteArray &name = fields.at(i);
            qsizetype *column = name == "receivedAt" ? &csv.receivedAt
                : name == "url" ? &csv.url
                : name == "type" ? &csv.type
                : name == "lastEventId" ? &csv.lastEventId
                : name == "data" ? &csv.data
                : name == "connection" ? &csv.connection
                : nullptr;
            if (column && *column < 0)
                *column = i;
        }
        const std::pair<const char *, qsizetype> required[] = {
            {"receivedAt", csv.receivedAt}, {"url", csv.url}, {"type", csv.type},
            {"lastEventId", csv.lastEventId}, {"data", csv.data}};
        for (const auto &[name, column] : required) {
            if (column < 0)
                return fail(startLine, QStringLiteral("the header has no \"%1\" column").arg(QLatin1StringView(name)));
        }
    }
    if (readCsvRecord(fields, startLine) != LineResult::Line)
        return false;
    if (fields.size() != csv.count)
        return fail(startLine, QStringLiteral("%1 fields where the header has %2").arg(fields.size()).arg(csv.count));
    const QString time = decodeUtf8(fields.at(csv.receivedAt));
    const std::optional<QDateTime> receivedAt = parseTime(time);
    if (!receivedAt)
        return fail(startLine, QStringLiteral("receivedAt \"%1\" is not an ISO 8601 time").arg(time));
    int connection = 0;
    if (csv.connection >= 0 && !fields.at(csv.connection).isEmpty()) {
        bool ok = false;
        connection = fields.at(csv.connection).toInt(&ok);
        if (!ok || connection < 0)
            return fail(startLine, QStringLiteral("connection \"%1\" is not a connection number")
                                       .arg(decodeUtf8(fields.at(csv.connection))));
    }
    event.url = decodeUtf8(fields.at(csv.url));
    event.event.type = decodeUtf8(fields.at(csv.type));
    event.event.data = decodeUtf8(fields.at(csv.data));
    event.event.lastEventId = decodeUtf8(fields.at(csv.lastEventId));
    event.receivedAt = *receivedAt;
    event.connection = connection;
    return true;
}

// ": receivedAt TIME connection N url URL", TIME "-" for none.
bool CaptureReader::Private::parseComment(QByteArrayView comment)
{
    constexpr QByteArrayView Prefix(": receivedAt ");
    if (!comment.startsWith(Prefix))
        return true;
    const auto malformed = [this] {
        return fail(lineNumber, QStringLiteral("malformed receivedAt comment (expected \": receivedAt TIME "
                                               "connection N url URL\")"));
    };
    QByteArrayView rest = comment.sliced(Prefix.size());
    qsizetype space = rest.indexOf(' ');
    const QByteArrayView timeText = space < 0 ? rest : rest.first(space);
    rest = space < 0 ? QByteArrayView() : rest.sliced(space + 1);
    CapturedEvent meta;
    if (timeText != "-") {
        const QString text = QString::fromLatin1(timeText);
        const std::optional<QDateTime> time = parseTime(text);
        if (!time || text.isEmpty())
            return malformed();
        meta.receivedAt = *time;
    }
    if (rest.startsWith("connection ")) {
        rest = rest.sliced(11);
        space = rest.indexOf(' ');
        bool ok = false;
        meta.connection = (space < 0 ? rest : rest.first(space)).toInt(&ok);
        if (!ok || meta.connection < 0)
            return malformed();
        rest = space < 0 ? QByteArrayView() : rest.sliced(space + 1);
    }
    if (rest.startsWith("url "))
        meta.url = decodeUtf8(rest.sliced(4));
    else if (!rest.isEmpty())
        return malformed();
    pending = meta;
    hasPending = true;
    return true;
}

bool CaptureReader::Private::nextSse(CapturedEvent &event)
{
    QByteArray line;
    QList<SseEvent> events;
    while (true) {
        const LineResult result = readLine(line, true);
        if (result == LineResult::Failed)
            return false;
        if (result == LineResult::End) {
            sseParser.endStream(); // an unterminated last block is not an event, as for a browser
            return false;
        }
        // A BOM is part of the first line's bytes (the parser skips it), not of its comment.
        const QByteArrayView text = lineNumber == 1 && line.startsWith(Bom) ? QByteArrayView(line).sliced(Bom.size())
                                                                            : QByteArrayView(line);
        if (text.startsWith(':') && !parseComment(text))
            return false;
        const qint64 dropped = sseParser.droppedEventCount();
        sseParser.feed(line, events);
        sseParser.feed("\n", events);
        if (sseParser.droppedEventCount() != dropped)
            return fail(lineNumber, QStringLiteral("an event larger than %1 bytes").arg(maxEventSize));
        if (!line.isEmpty())
            continue;
        const bool hadPending = hasPending;
        hasPending = false;
        if (events.isEmpty())
            continue;
        event = hadPending ? pending : CapturedEvent();
        event.event = events.takeFirst();
        return true;
    }
}

CaptureReader::CaptureReader(QIODevice *device, qsizetype maxEventSize)
    : d(std::make_unique<Private>(device, maxEventSize))
{
}

CaptureReader::~CaptureReader() = default;

bool CaptureReader::next(CapturedEvent &event)
{
    if (!d->error.isEmpty())
        return false;
    if (!d->detected && !d->detect())
        return false;
    switch (d->format) {
    case Format::Jsonl:
        return d->nextJsonl(event);
    case Format::Csv:
        return d->nextCsv(event);
    case Format::Sse:
        return d->nextSse(event);
    case Format::Unknown:
        break;
    }
    return false;
}

CaptureReader::Format CaptureReader::format() const
{
    return d->format;
}

bool CaptureReader::hasError() const
{
    return !d->error.isEmpty();
}

QString CaptureReader::errorString() const
{
    return d->error;
}

CaptureReader::Format CaptureReader::detectFormat(QByteArrayView head)
{
    const qsizetype start = firstContent(head);
    if (start == head.size())
        return Format::Unknown;
    if (head[start] == '{')
        return Format::Jsonl;
    if (head.sliced(start).startsWith(CsvHeaderStart))
        return Format::Csv;
    return Format::Sse;
}

bool CaptureReader::readAll(QIODevice *device, QList<CapturedEvent> &events, QString *errorString)
{
    CaptureReader reader(device);
    CapturedEvent event;
    while (reader.next(event))
        events.append(event);
    if (errorString)
        *errorString = reader.errorString();
    return !reader.hasError();
}

bool CaptureReader::readFile(const QString &path, QList<CapturedEvent> &events, QString *errorString)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (errorString)
            *errorString = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return false;
    }
    const bool ok = readAll(&file, events, errorString);
    if (!ok && errorString)
        *errorString = path + QStringLiteral(": ") + *errorString;
    return ok;
}
