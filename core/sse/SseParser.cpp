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
// Freeing the data buffer after a large event keeps memory bounded; small buffers are reused.
constexpr qsizetype ReusableBufferCapacity = 64 * 1024;
// Events are decoded in groups of at most this many, so that the bookkeeping of a huge chunk of
// tiny events stays small and in cache.
constexpr size_t MaxDispatchedPerGroup = 512;

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

// Copies into the buffer's own capacity: a plain assignment would share, and the next change detach.
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

bool sameBytes(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && (a.isEmpty() || std::memcmp(a.data(), b.data(), size_t(a.size())) == 0);
}

} // namespace

void SseParser::Bytes::grow(qsizetype needed)
{
    m_storage.resize(size_t(qMax(needed, qsizetype(m_storage.size()) * 2)));
}

void SseParser::Bytes::releaseIfLargeAndEmpty()
{
    if (m_size == 0 && qsizetype(m_storage.capacity()) > ReusableBufferCapacity)
        std::vector<char>().swap(m_storage);
}

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
    m_idBufferIsCommitted = true;
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
    m_blockBytes.releaseIfLargeAndEmpty();
    m_idBufferIsCommitted = true;
}

QString SseParser::lastEventId() const
{
    if (m_committedIdTextStale) {
        m_committedIdText = Utf8Decoder::decode(m_committedId);
        m_committedIdTextStale = false;
    }
    return m_committedIdText;
}

void SseParser::setLastEventId(const QString &id)
{
    m_committedIdText = id;
    m_committedIdTextStale = false;
    m_committedId = id.toUtf8();
    m_idBufferIsCommitted = true;
    m_idQueued = false;
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
            feedLines(prefix);
    }
    m_output = &events;
    feedLines(bytes);
    deliver(events);
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
        if (m_partialLine.isEmpty() && !m_partialLineTooLong && segment.size() <= m_maxLineSize) {
            processLine(segment);
        } else {
            appendToPartialLine(segment);
            if (!m_partialLineTooLong)
                processLine(m_partialLine);
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

void SseParser::processLine(QByteArrayView line)
{
    if (line.isEmpty()) {
        dispatch();
        return;
    }
    if (line.front() == ':')
        return;

    const void *colonAt = std::memchr(line.data(), ':', size_t(line.size()));
    QByteArrayView name = line;
    QByteArrayView value;
    if (colonAt) {
        const qsizetype colon = static_cast<const char *>(colonAt) - line.data();
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
        if (std::memcmp(n, "id", 2) == 0 && !std::memchr(value.data(), '\0', size_t(value.size()))) {
            m_idBufferIsCommitted = sameBytes(value, m_committedId);
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

void SseParser::appendData(QByteArrayView value)
{
    if (m_blockOversized)
        return;
    const qsizetype held = m_blockBytes.size() - m_blockStart;
    if (held + value.size() + 1 > m_maxEventSize + 1) {
        m_blockOversized = true;
        m_blockBytes.resize(m_blockStart);
        return;
    }
    m_blockBytes.append(value);
    m_blockBytes.append('\n');
}

void SseParser::dispatch()
{
    if (!m_idBufferIsCommitted) {
        std::swap(m_committedId, m_idBuffer);
        m_idBufferIsCommitted = true;
        m_committedIdTextStale = true;
        m_idQueued = false;
    }
    if (m_blockOversized) {
        ++m_droppedEvents;
        resetBlock();
        return;
    }
    if (m_blockBytes.size() == m_blockStart) {
        m_type.resize(0);
        m_typeIsCached = false;
        return;
    }
    Dispatched event{m_blockStart, m_blockBytes.size() - m_blockStart - 1, -1, 0, decodedType()};
    if (m_committedIdTextStale && !m_idQueued) {
        event.idBegin = m_batchIds.size();
        event.idSize = m_committedId.size();
        m_batchIds.append(QByteArrayView(m_committedId));
        m_idQueued = true;
    }
    m_dispatched.push_back(std::move(event));
    m_blockStart = m_blockBytes.size();
    m_type.resize(0);
    m_typeIsCached = false;
    if (m_dispatched.size() >= MaxDispatchedPerGroup)
        deliver(*m_output);
}

void SseParser::resetBlock()
{
    m_blockBytes.resize(m_blockStart);
    m_type.resize(0);
    m_typeIsCached = false;
    m_blockOversized = false;
}

void SseParser::deliver(QList<SseEvent> &events)
{
    if (!m_dispatched.empty()) {
        // One buffer for every string of the batch; each string is followed by a NUL, as
        // QString's own are. UTF-8 never takes more UTF-16 units than it has bytes.
        qsizetype units = 0;
        for (const Dispatched &event : m_dispatched)
            units += event.dataSize + 1 + (event.idBegin >= 0 ? event.idSize + 1 : 0);
        QString arena(units, Qt::Uninitialized);
        QString::DataPointer &buffer = arena.data_ptr();
        char16_t *const base = buffer.data();
        qsizetype at = 0;
        auto slice = [&](const char *bytes, qsizetype size) {
            char16_t *const begin = base + at;
            const qsizetype length = Utf8Decoder::decodeInto(QByteArrayView(bytes, size), begin);
            begin[length] = u'\0';
            at += length + 1;
            buffer.d_ptr()->ref();
            return QString(QString::DataPointer(buffer.d_ptr(), begin, length));
        };

        const QString *id = &m_committedIdText;
        for (Dispatched &event : m_dispatched) {
            QString data = slice(m_blockBytes.data() + event.dataBegin, event.dataSize);
            if (event.idBegin >= 0)
                events.append(SseEvent{std::move(event.type), std::move(data),
                                       slice(m_batchIds.data() + event.idBegin, event.idSize)});
            else
                events.append(SseEvent{std::move(event.type), std::move(data), *id});
            id = &events.constLast().lastEventId;
        }
        if (m_idQueued) {
            // The last ID queued is still the committed one.
            m_committedIdText = *id;
            m_committedIdTextStale = false;
            m_idQueued = false;
        }
        m_dispatched.clear();
        m_batchIds.resize(0);
        m_batchIds.releaseIfLargeAndEmpty();
    }

    // Only the block in progress stays, at the front.
    if (m_blockStart > 0) {
        const qsizetype pending = m_blockBytes.size() - m_blockStart;
        if (pending > 0)
            std::memmove(m_blockBytes.data(), m_blockBytes.data() + m_blockStart, size_t(pending));
        m_blockBytes.resize(pending);
        m_blockStart = 0;
    }
    m_blockBytes.releaseIfLargeAndEmpty();
}

QString SseParser::decodedType()
{
    if (m_typeIsCached)
        return m_cachedType;
    if (m_type.isEmpty())
        return messageType();
    assignBytes(m_cachedTypeBytes, m_type);
    // The usual type shares one static string: copying it costs no atomic reference count.
    m_cachedType = m_type == "message" ? messageType() : Utf8Decoder::decode(m_type);
    return m_cachedType;
}
