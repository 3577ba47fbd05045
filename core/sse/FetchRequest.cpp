#include "FetchRequest.h"

#include <algorithm>
#include <cstring>
#include <utility>

bool FetchRequest::isToken(QByteArrayView text)
{
    const auto tokenChar = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
    };
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), tokenChar);
}

QByteArray FetchRequest::normalizedMethod(const QByteArray &method)
{
    if (method.isEmpty())
        return QByteArrayLiteral("GET");
    for (const char *known : {"DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"}) {
        if (method.compare(known, Qt::CaseInsensitive) == 0)
            return QByteArray(known);
    }
    return method;
}

bool FetchRequest::isForbiddenMethod(const QByteArray &method)
{
    for (const char *forbidden : {"CONNECT", "TRACE", "TRACK"}) {
        if (method.compare(forbidden, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool FetchRequest::isRequestBodyHeader(const QByteArray &name)
{
    for (const char *header : {"Content-Encoding", "Content-Language", "Content-Location", "Content-Type"}) {
        if (name.compare(header, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool FetchRequest::redirectBecomesGet(int status, const QByteArray &method)
{
    return ((status == 301 || status == 302) && method == "POST")
        || (status == 303 && method != "GET" && method != "HEAD");
}

FetchRequest::NoRewindBody::NoRewindBody(QByteArray bytes)
    : m_bytes(std::move(bytes))
{
    open(QIODevice::ReadOnly);
}

qint64 FetchRequest::NoRewindBody::readData(char *data, qint64 maxSize)
{
    const qint64 count = qMin(maxSize, qint64(m_bytes.size()) - pos());
    if (count <= 0)
        return -1; // the end
    std::memcpy(data, m_bytes.constData() + pos(), size_t(count));
    return count;
}
