#include "ThresholdDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

#include <cmath>

ThresholdDialog::ThresholdDialog(QWidget *parent)
    : QDialog(parent)
    , m_steps(new QVBoxLayout)
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Thresholds"));
    auto *layout = new QVBoxLayout(this);
    auto *help = new QLabel(tr("At or above each value the tile takes its level; below every step it is OK."), this);
    help->setWordWrap(true);
    layout->addWidget(help);
    layout->addLayout(m_steps);
    auto *add = new QPushButton(tr("Add Step"), this);
    add->setObjectName(QStringLiteral("addStep"));
    connect(add, &QPushButton::clicked, this, qOverload<>(&ThresholdDialog::addStep));
    layout->addWidget(add, 0, Qt::AlignLeft);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, QColor(0xd1, 0x34, 0x38));
    m_error->setPalette(palette);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (thresholds())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    revalidate();
}

std::optional<QList<PanelThreshold>> ThresholdDialog::validate(const QList<Entry> &entries, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QList<PanelThreshold> steps;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const Entry &entry = entries.at(i);
        bool ok = false;
        // Plain numbers as a payload carries them: "1.5e6", "-40", "1e300"; no grouping.
        const double value = entry.value.trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(value))
            return fail(tr("Step %1: \"%2\" is not a number.").arg(i + 1).arg(entry.value));
        if (entry.level < int(PanelThreshold::Level::Ok) || entry.level > int(PanelThreshold::Level::Critical))
            return fail(tr("Step %1: choose a level.").arg(i + 1));
        if (!steps.isEmpty() && value <= steps.last().value)
            return fail(tr("Step %1: values must be in ascending order.").arg(i + 1));
        steps.append({value, PanelThreshold::Level(entry.level)});
    }
    if (error)
        error->clear();
    return steps;
}

void ThresholdDialog::setThresholds(const QList<PanelThreshold> &thresholds)
{
    while (!m_rows.isEmpty())
        removeStep(int(m_rows.size()) - 1);
    for (const PanelThreshold &step : thresholds)
        addStep(QString::number(step.value, 'g', 17), int(step.level));
    revalidate();
}

std::optional<QList<PanelThreshold>> ThresholdDialog::thresholds() const
{
    return validate(entries());
}

QString ThresholdDialog::errorText() const
{
    return m_error->text();
}

int ThresholdDialog::stepCount() const
{
    return int(m_rows.size());
}

void ThresholdDialog::addStep()
{
    addStep(QString(), -1);
    m_rows.last().value->setFocus();
}

void ThresholdDialog::addStep(const QString &value, int level)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *edit = new QLineEdit(value, row);
    edit->setPlaceholderText(tr("Value"));
    auto *box = new QComboBox(row);
    box->addItem(tr("OK"));
    box->addItem(tr("Warning"));
    box->addItem(tr("Critical"));
    box->setPlaceholderText(tr("Level"));
    box->setCurrentIndex(level);
    auto *remove = new QToolButton(row);
    remove->setText(tr("Remove"));
    layout->addWidget(new QLabel(tr("At or above"), row));
    layout->addWidget(edit, 1);
    layout->addWidget(box);
    layout->addWidget(remove);
    m_steps->addWidget(row);
    m_rows.append({row, edit, box});
    connect(edit, &QLineEdit::textChanged, this, &ThresholdDialog::revalidate);
    connect(box, &QComboBox::currentIndexChanged, this, &ThresholdDialog::revalidate);
    connect(remove, &QToolButton::clicked, this, [this, row] {
        for (int i = 0; i < m_rows.size(); ++i) {
            if (m_rows.at(i).row == row)
                removeStep(i);
        }
    });
    revalidate();
}

void ThresholdDialog::removeStep(int index)
{
    if (index < 0 || index >= m_rows.size())
        return;
    QWidget *row = m_rows.takeAt(index).row;
    row->hide();
    row->deleteLater();
    revalidate();
}

QLineEdit *ThresholdDialog::valueEdit(int index) const
{
    return index >= 0 && index < m_rows.size() ? m_rows.at(index).value : nullptr;
}

QComboBox *ThresholdDialog::levelBox(int index) const
{
    return index >= 0 && index < m_rows.size() ? m_rows.at(index).level : nullptr;
}

QList<ThresholdDialog::Entry> ThresholdDialog::entries() const
{
    QList<Entry> list;
    for (const Step &step : m_rows)
        list.append({step.value->text(), step.level->currentIndex()});
    return list;
}

void ThresholdDialog::revalidate()
{
    QString error;
    const bool valid = validate(entries(), &error).has_value();
    m_error->setText(error);
    m_error->setVisible(!valid);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
}
