#pragma once

#include "CapturedEvent.h"

#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>

class JsonlWriter;

// Writes a capture to disk as it grows, as JSON Lines, so that a crash or a power cut loses at most
// about the last second. While open the file is "<path>.journal"; close() makes it durable and
// renames it to <path>. A ".journal" file found later was left behind by a recording that did not
// close: findLeftovers() lists them and recover() reads back what reached the disk.
//
// Every batch is handed to the operating system at once (a crash of the process loses nothing);
// it reaches the disk within SyncIntervalMs (fdatasync at most once per interval while events keep
// coming, and on close()).
class CaptureJournal : public QObject
{
    Q_OBJECT

public:
    static constexpr int SyncIntervalMs = 1000;

    struct Recovery
    {
        QList<CapturedEvent> events;
        qsizetype lines = 0;     // complete lines read back (each one an event)
        qint64 discardedBytes = 0; // a torn last line and anything after a bad line
        QString errorString;     // empty unless the file could not be read or a line was bad
    };

    explicit CaptureJournal(QObject *parent = nullptr);
    // Closes the journal when it is still open.
    ~CaptureJournal() override;

    static QString journalSuffix() { return QStringLiteral(".journal"); }
    static QString journalPathFor(const QString &path) { return path + journalSuffix(); }

    // Starts a journal that close() turns into `path`; an existing journal for it is replaced.
    bool open(const QString &path);
    bool isOpen() const { return m_file.isOpen(); }
    QString path() const { return m_path; }
    QString journalPath() const { return journalPathFor(m_path); }

    // Each call is one batch: written and flushed to the operating system before it returns.
    bool append(const CapturedEvent &event);
    bool append(const QList<CapturedEvent> &events);
    // Syncs to disk and renames the journal to path(); false when any of it failed.
    bool close();

    qint64 eventCount() const { return m_eventCount; }
    QString errorString() const { return m_errorString; }

    // The journals left behind in `directory`, as absolute paths, sorted.
    static QStringList findLeftovers(const QString &directory);
    // Every complete line of a journal (or any JSON Lines capture). An incomplete last line is
    // discarded (it is what a crash tears); a line that does not parse ends the recovery there.
    static Recovery recover(const QString &journalPath);

    // fdatasync on a regular file; true without doing anything for pipes, terminals and the like.
    static bool syncToDisk(QFileDevice &file, QString *errorString = nullptr);

Q_SIGNALS:
    // A write, flush or sync failed; later appends fail too.
    void failed(const QString &reason);

private:
    bool afterBatch();
    bool sync();
    bool fail(const QString &reason);

    QString m_path;
    QFile m_file;
    std::unique_ptr<JsonlWriter> m_writer;
    QTimer m_syncTimer;
    QElapsedTimer m_sinceSync;
    bool m_unsynced = false;
    qint64 m_eventCount = 0;
    QString m_errorString;
};
