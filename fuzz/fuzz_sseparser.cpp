// Bytes in pieces into SseParser: no crash, no undefined behaviour, and everything it hands on is
// well-formed UTF-8 within the event cap (three times it, once decoded). The first byte picks the
// piece sizes and the cap.
#include "FuzzInput.h"
#include "SseEventBatch.h"
#include "SseParser.h"
#include "Utf8Decoder.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype cap = (data[0] & 1) ? 64 : SseParser::DefaultMaxEventSize;
    const QByteArrayView body = FuzzInput::bytes(data + 1, size - 1);
    SseParser parser(cap);
    parser.beginStream();
    SseEventBatch batch;
    qsizetype at = 0;
    for (const qsizetype piece : FuzzInput::pieces(data[0], body.size(), 1 + (data[0] >> 1))) {
        batch.clear();
        parser.feed(body.sliced(at, piece), batch);
        at += piece;
        for (qsizetype i = 0; i < batch.size(); ++i) {
            // The cap counts bytes received; each invalid byte decodes to three (U+FFFD).
            if (batch.data(i).size() > 3 * cap || !Utf8Decoder::isWellFormed(batch.data(i))
                || !Utf8Decoder::isWellFormed(batch.type(i)) || !Utf8Decoder::isWellFormed(batch.lastEventId(i)))
                std::abort();
            (void)batch.event(i);
        }
        for (qsizetype c = 0; c < batch.commentCount(); ++c) {
            if (!Utf8Decoder::isWellFormed(batch.comment(c)) || batch.eventsBeforeComment(c) > batch.size())
                std::abort();
        }
    }
    parser.endStream();
    (void)parser.lastEventId();
    (void)parser.takeReconnectionTime();
    return 0;
}
