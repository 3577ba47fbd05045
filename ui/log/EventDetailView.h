#pragma once

#include "ConnectionEvent.h"
#include "SseEvent.h"

#include <QDateTime>
#include <QPlainTextEdit>

class QModelIndex;

// One whole event, read-only and in a monospace font: time, stream, type, ID, then the data,
// indented when it is a JSON object or array and shown as received otherwise. A change of a
// stream's connection shows what happened, its reason and, for a reconnection, when the next try
// is.
class EventDetailView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit EventDetailView(QWidget *parent = nullptr);

    void showEvent(const QString &stream, const SseEvent &event, const QDateTime &receivedAt);
    void showConnectionEvent(const QString &stream, const ConnectionEvent &event);
    void showComment(const QString &stream, const QString &comment, const QDateTime &receivedAt);
    // An index of an EventLogModel, or of a proxy over one; an invalid index clears the view.
    void showIndex(const QModelIndex &index);
    void clear();

    // `data` indented when it is a JSON object or array (key order and numbers kept exactly as
    // written), or a null string when it is not JSON.
    static QString indentedJson(const QString &data);

protected:
    using QPlainTextEdit::showEvent;
};
