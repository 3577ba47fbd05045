#pragma once

#include <QByteArrayView>
#include <QString>

// UTF-8 decoding exactly as the WHATWG Encoding Standard specifies it: one U+FFFD for each maximal
// ill-formed subpart, no BOM handling. (QString::fromUtf8 strips a BOM and replaces per byte, which
// a browser does not.) The input must be complete: callers split the stream at CR/LF first, which
// never cuts a well-formed sequence.
namespace Utf8Decoder {
QString decode(QByteArrayView bytes);
// Decodes into `out`, which has room for bytes.size() units (UTF-8 never needs more UTF-16 units
// than it has bytes); returns the number of units written.
qsizetype decodeInto(QByteArrayView bytes, char16_t *out);
}
