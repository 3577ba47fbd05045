#include "SseParser.h"

#include "Utf8Decoder.h"

#include <cstring>
#include <limits>
#include <utility>

namespace {

constexpr char Bom[] = "\xEF\xBB\xBF";
constexpr qsizetype BomSize = 3;
// Room for the field name and colon in front of a value of maxEventSize bytes.
constexpr qsizetype LineOverhead = 64;
// Freeing the data buffer after a large event keeps memory bounded; small buffers are reused.
constexpr qsizetype ReusableBufferCapacity = 64 * 1024;

const QString &messageType()
{
    static const QString type = QStringLiteral("message");
    return type;
}

bool isAsciiDigits(QByteArrayView value)
{
    if (value.isEmpty())
        return false;
    for (char c : value) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

int parseClampedMilliseconds(QByteArrayView digits)
{
    constexpr qint64 max = std::numeric_limits<int>::max();
    qint64 value = 0;
    for (char c : digits) {
        value = value * 10 + (c - '0');
        if (value > max)
            return int(max);
    }
    return int(value);
}

void releaseIfLarge(QByteArray &buffer)
{
    if (buffer.capacity() > ReusableBufferCapacity)
        buffer = QByteArray();
    else
        buffer.resize(0);
}

} // namespace

SseParser::SseParser(qsizetype maxEventSize)
{
    setMaxEventSize(maxEventSize);
}

void SseParser::setMaxEventSize(qsizetype bytes)
{
    m_maxEventSize = qMax<qsizetype>(1, bytes);
    m_maxLineSize = m_maxEventSize + LineOverhead;
}

void SseParser::beginStream()
{
    releaseIfLarge(m_partialLine);
    m_partialLineTooLong = false;
    m_skipLineFeed = false;
    m_expectBom = true;
    m_bomPrefix.clear();
    resetBlock();
    m_lastEventIdBuffer = m_lastEventId;
}

void SseParser::endStream()
{
    // A line cut off by the end of the body was never complete; a block without its blank line
    // is never dispatched. Both are simply forgotten.
    releaseIfLarge(m_partialLine);
    m_partialLineTooLong = false;
    m_bomPrefix.clear();
    m_expectBom = false;
    m_skipLineFeed = false;
    resetBlock();
    m_lastEventIdBuffer = m_lastEventId;
}

void SseParser::setLastEventId(const QString &id)
{
    m_lastEventId = id;
    m_lastEventIdBuffer = id;
}

std::optional<int> SseParser::takeReconnectionTime()
{
    return std::exchange(m_reconnectionTime, std::nullopt);
}

void SseParser::feed(QByteArrayView bytes, QList<SseEvent> &events)
{
    if (m_expectBom) {
        // The BOM may arrive a byte at a time; hold the first bytes until they decide.
        const qsizetype wanted = BomSize - m_bomPrefix.size();
        const QByteArrayView head = bytes.first(qMin(wanted, bytes.size()));
        m_bomPrefix.append(head);
        bytes = bytes.sliced(head.size());
        const QByteArrayView expected(Bom, m_bomPrefix.size());
        if (m_bomPrefix == expected && m_bomPrefix.size() < BomSize)
            return; // still undecided
        m_expectBom = false;
        const QByteArray prefix = std::exchange(m_bomPrefix, QByteArray());
        if (prefix != QByteArrayView(Bom, BomSize))
            feedLines(prefix, events);
    }
    feedLines(bytes, events);
}

void SseParser::feedLines(QByteArrayView bytes, QList<SseEvent> &events)
{
    const char *p = bytes.data();
    const char *const end = p + bytes.size();
    if (p == end)
        return;

    if (m_skipLineFeed) {
        m_skipLineFeed = false;
        if (*p == '\n')
            ++p;
    }

    // The next LF is remembered, so that a run of CR-only lines is not rescanned for LF each time.
    const char *nextLineFeed = nullptr;
    bool lineFeedSearched = false;
    while (p < end) {
        if (!lineFeedSearched || (nextLineFeed && nextLineFeed < p)) {
            nextLineFeed = static_cast<const char *>(std::memchr(p, '\n', end - p));
            lineFeedSearched = true;
        }
        const char *limit = nextLineFeed ? nextLineFeed : end;
        const char *cr = static_cast<const char *>(std::memchr(p, '\r', limit - p));
        const char *eol = cr ? cr : nextLineFeed;

        if (!eol) {
            appendToPartialLine(QByteArrayView(p, end));
            return;
        }

        const QByteArrayView segment(p, eol);
        if (m_partialLine.isEmpty() && !m_partialLineTooLong && segment.size() <= m_maxLineSize) {
            processLine(segment, events);
        } else {
            appendToPartialLine(segment);
            if (!m_partialLineTooLong)
                processLine(m_partialLine, events);
            releaseIfLarge(m_partialLine);
            m_partialLineTooLong = false;
        }

        p = eol + 1;
        if (*eol == '\r') {
            if (p == end) {
                m_skipLineFeed = true;
                return;
            }
            if (*p == '\n')
                ++p;
        }
    }
}

void SseParser::appendToPartialLine(QByteArrayView bytes)
{
    if (m_partialLineTooLong)
        return;
    if (m_partialLine.size() + bytes.size() <= m_maxLineSize) {
        m_partialLine.append(bytes);
        return;
    }
    // An over-long comment is just skipped; any other over-long line spoils its block.
    const bool comment = m_partialLine.isEmpty() ? (!bytes.isEmpty() && bytes.front() == ':')
                                                 : m_partialLine.front() == ':';
    if (!comment)
        m_blockOversized = true;
    m_partialLine = QByteArray();
    m_partialLineTooLong = true;
}

void SseParser::processLine(QByteArrayView line, QList<SseEvent> &events)
{
    if (line.isEmpty()) {
        dispatch(events);
        return;
    }
    if (line.front() == ':')
        return;

    const qsizetype colon = line.indexOf(':');
    if (colon < 0) {
        processField(line, {});
        return;
    }
    QByteArrayView value = line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    processField(line.first(colon), value);
}

void SseParser::processField(QByteArrayView name, QByteArrayView value)
{
    if (name == "data") {
        if (m_blockOversized)
            return;
        if (m_data.size() + value.size() + 1 > m_maxEventSize + 1) {
            m_blockOversized = true;
            m_data = QByteArray();
            return;
        }
        m_data.append(value);
        m_data.append('\n');
    } else if (name == "event") {
        m_type = value.toByteArray();
    } else if (name == "id") {
        if (!value.contains('\0'))
            m_lastEventIdBuffer = Utf8Decoder::decode(value);
    } else if (name == "retry") {
        if (isAsciiDigits(value))
            m_reconnectionTime = parseClampedMilliseconds(value);
    }
}

void SseParser::dispatch(QList<SseEvent> &events)
{
    m_lastEventId = m_lastEventIdBuffer;
    if (m_blockOversized) {
        ++m_droppedEvents;
        resetBlock();
        return;
    }
    if (m_data.isEmpty()) {
        m_type.clear();
        return;
    }
    SseEvent event;
    event.data = Utf8Decoder::decode(QByteArrayView(m_data).chopped(1));
    event.type = decodedType();
    event.lastEventId = m_lastEventId;
    events.append(std::move(event));
    resetBlock();
}

void SseParser::resetBlock()
{
    releaseIfLarge(m_data);
    m_type.clear();
    m_blockOversized = false;
}

QString SseParser::decodedType()
{
    if (m_type.isEmpty())
        return messageType();
    if (m_type != m_cachedTypeBytes) {
        m_cachedTypeBytes = m_type;
        m_cachedType = Utf8Decoder::decode(m_type);
    }
    return m_cachedType;
}
