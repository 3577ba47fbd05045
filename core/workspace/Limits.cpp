#include "Limits.h"

#include <algorithm>

Limits Limits::bounded() const
{
    Limits limits = *this;
    limits.captureMaxEvents = std::clamp<qint64>(captureMaxEvents, 1, MaximumCaptureEvents);
    limits.captureMaxMiB = std::clamp(captureMaxMiB, 1, MaximumCaptureMiB);
    limits.captureTotalMiB = std::clamp(captureTotalMiB, 1, MaximumCaptureMiB);
    limits.logRows = std::clamp(logRows, MinimumLogRows, MaximumLogRows);
    limits.chartPoints = std::clamp(chartPoints, MinimumChartPoints, MaximumChartPoints);
    return limits;
}
