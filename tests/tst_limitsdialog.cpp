#include "LimitsDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

class TestLimitsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void ranges_data();
    void ranges();
    void startsWithTheDefaults();
    void roundTrip();
    void outOfRangeIsBounded_data();
    void outOfRangeIsBounded();
    void usage_data();
    void usage();
    void restoreDefaults();
    void okAndCancel();
};

void TestLimitsDialog::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestLimitsDialog::ranges_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<qint64>("minimum");
    QTest::addColumn<qint64>("maximum");
    QTest::addColumn<QString>("suffix");

    QTest::newRow("capture events") << int(LimitsDialog::CaptureEvents) << qint64(1)
                                    << Limits::MaximumCaptureEvents << " events";
    QTest::newRow("capture MiB") << int(LimitsDialog::CaptureMiB) << qint64(1)
                                 << qint64(Limits::MaximumCaptureMiB) << " MiB";
    QTest::newRow("capture MiB, all streams") << int(LimitsDialog::CaptureTotalMiB) << qint64(1)
                                              << qint64(Limits::MaximumCaptureMiB) << " MiB";
    QTest::newRow("log rows") << int(LimitsDialog::LogRows) << qint64(Limits::MinimumLogRows)
                              << qint64(Limits::MaximumLogRows) << " rows";
    QTest::newRow("chart points") << int(LimitsDialog::ChartPoints)
                                  << qint64(Limits::MinimumChartPoints)
                                  << qint64(Limits::MaximumChartPoints) << " points";
}

void TestLimitsDialog::ranges()
{
    QFETCH(int, limit);
    QFETCH(qint64, minimum);
    QFETCH(qint64, maximum);
    QFETCH(QString, suffix);

    LimitsDialog dialog;
    const QSpinBox *spin = dialog.spinBox(LimitsDialog::Limit(limit));
    QVERIFY(spin);
    QCOMPARE(qint64(spin->minimum()), minimum);
    QCOMPARE(qint64(spin->maximum()), maximum);
    QCOMPARE(spin->suffix(), suffix);
    // Each field says what goes beyond it, and that it is counted.
    QVERIFY2(spin->toolTip().contains(u"dropped"), qPrintable(spin->toolTip()));
    QVERIFY2(spin->toolTip().contains(u"counted"), qPrintable(spin->toolTip()));
}

void TestLimitsDialog::startsWithTheDefaults()
{
    LimitsDialog dialog;
    QCOMPARE(dialog.limits(), Limits());
    for (int limit = 0; limit < LimitsDialog::LimitCount; ++limit) {
        QVERIFY(!dialog.usageLabel(LimitsDialog::Limit(limit))->isVisibleTo(&dialog));
        QCOMPARE(dialog.usageText(LimitsDialog::Limit(limit)), QString());
    }
}

void TestLimitsDialog::roundTrip()
{
    Limits limits;
    limits.captureMaxEvents = 123'456;
    limits.captureMaxMiB = 77;
    limits.captureTotalMiB = 300;
    limits.logRows = 2'500;
    limits.chartPoints = 5'000'000;
    LimitsDialog dialog;
    dialog.setLimits(limits);
    QCOMPARE(dialog.limits(), limits);
    QCOMPARE(dialog.spinBox(LimitsDialog::LogRows)->value(), 2'500);
    QCOMPARE(dialog.spinBox(LimitsDialog::CaptureTotalMiB)->value(), 300);

    // What the user types is what comes back.
    QSpinBox *rows = dialog.spinBox(LimitsDialog::LogRows);
    rows->selectAll();
    QTest::keyClicks(rows, QStringLiteral("40000"));
    QCOMPARE(dialog.limits().logRows, 40'000);
    QCOMPARE(dialog.limits().captureMaxEvents, 123'456);

    // The extremes survive.
    Limits extremes;
    extremes.captureMaxEvents = Limits::MaximumCaptureEvents;
    extremes.captureMaxMiB = Limits::MaximumCaptureMiB;
    extremes.captureTotalMiB = 1;
    extremes.logRows = Limits::MinimumLogRows;
    extremes.chartPoints = Limits::MaximumChartPoints;
    dialog.setLimits(extremes);
    QCOMPARE(dialog.limits(), extremes);
}

void TestLimitsDialog::outOfRangeIsBounded_data()
{
    QTest::addColumn<qint64>("captureMaxEvents");
    QTest::addColumn<int>("captureMaxMiB");
    QTest::addColumn<int>("logRows");
    QTest::addColumn<int>("chartPoints");

    QTest::newRow("below") << qint64(0) << -5 << 1 << 0;
    QTest::newRow("no budget at all") << qint64(-1) << 0 << -1 << -1;
    QTest::newRow("above") << Limits::MaximumCaptureEvents * 10 << Limits::MaximumCaptureMiB + 1
                           << Limits::MaximumLogRows + 1 << Limits::MaximumChartPoints + 1;
}

void TestLimitsDialog::outOfRangeIsBounded()
{
    QFETCH(qint64, captureMaxEvents);
    QFETCH(int, captureMaxMiB);
    QFETCH(int, logRows);
    QFETCH(int, chartPoints);

    Limits limits;
    limits.captureMaxEvents = captureMaxEvents;
    limits.captureMaxMiB = captureMaxMiB;
    limits.captureTotalMiB = captureMaxMiB; // the same range
    limits.logRows = logRows;
    limits.chartPoints = chartPoints;
    LimitsDialog dialog;
    dialog.setLimits(limits);
    QCOMPARE(dialog.limits(), limits.bounded());
    QCOMPARE(dialog.limits().bounded(), dialog.limits());
}

void TestLimitsDialog::usage_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<qint64>("held");
    QTest::addColumn<qint64>("dropped");
    QTest::addColumn<QString>("expected");

    QTest::newRow("capture events") << int(LimitsDialog::CaptureEvents) << qint64(12'345)
                                    << qint64(6) << "now: 12,345 events held \u00B7 6 dropped";
    QTest::newRow("capture bytes") << int(LimitsDialog::CaptureMiB) << qint64(3 * 1024 * 1024 + 300'000)
                                   << qint64(-1) << "now: 3.3 MiB held";
    QTest::newRow("log rows") << int(LimitsDialog::LogRows) << qint64(10'000) << qint64(2'345)
                              << "now: 10,000 rows held \u00B7 2,345 dropped";
    QTest::newRow("chart points") << int(LimitsDialog::ChartPoints) << qint64(100'000) << qint64(0)
                                  << "now: 100,000 points held \u00B7 0 dropped";
}

void TestLimitsDialog::usage()
{
    QFETCH(int, limit);
    QFETCH(qint64, held);
    QFETCH(qint64, dropped);
    QFETCH(QString, expected);

    LimitsDialog dialog;
    const auto which = LimitsDialog::Limit(limit);
    dialog.setUsage(which, {held, dropped});
    QCOMPARE(dialog.usageText(which), expected);
    QCOMPARE(dialog.usageLabel(which)->text(), expected);
    QVERIFY(dialog.usageLabel(which)->isVisibleTo(&dialog));
    // Read-only: the usage is a label, and only the one asked for is shown.
    for (int other = 0; other < LimitsDialog::LimitCount; ++other) {
        if (other != limit)
            QVERIFY(!dialog.usageLabel(LimitsDialog::Limit(other))->isVisibleTo(&dialog));
    }
    dialog.clearUsage(which);
    QVERIFY(!dialog.usageLabel(which)->isVisibleTo(&dialog));
    QCOMPARE(dialog.usageText(which), QString());
}

void TestLimitsDialog::restoreDefaults()
{
    LimitsDialog dialog;
    Limits limits;
    limits.logRows = 50;
    dialog.setLimits(limits);
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QPushButton *restore = buttons->button(QDialogButtonBox::RestoreDefaults);
    QVERIFY(restore);
    restore->click();
    QCOMPARE(dialog.limits(), Limits());
}

void TestLimitsDialog::okAndCancel()
{
    LimitsDialog dialog;
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(accepted.count(), 1);
    dialog.show();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QCOMPARE(rejected.count(), 1);
}

QTEST_MAIN(TestLimitsDialog)

#include "tst_limitsdialog.moc"
