#include "CaptureLimitsDialog.h"

#include "CaptureStore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

CaptureLimitsDialog::CaptureLimitsDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Capture Limits"));

    m_events = new QSpinBox(this);
    m_events->setObjectName(QStringLiteral("maxEvents"));
    m_events->setRange(1, MaximumEvents);
    m_events->setSingleStep(100000);
    m_events->setGroupSeparatorShown(true);
    m_events->setAccelerated(true);
    m_events->setSuffix(tr(" events"));
    m_events->setToolTip(tr("The oldest events of a stream are dropped beyond this number"));

    m_mebibytes = new QSpinBox(this);
    m_mebibytes->setObjectName(QStringLiteral("maxMiB"));
    m_mebibytes->setRange(1, MaximumMiB);
    m_mebibytes->setSingleStep(64);
    m_mebibytes->setGroupSeparatorShown(true);
    m_mebibytes->setAccelerated(true);
    m_mebibytes->setSuffix(tr(" MiB"));
    m_mebibytes->setToolTip(tr("The oldest events of a stream are dropped beyond this approximate "
                               "memory footprint"));

    auto *hint = new QLabel(tr("Applies to every stream. Dropped events are counted in the status "
                               "bar."),
                            this);
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Keep at most:"), m_events);
    form->addRow(tr("\u2026 and at most:"), m_mebibytes);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Per stream:"), this));
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetFixedSize);

    setMaxEvents(CaptureStore::DefaultMaxEvents);
    setMaxMiB(int(CaptureStore::DefaultMaxBytes / (1024 * 1024)));
}

qint64 CaptureLimitsDialog::maxEvents() const
{
    return m_events->value();
}

void CaptureLimitsDialog::setMaxEvents(qint64 count)
{
    m_events->setValue(int(std::clamp<qint64>(count, 1, MaximumEvents)));
}

int CaptureLimitsDialog::maxMiB() const
{
    return m_mebibytes->value();
}

void CaptureLimitsDialog::setMaxMiB(int mebibytes)
{
    m_mebibytes->setValue(std::clamp(mebibytes, 1, MaximumMiB));
}

qint64 CaptureLimitsDialog::maxBytes() const
{
    return qint64(maxMiB()) * 1024 * 1024;
}
