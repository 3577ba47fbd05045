#include "CertificateTrustDialog.h"

#include "CertificatePin.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

QString names(const QSslCertificate &certificate, bool issuer)
{
    const QStringList parts = issuer ? certificate.issuerInfo(QSslCertificate::CommonName)
                                     : certificate.subjectInfo(QSslCertificate::CommonName);
    QStringList organisation = issuer ? certificate.issuerInfo(QSslCertificate::Organization)
                                      : certificate.subjectInfo(QSslCertificate::Organization);
    QString text = parts.join(QStringLiteral(", "));
    if (!organisation.isEmpty())
        text += QStringLiteral(" (%1)").arg(organisation.join(QStringLiteral(", ")));
    return text.isEmpty() ? QObject::tr("(none given)") : text;
}

QLabel *selectable(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    return label;
}

} // namespace

CertificateTrustDialog::CertificateTrustDialog(const QString &streamName, const QSslCertificate &certificate,
                                               const QString &reason, QWidget *parent)
    : QDialog(parent)
    , m_certificate(certificate)
{
    setObjectName(QStringLiteral("certificateTrustDialog"));
    setWindowTitle(tr("Trust Certificate"));

    auto *intro = new QLabel(tr("The server of <b>%1</b> offered a certificate that could not be verified:")
                                 .arg(streamName.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    // The fingerprint has a row of its own.
    QString shortReason = reason;
    const qsizetype fingerprintAt = shortReason.indexOf(QStringLiteral(" (certificate SHA-256 "));
    if (fingerprintAt >= 0)
        shortReason.truncate(fingerprintAt);
    auto *why = selectable(shortReason, this);
    why->setObjectName(QStringLiteral("certificateReason"));

    const QLocale locale;
    auto *form = new QFormLayout;
    form->addRow(tr("Issued to:"), selectable(names(certificate, false), this));
    form->addRow(tr("Issued by:"), selectable(names(certificate, true), this));
    form->addRow(tr("Valid:"), selectable(tr("%1 to %2").arg(locale.toString(certificate.effectiveDate().toLocalTime(), QLocale::ShortFormat),
                                                           locale.toString(certificate.expiryDate().toLocalTime(), QLocale::ShortFormat)),
                                        this));
    QLabel *fingerprint = selectable(CertificatePin::displayText(certificate), this);
    fingerprint->setObjectName(QStringLiteral("certificateFingerprint"));
    fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    fingerprint->setToolTip(tr("Compare it with the fingerprint the server's administrator gives you, "
                               "e.g. from `openssl x509 -noout -fingerprint -sha256 -in cert.pem`"));
    form->addRow(tr("SHA-256:"), fingerprint);

    auto *consequence = new QLabel(tr("Trusting it lets this subscription connect while the server presents "
                                      "exactly this certificate. Verification stays on for every other "
                                      "certificate and every other stream; Edit Stream lists and forgets "
                                      "trusted certificates."),
                                   this);
    consequence->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    m_trustButton = buttons->addButton(tr("&Trust This Certificate"), QDialogButtonBox::AcceptRole);
    m_trustButton->setObjectName(QStringLiteral("trustCertificateButton"));
    m_trustButton->setAutoDefault(false);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setDefault(true);
    cancel->setFocus();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(why);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addWidget(consequence);
    layout->addStretch(1); // any height beyond the labels' goes above the buttons
    layout->addWidget(buttons);
    // Wrapped labels need their height for this width, not for their one-line hint.
    constexpr int Width = 620;
    resize(Width, layout->hasHeightForWidth() ? layout->totalHeightForWidth(Width) : sizeHint().height());
}

QByteArray CertificateTrustDialog::pin() const
{
    return CertificatePin::fingerprint(m_certificate);
}
