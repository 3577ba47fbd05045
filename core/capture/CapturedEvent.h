#pragma once

#include "SseEvent.h"

#include <QDateTime>
#include <QString>

// One dispatched event as it was captured: from which stream, when, and on which connection.
struct CapturedEvent
{
    QString url;          // the stream's URL as the user gave it
    SseEvent event;
    QDateTime receivedAt; // UTC, millisecond precision
    int connection = 0;   // 1 for the stream's first connection

    friend bool operator==(const CapturedEvent &, const CapturedEvent &) = default;
};
