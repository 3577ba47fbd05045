#pragma once

#include "CapturedEvent.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

// Writes a snapshot of captured events to a file in one of the capture formats, off the GUI
// thread. The file is replaced atomically: a failed or cancelled export leaves whatever was there
// before (or nothing) and never a half-written file.
class ExportJob : public QObject
{
    Q_OBJECT

public:
    enum class Format { Jsonl, Csv, Sse };
    Q_ENUM(Format)

    // `fieldPaths` are the extra numeric columns of a CSV export: field keys, or derived specs
    // computed from the exported events (see CsvWriter).
    ExportJob(QList<CapturedEvent> events, const QString &path, Format format,
              const QStringList &fieldPaths = {}, QObject *parent = nullptr);
    // Cancels a running export and waits for it.
    ~ExportJob() override;

    QString path() const { return m_path; }
    Format format() const { return m_format; }
    qsizetype eventCount() const { return m_events.size(); }

    // Starts writing on a thread of its own (once); finished() follows, also when cancelled.
    void start();
    bool isRunning() const;
    // Stops at the next batch, or before the first when called before start(); the target
    // file is left untouched.
    void cancel();

    // After finished(): whether the file was written, and why not.
    bool succeeded() const { return m_succeeded; }
    bool wasCancelled() const { return m_cancelledResult; }
    QString errorString() const { return m_errorString; }

    static QString fileSuffix(Format format);
    static QString formatName(Format format);

    enum class Result { Written, Cancelled, Failed };
    // The export itself, on the calling thread: `progress` (may be empty) is called now and then
    // and at the end with (done, total); `cancelled` is polled between batches.
    static Result write(const QList<CapturedEvent> &events, const QString &path, Format format,
                        const QStringList &fieldPaths, const std::atomic_bool &cancelled,
                        const std::function<void(qsizetype, qsizetype)> &progress,
                        QString *errorString = nullptr);

Q_SIGNALS:
    // From the writing thread, queued to receivers in the GUI thread.
    void progress(qsizetype done, qsizetype total);
    void finished(bool succeeded);

private:
    void onThreadFinished();

    const QList<CapturedEvent> m_events;
    const QString m_path;
    const Format m_format;
    const QStringList m_fieldPaths;
    std::atomic_bool m_cancel{false};
    QThread *m_thread = nullptr;
    Result m_result = Result::Failed;
    QString m_threadError;
    bool m_succeeded = false;
    bool m_cancelledResult = false;
    QString m_errorString;
};
