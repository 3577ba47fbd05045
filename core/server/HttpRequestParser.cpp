#include "HttpRequestParser.h"

#include "FetchRequest.h"

namespace HttpRequestParser {

namespace {

using FetchRequest::isToken;

bool hasControlCharacters(QByteArrayView text)
{
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return true;
    }
    return false;
}

bool parseRequestLine(QByteArrayView line, HttpRequest &request, int &minorVersion)
{
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype lastSpace = line.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace <= firstSpace + 1)
        return false;
    const QByteArrayView method = line.first(firstSpace);
    const QByteArrayView target = line.sliced(firstSpace + 1, lastSpace - firstSpace - 1);
    const QByteArrayView version = line.sliced(lastSpace + 1);
    if (!isToken(method) || target.contains(' ') || hasControlCharacters(target))
        return false;
    if (!(target.startsWith('/') || target == "*" || target.startsWith("http://")
          || target.startsWith("https://")))
        return false;
    if (version.size() != 8 || !version.startsWith("HTTP/1.") || version[7] < '0' || version[7] > '9')
        return false;
    request.method = method.toByteArray();
    request.target = target.toByteArray();
    minorVersion = version[7] - '0';
    return true;
}

bool containsToken(QByteArrayView list, QByteArrayView token)
{
    for (const QByteArray &item : list.toByteArray().split(',')) {
        if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

ParsedHead parseHead(const QByteArray &buffer)
{
    ParsedHead result;
    qsizetype pos = 0;
    while (pos < buffer.size() && (buffer[pos] == '\r' || buffer[pos] == '\n'))
        ++pos;
    if (pos == buffer.size()) {
        result.consumed = pos; // only blank lines so far: drop them
        return result;
    }

    int minorVersion = 1;
    bool firstLine = true;
    while (true) {
        const qsizetype newline = buffer.indexOf('\n', pos);
        if (newline < 0) {
            result.status = buffer.size() > MaxHeadSize ? ParseStatus::TooLarge : ParseStatus::Incomplete;
            result.consumed = 0;
            return result;
        }
        if (newline > MaxHeadSize) {
            result.status = ParseStatus::TooLarge;
            return result;
        }
        QByteArrayView line(buffer.constData() + pos, newline - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        pos = newline + 1;

        if (firstLine) {
            if (!parseRequestLine(line, result.request, minorVersion)) {
                result.status = ParseStatus::Bad;
                return result;
            }
            firstLine = false;
            continue;
        }
        if (line.isEmpty())
            break;

        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon))) {
            result.status = ParseStatus::Bad; // also rejects obsolete line folding
            return result;
        }
        QByteArray value = line.sliced(colon + 1).toByteArray().trimmed();
        if (hasControlCharacters(value)) {
            result.status = ParseStatus::Bad;
            return result;
        }
        if (value.isNull())
            value = QByteArray("");
        result.request.headers.append({line.first(colon).toByteArray(), value});
    }

    const HttpRequest &request = result.request;
    const QByteArray connection = request.header("Connection");
    result.closeAfterResponse = minorVersion == 0 ? !containsToken(connection, "keep-alive")
                                                  : containsToken(connection, "close");
    if (request.hasHeader("Transfer-Encoding")) {
        result.unsupportedBody = true;
    } else if (request.hasHeader("Content-Length")) {
        bool ok = false;
        result.bodyLength = request.header("Content-Length").toLongLong(&ok);
        if (!ok || result.bodyLength < 0) {
            result.status = ParseStatus::Bad;
            return result;
        }
    }
    result.status = ParseStatus::Complete;
    result.consumed = pos;
    return result;
}

} // namespace HttpRequestParser
