#include "RequestEditor.h"

#include "FetchRequest.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>


namespace {

bool takesNoBody(const QByteArray &method)
{
    const QByteArray normalized = FetchRequest::normalizedMethod(method);
    return normalized == "GET" || normalized == "HEAD";
}

} // namespace

RequestEditor::RequestEditor(QWidget *parent)
    : QWidget(parent)
    , m_method(new QComboBox(this))
    , m_body(new QPlainTextEdit(this))
    , m_secret(new QCheckBox(tr("&Secret"), this))
    , m_load(new QPushButton(tr("&Load\u2026"), this))
{
    m_method->setObjectName(QStringLiteral("methodCombo"));
    m_method->setEditable(true);
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                        QStringLiteral("PATCH"), QStringLiteral("REPORT")});
    m_method->setInsertPolicy(QComboBox::NoInsert);
    m_method->setToolTip(tr("The request method: GET for an EventSource; POST and others for streams\n"
                            "such as LLM APIs that take a request body. Any token can be typed."));
    m_body->setObjectName(QStringLiteral("bodyEdit"));
    m_body->setPlaceholderText(QStringLiteral(R"({"model": "...", "stream": true})"));
    m_body->setToolTip(tr("Sent again, unchanged, with every reconnection. Give its type with a\n"
                          "Content-Type header (application/json for JSON)."));
    m_body->setTabChangesFocus(true);
    m_body->setMaximumHeight(m_body->fontMetrics().lineSpacing() * 5);
    m_secret->setObjectName(QStringLiteral("bodySecretCheck"));
    m_secret->setToolTip(tr("A secret body (one that holds a key, say) is kept out of session files\n"
                            "unless File \u25B8 Store Secret Header Values in Sessions is on."));
    m_load->setObjectName(QStringLiteral("loadBodyButton"));
    m_load->setToolTip(tr("Read the body from a file"));

    auto *side = new QVBoxLayout;
    side->addWidget(m_load);
    side->addWidget(m_secret);
    side->addStretch();
    auto *bodyRow = new QHBoxLayout;
    bodyRow->addWidget(m_body, 1);
    bodyRow->addLayout(side);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *methodRow = new QHBoxLayout;
    methodRow->addWidget(m_method);
    methodRow->addStretch();
    layout->addLayout(methodRow);
    layout->addLayout(bodyRow);

    connect(m_method, &QComboBox::currentTextChanged, this, [this] {
        updateBodyState();
        Q_EMIT changed();
    });
    connect(m_body, &QPlainTextEdit::textChanged, this, [this] {
        updateBodyState();
        Q_EMIT changed();
    });
    connect(m_load, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Load Request Body"));
        QString error;
        if (!path.isEmpty() && !loadBody(path, &error))
            QMessageBox::warning(this, tr("Load Request Body"), error);
    });
    updateBodyState();
}

void RequestEditor::setRequest(const QByteArray &method, const QByteArray &body, bool bodySecret)
{
    m_method->setCurrentText(method.isEmpty() ? QStringLiteral("GET") : QString::fromLatin1(method));
    m_body->setPlainText(QString::fromUtf8(body));
    m_secret->setChecked(bodySecret);
    updateBodyState();
}

QByteArray RequestEditor::method() const
{
    const QByteArray typed = m_method->currentText().trimmed().toLatin1();
    return typed.isEmpty() ? QByteArrayLiteral("GET") : typed;
}

QByteArray RequestEditor::body() const
{
    return m_body->toPlainText().toUtf8();
}

bool RequestEditor::isBodySecret() const
{
    return m_secret->isChecked();
}

QString RequestEditor::validationError() const
{
    const QByteArray typed = method();
    const QString text = m_method->currentText().trimmed();
    if (!FetchRequest::isToken(typed) || text.toLatin1() != text.toUtf8())
        return tr("\"%1\" is not an HTTP method.").arg(text);
    if (FetchRequest::isForbiddenMethod(typed))
        return tr("%1 requests cannot be sent.").arg(text);
    if (!body().isEmpty() && takesNoBody(typed))
        return tr("A %1 request has no body: choose POST (or another method) or clear the body.")
            .arg(QString::fromLatin1(FetchRequest::normalizedMethod(typed)));
    return {};
}

bool RequestEditor::loadBody(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Could not read %1: %2").arg(path, file.errorString());
        return false;
    }
    m_body->setPlainText(QString::fromUtf8(file.readAll()));
    return true;
}

void RequestEditor::updateBodyState()
{
    // A body typed before the method changed stays visible (and the dialog says what is wrong).
    const bool bodyless = takesNoBody(method());
    m_body->setEnabled(!bodyless || !m_body->toPlainText().isEmpty());
    m_secret->setEnabled(!m_body->toPlainText().isEmpty());
}
