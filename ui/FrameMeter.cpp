#include "FrameMeter.h"

#include <QEvent>
#include <QWidget>

#include <cstdio>

namespace {
constexpr int ProbeIntervalMs = 10;
}

FrameMeter::FrameMeter(QWidget *window)
    : QObject(window)
{
    window->installEventFilter(this);
    m_probe.setInterval(ProbeIntervalMs);
    m_probe.setTimerType(Qt::PreciseTimer);
    connect(&m_probe, &QTimer::timeout, this, &FrameMeter::probe);
    m_report.setInterval(1000);
    connect(&m_report, &QTimer::timeout, this, &FrameMeter::report);
    m_sinceProbe.start();
    m_probe.start();
    m_report.start();
}

bool FrameMeter::isWanted()
{
    return qEnvironmentVariableIsSet("EVENTSCOPE_FRAME_STATS");
}

bool FrameMeter::eventFilter(QObject *watched, QEvent *event)
{
    // One UpdateRequest on the top-level window is one repaint of whatever changed in it.
    if (event->type() == QEvent::UpdateRequest)
        ++m_frames;
    return QObject::eventFilter(watched, event);
}

void FrameMeter::probe()
{
    m_worstDelayMs = qMax(m_worstDelayMs, m_sinceProbe.restart() - ProbeIntervalMs);
}

void FrameMeter::report()
{
    std::fprintf(stderr, "frame-stats: %d frames/s, event loop delay %lld ms at worst\n", m_frames,
                 static_cast<long long>(m_worstDelayMs));
    std::fflush(stderr);
    m_frames = 0;
    m_worstDelayMs = 0;
}
