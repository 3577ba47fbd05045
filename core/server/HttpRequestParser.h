#pragma once

#include "HttpRequest.h"

#include <QByteArray>

// The head of a request as the embedded server reads it from a connection's buffer: request line
// and header fields up to the blank line, strictly (a token method, an origin- or absolute-form
// target, HTTP/1.x, no control characters, no obsolete line folding). Pure, so that it is fuzzed.
namespace HttpRequestParser {

constexpr qsizetype MaxHeadSize = 64 * 1024;

enum class ParseStatus { Incomplete, Complete, Bad, TooLarge };

struct ParsedHead
{
    ParseStatus status = ParseStatus::Incomplete;
    HttpRequest request;
    qsizetype consumed = 0; // bytes of the buffer the head took, blank line included
    bool closeAfterResponse = false;
    qint64 bodyLength = 0;
    bool unsupportedBody = false; // a Transfer-Encoding: chunked request bodies are not read
};

// Lines may end in CRLF or a bare LF; empty lines before the request line are skipped (and
// consumed when there is nothing else yet).
ParsedHead parseHead(const QByteArray &buffer);

} // namespace HttpRequestParser
