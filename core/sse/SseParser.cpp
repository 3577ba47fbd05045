#include "SseParser.h"

#include "Utf8Decoder.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <limits>
#include <utility>

namespace {

constexpr char Bom[] = "\xEF\xBB\xBF";
constexpr qsizetype BomSize = 3;
// Room for the field name and colon in front of a value of maxEventSize bytes.
constexpr qsizetype LineOverhead = 64;
// Freeing a buffer after a large event keeps memory bounded; small buffers are reused.
constexpr qsizetype ReusableBufferCapacity = ByteBuffer::ReusableCapacity;

constexpr char MessageType[] = "message";
constexpr qsizetype DataPrefixSize = 5; // "data:"

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

// Copies into the buffer's own capacity: a plain assignment would share, and the next change detach.
void assignBytes(ByteBuffer &to, QByteArrayView from)
{
    to.resize(0);
    to.append(from);
}

void assignBytes(QByteArray &to, QByteArrayView from)
{
    to.resize(0);
    to.append(from);
}

// The first CR or LF in [p, end), or nullptr.
const char *findLineBreak(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i lineFeed = _mm_set1_epi8('\n');
    const __m128i carriageReturn = _mm_set1_epi8('\r');
    while (end - p >= 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const int mask = _mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(chunk, lineFeed), _mm_cmpeq_epi8(chunk, carriageReturn)));
        if (mask != 0)
            return p + __builtin_ctz(unsigned(mask));
        p += 16;
    }
#endif
    for (; p < end; ++p) {
        if (*p == '\n' || *p == '\r')
            return p;
    }
    return nullptr;
}

// Inline, for the short strings compared at every id and event line.
bool sameBytes(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

bool containsNul(QByteArrayView bytes)
{
    if (bytes.size() > 32)
        return std::memchr(bytes.data(), '\0', size_t(bytes.size())) != nullptr;
    for (char c : bytes) {
        if (c == '\0')
            return true;
    }
    return false;
}

} // namespace

SseParser::SseParser(qsizetype maxEventSize)
{
    setMaxEventSize(maxEventSize);
}

void SseParser::setMaxEventSize(qsizetype bytes)
{
    // At most 1 GiB: an event batch addresses its bytes with 32 bits.
    m_maxEventSize = qBound<qsizetype>(1, bytes, qsizetype(1) << 30);
    m_maxLineSize = m_maxEventSize + LineOverhead;
}

void SseParser::beginStream()
{
    releaseIfLarge(m_partialLine);
    m_partialLineTooLong = false;
    m_streamingDataLine = false;
    m_skipLineFeed = false;
    m_expectBom = true;
    m_bomPrefix.clear();
    resetBlock();
    m_idBufferIsCommitted = true;
}

void SseParser::endStream()
{
    // A line cut off by the end of the body was never complete; a block without its blank line
    // is never dispatched. Both are simply forgotten.
    releaseIfLarge(m_partialLine);
    m_partialLineTooLong = false;
    m_streamingDataLine = false;
    m_bomPrefix.clear();
    m_expectBom = false;
    m_skipLineFeed = false;
    resetBlock();
    m_idBufferIsCommitted = true;
}

QString SseParser::lastEventId() const
{
    if (m_committedIdTextStale) {
        m_committedIdText = Utf8Decoder::decode(m_committedId.view());
        m_committedIdTextStale = false;
    }
    return m_committedIdText;
}

void SseParser::setLastEventId(const QString &id)
{
    m_committedIdText = id;
    m_committedIdTextStale = false;
    assignBytes(m_committedId, id.toUtf8());
    m_idBufferIsCommitted = true;
}

std::optional<int> SseParser::takeReconnectionTime()
{
    return std::exchange(m_reconnectionTime, std::nullopt);
}

void SseParser::feed(QByteArrayView bytes, QList<SseEvent> &events)
{
    m_decodedBatch.clear();
    feed(bytes, m_decodedBatch);
    for (qsizetype i = 0; i < m_decodedBatch.size(); ++i)
        events.append(m_decodedBatch.event(i));
    m_decodedBatch.clear();
}

void SseParser::feed(QByteArrayView bytes, SseEventBatch &events)
{
    m_output = &events;
    if (m_expectBom) {
        // The BOM may arrive a byte at a time; hold the first bytes until they decide.
        const qsizetype wanted = BomSize - m_bomPrefix.size();
        const QByteArrayView head = bytes.first(qMin(wanted, bytes.size()));
        m_bomPrefix.append(head);
        bytes = bytes.sliced(head.size());
        const QByteArrayView expected(Bom, m_bomPrefix.size());
        if (m_bomPrefix == expected && m_bomPrefix.size() < BomSize) {
            m_output = nullptr;
            return; // still undecided
        }
        m_expectBom = false;
        const QByteArray prefix = std::exchange(m_bomPrefix, QByteArray());
        if (prefix != QByteArrayView(Bom, BomSize))
            feedLines(prefix);
    }
    feedLines(bytes);
    m_output = nullptr;
}

void SseParser::feedLines(QByteArrayView bytes)
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

    while (p < end) {
        const char *eol = findLineBreak(p, end);
        if (!eol) {
            appendToPartialLine(QByteArrayView(p, end));
            return;
        }

        const QByteArrayView segment(p, eol);
        if (m_streamingDataLine) {
            appendData(segment); // the line's end: appendData adds the LF
            m_streamingDataLine = false;
        } else if (m_partialLine.isEmpty() && !m_partialLineTooLong && segment.size() <= m_maxLineSize) {
            processLine(segment);
        } else {
            appendToPartialLine(segment);
            if (m_streamingDataLine) {
                appendData({});
                m_streamingDataLine = false;
            } else if (!m_partialLineTooLong) {
                processLine(m_partialLine);
            }
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
    if (m_streamingDataLine) {
        if (!m_blockOversized)
            appendData(bytes, /*endOfLine=*/false);
        return;
    }
    if (m_partialLine.size() + bytes.size() <= m_maxLineSize) {
        m_partialLine.append(bytes);
        // A data line that spans chunks goes on into the block's data directly, once it is
        // known whether a space follows the colon: a long event is then copied once, not twice.
        if (m_partialLine.size() > DataPrefixSize && m_partialLine.startsWith("data:")) {
            const qsizetype valueStart = DataPrefixSize + (m_partialLine.at(DataPrefixSize) == ' ' ? 1 : 0);
            m_streamingDataLine = true;
            appendData(QByteArrayView(m_partialLine).sliced(valueStart), false);
            releaseIfLarge(m_partialLine);
        }
        return;
    }
    // An over-long comment is just skipped; any other over-long line spoils its block.
    const bool comment = m_partialLine.isEmpty() ? (!bytes.isEmpty() && bytes.front() == ':')
                                                 : m_partialLine.front() == ':';
    if (!comment)
        markOversized();
    m_partialLine = QByteArray();
    m_partialLineTooLong = true;
}

void SseParser::processLine(QByteArrayView line)
{
    if (line.isEmpty()) {
        dispatch();
        return;
    }
    if (line.front() == ':') {
        appendComment(line.sliced(1));
        return;
    }

    // Field names are short: a plain loop finds the colon sooner than a call to memchr.
    qsizetype colon = 0;
    while (colon < line.size() && line[colon] != ':')
        ++colon;
    QByteArrayView name = line;
    QByteArrayView value;
    if (colon < line.size()) {
        name = line.first(colon);
        value = line.sliced(colon + 1);
        if (value.startsWith(' '))
            value = value.sliced(1);
    }

    // Fixed-length comparisons, which compile to a load and a compare.
    const char *n = name.data();
    switch (name.size()) {
    case 4:
        if (std::memcmp(n, "data", 4) == 0)
            appendData(value);
        break;
    case 2:
        if (std::memcmp(n, "id", 2) == 0 && !containsNul(value)) {
            m_idBufferIsCommitted = sameBytes(value, m_committedId.view());
            if (!m_idBufferIsCommitted)
                assignBytes(m_idBuffer, value);
        }
        break;
    case 5:
        if (std::memcmp(n, "event", 5) == 0) {
            m_typeIsCached = !value.isEmpty() && sameBytes(value, m_cachedTypeBytes);
            if (!m_typeIsCached)
                assignBytes(m_type, value);
        } else if (std::memcmp(n, "retry", 5) == 0 && isAsciiDigits(value)) {
            m_reconnectionTime = parseClampedMilliseconds(value);
        }
        break;
    default:
        break;
    }
}

void SseParser::markOversized()
{
    if (!m_blockOversized)
        ++m_oversizedEvents;
    m_blockOversized = true;
}

void SseParser::appendComment(QByteArrayView text)
{
    ++m_commentCount;
    if (text.startsWith(' '))
        text = text.sliced(1);
    if (Utf8Decoder::isWellFormed(text))
        m_output->appendComment(text);
    else
        m_output->appendComment(Utf8Decoder::replaceIllFormed(text));
}

void SseParser::appendData(QByteArrayView value, bool endOfLine)
{
    if (m_blockOversized)
        return;
    if (m_blockBytes.size() + value.size() + (endOfLine ? 1 : 0) > m_maxEventSize + 1) {
        markOversized();
        m_blockBytes.resize(0);
        m_blockBytes.releaseIfLargeAndEmpty();
        return;
    }
    m_blockBytes.append(value);
    if (endOfLine)
        m_blockBytes.append('\n');
}

void SseParser::commitId()
{
    std::swap(m_committedId, m_idBuffer);
    m_idBufferIsCommitted = true;
    m_committedIdTextStale = true;
    // The ID goes into events and headers as text: keep it well-formed once, here.
    if (!Utf8Decoder::isWellFormed(m_committedId.view()))
        assignBytes(m_committedId, Utf8Decoder::replaceIllFormed(m_committedId.view()));
}

void SseParser::dispatch()
{
    if (!m_idBufferIsCommitted)
        commitId();
    if (m_blockOversized) {
        ++m_droppedEvents;
        resetBlock();
        return;
    }
    if (m_blockBytes.size() == 0) {
        m_type.resize(0);
        m_typeIsCached = false;
        return;
    }
    const QByteArrayView data(m_blockBytes.data(), m_blockBytes.size() - 1);
    const QByteArrayView type = dispatchedType();
    if (Utf8Decoder::isWellFormed(data))
        m_output->append(type, data, m_committedId.view());
    else
        m_output->append(type, Utf8Decoder::replaceIllFormed(data), m_committedId.view());
    resetBlock();
}

void SseParser::resetBlock()
{
    m_blockBytes.recycle();
    m_type.resize(0);
    m_typeIsCached = false;
    m_blockOversized = false;
}

QByteArrayView SseParser::dispatchedType()
{
    if (m_typeIsCached)
        return m_cachedTypeBytes;
    if (m_type.isEmpty())
        return QByteArrayView(MessageType, sizeof MessageType - 1);
    if (Utf8Decoder::isWellFormed(m_type.view()))
        assignBytes(m_cachedTypeBytes, m_type.view());
    else
        m_cachedTypeBytes = Utf8Decoder::replaceIllFormed(m_type.view());
    return m_cachedTypeBytes;
}
