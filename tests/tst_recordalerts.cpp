// `eventscope record --alert`: one line per transition on standard error (never on the capture),
// the capture unchanged by alerts, --exit-on-alert, --alert-command and its environment, rules
// that do not parse, and `stale` and `down` against a server that goes quiet or away.
#include "RecordTestCase.h"

#include <QDir>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace RecordTest;
using Response = ScriptedServer::Response;

namespace {

// The counter stream 1..6 then 2, then the server ends it for good.
QList<Response> counterThenEnd()
{
    QByteArray body;
    for (int n : {1, 2, 3, 4, 5, 6, 2})
        body += "id: " + QByteArray::number(n) + "\ndata: {\"count\": " + QByteArray::number(n) + "}\n\n";
    return {Response::events().send(body).end(), Response::status(204)};
}

QList<QByteArray> linesContaining(const QByteArray &text, const QByteArray &part)
{
    QList<QByteArray> found;
    for (const QByteArray &line : text.split('\n')) {
        if (line.contains(part))
            found.append(line);
    }
    return found;
}

// The capture with its receive times blanked: two runs differ only in those.
QByteArray withoutTimes(QByteArray capture)
{
    static const QRegularExpression time(QStringLiteral(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z)"));
    return QString::fromUtf8(capture).replace(time, QStringLiteral("T")).toUtf8();
}

} // namespace

class tst_RecordAlerts : public RecordTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void firesAndResolvesOncePerTransition();
    void captureIsTheSameWithAlerts_data();
    void captureIsTheSameWithAlerts();
    void exitOnAlertStopsAtTheFiringEvent();
    void malformedRuleIsAUsageError_data();
    void malformedRuleIsAUsageError();
    void alertCommandGetsTheTransition();
    void staleFiresWhenTheServerGoesQuiet();
    void downFiresWhenTheServerGoesAway();
    void helpDescribesRules();
};

void tst_RecordAlerts::firesAndResolvesOncePerTransition()
{
    m_server->script(QStringLiteral("/events"), counterThenEnd());
    const QString url = m_server->url().toString();
    const Result result = runRecord({QStringLiteral("--retry"), QStringLiteral("10"), QStringLiteral("--alert"),
                                     QStringLiteral("/count > 3"), QStringLiteral("--alert"),
                                     QStringLiteral("/count < -1e300"), url});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(parseLines(result.out).size(), 7);

    const QList<QByteArray> alerts = linesContaining(result.err, ": alert ");
    QCOMPARE(alerts.size(), 2);
    QCOMPARE(alerts[0], "eventscope: " + url.toUtf8() + ": alert firing: /count > 3 (value 4)");
    const QByteArray resolvedPrefix = "eventscope: " + url.toUtf8() + ": alert resolved: /count > 3 (value 2, after ";
    QVERIFY2(alerts[1].startsWith(resolvedPrefix) && alerts[1].endsWith(")"), alerts[1].constData());
    QVERIFY2(QRegularExpression(QStringLiteral(R"(after \d+(\.\d)? (ms|s)\)$)")).match(QString::fromUtf8(alerts[1])).hasMatch(),
             alerts[1].constData());
    QVERIFY(!result.out.contains("alert"));
}

void tst_RecordAlerts::captureIsTheSameWithAlerts_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("jsonl") << QStringLiteral("jsonl");
    QTest::newRow("csv") << QStringLiteral("csv");
    QTest::newRow("sse") << QStringLiteral("sse");
}

void tst_RecordAlerts::captureIsTheSameWithAlerts()
{
    QFETCH(QString, format);

    const QStringList common = {QStringLiteral("--retry"), QStringLiteral("10"), QStringLiteral("--format"), format};
    m_server->script(QStringLiteral("/events"), counterThenEnd());
    const Result plain = runRecord(common + QStringList{m_server->url().toString()});
    m_server->script(QStringLiteral("/events"), counterThenEnd());
    const Result alerted = runRecord(common + QStringList{QStringLiteral("--alert"), QStringLiteral("/count > 3"),
                                                          QStringLiteral("--alert"), QStringLiteral("stale 1h"),
                                                          m_server->url().toString()});
    QCOMPARE(plain.exitCode, 0);
    QCOMPARE(alerted.exitCode, 0);
    QVERIFY(plain.out.contains("6"));
    QVERIFY(linesContaining(alerted.err, ": alert firing: ").size() == 1);
    // Byte for byte but for the receive times, which every format writes.
    QCOMPARE(withoutTimes(alerted.out), withoutTimes(plain.out));
    QCOMPARE(alerted.out.size(), plain.out.size());
}

void tst_RecordAlerts::exitOnAlertStopsAtTheFiringEvent()
{
    QByteArray body;
    for (int n = 1; n <= 6; ++n)
        body += "data: {\"count\": " + QByteArray::number(n) + "}\n\n";
    m_server->script(QStringLiteral("/events"), {Response::events().send(body).stall()});
    const QString url = m_server->url().toString();
    const Result result = runRecord({QStringLiteral("--exit-on-alert"), QStringLiteral("--alert"),
                                     QStringLiteral("/count>3"), QStringLiteral("-o"), outputPath(), url});
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 3);
    const QList<QJsonObject> lines = parseLines(readFile(outputPath()));
    QCOMPARE(lines.size(), 4);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(str(lines[i], "data"), QStringLiteral("{\"count\": %1}").arg(i + 1));
    QCOMPARE(linesContaining(result.err, ": alert "),
             QList<QByteArray>{"eventscope: " + url.toUtf8() + ": alert firing: /count>3 (value 4)"});
    QVERIFY(result.err.contains("4 event(s) recorded"));
}

void tst_RecordAlerts::malformedRuleIsAUsageError_data()
{
    QTest::addColumn<QStringList>("rules");
    QTest::addColumn<QByteArray>("error");

    QTest::newRow("number missing") << QStringList{"/count >"}
                                    << QByteArray("eventscope: --alert '/count >': a number is missing after '>'\n");
    QTest::newRow("unknown unit") << QStringList{"stale 5x"}
                                  << QByteArray("eventscope: --alert 'stale 5x': unknown unit 'x' (use ms, s, m or h)\n");
    QTest::newRow("operator") << QStringList{"/count ~ 3"}
                              << QByteArray("eventscope: --alert '/count ~ 3': expected >, >=, <, <= or outside\n");
    QTest::newRow("second of two") << QStringList{"/count > 3", "down"}
                                   << QByteArray("eventscope: --alert 'down': a duration is missing\n");
    QTest::newRow("nan") << QStringList{"/x > nan"} << QByteArray("eventscope: --alert '/x > nan': 'nan' is not a number\n");
}

void tst_RecordAlerts::malformedRuleIsAUsageError()
{
    QFETCH(QStringList, rules);
    QFETCH(QByteArray, error);

    QStringList arguments;
    for (const QString &rule : rules)
        arguments << QStringLiteral("--alert") << rule;
    const Result result = runRecord(arguments + QStringList{m_server->url().toString()});
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.err, error);
    QVERIFY(result.out.isEmpty());
    QCOMPARE(m_server->requestCount(), 0);
}

void tst_RecordAlerts::alertCommandGetsTheTransition()
{
    m_server->script(QStringLiteral("/events"), counterThenEnd());
    const QString url = m_server->url().toString();
    const QString dir = m_dir->path();
    // Written aside and renamed, so that a file seen is a file complete.
    const QString command = QStringLiteral("f='%1'/$EVENTSCOPE_ALERT_STATE.env; "
                                           "env | grep '^EVENTSCOPE_ALERT_' | sort > \"$f.tmp\" && mv \"$f.tmp\" \"$f\"")
                                .arg(dir);
    const Result result = runRecord({QStringLiteral("--retry"), QStringLiteral("10"), QStringLiteral("--alert"),
                                     QStringLiteral("/count  >  3"), QStringLiteral("--alert-command"), command, url});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(!result.out.contains("EVENTSCOPE_ALERT"));

    const QString firingPath = QDir(dir).filePath(QStringLiteral("firing.env"));
    const QString resolvedPath = QDir(dir).filePath(QStringLiteral("resolved.env"));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(firingPath) && QFile::exists(resolvedPath), Timeout);

    const QList<QByteArray> firing = readFile(firingPath).trimmed().split('\n');
    QCOMPARE(firing.size(), 6);
    QCOMPARE(firing[0], QByteArray("EVENTSCOPE_ALERT_DETAIL=value 4"));
    QCOMPARE(firing[1], QByteArray("EVENTSCOPE_ALERT_RULE=/count  >  3"));
    QCOMPARE(firing[2], QByteArray("EVENTSCOPE_ALERT_STATE=firing"));
    QVERIFY2(QRegularExpression(QStringLiteral(R"(^EVENTSCOPE_ALERT_TIME=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$)"))
                 .match(QString::fromUtf8(firing[3]))
                 .hasMatch(),
             firing[3].constData());
    QCOMPARE(firing[4], "EVENTSCOPE_ALERT_URL=" + url.toUtf8());
    QCOMPARE(firing[5], QByteArray("EVENTSCOPE_ALERT_VALUE=4"));

    const QByteArray resolved = readFile(resolvedPath);
    QVERIFY2(resolved.contains("EVENTSCOPE_ALERT_STATE=resolved\n"), resolved.constData());
    QVERIFY2(resolved.contains("EVENTSCOPE_ALERT_VALUE=2\n"), resolved.constData());
}

void tst_RecordAlerts::staleFiresWhenTheServerGoesQuiet()
{
    m_server->script(QStringLiteral("/events"),
                     {Response::events().send("data: {\"count\": 1}\n\n").pause(1500).send("data: {\"count\": 2}\n\n").end(),
                      Response::status(204)});
    const QString url = m_server->url().toString();
    const Result result = runRecord({QStringLiteral("--retry"), QStringLiteral("10"), QStringLiteral("--alert"),
                                     QStringLiteral("stale 500ms"), url});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(parseLines(result.out).size(), 2);
    const QList<QByteArray> alerts = linesContaining(result.err, ": alert ");
    QCOMPARE(alerts.size(), 2);
    QCOMPARE(alerts[0], "eventscope: " + url.toUtf8() + ": alert firing: stale 500ms (no event for 500 ms)");
    const QByteArray resolved = "eventscope: " + url.toUtf8() + ": alert resolved: stale 500ms (an event arrived, after ";
    QVERIFY2(alerts[1].startsWith(resolved), alerts[1].constData());
}

void tst_RecordAlerts::downFiresWhenTheServerGoesAway()
{
    m_server->script(QStringLiteral("/events"), {Response::events().send("data: {\"count\": 1}\n\n").hold().end()});
    const QString url = m_server->url().toString();
    QProcess *process = startRecord({QStringLiteral("--retry"), QStringLiteral("50"), QStringLiteral("--exit-on-alert"),
                                     QStringLiteral("--alert"), QStringLiteral("down 800ms"), QStringLiteral("--alert"),
                                     QStringLiteral("stale 1h"), url});
    QSignalSpy finished(process, &QProcess::finished);
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT((err += process->readAllStandardError()).contains(": connected"), Timeout);
    QCOMPARE(process->state(), QProcess::Running); // open in time: `down` is quiet
    m_server->stop(); // the connection drops, and every reconnection is refused

    QVERIFY(finished.wait(Timeout));
    err += process->readAllStandardError();
    QCOMPARE(process->exitCode(), 3);
    QCOMPARE(linesContaining(err, ": alert "),
             QList<QByteArray>{"eventscope: " + url.toUtf8() + ": alert firing: down 800ms (not open for 800 ms)"});
    QVERIFY(err.contains(": reconnecting in "));
    QCOMPARE(parseLines(process->readAllStandardOutput()).size(), 1);
}

void tst_RecordAlerts::helpDescribesRules()
{
    const Result result = runRecord({QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    for (const char *part : {"--alert <RULE>", "--alert-command <CMD>", "--exit-on-alert", "outside LOW..HIGH",
                             "stale DURATION", "reconnects > K in DURATION", "'stale 5s'", "3 for --exit-on-alert"})
        QVERIFY2(result.out.contains(part), part);
    for (const QByteArray &line : result.out.split('\n'))
        QVERIFY2(line.size() <= 100, line.constData());
}

QTEST_GUILESS_MAIN(tst_RecordAlerts)
#include "tst_recordalerts.moc"
