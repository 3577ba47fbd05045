#pragma once

#include <QString>

struct CapturedEvent;

// A capture file format, writing to a device it does not own. Writers buffer: what was written is
// certain to have reached the device (and the file system) only after flush() returned true.
class CaptureWriter
{
public:
    virtual ~CaptureWriter() = default;

    // Called once before the first event (a header row, a preamble).
    virtual void begin() { }
    virtual void write(const CapturedEvent &event) = 0;
    // Hands everything written so far to the device and flushes it; false on a write error.
    virtual bool flush() = 0;
    virtual QString errorString() const = 0;
};
