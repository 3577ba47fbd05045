#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <ctime>

// The machine's time zone (TZ) set to `zone` for as long as the scope lasts, for tests whose
// expected clock times must not depend on where they run.
class TimeZoneScope
{
public:
    explicit TimeZoneScope(const char *zone)
        : m_wasSet(qEnvironmentVariableIsSet("TZ"))
        , m_saved(qgetenv("TZ"))
    {
        qputenv("TZ", zone);
        tzset();
    }
    ~TimeZoneScope()
    {
        if (m_wasSet)
            qputenv("TZ", m_saved);
        else
            qunsetenv("TZ");
        tzset();
    }
    TimeZoneScope(const TimeZoneScope &) = delete;
    TimeZoneScope &operator=(const TimeZoneScope &) = delete;

private:
    bool m_wasSet;
    QByteArray m_saved;
};
