#pragma once

#include "CapturedEvent.h"

#include <QDateTime>
#include <QString>

// The demo stream's event number n as a capture holds it: id n, `{"count":n,"time":...}`.
inline CapturedEvent seedEvent(qint64 n, const QDateTime &receivedAt)
{
    CapturedEvent captured;
    captured.url = QStringLiteral("http://127.0.0.1:8080/events");
    captured.event.lastEventId = QString::number(n);
    captured.event.data = QStringLiteral("{\"count\":%1,\"time\":\"2026-11-23T00:00:00.123Z\"}").arg(n);
    captured.receivedAt = receivedAt;
    captured.connection = 1;
    return captured;
}
