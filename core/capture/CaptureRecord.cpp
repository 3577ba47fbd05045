#include "CaptureRecord.h"

#include <QAnyStringView>
#include <QStringDecoder>

#include <cstring>

namespace {

constexpr quint8 InvalidTime = 0x01;
constexpr quint8 InlineKey = 0x02;
constexpr quint8 IdReference = 0x04;

constexpr qsizetype MaxVarintBytes = 10;
constexpr qsizetype FixedBytes = 1 + qsizetype(sizeof(qint64)) + 5; // flags, time, connection

qsizetype varintSize(quint64 value)
{
    qsizetype bytes = 1;
    for (; value >= 0x80; value >>= 7)
        ++bytes;
    return bytes;
}

char *writeVarint(char *out, quint64 value)
{
    for (; value >= 0x80; value >>= 7)
        *out++ = char(quint8(value) | 0x80);
    *out++ = char(value);
    return out;
}

const char *readVarint(const char *in, quint64 *value)
{
    quint64 result = 0;
    int shift = 0;
    quint8 byte;
    do {
        byte = quint8(*in++);
        result |= quint64(byte & 0x7f) << shift;
        shift += 7;
    } while (byte & 0x80);
    *value = result;
    return in;
}

quint64 zigzag(int value)
{
    return quint64((quint32(value) << 1) ^ quint32(value >> 31));
}

int unzigzag(quint64 value)
{
    return int(quint32(value >> 1) ^ (0u - quint32(value & 1)));
}

// UTF-8 bytes of `text`, or -1 when it holds a lone surrogate.
qsizetype utf8Size(QStringView text)
{
    const char16_t *p = text.utf16();
    const char16_t *const end = p + text.size();
    qsizetype bytes = 0;
    while (p < end) {
        const char16_t c = *p++;
        if (c < 0x80)
            bytes += 1;
        else if (c < 0x800)
            bytes += 2;
        else if (!QChar::isSurrogate(c))
            bytes += 3;
        else if (QChar::isHighSurrogate(c) && p < end && QChar::isLowSurrogate(*p)) {
            ++p;
            bytes += 4;
        } else {
            return -1;
        }
    }
    return bytes;
}

// `text` must be well-formed (utf8Size() >= 0).
char *writeUtf8(char *out, QStringView text)
{
    const char16_t *p = text.utf16();
    const char16_t *const end = p + text.size();
    while (p < end) {
        const char16_t c = *p++;
        if (c < 0x80) {
            *out++ = char(c);
        } else if (c < 0x800) {
            *out++ = char(0xc0 | (c >> 6));
            *out++ = char(0x80 | (c & 0x3f));
        } else if (!QChar::isSurrogate(c)) {
            *out++ = char(0xe0 | (c >> 12));
            *out++ = char(0x80 | ((c >> 6) & 0x3f));
            *out++ = char(0x80 | (c & 0x3f));
        } else {
            const char32_t u = QChar::surrogateToUcs4(c, *p++);
            *out++ = char(0xf0 | (u >> 18));
            *out++ = char(0x80 | ((u >> 12) & 0x3f));
            *out++ = char(0x80 | ((u >> 6) & 0x3f));
            *out++ = char(0x80 | (u & 0x3f));
        }
    }
    return out;
}

struct StringForm
{
    qsizetype bytes;
    bool raw;
};

StringForm formOf(QStringView text)
{
    const qsizetype bytes = utf8Size(text);
    return bytes < 0 ? StringForm{text.size() * qsizetype(sizeof(char16_t)), true} : StringForm{bytes, false};
}

qsizetype fieldSize(StringForm form)
{
    return varintSize(quint64(form.bytes) << 1) + form.bytes;
}

qsizetype maxFieldSize(QStringView text)
{
    return MaxVarintBytes + 3 * text.size();
}

char *writeString(char *out, QStringView text, StringForm form)
{
    out = writeVarint(out, (quint64(form.bytes) << 1) | (form.raw ? 1 : 0));
    if (form.raw) {
        std::memcpy(out, text.utf16(), size_t(form.bytes));
        return out + form.bytes;
    }
    return writeUtf8(out, text);
}

bool startsWithBom(const char *bytes, qsizetype size)
{
    return size >= 3 && std::memcmp(bytes, "\xef\xbb\xbf", 3) == 0;
}

const char *readString(const char *in, QString *text)
{
    quint64 header;
    in = readVarint(in, &header);
    const qsizetype bytes = qsizetype(header >> 1);
    if (header & 1) {
        *text = QString(bytes / qsizetype(sizeof(char16_t)), Qt::Uninitialized);
        std::memcpy(text->data(), in, size_t(bytes));
    } else if (startsWithBom(in, bytes)) {
        // QString::fromUtf8() would drop a leading U+FEFF.
        QStringDecoder decoder(QStringDecoder::Utf8,
                               QStringDecoder::Flag::ConvertInitialBom | QStringDecoder::Flag::Stateless);
        *text = decoder.decode(QByteArrayView(in, bytes));
    } else {
        *text = QString::fromUtf8(in, bytes);
    }
    return in + bytes;
}

} // namespace

qsizetype CaptureRecord::maxSize(const CapturedEvent &event, qsizetype keyIndex)
{
    const qsizetype key = keyIndex >= 0 ? MaxVarintBytes
                                        : maxFieldSize(event.url) + maxFieldSize(event.event.type);
    return FixedBytes + key + maxFieldSize(event.event.lastEventId) + maxFieldSize(event.event.data);
}

qsizetype CaptureRecord::size(const CapturedEvent &event, qsizetype keyIndex)
{
    qsizetype bytes = 1 + varintSize(zigzag(event.connection));
    if (event.receivedAt.isValid())
        bytes += qsizetype(sizeof(qint64));
    if (keyIndex >= 0)
        bytes += varintSize(quint64(keyIndex));
    else
        bytes += fieldSize(formOf(event.url)) + fieldSize(formOf(event.event.type));
    return bytes + fieldSize(formOf(event.event.lastEventId)) + fieldSize(formOf(event.event.data));
}

qsizetype CaptureRecord::stringBytes(QStringView text)
{
    return formOf(text).bytes;
}

char *CaptureRecord::write(char *out, const CapturedEvent &event, qsizetype keyIndex, const char *sameId,
                           const char **idField)
{
    quint8 flags = 0;
    char *p = out + 1;
    if (event.receivedAt.isValid()) {
        const qint64 msecs = event.receivedAt.toMSecsSinceEpoch();
        std::memcpy(p, &msecs, sizeof msecs);
        p += sizeof msecs;
    } else {
        flags |= InvalidTime;
    }
    p = writeVarint(p, zigzag(event.connection));
    if (keyIndex >= 0) {
        p = writeVarint(p, quint64(keyIndex));
    } else {
        flags |= InlineKey;
        p = writeString(p, event.url, formOf(event.url));
        p = writeString(p, event.event.type, formOf(event.event.type));
    }
    const StringForm id = formOf(event.event.lastEventId);
    const quint64 distance = sameId ? quint64(p - sameId) : 0;
    if (sameId && varintSize(distance) < fieldSize(id)) {
        flags |= IdReference;
        *idField = sameId;
        p = writeVarint(p, distance);
    } else {
        *idField = p;
        p = writeString(p, event.event.lastEventId, id);
    }
    p = writeString(p, event.event.data, formOf(event.event.data));
    *out = char(flags);
    return p;
}

CapturedEvent CaptureRecord::read(const char *record, qsizetype *keyIndex)
{
    CapturedEvent event;
    const quint8 flags = quint8(*record);
    const char *p = record + 1;
    if (!(flags & InvalidTime)) {
        qint64 msecs;
        std::memcpy(&msecs, p, sizeof msecs);
        p += sizeof msecs;
        event.receivedAt = QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
    }
    quint64 value;
    p = readVarint(p, &value);
    event.connection = unzigzag(value);
    if (flags & InlineKey) {
        *keyIndex = -1;
        p = readString(p, &event.url);
        p = readString(p, &event.event.type);
    } else {
        p = readVarint(p, &value);
        *keyIndex = qsizetype(value);
    }
    if (flags & IdReference) {
        const char *reference = p;
        p = readVarint(p, &value);
        readString(reference - value, &event.event.lastEventId);
    } else {
        p = readString(p, &event.event.lastEventId);
    }
    readString(p, &event.event.data);
    return event;
}

bool CaptureRecord::receivedAt(const char *record, qint64 *msecs)
{
    if (quint8(*record) & InvalidTime)
        return false;
    std::memcpy(msecs, record + 1, sizeof *msecs);
    return true;
}

bool CaptureRecord::fieldEquals(const char *field, QStringView text)
{
    quint64 header;
    const char *bytes = readVarint(field, &header);
    const qsizetype size = qsizetype(header >> 1);
    if (header & 1)
        return size == text.size() * qsizetype(sizeof(char16_t)) && std::memcmp(bytes, text.utf16(), size_t(size)) == 0;
    // A leading U+FEFF is never matched, rather than trusting how the comparison treats it.
    if (size > 3 * text.size() || size < text.size() || startsWithBom(bytes, size))
        return false;
    return QAnyStringView::equal(QUtf8StringView(bytes, size), text);
}
