// AlertRuleDialog: texts checked as they are typed (OK and the error under the text), the rule
// read back, and the field keys of the chosen stream (from a scripted server on 127.0.0.1) offered
// for completion.
#include "FastOptions.h"
#include "AlertRuleDialog.h"
#include "AlertRulesModel.h"
#include "ScriptedServer.h"
#include "Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using Response = ScriptedServer::Response;

namespace {

constexpr int Timeout = 15000;

} // namespace

class TestAlertRuleDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validation_data();
    void validation();
    void examplesAreValid();
    void ruleRoundTrip();
    void completerHoldsTheFields();
};

void TestAlertRuleDialog::validation_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");

    QTest::newRow("above") << "/count > 3" << true;
    QTest::newRow("for") << "/cpu/load[0] >= 0.9 for 10s" << true;
    QTest::newRow("outside") << "/latency_ms outside 0..250" << true;
    QTest::newRow("negative") << "/temp < -40.5" << true;
    QTest::newRow("tiny") << "/err > 1e-9" << true;
    QTest::newRow("huge") << "/v >= 1e300" << true;
    QTest::newRow("unix ms") << "/time > 1700000000000" << true;
    QTest::newRow("stale") << "stale 5s" << true;
    QTest::newRow("down") << "down 30s" << true;
    QTest::newRow("idreset") << "idreset" << true;
    QTest::newRow("reconnects") << "reconnects > 3 in 5m" << true;
    QTest::newRow("spaces around") << "  /count > 3  " << true;
    QTest::newRow("missing number") << "/count >" << false;
    QTest::newRow("unknown operator") << "/count ~ 3" << false;
    QTest::newRow("no duration") << "stale" << false;
    QTest::newRow("word for a number") << "/count > three" << false;
    QTest::newRow("nan") << "/count > nan" << false;
    QTest::newRow("bad duration") << "/count > 3 for ever" << false;
}

void TestAlertRuleDialog::validation()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    Workspace workspace;
    workspace.setTickInterval(0);
    AlertRuleDialog dialog(&workspace);
    QVERIFY(!dialog.okButton()->isEnabled()); // empty: nothing to add yet
    QVERIFY(dialog.errorLabel()->text().isEmpty());
    QVERIFY(!dialog.textEdit()->placeholderText().isEmpty());

    QTest::keyClicks(dialog.textEdit(), text);
    QCOMPARE(dialog.okButton()->isEnabled(), valid);
    QString error;
    const bool parsed = AlertRule::parse(text.trimmed(), &error).has_value();
    QCOMPARE(parsed, valid);
    QCOMPARE(dialog.errorLabel()->text(), valid ? QString() : error);
    QCOMPARE(dialog.errorLabel()->isHidden(), valid);
    if (!valid) {
        QVERIFY(!error.isEmpty());
        QCOMPARE(dialog.errorLabel()->palette().color(QPalette::WindowText), QColor(0xd1, 0x34, 0x38));
    }

    // Fixing or breaking it updates both at once.
    dialog.textEdit()->setText(QStringLiteral("/count >"));
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(!dialog.errorLabel()->text().isEmpty());
    dialog.textEdit()->setText(QStringLiteral("/count > 3"));
    QVERIFY(dialog.okButton()->isEnabled());
    QVERIFY(dialog.errorLabel()->text().isEmpty());
}

void TestAlertRuleDialog::examplesAreValid()
{
    QCOMPARE(AlertRuleDialog::examples().size(), 7);
    for (const QString &example : AlertRuleDialog::examples()) {
        QString error;
        QVERIFY2(AlertRule::parse(example, &error), qPrintable(example + ": " + error));
    }
}

void TestAlertRuleDialog::ruleRoundTrip()
{
    Workspace workspace;
    workspace.setTickInterval(0);
    Stream *a = workspace.addStream(fastOptions(QUrl("http://127.0.0.1:1/a")), QStringLiteral("alpha"), false);
    Stream *b = workspace.addStream(fastOptions(QUrl("http://127.0.0.1:1/b")), QStringLiteral("beta"), false);
    AlertRuleDialog dialog(&workspace);
    QComboBox *streams = dialog.streamCombo();
    QCOMPARE(streams->count(), 3);
    QCOMPARE(streams->itemText(0), AlertRulesModel::everyStreamText());
    QCOMPARE(streams->itemText(1), QStringLiteral("alpha"));
    QCOMPARE(streams->itemText(2), QStringLiteral("beta"));
    QVERIFY(dialog.enabledBox()->isChecked());
    QCOMPARE(dialog.rule().stream, quint64(0));

    const WatchedRule rule{QStringLiteral("/count > 3 for 10s"), b->id(), false};
    dialog.setRule(rule);
    QCOMPARE(streams->currentText(), QStringLiteral("beta"));
    QVERIFY(!dialog.enabledBox()->isChecked());
    QVERIFY(dialog.okButton()->isEnabled());
    QCOMPARE(dialog.rule(), rule);

    streams->setCurrentIndex(1);
    dialog.enabledBox()->setChecked(true);
    QCOMPARE(dialog.rule(), (WatchedRule{QStringLiteral("/count > 3 for 10s"), a->id(), true}));

    // A rule of a stream that has gone keeps it.
    dialog.setRule({QStringLiteral("stale 5s"), 99, true});
    QCOMPARE(dialog.rule().stream, quint64(99));
    QCOMPARE(streams->count(), 4);
}

void TestAlertRuleDialog::completerHoldsTheFields()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/a", {Response::events().send("data: {\"count\": 1, \"cpu\": {\"load\": [0.5, 0.7]}}\n\n").pause(60'000)});
    server.script("/b", {Response::events().send("data: {\"latency_ms\": 120, \"name\": \"x\"}\n\n").pause(60'000)});
    Workspace workspace;
    workspace.setTickInterval(0);
    Stream *a = workspace.addStream(fastOptions(server.url("/a")), QStringLiteral("alpha"));
    Stream *b = workspace.addStream(fastOptions(server.url("/b")), QStringLiteral("beta"));
    QVERIFY(QTest::qWaitFor([&] {
        workspace.tick();
        return a->fields()->fieldPaths().contains("/cpu/load[1]")
            && b->fields()->fieldPaths().contains("/latency_ms");
    }, Timeout));

    AlertRuleDialog dialog(&workspace);
    QCOMPARE(dialog.textEdit()->completer(), dialog.completer());
    QStringList every = dialog.completions();
    for (const char *key : {"/count", "/cpu/load[0]", "/cpu/load[1]", "/latency_ms"})
        QVERIFY2(every.contains(key), qPrintable(every.join(", ")));
    QVERIFY(every.contains("stale "));
    QCOMPARE(dialog.completer()->model()->rowCount(), every.size());

    dialog.streamCombo()->setCurrentIndex(2); // beta
    const QStringList onB = dialog.completions();
    QVERIFY(onB.contains("/latency_ms"));
    QVERIFY(!onB.contains("/count"));

    dialog.completer()->setCompletionPrefix("/cpu");
    QCOMPARE(dialog.completer()->completionCount(), 0);
    dialog.streamCombo()->setCurrentIndex(1); // alpha
    dialog.completer()->setCompletionPrefix("/cpu");
    QCOMPARE(dialog.completer()->completionCount(), 2);
}

QTEST_MAIN(TestAlertRuleDialog)
#include "tst_alertruledialog.moc"
