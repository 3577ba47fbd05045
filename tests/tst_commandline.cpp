// The command line of every mode as a person meets it: `--help` of the dashboard names the modes
// with examples, each mode's help lists its options, nothing is printed on standard error for
// help or version (no display, no XDG_RUNTIME_DIR), and the man page written at build time
// documents every option that a --help shows, in roff that groff reads without a warning. Under
// LANG=zh_TW.UTF-8 the help is in Chinese with the same options, its columns within 79 terminal
// columns, and so are the usage errors behind the English prefix; the man page and the lines that
// scripts read stay English.
#include "CommandLineSpec.h"

#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
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

// The bare environment in `locale` (LANG=zh_TW.UTF-8 as a Taiwanese user has it, or LC_ALL=C.UTF-8),
// with settings of its own so that no language chosen in the Preferences gets in the way.
QProcessEnvironment localeEnvironment(const QString &locale, const QString &configHome)
{
    QProcessEnvironment environment = bareEnvironment();
    for (const char *name : {"LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(locale.startsWith(u'C') ? QStringLiteral("LC_ALL") : QStringLiteral("LANG"), locale);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
    return environment;
}

Output run(const QString &program, const QStringList &arguments,
           const QProcessEnvironment &environment = bareEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    Output output;
    if (!process.waitForFinished(Timeout))
        return output;
    output.exitCode = process.exitCode();
    output.out = process.readAllStandardOutput();
    output.err = process.readAllStandardError();
    return output;
}

// `program` in `locale`, with settings of its own that nothing saved before can get in the way of.
Output runInLocale(const QString &program, const QStringList &arguments, const QString &locale)
{
    QTemporaryDir config;
    if (!config.isValid())
        return {};
    return run(program, arguments, localeEnvironment(locale, config.path()));
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

bool hasChinese(const QString &text)
{
    static const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    return text.contains(han);
}


} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpAndVersionSayNothingElse_data();
    void helpAndVersionSayNothingElse();
    void dashboardHelpNamesTheModes();
    void terminalColumns_data();
    void terminalColumns();
    void manPageDocumentsEveryOption_data();
    void manPageDocumentsEveryOption();
    void manPageIsCleanRoff();
    void helpSpeaksTheLocale_data();
    void helpSpeaksTheLocale();
    void manPageStaysEnglish();
    void noDisplaySpeaksTheLocale_data();
    void noDisplaySpeaksTheLocale();
    void usageErrorsSpeakTheLocale_data();
    void usageErrorsSpeakTheLocale();
    void contractLinesStayEnglish();

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

void TestCommandLine::terminalColumns_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("columns");
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("ASCII") << QStringLiteral("--max-events <N>") << 16;
    QTest::newRow("Chinese") << QStringLiteral("串流") << 4;
    QTest::newRow("full-width punctuation") << QStringLiteral("（預設）") << 8;
    QTest::newRow("mixed") << QStringLiteral("寫入 FILE。") << 11;
    QTest::newRow("Hangul") << QStringLiteral("한국") << 4;
    QTest::newRow("accented Latin is narrow") << QStringLiteral("café") << 4;
}

void TestCommandLine::terminalColumns()
{
    QFETCH(QString, text);
    QTEST(CommandLineSpec::terminalColumns(text), "columns");
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

void TestCommandLine::helpSpeaksTheLocale_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QStringList>("options");
    const QString zh = QStringLiteral("zh_TW.UTF-8");
    const QString c = QStringLiteral("C.UTF-8");
    const QStringList help{QStringLiteral("--help")};
    const QStringList record{QStringLiteral("record"), QStringLiteral("--help")};
    const QStringList serve{QStringLiteral("serve"), QStringLiteral("--help")};
    const QStringList guiOptions{QStringLiteral("--demo"), QStringLiteral("--interval"), QStringLiteral("--version")};
    const QStringList recordOptions{QStringLiteral("--max-events"), QStringLiteral("--pin-sha256"), QStringLiteral("-o"),
                                    QStringLiteral("--alert-command"), QStringLiteral("--exit-on-alert")};
    const QStringList serveOptions{QStringLiteral("--replay"), QStringLiteral("--max-connections"), QStringLiteral("--bind")};
    QTest::newRow("zh_TW --help") << help << zh << QStringLiteral("Server-Sent Events 的即時儀表板、記錄器與伺服器。")
                                  << guiOptions;
    QTest::newRow("zh_TW record --help") << record << zh << QStringLiteral("在無圖形介面下記錄 Server-Sent Events 串流。")
                                         << recordOptions;
    QTest::newRow("zh_TW serve --help") << serve << zh << QStringLiteral("以純 HTTP/1.1 在 /events 提供 Server-Sent Events 串流。")
                                        << serveOptions;
    QTest::newRow("C --help") << help << c << QStringLiteral("Live dashboard, recorder and server for Server-Sent Events.")
                              << guiOptions;
    QTest::newRow("C record --help") << record << c << QStringLiteral("Records Server-Sent Events streams headlessly.")
                                     << recordOptions;
    QTest::newRow("C serve --help") << serve << c
                                    << QStringLiteral("Serves a Server-Sent Events stream at /events over plain HTTP/1.1.")
                                    << serveOptions;
}

void TestCommandLine::helpSpeaksTheLocale()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, locale);
    QFETCH(QString, summary);
    QFETCH(QStringList, options);
    if (m_binary.isEmpty())
        QSKIP("EVENTSCOPE_BINARY is not set (run through ctest)");
    const Output output = runInLocale(m_binary, arguments, locale);
    const Output english = runInLocale(m_binary, arguments, QStringLiteral("C.UTF-8"));
    QCOMPARE(output.exitCode, 0);
    QVERIFY2(output.err.isEmpty(), output.err.constData());
    const QString text = QString::fromUtf8(output.out);
    QVERIFY2(text.contains(summary), qPrintable(text));
    QCOMPARE(hasChinese(text), locale.startsWith(QLatin1String("zh")));
    if (hasChinese(text)) {
        // Qt's own words too, from qtbase_zh_TW.
        for (const char *qt : {"Usage:", "Options:", "Arguments:", "Displays", "Exit status:", "Examples:"})
            QVERIFY2(!text.contains(QLatin1String(qt)), qt);
    }
    const QSet<QString> listed = optionsIn(output.out);
    for (const QString &option : options)
        QVERIFY2(listed.contains(option), qPrintable(option));
    QCOMPARE(listed, optionsIn(english.out));
    // The option table fits a terminal of 80 columns, wrapped descriptions under their column.
    const qsizetype table = text.indexOf(QStringLiteral("\n  -h, --help"));
    QVERIFY(table > 0);
    for (const QString &line : text.mid(table + 1).split(u'\n'))
        QVERIFY2(CommandLineSpec::terminalColumns(line) <= 79, qPrintable(line));
}

void TestCommandLine::manPageStaysEnglish()
{
    const Output man = runInLocale(m_manPage, {}, QStringLiteral("zh_TW.UTF-8"));
    QCOMPARE(man.exitCode, 0);
    const QString page = QString::fromUtf8(man.out).replace(QStringLiteral("\\-"), QStringLiteral("-")); // roff's minus
    QVERIFY(page.contains(QStringLiteral("Records Server-Sent Events streams headlessly.")));
    QVERIFY(page.contains(QStringLiteral("Write to FILE (default: standard output).")));
    QVERIFY(!hasChinese(page));
}

void TestCommandLine::noDisplaySpeaksTheLocale_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zh_TW") << QStringLiteral("zh_TW.UTF-8") << QStringLiteral("找不到顯示器");
    QTest::newRow("C") << QStringLiteral("C.UTF-8") << QStringLiteral("no display found");
}

void TestCommandLine::noDisplaySpeaksTheLocale()
{
    QFETCH(QString, locale);
    QFETCH(QString, expected);
    if (m_binary.isEmpty())
        QSKIP("EVENTSCOPE_BINARY is not set (run through ctest)");
    const Output output = runInLocale(m_binary, {}, locale);
    QCOMPARE(output.exitCode, 1);
    QVERIFY(output.out.isEmpty());
    const QString err = QString::fromUtf8(output.err);
    QVERIFY2(err.contains(expected), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("eventscope serve --demo")), qPrintable(err));
}

void TestCommandLine::usageErrorsSpeakTheLocale_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("expected"); // a line of standard error, its prefix included
    const QString zh = QStringLiteral("zh_TW.UTF-8");
    const QString c = QStringLiteral("C.UTF-8");
    // Each mistake in both languages: the message speaks the locale, the prefix stays.
    const auto both = [&](const char *name, const QStringList &arguments, const QString &chinese,
                          const QString &english) {
        QTest::addRow("%s, zh_TW", name) << arguments << zh << chinese;
        QTest::addRow("%s, C", name) << arguments << c << english;
    };
    const QString url = QStringLiteral("http://127.0.0.1:1/");
    both("record, no URL", {"record"}, "eventscope record: 未指定 URL", "eventscope record: no URL given");
    both("record, the hint", {"record"}, "請執行 'eventscope record --help' 以取得更多資訊。",
         "Try 'eventscope record --help' for more information.");
    both("record --retry x", {"record", "--retry", "x", url}, "eventscope record: --retry 需要毫秒數，而不是 \"x\"",
         "eventscope record: --retry needs a number of milliseconds, not \"x\"");
    both("record --format xml", {"record", "--format", "xml", url},
         "eventscope record: 未知的格式 \"xml\"（jsonl、csv 或 sse）",
         "eventscope record: unknown format \"xml\" (jsonl, csv or sse)");
    both("record, a rule that does not parse", {"record", "--alert", "/count >", url},
         "eventscope: --alert '/count >'：'>' 之後缺少數字",
         "eventscope: --alert '/count >': a number is missing after '>'");
    both("serve, nothing to serve", {"serve"}, "eventscope serve: 請指定要提供的內容：--demo 或 --replay FILE",
         "eventscope serve: say what to serve: --demo or --replay FILE");
    both("serve, the hint", {"serve"}, "請執行 'eventscope serve --help' 以取得更多資訊。",
         "Try 'eventscope serve --help' for more information.");
    both("serve --port 99999", {"serve", "--demo", "--port", "99999"},
         "eventscope serve: --port 需要 0 到 65535 的數字，而不是 \"99999\"",
         "eventscope serve: --port wants a number from 0 to 65535, not \"99999\"");
    both("dashboard --interval 0", {"--interval", "0"}, "eventscope: --interval 需要正的毫秒數，而不是 \"0\"",
         "eventscope: --interval wants a positive number of milliseconds, not \"0\"");
}

void TestCommandLine::usageErrorsSpeakTheLocale()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, locale);
    QFETCH(QString, expected);
    if (m_binary.isEmpty())
        QSKIP("EVENTSCOPE_BINARY is not set (run through ctest)");
    QTemporaryDir config;
    QVERIFY(config.isValid());
    QProcessEnvironment environment = localeEnvironment(locale, config.path());
    // The dashboard checks its options only where there is a display (record and serve need none).
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), config.path());
    const Output output = run(m_binary, arguments, environment);
    QCOMPARE(output.exitCode, 1);
    QVERIFY(output.out.isEmpty());
    const QStringList lines = QString::fromUtf8(output.err).split(u'\n');
    QVERIFY2(lines.contains(expected), qPrintable(lines.join(u'\n')));
    QCOMPARE(hasChinese(lines.join(u'\n')), locale.startsWith(u'z'));
}

// What scripts read stays English under zh_TW: serve's start-up line ends in " at URL", its
// request log and record's connection line are as in C; the words around them speak Chinese.
void TestCommandLine::contractLinesStayEnglish()
{
    if (m_binary.isEmpty())
        QSKIP("EVENTSCOPE_BINARY is not set (run through ctest)");
    QTemporaryDir config;
    QVERIFY(config.isValid());
    const QProcessEnvironment zh = localeEnvironment(QStringLiteral("zh_TW.UTF-8"), config.path());
    QProcess serve;
    serve.setProcessEnvironment(zh);
    serve.start(m_binary, {"serve", "--demo", "--port", "0", "--interval", "10"});
    const auto stop = qScopeGuard([&] {
        serve.terminate();
        if (!serve.waitForFinished(Timeout))
            serve.kill();
    });
    QVERIFY(serve.waitForStarted(Timeout));
    while (!serve.canReadLine() && serve.waitForReadyRead(Timeout)) {
    }
    const QString start = QString::fromUtf8(serve.readLine()).chopped(1);
    static const QRegularExpression startLine(QStringLiteral("^(\\S.*) at (http://127\\.0\\.0\\.1:\\d+/events)$"));
    const QRegularExpressionMatch match = startLine.match(start);
    QVERIFY2(match.hasMatch(), qPrintable(start));
    QVERIFY2(hasChinese(match.captured(1)), qPrintable(start));
    const QString url = match.captured(2);

    const Output record = run(m_binary, {"record", "--max-events", "1", url}, zh);
    QCOMPARE(record.exitCode, 0);
    QVERIFY2(record.out.startsWith("{\"url\""), record.out.constData());
    const QStringList lines = QString::fromUtf8(record.err).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 2, record.err.constData());
    QCOMPARE(lines.first(), QStringLiteral("eventscope: %1: connected (connection 1)").arg(url));
    QVERIFY2(lines.last().startsWith(QStringLiteral("eventscope: ")) && hasChinese(lines.last()),
             qPrintable(lines.last())); // "1 event(s) recorded"

    QByteArray log;
    QTRY_VERIFY_WITH_TIMEOUT((log += serve.readAllStandardError()).split('\n').contains("eventscope serve: GET /events"),
                             Timeout);
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
