#include "ChartArea.h"
#include "ChartExportDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

class TestChartExportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatFollowsTheFileName_data();
    void formatFollowsTheFileName();
    void presetsSetTheSize_data();
    void presetsSetTheSize();
    void editingTheSizeChoosesCustom();
    void okNeedsAFileAndAWritableFormat();
};

void TestChartExportDialog::formatFollowsTheFileName_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<ChartExportDialog::Format>("format");

    QTest::newRow("png") << QStringLiteral("/tmp/chart.png") << ChartExportDialog::Png;
    QTest::newRow("svg") << QStringLiteral("/tmp/chart.svg") << ChartExportDialog::Svg;
    QTest::newRow("SVG") << QStringLiteral("/tmp/Chart.SVG") << ChartExportDialog::Svg;
    QTest::newRow("no suffix") << QStringLiteral("/tmp/chart") << ChartExportDialog::Png;
    QTest::newRow("svg in a folder name") << QStringLiteral("/tmp/x.svg/chart.png") << ChartExportDialog::Png;
}

void TestChartExportDialog::formatFollowsTheFileName()
{
    QFETCH(QString, path);
    QFETCH(ChartExportDialog::Format, format);

    ChartExportDialog dialog;
    dialog.setFilePath(path);
    QCOMPARE(dialog.filePath(), path);
    QCOMPARE(dialog.format(), format);
    QCOMPARE(ChartExportDialog::formatFor(path), format);
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("filePath"))->text(), path);
    const QString shown = dialog.findChild<QLabel *>(QStringLiteral("format"))->text();
    QVERIFY(shown.contains(format == ChartExportDialog::Svg ? QLatin1String("SVG") : QLatin1String("PNG")));

    // Typed in the dialog, the same.
    ChartExportDialog typed;
    auto *edit = typed.findChild<QLineEdit *>(QStringLiteral("filePath"));
    QTest::keyClicks(edit, path);
    QCOMPARE(typed.filePath(), path);
    QCOMPARE(typed.format(), format);
}

void TestChartExportDialog::presetsSetTheSize_data()
{
    QTest::addColumn<int>("preset");
    QTest::addColumn<QSize>("size");

    QTest::newRow("HD") << 0 << QSize(1280, 720);
    QTest::newRow("Full HD") << 1 << QSize(1920, 1080);
    QTest::newRow("current") << 2 << QSize(900, 613);
}

void TestChartExportDialog::presetsSetTheSize()
{
    QFETCH(int, preset);
    QFETCH(QSize, size);

    ChartExportDialog dialog(QSize(900, 613));
    QCOMPARE(dialog.imageSize(), QSize(900, 613)); // offered first
    auto *presets = dialog.findChild<QComboBox *>(QStringLiteral("presets"));
    QVERIFY(presets);
    QVERIFY(presets->itemText(2).contains(u"900 × 613"));
    presets->setCurrentIndex(preset);
    Q_EMIT presets->activated(preset);
    QCOMPARE(dialog.imageSize(), size);
    QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("width"))->value(), size.width());
    QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("height"))->value(), size.height());
}

void TestChartExportDialog::editingTheSizeChoosesCustom()
{
    ChartExportDialog dialog;
    auto *presets = dialog.findChild<QComboBox *>(QStringLiteral("presets"));
    auto *width = dialog.findChild<QSpinBox *>(QStringLiteral("width"));
    QCOMPARE(presets->currentIndex(), 0);
    width->setValue(1000);
    QCOMPARE(presets->currentText(), QStringLiteral("Custom"));
    QCOMPARE(dialog.imageSize(), QSize(1000, 720));
    dialog.setImageSize(QSize(1920, 1080));
    QCOMPARE(presets->currentIndex(), 1);
    // Bounded both ways.
    width->setValue(100'000);
    QCOMPARE(dialog.imageSize().width(), ChartExportDialog::MaximumSide);
    width->setValue(1);
    QCOMPARE(dialog.imageSize().width(), ChartExportDialog::MinimumSide);
}

void TestChartExportDialog::okNeedsAFileAndAWritableFormat()
{
    ChartExportDialog dialog;
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    dialog.setFilePath(QStringLiteral("/tmp/chart.png"));
    QVERIFY(ok->isEnabled());
    dialog.setFilePath(QStringLiteral("/tmp/chart.svg"));
    QCOMPARE(ok->isEnabled(), ChartArea::svgAvailable());
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("hint"))->text().isEmpty());
}

QTEST_MAIN(TestChartExportDialog)
#include "tst_chartexportdialog.moc"
