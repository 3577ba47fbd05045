// Bytes as a client might send them, into the embedded server's request-head parser: no crash, no
// undefined behaviour, and its verdicts hold together (a complete head consumed within the buffer
// and the head cap, a well-formed method and target, a body length never negative).
#include "FetchRequest.h"
#include "FuzzInput.h"
#include "HttpRequestParser.h"

#include <cstdlib>

using namespace HttpRequestParser;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray buffer = FuzzInput::bytes(data, size).toByteArray();
    const ParsedHead head = parseHead(buffer);
    if (head.consumed < 0 || head.consumed > buffer.size())
        std::abort();
    if (head.status == ParseStatus::Complete) {
        const HttpRequest &request = head.request;
        if (head.consumed > MaxHeadSize + 2 || !FetchRequest::isToken(request.method) || request.target.isEmpty()
            || head.bodyLength < 0)
            std::abort();
        (void)request.path();
        (void)request.query();
        (void)request.header("Content-Length");
    }
    return 0;
}
