#pragma once

#include <QLatin1StringView>
#include <QString>
#include <QStringView>

// Building FieldExtractor's paths ("/a/b[0]") in one reused buffer. In keys, "~", "/" and "[" are
// written "~0", "~1" and "~2" (as in JSON Pointer, and "[" too), so that every path names one value.
namespace JsonPath {

template <typename Text>
void appendKey(QString &path, Text key)
{
    path += QLatin1Char('/');
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < key.size(); ++i) {
        const char16_t c = char16_t(key.at(i).unicode());
        if (c != u'~' && c != u'/' && c != u'[')
            continue;
        path += key.sliced(plainFrom, i - plainFrom);
        path += QLatin1Char('~');
        path += QLatin1Char(c == u'~' ? '0' : c == u'/' ? '1' : '2');
        plainFrom = i + 1;
    }
    path += key.sliced(plainFrom);
}

inline void appendIndex(QString &path, qsizetype index)
{
    char digits[24];
    int count = 0;
    do {
        digits[count++] = char('0' + index % 10);
        index /= 10;
    } while (index > 0);
    path += QLatin1Char('[');
    while (count > 0)
        path += QLatin1Char(digits[--count]);
    path += QLatin1Char(']');
}

} // namespace JsonPath
