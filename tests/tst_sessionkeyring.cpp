// The window's sessions with a secret store: saving keeps Authorization, marked headers and a
// secret body out of the file and in the store, and opening takes them back without asking; with
// a store that cannot be reached (no keyring) saving says so and opening asks for each.
#include "MainWindow.h"
#include "SecretStore.h"
#include "SessionController.h"
#include "UnreachableSecretStore.h"
#include "Stream.h"
#include "WindowStreams.h"
#include "Workspace.h"

#include <QApplication>
#include <QFile>
#include <QInputDialog>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace WindowStreams;

namespace {

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

// Saves a window with the API stream to `path` with `store`; checks that no secret is in the file
// and returns what the window said.
QString saveApiSession(const QString &path, SecretStore &store)
{
    QString said;
    {
        MainWindow window;
        window.sessions()->setSecretStore(&store);
        window.workspace()->addStream(apiOptions(), QStringLiteral("api"));
        QObject::connect(window.sessions(), &SessionController::message, &window,
                         [&said](const QString &text) { said = text; });
        QString error;
        if (!window.sessions()->save(path, &error)) {
            QTest::qFail(qPrintable(error), __FILE__, __LINE__);
            return said;
        }
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QTest::qFail("the session file is not there", __FILE__, __LINE__);
        return said;
    }
    const QByteArray written = file.readAll();
    for (const char *secret : {"sk-12345", "key-678", "body-secret-9"}) {
        if (written.contains(secret))
            QTest::qFail(secret, __FILE__, __LINE__); // never in the file
    }
    if (!written.contains("Accept-Language"))
        QTest::qFail("the plain header is missing from the file", __FILE__, __LINE__);
    return said;
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
    const QString said = saveApiSession(path, store);
    QVERIFY2(said.contains(QStringLiteral("secret values in the system keyring")), qPrintable(said));
    QVERIFY(!QTest::currentTestFailed());
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
    UnreachableSecretStore store;
    const QString said = saveApiSession(path, store);
    QVERIFY2(said.contains(QStringLiteral("asked for when the session opens")), qPrintable(said));
    QVERIFY(!QTest::currentTestFailed());

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
