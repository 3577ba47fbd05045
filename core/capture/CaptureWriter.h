#pragma once

#include <QByteArray>
#include <QString>

class QIODevice;
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
