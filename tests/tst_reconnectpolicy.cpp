#include "ReconnectPolicy.h"
#include "TimeZoneScope.h"

#include <QtTest>

#include <limits>
#include <optional>

Q_DECLARE_METATYPE(ReconnectMode)
Q_DECLARE_METATYPE(ConnectionVerdict)

char *toString(ConnectionVerdict verdict)
{
    switch (verdict) {
    case ConnectionVerdict::Reconnect:
        return qstrdup("Reconnect");
    case ConnectionVerdict::Fail:
        return qstrdup("Fail");
    case ConnectionVerdict::EndNormally:
        return qstrdup("EndNormally");
    }
    return qstrdup("?");
}

namespace {

constexpr int IntMax = std::numeric_limits<int>::max();

ReconnectPolicy exactPolicy(int reconnectionTime, ReconnectMode mode = ReconnectMode::Resilient)
{
    ReconnectPolicy policy(mode);
    policy.setJitterEnabled(false);
    policy.setReconnectionTime(reconnectionTime);
    return policy;
}


} // namespace

class TestReconnectPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void verdictForStatus_data();
    void verdictForStatus();

    void backoffDoublesFromReconnectionTime();
    void backoffIsCappedAtSixtySeconds();
    void customCap();
    void reconnectionTimeAboveTheCap();
    void jitterStaysWithinHalfToFull();
    void jitterVaries();
    void resetStartsAgain();
    void retryZeroIsFlooredAtOneMillisecond();
    void hugeAttemptCountsDoNotOverflow();
    void hugeReconnectionTimeDoesNotOverflow();
    void retryAfterIsNeverUndercut();
    void strictModeWaitsTheReconnectionTime();
    void negativeSettingsAreClamped();

    void parseRetryAfter_data();
    void parseRetryAfter();
    void parseRetryAfterIgnoresTheLocalTimeZone_data();
    void parseRetryAfterIgnoresTheLocalTimeZone();
};

void TestReconnectPolicy::defaults()
{
    const ReconnectPolicy policy;
    QCOMPARE(policy.mode(), ReconnectMode::Resilient);
    QCOMPARE(policy.reconnectionTime(), 3000);
    QCOMPARE(policy.maxBackoff(), 60000);
    QCOMPARE(policy.attempt(), 0);
    QCOMPARE(ReconnectPolicy(ReconnectMode::Strict).mode(), ReconnectMode::Strict);
}

void TestReconnectPolicy::verdictForStatus_data()
{
    QTest::addColumn<ReconnectMode>("mode");
    QTest::addColumn<int>("status");
    QTest::addColumn<ConnectionVerdict>("expected");

    const auto Resilient = ReconnectMode::Resilient;
    const auto Strict = ReconnectMode::Strict;
    const auto Reconnect = ConnectionVerdict::Reconnect;
    const auto Fail = ConnectionVerdict::Fail;
    const auto End = ConnectionVerdict::EndNormally;

    for (auto mode : {Resilient, Strict}) {
        const char *name = mode == Resilient ? "resilient" : "strict";
        QTest::addRow("%s 204", name) << mode << 204 << End;
        for (int status : {500, 502, 503, 504, 599, 408, 429})
            QTest::addRow("%s %d", name, status) << mode << status << (mode == Resilient ? Reconnect : Fail);
        for (int status : {201, 202, 205, 206, 210, 299, 301, 302, 303, 304, 307, 308, 400, 401,
                           403, 404, 405, 407, 409, 410, 418, 428, 431, 451, 499})
            QTest::addRow("%s %d", name, status) << mode << status << Fail;
    }
}

void TestReconnectPolicy::verdictForStatus()
{
    QFETCH(ReconnectMode, mode);
    QFETCH(int, status);
    QFETCH(ConnectionVerdict, expected);
    QCOMPARE(ReconnectPolicy(mode).verdictForStatus(status), expected);
}

void TestReconnectPolicy::backoffDoublesFromReconnectionTime()
{
    ReconnectPolicy policy = exactPolicy(1000);
    const QList<int> expected = {1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000};
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(policy.nextDelay(), expected.at(i));
        QCOMPARE(policy.attempt(), int(i + 1));
    }
}

void TestReconnectPolicy::backoffIsCappedAtSixtySeconds()
{
    ReconnectPolicy policy = exactPolicy(3000);
    const QList<int> expected = {3000, 6000, 12000, 24000, 48000, 60000, 60000, 60000};
    for (int delay : expected)
        QCOMPARE(policy.nextDelay(), delay);
}

void TestReconnectPolicy::customCap()
{
    ReconnectPolicy policy = exactPolicy(500);
    policy.setMaxBackoff(3000);
    QCOMPARE(policy.maxBackoff(), 3000);
    for (int delay : {500, 1000, 2000, 3000, 3000})
        QCOMPARE(policy.nextDelay(), delay);
}

void TestReconnectPolicy::reconnectionTimeAboveTheCap()
{
    // A server asked for more than the cap: never reconnect sooner than it asked.
    ReconnectPolicy policy = exactPolicy(90000);
    QCOMPARE(policy.nextDelay(), 90000);
    QCOMPARE(policy.nextDelay(), 90000);
}

void TestReconnectPolicy::jitterStaysWithinHalfToFull()
{
    ReconnectPolicy policy(ReconnectMode::Resilient);
    policy.setReconnectionTime(1000);
    for (int round = 0; round < 200; ++round) {
        policy.resetBackoff();
        int full = 1000;
        for (int attempt = 1; attempt <= 9; ++attempt) {
            const int delay = policy.nextDelay();
            QVERIFY2(delay >= full / 2 && delay <= full,
                     qPrintable(QStringLiteral("attempt %1: %2 not in [%3, %4]")
                                    .arg(attempt).arg(delay).arg(full / 2).arg(full)));
            full = qMin(full * 2, 60000);
        }
    }
}

void TestReconnectPolicy::jitterVaries()
{
    // Jitter spreads reconnecting clients; a constant result would mean it is not applied.
    ReconnectPolicy policy(ReconnectMode::Resilient);
    policy.setReconnectionTime(10000);
    QSet<int> seen;
    int low = IntMax;
    int high = 0;
    for (int i = 0; i < 2000; ++i) {
        policy.resetBackoff();
        const int delay = policy.nextDelay();
        seen.insert(delay);
        low = qMin(low, delay);
        high = qMax(high, delay);
    }
    QVERIFY(seen.size() > 100);
    // Both halves of the range are reached.
    QVERIFY(low < 7500);
    QVERIFY(high > 7500);
}

void TestReconnectPolicy::resetStartsAgain()
{
    ReconnectPolicy policy = exactPolicy(1000);
    for (int i = 0; i < 5; ++i)
        policy.nextDelay();
    QCOMPARE(policy.attempt(), 5);
    policy.resetBackoff();
    QCOMPARE(policy.attempt(), 0);
    QCOMPARE(policy.nextDelay(), 1000);
    QCOMPARE(policy.nextDelay(), 2000);
}

void TestReconnectPolicy::retryZeroIsFlooredAtOneMillisecond()
{
    ReconnectPolicy policy = exactPolicy(0);
    QCOMPARE(policy.reconnectionTime(), 0);
    QCOMPARE(policy.nextDelay(), 1);
    QCOMPARE(policy.nextDelay(), 2);
    QCOMPARE(policy.nextDelay(), 4);

    ReconnectPolicy jittered(ReconnectMode::Resilient);
    jittered.setReconnectionTime(0);
    for (int i = 0; i < 100; ++i) {
        jittered.resetBackoff();
        QVERIFY(jittered.nextDelay() >= 1);
    }
}

void TestReconnectPolicy::hugeAttemptCountsDoNotOverflow()
{
    ReconnectPolicy exact = exactPolicy(1000);
    ReconnectPolicy jittered(ReconnectMode::Resilient);
    jittered.setReconnectionTime(1000);
    for (int i = 1; i <= 100000; ++i) {
        const int delay = exact.nextDelay();
        const int jitteredDelay = jittered.nextDelay();
        if (i >= 8) {
            if (delay != 60000)
                QFAIL(qPrintable(QStringLiteral("attempt %1 gave %2").arg(i).arg(delay)));
            if (jitteredDelay < 30000 || jitteredDelay > 60000)
                QFAIL(qPrintable(QStringLiteral("attempt %1 gave %2").arg(i).arg(jitteredDelay)));
        }
    }
    QCOMPARE(exact.attempt(), 100000);
}

void TestReconnectPolicy::hugeReconnectionTimeDoesNotOverflow()
{
    ReconnectPolicy policy = exactPolicy(IntMax);
    policy.setMaxBackoff(IntMax);
    for (int i = 0; i < 70; ++i)
        QCOMPARE(policy.nextDelay(), IntMax);

    ReconnectPolicy jittered(ReconnectMode::Resilient);
    jittered.setReconnectionTime(IntMax);
    jittered.setMaxBackoff(IntMax);
    for (int i = 0; i < 70; ++i) {
        const int delay = jittered.nextDelay();
        QVERIFY(delay >= IntMax / 2);
    }

    ReconnectPolicy afterHugeRetryAfter = exactPolicy(1000);
    QCOMPARE(afterHugeRetryAfter.nextDelay(IntMax), IntMax);
}

void TestReconnectPolicy::retryAfterIsNeverUndercut()
{
    ReconnectPolicy policy = exactPolicy(1000);
    // Longer than the backoff: the server's wish wins, even beyond the cap.
    QCOMPARE(policy.nextDelay(5000), 5000);
    QCOMPARE(policy.nextDelay(120000), 120000);
    // Shorter than the backoff: the backoff stands.
    QCOMPARE(policy.nextDelay(100), 4000);
    QCOMPARE(policy.nextDelay(std::nullopt), 8000);

    ReconnectPolicy jittered(ReconnectMode::Resilient);
    jittered.setReconnectionTime(1000);
    for (int i = 0; i < 100; ++i) {
        jittered.resetBackoff();
        QCOMPARE(jittered.nextDelay(2000), 2000);
    }
}

void TestReconnectPolicy::strictModeWaitsTheReconnectionTime()
{
    // Strict = a browser: the reconnection time, every time, with no jitter and no backoff.
    ReconnectPolicy policy(ReconnectMode::Strict);
    QCOMPARE(policy.nextDelay(), 3000);
    policy.setReconnectionTime(200);
    for (int i = 0; i < 50; ++i)
        QCOMPARE(policy.nextDelay(), 200);
    QCOMPARE(policy.attempt(), 51);
    policy.setReconnectionTime(90000);
    QCOMPARE(policy.nextDelay(), 90000);
}

void TestReconnectPolicy::negativeSettingsAreClamped()
{
    ReconnectPolicy policy = exactPolicy(-5);
    QCOMPARE(policy.reconnectionTime(), 0);
    policy.setMaxBackoff(-1);
    QVERIFY(policy.maxBackoff() >= 1);
    QVERIFY(policy.nextDelay() >= 1);
}

void TestReconnectPolicy::parseRetryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<int>("expected"); // -1: not a valid Retry-After

    const QDateTime now(QDate(1994, 11, 6), QTime(8, 49, 7), Qt::UTC);
    QTest::newRow("seconds") << QByteArray("120") << now << 120000;
    QTest::newRow("zero seconds") << QByteArray("0") << now << 0;
    QTest::newRow("seconds with surrounding spaces") << QByteArray(" 7 ") << now << 7000;
    QTest::newRow("seconds clamped")
        << QByteArray("99999999999999") << now << (IntMax / 1000) * 1000;
    QTest::newRow("negative seconds") << QByteArray("-1") << now << -1;
    QTest::newRow("fractional seconds") << QByteArray("1.5") << now << -1;
    QTest::newRow("garbage") << QByteArray("soon") << now << -1;
    QTest::newRow("empty") << QByteArray() << now << -1;
    QTest::newRow("HTTP-date 30 s ahead") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << now
                                          << 30000;
    QTest::newRow("HTTP-date a day ahead") << QByteArray("Mon, 07 Nov 1994 08:49:07 GMT") << now
                                           << 86400000;
    QTest::newRow("HTTP-date in the past") << QByteArray("Sun, 06 Nov 1994 08:00:00 GMT") << now
                                           << 0;
    QTest::newRow("HTTP-date now") << QByteArray("Sun, 06 Nov 1994 08:49:07 GMT") << now << 0;
    QTest::newRow("HTTP-date with surrounding spaces")
        << QByteArray("  Sun, 06 Nov 1994 08:49:17 GMT ") << now << 10000;
    QTest::newRow("HTTP-date far ahead is clamped")
        << QByteArray("Fri, 31 Dec 2100 23:59:59 GMT") << now << IntMax;
    QTest::newRow("HTTP-date without GMT") << QByteArray("Sun, 06 Nov 1994 08:49:37") << now << -1;
    QTest::newRow("HTTP-date garbage") << QByteArray("Sun, 99 Nov 1994 08:49:37 GMT") << now << -1;
}

void TestReconnectPolicy::parseRetryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(QDateTime, now);
    QFETCH(int, expected);
    const std::optional<int> parsed = ReconnectPolicy::parseRetryAfter(value, now);
    QCOMPARE(parsed.value_or(-1), expected);
}

void TestReconnectPolicy::parseRetryAfterIgnoresTheLocalTimeZone_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::newRow("UTC") << QByteArray("UTC");
    QTest::newRow("New York") << QByteArray("America/New_York");
    QTest::newRow("Berlin") << QByteArray("Europe/Berlin");
    QTest::newRow("Kathmandu") << QByteArray("Asia/Kathmandu");
}

void TestReconnectPolicy::parseRetryAfterIgnoresTheLocalTimeZone()
{
    QFETCH(QByteArray, zone);
    const TimeZoneScope override(zone.constData());
    // 07:30 UTC on this day does not exist as a New York local time (clocks jump 02:00 -> 03:00
    // local, which is 07:00 UTC) - the date is UTC and must not go through local time.
    const QDateTime now(QDate(2024, 3, 10), QTime(6, 0), Qt::UTC);
    QCOMPARE(ReconnectPolicy::parseRetryAfter("Sun, 10 Mar 2024 07:30:00 GMT", now).value_or(-1),
             90 * 60 * 1000);
    QCOMPARE(ReconnectPolicy::parseRetryAfter("Sun, 10 Mar 2024 02:30:00 GMT", now).value_or(-1), 0);
    const QDateTime summer(QDate(2024, 3, 31), QTime(0, 0), Qt::UTC);
    QCOMPARE(ReconnectPolicy::parseRetryAfter("Sun, 31 Mar 2024 02:30:00 GMT", summer).value_or(-1),
             150 * 60 * 1000);
}

QTEST_GUILESS_MAIN(TestReconnectPolicy)
#include "tst_reconnectpolicy.moc"
