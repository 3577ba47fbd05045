// The command line of every mode as a person meets it: `--help` of the dashboard names the modes
// with examples, each mode's help lists its options, nothing is printed on standard error for
// help or version (no display, no XDG_RUNTIME_DIR), and the man page written at build time
// documents every option that a --help shows, in roff that groff reads without a warning.
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

namespace {

constexpr int Timeout = 30000;

struct Output
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// As on a server or in a terminal without a desktop session.
QProcessEnvironment bareEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_RUNTIME_DIR"})
        environment.remove(QString::fromLatin1(name));
    return environment;
}

Output run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(bareEnvironment());
    process.start(program, arguments);
    Output output;
    if (!process.waitForFinished(Timeout))
        return output;
    output.exitCode = process.exitCode();
    output.out = process.readAllStandardOutput();
    output.err = process.readAllStandardError();
    return output;
}

// "--max-events", "-o", ... as a --help lists them.
QSet<QString> optionsIn(const QByteArray &help)
{
    QSet<QString> names;
    static const QRegularExpression option(QStringLiteral("(?:^|[ ,])(--?[a-z][a-z0-9-]*)"));
    for (const QByteArray &lineBytes : help.split('\n')) {
        const QString text = QString::fromUtf8(lineBytes);
        if (!text.startsWith(QStringLiteral("  -")))
            continue; // only the option lines, not the prose
        const QString head = text.section(QStringLiteral("  "), 1, 1);
        auto it = option.globalMatch(head);
        while (it.hasNext())
            names.insert(it.next().captured(1));
    }
    return names;
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpAndVersionSayNothingElse_data();
    void helpAndVersionSayNothingElse();
    void dashboardHelpNamesTheModes();
    void manPageDocumentsEveryOption_data();
    void manPageDocumentsEveryOption();
    void manPageIsCleanRoff();

private:
    const QString m_binary = qEnvironmentVariable("EVENTSCOPE_BINARY");
    const QString m_manPage = QStringLiteral(EVENTSCOPE_MAN_PAGE_WRITER);
};

void TestCommandLine::helpAndVersionSayNothingElse_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << QStringLiteral("Usage: eventscope [options]");
    QTest::newRow("-h") << QStringList{QStringLiteral("-h")} << QStringLiteral("Usage: eventscope");
    QTest::newRow("--version") << QStringList{QStringLiteral("--version")} << QStringLiteral("eventscope 0.");
    QTest::newRow("record --help") << QStringList{QStringLiteral("record"), QStringLiteral("--help")}
                                   << QStringLiteral("Usage: eventscope record [options] URL...");
    QTest::newRow("record --version") << QStringList{QStringLiteral("record"), QStringLiteral("--version")}
                                      << QStringLiteral("eventscope 0.");
    QTest::newRow("serve --help") << QStringList{QStringLiteral("serve"), QStringLiteral("--help")}
                                  << QStringLiteral("Usage: eventscope serve --demo|--replay FILE [options]");
}

void TestCommandLine::helpAndVersionSayNothingElse()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    if (m_binary.isEmpty())
        QSKIP("EVENTSCOPE_BINARY is not set (run through ctest)");
    const Output output = run(m_binary, arguments);
    QCOMPARE(output.exitCode, 0);
    QVERIFY2(output.out.startsWith(expected.toUtf8()), output.out.constData());
    QVERIFY2(output.err.isEmpty(), output.err.constData()); // no warning of any kind
}

void TestCommandLine::dashboardHelpNamesTheModes()
{
    if (m_binary.isEmpty())
        QSKIP("EVENTSCOPE_BINARY is not set (run through ctest)");
    const Output output = run(m_binary, {QStringLiteral("--help")});
    for (const char *part : {"eventscope record URL...", "eventscope serve --demo", "Examples:", "eventscope --demo",
                             "--interval", "record --help", "serve --help"})
        QVERIFY2(output.out.contains(part), part);
}

void TestCommandLine::manPageDocumentsEveryOption_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("dashboard") << QStringList{QStringLiteral("--help")};
    QTest::newRow("record") << QStringList{QStringLiteral("record"), QStringLiteral("--help")};
    QTest::newRow("serve") << QStringList{QStringLiteral("serve"), QStringLiteral("--help")};
}

void TestCommandLine::manPageDocumentsEveryOption()
{
    QFETCH(QStringList, arguments);
    if (m_binary.isEmpty())
        QSKIP("EVENTSCOPE_BINARY is not set (run through ctest)");
    const Output help = run(m_binary, arguments);
    const Output man = run(m_manPage, {});
    QCOMPARE(man.exitCode, 0);
    const QString page = QString::fromUtf8(man.out);
    const QSet<QString> options = optionsIn(help.out);
    QVERIFY2(options.size() >= 4, help.out.constData());
    for (const QString &option : options) {
        if (option == QLatin1String("--help-all"))
            continue; // Qt's own, not the program's
        QString roff = option;
        roff.replace(u'-', QStringLiteral("\\-"));
        QVERIFY2(page.contains(QStringLiteral("\\fB") + roff + QStringLiteral("\\fR")), qPrintable(option));
    }
}

void TestCommandLine::manPageIsCleanRoff()
{
    const Output man = run(m_manPage, {});
    QCOMPARE(man.exitCode, 0);
    QVERIFY(man.out.startsWith(".TH EVENTSCOPE 1 "));
    for (const char *section : {".SH NAME", ".SH SYNOPSIS", ".SH THE DASHBOARD", ".SH \"EVENTSCOPE RECORD\"",
                                ".SH \"EVENTSCOPE SERVE\"", ".SS Examples", ".SS \"Exit status\""})
        QVERIFY2(man.out.contains(section), section);
    const QString groff = QStandardPaths::findExecutable(QStringLiteral("groff"));
    if (groff.isEmpty())
        QSKIP("groff is not installed: the page's roff is not checked");
    QProcess process;
    process.start(groff, {QStringLiteral("-man"), QStringLiteral("-Tutf8"), QStringLiteral("-ww"), QStringLiteral("-z")});
    QVERIFY(process.waitForStarted(Timeout));
    process.write(man.out);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(Timeout));
    QCOMPARE(process.exitCode(), 0);
    const QByteArray warnings = process.readAllStandardError();
    QVERIFY2(warnings.isEmpty(), warnings.constData());
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
