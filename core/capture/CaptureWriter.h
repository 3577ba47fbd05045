#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

class QIODevice;
class SseEventBatch;
struct CapturedEvent;

// A capture file format, writing to a device it does not own. Formats append their bytes to the
// shared buffer; what was written is certain to have reached the device (and the file system)
// only after flush() returned true.
class CaptureWriter
{
public:
    virtual ~CaptureWriter() = default;

    // Called once before the first event (a header row, a preamble).
    virtual void begin() { }
    virtual void write(const CapturedEvent &event) = 0;
    // One event of a parsed batch, as the recorder has it. By default it is decoded and given to
    // write(); a format that writes the bytes as they are overrides it and skips the QStrings.
    virtual void writeBatchEvent(const QString &url, const SseEventBatch &batch, qsizetype index,
                                 qint64 receivedAtMs, int connection);
    // Whether writeComment() writes anything (JSON Lines) or nothing (the other formats).
    virtual bool writesComments() const { return false; }
    // A comment of the stream (`: heartbeat`), well-formed UTF-8 without its colon.
    virtual void writeComment(const QString &url, QByteArrayView text, qint64 receivedAtMs)
    {
        Q_UNUSED(url) Q_UNUSED(text) Q_UNUSED(receivedAtMs)
    }
    // Hands everything written so far to the device and flushes it; false on a write error.
    bool flush();
    QString errorString() const { return m_errorString; }

protected:
    explicit CaptureWriter(QIODevice *device);

    // Call after appending an event: a large buffer goes to the device without waiting for flush().
    void writeThroughIfFull();

    QByteArray m_buffer;

private:
    bool writeBuffer();

    QIODevice *m_device;
    QString m_errorString;
};
