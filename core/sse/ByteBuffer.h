#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>

// A growable byte buffer whose append is inline: the parser appends a few bytes per line, and
// QByteArray's out-of-line append showed in its profile.
class ByteBuffer
{
public:
    void append(const char *bytes, qsizetype count)
    {
        if (m_size + count > m_capacity)
            grow(m_size + count);
        if (count > 0)
            std::memcpy(m_storage.get() + m_size, bytes, size_t(count));
        m_size += count;
    }
    void append(QByteArrayView bytes) { append(bytes.data(), bytes.size()); }
    void append(char c) { append(&c, 1); }
    // Only ever shrinks; the capacity stays.
    void resize(qsizetype size) { m_size = size; }
    // Drops the storage when it grew large (one big event) and holds nothing now.
    void releaseIfLargeAndEmpty()
    {
        if (m_size == 0 && m_capacity > ReusableCapacity) {
            m_storage.reset();
            m_capacity = 0;
        }
    }
    // Empties the buffer for its next use. Storage beyond ReusableCapacity stays only when this
    // use filled more than half of it: a stream of large events keeps reusing one buffer instead
    // of faulting in fresh pages for each, and a smaller use lets it go. A use that held nothing
    // changes nothing. So what is kept is never more than twice the largest recent use.
    void recycle()
    {
        if (m_size > 0 && m_capacity > ReusableCapacity && m_size <= m_capacity / 2) {
            m_storage.reset();
            m_capacity = 0;
        }
        m_size = 0;
    }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    const char *data() const { return m_storage.get(); }
    char *data() { return m_storage.get(); }
    QByteArrayView view() const { return QByteArrayView(m_storage.get(), m_size); }

    static constexpr qsizetype ReusableCapacity = 64 * 1024;

private:
    void grow(qsizetype needed)
    {
        // Not zero-filled, unlike std::vector: every byte below m_size is written before it is
        // read. realloc: a large block grows by remapping its pages, not by copying them.
        const qsizetype capacity = qMax(needed, qMax<qsizetype>(256, m_capacity * 2));
        void *storage = std::realloc(m_storage.get(), size_t(capacity));
        if (!storage)
            throw std::bad_alloc();
        (void)m_storage.release();
        m_storage.reset(static_cast<char *>(storage));
        m_capacity = capacity;
    }

    struct Free
    {
        void operator()(char *bytes) const { std::free(bytes); }
    };
    std::unique_ptr<char, Free> m_storage;
    qsizetype m_size = 0;
    qsizetype m_capacity = 0;
};
