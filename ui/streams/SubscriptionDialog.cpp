#include "SubscriptionDialog.h"

#include "CertificatePin.h"
#include "FetchRequest.h"
#include "RequestEditor.h"
#include "StreamUrl.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace {

constexpr int MaxTimeMs = 3600 * 1000;

QString headerError(const QString &name, const QString &value)
{
    if (name.isEmpty())
        return SubscriptionDialog::tr("A header with the value \"%1\" has no name.").arg(value);
    // Beyond Latin-1 toLatin1() gives '?', which is no token character either.
    if (!FetchRequest::isToken(name.toLatin1()))
        return SubscriptionDialog::tr("\"%1\" is not a valid header name.").arg(name);
    for (QChar c : value) {
        if (c == u'\r' || c == u'\n' || c == QChar(0))
            return SubscriptionDialog::tr("The value of %1 contains a line break.").arg(name);
    }
    return {};
}

} // namespace

SubscriptionDialog::SubscriptionDialog(QWidget *parent)
    : QDialog(parent)
    , m_urlEdit(new QLineEdit(this))
    , m_urlMessage(new QLabel(this))
    , m_nameEdit(new QLineEdit(this))
    , m_headerTable(new QTableWidget(0, 3, this))
    , m_removeHeaderButton(new QPushButton(tr("&Remove"), this))
    , m_request(new RequestEditor(this))
    , m_policyCombo(new QComboBox(this))
    , m_reconnectionTimeSpin(new QSpinBox(this))
    , m_maxBackoffSpin(new QSpinBox(this))
    , m_idleTimeoutSpin(new QSpinBox(this))
    , m_headerTimeoutSpin(new QSpinBox(this))
    , m_compressionCheck(new QCheckBox(tr("Allow the server to &compress the stream"), this))
    , m_pinsLabel(new QLabel(this))
    , m_forgetPinsButton(new QPushButton(tr("&Forget"), this))
    , m_pinsRow(new QWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add Stream"));

    m_urlEdit->setPlaceholderText(QStringLiteral("http://127.0.0.1:8080/events"));
    m_urlEdit->setClearButtonEnabled(true);
    m_urlMessage->setObjectName(QStringLiteral("urlMessage"));
    m_urlMessage->setWordWrap(true);

    m_headerTable->setHorizontalHeaderLabels({tr("Name"), tr("Value"), tr("Secret")});
    m_headerTable->horizontalHeaderItem(HeaderSecretColumn)
        ->setToolTip(tr("Secret headers are not sent when a redirect leads to another origin.\n"
                        "Authorization and Cookie are always treated so."));
    m_headerTable->horizontalHeader()->setSectionResizeMode(HeaderValueColumn, QHeaderView::Stretch);
    m_headerTable->verticalHeader()->hide();
    m_headerTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto *addHeaderButton = new QPushButton(tr("&Add Header"), this);
    connect(addHeaderButton, &QPushButton::clicked, this, [this] {
        addHeader();
        m_headerTable->setCurrentCell(m_headerTable->rowCount() - 1, HeaderNameColumn);
        m_headerTable->editItem(m_headerTable->currentItem());
    });
    connect(m_removeHeaderButton, &QPushButton::clicked, this,
            &SubscriptionDialog::removeSelectedHeaders);
    connect(m_headerTable, &QTableWidget::itemChanged, this, &SubscriptionDialog::validate);
    connect(m_headerTable, &QTableWidget::itemSelectionChanged, this, [this] {
        m_removeHeaderButton->setEnabled(!m_headerTable->selectedItems().isEmpty());
    });
    m_removeHeaderButton->setEnabled(false);

    auto *headerButtons = new QVBoxLayout;
    headerButtons->addWidget(addHeaderButton);
    headerButtons->addWidget(m_removeHeaderButton);
    headerButtons->addStretch();
    auto *headerLayout = new QHBoxLayout;
    headerLayout->addWidget(m_headerTable, 1);
    headerLayout->addLayout(headerButtons);

    m_policyCombo->addItem(tr("Resilient"), int(ReconnectMode::Resilient));
    m_policyCombo->setItemData(
        0,
        tr("Retries network errors, 5xx, 408 and 429 with exponential backoff,\n"
           "honouring Retry-After; what a monitoring dashboard wants."),
        Qt::ToolTipRole);
    m_policyCombo->addItem(tr("Strict (browser)"), int(ReconnectMode::Strict));
    m_policyCombo->setItemData(
        1,
        tr("Exactly a browser's EventSource: network errors are retried after the\n"
           "reconnection time, any response but 200 text/event-stream fails."),
        Qt::ToolTipRole);
    connect(m_policyCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_policyCombo->setToolTip(m_policyCombo->itemData(index, Qt::ToolTipRole).toString());
    });

    m_reconnectionTimeSpin->setRange(0, MaxTimeMs);
    m_reconnectionTimeSpin->setSingleStep(500);
    m_reconnectionTimeSpin->setSuffix(tr(" ms"));
    m_reconnectionTimeSpin->setToolTip(
        tr("Wait before reconnecting, until the server sends a retry: field."));
    m_maxBackoffSpin->setObjectName(QStringLiteral("maxBackoffSpin"));
    m_maxBackoffSpin->setRange(1, MaxTimeMs);
    m_maxBackoffSpin->setSingleStep(5000);
    m_maxBackoffSpin->setGroupSeparatorShown(true);
    m_maxBackoffSpin->setSuffix(tr(" ms"));
    m_maxBackoffSpin->setToolTip(
        tr("The longest wait between reconnection attempts (Resilient): the wait doubles from\n"
           "the reconnection time up to it, each one drawn between half and all of it, and a\n"
           "server's Retry-After is never cut short."));
    m_idleTimeoutSpin->setRange(0, MaxTimeMs);
    m_idleTimeoutSpin->setSingleStep(1000);
    m_idleTimeoutSpin->setSuffix(tr(" ms"));
    m_idleTimeoutSpin->setSpecialValueText(tr("Off"));
    m_idleTimeoutSpin->setToolTip(
        tr("Reconnect when nothing, not even a comment, arrives for this long. 0 turns it off."));

    m_compressionCheck->setObjectName(QStringLiteral("compressionCheck"));
    m_compressionCheck->setToolTip(
        tr("Off (the default): the request asks for Accept-Encoding: identity, because a compressor\n"
           "between the server and EventScope holds events back until its buffer fills. On: the\n"
           "encodings Qt decodes are offered (gzip, deflate, br, zstd), as browsers do."));

    m_headerTimeoutSpin->setObjectName(QStringLiteral("headerTimeoutSpin"));
    m_headerTimeoutSpin->setRange(0, MaxTimeMs);
    m_headerTimeoutSpin->setSingleStep(5000);
    m_headerTimeoutSpin->setGroupSeparatorShown(true);
    m_headerTimeoutSpin->setSuffix(tr(" ms"));
    m_headerTimeoutSpin->setSpecialValueText(tr("Off (wait for ever)"));
    m_headerTimeoutSpin->setToolTip(
        tr("Connect again when a server accepted the connection but sent no response headers for\n"
           "this long. 0 waits for ever, as a browser does."));

    auto *form = m_form = new QFormLayout;
    form->addRow(tr("&URL:"), m_urlEdit);
    form->addRow(QString(), m_urlMessage);
    form->addRow(tr("&Name:"), m_nameEdit);
    // A layout is no buddy: the label needs the table as one for its mnemonic.
    auto *headersLabel = new QLabel(tr("Request &headers:"), this);
    headersLabel->setBuddy(m_headerTable);
    form->addRow(headersLabel, headerLayout);
    form->addRow(tr("Re&quest:"), m_request);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(m_request)))
        label->setBuddy(m_request->methodCombo());
    form->addRow(tr("Reconnection &policy:"), m_policyCombo);
    form->addRow(tr("Reconnection &time:"), m_reconnectionTimeSpin);
    form->addRow(tr("Longest &wait:"), m_maxBackoffSpin);
    form->addRow(tr("&Idle timeout:"), m_idleTimeoutSpin);
    form->addRow(tr("Hea&der timeout:"), m_headerTimeoutSpin);
    form->addRow(QString(), m_compressionCheck);
    m_pinsLabel->setObjectName(QStringLiteral("trustedCertificatesLabel"));
    m_pinsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pinsLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_forgetPinsButton->setObjectName(QStringLiteral("forgetCertificatesButton"));
    m_forgetPinsButton->setToolTip(tr("Stop trusting these certificates: the stream verifies its server's "
                                      "certificate as usual again"));
    connect(m_forgetPinsButton, &QPushButton::clicked, this, [this] {
        m_pins.clear();
        showPins();
    });
    auto *pinsLayout = new QHBoxLayout(m_pinsRow);
    pinsLayout->setContentsMargins(0, 0, 0, 0);
    pinsLayout->addWidget(m_pinsLabel, 1);
    pinsLayout->addWidget(m_forgetPinsButton, 0, Qt::AlignTop);
    form->addRow(tr("Trusted certificates:"), m_pinsRow);
    m_pinsRow->setToolTip(tr("SHA-256 fingerprints of certificates trusted for this stream despite "
                             "verification errors (Stream \u25b8 Trust Certificate\u2026)"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_urlEdit, &QLineEdit::textChanged, this, &SubscriptionDialog::urlTextChanged);
    connect(m_urlEdit, &QLineEdit::textEdited, this, &SubscriptionDialog::urlTextEdited);
    connect(m_request, &RequestEditor::changed, this, &SubscriptionDialog::validate);
    connect(m_nameEdit, &QLineEdit::textEdited, this,
            [this](const QString &text) { m_nameFollowsUrl = text.trimmed().isEmpty(); });

    setOptions(EventSourceOptions());
    resize(560, 560);
}

SubscriptionDialog::~SubscriptionDialog() = default;

QPushButton *SubscriptionDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QColor SubscriptionDialog::errorColor()
{
    return QColor(0xd1, 0x34, 0x38);
}

void SubscriptionDialog::setOptions(const EventSourceOptions &options, const QString &name)
{
    m_base = options;
    m_nameFollowsUrl =
        name.isEmpty() || (options.url.isValid() && name == StreamUrl::defaultName(options.url));
    m_nameEdit->setText(name);
    m_urlEdit->setText(options.url.isEmpty() ? QStringLiteral("http://") : options.url.toString());
    m_headerTable->setRowCount(0);
    for (const HttpHeader &header : options.headers) {
        bool secret = false;
        for (const QByteArray &secretName : options.secretHeaderNames)
            secret = secret || secretName.compare(header.first, Qt::CaseInsensitive) == 0;
        addHeader(QString::fromLatin1(header.first), QString::fromUtf8(header.second), secret);
    }
    m_policyCombo->setCurrentIndex(m_policyCombo->findData(int(options.reconnectMode)));
    m_policyCombo->setToolTip(m_policyCombo->currentData(Qt::ToolTipRole).toString());
    m_reconnectionTimeSpin->setValue(options.reconnectionTimeMs);
    m_maxBackoffSpin->setValue(options.maxBackoffMs);
    m_idleTimeoutSpin->setValue(options.idleTimeoutMs);
    m_headerTimeoutSpin->setValue(options.headerTimeoutMs);
    m_compressionCheck->setChecked(options.allowCompression);
    m_request->setRequest(options.method, options.body, options.secretBody);
    m_pins = options.pinnedCertificates;
    showPins();
    validate();
}

void SubscriptionDialog::showPins()
{
    QStringList shown;
    for (const QByteArray &pin : std::as_const(m_pins))
        shown.append(CertificatePin::displayText(pin));
    m_pinsLabel->setText(shown.join(u'\n'));
    m_form->setRowVisible(m_pinsRow, !m_pins.isEmpty());
}

EventSourceOptions SubscriptionDialog::options() const
{
    EventSourceOptions options = m_base;
    options.url = StreamUrl::fromUserInput(m_urlEdit->text());
    options.headers.clear();
    options.secretHeaderNames.clear();
    for (int row = 0; row < m_headerTable->rowCount(); ++row) {
        const QTableWidgetItem *nameItem = m_headerTable->item(row, HeaderNameColumn);
        const QTableWidgetItem *valueItem = m_headerTable->item(row, HeaderValueColumn);
        const QTableWidgetItem *secretItem = m_headerTable->item(row, HeaderSecretColumn);
        const QString name = nameItem ? nameItem->text().trimmed() : QString();
        const QString value = valueItem ? valueItem->text().trimmed() : QString();
        if (name.isEmpty())
            continue;
        options.headers.append({name.toLatin1(), value.toUtf8()});
        if (secretItem && secretItem->checkState() == Qt::Checked
            && !options.secretHeaderNames.contains(name.toLatin1()))
            options.secretHeaderNames.append(name.toLatin1());
    }
    options.reconnectMode = ReconnectMode(m_policyCombo->currentData().toInt());
    options.reconnectionTimeMs = m_reconnectionTimeSpin->value();
    options.maxBackoffMs = m_maxBackoffSpin->value();
    options.idleTimeoutMs = m_idleTimeoutSpin->value();
    options.headerTimeoutMs = m_headerTimeoutSpin->value();
    options.allowCompression = m_compressionCheck->isChecked();
    options.pinnedCertificates = m_pins;
    options.method = m_request->method();
    options.body = m_request->body();
    options.secretBody = m_request->isBodySecret() && !options.body.isEmpty();
    return options;
}

QString SubscriptionDialog::name() const
{
    const QString typed = m_nameEdit->text().trimmed();
    if (!typed.isEmpty())
        return typed;
    const QUrl url = StreamUrl::fromUserInput(m_urlEdit->text());
    return url.isValid() ? StreamUrl::defaultName(url) : QString();
}

void SubscriptionDialog::setTakenUrls(const QList<QUrl> &urls)
{
    m_takenUrls = urls;
    validate();
}

QString SubscriptionDialog::urlError() const
{
    QString error;
    const QUrl url = StreamUrl::fromUserInput(m_urlEdit->text(), &error);
    if (!url.isValid())
        return error;
    for (const QUrl &taken : m_takenUrls) {
        if (taken.toDisplayString() == url.toDisplayString())
            return tr("Already subscribed to %1.").arg(url.toDisplayString());
    }
    return {};
}

QString SubscriptionDialog::validationError() const
{
    const QString error = urlError();
    if (!error.isEmpty())
        return error;
    for (int row = 0; row < m_headerTable->rowCount(); ++row) {
        const QTableWidgetItem *nameItem = m_headerTable->item(row, HeaderNameColumn);
        const QTableWidgetItem *valueItem = m_headerTable->item(row, HeaderValueColumn);
        const QString name = nameItem ? nameItem->text().trimmed() : QString();
        const QString value = valueItem ? valueItem->text().trimmed() : QString();
        if (name.isEmpty() && value.isEmpty())
            continue;
        const QString headerProblem = headerError(name, value);
        if (!headerProblem.isEmpty())
            return headerProblem;
    }
    return m_request->validationError();
}

void SubscriptionDialog::addHeader(const QString &name, const QString &value, bool secret)
{
    const QSignalBlocker blocker(m_headerTable);
    const int row = m_headerTable->rowCount();
    m_headerTable->insertRow(row);
    m_headerTable->setItem(row, HeaderNameColumn, new QTableWidgetItem(name));
    m_headerTable->setItem(row, HeaderValueColumn, new QTableWidgetItem(value));
    auto *secretItem = new QTableWidgetItem;
    secretItem->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    secretItem->setCheckState(secret ? Qt::Checked : Qt::Unchecked);
    secretItem->setToolTip(m_headerTable->horizontalHeaderItem(HeaderSecretColumn)->toolTip());
    m_headerTable->setItem(row, HeaderSecretColumn, secretItem);
    validate();
}

void SubscriptionDialog::removeSelectedHeaders()
{
    QList<int> rows;
    for (const QTableWidgetItem *item : m_headerTable->selectedItems()) {
        if (!rows.contains(item->row()))
            rows.append(item->row());
    }
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (int row : std::as_const(rows))
        m_headerTable->removeRow(row);
    validate();
}

void SubscriptionDialog::urlTextChanged(const QString &text)
{
    m_urlTextBefore = m_urlText;
    m_urlText = text;
    validate();
}

void SubscriptionDialog::urlTextEdited(const QString &text)
{
    // textChanged may have come first: then m_urlText is this text already.
    const QString before = m_urlText == text ? m_urlTextBefore : m_urlText;
    QString fixed = text;
    if (StreamUrl::isBareScheme(before)) {
        // Text typed or pasted into the prefilled scheme, wherever the cursor was: when it is a
        // whole URL, it replaces the prefill.
        const int cursor = m_urlEdit->cursorPosition();
        const qsizetype length = text.size() - before.size();
        const qsizetype start = cursor - length;
        if (length > 0 && start >= 0 && text.left(start) + text.mid(cursor) == before) {
            const QString inserted = text.mid(start, length).trimmed();
            if (inserted.contains(QStringLiteral("://")))
                fixed = inserted;
        }
    }
    fixed = StreamUrl::withoutRepeatedScheme(fixed);
    if (fixed != text) {
        m_urlEdit->setText(fixed);
        m_urlEdit->setCursorPosition(int(fixed.size()));
    }
}

void SubscriptionDialog::validate()
{
    const QString error = validationError();
    const QString urlProblem = urlError();
    const QUrl url = StreamUrl::fromUserInput(m_urlEdit->text());
    // Nothing entered yet is no mistake: the message says what to enter, without the alarm.
    const bool hint = m_urlEdit->text().trimmed().isEmpty() || StreamUrl::isBareScheme(m_urlEdit->text());
    m_urlEdit->setStyleSheet(!urlProblem.isEmpty() && !hint
                                 ? QStringLiteral("QLineEdit { border: 1px solid #d13438; }")
                                 : QString());
    QPalette messagePalette = palette();
    messagePalette.setColor(QPalette::WindowText,
                            hint ? palette().color(QPalette::PlaceholderText) : errorColor());
    m_urlMessage->setPalette(messagePalette);
    m_urlMessage->setText(error);
    m_urlMessage->setVisible(!error.isEmpty());

    const QString defaultName = url.isValid() ? StreamUrl::defaultName(url) : QString();
    m_nameEdit->setPlaceholderText(defaultName);
    if (m_nameFollowsUrl && m_nameEdit->text() != defaultName)
        m_nameEdit->setText(defaultName);
    okButton()->setEnabled(error.isEmpty());
}
