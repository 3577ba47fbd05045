#include "CaptureReader.h"
#include "ExportJob.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

namespace {

QList<CapturedEvent> sampleEvents(int count)
{
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(1'795'000'000'000, Qt::UTC);
    QList<CapturedEvent> events;
    events.reserve(count);
    for (int i = 0; i < count; ++i) {
        CapturedEvent captured;
        captured.url = i % 3 == 0 ? QStringLiteral("http://127.0.0.1:8080/b")
                                  : QStringLiteral("http://127.0.0.1:8080/a");
        captured.event.type = i % 5 == 0 ? QStringLiteral("tick") : QStringLiteral("message");
        captured.event.data = QStringLiteral("{\"count\": %1, \"time\": \"x\"}").arg(i);
        captured.event.lastEventId = QString::number(i);
        captured.receivedAt = start.addMSecs(i * 7);
        captured.connection = 1 + i / 1000;
        events.append(captured);
    }
    return events;
}

// Awkward content: commas, quotes, line breaks, non-ASCII, an empty ID.
QList<CapturedEvent> awkwardEvents()
{
    QList<CapturedEvent> events = sampleEvents(4);
    events[0].event.data = QStringLiteral("a,b \"quoted\"\nsecond line");
    events[1].event.data = QStringLiteral("caf\u00E9 \u2603");
    events[2].event.lastEventId = events[1].event.lastEventId;
    events[3].event.data = QString();
    return events;
}

} // namespace

class TestExportJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void csvFieldColumns();
    void cancelLeavesNoFile();
    void cancelKeepsPreviousFile();
    void failsForMissingDirectory();
    void failsForReadOnlyDirectory();
    void largeExportReportsProgress();
    void destroyWhileRunning();
};

void TestExportJob::roundTrip_data()
{
    QTest::addColumn<ExportJob::Format>("format");
    QTest::addColumn<CaptureReader::Format>("expected");
    QTest::addColumn<bool>("awkward");
    QTest::newRow("jsonl") << ExportJob::Format::Jsonl << CaptureReader::Format::Jsonl << false;
    QTest::newRow("csv") << ExportJob::Format::Csv << CaptureReader::Format::Csv << false;
    QTest::newRow("sse") << ExportJob::Format::Sse << CaptureReader::Format::Sse << false;
    QTest::newRow("jsonl awkward") << ExportJob::Format::Jsonl << CaptureReader::Format::Jsonl << true;
    QTest::newRow("csv awkward") << ExportJob::Format::Csv << CaptureReader::Format::Csv << true;
    QTest::newRow("sse awkward") << ExportJob::Format::Sse << CaptureReader::Format::Sse << true;
}

void TestExportJob::roundTrip()
{
    QFETCH(ExportJob::Format, format);
    QFETCH(CaptureReader::Format, expected);
    QFETCH(bool, awkward);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("out.") + ExportJob::fileSuffix(format));
    const QList<CapturedEvent> events = awkward ? awkwardEvents() : sampleEvents(2500);

    ExportJob job(events, path, format);
    QSignalSpy finished(&job, &ExportJob::finished);
    job.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY2(job.succeeded(), qPrintable(job.errorString()));
    QVERIFY(!job.isRunning());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    CaptureReader reader(&file);
    QList<CapturedEvent> read;
    CapturedEvent captured;
    while (reader.next(captured))
        read.append(captured);
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    QCOMPARE(reader.format(), expected);
    QCOMPARE(read.size(), events.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        QCOMPARE(read.at(i).url, events.at(i).url);
        QCOMPARE(read.at(i).event.type, events.at(i).event.type);
        QCOMPARE(read.at(i).event.data, events.at(i).event.data);
        QCOMPARE(read.at(i).event.lastEventId, events.at(i).event.lastEventId);
        QCOMPARE(read.at(i).receivedAt, events.at(i).receivedAt);
        QCOMPARE(read.at(i).connection, events.at(i).connection);
    }
}

void TestExportJob::csvFieldColumns()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fields.csv"));
    const std::atomic_bool cancelled{false};
    QString error;
    QCOMPARE(ExportJob::write(sampleEvents(3), path, ExportJob::Format::Csv, {QStringLiteral("/count")},
                              cancelled, {}, &error),
             ExportJob::Result::Written);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QVERIFY(lines.first().startsWith("receivedAt,url,type,lastEventId,data"));
    QVERIFY(lines.first().trimmed().endsWith(",/count"));
    QVERIFY(lines.at(2).trimmed().endsWith(",1"));
}

void TestExportJob::cancelLeavesNoFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cancelled.jsonl"));
    std::atomic_bool cancelled{false};
    int calls = 0;
    QString error;
    // Cancelled from the first progress report, i.e. in the middle of the export.
    const ExportJob::Result result = ExportJob::write(
        sampleEvents(50000), path, ExportJob::Format::Jsonl, {}, cancelled,
        [&](qsizetype done, qsizetype total) {
            ++calls;
            QVERIFY(done < total);
            cancelled = true;
        },
        &error);
    QCOMPARE(result, ExportJob::Result::Cancelled);
    QCOMPARE(calls, 1);
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFileInfo::exists(path));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());

    // The asynchronous job, cancelled before it starts writing.
    ExportJob job(sampleEvents(10), path, ExportJob::Format::Csv);
    QSignalSpy finished(&job, &ExportJob::finished);
    job.cancel();
    job.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QVERIFY(!job.succeeded());
    QVERIFY(!QFileInfo::exists(path));
}

void TestExportJob::cancelKeepsPreviousFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("existing.sse"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("before\n");
    }
    std::atomic_bool cancelled{false};
    const ExportJob::Result result = ExportJob::write(
        sampleEvents(20000), path, ExportJob::Format::Sse, {}, cancelled,
        [&](qsizetype, qsizetype) { cancelled = true; });
    QCOMPARE(result, ExportJob::Result::Cancelled);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("before\n"));
}

void TestExportJob::failsForMissingDirectory()
{
    QTemporaryDir dir;
    const QString notADir = dir.filePath(QStringLiteral("plain-file"));
    {
        QFile file(notADir);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    const QList<CapturedEvent> events = sampleEvents(10);
    for (const QString &path : QStringList{dir.filePath(QStringLiteral("missing/out.jsonl")),
                                            QString(notADir + QStringLiteral("/out.jsonl"))}) {
        ExportJob job(events, path, ExportJob::Format::Jsonl);
        QSignalSpy finished(&job, &ExportJob::finished);
        job.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(!job.succeeded());
        QVERIFY(!job.wasCancelled());
        QVERIFY2(job.errorString().contains(QDir::toNativeSeparators(path)), qPrintable(job.errorString()));
        QVERIFY(!QFileInfo::exists(path));
    }
    // The snapshot given to the job is not touched.
    QCOMPARE(events, sampleEvents(10));
}

void TestExportJob::failsForReadOnlyDirectory()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("readonly"));
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const auto restore = qScopeGuard([&] {
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    });
    {
        QFile probe(folder + QStringLiteral("/probe"));
        if (probe.open(QIODevice::WriteOnly)) {
            probe.remove();
            QSKIP("This user can write into read-only folders (root)");
        }
    }
    const QString path = folder + QStringLiteral("/out.csv");
    const std::atomic_bool cancelled{false};
    QString error;
    QCOMPARE(ExportJob::write(sampleEvents(10), path, ExportJob::Format::Csv, {}, cancelled, {}, &error),
             ExportJob::Result::Failed);
    QVERIFY(error.contains(QDir::toNativeSeparators(path)));
    QVERIFY(!QFileInfo::exists(path));
}

void TestExportJob::largeExportReportsProgress()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.jsonl"));
    constexpr int Count = 200000;
    ExportJob job(sampleEvents(Count), path, ExportJob::Format::Jsonl);
    QSignalSpy progress(&job, &ExportJob::progress);
    QSignalSpy finished(&job, &ExportJob::finished);
    job.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
    QVERIFY2(job.succeeded(), qPrintable(job.errorString()));
    QVERIFY(progress.size() > 1);
    qsizetype previous = 0;
    for (const QList<QVariant> &report : std::as_const(progress)) {
        const qsizetype done = report.at(0).value<qsizetype>();
        QCOMPARE(report.at(1).value<qsizetype>(), qsizetype(Count));
        QVERIFY(done > previous);
        previous = done;
    }
    QCOMPARE(previous, qsizetype(Count));

    QList<CapturedEvent> read;
    QString error;
    QVERIFY2(CaptureReader::readFile(path, read, &error), qPrintable(error));
    QCOMPARE(read.size(), Count);
    QCOMPARE(read.last().event.lastEventId, QString::number(Count - 1));
}

void TestExportJob::destroyWhileRunning()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("abandoned.jsonl"));
    {
        ExportJob job(sampleEvents(100000), path, ExportJob::Format::Jsonl);
        job.start();
        QVERIFY(job.isRunning() || QFileInfo::exists(path));
    }
    // Either finished before the destructor cancelled it, or nothing at all: never a partial file.
    if (QFileInfo::exists(path)) {
        QList<CapturedEvent> read;
        QVERIFY(CaptureReader::readFile(path, read));
        QCOMPARE(read.size(), 100000);
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), QFileInfo::exists(path) ? 1 : 0);
}

QTEST_GUILESS_MAIN(TestExportJob)
#include "tst_exportjob.moc"
