#pragma once

#include "CaptureWriter.h"

#include <QByteArray>
#include <QString>

class QIODevice;

// JSON Lines: one object per event, keys in the order url, type, data, lastEventId, receivedAt,
// connection. Strings are escaped by hand (QJsonObject sorts keys and is slow); the output is UTF-8.
class JsonlWriter final : public CaptureWriter
{
public:
    explicit JsonlWriter(QIODevice *device);

    void write(const CapturedEvent &event) override;

private:
    void appendTimestamp(qint64 msecsSinceEpoch);

    qint64 m_stampMsecs = -1;
    QByteArray m_stamp; // "2026-11-23T19:00:00.123Z" for m_stampMsecs
};
