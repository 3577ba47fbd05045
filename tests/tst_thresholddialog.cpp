// ThresholdDialog: a stat tile's steps are numbers in ascending order, each with a level; OK is
// offered only then.
#include "ThresholdDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using Level = PanelThreshold::Level;
using Entries = QList<ThresholdDialog::Entry>;
using Steps = QList<PanelThreshold>;

Q_DECLARE_METATYPE(ThresholdDialog::Entry)

class tst_ThresholdDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validate_data();
    void validate();
    void roundTrip_data();
    void roundTrip();
    void editing();
};

void tst_ThresholdDialog::validate_data()
{
    QTest::addColumn<Entries>("entries");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<Steps>("steps");
    QTest::addColumn<QString>("error");

    const int warning = int(Level::Warning);
    const int critical = int(Level::Critical);
    QTest::newRow("none") << Entries{} << true << Steps{} << QString();
    QTest::newRow("two ascending") << Entries{{"10", warning}, {"20", critical}} << true
                                   << Steps{{10, Level::Warning}, {20, Level::Critical}} << QString();
    QTest::newRow("negative and scientific")
        << Entries{{" -40 ", critical}, {"-1e-9", warning}, {"1.5e6", int(Level::Ok)}, {"1e300", critical}} << true
        << Steps{{-40, Level::Critical}, {-1e-9, Level::Warning}, {1.5e6, Level::Ok}, {1e300, Level::Critical}}
        << QString();
    QTest::newRow("not a number") << Entries{{"ten", warning}} << false << Steps{}
                                  << "Step 1: \"ten\" is not a number.";
    QTest::newRow("empty value") << Entries{{"10", warning}, {"", critical}} << false << Steps{}
                                 << "Step 2: \"\" is not a number.";
    QTest::newRow("grouped digits") << Entries{{"1,000", warning}} << false << Steps{}
                                    << "Step 1: \"1,000\" is not a number.";
    QTest::newRow("beyond the doubles") << Entries{{"1e400", warning}} << false << Steps{}
                                        << "Step 1: \"1e400\" is not a number.";
    QTest::newRow("nan") << Entries{{"nan", warning}} << false << Steps{} << "Step 1: \"nan\" is not a number.";
    QTest::newRow("descending") << Entries{{"20", warning}, {"10", critical}} << false << Steps{}
                                << "Step 2: values must be in ascending order.";
    QTest::newRow("equal") << Entries{{"10", warning}, {"1e1", critical}} << false << Steps{}
                           << "Step 2: values must be in ascending order.";
    QTest::newRow("no level") << Entries{{"10", warning}, {"20", -1}} << false << Steps{}
                              << "Step 2: choose a level.";
}

void tst_ThresholdDialog::validate()
{
    QFETCH(Entries, entries);
    QFETCH(bool, valid);
    QString error = QStringLiteral("stale");
    const auto steps = ThresholdDialog::validate(entries, &error);
    QCOMPARE(steps.has_value(), valid);
    if (valid)
        QTEST(*steps, "steps");
    QTEST(error, "error");

    // The dialog says the same.
    ThresholdDialog dialog;
    for (const ThresholdDialog::Entry &entry : entries) {
        dialog.addStep();
        dialog.valueEdit(dialog.stepCount() - 1)->setText(entry.value);
        dialog.levelBox(dialog.stepCount() - 1)->setCurrentIndex(entry.level);
    }
    QCOMPARE(dialog.thresholds().has_value(), valid);
    QCOMPARE(dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled(), valid);
    QTEST(dialog.errorText(), "error");
}

void tst_ThresholdDialog::roundTrip_data()
{
    QTest::addColumn<Steps>("steps");
    QTest::newRow("none") << Steps{};
    QTest::newRow("usual") << Steps{{80, Level::Warning}, {95, Level::Critical}};
    QTest::newRow("awkward doubles") << Steps{{-1e300, Level::Ok}, {0.1, Level::Warning}, {1764590400123.0, Level::Critical}};
}

void tst_ThresholdDialog::roundTrip()
{
    QFETCH(Steps, steps);
    ThresholdDialog dialog;
    dialog.setThresholds(steps);
    QCOMPARE(dialog.stepCount(), int(steps.size()));
    QCOMPARE(dialog.thresholds(), std::optional<Steps>(steps));
    QVERIFY(dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
}

void tst_ThresholdDialog::editing()
{
    ThresholdDialog dialog;
    dialog.setThresholds({{10, Level::Warning}});
    dialog.addStep(); // no value, no level yet
    QVERIFY(!dialog.thresholds());
    QVERIFY(!dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog.valueEdit(1)->setText(QStringLiteral("20"));
    QCOMPARE(dialog.errorText(), QStringLiteral("Step 2: choose a level."));
    dialog.levelBox(1)->setCurrentIndex(int(Level::Critical));
    QCOMPARE(dialog.thresholds(), std::optional<Steps>(Steps{{10, Level::Warning}, {20, Level::Critical}}));

    dialog.valueEdit(0)->setText(QStringLiteral("30"));
    QVERIFY(!dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog.removeStep(1);
    QCOMPARE(dialog.stepCount(), 1);
    QCOMPARE(dialog.thresholds(), std::optional<Steps>(Steps{{30, Level::Warning}}));

    // Accepting takes only valid steps.
    dialog.valueEdit(0)->setText(QStringLiteral("x"));
    Q_EMIT dialog.buttons()->accepted();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    dialog.valueEdit(0)->setText(QStringLiteral("5"));
    Q_EMIT dialog.buttons()->accepted();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

QTEST_MAIN(tst_ThresholdDialog)
#include "tst_thresholddialog.moc"
