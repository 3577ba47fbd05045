// The window's sessions with a secret store: saving keeps Authorization, marked headers and a
// secret body out of the file and in the store, and opening takes them back without asking; with
// a store that cannot be reached (no keyring) saving says so and opening asks for each.
#include "MainWindow.h"
#include "SecretStore.h"
#include "SessionController.h"
#include "Stream.h"
#include "WindowStreams.h"
#include "Workspace.h"

#include <QApplication>
#include <QFile>
#include <QInputDialog>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace WindowStreams;

namespace {

class UnreachableStore : public SecretStore
{
public:
    bool write(const QString &, const QByteArray &, QString *error) override
    {
        *error = QStringLiteral("The name org.freedesktop.secrets was not provided by any .service files");
        return false;
    }
    std::optional<QByteArray> read(const QString &, QString *error) override
    {
        *error = QStringLiteral("no keyring");
        return std::nullopt;
    }
    bool remove(const QString &, QString *) override { return false; }
};

EventSourceOptions apiOptions()
{
    EventSourceOptions options = optionsFor(QStringLiteral("http://127.0.0.1:9/v1/stream"));
    options.headers = {{"Authorization", "Bearer sk-12345"}, {"X-Api-Key", "key-678"}, {"Accept-Language", "en"}};
    options.secretHeaderNames = {"X-Api-Key"};
    options.method = "POST";
    options.body = "{\"token\": \"body-secret-9\"}";
    options.secretBody = true;
    return options;
}

QByteArray header(const EventSourceOptions &options, const QByteArray &name)
{
    for (const HttpHeader &h : options.headers) {
        if (h.first == name)
            return h.second;
    }
    return {};
}

// Answers each question for a secret as it appears, in order, the way a person types it in.
class SecretAnswers : public QObject
{
public:
    explicit SecretAnswers(QStringList answers)
        : m_answers(std::move(answers))
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            if (!dialog || dialog == m_last || !dialog->isVisible())
                return;
            m_last = dialog;
            m_questions.append(dialog->windowTitle() + u'\n' + dialog->labelText());
            dialog->setTextValue(m_answers.value(m_questions.size() - 1));
            dialog->accept();
        });
        m_timer.start(20);
    }
    const QStringList &questions() const { return m_questions; }

private:
    QStringList m_answers;
    QStringList m_questions;
    QPointer<QInputDialog> m_last;
    QTimer m_timer;
};

} // namespace

class TestSessionKeyring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void secretsGoToTheStoreAndComeBack();
    void withoutAKeyringTheyAreAskedFor();
};

void TestSessionKeyring::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestSessionKeyring::secretsGoToTheStoreAndComeBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("api.json"));
    MemorySecretStore store;
    {
        MainWindow window;
        window.sessions()->setSecretStore(&store);
        window.workspace()->addStream(apiOptions(), QStringLiteral("api"));
        QSignalSpy messages(window.sessions(), &SessionController::message);
        QString error;
        QVERIFY2(window.sessions()->save(path, &error), qPrintable(error));
        QVERIFY(messages.last().at(0).toString().contains(QStringLiteral("keyring")));
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    for (const char *secret : {"sk-12345", "key-678", "body-secret-9"})
        QVERIFY2(!written.contains(secret), secret); // never in the file
    QVERIFY(written.contains("Accept-Language"));
    QCOMPARE(store.values().size(), 3);

    MainWindow window;
    window.sessions()->setSecretStore(&store);
    SecretAnswers answers({}); // would note any question: the store has every value
    QString error;
    QVERIFY2(window.sessions()->open(path, &error), qPrintable(error));
    window.sessions()->askForWithheldSecrets();
    QVERIFY2(answers.questions().isEmpty(), qPrintable(answers.questions().join(u'|')));
    QCOMPARE(window.workspace()->count(), 1);
    const EventSourceOptions options = window.workspace()->streamAt(0)->options();
    QCOMPARE(header(options, "Authorization"), QByteArray("Bearer sk-12345"));
    QCOMPARE(header(options, "X-Api-Key"), QByteArray("key-678"));
    QCOMPARE(options.body, QByteArray("{\"token\": \"body-secret-9\"}"));
}

void TestSessionKeyring::withoutAKeyringTheyAreAskedFor()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("api.json"));
    UnreachableStore store;
    {
        MainWindow window;
        window.sessions()->setSecretStore(&store);
        window.workspace()->addStream(apiOptions(), QStringLiteral("api"));
        QSignalSpy messages(window.sessions(), &SessionController::message);
        QString error;
        QVERIFY2(window.sessions()->save(path, &error), qPrintable(error));
        const QString said = messages.last().at(0).toString();
        QVERIFY2(said.contains(QStringLiteral("asked for when the session opens")), qPrintable(said));
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    for (const char *secret : {"sk-12345", "key-678", "body-secret-9"})
        QVERIFY2(!written.contains(secret), secret); // not in plain text either

    MainWindow window;
    window.sessions()->setSecretStore(&store);
    QString error;
    QVERIFY2(window.sessions()->open(path, &error), qPrintable(error));
    // A person answers each question as it comes: Authorization, X-Api-Key, then the body.
    SecretAnswers answers({QStringLiteral("Bearer typed"), QStringLiteral("key-typed"),
                           QStringLiteral("{\"token\": \"typed\"}")});
    window.sessions()->askForWithheldSecrets();
    QVERIFY2(answers.questions().size() == 3, qPrintable(answers.questions().join(u'|')));
    QVERIFY(answers.questions().at(0).contains(QStringLiteral("Authorization")));
    QVERIFY(answers.questions().at(1).contains(QStringLiteral("X-Api-Key")));
    QVERIFY(answers.questions().at(2).contains(QStringLiteral("request body")));
    const EventSourceOptions options = window.workspace()->streamAt(0)->options();
    QCOMPARE(header(options, "Authorization"), QByteArray("Bearer typed"));
    QCOMPARE(header(options, "X-Api-Key"), QByteArray("key-typed"));
    QCOMPARE(header(options, "Accept-Language"), QByteArray("en"));
    QCOMPARE(options.body, QByteArray("{\"token\": \"typed\"}"));
}

QTEST_MAIN(TestSessionKeyring)
#include "tst_sessionkeyring.moc"
