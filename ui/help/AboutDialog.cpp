#include "AboutDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

const QString IconPath = QStringLiteral(":/icons/eventscope.svg");
constexpr int IconSize = 64;

// The application's icon; without the resource (a test, a build without it) the window's, or none.
QIcon applicationIcon()
{
    if (QFile::exists(IconPath)) {
        const QIcon icon(IconPath);
        if (!icon.pixmap(IconSize).isNull())
            return icon;
    }
    return QApplication::windowIcon();
}

} // namespace

QUrl AboutDialog::homepage()
{
    return QUrl(QStringLiteral("https://github.com/eventscope/eventscope"));
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_textLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About EventScope"));

    auto *iconLabel = new QLabel(this);
    iconLabel->setObjectName(QStringLiteral("aboutIcon"));
    const QPixmap pixmap = applicationIcon().pixmap(IconSize);
    if (pixmap.isNull())
        iconLabel->hide();
    else
        iconLabel->setPixmap(pixmap);
    iconLabel->setAlignment(Qt::AlignTop | Qt::AlignHCenter);

    QString version = QCoreApplication::applicationVersion();
    if (version.isEmpty())
        version = tr("(unknown)");
    const QString link = homepage().toString();
    m_textLabel->setObjectName(QStringLiteral("aboutText"));
    m_textLabel->setTextFormat(Qt::RichText);
    m_textLabel->setWordWrap(true);
    m_textLabel->setOpenExternalLinks(true);
    m_textLabel->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_textLabel->setText(
        tr("<h2>EventScope</h2>"
           "<p>Version %1</p>"
           "<p>A desktop dashboard for Server-Sent Events: live charts of what the "
           "streams carry, their connections at a glance, and exports of what was captured.</p>"
           "<p>Running on Qt %2 (built with Qt %3).</p>"
           "<p>Copyright \u00A9 2026 The EventScope developers. EventScope is free software under the MIT "
           "licence. Qt is used under the terms of the GNU LGPL version 3 (or the GPL).</p>"
           "<p><a href=\"%4\">%4</a></p>")
            .arg(version.toHtmlEscaped(), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR), link));
    // Wide enough that the paragraphs read as lines, not as a column of words.
    m_textLabel->setMinimumWidth(fontMetrics().averageCharWidth() * 60);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *row = new QHBoxLayout;
    row->setSpacing(16);
    row->addWidget(iconLabel);
    row->addWidget(m_textLabel, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetFixedSize);
}

QString AboutDialog::text() const
{
    return m_textLabel->text();
}
