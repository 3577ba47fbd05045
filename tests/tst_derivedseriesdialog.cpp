#include "DerivedSeriesDialog.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

namespace {

const QStringList Fields = {QStringLiteral("/count"), QStringLiteral("/bytes"), QStringLiteral("/errors"),
                            QStringLiteral("alert:/latency_ms")};

} // namespace

class TestDerivedSeriesDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachKindGivesItsSpec_data();
    void eachKindGivesItsSpec();
    void okWaitsForACompleteSpec();
    void fieldBOffersTheOtherFields();
    void specFollowsTheWidgets();
    void refusedSpecKeepsTheDialogOpen();
    void acceptedSpecCloses();
};

void TestDerivedSeriesDialog::eachKindGivesItsSpec_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("amount");
    QTest::addColumn<int>("unit");
    QTest::addColumn<QString>("spec");

    const int s = DerivedSeriesDialog::Seconds;
    const int min = DerivedSeriesDialog::Minutes;
    QTest::newRow("rate") << int(DerivedSeriesDialog::Rate) << "/count" << "" << 10 << s << "rate(/count)";
    QTest::newRow("rate ignores B") << int(DerivedSeriesDialog::Rate) << "/count" << "/bytes" << 10 << s
                                    << "rate(/count)";
    QTest::newRow("rate of a typed field") << int(DerivedSeriesDialog::Rate) << "alert:/latency_ms" << "" << 1 << s
                                           << "rate(alert:/latency_ms)";
    QTest::newRow("avg 10 s") << int(DerivedSeriesDialog::MovingAverage) << "/count" << "" << 10 << s
                              << "avg(/count, 10s)";
    QTest::newRow("avg 1 s") << int(DerivedSeriesDialog::MovingAverage) << "/bytes" << "" << 1 << s
                             << "avg(/bytes, 1s)";
    QTest::newRow("avg 5 min") << int(DerivedSeriesDialog::MovingAverage) << "/count" << "" << 5 << min
                               << "avg(/count, 300s)";
    QTest::newRow("diff") << int(DerivedSeriesDialog::Difference) << "/bytes" << "/errors" << 10 << s
                          << "diff(/bytes, /errors)";
    QTest::newRow("ratio") << int(DerivedSeriesDialog::Ratio) << "/errors" << "/count" << 10 << s
                           << "ratio(/errors, /count)";
}

void TestDerivedSeriesDialog::eachKindGivesItsSpec()
{
    QFETCH(int, kind);
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, amount);
    QFETCH(int, unit);
    QFETCH(QString, spec);

    DerivedSeriesDialog dialog(Fields, a);
    dialog.setKind(DerivedSeriesDialog::Kind(kind));
    dialog.setFieldB(b);
    dialog.setDuration(amount, DerivedSeriesDialog::DurationUnit(unit));
    QCOMPARE(dialog.fieldA(), a);
    QCOMPARE(dialog.spec(), spec);
    QVERIFY(dialog.isComplete());
    QVERIFY(dialog.okButton()->isEnabled());
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("spec"))->text(), spec);
    QCOMPARE(DerivedSeriesDialog::specFor(DerivedSeriesDialog::Kind(kind), a, b, dialog.durationSeconds()), spec);
}

void TestDerivedSeriesDialog::okWaitsForACompleteSpec()
{
    DerivedSeriesDialog dialog(Fields, QStringLiteral("/count"));
    QVERIFY(dialog.okButton()->isEnabled()); // the rate of the preset field is complete

    dialog.setKind(DerivedSeriesDialog::Difference);
    QCOMPARE(dialog.fieldB(), QString()); // B is never guessed
    QVERIFY(!dialog.isComplete());
    QCOMPARE(dialog.spec(), QString());
    QVERIFY(!dialog.okButton()->isEnabled());
    dialog.accept(); // Enter with OK disabled
    QCOMPARE(dialog.result(), int(QDialog::Rejected));

    dialog.setFieldB(QStringLiteral("/bytes"));
    QVERIFY(dialog.okButton()->isEnabled());
    dialog.setKind(DerivedSeriesDialog::Ratio);
    QVERIFY(dialog.okButton()->isEnabled());

    // Without a field A nothing is complete.
    DerivedSeriesDialog empty(Fields);
    QCOMPARE(empty.fieldA(), QString());
    QVERIFY(!empty.okButton()->isEnabled());
    empty.setFieldA(QStringLiteral("/bytes"));
    QVERIFY(empty.okButton()->isEnabled());

    // No specs for impossible choices.
    QCOMPARE(DerivedSeriesDialog::specFor(DerivedSeriesDialog::MovingAverage, QStringLiteral("/a"), {}, 0), QString());
    QCOMPARE(DerivedSeriesDialog::specFor(DerivedSeriesDialog::Ratio, QStringLiteral("/a"), QStringLiteral("/a")),
             QString());
    QCOMPARE(DerivedSeriesDialog::specFor(DerivedSeriesDialog::Rate, QString()), QString());
}

void TestDerivedSeriesDialog::fieldBOffersTheOtherFields()
{
    DerivedSeriesDialog dialog(Fields, QStringLiteral("/count"));
    dialog.setKind(DerivedSeriesDialog::Difference);
    auto *b = dialog.findChild<QComboBox *>(QStringLiteral("fieldB"));
    QVERIFY(b);
    QStringList offered;
    for (int i = 0; i < b->count(); ++i)
        offered.append(b->itemData(i).toString());
    QCOMPARE(offered, (QStringList{QStringLiteral("/bytes"), QStringLiteral("/errors"), QStringLiteral("alert:/latency_ms")}));

    // Choosing B, then making it A, leaves B to be chosen again.
    dialog.setFieldB(QStringLiteral("/bytes"));
    QVERIFY(dialog.isComplete());
    dialog.setFieldA(QStringLiteral("/bytes"));
    QCOMPARE(dialog.fieldB(), QString());
    QVERIFY(!dialog.okButton()->isEnabled());
    dialog.setFieldB(QStringLiteral("/count"));
    QCOMPARE(dialog.spec(), QStringLiteral("diff(/bytes, /count)"));

    // A field the stream has not listed (a preset) is still offered as A.
    DerivedSeriesDialog preset({QStringLiteral("/a")}, QStringLiteral("/b"));
    QCOMPARE(preset.fieldA(), QStringLiteral("/b"));
    QCOMPARE(preset.spec(), QStringLiteral("rate(/b)"));
}

void TestDerivedSeriesDialog::specFollowsTheWidgets()
{
    DerivedSeriesDialog dialog(Fields, QStringLiteral("/count"));
    QSignalSpy changed(&dialog, &DerivedSeriesDialog::specChanged);
    auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("kind"));
    auto *duration = dialog.findChild<QSpinBox *>(QStringLiteral("duration"));
    auto *unit = dialog.findChild<QComboBox *>(QStringLiteral("durationUnit"));
    QVERIFY(kind && duration && unit);

    kind->setCurrentIndex(kind->findData(DerivedSeriesDialog::MovingAverage));
    QCOMPARE(dialog.spec(), QStringLiteral("avg(/count, 10s)"));
    dialog.show();
    QVERIFY(duration->isVisible());
    QVERIFY(!dialog.findChild<QComboBox *>(QStringLiteral("fieldB"))->isVisible());
    duration->setValue(30);
    QCOMPARE(dialog.spec(), QStringLiteral("avg(/count, 30s)"));
    unit->setCurrentIndex(unit->findData(DerivedSeriesDialog::Minutes));
    QCOMPARE(dialog.durationSeconds(), 1800);
    QCOMPARE(dialog.spec(), QStringLiteral("avg(/count, 1800s)"));
    QCOMPARE(changed.size(), 3);
    QCOMPARE(changed.last().at(0).toString(), QStringLiteral("avg(/count, 1800s)"));

    kind->setCurrentIndex(kind->findData(DerivedSeriesDialog::Ratio));
    QVERIFY(!duration->isVisible());
    QVERIFY(dialog.findChild<QComboBox *>(QStringLiteral("fieldB"))->isVisible());
    QCOMPARE(changed.last().at(0).toString(), QString());
}

void TestDerivedSeriesDialog::refusedSpecKeepsTheDialogOpen()
{
    DerivedSeriesDialog dialog(Fields, QStringLiteral("/count"));
    QStringList tried;
    dialog.setApply([&](const QString &spec, QString *error) {
        tried.append(spec);
        *error = QStringLiteral("held already");
        return false;
    });
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
    QCOMPARE(tried, QStringList{QStringLiteral("rate(/count)")});
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.errorText().contains(QStringLiteral("held already")));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("error"))->isVisible());

    // A new choice clears the message.
    dialog.setKind(DerivedSeriesDialog::MovingAverage);
    QCOMPARE(dialog.errorText(), QString());
}

void TestDerivedSeriesDialog::acceptedSpecCloses()
{
    DerivedSeriesDialog dialog(Fields, QStringLiteral("/bytes"));
    dialog.setKind(DerivedSeriesDialog::Ratio);
    dialog.setFieldB(QStringLiteral("/count"));
    QString applied;
    dialog.setApply([&](const QString &spec, QString *) {
        applied = spec;
        return true;
    });
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(applied, QStringLiteral("ratio(/bytes, /count)"));
    QVERIFY(!dialog.isVisible());
}

QTEST_MAIN(TestDerivedSeriesDialog)
#include "tst_derivedseriesdialog.moc"
