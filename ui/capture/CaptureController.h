#pragma once

#include "ExportJob.h"
#include "Stream.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <utility>

class QAction;
class QProgressDialog;
class QWidget;
class Workspace;

// What the user does with captured events: export them (off the GUI thread, with progress and
// cancel), open a capture file as offline streams, journal them to disk and recover a journal a
// crash left behind.
class CaptureController : public QObject
{
    Q_OBJECT

public:
    // The time range the charts show, in receive time (first > second when there is none).
    using VisibleRange = std::function<std::pair<qint64, qint64>()>;
    // The plotted field keys of a stream, for CSV columns.
    using PlottedFields = std::function<QStringList(const Stream *)>;

    CaptureController(Workspace *workspace, QWidget *window, VisibleRange visibleRange,
                      PlottedFields plottedFields, QObject *parent = nullptr);

    // Writes a snapshot of those streams' events off the GUI thread; the job is deleted after
    // finished(). Null while another runs.
    ExportJob *startExport(const QList<Stream::Id> &streams, const QString &path, ExportJob::Format format,
                           qint64 fromMs = 0, qint64 toMs = -1, bool showProgress = true);
    ExportJob *runningExport() const { return m_job; }

    // Offline streams from a capture file; false with `errorMessage` when nothing could be read.
    bool openCapture(const QString &path, QString *errorMessage = nullptr);
    // A leftover journal turned into an ordinary capture file and opened.
    bool recoverJournal(const QString &journalPath, QString *errorMessage = nullptr);
    // Asks whether to open, discard or keep journals a crash left behind.
    void offerJournalRecovery();

    QAction *exportAction() const { return m_exportAction; }
    QAction *openCaptureAction() const { return m_openCaptureAction; }
    QAction *journalAction() const { return m_journalAction; }

    void setStartFolder(const QString &folder) { m_startFolder = folder; }

public Q_SLOTS:
    void exportInteractive();
    void openCaptureInteractive();

Q_SIGNALS:
    void message(const QString &text, int timeoutMs);
    // Offline streams were opened: the charts show their whole time span.
    void captureOpened(const QList<Stream *> &streams);

private:
    Workspace *m_workspace;
    QWidget *m_window;
    VisibleRange m_visibleRange;
    PlottedFields m_plottedFields;
    QPointer<ExportJob> m_job;
    QPointer<QProgressDialog> m_progress;
    QAction *m_exportAction;
    QAction *m_openCaptureAction;
    QAction *m_journalAction;
    QString m_startFolder;
};
