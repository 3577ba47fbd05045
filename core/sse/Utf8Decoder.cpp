#include "Utf8Decoder.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace {

// Bounds of the second byte for each lead byte, per the WHATWG "UTF-8 decoder" steps.
struct LeadInfo
{
    int continuationBytes;
    unsigned char secondLow;
    unsigned char secondHigh;
    char32_t initial;
};

bool leadInfo(unsigned char lead, LeadInfo &info)
{
    if (lead >= 0xC2 && lead <= 0xDF) {
        info = {1, 0x80, 0xBF, char32_t(lead & 0x1F)};
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        info = {2, static_cast<unsigned char>(lead == 0xE0 ? 0xA0 : 0x80),
                static_cast<unsigned char>(lead == 0xED ? 0x9F : 0xBF), char32_t(lead & 0x0F)};
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        info = {3, static_cast<unsigned char>(lead == 0xF0 ? 0x90 : 0x80),
                static_cast<unsigned char>(lead == 0xF4 ? 0x8F : 0xBF), char32_t(lead & 0x07)};
    } else {
        return false;
    }
    return true;
}

// The length of the well-formed sequence at p[i] (a lead byte of 0x80 or more), or 0 when the
// bytes from i on begin with an ill-formed subpart; `subpart` then gets that subpart's length.
qsizetype sequenceLength(const unsigned char *p, qsizetype i, qsizetype n, qsizetype &subpart)
{
    LeadInfo info;
    if (!leadInfo(p[i], info)) {
        subpart = 1;
        return 0;
    }
    qsizetype j = i + 1;
    for (int k = 0; k < info.continuationBytes; ++k, ++j) {
        const unsigned char low = k == 0 ? info.secondLow : 0x80;
        const unsigned char high = k == 0 ? info.secondHigh : 0xBF;
        if (j >= n || p[j] < low || p[j] > high) {
            subpart = j - i;
            return 0;
        }
    }
    return j - i;
}

// Bytes from `i` on that are ASCII, skipped 16 at a time where SSE2 is there.
qsizetype skipAscii(const unsigned char *p, qsizetype i, qsizetype n)
{
#if defined(__SSE2__)
    while (i + 16 <= n) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        const int mask = _mm_movemask_epi8(chunk);
        if (mask != 0)
            return i + __builtin_ctz(unsigned(mask));
        i += 16;
    }
#endif
    while (i < n && p[i] < 0x80)
        ++i;
    return i;
}

} // namespace

bool Utf8Decoder::isWellFormedBeyondAscii(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while ((i = skipAscii(p, i, n)) < n) {
        qsizetype subpart = 0;
        const qsizetype length = sequenceLength(p, i, n, subpart);
        if (length == 0)
            return false;
        i += length;
    }
    return true;
}

QByteArray Utf8Decoder::replaceIllFormed(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    QByteArray out;
    out.reserve(n + 8);
    qsizetype i = 0;
    while (i < n) {
        const qsizetype ascii = skipAscii(p, i, n);
        out.append(bytes.sliced(i, ascii - i));
        i = ascii;
        if (i == n)
            break;
        qsizetype subpart = 0;
        const qsizetype length = sequenceLength(p, i, n, subpart);
        if (length > 0) {
            out.append(bytes.sliced(i, length));
            i += length;
        } else {
            out.append("\xEF\xBF\xBD");
            i += subpart;
        }
    }
    return out;
}

QString Utf8Decoder::decode(QByteArrayView bytes)
{
    QString out(bytes.size(), Qt::Uninitialized);
    out.truncate(decodeInto(bytes, reinterpret_cast<char16_t *>(out.data())));
    return out;
}

qsizetype Utf8Decoder::decodeInto(QByteArrayView bytes, char16_t *dst)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    char16_t *const begin = dst;

    qsizetype i = 0;
    while (i < n) {
#if defined(__SSE2__)
        // ASCII, 16 bytes at a time: widened by interleaving with zero bytes.
        const __m128i zero = _mm_setzero_si128();
        while (i + 16 <= n) {
            const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
            if (_mm_movemask_epi8(chunk) != 0)
                break;
            _mm_storeu_si128(reinterpret_cast<__m128i *>(dst), _mm_unpacklo_epi8(chunk, zero));
            _mm_storeu_si128(reinterpret_cast<__m128i *>(dst + 8), _mm_unpackhi_epi8(chunk, zero));
            dst += 16;
            i += 16;
        }
#endif
        while (i + 8 <= n) {
            quint64 word;
            std::memcpy(&word, p + i, 8);
            if (word & 0x8080808080808080ULL)
                break;
            for (int k = 0; k < 8; ++k)
                dst[k] = p[i + k];
            dst += 8;
            i += 8;
        }
        if (i == n)
            break;
        const unsigned char lead = p[i];
        if (lead < 0x80) {
            *dst++ = lead;
            ++i;
            continue;
        }
        LeadInfo info;
        if (!leadInfo(lead, info)) {
            *dst++ = 0xFFFD;
            ++i;
            continue;
        }
        char32_t codePoint = info.initial;
        qsizetype j = i + 1;
        bool complete = true;
        for (int k = 0; k < info.continuationBytes; ++k, ++j) {
            const unsigned char low = k == 0 ? info.secondLow : 0x80;
            const unsigned char high = k == 0 ? info.secondHigh : 0xBF;
            if (j >= n || p[j] < low || p[j] > high) {
                complete = false;
                break;
            }
            codePoint = (codePoint << 6) | (p[j] & 0x3F);
        }
        if (!complete) {
            // The bytes consumed so far are one maximal ill-formed subpart; the byte that broke
            // the sequence is looked at again as a possible lead byte.
            *dst++ = 0xFFFD;
            i = j;
            continue;
        }
        if (codePoint >= 0x10000) {
            codePoint -= 0x10000;
            *dst++ = char16_t(0xD800 + (codePoint >> 10));
            *dst++ = char16_t(0xDC00 + (codePoint & 0x3FF));
        } else {
            *dst++ = char16_t(codePoint);
        }
        i = j;
    }
    return dst - begin;
}
