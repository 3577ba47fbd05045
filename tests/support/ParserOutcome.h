// What SseParser makes of a body fed in given pieces, in the terms of ReferenceSse::Outcome, so
// that the two can be compared (tst_sseparserdifferential and fuzz_differential).
#pragma once

#include "ReferenceSseParser.h"
#include "SseEventBatch.h"
#include "SseParser.h"

#include <QByteArrayView>
#include <QList>

namespace ReferenceSse {

// `cuts` are the sizes of the pieces; what is left after them is the last piece.
inline Outcome parseInPieces(QByteArrayView body, const QList<qsizetype> &cuts)
{
    Outcome out;
    SseParser parser;
    parser.beginStream();
    SseEventBatch batch;
    auto feed = [&](QByteArrayView piece) {
        batch.clear();
        parser.feed(piece, batch);
        for (qsizetype i = 0; i < batch.size(); ++i) {
            const SseEvent event = batch.event(i);
            out.events.append({event.type, event.data, event.lastEventId});
        }
        for (qsizetype c = 0; c < batch.commentCount(); ++c)
            out.comments.append(Utf8Decoder::decode(batch.comment(c))); // fromUtf8() would drop a leading U+FEFF
        if (const std::optional<int> retry = parser.takeReconnectionTime())
            out.retry = retry;
    };
    qsizetype at = 0;
    for (qsizetype cut : cuts) {
        const qsizetype size = qBound<qsizetype>(0, cut, body.size() - at);
        feed(body.sliced(at, size));
        at += size;
    }
    feed(body.sliced(at));
    parser.endStream();
    out.lastEventId = parser.lastEventId();
    return out;
}

} // namespace ReferenceSse
