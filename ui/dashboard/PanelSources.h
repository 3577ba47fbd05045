#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <utility>

class ConnectionHistory;
class StreamFieldStore;
class StreamRateHistory;

// What dashboard panels read, by stream id: a panel is given series and looks their data up here on
// the display tick, knowing nothing of other panels or of the window.
class PanelSources
{
public:
    virtual ~PanelSources() = default;

    virtual QList<quint64> streamIds() const = 0; // in the order added
    virtual const StreamFieldStore *fields(quint64 stream) const = 0;
    virtual QString streamName(quint64 stream) const = 0;
    // The colour of a series stays with stream + key wherever it is drawn.
    virtual QColor seriesColor(quint64 stream, const QString &key) const = 0;
    virtual QColor streamColor(quint64 stream) const = 0;
    virtual QString unit(quint64 stream, const QString &key) const = 0;
    // Nullptr for a stream without a connection (tests, or one not bound to a workspace).
    virtual const ConnectionHistory *history(quint64 stream) const = 0;
    virtual const StreamRateHistory *rates(quint64 stream) const = 0;
    virtual qint64 startedAtMs(quint64 stream) const = 0;
    // Periods the stream was down, on its chart clock (see clockOffsetMs()).
    virtual QList<std::pair<qint64, qint64>> outages(quint64 stream) const = 0;
    // Where "now" is on the stream's time axis relative to the wall clock (a payload clock).
    virtual qint64 clockOffsetMs(quint64 stream) const = 0;
    // Events of these types (other than "message") received between fromMs and toMs, as
    // (receive time, label), oldest first; and every such type seen, for choosing.
    virtual QList<std::pair<qint64, QString>> typedEvents(quint64 stream, const QStringList &types,
                                                          qint64 fromMs, qint64 toMs) const = 0;
    virtual QStringList eventTypes(quint64 stream) const = 0;
    // An alert rule on this field (or, with an empty key, on the stream) is firing.
    virtual bool isFiring(quint64 stream, const QString &key) const = 0;
};
