#pragma once

#include "Limits.h"

#include <QDialog>

class QLabel;
class QSpinBox;

// Every bound on what grows with time, in one dialog: how many events and MiB each stream's
// capture keeps, how many rows the event log keeps, how many points each chart series keeps.
// Beyond a bound the oldest are dropped and counted, never lost silently; each field says so.
//
// The caller may show what each bound holds now (setUsage()), read-only under its field.
class LimitsDialog : public QDialog
{
    Q_OBJECT

public:
    enum Limit { CaptureEvents, CaptureMiB, CaptureTotalMiB, LogRows, ChartPoints, LimitCount };

    // What a bound holds now. `held` is a count of events, rows or points, or bytes for
    // CaptureMiB; a negative `dropped` is not shown.
    struct Usage
    {
        qint64 held = 0;
        qint64 dropped = -1;
    };

    explicit LimitsDialog(QWidget *parent = nullptr);
    ~LimitsDialog() override;

    // Values out of range are brought into it (Limits::bounded()).
    void setLimits(const Limits &limits);
    Limits limits() const;

    void setUsage(Limit limit, const Usage &usage);
    void clearUsage(Limit limit);
    // "now: 1,234 events held · 5 dropped", or empty when no usage was set.
    QString usageText(Limit limit) const;

    QSpinBox *spinBox(Limit limit) const { return m_spins[limit]; }
    QLabel *usageLabel(Limit limit) const { return m_usage[limit]; }

private:
    QSpinBox *m_spins[LimitCount] = {};
    QLabel *m_usage[LimitCount] = {};
};
