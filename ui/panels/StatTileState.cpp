#include "StatTileState.h"

#include "SeriesBuffer.h"
#include "ValueFormat.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

StatTileState::Level StatTileState::levelFor(double value, const QList<PanelThreshold> &thresholds)
{
    Level level = Level::Ok;
    if (std::isnan(value))
        return level;
    const PanelThreshold *reached = nullptr;
    for (const PanelThreshold &step : thresholds) {
        if (value >= step.value && (!reached || step.value >= reached->value))
            reached = &step;
    }
    return reached ? reached->level : level;
}

void StatTileState::update(const SeriesBuffer *buffer, qint64 nowMs, qint64 windowMs, int width)
{
    m_sparkline.clear();
    m_sparkMin = m_sparkMax = 0;
    m_hasData = buffer && !buffer->isEmpty();
    if (!m_hasData) {
        m_stale = false;
        m_value = 0;
        m_valueTimeMs = 0;
        m_level = Level::Ok;
        m_numberText.clear();
        m_unitText.clear();
        m_sparkFromMs = windowMs > 0 ? nowMs - windowMs : nowMs;
        m_sparkToMs = nowMs;
        return;
    }
    const qsizetype newest = buffer->size() - 1;
    m_value = buffer->valueAt(newest);
    m_valueTimeMs = buffer->timeAt(newest);
    m_level = levelFor(m_value, m_thresholds);
    m_stale = windowMs > 0 && m_valueTimeMs < nowMs - windowMs;

    // The number first, then whatever follows it: the formatted number itself holds no space.
    const QString full = ValueFormat::withUnit(m_value, m_unit);
    const qsizetype space = full.indexOf(QLatin1Char(' '));
    m_numberText = space < 0 ? full : full.left(space);
    m_unitText = space < 0 ? QString() : full.mid(space + 1);

    // A window of everything ends at the newest sample when the clock is behind it.
    m_sparkToMs = std::max(nowMs, windowMs > 0 ? nowMs : m_valueTimeMs);
    m_sparkFromMs = windowMs > 0 ? nowMs - windowMs : std::min(buffer->firstTime(), m_sparkToMs);
    m_sparkline = buffer->decimated(m_sparkFromMs, m_sparkToMs, std::max(1, width));
    bool first = true;
    for (const QPointF &point : std::as_const(m_sparkline)) {
        if (std::isnan(point.y()))
            continue;
        m_sparkMin = first ? point.y() : std::min(m_sparkMin, point.y());
        m_sparkMax = first ? point.y() : std::max(m_sparkMax, point.y());
        first = false;
    }
}

QString StatTileState::text() const
{
    if (!m_hasData)
        return QCoreApplication::translate("StatTileState", "No data yet");
    return m_unitText.isEmpty() ? m_numberText : m_numberText + QLatin1Char(' ') + m_unitText;
}

QString StatTileState::readoutText() const
{
    if (!m_hasData)
        return text();
    return ValueFormat::readout(m_value, m_unit);
}
