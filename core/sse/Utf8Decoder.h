#pragma once

#include <QByteArrayView>
#include <QString>

#include <cstring>

// UTF-8 decoding exactly as the WHATWG Encoding Standard specifies it: one U+FFFD for each maximal
// ill-formed subpart, no BOM handling. (QString::fromUtf8 strips a BOM and replaces per byte, which
// a browser does not.) The input must be complete: callers split the stream at CR/LF first, which
// never cuts a well-formed sequence.
namespace Utf8Decoder {
QString decode(QByteArrayView bytes);
// Decodes into `out`, which has room for bytes.size() units (UTF-8 never needs more UTF-16 units
// than it has bytes); returns the number of units written.
qsizetype decodeInto(QByteArrayView bytes, char16_t *out);

// Whether the bytes are well-formed UTF-8 (then decode() replaces nothing). Fast on ASCII.
bool isWellFormedBeyondAscii(QByteArrayView bytes);
inline bool isWellFormed(QByteArrayView bytes)
{
    // Short ASCII (IDs, types, small payloads) is decided here, eight bytes at a time.
    const char *p = bytes.data();
    qsizetype n = bytes.size();
    if (n > 64)
        return isWellFormedBeyondAscii(bytes);
    quint64 high = 0;
    for (; n >= 8; n -= 8, p += 8) {
        quint64 word;
        std::memcpy(&word, p, 8);
        high |= word;
    }
    for (; n > 0; --n, ++p)
        high |= quint64(static_cast<unsigned char>(*p));
    return (high & 0x8080808080808080ULL) == 0 || isWellFormedBeyondAscii(bytes);
}
// The bytes with each maximal ill-formed subpart replaced by U+FFFD (EF BF BD), as UTF-8: what
// decode() gives, encoded again.
QByteArray replaceIllFormed(QByteArrayView bytes);
}
