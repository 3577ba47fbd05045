#include "ExportJob.h"

#include "CsvWriter.h"
#include "JsonlWriter.h"
#include "SseWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>
#include <QThread>

namespace {

constexpr qsizetype BatchSize = 4096;

QString exportError(const QString &path, const QString &reason)
{
    return QCoreApplication::translate("ExportJob", "Cannot export the events to %1: %2")
        .arg(QDir::toNativeSeparators(path), reason);
}

} // namespace

ExportJob::ExportJob(QList<CapturedEvent> events, const QString &path, Format format,
                     const QStringList &fieldPaths, QObject *parent)
    : QObject(parent)
    , m_events(std::move(events))
    , m_path(path)
    , m_format(format)
    , m_fieldPaths(fieldPaths)
{
}

ExportJob::~ExportJob()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

void ExportJob::start()
{
    if (m_thread)
        return;
    m_thread = QThread::create([this] {
        m_result = write(m_events, m_path, m_format, m_fieldPaths, m_cancel,
                         [this](qsizetype done, qsizetype total) { Q_EMIT progress(done, total); },
                         &m_threadError);
    });
    m_thread->setObjectName(QStringLiteral("ExportJob"));
    connect(m_thread, &QThread::finished, this, &ExportJob::onThreadFinished);
    m_thread->start(QThread::LowPriority);
}

bool ExportJob::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void ExportJob::cancel()
{
    m_cancel = true;
}

void ExportJob::onThreadFinished()
{
    m_thread->deleteLater();
    m_thread = nullptr;
    m_succeeded = m_result == Result::Written;
    m_cancelledResult = m_result == Result::Cancelled;
    m_errorString = m_threadError;
    Q_EMIT finished(m_succeeded);
}

QString ExportJob::fileSuffix(Format format)
{
    switch (format) {
    case Format::Jsonl:
        return QStringLiteral("jsonl");
    case Format::Csv:
        return QStringLiteral("csv");
    case Format::Sse:
        return QStringLiteral("sse");
    }
    return {};
}

QString ExportJob::formatName(Format format)
{
    switch (format) {
    case Format::Jsonl:
        return QCoreApplication::translate("ExportJob", "JSON Lines");
    case Format::Csv:
        return QCoreApplication::translate("ExportJob", "CSV");
    case Format::Sse:
        return QCoreApplication::translate("ExportJob", "text/event-stream");
    }
    return {};
}

ExportJob::Result ExportJob::write(const QList<CapturedEvent> &events, const QString &path,
                                   Format format, const QStringList &fieldPaths,
                                   const std::atomic_bool &cancelled,
                                   const std::function<void(qsizetype, qsizetype)> &progress,
                                   QString *errorString)
{
    const auto fail = [&](const QString &reason) {
        if (errorString)
            *errorString = exportError(path, reason);
        return Result::Failed;
    };
    const auto cancel = [&](QSaveFile &file) {
        file.cancelWriting();
        if (errorString)
            *errorString = QCoreApplication::translate("ExportJob", "The export was cancelled.");
        return Result::Cancelled;
    };

    QSaveFile file(path);
    if (cancelled)
        return cancel(file);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());

    std::unique_ptr<CaptureWriter> writer;
    switch (format) {
    case Format::Jsonl:
        writer = std::make_unique<JsonlWriter>(&file);
        break;
    case Format::Csv:
        writer = std::make_unique<CsvWriter>(&file, fieldPaths);
        break;
    case Format::Sse:
        writer = std::make_unique<SseWriter>(&file);
        break;
    }

    const qsizetype total = events.size();
    writer->begin();
    for (qsizetype done = 0; done < total;) {
        if (cancelled)
            return cancel(file);
        const qsizetype end = std::min(total, done + BatchSize);
        for (; done < end; ++done)
            writer->write(events.at(done));
        // Hands the batch to the file so that a full disk shows up early, not at the end.
        if (!writer->flush()) {
            file.cancelWriting();
            return fail(writer->errorString());
        }
        if (progress && done < total)
            progress(done, total);
    }
    if (!writer->flush()) {
        file.cancelWriting();
        return fail(writer->errorString());
    }
    if (cancelled)
        return cancel(file);
    if (!file.commit())
        return fail(file.errorString());
    if (progress)
        progress(total, total);
    if (errorString)
        errorString->clear();
    return Result::Written;
}
