#pragma once

#include "CapturedEvent.h"

// The bytes of one captured event inside a CaptureStore block, in this order:
//   flags         1 byte
//   receivedAt    8 bytes, milliseconds since the epoch (absent when the QDateTime is invalid)
//   connection    zigzag varint
//   url and type  a varint index into the store's table of (url, type) pairs, or both strings
//   lastEventId   a string, or a varint distance back to an equal id field earlier in the block
//   data          a string
// A string is a varint (byte length << 1 | 1 for raw UTF-16) and its bytes: UTF-8 when the QString is
// well-formed UTF-16, its UTF-16 units as they are otherwise (a lone surrogate), so that every
// QString comes back equal.
class CaptureRecord
{
public:
    // An upper bound of write()'s bytes that does not look at the characters.
    static qsizetype maxSize(const CapturedEvent &event, qsizetype keyIndex);
    // The bytes write() takes when it writes the id in full.
    static qsizetype size(const CapturedEvent &event, qsizetype keyIndex);
    // The stored bytes of one string: UTF-8, or twice its length when it is not well-formed.
    static qsizetype stringBytes(QStringView text);

    // Writes the record at `out` and returns its end. keyIndex < 0 writes url and type inline.
    // `sameId`, if not null, is an id field earlier in the same block equal to the event's id;
    // `*idField` is set to where the id's field is (the referenced one when a reference was written).
    static char *write(char *out, const CapturedEvent &event, qsizetype keyIndex, const char *sameId,
                       const char **idField);

    // The event at `record`. Its url and type are set only when they are inline; otherwise
    // `*keyIndex` names them in the table (it is -1 when they are inline).
    static CapturedEvent read(const char *record, qsizetype *keyIndex);
    // receivedAt alone, as milliseconds since the epoch; false when it is invalid.
    static bool receivedAt(const char *record, qint64 *msecs);
    // Whether the string field at `field` holds exactly `text`.
    static bool fieldEquals(const char *field, QStringView text);
};
