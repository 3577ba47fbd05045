#pragma once

#include <QString>

class QAbstractItemModel;

// Writes the rows of an event log as JSON Lines, the format of `eventscope record`.
//
// The model is an EventLogModel or a proxy of one (then only the rows it shows are written); its
// roles give each event's URL, type, data, ID, arrival time and connection. A line of the file is
// a dispatched event, or a comment row the model shows, as `eventscope record [--comments]` writes
// them; the connection and alert rows of the log are none (record reports them on standard error). The file is
// replaced atomically: on failure it is left as it was.
class EventLogExporter
{
public:
    // The number of events written, or -1 with `errorMessage` set.
    static int exportJsonLines(const QAbstractItemModel &model, const QString &path,
                               QString *errorMessage = nullptr);
};
