#pragma once

#include "CapturedEvent.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <memory>

class QIODevice;

// Reads a capture written by `record` in any of its formats, recognised by content: JSON Lines when
// the first non-blank byte is `{`, CSV when the first line starts with `receivedAt,`, otherwise
// text/event-stream (where `: receivedAt ... url ...` comments carry the receive time, connection
// and URL of the event that follows; events without one have an invalid receivedAt and no URL).
//
// Events are read one at a time from a device it does not own; memory per event is bounded by
// maxEventSize. Malformed input stops the reading with an error that names the line; the events
// before it have been delivered.
class CaptureReader
{
public:
    enum class Format { Unknown, Jsonl, Csv, Sse };

    static constexpr qsizetype DefaultMaxEventSize = 16 * 1024 * 1024;

    explicit CaptureReader(QIODevice *device, qsizetype maxEventSize = DefaultMaxEventSize);
    ~CaptureReader();
    CaptureReader(const CaptureReader &) = delete;
    CaptureReader &operator=(const CaptureReader &) = delete;

    // The next event into `event`; false at the end of the input or on an error (see hasError()).
    bool next(CapturedEvent &event);

    // Known once next() has been called (Unknown for empty input).
    Format format() const;
    bool hasError() const;
    // "line 12: ..." when hasError().
    QString errorString() const;

    // The format these first bytes of a capture announce.
    static Format detectFormat(QByteArrayView head);

    // Every event of a device or file; false on an error (`events` then holds those read before it,
    // `errorString` says what and where).
    static bool readAll(QIODevice *device, QList<CapturedEvent> &events, QString *errorString = nullptr);
    static bool readFile(const QString &path, QList<CapturedEvent> &events, QString *errorString = nullptr);

private:
    class Private;
    std::unique_ptr<Private> d;
};
