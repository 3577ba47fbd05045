#pragma once

#include "PanelConfig.h"

#include <QList>
#include <QPointF>
#include <QString>

class SeriesBuffer;

// What a stat tile shows, computed from one series without any widget: the newest value as text
// with its unit, the level its thresholds give it, and a sparkline of the time window.
class StatTileState
{
public:
    using Level = PanelThreshold::Level;

    void setUnit(const QString &unit) { m_unit = unit; }
    QString unit() const { return m_unit; }
    // Colour steps; their order does not matter (the highest step reached wins).
    void setThresholds(const QList<PanelThreshold> &thresholds) { m_thresholds = thresholds; }
    const QList<PanelThreshold> &thresholds() const { return m_thresholds; }

    // Recomputes from `buffer` (nullptr: the field has not been seen as a number yet) at `nowMs`
    // on the series' clock, over the last `windowMs` (0: everything held), for a sparkline
    // `width` pixels wide.
    void update(const SeriesBuffer *buffer, qint64 nowMs, qint64 windowMs, int width);

    bool hasData() const { return m_hasData; }
    double value() const { return m_value; }
    qint64 valueTimeMs() const { return m_valueTimeMs; }
    // The newest sample is older than the window: the value is not current.
    bool isStale() const { return m_stale; }
    Level level() const { return m_level; }

    // The value with its unit as one string ("1.5 MB/s"), split for painting into the number
    // ("1.5") and what follows it ("MB/s", "k req/s"; empty without a unit); "No data yet" and
    // empty parts without data.
    QString text() const;
    QString numberText() const { return m_numberText; }
    QString unitText() const { return m_unitText; }
    // Full precision, for a tooltip.
    QString readoutText() const;

    // The window's samples as (time ms, value), min/max-decimated to about two per pixel column
    // (plus the window's first and last); NaN values separate segments a line must not join.
    const QList<QPointF> &sparkline() const { return m_sparkline; }
    qint64 sparkFromMs() const { return m_sparkFromMs; }
    qint64 sparkToMs() const { return m_sparkToMs; }
    // Smallest and largest value of the sparkline (equal for a constant).
    double sparkMin() const { return m_sparkMin; }
    double sparkMax() const { return m_sparkMax; }

    static Level levelFor(double value, const QList<PanelThreshold> &thresholds);

private:
    QString m_unit;
    QList<PanelThreshold> m_thresholds;
    bool m_hasData = false;
    bool m_stale = false;
    double m_value = 0;
    qint64 m_valueTimeMs = 0;
    Level m_level = Level::Ok;
    QString m_numberText;
    QString m_unitText;
    QList<QPointF> m_sparkline;
    qint64 m_sparkFromMs = 0;
    qint64 m_sparkToMs = 0;
    double m_sparkMin = 0;
    double m_sparkMax = 0;
};
