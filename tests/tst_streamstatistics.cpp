// StreamStatistics on a clock the test holds: ids (gaps, resets), rates over the bucket window,
// reconnections against attempts.

#include "StreamStatistics.h"

#include <QTest>

#include <limits>

using IdChange = StreamStatistics::IdChange;

namespace {

constexpr qint64 Bucket = StreamStatistics::RateBucketMs;
const QString Max = QString::number(std::numeric_limits<qint64>::max());
const QString Min = QString::number(std::numeric_limits<qint64>::min());

// `count` event times spread over bucket `index`.
QList<qint64> inBucket(qint64 index, int count)
{
    QList<qint64> times;
    for (int i = 0; i < count; ++i)
        times.append(index * Bucket + (i * Bucket) / count);
    return times;
}

} // namespace

class TestStreamStatistics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idSequences_data();
    void idSequences();
    void countsAndLastEvent();

    void rates_data();
    void rates();
    void rateDecaysWhenIdle();
    void lateEventsCountInTheCurrentBucket();

    void reconnectsAndAttempts_data();
    void reconnectsAndAttempts();
};

void TestStreamStatistics::idSequences_data()
{
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QList<int>>("changes"); // IdChange per event
    QTest::addColumn<qint64>("gaps");
    QTest::addColumn<qint64>("resets");
    QTest::addColumn<QString>("lastReset");

    constexpr int N = int(IdChange::None);
    constexpr int G = int(IdChange::Gap);
    constexpr int R = int(IdChange::Reset);
    const qint64 max = std::numeric_limits<qint64>::max();

    QTest::newRow("consecutive") << QStringList{"1", "2", "3"} << QList<int>{N, N, N} << 0LL << 0LL
                                 << QString();
    QTest::newRow("gap of three") << QStringList{"1", "5"} << QList<int>{N, G} << 3LL << 0LL << QString();
    QTest::newRow("gaps add up") << QStringList{"1", "3", "4", "10"} << QList<int>{N, G, N, G} << 6LL
                                 << 0LL << QString();
    QTest::newRow("went back") << QStringList{"5", "1"} << QList<int>{N, R} << 0LL << 1LL
                               << QStringLiteral("5 \u2192 1");
    QTest::newRow("server restart") << QStringList{"41", "42", "1", "2"} << QList<int>{N, N, R, N} << 0LL
                                    << 1LL << QStringLiteral("42 \u2192 1");
    QTest::newRow("two restarts, last one named")
        << QStringList{"3", "1", "2", "1"} << QList<int>{N, R, N, R} << 0LL << 2LL
        << QStringLiteral("2 \u2192 1");
    QTest::newRow("repeated id") << QStringList{"7", "7", "8"} << QList<int>{N, N, N} << 0LL << 0LL
                                 << QString();
    QTest::newRow("leading zeros are numbers") << QStringList{"007", "9"} << QList<int>{N, G} << 1LL
                                               << 0LL << QString();
    QTest::newRow("non-numeric") << QStringList{"b", "a", "zz"} << QList<int>{N, N, N} << 0LL << 0LL
                                 << QString();
    QTest::newRow("uuid-like") << QStringList{"9f1c-2", "9f1c-1"} << QList<int>{N, N} << 0LL << 0LL
                               << QString();
    QTest::newRow("text between numbers compares nothing")
        << QStringList{"1", "abc", "5", "2"} << QList<int>{N, N, N, R} << 0LL << 1LL
        << QStringLiteral("5 \u2192 2");
    QTest::newRow("empty ids") << QStringList{"", "", ""} << QList<int>{N, N, N} << 0LL << 0LL << QString();
    QTest::newRow("emptied id between numbers")
        << QStringList{"1", "", "3"} << QList<int>{N, N, N} << 0LL << 0LL << QString();
    QTest::newRow("negative ids") << QStringList{"-3", "-2", "-1", "0", "1"} << QList<int>{N, N, N, N, N}
                                  << 0LL << 0LL << QString();
    QTest::newRow("negative gap") << QStringList{"-5", "-1"} << QList<int>{N, G} << 3LL << 0LL << QString();
    QTest::newRow("positive to negative") << QStringList{"1", "-1"} << QList<int>{N, R} << 0LL << 1LL
                                          << QStringLiteral("1 \u2192 -1");
    QTest::newRow("near qint64 max") << QStringList{QString::number(max - 2), Max} << QList<int>{N, G}
                                     << 1LL << 0LL << QString();
    QTest::newRow("past qint64 max is text")
        << QStringList{Max, QStringLiteral("9223372036854775808")} << QList<int>{N, N} << 0LL << 0LL
        << QString();
    QTest::newRow("max back to 1") << QStringList{Max, "1"} << QList<int>{N, R} << 0LL << 1LL
                                   << Max + QStringLiteral(" \u2192 1");
    QTest::newRow("min to max saturates") << QStringList{Min, Max} << QList<int>{N, G} << max << 0LL
                                          << QString();
    QTest::newRow("huge gaps saturate")
        << QStringList{Min, "0", Max} << QList<int>{N, G, G} << max << 0LL << QString();
}

void TestStreamStatistics::idSequences()
{
    QFETCH(QStringList, ids);
    QFETCH(QList<int>, changes);
    QFETCH(qint64, gaps);
    QFETCH(qint64, resets);
    QFETCH(QString, lastReset);

    StreamStatistics statistics;
    QList<int> seen;
    for (const QString &id : std::as_const(ids))
        seen.append(int(statistics.countEvent(id, 0)));
    QCOMPARE(seen, changes);
    QCOMPARE(statistics.gaps(), gaps);
    QCOMPARE(statistics.idResets(), resets);
    QCOMPARE(statistics.lastIdResetText(), lastReset);
    QCOMPARE(statistics.events(), qint64(ids.size()));
    QCOMPARE(statistics.lastEventId(), ids.last());
}

void TestStreamStatistics::countsAndLastEvent()
{
    StreamStatistics statistics(1000);
    QCOMPARE(statistics.events(), 0);
    QCOMPARE(statistics.bytes(), 0);
    QCOMPARE(statistics.lastEventAtMs(), -1);
    QCOMPARE(statistics.lastEventId(), QString());
    QCOMPARE(statistics.eventRate(), 0.0);

    statistics.countBytes(120, 1100);
    statistics.countEvent(QStringLiteral("1"), 1100);
    statistics.countBytes(80, 1700);
    statistics.countEvent(QStringLiteral("2"), 1700);
    QCOMPARE(statistics.events(), 2);
    QCOMPARE(statistics.bytes(), 200);
    QCOMPARE(statistics.lastEventAtMs(), 1700);
    QCOMPARE(statistics.lastEventId(), QStringLiteral("2"));
    // Counting does not compute rates; advance() does.
    QCOMPARE(statistics.eventRate(), 0.0);
}

void TestStreamStatistics::rates_data()
{
    QTest::addColumn<qint64>("startMs");
    QTest::addColumn<QList<qint64>>("eventTimes");
    QTest::addColumn<qint64>("bytesPerEvent");
    QTest::addColumn<qint64>("advanceMs");
    QTest::addColumn<double>("eventRate");
    QTest::addColumn<double>("byteRate");

    // The bucket under way at the start is partial and never counts; neither does the one under
    // way at advance(). Rates are over the whole buckets in between, at most RateBuckets of them.
    static_assert(StreamStatistics::RateBucketMs == 250 && StreamStatistics::RateBuckets == 8);

    QTest::newRow("nothing whole yet") << 0LL << inBucket(0, 5) << 10LL << 200LL << 0.0 << 0.0;
    QTest::newRow("one whole bucket") << 0LL << inBucket(1, 4) << 100LL << 500LL << 16.0 << 1600.0;
    QTest::newRow("partial first bucket excluded")
        << 100LL << QList<qint64>{100, 150, 200, 300} << 10LL << 500LL << 4.0 << 40.0;
    QTest::newRow("bucket under way excluded")
        << 0LL << (inBucket(1, 2) + inBucket(2, 5)) << 1LL << 600LL << 8.0 << 8.0;
    QTest::newRow("empty buckets in the window")
        << 0LL << inBucket(1, 8) << 3LL << 1000LL << 8.0 / 0.75 << 24.0 / 0.75;
    QList<qint64> full;
    for (int b = 1; b <= 8; ++b)
        full += inBucket(b, 10);
    QTest::newRow("full window") << 0LL << full << 50LL << 9 * Bucket << 40.0 << 2000.0;
    QList<qint64> sliding;
    for (int b = 1; b <= 10; ++b)
        sliding += inBucket(b, b);
    // Buckets 3..10 hold 3 + ... + 10 = 52 events over 2 s.
    QTest::newRow("window slides") << 0LL << sliding << 2LL << 11 * Bucket << 26.0 << 52.0;
    QTest::newRow("epoch clock") << 1'700'000'000'000LL
                                 << inBucket(6'800'000'001LL, 5) << 7LL << 6'800'000'002LL * Bucket
                                 << 20.0 << 140.0;
    QTest::newRow("idle for the whole window")
        << 0LL << inBucket(1, 8) << 1LL << 11 * Bucket << 0.0 << 0.0;
}

void TestStreamStatistics::rates()
{
    QFETCH(qint64, startMs);
    QFETCH(QList<qint64>, eventTimes);
    QFETCH(qint64, bytesPerEvent);
    QFETCH(qint64, advanceMs);
    QFETCH(double, eventRate);
    QFETCH(double, byteRate);

    StreamStatistics statistics(startMs);
    for (qsizetype i = 0; i < eventTimes.size(); ++i) {
        statistics.countBytes(bytesPerEvent, eventTimes[i]);
        statistics.countEvent(QString::number(i + 1), eventTimes[i]);
    }
    statistics.advance(advanceMs);
    QCOMPARE(statistics.eventRate(), eventRate);
    QCOMPARE(statistics.byteRate(), byteRate);
    QCOMPARE(statistics.events(), qint64(eventTimes.size()));
    QCOMPARE(statistics.bytes(), bytesPerEvent * eventTimes.size());
}

void TestStreamStatistics::rateDecaysWhenIdle()
{
    StreamStatistics statistics(0);
    for (qint64 t : inBucket(1, 8))
        statistics.countEvent({}, t);

    QList<double> rates;
    for (qint64 at : {2 * Bucket, 3 * Bucket, 5 * Bucket, 9 * Bucket, 10 * Bucket, 40 * Bucket}) {
        statistics.advance(at);
        rates.append(statistics.eventRate());
    }
    // 8 events over 1, 2, 4 and 8 whole buckets, then out of the window.
    QCOMPARE(rates, (QList<double>{32.0, 16.0, 8.0, 4.0, 0.0, 0.0}));

    // After a long silence the window is a whole one again: 2 events over 2 s.
    for (qint64 t : inBucket(41, 2))
        statistics.countEvent({}, t);
    statistics.advance(42 * Bucket);
    QCOMPARE(statistics.eventRate(), 1.0);
}

void TestStreamStatistics::lateEventsCountInTheCurrentBucket()
{
    // A time before the bucket under way (a caller's clock that lags) is not lost: it lands in
    // the current bucket.
    StreamStatistics statistics(0);
    statistics.advance(2 * Bucket + 10);
    statistics.countEvent({}, 10);
    statistics.countEvent({}, Bucket + 10);
    statistics.advance(3 * Bucket);
    QCOMPARE(statistics.events(), 2);
    QCOMPARE(statistics.eventRate(), 2.0 / 0.5);
}

void TestStreamStatistics::reconnectsAndAttempts_data()
{
    QTest::addColumn<QString>("calls"); // o: countOpened, a: countAttempt
    QTest::addColumn<int>("reconnects");
    QTest::addColumn<int>("attempts");

    QTest::newRow("never opened") << QString() << 0 << 0;
    QTest::newRow("first connection") << "o" << 0 << 0;
    QTest::newRow("opened twice") << "oo" << 1 << 0;
    QTest::newRow("retried before the first connection") << "aao" << 0 << 2;
    QTest::newRow("retrying, not back yet") << "oaaa" << 0 << 3;
    QTest::newRow("two reconnections") << "oaoaao" << 2 << 3;
}

void TestStreamStatistics::reconnectsAndAttempts()
{
    QFETCH(QString, calls);
    QFETCH(int, reconnects);
    QFETCH(int, attempts);

    StreamStatistics statistics;
    for (QChar call : calls) {
        if (call == u'o')
            statistics.countOpened();
        else
            statistics.countAttempt();
    }
    QCOMPARE(statistics.reconnects(), reconnects);
    QCOMPARE(statistics.attempts(), attempts);
}

QTEST_GUILESS_MAIN(TestStreamStatistics)

#include "tst_streamstatistics.moc"
