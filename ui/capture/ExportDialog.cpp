#include "ExportDialog.h"

#include "DisplayTime.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace {

constexpr int UrlRole = Qt::UserRole + 1;

QString rangeText(qint64 fromMs, qint64 toMs)
{
    return DisplayTime::spanText(fromMs, toMs, DisplayTime::Precision::Milliseconds);
}

} // namespace

ExportDialog::ExportDialog(QWidget *parent)
    : QDialog(parent)
    , m_streams(new QListWidget(this))
    , m_wholeButton(new QRadioButton(tr("&Whole capture"), this))
    , m_visibleButton(new QRadioButton(tr("&Visible chart range"), this))
    , m_formatCombo(new QComboBox(this))
    , m_pathEdit(new QLineEdit(this))
    , m_formatNote(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Export Events"));
    m_streams->setObjectName(QStringLiteral("exportStreamList"));
    m_streams->setToolTip(tr("The streams whose events are written"));
    m_wholeButton->setChecked(true);
    m_visibleButton->setEnabled(false);
    m_visibleButton->setToolTip(tr("Only the events received in the time range the charts show"));

    m_formatCombo->setObjectName(QStringLiteral("exportFormatCombo"));
    for (ExportJob::Format format : {ExportJob::Format::Jsonl, ExportJob::Format::Csv, ExportJob::Format::Sse}) {
        m_formatCombo->addItem(QStringLiteral("%1 (*.%2)").arg(ExportJob::formatName(format),
                                                              ExportJob::fileSuffix(format)),
                               QVariant::fromValue(format));
    }
    m_formatNote->setWordWrap(true);
    m_formatNote->setForegroundRole(QPalette::PlaceholderText);

    m_pathEdit->setObjectName(QStringLiteral("exportPathEdit"));
    auto *browseButton = new QPushButton(tr("&Browse\u2026"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_pathEdit, 1);
    pathRow->addWidget(browseButton);

    auto *rangeBox = new QVBoxLayout;
    rangeBox->addWidget(m_wholeButton);
    rangeBox->addWidget(m_visibleButton);

    auto *form = new QFormLayout;
    form->addRow(tr("&Streams:"), m_streams);
    form->addRow(tr("Range:"), rangeBox);
    form->addRow(tr("&Format:"), m_formatCombo);
    form->addRow(QString(), m_formatNote);
    form->addRow(tr("File:"), pathRow);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_formatCombo, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(m_streams, &QListWidget::itemChanged, this, &ExportDialog::updateOk);
    connect(m_pathEdit, &QLineEdit::textChanged, this, &ExportDialog::updateOk);
    formatChanged();
}

void ExportDialog::addStream(const QString &name, const QString &url, qsizetype eventCount)
{
    auto *item = new QListWidgetItem(tr("%1 (%2 events)").arg(name, QLocale().toString(eventCount)),
                                     m_streams);
    item->setData(UrlRole, url);
    item->setToolTip(url);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Checked);
    updateOk();
}

QStringList ExportDialog::selectedStreams() const
{
    QStringList urls;
    for (int row = 0; row < m_streams->count(); ++row) {
        const QListWidgetItem *item = m_streams->item(row);
        if (item->checkState() == Qt::Checked)
            urls.append(item->data(UrlRole).toString());
    }
    return urls;
}

void ExportDialog::setStreamSelected(const QString &url, bool selected)
{
    for (int row = 0; row < m_streams->count(); ++row) {
        QListWidgetItem *item = m_streams->item(row);
        if (item->data(UrlRole).toString() == url)
            item->setCheckState(selected ? Qt::Checked : Qt::Unchecked);
    }
}

void ExportDialog::setVisibleRange(qint64 fromMs, qint64 toMs)
{
    m_fromMs = fromMs;
    m_toMs = toMs;
    const bool valid = fromMs <= toMs;
    m_visibleButton->setEnabled(valid);
    m_visibleButton->setText(valid ? tr("&Visible chart range (%1)").arg(rangeText(fromMs, toMs))
                                   : tr("&Visible chart range"));
    if (!valid)
        m_wholeButton->setChecked(true);
}

bool ExportDialog::visibleRangeOnly() const
{
    return m_visibleButton->isEnabled() && m_visibleButton->isChecked();
}

void ExportDialog::setVisibleRangeOnly(bool only)
{
    (only && m_visibleButton->isEnabled() ? m_visibleButton : m_wholeButton)->setChecked(true);
}

ExportJob::Format ExportDialog::format() const
{
    return m_formatCombo->currentData().value<ExportJob::Format>();
}

void ExportDialog::setFormat(ExportJob::Format format)
{
    m_formatCombo->setCurrentIndex(m_formatCombo->findData(QVariant::fromValue(format)));
}

QString ExportDialog::filePath() const
{
    QString path = m_pathEdit->text().trimmed();
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
        path += u'.' + ExportJob::fileSuffix(format());
    return path;
}

void ExportDialog::setFilePath(const QString &path)
{
    m_pathEdit->setText(QDir::toNativeSeparators(path));
}

void ExportDialog::browse()
{
    const ExportJob::Format chosen = format();
    const QString filter = QStringLiteral("%1 (*.%2);;%3 (*)")
                               .arg(ExportJob::formatName(chosen), ExportJob::fileSuffix(chosen),
                                    tr("All files"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Events"), filePath(), filter);
    if (!path.isEmpty())
        setFilePath(path);
}

void ExportDialog::formatChanged()
{
    const ExportJob::Format chosen = format();
    switch (chosen) {
    case ExportJob::Format::Jsonl:
        m_formatNote->setText(tr("One JSON object per event, as <tt>eventscope record</tt> writes."));
        break;
    case ExportJob::Format::Csv:
        m_formatNote->setText(tr("RFC 4180 for spreadsheets: receive time, stream, type, ID, data, "
                                 "then one column per plotted field."));
        break;
    case ExportJob::Format::Sse:
        m_formatNote->setText(tr("Raw text/event-stream that replays as the same events."));
        break;
    }
    // Keep the file name's suffix in step with the format when it is one of ours.
    const QString text = m_pathEdit->text();
    const QFileInfo info(text);
    for (const auto format : {ExportJob::Format::Jsonl, ExportJob::Format::Csv, ExportJob::Format::Sse}) {
        if (!text.isEmpty() && format != chosen && info.suffix() == ExportJob::fileSuffix(format)) {
            m_pathEdit->setText(text.left(text.size() - info.suffix().size()) + ExportJob::fileSuffix(chosen));
            break;
        }
    }
}

void ExportDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!selectedStreams().isEmpty()
                                                        && !m_pathEdit->text().trimmed().isEmpty());
}
