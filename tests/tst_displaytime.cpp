#include "DisplayTime.h"
#include "TimeZoneScope.h"

#include <QSignalSpy>
#include <QTest>

namespace {

// 2026-12-04T20:07:05.042Z: 04:07:05.042 on 5 December in Taipei (UTC+8 all year).
constexpr qint64 Instant = 1796414825042;
constexpr qint64 Hour = 3600 * 1000;

} // namespace

class TestDisplayTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void texts_data();
    void texts();
    void sameDayFollowsTheZone();
    void changedOnlyOnAChange();

private:
    TimeZoneScope m_taipei{"Asia/Taipei"}; // UTC+8 all year
};

void TestDisplayTime::initTestCase()
{
    QCOMPARE(QTimeZone::systemTimeZone().offsetFromUtc(QDateTime::fromMSecsSinceEpoch(Instant, QTimeZone::utc())),
             8 * 3600);
}

void TestDisplayTime::cleanup()
{
    DisplayTime::setUtc(false);
}

void TestDisplayTime::texts_data()
{
    QTest::addColumn<bool>("utc");
    QTest::addColumn<QString>("clock");
    QTest::addColumn<QString>("clockSeconds");
    QTest::addColumn<QString>("dateClock");
    QTest::addColumn<QString>("full");
    QTest::newRow("local") << false << "04:07:05.042" << "04:07:05" << "2026-12-05 04:07:05.042"
                           << "2026-12-05T04:07:05.042+08:00";
    QTest::newRow("utc") << true << "20:07:05.042" << "20:07:05" << "2026-12-04 20:07:05.042"
                         << "2026-12-04T20:07:05.042Z";
}

void TestDisplayTime::texts()
{
    QFETCH(bool, utc);
    DisplayTime::setUtc(utc);
    QCOMPARE(DisplayTime::isUtc(), utc);
    QTEST(DisplayTime::clockText(Instant), "clock");
    QTEST(DisplayTime::clockText(Instant, DisplayTime::Precision::Seconds), "clockSeconds");
    QTEST(DisplayTime::dateClockText(Instant), "dateClock");
    QTEST(DisplayTime::fullText(Instant), "full");
    QTEST(DisplayTime::fullText(QDateTime::fromMSecsSinceEpoch(Instant, QTimeZone::utc())), "full");
    QCOMPARE(DisplayTime::fullText(QDateTime()), QString());
    // The same instant, whatever the zone.
    QCOMPARE(DisplayTime::dateTime(Instant).toMSecsSinceEpoch(), Instant);
}

void TestDisplayTime::sameDayFollowsTheZone()
{
    const qint64 morningUtc = Instant - 10 * Hour; // 10:07Z, 18:07 in Taipei
    DisplayTime::setUtc(true);
    QVERIFY(DisplayTime::sameDay(morningUtc, Instant));
    QCOMPARE(DisplayTime::spanText(morningUtc, Instant, DisplayTime::Precision::Seconds),
             QStringLiteral("10:07:05 \u2013 20:07:05"));
    DisplayTime::setUtc(false);
    QVERIFY(!DisplayTime::sameDay(morningUtc, Instant));
    QCOMPARE(DisplayTime::spanText(morningUtc, Instant, DisplayTime::Precision::Seconds),
             QStringLiteral("2026-12-04 18:07:05 \u2013 2026-12-05 04:07:05"));
}

void TestDisplayTime::changedOnlyOnAChange()
{
    QSignalSpy changed(DisplayTime::instance(), &DisplayTime::changed);
    DisplayTime::setUtc(false);
    QCOMPARE(changed.count(), 0);
    DisplayTime::setUtc(true);
    QCOMPARE(changed.count(), 1);
    DisplayTime::setUtc(true);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(DisplayTime::zone(), QTimeZone::utc());
    DisplayTime::setUtc(false);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(DisplayTime::zone(), QTimeZone::systemTimeZone());
}

QTEST_GUILESS_MAIN(TestDisplayTime)
#include "tst_displaytime.moc"
