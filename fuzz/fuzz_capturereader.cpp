// A capture file of any of the three formats into CaptureReader: no crash, no undefined behaviour,
// memory bounded by the event cap, and every event it delivers complete; an error names a line.
#include "CaptureReader.h"
#include "CapturedEvent.h"
#include "FuzzInput.h"

#include <QBuffer>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray bytes = FuzzInput::bytes(data, size).toByteArray();
    QBuffer device(&bytes);
    device.open(QIODevice::ReadOnly);
    CaptureReader reader(&device, 4096);
    CapturedEvent event;
    while (reader.next(event)) {
        if (event.event.data.size() > 4096 * 2)
            std::abort();
    }
    if (reader.hasError() && reader.errorString().isEmpty())
        std::abort();
    return 0;
}
