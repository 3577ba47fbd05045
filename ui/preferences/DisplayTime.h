#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimeZone>

// The time zone the window shows times in — the system's or UTC, as chosen in Preferences — and
// the texts of instants in it. Captures and exports keep UTC whatever is shown.
class DisplayTime : public QObject
{
    Q_OBJECT

public:
    static DisplayTime *instance();

    static bool isUtc();
    static void setUtc(bool utc);
    static QTimeZone zone();

    enum class Precision { Seconds, Milliseconds };

    static QDateTime dateTime(qint64 msSinceEpoch);
    // 21:07:05.042 (21:07:05 to seconds)
    static QString clockText(qint64 msSinceEpoch, Precision precision = Precision::Milliseconds);
    // 2026-12-04 21:07:05.042
    static QString dateClockText(qint64 msSinceEpoch, Precision precision = Precision::Milliseconds);
    static bool sameDay(qint64 aMs, qint64 bMs);
    // "21:07:05 – 21:08:00", with dates when the two are not on the same day.
    static QString spanText(qint64 fromMs, qint64 toMs, Precision precision);
    // 2026-12-04T22:07:05.042+01:00, 2026-12-04T21:07:05.042Z in UTC: tooltips and details.
    static QString fullText(qint64 msSinceEpoch);
    static QString fullText(const QDateTime &at);

Q_SIGNALS:
    void changed();

private:
    DisplayTime() = default;
    bool m_utc = false;
};
