#include "YRangeDialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

constexpr double Limit = 1e15;

QDoubleSpinBox *makeSpinBox(QWidget *parent, const QString &name, const QString &toolTip)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setObjectName(name);
    box->setRange(-Limit, Limit);
    box->setDecimals(2);
    box->setKeyboardTracking(true);
    box->setAccelerated(true);
    box->setToolTip(toolTip);
    return box;
}

} // namespace

YRangeDialog::YRangeDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Fixed Value Bounds"));

    m_min = makeSpinBox(this, QStringLiteral("minimum"), tr("Lowest value shown on the value axis"));
    m_max = makeSpinBox(this, QStringLiteral("maximum"), tr("Highest value shown on the value axis"));

    m_hint = new QLabel(tr("The maximum must be greater than the minimum."), this);
    m_hint->setObjectName(QStringLiteral("hint"));
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Ma&ximum:"), m_max);
    form->addRow(tr("Mi&nimum:"), m_min);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);
    layout->setSizeConstraint(QLayout::SetFixedSize);

    connect(m_min, &QDoubleSpinBox::valueChanged, this, &YRangeDialog::validate);
    connect(m_max, &QDoubleSpinBox::valueChanged, this, &YRangeDialog::validate);
    setRange(0, 100);
}

void YRangeDialog::setRange(double min, double max)
{
    min = std::clamp(std::isfinite(min) ? min : 0.0, -Limit, Limit);
    max = std::clamp(std::isfinite(max) ? max : 0.0, -Limit, Limit);
    // Enough decimals to tell the bounds of a narrow range apart.
    const double span = std::abs(max - min);
    const int decimals = span > 0 ? std::clamp(3 - int(std::floor(std::log10(span))), 2, 10) : 2;
    const double step = span > 0 ? std::pow(10.0, std::floor(std::log10(span)) - 1) : 1;
    for (QDoubleSpinBox *box : {m_min, m_max}) {
        box->setDecimals(decimals);
        box->setSingleStep(step);
    }
    m_min->setValue(min);
    m_max->setValue(max);
    validate();
}

std::pair<double, double> YRangeDialog::range() const
{
    return {m_min->value(), m_max->value()};
}

bool YRangeDialog::isValid() const
{
    return m_max->value() > m_min->value();
}

void YRangeDialog::accept()
{
    if (isValid())
        QDialog::accept();
}

void YRangeDialog::validate()
{
    const bool valid = isValid();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
    m_hint->setVisible(!valid);
}
