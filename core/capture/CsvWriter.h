#pragma once

#include "CaptureWriter.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

class QIODevice;

// CSV as RFC 4180 describes it (UTF-8, CRLF between records, a field quoted when it holds a comma,
// a quote, CR or LF, quotes doubled), so that spreadsheets and pandas read it as it is. Columns:
// receivedAt, url, type, lastEventId, data, connection, then one per field key (as StreamFieldStore
// names them) with the event's number at that path, empty when it has none.
class CsvWriter final : public CaptureWriter
{
public:
    explicit CsvWriter(QIODevice *device, const QStringList &fieldPaths = {});

    void begin() override;
    void write(const CapturedEvent &event) override;

    // `text` as one CSV field, quoted when it needs to be.
    static void appendField(QByteArray &out, QStringView text);

private:

    QStringList m_fieldPaths;
    bool m_begun = false;
};
