#include "CaptureJournal.h"
#include "capture_journal_events.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class tst_CaptureJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void cleanCloseLeavesNoJournal();
    void killedWriterLeavesJournal_data();
    void killedWriterLeavesJournal();
    void tornLastLineIsDiscarded_data();
    void tornLastLineIsDiscarded();
    void badLineEndsRecovery();
    void missingFile();
    void unwritableDirectory();
    void notOpen();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

constexpr int Timeout = 30000;

QList<CapturedEvent> testEvents(int first, int count)
{
    QList<CapturedEvent> events;
    for (int n = first; n < first + count; ++n)
        events.append(journalTestEvent(n));
    return events;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace

void tst_CaptureJournal::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_CaptureJournal::cleanCloseLeavesNoJournal()
{
    const QString path = m_dir->filePath(QStringLiteral("capture.jsonl"));
    QVERIFY(writeFile(path, "stale\n")); // an older capture of the same name is replaced
    CaptureJournal journal;
    QVERIFY2(journal.open(path), qPrintable(journal.errorString()));
    QCOMPARE(journal.journalPath(), path + QStringLiteral(".journal"));
    QCOMPARE(CaptureJournal::findLeftovers(m_dir->path()), QStringList{journal.journalPath()});

    const QList<CapturedEvent> events = testEvents(0, 250);
    QVERIFY(journal.append(events.first()));
    QVERIFY(journal.append(events.mid(1, 99)));
    QVERIFY(journal.append(QList<CapturedEvent>()));
    QVERIFY(journal.append(events.mid(100)));
    QCOMPARE(journal.eventCount(), 250);
    // Each batch is with the operating system as soon as append() returns.
    QCOMPARE(readFile(journal.journalPath()).count('\n'), 250);

    QVERIFY2(journal.close(), qPrintable(journal.errorString()));
    QVERIFY(!journal.isOpen());
    QVERIFY(CaptureJournal::findLeftovers(m_dir->path()).isEmpty());
    QVERIFY(!QFileInfo::exists(journal.journalPath()));

    const CaptureJournal::Recovery recovery = CaptureJournal::recover(path);
    QVERIFY2(recovery.errorString.isEmpty(), qPrintable(recovery.errorString));
    QCOMPARE(recovery.lines, 250);
    QCOMPARE(recovery.discardedBytes, 0);
    QCOMPARE(recovery.events, events);
}

void tst_CaptureJournal::killedWriterLeavesJournal_data()
{
    QTest::addColumn<int>("batches");
    QTest::addColumn<int>("batchSize");
    QTest::addColumn<int>("killAfter");

    QTest::newRow("idle after writing") << 20 << 500 << 10000;
    QTest::newRow("mid-flood") << 100000 << 200 << 4000;
}

void tst_CaptureJournal::killedWriterLeavesJournal()
{
    QFETCH(int, batches);
    QFETCH(int, batchSize);
    QFETCH(int, killAfter);

    const QString path = m_dir->filePath(QStringLiteral("capture.jsonl"));
    QProcess child;
    child.setProgram(QStringLiteral(CAPTURE_JOURNAL_CHILD));
    child.setArguments({path, QString::number(batches), QString::number(batchSize)});
    child.start();
    QVERIFY2(child.waitForStarted(Timeout), qPrintable(child.errorString()));

    QByteArray out;
    const QByteArray expected = "written " + QByteArray::number(killAfter) + '\n';
    QTRY_VERIFY_WITH_TIMEOUT((out += child.readAllStandardOutput()).contains(expected), Timeout);
    child.kill(); // SIGKILL: nothing in the child gets to run
    QVERIFY(child.waitForFinished(Timeout));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    const QString journalPath = CaptureJournal::journalPathFor(path);
    QCOMPARE(CaptureJournal::findLeftovers(m_dir->path()), QStringList{journalPath});
    QVERIFY(!QFileInfo::exists(path));

    const CaptureJournal::Recovery recovery = CaptureJournal::recover(journalPath);
    QVERIFY2(recovery.errorString.isEmpty(), qPrintable(recovery.errorString));
    // Every batch reported was flushed before the report; what followed may be torn.
    QVERIFY2(recovery.lines >= killAfter, qPrintable(QString::number(recovery.lines)));
    QCOMPARE(recovery.events.size(), recovery.lines);
    QCOMPARE(recovery.events, testEvents(0, int(recovery.lines)));
    if (batches * batchSize == killAfter)
        QCOMPARE(recovery.lines, killAfter);
}

void tst_CaptureJournal::tornLastLineIsDiscarded_data()
{
    QTest::addColumn<int>("tornBytes"); // of the next line; -1: all of it but its newline

    QTest::newRow("nothing torn") << 0;
    QTest::newRow("one byte") << 1;
    QTest::newRow("half a line") << 40;
    QTest::newRow("all but the newline") << -1;
}

void tst_CaptureJournal::tornLastLineIsDiscarded()
{
    QFETCH(int, tornBytes);

    const QString path = m_dir->filePath(QStringLiteral("capture.jsonl"));
    const QList<CapturedEvent> events = testEvents(0, 30);
    QByteArray nextLine;
    {
        CaptureJournal journal;
        QVERIFY(journal.open(m_dir->filePath(QStringLiteral("next.jsonl"))));
        QVERIFY(journal.append(journalTestEvent(30)));
        nextLine = readFile(journal.journalPath());
        QVERIFY(nextLine.endsWith('\n'));
    }

    CaptureJournal journal;
    QVERIFY(journal.open(path));
    QVERIFY(journal.append(events));
    // A copy of the journal as it is while the writer still runs, with a torn line after it.
    QByteArray bytes = readFile(journal.journalPath());
    QCOMPARE(bytes.count('\n'), events.size());
    const QByteArray torn = nextLine.left(tornBytes < 0 ? nextLine.size() - 1 : tornBytes);
    bytes += torn;
    const QString copy = m_dir->filePath(QStringLiteral("copy.jsonl.journal"));
    QVERIFY(writeFile(copy, bytes));

    const CaptureJournal::Recovery recovery = CaptureJournal::recover(copy);
    QVERIFY2(recovery.errorString.isEmpty(), qPrintable(recovery.errorString));
    QCOMPARE(recovery.lines, events.size());
    QCOMPARE(recovery.discardedBytes, torn.size());
    QCOMPARE(recovery.events, events);
}

void tst_CaptureJournal::badLineEndsRecovery()
{
    const QString path = m_dir->filePath(QStringLiteral("bad.jsonl.journal"));
    QByteArray bytes;
    {
        CaptureJournal journal;
        QVERIFY(journal.open(m_dir->filePath(QStringLiteral("good.jsonl"))));
        QVERIFY(journal.append(testEvents(0, 2)));
        QVERIFY(journal.close());
        bytes = readFile(journal.path());
    }
    const QByteArray bad = QByteArray(16, '\0') + '\n';
    QVERIFY(writeFile(path, bytes + bad + bytes));

    const CaptureJournal::Recovery recovery = CaptureJournal::recover(path);
    QCOMPARE(recovery.events, testEvents(0, 2));
    QCOMPARE(recovery.lines, 2);
    QCOMPARE(recovery.discardedBytes, bad.size() + bytes.size());
    QVERIFY2(recovery.errorString.startsWith(QStringLiteral("line 3:")), qPrintable(recovery.errorString));
}

void tst_CaptureJournal::missingFile()
{
    const CaptureJournal::Recovery recovery =
        CaptureJournal::recover(m_dir->filePath(QStringLiteral("missing.jsonl.journal")));
    QVERIFY(!recovery.errorString.isEmpty());
    QVERIFY(recovery.events.isEmpty());
    QVERIFY(CaptureJournal::findLeftovers(m_dir->path()).isEmpty());
}

void tst_CaptureJournal::unwritableDirectory()
{
    CaptureJournal journal;
    QVERIFY(!journal.open(m_dir->filePath(QStringLiteral("no/such/dir/capture.jsonl"))));
    QVERIFY(!journal.isOpen());
    QVERIFY(!journal.errorString().isEmpty());
    QVERIFY(!journal.append(journalTestEvent(0)));
}

void tst_CaptureJournal::notOpen()
{
    CaptureJournal journal;
    QVERIFY(!journal.isOpen());
    QVERIFY(!journal.append(journalTestEvent(0)));
    QVERIFY(!journal.append(testEvents(0, 3)));
    QVERIFY(!journal.close());
    QCOMPARE(journal.eventCount(), 0);
}

QTEST_GUILESS_MAIN(tst_CaptureJournal)
#include "tst_capturejournal.moc"
