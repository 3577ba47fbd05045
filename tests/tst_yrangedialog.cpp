#include "YRangeDialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

class TestYRangeDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void yRangeDialogValidates_data();
    void yRangeDialogValidates();
    void yRangeDialogTracksEdits();
};

void TestYRangeDialog::yRangeDialogValidates_data()
{
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<bool>("valid");

    QTest::newRow("ordered") << 0.0 << 100.0 << true;
    QTest::newRow("negative") << -250.5 << -10.25 << true;
    QTest::newRow("narrow") << 0.0012 << 0.0034 << true;
    QTest::newRow("large") << -3e9 << 7e9 << true;
    QTest::newRow("equal") << 5.0 << 5.0 << false;
    QTest::newRow("reversed") << 10.0 << -10.0 << false;
}


void TestYRangeDialog::yRangeDialogValidates()
{
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(bool, valid);

    YRangeDialog dialog;
    dialog.setRange(min, max);
    // Prefilled without losing the digits that tell the bounds apart.
    QCOMPARE(dialog.range(), std::pair(min, max));
    QCOMPARE(dialog.isValid(), valid);
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QCOMPARE(buttons->button(QDialogButtonBox::Ok)->isEnabled(), valid);
    const auto *hint = dialog.findChild<QLabel *>(QStringLiteral("hint"));
    QVERIFY(hint);
    QCOMPARE(hint->isHidden(), valid);

    // Enter (accept()) does not get past an invalid range either.
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.accept();
    QCOMPARE(accepted.size(), valid ? 1 : 0);
}


void TestYRangeDialog::yRangeDialogTracksEdits()
{
    YRangeDialog dialog;
    dialog.setRange(0, 100);
    auto *min = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("minimum"));
    auto *max = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("maximum"));
    QVERIFY(min && max);
    QVERIFY(!min->toolTip().isEmpty() && !max->toolTip().isEmpty());
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());

    max->setValue(-1);
    QVERIFY(!ok->isEnabled());
    QVERIFY(!dialog.isValid());
    min->setValue(-2);
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.range(), std::pair(-2.0, -1.0));
    max->setValue(-2);
    QVERIFY(!ok->isEnabled());

    // Typing, not only stepping, is checked as it happens.
    max->selectAll();
    QTest::keyClicks(max, QStringLiteral("7"));
    QCOMPARE(max->value(), 7.0);
    QVERIFY(ok->isEnabled());
}


QTEST_MAIN(TestYRangeDialog)
#include "tst_yrangedialog.moc"
