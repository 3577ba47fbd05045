#pragma once

#include "CapturedEvent.h"

#include <QDateTime>

// The n-th event that capture_journal_child writes, for tst_capturejournal to compare against.
inline CapturedEvent journalTestEvent(int n)
{
    CapturedEvent captured;
    captured.url = QStringLiteral("http://127.0.0.1/events");
    captured.event.type = n % 3 == 0 ? QStringLiteral("tick") : QStringLiteral("message");
    captured.event.data = QStringLiteral("{\"n\": %1, \"text\": \"caf\u00e9 \\\"q\\\"\"}\nline 2").arg(n);
    captured.event.lastEventId = QString::number(n);
    captured.receivedAt = QDateTime::fromMSecsSinceEpoch(1'800'000'000'000 + n, Qt::UTC);
    captured.connection = 1 + n / 1000;
    return captured;
}
