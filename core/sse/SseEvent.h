#pragma once

#include <QString>
#include <QtGlobal>

// One dispatched event, as a browser's MessageEvent would carry it.
struct SseEvent
{
    QString type = QStringLiteral("message");
    QString data;
    QString lastEventId;

    friend bool operator==(const SseEvent &, const SseEvent &) = default;
};

Q_DECLARE_TYPEINFO(SseEvent, Q_RELOCATABLE_TYPE);
