#pragma once

#include <QDialog>

class QSpinBox;

// Asks how much each stream's capture keeps: at most a number of events and at most a number of
// MiB. What falls out beyond either bound is counted as dropped, never lost silently.
class CaptureLimitsDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int MaximumEvents = 1'000'000'000;
    static constexpr int MaximumMiB = 1024 * 1024;

    explicit CaptureLimitsDialog(QWidget *parent = nullptr);

    qint64 maxEvents() const;
    void setMaxEvents(qint64 count);
    int maxMiB() const;
    void setMaxMiB(int mebibytes);
    qint64 maxBytes() const;

    QSpinBox *eventsSpinBox() const { return m_events; }
    QSpinBox *mebibytesSpinBox() const { return m_mebibytes; }

private:
    QSpinBox *m_events = nullptr;
    QSpinBox *m_mebibytes = nullptr;
};
