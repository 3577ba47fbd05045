#include "JsonlWriter.h"

#include "CapturedEvent.h"
#include "SseEventBatch.h"

#include <QFileDevice>
#include <QIODevice>

#include <charconv>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace {

// Past this much pending output, write() hands it to the device without waiting for flush().
// Escaping works through the string in blocks, so that the worst case (6 bytes per UTF-16 unit)
// is reserved for one block only.
constexpr qsizetype EscapeBlock = 4096;

char hexDigit(unsigned value)
{
    return "0123456789abcdef"[value & 0xf];
}

char *writeUnicodeEscape(char *out, char16_t unit)
{
    *out++ = '\\';
    *out++ = 'u';
    *out++ = hexDigit(unit >> 12);
    *out++ = hexDigit(unit >> 8);
    *out++ = hexDigit(unit >> 4);
    *out++ = hexDigit(unit);
    return out;
}

// A quote, a backslash or a C0 control, escaped.
char *writeEscape(char *o, unsigned char c)
{
    *o++ = '\\';
    switch (c) {
    case '"': *o++ = '"'; break;
    case '\\': *o++ = '\\'; break;
    case '\b': *o++ = 'b'; break;
    case '\f': *o++ = 'f'; break;
    case '\n': *o++ = 'n'; break;
    case '\r': *o++ = 'r'; break;
    case '\t': *o++ = 't'; break;
    default: o = writeUnicodeEscape(o - 1, c); break;
    }
    return o;
}

// Appends `text` as a JSON string literal: quotes, backslashes and C0 controls escaped, everything
// else as UTF-8, but U+FEFF and a lone surrogate as \uXXXX.
void appendJsonString(QByteArray &out, QStringView text)
{
    out.append('"');
    const char16_t *p = text.utf16();
    const char16_t *const end = p + text.size();
    while (p < end) {
        const qsizetype blockUnits = qMin<qsizetype>(end - p, EscapeBlock);
        const char16_t *const blockEnd = p + blockUnits;
        const qsizetype oldSize = out.size();
        out.resize(oldSize + 6 * blockUnits + 3); // + 3: a surrogate pair may straddle the block end
        char *o = out.data() + oldSize;
        while (p < blockEnd) {
            const char16_t c = *p++;
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    *o++ = char(c);
                    continue;
                }
                o = writeEscape(o, static_cast<unsigned char>(c));
            } else if (c < 0x800) {
                *o++ = char(0xc0 | (c >> 6));
                *o++ = char(0x80 | (c & 0x3f));
            } else if (c == 0xfeff) {
                // Qt's JSON parser drops a raw BOM at the start of a string; escaped it survives.
                o = writeUnicodeEscape(o, c);
            } else if (c < 0xd800 || c > 0xdfff) {
                *o++ = char(0xe0 | (c >> 12));
                *o++ = char(0x80 | ((c >> 6) & 0x3f));
                *o++ = char(0x80 | (c & 0x3f));
            } else if (c < 0xdc00 && p < end && *p >= 0xdc00 && *p <= 0xdfff) {
                const char32_t code = 0x10000 + ((char32_t(c) - 0xd800) << 10) + (char32_t(*p++) - 0xdc00);
                *o++ = char(0xf0 | (code >> 18));
                *o++ = char(0x80 | ((code >> 12) & 0x3f));
                *o++ = char(0x80 | ((code >> 6) & 0x3f));
                *o++ = char(0x80 | (code & 0x3f));
            } else {
                o = writeUnicodeEscape(o, c);
            }
        }
        out.resize(o - out.constData());
    }
    out.append('"');
}

// The same as appendJsonString() for text that is already well-formed UTF-8: runs of bytes that
// need no escape are copied as they are, 16 at a time where SSE2 is there.
void appendJsonUtf8(QByteArray &out, QByteArrayView text)
{
    out.append('"');
    const auto *p = reinterpret_cast<const unsigned char *>(text.data());
    const auto *const end = p + text.size();
    while (p < end) {
        const qsizetype blockBytes = qMin<qsizetype>(end - p, EscapeBlock);
        const unsigned char *const blockEnd = p + blockBytes;
        const qsizetype oldSize = out.size();
        out.resize(oldSize + 6 * blockBytes + 6); // + 6: a U+FEFF may straddle the block end
        char *o = out.data() + oldSize;
        while (p < blockEnd) {
#if defined(__SSE2__)
            const __m128i controlMax = _mm_set1_epi8(0x1F);
            const __m128i quote = _mm_set1_epi8('"');
            const __m128i backslash = _mm_set1_epi8('\\');
            const __m128i bomLead = _mm_set1_epi8(char(0xEF));
            while (blockEnd - p >= 16) {
                const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
                const __m128i special = _mm_or_si128(
                    _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(chunk, controlMax), chunk),
                                 _mm_cmpeq_epi8(chunk, quote)),
                    _mm_or_si128(_mm_cmpeq_epi8(chunk, backslash), _mm_cmpeq_epi8(chunk, bomLead)));
                const int mask = _mm_movemask_epi8(special);
                _mm_storeu_si128(reinterpret_cast<__m128i *>(o), chunk);
                const int safe = mask == 0 ? 16 : __builtin_ctz(unsigned(mask));
                o += safe;
                p += safe;
                if (mask != 0)
                    break;
            }
#endif
            if (p >= blockEnd)
                break;
            const unsigned char c = *p;
            if (c >= 0x20 && c != '"' && c != '\\' && c != 0xEF) {
                *o++ = char(c);
                ++p;
            } else if (c == 0xEF) {
                // Qt's JSON parser drops a raw BOM at the start of a string; escaped it survives.
                if (end - p >= 3 && p[1] == 0xBB && p[2] == 0xBF) {
                    o = writeUnicodeEscape(o, 0xfeff);
                    p += 3;
                } else {
                    *o++ = char(c);
                    ++p;
                }
            } else {
                o = writeEscape(o, c);
                ++p;
            }
        }
        out.resize(o - out.constData());
    }
    out.append('"');
}

void appendDigits(char *out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
}

// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's civil_from_days).
void civilFromDays(qint64 days, qint64 &year, int &month, int &day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    month = int(mp < 10 ? mp + 3 : mp - 9);
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
}

} // namespace

JsonlWriter::JsonlWriter(QIODevice *device)
    : CaptureWriter(device)
{
}

void JsonlWriter::write(const CapturedEvent &captured)
{
    m_buffer.append("{\"url\":");
    appendJsonString(m_buffer, captured.url);
    m_buffer.append(",\"type\":");
    appendJsonString(m_buffer, captured.event.type);
    m_buffer.append(",\"data\":");
    appendJsonString(m_buffer, captured.event.data);
    m_buffer.append(",\"lastEventId\":");
    appendJsonString(m_buffer, captured.event.lastEventId);
    const bool valid = captured.receivedAt.isValid();
    appendTail(valid ? captured.receivedAt.toMSecsSinceEpoch() : 0, valid, captured.connection);
}

void JsonlWriter::writeBatchEvent(const QString &url, const SseEventBatch &batch, qsizetype index,
                                  qint64 receivedAtMs, int connection)
{
    // A recording has one URL per stream: its part of the line is escaped once.
    if (m_urlPrefix.isEmpty() || url != m_url) {
        m_url = url;
        m_urlPrefix = QByteArray("{\"url\":");
        appendJsonString(m_urlPrefix, url);
        m_urlPrefix.append(",\"type\":");
    }
    m_buffer.append(m_urlPrefix);
    appendJsonUtf8(m_buffer, batch.type(index));
    m_buffer.append(",\"data\":");
    appendJsonUtf8(m_buffer, batch.data(index));
    m_buffer.append(",\"lastEventId\":");
    appendJsonUtf8(m_buffer, batch.lastEventId(index));
    appendTail(receivedAtMs, true, connection);
}

void JsonlWriter::writeComment(const QString &url, QByteArrayView text, qint64 receivedAtMs)
{
    m_buffer.append("{\"url\":");
    appendJsonString(m_buffer, url);
    m_buffer.append(",\"comment\":");
    appendJsonUtf8(m_buffer, text);
    m_buffer.append(",\"receivedAt\":\"");
    appendTimestamp(receivedAtMs);
    m_buffer.append("\"}\n");
    writeThroughIfFull();
}

void JsonlWriter::appendTail(qint64 receivedAtMs, bool valid, int connection)
{
    m_buffer.append(",\"receivedAt\":\"");
    if (valid)
        appendTimestamp(receivedAtMs);
    m_buffer.append("\",\"connection\":");
    char digits[16];
    const auto written = std::to_chars(digits, digits + sizeof digits, connection);
    m_buffer.append(digits, written.ptr - digits);
    m_buffer.append("}\n");
    writeThroughIfFull();
}

void JsonlWriter::appendTimestamp(qint64 msecs)
{
    // Events come in bursts within one millisecond: format each millisecond once.
    if (msecs != m_stampMsecs || m_stamp.isEmpty()) {
        constexpr qint64 MsecsPerDay = 86400000;
        const qint64 days = msecs >= 0 ? msecs / MsecsPerDay : (msecs - MsecsPerDay + 1) / MsecsPerDay;
        const qint64 msOfDay = msecs - days * MsecsPerDay;
        qint64 year;
        int month;
        int day;
        civilFromDays(days, year, month, day);
        if (year < 0 || year > 9999) {
            m_stamp = QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
        } else {
            m_stamp = QByteArray("0000-00-00T00:00:00.000Z");
            char *s = m_stamp.data();
            appendDigits(s, int(year), 4);
            appendDigits(s + 5, month, 2);
            appendDigits(s + 8, day, 2);
            appendDigits(s + 11, int(msOfDay / 3600000), 2);
            appendDigits(s + 14, int(msOfDay / 60000 % 60), 2);
            appendDigits(s + 17, int(msOfDay / 1000 % 60), 2);
            appendDigits(s + 20, int(msOfDay % 1000), 3);
        }
        m_stampMsecs = msecs;
    }
    m_buffer.append(m_stamp);
}
