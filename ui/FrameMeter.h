#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QWidget;

// Measures how a window keeps up, for benchmarks: frames painted per second (the window's
// backing store flushes) and the event loop's worst delay in that second (how late a 10 ms timer
// fires: an input event waits as long). Prints one line a second to standard error while
// EVENTSCOPE_FRAME_STATS is set in the environment.
class FrameMeter : public QObject
{
    Q_OBJECT

public:
    explicit FrameMeter(QWidget *window);

    // Whether EVENTSCOPE_FRAME_STATS asks for it.
    static bool isWanted();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void probe();
    void report();

    QTimer m_probe;
    QTimer m_report;
    QElapsedTimer m_sinceProbe;
    int m_frames = 0;
    qint64 m_worstDelayMs = 0;
};
