#include "DerivedSeriesDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

class DerivedSeriesDialogPrivate
{
public:
    explicit DerivedSeriesDialogPrivate(DerivedSeriesDialog *dialog) : q(dialog) { }

    void fillFieldB();
    void update();

    DerivedSeriesDialog *q;
    QStringList fields;
    QFormLayout *form = nullptr;
    QComboBox *kind = nullptr;
    QComboBox *fieldA = nullptr;
    QComboBox *fieldB = nullptr;
    QSpinBox *duration = nullptr;
    QComboBox *durationUnit = nullptr;
    QWidget *durationRow = nullptr;
    QLabel *spec = nullptr;
    QLabel *error = nullptr;
    QDialogButtonBox *buttons = nullptr;
    DerivedSeriesDialog::Apply apply;
    QString lastSpec;
};

void DerivedSeriesDialogPrivate::fillFieldB()
{
    const QString current = fieldB->currentData().toString();
    const QString a = fieldA->currentData().toString();
    const QSignalBlocker blocker(fieldB);
    fieldB->clear();
    for (const QString &key : std::as_const(fields)) {
        if (key != a)
            fieldB->addItem(key, key);
    }
    fieldB->setCurrentIndex(fieldB->findData(current)); // -1 (none chosen) when it was A or none
}

void DerivedSeriesDialogPrivate::update()
{
    const auto k = q->kind();
    const bool twoFields = k == DerivedSeriesDialog::Difference || k == DerivedSeriesDialog::Ratio;
    form->setRowVisible(fieldB, twoFields);
    form->setRowVisible(durationRow, k == DerivedSeriesDialog::MovingAverage);
    const QString text = q->spec();
    spec->setText(text.isEmpty() ? DerivedSeriesDialog::tr("(incomplete)") : text);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.isEmpty());
    if (text != lastSpec) {
        lastSpec = text;
        error->clear();
        error->hide();
        Q_EMIT q->specChanged(text);
    }
}

DerivedSeriesDialog::DerivedSeriesDialog(const QStringList &fields, const QString &fieldA, QWidget *parent)
    : QDialog(parent)
    , d(std::make_unique<DerivedSeriesDialogPrivate>(this))
{
    setWindowTitle(tr("Add Derived Series"));
    d->fields = fields;
    if (!fieldA.isEmpty() && !d->fields.contains(fieldA))
        d->fields.prepend(fieldA);

    d->kind = new QComboBox(this);
    d->kind->setObjectName(QStringLiteral("kind"));
    d->kind->addItem(tr("Rate of change per second"), Rate);
    d->kind->setItemData(0, tr("For counters: how fast the value grows, a reset to a lower value handled"),
                         Qt::ToolTipRole);
    d->kind->addItem(tr("Moving average"), MovingAverage);
    d->kind->setItemData(1, tr("The mean of the samples over a span of time ending at each sample"),
                         Qt::ToolTipRole);
    d->kind->addItem(tr("Difference A − B"), Difference);
    d->kind->setItemData(2, tr("One field minus another of the same stream"), Qt::ToolTipRole);
    d->kind->addItem(tr("Ratio A ÷ B"), Ratio);
    d->kind->setItemData(3, tr("One field divided by another of the same stream"), Qt::ToolTipRole);

    d->fieldA = new QComboBox(this);
    d->fieldA->setObjectName(QStringLiteral("fieldA"));
    for (const QString &key : std::as_const(d->fields))
        d->fieldA->addItem(key, key);
    d->fieldA->setCurrentIndex(d->fieldA->findData(fieldA));

    d->fieldB = new QComboBox(this);
    d->fieldB->setObjectName(QStringLiteral("fieldB"));
    d->fieldB->setPlaceholderText(tr("Choose a field"));

    d->duration = new QSpinBox(this);
    d->duration->setObjectName(QStringLiteral("duration"));
    d->duration->setRange(1, 100'000);
    d->duration->setValue(10);
    d->durationUnit = new QComboBox(this);
    d->durationUnit->setObjectName(QStringLiteral("durationUnit"));
    d->durationUnit->addItem(tr("s"), Seconds);
    d->durationUnit->addItem(tr("min"), Minutes);
    d->durationRow = new QWidget(this);
    auto *durationLayout = new QHBoxLayout(d->durationRow);
    durationLayout->setContentsMargins(0, 0, 0, 0);
    durationLayout->addWidget(d->duration, 1);
    durationLayout->addWidget(d->durationUnit);

    d->spec = new QLabel(this);
    d->spec->setObjectName(QStringLiteral("spec"));
    d->spec->setTextInteractionFlags(Qt::TextSelectableByMouse);
    d->spec->setToolTip(tr("The name of the new series"));
    d->error = new QLabel(this);
    d->error->setObjectName(QStringLiteral("error"));
    d->error->setWordWrap(true);
    d->error->setStyleSheet(QStringLiteral("color: #c62828;"));
    d->error->hide();

    d->buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(d->buttons, &QDialogButtonBox::accepted, this, &DerivedSeriesDialog::accept);
    connect(d->buttons, &QDialogButtonBox::rejected, this, &DerivedSeriesDialog::reject);

    d->form = new QFormLayout(this);
    d->form->addRow(tr("&Kind:"), d->kind);
    d->form->addRow(tr("Field &A:"), d->fieldA);
    d->form->addRow(tr("Field &B:"), d->fieldB);
    d->form->addRow(tr("&Over:"), d->durationRow);
    d->form->addRow(tr("Series:"), d->spec);
    d->form->addRow(d->error);
    d->form->addRow(d->buttons);

    const auto update = [this] { d->update(); };
    connect(d->kind, &QComboBox::currentIndexChanged, this, update);
    connect(d->fieldA, &QComboBox::currentIndexChanged, this, [this] {
        d->fillFieldB();
        d->update();
    });
    connect(d->fieldB, &QComboBox::currentIndexChanged, this, update);
    connect(d->duration, &QSpinBox::valueChanged, this, update);
    connect(d->durationUnit, &QComboBox::currentIndexChanged, this, update);
    d->fillFieldB();
    d->update();
}

DerivedSeriesDialog::~DerivedSeriesDialog() = default;

void DerivedSeriesDialog::setKind(Kind kind)
{
    d->kind->setCurrentIndex(d->kind->findData(kind));
}

DerivedSeriesDialog::Kind DerivedSeriesDialog::kind() const
{
    return Kind(d->kind->currentData().toInt());
}

void DerivedSeriesDialog::setFieldA(const QString &key)
{
    d->fieldA->setCurrentIndex(d->fieldA->findData(key));
}

QString DerivedSeriesDialog::fieldA() const
{
    return d->fieldA->currentData().toString();
}

void DerivedSeriesDialog::setFieldB(const QString &key)
{
    d->fieldB->setCurrentIndex(d->fieldB->findData(key));
}

QString DerivedSeriesDialog::fieldB() const
{
    return d->fieldB->currentData().toString();
}

void DerivedSeriesDialog::setDuration(int amount, DurationUnit unit)
{
    d->durationUnit->setCurrentIndex(d->durationUnit->findData(unit));
    d->duration->setValue(amount);
}

qint64 DerivedSeriesDialog::durationSeconds() const
{
    const qint64 factor = d->durationUnit->currentData().toInt() == Minutes ? 60 : 1;
    return d->duration->value() * factor;
}

bool DerivedSeriesDialog::isComplete() const
{
    return !spec().isEmpty();
}

QString DerivedSeriesDialog::spec() const
{
    return specFor(kind(), fieldA(), fieldB(), durationSeconds());
}

QString DerivedSeriesDialog::specFor(Kind kind, const QString &a, const QString &b, qint64 seconds)
{
    if (a.isEmpty())
        return {};
    switch (kind) {
    case Rate:
        return QStringLiteral("rate(%1)").arg(a);
    case MovingAverage:
        return seconds > 0 ? QStringLiteral("avg(%1, %2s)").arg(a).arg(seconds) : QString();
    case Difference:
    case Ratio:
        if (b.isEmpty() || b == a)
            return {};
        return QStringLiteral("%1(%2, %3)").arg(kind == Difference ? QStringLiteral("diff") : QStringLiteral("ratio"), a, b);
    }
    return {};
}

void DerivedSeriesDialog::setApply(Apply apply)
{
    d->apply = std::move(apply);
}

QString DerivedSeriesDialog::errorText() const
{
    return d->error->isHidden() ? QString() : d->error->text();
}

QPushButton *DerivedSeriesDialog::okButton() const
{
    return d->buttons->button(QDialogButtonBox::Ok);
}

void DerivedSeriesDialog::accept()
{
    const QString text = spec();
    if (text.isEmpty())
        return;
    QString message;
    if (d->apply && !d->apply(text, &message)) {
        d->error->setText(message.isEmpty() ? tr("The series could not be added.")
                                            : tr("The series could not be added: %1").arg(message));
        d->error->show();
        return;
    }
    QDialog::accept();
}
