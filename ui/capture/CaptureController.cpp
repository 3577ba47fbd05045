#include "CaptureController.h"

#include "ActionFactory.h"
#include "CaptureJournal.h"
#include "CaptureStore.h"
#include "ExportDialog.h"
#include "Workspace.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>

#include <limits>

namespace {

const QString LastExportFolderKey = QStringLiteral("export/lastFolder");
const QString LastExportFormatKey = QStringLiteral("export/lastFormat");

} // namespace

CaptureController::CaptureController(Workspace *workspace, QWidget *window, VisibleRange visibleRange,
                                     PlottedFields plottedFields, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_window(window)
    , m_visibleRange(std::move(visibleRange))
    , m_plottedFields(std::move(plottedFields))
    , m_startFolder(QDir::homePath())
{
    m_exportAction = ActionFactory::make(
        this, tr("&Export Events\u2026"), QStringLiteral("exportEventsAction"), QKeySequence(Qt::CTRL | Qt::Key_E),
        tr("Write the captured events of chosen streams, all or the charts' visible range, as JSON Lines, "
           "CSV or text/event-stream"));
    m_exportAction->setShortcutContext(Qt::ApplicationShortcut);
    connect(m_exportAction, &QAction::triggered, this, &CaptureController::exportInteractive);
    m_openCaptureAction = ActionFactory::make(
        this, tr("Open &Capture\u2026"), QStringLiteral("openCaptureAction"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
        tr("Show a capture file (JSON Lines, CSV or text/event-stream) as offline streams"));
    connect(m_openCaptureAction, &QAction::triggered, this, &CaptureController::openCaptureInteractive);
    m_journalAction = ActionFactory::make(
        this, tr("&Journal Captured Events to Disk"), QStringLiteral("journalAction"), {},
        tr("Write every captured event to a file in the application's data folder as it arrives, so that "
           "a crash loses next to nothing"));
    m_journalAction->setCheckable(true);
    connect(m_journalAction, &QAction::toggled, this, [this](bool on) {
        QString error;
        if (m_workspace->setJournalEnabled(on, &error)) {
            if (on)
                Q_EMIT message(tr("Journaling captured events to %1")
                                   .arg(QDir::toNativeSeparators(m_workspace->journalPath())),
                               5000);
        } else if (m_window->isVisible()) {
            QMessageBox::warning(m_window, tr("Journal"), error);
        } else {
            Q_EMIT message(error, 0);
        }
    });
    connect(m_workspace, &Workspace::journalChanged, this, [this](bool on) {
        const QSignalBlocker blocker(m_journalAction);
        m_journalAction->setChecked(on);
    });
    connect(m_workspace, &Workspace::journalFailed, this,
            [this](const QString &reason) { Q_EMIT message(tr("The journal stopped: %1").arg(reason), 0); });
}

ExportJob *CaptureController::startExport(const QList<Stream::Id> &streams, const QString &path,
                                          ExportJob::Format format, qint64 fromMs, qint64 toMs,
                                          bool showProgress)
{
    if (m_job)
        return nullptr;
    QStringList fieldPaths;
    if (format == ExportJob::Format::Csv && m_plottedFields) {
        for (Stream::Id id : streams) {
            if (const Stream *stream = m_workspace->stream(id)) {
                for (const QString &field : m_plottedFields(stream)) {
                    if (!fieldPaths.contains(field))
                        fieldPaths.append(field);
                }
            }
        }
    }
    auto *job = new ExportJob(m_workspace->capturedEvents(streams, fromMs, toMs), path, format, fieldPaths, this);
    m_job = job;
    const qsizetype total = job->eventCount();
    // Only a long export shows its progress; QProgressDialog waits before appearing.
    if (showProgress && total > 0) {
        auto *dialog = new QProgressDialog(
            tr("Exporting %1 events to %2\u2026").arg(QLocale().toString(total), QFileInfo(path).fileName()),
            tr("Cancel"), 0, int(std::min<qsizetype>(total, std::numeric_limits<int>::max())), m_window);
        dialog->setObjectName(QStringLiteral("exportProgressDialog"));
        dialog->setWindowTitle(tr("Export Events"));
        dialog->setWindowModality(Qt::WindowModal);
        dialog->setMinimumDuration(500);
        dialog->setAutoClose(false);
        dialog->setAutoReset(false);
        connect(job, &ExportJob::progress, dialog, [dialog](qsizetype done, qsizetype) {
            dialog->setValue(int(std::min<qsizetype>(done, dialog->maximum())));
        });
        connect(dialog, &QProgressDialog::canceled, job, &ExportJob::cancel);
        m_progress = dialog;
    }
    connect(job, &ExportJob::finished, this, [this, job, path](bool ok) {
        if (m_progress)
            m_progress->deleteLater();
        const QString file = QDir::toNativeSeparators(path);
        if (ok) {
            const qsizetype written = job->eventCount();
            Q_EMIT message(written == 1 ? tr("Exported 1 event to %1").arg(file)
                                        : tr("Exported %1 events to %2").arg(QLocale().toString(written), file),
                           5000);
        } else if (job->wasCancelled()) {
            Q_EMIT message(tr("Export to %1 cancelled; no file was written").arg(file), 5000);
        } else {
            Q_EMIT message(job->errorString(), 0);
            if (m_window->isVisible())
                QMessageBox::warning(m_window, tr("Export Events"),
                                     tr("%1\n\nThe captured events are unchanged.").arg(job->errorString()));
        }
        job->deleteLater();
    });
    job->start();
    return job;
}

void CaptureController::exportInteractive()
{
    if (m_job) {
        Q_EMIT message(tr("An export is still running"), 5000);
        return;
    }
    ExportDialog dialog(m_window);
    for (Stream *stream : m_workspace->streams()) {
        stream->flush();
        dialog.addStream(stream->name(), QString::number(stream->id()), stream->capture()->size());
    }
    if (m_visibleRange) {
        const auto [from, to] = m_visibleRange();
        dialog.setVisibleRange(from, to);
    }
    // Where and how the user exported last time, until they choose otherwise.
    QSettings settings;
    const QString lastFolder = settings.value(LastExportFolderKey).toString();
    const QString folder = !lastFolder.isEmpty() && QFileInfo(lastFolder).isDir() ? lastFolder : m_startFolder;
    ExportJob::Format format = ExportJob::Format::Jsonl;
    for (const ExportJob::Format candidate : {ExportJob::Format::Jsonl, ExportJob::Format::Csv, ExportJob::Format::Sse}) {
        if (settings.value(LastExportFormatKey).toString() == ExportJob::fileSuffix(candidate))
            format = candidate;
    }
    dialog.setFormat(format);
    dialog.setFilePath(QDir(folder).filePath(QStringLiteral("events.") + ExportJob::fileSuffix(format)));
    if (dialog.exec() != QDialog::Accepted)
        return;
    settings.setValue(LastExportFolderKey, QFileInfo(dialog.filePath()).absolutePath());
    settings.setValue(LastExportFormatKey, ExportJob::fileSuffix(dialog.format()));
    QList<Stream::Id> ids;
    for (const QString &id : dialog.selectedStreams())
        ids.append(id.toULongLong());
    const bool ranged = dialog.visibleRangeOnly();
    startExport(ids, dialog.filePath(), dialog.format(), ranged ? dialog.rangeFromMs() : 0,
                ranged ? dialog.rangeToMs() : -1);
}

bool CaptureController::openCapture(const QString &path, QString *errorMessage)
{
    QString warning;
    const QList<Stream *> streams = m_workspace->openCapture(path, errorMessage, &warning);
    if (streams.isEmpty())
        return false;
    qint64 events = 0;
    for (const Stream *stream : streams)
        events += stream->capture()->size();
    const QString opened = tr("Opened %1 events of %2 stream(s) from %3")
                               .arg(QLocale().toString(events))
                               .arg(streams.size())
                               .arg(QDir::toNativeSeparators(path));
    Q_EMIT message(warning.isEmpty() ? opened : tr("%1; the rest could not be read: %2").arg(opened, warning), 0);
    Q_EMIT captureOpened(streams);
    return true;
}

void CaptureController::openCaptureInteractive()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Capture"), m_startFolder,
                                                      tr("Captures (*.jsonl *.csv *.sse *.txt *.journal);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openCapture(path, &error))
        QMessageBox::warning(m_window, tr("Open Capture"), error);
}

bool CaptureController::recoverJournal(const QString &journalPath, QString *errorMessage)
{
    const CaptureJournal::Recovery recovery = CaptureJournal::recover(journalPath);
    QString capturePath = journalPath;
    if (capturePath.endsWith(CaptureJournal::journalSuffix()))
        capturePath.chop(CaptureJournal::journalSuffix().size());
    if (recovery.events.isEmpty()) {
        QFile::remove(journalPath);
        if (errorMessage) {
            *errorMessage = recovery.errorString.isEmpty()
                ? tr("The journal %1 held no complete event.").arg(QDir::toNativeSeparators(journalPath))
                : recovery.errorString;
        }
        return false;
    }
    // What reached the disk, without a torn last line, as an ordinary capture.
    const std::atomic_bool cancelled{false};
    QString writeError;
    if (ExportJob::write(recovery.events, capturePath, ExportJob::Format::Jsonl, {}, cancelled, {}, &writeError)
        != ExportJob::Result::Written) {
        if (errorMessage)
            *errorMessage = writeError;
        return false;
    }
    QFile::remove(journalPath);
    return openCapture(capturePath, errorMessage);
}

void CaptureController::offerJournalRecovery()
{
    const QStringList leftovers = CaptureJournal::findLeftovers(Workspace::journalDirectory());
    if (leftovers.isEmpty())
        return;
    QMessageBox question(QMessageBox::Question, tr("Recover Captured Events"),
                         tr("EventScope did not close properly last time. %n journal(s) of captured "
                            "events were left behind:", nullptr, int(leftovers.size())),
                         QMessageBox::NoButton, m_window);
    QStringList names;
    for (const QString &path : leftovers)
        names.append(QFileInfo(path).fileName());
    question.setInformativeText(names.join(u'\n'));
    QPushButton *openButton = question.addButton(tr("Open"), QMessageBox::AcceptRole);
    QPushButton *discardButton = question.addButton(tr("Discard"), QMessageBox::DestructiveRole);
    question.addButton(tr("Later"), QMessageBox::RejectRole);
    question.setDefaultButton(openButton);
    question.exec();
    if (question.clickedButton() == openButton) {
        QStringList errors;
        for (const QString &path : leftovers) {
            QString error;
            if (!recoverJournal(path, &error))
                errors.append(error);
        }
        if (!errors.isEmpty())
            QMessageBox::warning(m_window, tr("Recover Captured Events"), errors.join(u'\n'));
    } else if (question.clickedButton() == discardButton) {
        if (QMessageBox::question(m_window, tr("Discard Captured Events"),
                                  tr("Delete %n journal(s) of captured events for good?", nullptr,
                                     int(leftovers.size())))
            == QMessageBox::Yes) {
            for (const QString &path : leftovers)
                QFile::remove(path);
        }
    }
}
