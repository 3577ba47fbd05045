#pragma once

#include <QString>

// One dispatched event, as a browser's MessageEvent would carry it.
struct SseEvent
{
    QString type = QStringLiteral("message");
    QString data;
    QString lastEventId;

    friend bool operator==(const SseEvent &, const SseEvent &) = default;
};
