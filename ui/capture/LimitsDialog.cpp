#include "LimitsDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

constexpr qint64 MiB = 1024 * 1024;

QSpinBox *makeSpinBox(QWidget *parent, const QString &name, int minimum, int maximum, int step,
                      const QString &suffix, const QString &toolTip)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(name);
    spin->setRange(minimum, maximum);
    spin->setSingleStep(step);
    spin->setGroupSeparatorShown(true);
    spin->setAccelerated(true);
    spin->setSuffix(suffix);
    spin->setToolTip(toolTip);
    return spin;
}

} // namespace

LimitsDialog::LimitsDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Limits"));

    m_spins[CaptureEvents] = makeSpinBox(
        this, QStringLiteral("captureMaxEvents"), 1, int(Limits::MaximumCaptureEvents), 100'000,
        tr(" events"),
        tr("Each stream's capture keeps at most this many events. Beyond it the oldest events "
           "are dropped from the capture (and from what can be exported); they are counted as "
           "dropped."));
    m_spins[CaptureMiB] = makeSpinBox(
        this, QStringLiteral("captureMaxMiB"), 1, Limits::MaximumCaptureMiB, 64, tr(" MiB"),
        tr("Each stream's capture keeps at most about this much memory. Beyond it the oldest "
           "events are dropped from the capture; they are counted as dropped."));
    m_spins[CaptureTotalMiB] = makeSpinBox(
        this, QStringLiteral("captureTotalMiB"), 1, Limits::MaximumCaptureMiB, 64, tr(" MiB"),
        tr("Every stream's capture together keeps at most about this much memory. Beyond it the "
           "oldest events of all streams are dropped first; they are counted as dropped."));
    m_spins[LogRows] = makeSpinBox(
        this, QStringLiteral("logRows"), Limits::MinimumLogRows, Limits::MaximumLogRows, 1000,
        tr(" rows"),
        tr("The event log keeps this many of the newest rows, events and connection changes "
           "alike. Older rows leave the log (the capture keeps its events) and are counted as "
           "dropped."));
    m_spins[ChartPoints] = makeSpinBox(
        this, QStringLiteral("chartPoints"), Limits::MinimumChartPoints,
        Limits::MaximumChartPoints, 10'000, tr(" points"),
        tr("Each chart series keeps this many of its newest points. Older points leave the chart "
           "(the capture keeps their events) and are counted as dropped."));

    for (int limit = 0; limit < LimitCount; ++limit) {
        auto *label = new QLabel(this);
        label->setObjectName(QStringLiteral("usage%1").arg(limit));
        label->setForegroundRole(QPalette::PlaceholderText);
        label->setVisible(false);
        m_usage[limit] = label;
    }

    const auto addRow = [this](QFormLayout *form, const QString &text, Limit limit) {
        auto *field = new QVBoxLayout;
        field->setSpacing(0);
        field->addWidget(m_spins[limit]);
        field->addWidget(m_usage[limit]);
        form->addRow(text, field);
    };

    auto *capture = new QGroupBox(tr("Capture"), this);
    auto *captureForm = new QFormLayout(capture);
    addRow(captureForm, tr("Each stream keeps at most:"), CaptureEvents);
    addRow(captureForm, tr("\u2026 and at most:"), CaptureMiB);
    addRow(captureForm, tr("All streams together:"), CaptureTotalMiB);

    auto *display = new QGroupBox(tr("Display"), this);
    auto *displayForm = new QFormLayout(display);
    addRow(displayForm, tr("Event log:"), LogRows);
    addRow(displayForm, tr("Each chart series:"), ChartPoints);

    auto *hint = new QLabel(tr("What falls out beyond a limit is counted as dropped and shown in "
                               "the status bar and the log's count."),
                            this);
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setLimits(Limits()); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(capture);
    layout->addWidget(display);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetFixedSize);

    setLimits(Limits());
}

LimitsDialog::~LimitsDialog() = default;

void LimitsDialog::setLimits(const Limits &limits)
{
    const Limits bounded = limits.bounded();
    m_spins[CaptureEvents]->setValue(int(bounded.captureMaxEvents));
    m_spins[CaptureMiB]->setValue(bounded.captureMaxMiB);
    m_spins[CaptureTotalMiB]->setValue(bounded.captureTotalMiB);
    m_spins[LogRows]->setValue(bounded.logRows);
    m_spins[ChartPoints]->setValue(bounded.chartPoints);
}

Limits LimitsDialog::limits() const
{
    Limits limits;
    limits.captureMaxEvents = m_spins[CaptureEvents]->value();
    limits.captureMaxMiB = m_spins[CaptureMiB]->value();
    limits.captureTotalMiB = m_spins[CaptureTotalMiB]->value();
    limits.logRows = m_spins[LogRows]->value();
    limits.chartPoints = m_spins[ChartPoints]->value();
    return limits;
}

void LimitsDialog::setUsage(Limit limit, const Usage &usage)
{
    const QLocale locale;
    QString held;
    switch (limit) {
    case CaptureEvents:
        held = tr("%1 events").arg(locale.toString(usage.held));
        break;
    case CaptureMiB:
    case CaptureTotalMiB:
        held = tr("%1 MiB").arg(locale.toString(double(usage.held) / MiB, 'f', 1));
        break;
    case LogRows:
        held = tr("%1 rows").arg(locale.toString(usage.held));
        break;
    case ChartPoints:
        held = tr("%1 points").arg(locale.toString(usage.held));
        break;
    case LimitCount:
        return;
    }
    QString text = tr("now: %1 held").arg(held);
    if (usage.dropped >= 0)
        text += tr(" \u00B7 %1 dropped").arg(locale.toString(usage.dropped));
    m_usage[limit]->setText(text);
    m_usage[limit]->setVisible(true);
}

void LimitsDialog::clearUsage(Limit limit)
{
    if (limit == LimitCount)
        return;
    m_usage[limit]->clear();
    m_usage[limit]->setVisible(false);
}

QString LimitsDialog::usageText(Limit limit) const
{
    return limit == LimitCount ? QString() : m_usage[limit]->text();
}
