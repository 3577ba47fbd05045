// What the window remembers between exports and runs: the folder and the format of the last
// export prefill the next Export Events dialog, also in a new window; a folder that is gone
// falls back to the session's.
#include "CaptureController.h"
#include "CaptureStore.h"
#include "ExportDialog.h"
#include "MainWindow.h"
#include "ModalAnswer.h"
#include "Stream.h"
#include "WindowStreams.h"
#include "Workspace.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace WindowStreams;

namespace {

struct Prefill
{
    QString folder;
    ExportJob::Format format = ExportJob::Format::Jsonl;
};

// Opens Export Events and notes what it was prefilled with; with `exportTo`, exports there as
// `format`, otherwise cancels.
Prefill openExport(MainWindow &window, const QString &exportTo = {}, ExportJob::Format format = {})
{
    Prefill seen;
    ModalAnswer::answer([&](QWidget *modal) {
        auto *dialog = qobject_cast<ExportDialog *>(modal);
        QVERIFY(dialog);
        seen.folder = QFileInfo(dialog->filePath()).absolutePath();
        seen.format = dialog->format();
        if (exportTo.isEmpty())
            return; // rejected by ModalAnswer
        dialog->setFormat(format);
        dialog->setFilePath(exportTo);
        dialog->accept();
    });
    window.captures()->exportAction()->trigger();
    return seen;
}

} // namespace

class TestExportMemory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QSettings().clear(); }
    void lastFolderAndFormatAreRemembered();
    void aFolderThatIsGoneIsNotOffered();
};

void TestExportMemory::lastFolderAndFormatAreRemembered()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {numberEvents(3)});
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("mine.csv"));
    {
        MainWindow window;
        Stream *stream = window.workspace()->addStream(optionsFor(server.url()));
        QTRY_COMPARE_WITH_TIMEOUT((stream->flush(), stream->capture()->size()), 3, Timeout);
        const Prefill first = openExport(window, target, ExportJob::Format::Csv);
        QCOMPARE(first.format, ExportJob::Format::Jsonl); // nothing remembered yet
        QVERIFY(first.folder != QFileInfo(dir.path()).absoluteFilePath());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(target).size() > 0, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(!window.captures()->runningExport(), Timeout);

        const Prefill again = openExport(window);
        QCOMPARE(again.folder, QFileInfo(dir.path()).absoluteFilePath());
        QCOMPARE(again.format, ExportJob::Format::Csv);
    }
    MainWindow next; // another run of the program
    const Prefill later = openExport(next);
    QCOMPARE(later.folder, QFileInfo(dir.path()).absoluteFilePath());
    QCOMPARE(later.format, ExportJob::Format::Csv);
}

void TestExportMemory::aFolderThatIsGoneIsNotOffered()
{
    QString gone;
    {
        QTemporaryDir dir;
        gone = dir.path();
    }
    QSettings().setValue(QStringLiteral("export/lastFolder"), gone);
    QSettings().setValue(QStringLiteral("export/lastFormat"), QStringLiteral("sse"));
    MainWindow window;
    const Prefill seen = openExport(window);
    QVERIFY(seen.folder != gone);
    QVERIFY(QFileInfo(seen.folder).isDir());
    QCOMPARE(seen.format, ExportJob::Format::Sse);
}

QTEST_MAIN(TestExportMemory)
#include "tst_exportmemory.moc"
