// Test literals written exactly: byte strings with embedded NULs and hex escapes, and expected
// text as UTF-16 literals, embedded NULs included.

#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>

namespace TextLiterals {

template <std::size_t N>
QByteArray raw(const char (&s)[N])
{
    return QByteArray(s, qsizetype(N - 1));
}

template <std::size_t N>
QString u16(const char16_t (&s)[N])
{
    return QString(reinterpret_cast<const QChar *>(s), qsizetype(N - 1));
}

} // namespace TextLiterals
