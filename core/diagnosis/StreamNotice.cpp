#include "StreamNotice.h"

#include <QCoreApplication>
#include <QLocale>

namespace {

QString seconds(qint64 ms)
{
    return QLocale().toString(ms / 1000.0, 'f', ms < 10000 ? 1 : 0);
}

QString tr(const char *text)
{
    return QCoreApplication::translate("StreamNotice", text);
}

} // namespace

QString StreamNotice::shortText(Kind kind)
{
    switch (kind) {
    case Kind::HeadersHeldBack:
        return tr("response held back");
    case Kind::BufferingProxy:
        return tr("buffered by a proxy?");
    case Kind::Compressed:
        return tr("compressed");
    case Kind::EventTooLarge:
        return tr("event too large");
    }
    return {};
}

StreamNotice StreamNotice::headersHeldBack(qint64 waitedMs, bool offeredCompression)
{
    QString text = tr("no response headers %1 s after the request: a proxy may be holding the response "
                      "back (nginx: proxy_buffering off, or the header X-Accel-Buffering: no from the "
                      "server), or the server does not send its headers before its first event")
                       .arg(seconds(waitedMs));
    if (offeredCompression)
        text += tr("; the request offered compression, and compression middleware holds a stream back "
                   "until its buffer fills: subscribe with compression off");
    return {Kind::HeadersHeldBack, text};
}

StreamNotice StreamNotice::bufferingProxy(qint64 silenceMs, qint64 events, int bursts)
{
    return {Kind::BufferingProxy,
            tr("events arrive in bursts (%1 at once after %2 s of silence, %3 times in a row): a proxy "
               "is likely buffering the stream; the usual fixes are the response header "
               "X-Accel-Buffering: no, proxy_buffering off in nginx, and flushing after each event")
                .arg(events)
                .arg(seconds(silenceMs))
                .arg(bursts)};
}

StreamNotice StreamNotice::eventTooLarge(qsizetype maxEventSize)
{
    return {Kind::EventTooLarge,
            tr("an event grew beyond the event size cap (%1 MiB) and is dropped, up to the blank line that "
               "ends it (or a line that never ends, up to the end of the connection); the events after it "
               "arrive as usual, and later ones too large on this connection are dropped without a word")
                .arg(QString::number(double(maxEventSize) / (1 << 20), 'g', 4))};
}

StreamNotice StreamNotice::compressed(const QByteArray &encoding)
{
    return {Kind::Compressed,
            tr("the server compresses the event stream (Content-Encoding: %1): a compressor may hold events "
               "back until its buffer fills; turn compression off for this subscription, or have the "
               "server flush after each event")
                .arg(QString::fromLatin1(encoding))};
}
