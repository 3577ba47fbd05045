#pragma once

#include "CaptureWriter.h"

#include <QByteArray>
#include <QString>

class QIODevice;

// JSON Lines: one object per event, keys in the order url, type, data, lastEventId, receivedAt,
// connection; and, when asked, one per comment. Strings are escaped by hand (QJsonObject sorts
// keys and is slow); the output is UTF-8.
class JsonlWriter final : public CaptureWriter
{
public:
    explicit JsonlWriter(QIODevice *device);

    void write(const CapturedEvent &event) override;
    void writeBatchEvent(const QString &url, const SseEventBatch &batch, qsizetype index,
                         qint64 receivedAtMs, int connection) override;
    // {"url":"...","comment":"...","receivedAt":"..."}: no type and no data, so that a reader
    // tells it from an event.
    bool writesComments() const override { return true; }
    void writeComment(const QString &url, QByteArrayView text, qint64 receivedAtMs) override;

private:
    void appendTimestamp(qint64 msecsSinceEpoch);
    void appendTail(qint64 receivedAtMs, bool valid, int connection);

    qint64 m_stampMsecs = -1;
    QByteArray m_stamp; // "2026-11-23T19:00:00.123Z" for m_stampMsecs
    QString m_url;      // the URL of the last batch event, and its line's start
    QByteArray m_urlPrefix;
};
