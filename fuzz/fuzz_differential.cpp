// The same bytes, in pieces drawn from the input, to SseParser and to the literal transcription of
// the standard's algorithm (tests/support/ReferenceSseParser.h): the events, comments, last event ID
// and retry must be the same, or the target aborts with both outcomes on standard error.
#include "FuzzInput.h"
#include "ParserOutcome.h"

#include <QHashFunctions>

#include <cstdio>
#include <cstdlib>

namespace {

void report(const char *what, const ReferenceSse::Outcome &outcome)
{
    std::fprintf(stderr, "%s: %lld events, %lld comments, id \"%s\"\n", what, qlonglong(outcome.events.size()),
                 qlonglong(outcome.comments.size()), qPrintable(outcome.lastEventId));
    for (const ReferenceSse::Event &event : outcome.events)
        std::fprintf(stderr, "  [%s|%s|%s]\n", qPrintable(event.type), qPrintable(event.data),
                     qPrintable(event.lastEventId));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView body = FuzzInput::bytes(data, size);
    const ReferenceSse::Outcome expected = ReferenceSse::interpret(body);
    const size_t seed = qHash(body);
    for (const qsizetype largest : {qsizetype(1), qsizetype(7), body.size() + 1}) {
        const ReferenceSse::Outcome actual = ReferenceSse::parseInPieces(body, FuzzInput::pieces(seed, body.size(), largest));
        if (actual != expected) {
            report("parser", actual);
            report("reference", expected);
            std::abort();
        }
    }
    return 0;
}
