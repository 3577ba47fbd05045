// The Traditional Chinese translation: every source string of the .ts file is translated, keeps
// its placeholders, HTML and accelerator; the window built into the program speaks it once it is
// installed; and the program picks it by itself from LANG=zh_TW.UTF-8.
#include "MainWindow.h"
#include "ScriptedServer.h"
#include "StreamNotice.h"

#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <algorithm>

namespace {

struct Message
{
    QString context;
    QString source;
    QString translation;
    QString type; // "unfinished", "vanished", "obsolete" or empty
    bool numerus = false;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const QStringView name = xml.name();
        if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            message = Message{context, {}, {}, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
        } else if (name == u"source") {
            message.source = xml.readElementText();
        } else if (name == u"translation") {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!message.numerus)
                message.translation = xml.readElementText();
            messages.append(message);
        } else if (name == u"numerusform") {
            message.translation = xml.readElementText();
            messages.last().translation = message.translation;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QStringList sorted(QStringList list)
{
    std::sort(list.begin(), list.end());
    return list;
}

QStringList matches(const QString &text, const QRegularExpression &pattern)
{
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.append(it.next().captured(0));
    return sorted(found);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyStringIsTranslatedFaithfully();
    void theWindowSpeaksChinese();
    void theProgramFollowsTheLocale();
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestTranslations::everyStringIsTranslatedFaithfully()
{
    QString error;
    const QList<Message> messages = readTs(QStringLiteral(EVENTSCOPE_TRANSLATIONS_DIR "/eventscope_zh_TW.ts"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 500);
    static const QRegularExpression placeholder(QStringLiteral("%L?\\d|%n"));
    static const QRegularExpression tag(QStringLiteral("<[^>]+>"));
    static const QRegularExpression accelerator(QStringLiteral("&(?!&)[^&]"));
    QStringList problems;
    for (const Message &m : messages) {
        const QString where = m.context + u": \"" + m.source + u'"';
        if (!m.type.isEmpty() || m.translation.trimmed().isEmpty())
            problems.append(where + u" is not translated");
        else if (matches(m.translation, placeholder) != matches(m.source, placeholder))
            problems.append(where + u" has other placeholders: " + m.translation);
        else if (matches(m.translation, tag) != matches(m.source, tag))
            problems.append(where + u" has other HTML: " + m.translation);
        else if (m.source.count(accelerator) != m.translation.count(accelerator))
            problems.append(where + u" lost its accelerator: " + m.translation);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join(u'\n') + u"\n(" + QString::number(problems.size())
                                            + u" in all)"));
}

void TestTranslations::theWindowSpeaksChinese()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/eventscope_zh_TW.qm")));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    MainWindow window;
    QStringList titles;
    for (const QAction *action : window.menuBar()->actions())
        titles.append(action->text());
    QCOMPARE(titles.first(), QStringLiteral("檔案(&F)"));
    QCOMPARE(titles.size(), 4);
    for (const QString &title : titles)
        QVERIFY2(title.contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]"))), qPrintable(title));
    // The core's words too.
    QVERIFY(!StreamNotice::shortText(StreamNotice::Kind::Compressed).contains(QStringLiteral("compressed")));
    QCoreApplication::removeTranslator(&translator);
}

void TestTranslations::theProgramFollowsTheLocale()
{
    const QString binary = qEnvironmentVariable("EVENTSCOPE_BINARY");
    if (binary.isEmpty())
        QSKIP("EVENTSCOPE_BINARY is not set (run through ctest)");
    ScriptedServer server;
    QVERIFY(server.start());
    const QByteArray events = "id: 1\ndata: a\n\nid: 2\ndata: b\n\n";
    server.script(QStringLiteral("/events"), {ScriptedServer::Response::events()
                                                  .header("Content-Encoding", "deflate")
                                                  .send(qCompress(events).sliced(4))
                                                  .stall()});
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LC_ALL", "LC_MESSAGES", "LANGUAGE"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("zh_TW.UTF-8"));
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(binary, {QStringLiteral("record"), QStringLiteral("--compressed"), QStringLiteral("--max-events"),
                           QStringLiteral("2"), server.url().toString()});
    QVERIFY(finished.wait(30000)); // the server in this process serves while it waits
    QCOMPARE(process.exitCode(), 0);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    const QString notice = err.section(QStringLiteral("notice: "), 1, 1).section(u'\n', 0, 0);
    QVERIFY2(!notice.isEmpty(), qPrintable(err));
    QVERIFY2(notice.contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]"))), qPrintable(notice));
    // The lines scripts read stay as they are, whatever the language.
    QVERIFY2(err.contains(server.url().toString() + QStringLiteral(": connected (connection 1)")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral(": notice: ")), qPrintable(err));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
