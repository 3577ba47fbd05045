// What the fuzz targets share: the input as bytes, and piece sizes drawn from it, so that the same
// input always splits the same way and libFuzzer can steer the seams.
#pragma once

#include <QByteArrayView>
#include <QList>

#include <cstddef>
#include <cstdint>

namespace FuzzInput {

inline QByteArrayView bytes(const uint8_t *data, size_t size)
{
    return QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Piece sizes of 1 to `largest` bytes covering `total`, from a generator seeded with `seed`.
inline QList<qsizetype> pieces(quint64 seed, qsizetype total, qsizetype largest)
{
    QList<qsizetype> sizes;
    quint64 state = seed * 0x9E3779B97F4A7C15ull + 1;
    for (qsizetype left = total; left > 0;) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        const qsizetype size = qMin<qsizetype>(left, 1 + qsizetype(state % quint64(largest)));
        sizes.append(size);
        left -= size;
    }
    return sizes;
}

} // namespace FuzzInput
