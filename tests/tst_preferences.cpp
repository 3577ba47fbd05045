// Preferences: what the dialog saves and shows again, Restore Defaults, theme and time zone applied
// at once, the window charts open with, the limits a button away, new streams starting from
// the preferred reconnection, and the language chosen there winning over the locale.
#include "ChartArea.h"
#include "ChartPanel.h"
#include "DisplayTime.h"
#include "LimitsDialog.h"
#include "MainWindow.h"
#include "ModalAnswer.h"
#include "Preferences.h"
#include "PreferencesController.h"
#include "PreferencesDialog.h"
#include "ScriptedServer.h"
#include "StreamsPane.h"
#include "SubscriptionDialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>

namespace {

QAction *preferencesAction(const MainWindow &window)
{
    return window.findChild<QAction *>(QStringLiteral("preferencesAction"));
}

} // namespace

class TestPreferences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QSettings().clear(); }
    void cleanup()
    {
        ApplicationTheme::apply(ApplicationTheme::Choice::System);
        DisplayTime::setUtc(false);
    }
    void defaults();
    void dialogSavesAndShowsAgain();
    void restoreDefaultsSavesNothingUntilOk();
    void newStreamsStartFromThePreferredReconnection();
    void themeAndTimeZoneApplyAtOnce_data();
    void themeAndTimeZoneApplyAtOnce();
    void chartsOpenWithThePreferredWindow();
    void fontScaleAtStart();
    void limitsAreAButtonAway();
    void chosenLanguageWinsOverTheLocale();
};

void TestPreferences::defaults()
{
    const Preferences preferences = Preferences::load();
    QCOMPARE(preferences, Preferences());
    QVERIFY(preferences.language.isEmpty());
    QCOMPARE(preferences.translationLocale(), QLocale::system());
    QCOMPARE(preferences.fontScale(), 1.0);
    Preferences chinese;
    chinese.language = QStringLiteral("zh_TW");
    QCOMPARE(chinese.translationLocale().territory(), QLocale::Taiwan);
}

void TestPreferences::dialogSavesAndShowsAgain()
{
    MainWindow window;
    QAction *action = preferencesAction(window);
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    ModalAnswer::answer([](QWidget *modal) {
        auto *dialog = qobject_cast<PreferencesDialog *>(modal);
        QVERIFY(dialog);
        // The suites run in the C locale, which names no language.
        QVERIFY2(!dialog->languageCombo()->itemText(0).contains(u"()"), qPrintable(dialog->languageCombo()->itemText(0)));
        dialog->languageCombo()->setCurrentIndex(dialog->languageCombo()->findData(QStringLiteral("zh_TW")));
        dialog->fontScaleSpin()->setValue(150);
        dialog->reconnectModeCombo()->setCurrentIndex(dialog->reconnectModeCombo()->findData(int(ReconnectMode::Strict)));
        dialog->maxBackoffSpin()->setValue(20000);
        dialog->timeWindowCombo()->setCurrentIndex(dialog->timeWindowCombo()->findData(int(ChartPanel::TenMinutes)));
        QTest::mouseClick(ModalAnswer::buttonNamed(modal, QStringLiteral("OK")), Qt::LeftButton);
    });
    action->trigger();
    const Preferences saved = Preferences::load();
    QCOMPARE(saved.language, QStringLiteral("zh_TW"));
    QCOMPARE(saved.fontScalePercent, 150);
    QCOMPARE(saved.reconnectMode, ReconnectMode::Strict);
    QCOMPARE(saved.maxBackoffMs, 20000);
    QCOMPARE(saved.timeWindowMs, 600000);

    Preferences shown;
    ModalAnswer::answer([&shown](QWidget *modal) { shown = qobject_cast<PreferencesDialog *>(modal)->preferences(); });
    action->trigger();
    QCOMPARE(shown, saved);
}

void TestPreferences::restoreDefaultsSavesNothingUntilOk()
{
    Preferences chosen;
    chosen.fontScalePercent = 200;
    chosen.maxBackoffMs = 5000;
    chosen.save();
    MainWindow window;
    Preferences shown;
    ModalAnswer::answer([&shown](QWidget *modal) {
        QTest::mouseClick(ModalAnswer::buttonNamed(modal, QStringLiteral("Restore Defaults")), Qt::LeftButton);
        shown = qobject_cast<PreferencesDialog *>(modal)->preferences();
        // and Cancel: ModalAnswer rejects what the answer left open
    });
    preferencesAction(window)->trigger();
    QCOMPARE(shown, Preferences());
    QCOMPARE(Preferences::load(), chosen);
}

void TestPreferences::newStreamsStartFromThePreferredReconnection()
{
    Preferences chosen;
    chosen.reconnectMode = ReconnectMode::Strict;
    chosen.maxBackoffMs = 20000;
    chosen.save();
    MainWindow window;
    int policy = -1;
    int backoff = -1;
    ModalAnswer::answer([&](QWidget *modal) {
        auto *dialog = qobject_cast<SubscriptionDialog *>(modal);
        QVERIFY(dialog);
        policy = dialog->policyCombo()->currentData().toInt();
        backoff = dialog->maxBackoffSpin()->value();
    });
    window.streamsPane()->addAction()->trigger();
    QCOMPARE(policy, int(ReconnectMode::Strict));
    QCOMPARE(backoff, 20000);
}

void TestPreferences::themeAndTimeZoneApplyAtOnce_data()
{
    QTest::addColumn<int>("theme");
    QTest::addColumn<bool>("dark");
    QTest::addColumn<bool>("utc");
    QTest::newRow("dark, UTC") << int(ApplicationTheme::Choice::Dark) << true << true;
    QTest::newRow("light, local") << int(ApplicationTheme::Choice::Light) << false << false;
}

void TestPreferences::themeAndTimeZoneApplyAtOnce()
{
    QFETCH(int, theme);
    QFETCH(bool, dark);
    QFETCH(bool, utc);
    const QPalette system = QApplication::palette();
    MainWindow window;
    auto *charts = window.findChild<ChartArea *>();
    QVERIFY(charts);
    QVERIFY(!charts->isDarkTheme());
    ModalAnswer::answer([&](QWidget *modal) {
        auto *dialog = qobject_cast<PreferencesDialog *>(modal);
        QVERIFY(dialog);
        dialog->themeCombo()->setCurrentIndex(dialog->themeCombo()->findData(theme));
        dialog->timeZoneCombo()->setCurrentIndex(dialog->timeZoneCombo()->findData(utc));
        QTest::mouseClick(ModalAnswer::buttonNamed(modal, QStringLiteral("OK")), Qt::LeftButton);
    });
    preferencesAction(window)->trigger();
    QCOMPARE(int(Preferences::load().theme), theme);
    QCOMPARE(Preferences::load().utcTimes, utc);
    QCOMPARE(QApplication::palette().color(QPalette::Window).lightness() < 128, dark);
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    // The charts follow the palette, without being told.
    QTRY_COMPARE(charts->isDarkTheme(), dark);
    QCOMPARE(DisplayTime::isUtc(), utc);

    ApplicationTheme::apply(ApplicationTheme::Choice::System);
    QCOMPARE(QApplication::palette(), system);
    QTRY_VERIFY(!charts->isDarkTheme());
}

void TestPreferences::chartsOpenWithThePreferredWindow()
{
    {
        MainWindow window;
        QCOMPARE(window.findChild<ChartArea *>()->timeWindow(), ChartPanel::OneMinute);
    }
    Preferences chosen;
    chosen.timeWindowMs = 10 * 60 * 1000;
    chosen.save();
    MainWindow window;
    QCOMPARE(window.findChild<ChartArea *>()->timeWindow(), ChartPanel::TenMinutes);
}

void TestPreferences::fontScaleAtStart()
{
    const QFont before = QApplication::font();
    Preferences large;
    large.fontScalePercent = 150;
    PreferencesController::applyAtStart(large);
    const double scaled = QApplication::font().pointSizeF();
    QApplication::setFont(before);
    QCOMPARE(scaled, before.pointSizeF() * 1.5);
    PreferencesController::applyAtStart(Preferences());
    QCOMPARE(QApplication::font(), before);
}

void TestPreferences::limitsAreAButtonAway()
{
    MainWindow window;
    ModalAnswer::answer([](QWidget *modal) {
        auto *button = modal->findChild<QAbstractButton *>(QStringLiteral("limitsButton"));
        QVERIFY(button);
        QVERIFY(!button->toolTip().isEmpty());
        button->click();
    });
    preferencesAction(window)->trigger();
    LimitsDialog *limits = nullptr;
    QTRY_VERIFY((limits = window.findChild<LimitsDialog *>()) && limits->isVisible());
    limits->reject();
}

void TestPreferences::chosenLanguageWinsOverTheLocale()
{
    const QString binary = qEnvironmentVariable("EVENTSCOPE_BINARY");
    if (binary.isEmpty())
        QSKIP("EVENTSCOPE_BINARY is not set (run through ctest)");
    QTemporaryDir config;
    QVERIFY(QDir(config.path()).mkpath(QStringLiteral("EventScope")));
    QFile settings(config.filePath(QStringLiteral("EventScope/eventscope.conf")));
    QVERIFY(settings.open(QIODevice::WriteOnly));
    settings.write("[preferences]\nlanguage=zh_TW\n");
    settings.close();

    ScriptedServer server;
    QVERIFY(server.start());
    server.script(QStringLiteral("/events"), {ScriptedServer::Response::events()
                                                  .header("Content-Encoding", "deflate")
                                                  .send(qCompress(QByteArray("id: 1\ndata: a\n\n")).sliced(4))
                                                  .stall()});
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8")); // the locale says English
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(binary, {QStringLiteral("record"), QStringLiteral("--compressed"), QStringLiteral("--max-events"),
                           QStringLiteral("1"), server.url().toString()});
    QVERIFY(finished.wait(30000)); // the server in this process serves while it waits
    QCOMPARE(process.exitCode(), 0);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    const QString notice = err.section(QStringLiteral("notice: "), 1, 1).section(u'\n', 0, 0);
    QVERIFY2(notice.contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]"))), qPrintable(err));
}

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
