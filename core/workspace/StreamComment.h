#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

// A comment line of a stream (`: heartbeat`), without its colon and first space, for the log.
struct StreamComment
{
    QString text;
    QDateTime receivedAt;
    int connection = 0;
    QString url; // of the stream, as its events carry it

    friend bool operator==(const StreamComment &, const StreamComment &) = default;
};

Q_DECLARE_TYPEINFO(StreamComment, Q_RELOCATABLE_TYPE);
