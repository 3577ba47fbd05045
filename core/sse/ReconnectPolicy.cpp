#include "ReconnectPolicy.h"

#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>
#include <limits>

ReconnectPolicy::ReconnectPolicy(ReconnectMode mode)
    : m_mode(mode)
{
}

void ReconnectPolicy::setReconnectionTime(int ms)
{
    m_reconnectionTimeMs = std::max(0, ms);
}

void ReconnectPolicy::setMaxBackoff(int ms)
{
    m_maxBackoffMs = std::max(1, ms);
}

ConnectionVerdict ReconnectPolicy::verdictForStatus(int httpStatus) const
{
    if (httpStatus == 204)
        return ConnectionVerdict::EndNormally;
    if (m_mode == ReconnectMode::Strict)
        return ConnectionVerdict::Fail;
    if (httpStatus >= 500 || httpStatus == 408 || httpStatus == 429)
        return ConnectionVerdict::Reconnect;
    return ConnectionVerdict::Fail;
}

int ReconnectPolicy::nextDelay(std::optional<int> retryAfterMs)
{
    ++m_attempt;
    if (m_mode == ReconnectMode::Strict)
        return m_reconnectionTimeMs;

    // A server's `retry: 0` must not turn a dead endpoint into a busy loop: back off from 1 ms.
    const qint64 base = std::max(1, m_reconnectionTimeMs);
    const qint64 cap = std::max<qint64>(m_maxBackoffMs, m_reconnectionTimeMs);
    const int doublings = std::min(m_attempt - 1, 40);
    qint64 delay = std::min(cap, base << std::min(doublings, 30));
    if (doublings > 30)
        delay = cap;
    if (m_jitter && delay > 1)
        delay = delay / 2 + qint64(QRandomGenerator::global()->bounded(quint32(delay - delay / 2 + 1)));
    if (retryAfterMs)
        delay = std::max<qint64>(delay, *retryAfterMs);
    return int(std::min<qint64>(delay, std::numeric_limits<int>::max()));
}

std::optional<int> ReconnectPolicy::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qulonglong seconds = trimmed.toULongLong(&ok);
    if (ok) {
        const qulonglong ms = std::min<qulonglong>(seconds, std::numeric_limits<int>::max() / 1000) * 1000;
        return int(ms);
    }
    // IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT". Date and time are parsed apart: a
    // whole QDateTime would be read as local time first, where an hour skipped by a daylight
    // saving change does not exist.
    const QString text = QString::fromLatin1(trimmed);
    if (text.size() != 29 || text.at(16) != u' ' || !text.endsWith(QLatin1String(" GMT")))
        return std::nullopt;
    const QLocale c = QLocale::c();
    const QDate date = c.toDate(text.first(16), QStringLiteral("ddd, dd MMM yyyy"));
    const QTime time = c.toTime(text.sliced(17, 8), QStringLiteral("HH:mm:ss"));
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    const QDateTime when(date, time, Qt::UTC);
    const qint64 ms = now.msecsTo(when);
    return int(std::clamp<qint64>(ms, 0, std::numeric_limits<int>::max()));
}
