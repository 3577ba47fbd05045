#include "CaptureJournal.h"

#include "CaptureReader.h"
#include "JsonlWriter.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

CaptureJournal::CaptureJournal(QObject *parent)
    : QObject(parent)
{
    m_syncTimer.setSingleShot(true);
    connect(&m_syncTimer, &QTimer::timeout, this, [this] { sync(); });
}

CaptureJournal::~CaptureJournal()
{
    if (isOpen())
        close();
}

bool CaptureJournal::open(const QString &path)
{
    if (isOpen())
        close();
    m_path = path;
    m_eventCount = 0;
    m_errorString.clear();
    m_unsynced = false;
    m_file.setFileName(journalPath());
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_errorString = m_file.errorString();
        return false;
    }
    m_writer = std::make_unique<JsonlWriter>(&m_file);
    m_writer->begin();
    m_sinceSync.start();
    return true;
}

bool CaptureJournal::append(const CapturedEvent &event)
{
    if (!isOpen() || !m_errorString.isEmpty())
        return false;
    m_writer->write(event);
    ++m_eventCount;
    return afterBatch();
}

bool CaptureJournal::append(const QList<CapturedEvent> &events)
{
    if (!isOpen() || !m_errorString.isEmpty())
        return false;
    if (events.isEmpty())
        return true;
    for (const CapturedEvent &event : events)
        m_writer->write(event);
    m_eventCount += events.size();
    return afterBatch();
}

bool CaptureJournal::afterBatch()
{
    if (!m_writer->flush())
        return fail(m_writer->errorString());
    m_unsynced = true;
    const qint64 elapsed = m_sinceSync.elapsed();
    if (elapsed >= SyncIntervalMs)
        return sync();
    // Events that stop coming still reach the disk within the interval.
    if (!m_syncTimer.isActive())
        m_syncTimer.start(int(SyncIntervalMs - elapsed));
    return true;
}

bool CaptureJournal::sync()
{
    m_syncTimer.stop();
    if (!m_unsynced || !isOpen())
        return m_errorString.isEmpty();
    QString reason;
    if (!syncToDisk(m_file, &reason))
        return fail(reason);
    m_unsynced = false;
    m_sinceSync.start();
    return true;
}

bool CaptureJournal::fail(const QString &reason)
{
    if (!m_errorString.isEmpty())
        return false;
    m_errorString = reason;
    Q_EMIT failed(reason);
    return false;
}

bool CaptureJournal::close()
{
    if (!isOpen())
        return false;
    bool ok = m_errorString.isEmpty();
    if (ok && !m_writer->flush())
        ok = fail(m_writer->errorString());
    m_unsynced = true;
    if (ok)
        ok = sync();
    m_syncTimer.stop();
    m_writer.reset();
    m_file.close();
    if (!ok)
        return false; // the journal stays behind for recover()

    QFile::remove(m_path);
    if (!QFile::rename(journalPath(), m_path))
        return fail(QStringLiteral("cannot rename %1 to %2").arg(journalPath(), m_path));
    // The rename itself is made durable by syncing the directory.
    const int directory = ::open(QFile::encodeName(QFileInfo(m_path).absolutePath()).constData(), O_RDONLY | O_DIRECTORY);
    if (directory >= 0) {
        ::fsync(directory);
        ::close(directory);
    }
    return true;
}

bool CaptureJournal::syncToDisk(QFileDevice &file, QString *errorString)
{
    const int fd = file.handle();
    if (fd < 0)
        return true;
    struct stat info;
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode))
        return true;
#if defined(Q_OS_LINUX)
    const int result = ::fdatasync(fd);
#else
    const int result = ::fsync(fd);
#endif
    if (result != 0) {
        if (errorString)
            *errorString = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    return true;
}

QStringList CaptureJournal::findLeftovers(const QString &directory)
{
    const QDir dir(directory);
    QStringList paths;
    const QStringList names =
        dir.entryList({QLatin1Char('*') + journalSuffix()}, QDir::Files | QDir::Hidden, QDir::Name);
    for (const QString &name : names)
        paths.append(dir.absoluteFilePath(name));
    return paths;
}

CaptureJournal::Recovery CaptureJournal::recover(const QString &journalPath)
{
    Recovery recovery;
    QFile file(journalPath);
    if (!file.open(QIODevice::ReadOnly)) {
        recovery.errorString = file.errorString();
        return recovery;
    }
    // Only complete lines count: a crash can tear the last one.
    QByteArray complete = file.readAll();
    complete.truncate(complete.lastIndexOf('\n') + 1);
    QBuffer buffer(&complete);
    buffer.open(QIODevice::ReadOnly);
    CaptureReader::readAll(&buffer, recovery.events, &recovery.errorString);
    recovery.lines = recovery.events.size();

    qint64 consumed = 0;
    for (qsizetype line = 0; line < recovery.lines; ++line)
        consumed = complete.indexOf('\n', consumed) + 1;
    recovery.discardedBytes = file.size() - consumed;
    return recovery;
}
