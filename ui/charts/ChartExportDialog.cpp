#include "ChartExportDialog.h"

#include "ChartArea.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

constexpr int CustomPreset = -1;
constexpr int CurrentPreset = -2;

QString sizeText(const QSize &size)
{
    return QStringLiteral("%1 × %2").arg(size.width()).arg(size.height());
}

} // namespace

ChartExportDialog::ChartExportDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Export Chart"));

    m_pathEdit = new QLineEdit(this);
    m_pathEdit->setObjectName(QStringLiteral("filePath"));
    m_pathEdit->setPlaceholderText(tr("charts.png or charts.svg"));
    m_pathEdit->setToolTip(tr("The file to write; a name ending in .svg gives an SVG drawing, any other a PNG image"));
    connect(m_pathEdit, &QLineEdit::textEdited, this,
            [this](const QString &text) { setFilePath(QDir::fromNativeSeparators(text)); });
    auto *browse = new QToolButton(this);
    browse->setObjectName(QStringLiteral("browse"));
    browse->setText(tr("Browse…"));
    connect(browse, &QToolButton::clicked, this, &ChartExportDialog::browse);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_pathEdit, 1);
    fileRow->addWidget(browse);
    m_format = new QLabel(this);
    m_format->setObjectName(QStringLiteral("format"));

    m_presets = new QComboBox(this);
    m_presets->setObjectName(QStringLiteral("presets"));
    m_presets->addItem(tr("1280 × 720 (HD)"), QSize(1280, 720));
    m_presets->addItem(tr("1920 × 1080 (Full HD)"), QSize(1920, 1080));
    m_presets->addItem(tr("Current size"), CurrentPreset);
    m_presets->addItem(tr("Custom"), CustomPreset);
    m_presets->setToolTip(tr("A common picture size, or the size the charts have on screen"));
    connect(m_presets, &QComboBox::activated, this, &ChartExportDialog::presetChosen);

    const auto spin = [this](const QString &name, const QString &toolTip) {
        auto *box = new QSpinBox(this);
        box->setObjectName(name);
        box->setRange(MinimumSide, MaximumSide);
        box->setSuffix(tr(" px"));
        box->setToolTip(toolTip);
        connect(box, &QSpinBox::valueChanged, this, &ChartExportDialog::sizeEdited);
        return box;
    };
    m_width = spin(QStringLiteral("width"), tr("Width of the picture in pixels"));
    m_height = spin(QStringLiteral("height"), tr("Height of the picture in pixels; the charts share it"));
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), this));
    sizeRow->addWidget(m_height);
    sizeRow->addStretch(1);

    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("hint"));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto *form = new QFormLayout;
    form->addRow(tr("&File:"), fileRow);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("&Size:"), m_presets);
    form->addRow(QString(), sizeRow);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);

    setImageSize(QSize(1280, 720));
    setFilePath(QString());
}

ChartExportDialog::ChartExportDialog(const QSize &currentSize, QWidget *parent)
    : ChartExportDialog(parent)
{
    setCurrentSize(currentSize);
}

void ChartExportDialog::setFilePath(const QString &path)
{
    m_path = path;
    if (m_pathEdit->text() != QDir::toNativeSeparators(path))
        m_pathEdit->setText(QDir::toNativeSeparators(path));
    m_format->setText(format() == Svg ? tr("SVG drawing") : tr("PNG image"));
    validate();
}

void ChartExportDialog::browse()
{
    QString filters = tr("PNG image (*.png)");
    if (ChartArea::svgAvailable())
        filters += QStringLiteral(";;") + tr("SVG drawing (*.svg)");
    const QString start = m_path.isEmpty() ? QDir::home().filePath(QStringLiteral("charts.png")) : m_path;
    QString selected = format() == Svg ? tr("SVG drawing (*.svg)") : tr("PNG image (*.png)");
    QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), start, filters, &selected);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += selected.contains(QLatin1String("*.svg")) ? QStringLiteral(".svg") : QStringLiteral(".png");
    setFilePath(QDir::fromNativeSeparators(path));
}

QString ChartExportDialog::filePath() const
{
    return m_path;
}

ChartExportDialog::Format ChartExportDialog::format() const
{
    return formatFor(m_path);
}

ChartExportDialog::Format ChartExportDialog::formatFor(const QString &path)
{
    return QFileInfo(path).suffix().compare(u"svg", Qt::CaseInsensitive) == 0 ? Svg : Png;
}

void ChartExportDialog::setCurrentSize(const QSize &size)
{
    m_current = size.boundedTo(QSize(MaximumSide, MaximumSide)).expandedTo(QSize(MinimumSide, MinimumSide));
    const int index = m_presets->findData(CurrentPreset);
    m_presets->setItemText(index, tr("Current size (%1)").arg(sizeText(m_current)));
    m_presets->setCurrentIndex(index);
    presetChosen(index);
}

void ChartExportDialog::setImageSize(const QSize &size)
{
    {
        const QSignalBlocker width(m_width);
        const QSignalBlocker height(m_height);
        m_width->setValue(size.width());
        m_height->setValue(size.height());
    }
    sizeEdited();
}

QSize ChartExportDialog::imageSize() const
{
    return {m_width->value(), m_height->value()};
}

void ChartExportDialog::presetChosen(int index)
{
    const QVariant data = m_presets->itemData(index);
    QSize size;
    if (data.toInt() == CurrentPreset && m_current.isValid())
        size = m_current;
    else if (data.userType() == QMetaType::QSize)
        size = data.toSize();
    if (!size.isValid())
        return;
    const QSignalBlocker width(m_width);
    const QSignalBlocker height(m_height);
    m_width->setValue(size.width());
    m_height->setValue(size.height());
    validate();
}

void ChartExportDialog::sizeEdited()
{
    // The preset that has this size, else Custom.
    const QSize size = imageSize();
    int match = m_presets->findData(CustomPreset);
    for (int i = 0; i < m_presets->count(); ++i) {
        const QVariant data = m_presets->itemData(i);
        const QSize preset = data.toInt() == CurrentPreset ? m_current
                                                           : (data.userType() == QMetaType::QSize ? data.toSize() : QSize());
        if (preset == size) {
            match = i;
            break;
        }
    }
    m_presets->setCurrentIndex(match);
    validate();
}

void ChartExportDialog::validate()
{
    const bool svgMissing = format() == Svg && !ChartArea::svgAvailable();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_path.isEmpty() && !svgMissing);
    if (svgMissing)
        m_hint->setText(tr("This build cannot write SVG; choose a file name ending in .png."));
    else if (format() == Svg)
        m_hint->setText(tr("SVG keeps lines and text sharp at any zoom; the size sets the layout."));
    else
        m_hint->setText(tr("Every chart is laid out afresh for this size, one above the other."));
}
