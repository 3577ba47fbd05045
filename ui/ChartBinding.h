#pragma once

#include "CapturedEvent.h"
#include "SessionData.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

#include <utility>

class ChartArea;
class FieldPicker;
class Stream;
class Workspace;

// Keeps the chart area showing the workspace's streams: a stream's series appear, follow its
// name and colour and go with it; outages are shaded on the display tick; a time axis chosen in
// the field picker is applied by the stream, which replots what it captured.
class ChartBinding : public QObject
{
    Q_OBJECT

public:
    ChartBinding(Workspace *workspace, ChartArea *area, FieldPicker *picker, QObject *parent = nullptr);

    QStringList plottedFields(const Stream *stream) const;
    // The time range the charts show, in receive time (first > second when there is none).
    std::pair<qint64, qint64> visibleRange() const;
    // Offline streams: show all of their time span rather than follow the clock.
    void showWholeSpan(const QList<Stream *> &streams);

    // The chart part of a session, and back (streams matched by their order).
    void writeLayout(SessionData &session) const;
    void readLayout(const SessionData &session);

private:
    void add(Stream *stream);
    void addTypedEvents(Stream *stream, const QList<CapturedEvent> &events);
    void updateOutages();

    Workspace *m_workspace;
    ChartArea *m_area;
};
