// This process's resident memory and open descriptors, from /proc (Linux), for the suites and
// benchmarks that check that something repeated thousands of times leaves nothing behind.
#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>

namespace ProcessFigures {

inline qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

inline qsizetype openDescriptors()
{
    return QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot).size();
}

// Lets deferred deletions and closing sockets finish.
inline void settle()
{
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
}

} // namespace ProcessFigures
