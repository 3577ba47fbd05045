#pragma once

#include "CaptureWriter.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

class CsvDerivedColumns;
class QIODevice;

// CSV as RFC 4180 describes it (UTF-8, CRLF between records, a field quoted when it holds a comma,
// a quote, CR or LF, quotes doubled), so that spreadsheets and pandas read it as it is. Columns:
// receivedAt, url, type, lastEventId, data, connection, then one per field key (as StreamFieldStore
// names them) with the event's number at that path, empty when it has none.
//
// A column may be a derived series instead ("rate(/count)", "avg(/count, 10s)": see
// StreamFieldStore::addDerived()), headed by its canonical key: its value at each event is what a
// StreamFieldStore of the event's stream (its URL) fed the events written so far computes at that
// event, by their receive times, the series cut where the connection changes; empty where it
// computes nothing.
class CsvWriter final : public CaptureWriter
{
public:
    explicit CsvWriter(QIODevice *device, const QStringList &fieldPaths = {});
    ~CsvWriter() override;

    void begin() override;
    void write(const CapturedEvent &event) override;

    // `text` as one CSV field, quoted when it needs to be.
    static void appendField(QByteArray &out, QStringView text);

private:
    QStringList m_fieldPaths;
    std::unique_ptr<CsvDerivedColumns> m_derived; // null without derived columns
    bool m_begun = false;
};
