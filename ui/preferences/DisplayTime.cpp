#include "DisplayTime.h"

DisplayTime *DisplayTime::instance()
{
    static DisplayTime displayTime;
    return &displayTime;
}

bool DisplayTime::isUtc()
{
    return instance()->m_utc;
}

void DisplayTime::setUtc(bool utc)
{
    DisplayTime *self = instance();
    if (self->m_utc == utc)
        return;
    self->m_utc = utc;
    Q_EMIT self->changed();
}

QTimeZone DisplayTime::zone()
{
    return isUtc() ? QTimeZone::utc() : QTimeZone::systemTimeZone();
}

QDateTime DisplayTime::dateTime(qint64 msSinceEpoch)
{
    // Qt::UTC rather than QTimeZone::utc(): ISO texts end in Z, not +00:00.
    return isUtc() ? QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC)
                   : QDateTime::fromMSecsSinceEpoch(msSinceEpoch, QTimeZone::systemTimeZone());
}

QString DisplayTime::clockText(qint64 msSinceEpoch, Precision precision)
{
    return dateTime(msSinceEpoch).toString(precision == Precision::Seconds ? QStringLiteral("HH:mm:ss")
                                                                          : QStringLiteral("HH:mm:ss.zzz"));
}

QString DisplayTime::dateClockText(qint64 msSinceEpoch, Precision precision)
{
    return dateTime(msSinceEpoch).toString(precision == Precision::Seconds ? QStringLiteral("yyyy-MM-dd HH:mm:ss")
                                                                          : QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

bool DisplayTime::sameDay(qint64 aMs, qint64 bMs)
{
    return dateTime(aMs).date() == dateTime(bMs).date();
}

QString DisplayTime::spanText(qint64 fromMs, qint64 toMs, Precision precision)
{
    const auto text = sameDay(fromMs, toMs) ? &DisplayTime::clockText : &DisplayTime::dateClockText;
    return QStringLiteral("%1 \u2013 %2").arg(text(fromMs, precision), text(toMs, precision));
}

QString DisplayTime::fullText(qint64 msSinceEpoch)
{
    return dateTime(msSinceEpoch).toString(Qt::ISODateWithMs);
}

QString DisplayTime::fullText(const QDateTime &at)
{
    return at.isValid() ? fullText(at.toMSecsSinceEpoch()) : QString();
}
