#include "CaptureWriter.h"

#include "CapturedEvent.h"
#include "SseEventBatch.h"

#include <QFileDevice>

namespace {
constexpr qsizetype WriteThroughBytes = 1 << 20;
}

CaptureWriter::CaptureWriter(QIODevice *device)
    : m_device(device)
{
}

void CaptureWriter::writeBatchEvent(const QString &url, const SseEventBatch &batch, qsizetype index,
                                    qint64 receivedAtMs, int connection)
{
    write({url, batch.event(index), QDateTime::fromMSecsSinceEpoch(receivedAtMs, Qt::UTC), connection});
}

void CaptureWriter::writeThroughIfFull()
{
    if (m_buffer.size() >= WriteThroughBytes)
        writeBuffer();
}

bool CaptureWriter::writeBuffer()
{
    if (m_buffer.isEmpty())
        return m_errorString.isEmpty();
    const qint64 written = m_device->write(m_buffer.constData(), m_buffer.size());
    if (written != m_buffer.size() && m_errorString.isEmpty())
        m_errorString = m_device->errorString();
    m_buffer.resize(0); // keeps the capacity for the next batch
    return m_errorString.isEmpty();
}

bool CaptureWriter::flush()
{
    bool ok = writeBuffer();
    if (auto *file = qobject_cast<QFileDevice *>(m_device); file && !file->flush()) {
        if (m_errorString.isEmpty())
            m_errorString = file->errorString();
        ok = false;
    }
    return ok;
}
