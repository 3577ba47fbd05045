#include "SubscriptionDialog.h"

#include "RequestEditor.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

class TestSubscriptionDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validation_data();
    void validation();
    void typedAndPasted_data();
    void typedAndPasted();
    void errorShownBeforeTyping();
    void validatesWhileTyping();
    void takenUrlIsRejected();
    void headersRoundTrip();
    void invalidHeadersDisableOk_data();
    void invalidHeadersDisableOk();
    void removeSelectedHeaders();
    void prefillForEdit();
    void nameDefaultsToHostAndPath();
    void nameFollowsUrlUntilNamed();
    void editedStreamKeepsItsName();
    void policiesAreExplained();
    void okAccepts();
    void requestMethodAndBody();
    void requestErrors_data();
    void requestErrors();
    void bodyFromFile();
};

void TestSubscriptionDialog::validation_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("alarm"); // a red border and message, not a hint

    QTest::newRow("http") << QStringLiteral("http://127.0.0.1:8080/events") << true << false;
    QTest::newRow("https") << QStringLiteral("https://example.org/sse?x=1") << true << false;
    QTest::newRow("no scheme") << QStringLiteral("localhost:8080/events") << true << false;
    QTest::newRow("empty") << QString() << false << false;
    QTest::newRow("scheme only") << QStringLiteral("http://") << false << false;
    QTest::newRow("https only") << QStringLiteral("https://") << false << false;
    QTest::newRow("ftp") << QStringLiteral("ftp://example.org/x") << false << true;
    QTest::newRow("space in host") << QStringLiteral("http://a b/") << false << true;
    QTest::newRow("bad port") << QStringLiteral("http://host:99999999/") << false << true;
    QTest::newRow("scheme twice") << QStringLiteral("http://http://127.0.0.1:1/e") << false << true;
}

void TestSubscriptionDialog::validation()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(bool, alarm);

    SubscriptionDialog dialog;
    dialog.urlEdit()->setText(text);
    QCOMPARE(dialog.isValid(), valid);
    QCOMPARE(dialog.okButton()->isEnabled(), valid);
    QCOMPARE(dialog.validationError().isEmpty(), valid);
    QCOMPARE(dialog.urlEdit()->styleSheet().contains(u"border"), alarm);
    QCOMPARE(dialog.messageLabel()->isVisibleTo(&dialog), !valid);
    QCOMPARE(dialog.messageLabel()->text(), dialog.validationError());
    if (!valid) {
        QCOMPARE(dialog.messageLabel()->palette().color(QPalette::WindowText) == SubscriptionDialog::errorColor(),
                 alarm);
    }
    if (valid)
        QVERIFY(dialog.options().url.isValid());
}

void TestSubscriptionDialog::typedAndPasted_data()
{
    QTest::addColumn<QString>("how");     // typed | pasted | set
    QTest::addColumn<int>("cursor");      // where in the prefilled "http://" (-1: replace it all)
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // the accepted URL, or a part of the error

    const QString url = QStringLiteral("http://127.0.0.1:1/e");
    QTest::newRow("typed") << "typed" << -1 << url << url;
    QTest::newRow("typed, scheme twice") << "typed" << -1 << "http://http://127.0.0.1:1/e" << url;
    QTest::newRow("typed after the prefill") << "typed" << 7 << "127.0.0.1:1/e" << url;
    QTest::newRow("typed scheme after the prefill") << "typed" << 7 << "https://x/e" << "https://x/e";
    QTest::newRow("typed with spaces") << "typed" << -1 << "  http://h/e  " << "http://h/e";
    QTest::newRow("typed ftp") << "typed" << -1 << "ftp://x/e" << "error:Only http and https";
    QTest::newRow("pasted after the prefill") << "pasted" << 7 << "https://x/e" << "https://x/e";
    QTest::newRow("pasted before the prefill") << "pasted" << 0 << "https://x/e" << "https://x/e";
    QTest::newRow("pasted into the prefill") << "pasted" << 5 << "https://x/e" << "https://x/e";
    QTest::newRow("pasted with spaces") << "pasted" << 7 << "  https://x/e \n" << "https://x/e";
    QTest::newRow("pasted http after the prefill") << "pasted" << 7 << url << url;
    QTest::newRow("pasted over the prefill") << "pasted" << -1 << "https://x/e" << "https://x/e";
    QTest::newRow("pasted host after the prefill") << "pasted" << 7 << "127.0.0.1:8080/events"
                                                   << "http://127.0.0.1:8080/events";
    QTest::newRow("pasted no host") << "pasted" << -1 << "http:///events" << "error:names no host";
    QTest::newRow("pasted ftp over the prefill") << "pasted" << -1 << "ftp://x/e"
                                                 << "error:Only http and https";
    QTest::newRow("set, scheme twice") << "set" << -1 << "http://http://127.0.0.1:1/e"
                                       << "error:gives the scheme twice; did you mean " + url;
    QTest::newRow("set, http then https") << "set" << -1 << "http://https://x/e"
                                          << "error:did you mean https://x/e?";
    QTest::newRow("set, whitespace only") << "set" << -1 << "   " << "error:Enter the URL";
}

void TestSubscriptionDialog::typedAndPasted()
{
    QFETCH(QString, how);
    QFETCH(int, cursor);
    QFETCH(QString, input);
    QFETCH(QString, expected);

    SubscriptionDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QLineEdit *edit = dialog.urlEdit();
    QCOMPARE(edit->text(), QStringLiteral("http://"));
    edit->setFocus();
    if (cursor < 0)
        edit->selectAll();
    else
        edit->setCursorPosition(cursor);

    if (how == u"typed") {
        if (cursor < 0)
            QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, input);
    } else if (how == u"pasted") {
        QGuiApplication::clipboard()->setText(input);
        QTest::keyClick(edit, Qt::Key_V, Qt::ControlModifier);
    } else {
        edit->setText(input);
    }

    if (expected.startsWith(u"error:")) {
        QVERIFY2(!dialog.isValid(), qPrintable(edit->text()));
        QVERIFY2(dialog.validationError().contains(expected.mid(6)), qPrintable(dialog.validationError()));
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(dialog.messageLabel()->isVisible());
    } else {
        QVERIFY2(dialog.isValid(), qPrintable(edit->text() + u" — " + dialog.validationError()));
        QCOMPARE(dialog.options().url, QUrl(expected));
        QVERIFY(dialog.okButton()->isEnabled());
        QVERIFY(!dialog.messageLabel()->isVisible());
    }
}

void TestSubscriptionDialog::errorShownBeforeTyping()
{
    SubscriptionDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // Prefilled with a bare scheme: the message area says what to enter, calmly.
    QVERIFY(dialog.messageLabel()->isVisible());
    QVERIFY2(dialog.messageLabel()->text().startsWith(u"Enter the URL of a text/event-stream"),
             qPrintable(dialog.messageLabel()->text()));
    QVERIFY(dialog.messageLabel()->palette().color(QPalette::WindowText) != SubscriptionDialog::errorColor());
    QVERIFY(!dialog.urlEdit()->styleSheet().contains(u"border"));
    QVERIFY(!dialog.okButton()->isEnabled());

    dialog.urlEdit()->clear();
    QVERIFY(dialog.messageLabel()->isVisible());
    QVERIFY(dialog.messageLabel()->text().startsWith(u"Enter the URL"));
    QVERIFY(!dialog.okButton()->isEnabled());

    // A bad URL is an error at once, in red.
    dialog.urlEdit()->setText(QStringLiteral("ftp://x"));
    QVERIFY(dialog.messageLabel()->isVisible());
    QCOMPARE(dialog.messageLabel()->palette().color(QPalette::WindowText), SubscriptionDialog::errorColor());
    QVERIFY(dialog.urlEdit()->styleSheet().contains(u"border"));

    // Prefilled for editing with a good URL: no message at all.
    EventSourceOptions options;
    options.url = QUrl(QStringLiteral("http://127.0.0.1:1/e"));
    dialog.setOptions(options);
    QVERIFY(!dialog.messageLabel()->isVisible());
    QVERIFY(dialog.okButton()->isEnabled());
}

void TestSubscriptionDialog::validatesWhileTyping()
{
    SubscriptionDialog dialog;
    QVERIFY(!dialog.okButton()->isEnabled()); // "http://" to start with
    QVERIFY(dialog.validationError().startsWith(u"Enter the URL"));
    dialog.urlEdit()->clear();
    QTest::keyClicks(dialog.urlEdit(), QStringLiteral("ftp://h"));
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.validationError().contains(u"ftp"));

    dialog.urlEdit()->clear();
    QTest::keyClicks(dialog.urlEdit(), QStringLiteral("http://h"));
    QVERIFY(dialog.okButton()->isEnabled());
    QTest::keyClicks(dialog.urlEdit(), QStringLiteral(" x"));
    QVERIFY(!dialog.okButton()->isEnabled());
    QTest::keyClick(dialog.urlEdit(), Qt::Key_Backspace);
    QTest::keyClick(dialog.urlEdit(), Qt::Key_Backspace);
    QVERIFY(dialog.okButton()->isEnabled());
    QCOMPARE(dialog.options().url, QUrl(QStringLiteral("http://h")));
}

void TestSubscriptionDialog::takenUrlIsRejected()
{
    SubscriptionDialog dialog;
    dialog.urlEdit()->setText(QStringLiteral("http://127.0.0.1:8080/events"));
    QVERIFY(dialog.okButton()->isEnabled());
    dialog.setTakenUrls({QUrl(QStringLiteral("http://127.0.0.1:8080/events"))});
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY2(dialog.validationError().startsWith(u"Already subscribed"), qPrintable(dialog.validationError()));
    dialog.urlEdit()->setText(QStringLiteral("http://127.0.0.1:8080/other"));
    QVERIFY(dialog.okButton()->isEnabled());
}

void TestSubscriptionDialog::headersRoundTrip()
{
    SubscriptionDialog dialog;
    dialog.urlEdit()->setText(QStringLiteral("http://127.0.0.1/e"));
    dialog.addHeader(QStringLiteral("Authorization"), QStringLiteral("Bearer abc"), true);
    dialog.addHeader(QStringLiteral("X-Trace"), QStringLiteral("1"));
    dialog.addHeader(); // an untouched row is ignored
    dialog.addHeader(QStringLiteral("X-Api-Key"), QStringLiteral("  k\u00e9y  "), false);
    QCOMPARE(dialog.headerTable()->rowCount(), 4);
    QVERIFY(dialog.okButton()->isEnabled());

    // The secret checkbox of the last row, ticked as a user would.
    dialog.headerTable()->item(3, SubscriptionDialog::HeaderSecretColumn)->setCheckState(Qt::Checked);

    const EventSourceOptions options = dialog.options();
    const QList<HttpHeader> expected{{"Authorization", "Bearer abc"},
                                     {"X-Trace", "1"},
                                     {"X-Api-Key", QStringLiteral("k\u00e9y").toUtf8()}};
    QCOMPARE(options.headers, expected);
    QCOMPARE(options.secretHeaderNames, (QList<QByteArray>{"Authorization", "X-Api-Key"}));
}

void TestSubscriptionDialog::invalidHeadersDisableOk_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");

    QTest::newRow("token") << QStringLiteral("X-Custom_1.a") << QStringLiteral("v") << true;
    QTest::newRow("empty value") << QStringLiteral("X-Empty") << QString() << true;
    QTest::newRow("space in name") << QStringLiteral("Bad Name") << QStringLiteral("v") << false;
    QTest::newRow("colon in name") << QStringLiteral("X:Y") << QStringLiteral("v") << false;
    QTest::newRow("non-ASCII name") << QStringLiteral("X-\u00e9") << QStringLiteral("v") << false;
    QTest::newRow("value without name") << QString() << QStringLiteral("v") << false;
    QTest::newRow("line break in value") << QStringLiteral("X-A") << QStringLiteral("a\nB: c") << false;
}

void TestSubscriptionDialog::invalidHeadersDisableOk()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(bool, valid);

    SubscriptionDialog dialog;
    dialog.urlEdit()->setText(QStringLiteral("http://127.0.0.1/e"));
    dialog.addHeader();
    QVERIFY(dialog.okButton()->isEnabled());
    // Typed into the cells: the check runs on every change.
    dialog.headerTable()->item(0, SubscriptionDialog::HeaderNameColumn)->setText(name);
    dialog.headerTable()->item(0, SubscriptionDialog::HeaderValueColumn)->setText(value);
    QCOMPARE(dialog.okButton()->isEnabled(), valid);
    QCOMPARE(dialog.validationError().isEmpty(), valid);
    // A header problem is no URL problem.
    QVERIFY(!dialog.urlEdit()->styleSheet().contains(u"border"));
}

void TestSubscriptionDialog::removeSelectedHeaders()
{
    SubscriptionDialog dialog;
    dialog.urlEdit()->setText(QStringLiteral("http://127.0.0.1/e"));
    dialog.addHeader(QStringLiteral("Bad Name"), QStringLiteral("1"));
    dialog.addHeader(QStringLiteral("X-Keep"), QStringLiteral("2"));
    QVERIFY(!dialog.okButton()->isEnabled());
    dialog.headerTable()->selectRow(0);
    dialog.removeSelectedHeaders();
    QCOMPARE(dialog.headerTable()->rowCount(), 1);
    QVERIFY(dialog.okButton()->isEnabled());
    QCOMPARE(dialog.options().headers, (QList<HttpHeader>{{"X-Keep", "2"}}));
}

void TestSubscriptionDialog::prefillForEdit()
{
    EventSourceOptions original;
    original.url = QUrl(QStringLiteral("https://example.org:8443/v1/events"));
    original.headers = {{"X-Api-Key", "secret"}, {"Accept-Language", "en"}};
    original.secretHeaderNames = {"x-api-key"};
    original.reconnectMode = ReconnectMode::Strict;
    original.reconnectionTimeMs = 1500;
    original.idleTimeoutMs = 30000;
    original.maxBackoffMs = 5000;
    original.allowCompression = true;
    original.jitter = false;
    original.lastEventId = QStringLiteral("42");

    SubscriptionDialog dialog;
    dialog.setOptions(original, QStringLiteral("Production"));
    QCOMPARE(dialog.urlEdit()->text(), original.url.toString());
    QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("Production"));
    QCOMPARE(dialog.headerTable()->rowCount(), 2);
    QCOMPARE(dialog.headerTable()->item(0, SubscriptionDialog::HeaderSecretColumn)->checkState(), Qt::Checked);
    QCOMPARE(dialog.headerTable()->item(1, SubscriptionDialog::HeaderSecretColumn)->checkState(), Qt::Unchecked);
    QCOMPARE(ReconnectMode(dialog.policyCombo()->currentData().toInt()), ReconnectMode::Strict);
    QCOMPARE(dialog.reconnectionTimeSpin()->value(), 1500);
    QCOMPARE(dialog.idleTimeoutSpin()->value(), 30000);
    QVERIFY(dialog.okButton()->isEnabled());

    const EventSourceOptions options = dialog.options();
    QCOMPARE(options.url, original.url);
    QCOMPARE(options.headers, original.headers);
    QCOMPARE(options.secretHeaderNames, (QList<QByteArray>{"X-Api-Key"}));
    QCOMPARE(options.reconnectMode, ReconnectMode::Strict);
    QCOMPARE(options.reconnectionTimeMs, 1500);
    QCOMPARE(options.idleTimeoutMs, 30000);
    QCOMPARE(dialog.maxBackoffSpin()->value(), 5000);
    QCOMPARE(options.maxBackoffMs, 5000);
    QVERIFY(dialog.compressionCheck()->isChecked());
    QVERIFY(options.allowCompression);
    QCOMPARE(options.method, QByteArray("GET"));
    QVERIFY(options.body.isEmpty());
    // What the dialog does not show is kept.
    QCOMPARE(options.jitter, false);
    QCOMPARE(options.lastEventId, QStringLiteral("42"));
    QCOMPARE(dialog.name(), QStringLiteral("Production"));

    // Back to the defaults for a new subscription.
    dialog.setOptions(EventSourceOptions());
    QCOMPARE(dialog.headerTable()->rowCount(), 0);
    QVERIFY(!dialog.compressionCheck()->isChecked()); // identity unless asked
    QVERIFY(!dialog.options().allowCompression);
    QCOMPARE(ReconnectMode(dialog.policyCombo()->currentData().toInt()), ReconnectMode::Resilient);
    QCOMPARE(dialog.idleTimeoutSpin()->text(), QStringLiteral("Off"));
    QVERIFY(!dialog.okButton()->isEnabled());
}

void TestSubscriptionDialog::nameDefaultsToHostAndPath()
{
    SubscriptionDialog dialog;
    QCOMPARE(dialog.name(), QString());
    dialog.urlEdit()->setText(QStringLiteral("http://127.0.0.1:8080/v1/events?since=3"));
    QCOMPARE(dialog.name(), QStringLiteral("127.0.0.1:8080/v1/events?since=3"));
    QCOMPARE(dialog.nameEdit()->placeholderText(), QStringLiteral("127.0.0.1:8080/v1/events?since=3"));
    dialog.nameEdit()->setText(QStringLiteral("  Orders  "));
    QCOMPARE(dialog.name(), QStringLiteral("Orders"));
}

void TestSubscriptionDialog::nameFollowsUrlUntilNamed()
{
    SubscriptionDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QLineEdit *url = dialog.urlEdit();
    QLineEdit *name = dialog.nameEdit();
    QVERIFY(dialog.nameFollowsUrl());
    QCOMPARE(name->text(), QString());

    url->setFocus();
    url->end(false);
    QTest::keyClicks(url, QStringLiteral("127.0.0.1:8080/a"));
    QCOMPARE(name->text(), QStringLiteral("127.0.0.1:8080/a"));
    QTest::keyClick(url, Qt::Key_Backspace);
    QTest::keyClicks(url, QStringLiteral("b?x=1"));
    QCOMPARE(name->text(), QStringLiteral("127.0.0.1:8080/b?x=1"));
    QCOMPARE(dialog.name(), QStringLiteral("127.0.0.1:8080/b?x=1"));

    // Typing a name stops the following.
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Orders"));
    QVERIFY(!dialog.nameFollowsUrl());
    url->setFocus();
    QTest::keyClicks(url, QStringLiteral("&y=2"));
    QCOMPARE(name->text(), QStringLiteral("Orders"));
    QCOMPARE(dialog.name(), QStringLiteral("Orders"));

    // Clearing it follows again.
    name->setFocus();
    name->selectAll();
    QTest::keyClick(name, Qt::Key_Backspace);
    QVERIFY(dialog.nameFollowsUrl());
    QCOMPARE(dialog.name(), QStringLiteral("127.0.0.1:8080/b?x=1&y=2"));
    url->setFocus();
    QTest::keyClick(url, Qt::Key_Backspace);
    QCOMPARE(name->text(), QStringLiteral("127.0.0.1:8080/b?x=1&y="));
}

void TestSubscriptionDialog::editedStreamKeepsItsName()
{
    EventSourceOptions options;
    options.url = QUrl(QStringLiteral("http://127.0.0.1:1/old"));
    SubscriptionDialog dialog;
    dialog.setOptions(options, QStringLiteral("Production"));
    QVERIFY(!dialog.nameFollowsUrl());
    dialog.urlEdit()->setText(QStringLiteral("http://127.0.0.1:1/new"));
    QCOMPARE(dialog.name(), QStringLiteral("Production"));

    // A name that is the default one follows the URL.
    dialog.setOptions(options, QStringLiteral("127.0.0.1:1/old"));
    QVERIFY(dialog.nameFollowsUrl());
    dialog.urlEdit()->setText(QStringLiteral("http://127.0.0.1:1/new"));
    QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("127.0.0.1:1/new"));
}

void TestSubscriptionDialog::policiesAreExplained()
{
    SubscriptionDialog dialog;
    QComboBox *combo = dialog.policyCombo();
    QCOMPARE(combo->count(), 2);
    QVERIFY(combo->itemData(0, Qt::ToolTipRole).toString().contains(u"backoff"));
    QVERIFY(combo->itemData(1, Qt::ToolTipRole).toString().contains(u"browser"));
    combo->setCurrentIndex(1);
    QCOMPARE(combo->toolTip(), combo->itemData(1, Qt::ToolTipRole).toString());
    QCOMPARE(dialog.options().reconnectMode, ReconnectMode::Strict);
}

void TestSubscriptionDialog::okAccepts()
{
    SubscriptionDialog dialog;
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.urlEdit()->setText(QStringLiteral("http://127.0.0.1/e"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestSubscriptionDialog::requestMethodAndBody()
{
    EventSourceOptions original;
    original.url = QUrl(QStringLiteral("https://api.example.org/v1/chat"));
    original.method = "POST";
    original.body = R"({"api_key": "k", "stream": true})";
    original.secretBody = true;
    SubscriptionDialog dialog;
    dialog.setOptions(original);
    RequestEditor *request = dialog.requestEditor();
    QCOMPARE(request->methodCombo()->currentText(), QStringLiteral("POST"));
    QCOMPARE(request->bodyEdit()->toPlainText(), QString::fromUtf8(original.body));
    QVERIFY(request->secretCheck()->isChecked());
    QVERIFY(dialog.okButton()->isEnabled());
    EventSourceOptions options = dialog.options();
    QCOMPARE(options.method, QByteArray("POST"));
    QCOMPARE(options.body, original.body);
    QVERIFY(options.secretBody);

    // Typed the way a person would: another method, a new body.
    request->methodCombo()->lineEdit()->selectAll();
    QTest::keyClicks(request->methodCombo()->lineEdit(), QStringLiteral("REPORT"));
    request->bodyEdit()->selectAll();
    QTest::keyClicks(request->bodyEdit(), QStringLiteral("<query/>"));
    options = dialog.options();
    QCOMPARE(options.method, QByteArray("REPORT"));
    QCOMPARE(options.body, QByteArray("<query/>"));

    // No body, no secret.
    request->bodyEdit()->clear();
    QVERIFY(!request->secretCheck()->isEnabled());
    QVERIFY(!dialog.options().secretBody);
}

void TestSubscriptionDialog::requestErrors_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("error"); // part of the message; empty: valid

    QTest::newRow("GET, no body") << QStringLiteral("GET") << QString() << QString();
    QTest::newRow("POST with a body") << QStringLiteral("POST") << QStringLiteral("{}") << QString();
    QTest::newRow("any token") << QStringLiteral("SUBSCRIBE") << QString() << QString();
    QTest::newRow("GET with a body") << QStringLiteral("GET") << QStringLiteral("{}") << QStringLiteral("no body");
    QTest::newRow("head with a body") << QStringLiteral("head") << QStringLiteral("x") << QStringLiteral("HEAD");
    QTest::newRow("space") << QStringLiteral("PO ST") << QString() << QStringLiteral("not an HTTP method");
    QTest::newRow("not ASCII") << QStringLiteral("PÖST") << QString() << QStringLiteral("not an HTTP method");
    QTest::newRow("CONNECT") << QStringLiteral("CONNECT") << QString() << QStringLiteral("cannot be sent");
    QTest::newRow("track") << QStringLiteral("track") << QString() << QStringLiteral("cannot be sent");
}

void TestSubscriptionDialog::requestErrors()
{
    QFETCH(QString, method);
    QFETCH(QString, body);
    QFETCH(QString, error);

    SubscriptionDialog dialog;
    dialog.urlEdit()->setText(QStringLiteral("http://127.0.0.1:8080/events"));
    dialog.requestEditor()->methodCombo()->setCurrentText(method);
    dialog.requestEditor()->bodyEdit()->setPlainText(body);
    QCOMPARE(dialog.okButton()->isEnabled(), error.isEmpty());
    if (error.isEmpty()) {
        QVERIFY(dialog.validationError().isEmpty());
    } else {
        QVERIFY2(dialog.validationError().contains(error), qPrintable(dialog.validationError()));
        QVERIFY(dialog.messageLabel()->text().contains(error));
    }
}

void TestSubscriptionDialog::bodyFromFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("body.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"prompt\": \"h\xc3\xa9llo\"}\n");
    file.close();
    RequestEditor editor;
    editor.setRequest("POST", {}, false);
    QVERIFY(editor.loadBody(path));
    QCOMPARE(editor.body(), QByteArray("{\"prompt\": \"h\xc3\xa9llo\"}\n"));
    QString error;
    QVERIFY(!editor.loadBody(dir.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY2(error.contains(QStringLiteral("missing.json")), qPrintable(error));
    QCOMPARE(editor.body(), QByteArray("{\"prompt\": \"h\xc3\xa9llo\"}\n")); // kept
}

QTEST_MAIN(TestSubscriptionDialog)
#include "tst_subscriptiondialog.moc"
