#include "AlertRuleDialog.h"

#include "AlertRulesModel.h"
#include "Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStringListModel>
#include <QVBoxLayout>

AlertRuleDialog::AlertRuleDialog(Workspace *workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_textEdit(new QLineEdit(this))
    , m_errorLabel(new QLabel(this))
    , m_streamCombo(new QComboBox(this))
    , m_enabledBox(new QCheckBox(tr("&Enabled"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_completions(new QStringListModel(this))
{
    setWindowTitle(tr("Alert Rule"));

    m_textEdit->setObjectName(QStringLiteral("ruleTextEdit"));
    m_textEdit->setPlaceholderText(tr("e.g. /count > 3 for 10s"));
    m_textEdit->setClearButtonEnabled(true);
    m_textEdit->setMinimumWidth(m_textEdit->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 40);
    m_completer = new QCompleter(m_completions, this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_textEdit->setCompleter(m_completer);

    m_errorLabel->setObjectName(QStringLiteral("ruleErrorLabel"));
    m_errorLabel->setWordWrap(true);
    QPalette palette = m_errorLabel->palette();
    palette.setColor(QPalette::WindowText, QColor(0xd1, 0x34, 0x38));
    m_errorLabel->setPalette(palette);

    QStringList help;
    for (const QString &example : examples())
        help.append(QStringLiteral("<code>%1</code>").arg(example.toHtmlEscaped()));
    auto *helpLabel = new QLabel(
        tr("A field and a condition, optionally held for a while; or a condition of the "
           "connection. Durations: 500ms, 10s, 1.5m, 2h.<br>Examples: %1").arg(help.join(QStringLiteral(", "))),
        this);
    helpLabel->setObjectName(QStringLiteral("ruleHelpLabel"));
    helpLabel->setWordWrap(true);
    helpLabel->setTextFormat(Qt::RichText);
    helpLabel->setForegroundRole(QPalette::PlaceholderText);

    m_streamCombo->setObjectName(QStringLiteral("ruleStreamCombo"));
    m_streamCombo->addItem(AlertRulesModel::everyStreamText(), QVariant::fromValue(quint64(0)));
    for (const Stream *stream : workspace->streams())
        m_streamCombo->addItem(stream->name(), QVariant::fromValue(stream->id()));
    m_streamCombo->setToolTip(tr("The stream the rule watches; every stream has its own state"));

    m_enabledBox->setObjectName(QStringLiteral("ruleEnabledBox"));
    m_enabledBox->setChecked(true);
    m_enabledBox->setToolTip(tr("A disabled rule is kept but watches nothing"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Rule:"), m_textEdit);
    form->addRow(QString(), m_errorLabel);
    form->addRow(QString(), helpLabel);
    form->addRow(tr("&Stream:"), m_streamCombo);
    form->addRow(QString(), m_enabledBox);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_textEdit, &QLineEdit::textChanged, this, &AlertRuleDialog::validate);
    connect(m_streamCombo, &QComboBox::currentIndexChanged, this, &AlertRuleDialog::updateCompletions);
    updateCompletions();
    validate();
}

AlertRuleDialog::~AlertRuleDialog() = default;

QStringList AlertRuleDialog::examples()
{
    return {QStringLiteral("/count > 3"),
            QStringLiteral("/cpu/load[0] >= 0.9 for 10s"),
            QStringLiteral("/latency_ms outside 0..250"),
            QStringLiteral("stale 5s"),
            QStringLiteral("down 30s"),
            QStringLiteral("idreset"),
            QStringLiteral("reconnects > 3 in 5m")};
}

QPushButton *AlertRuleDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

WatchedRule AlertRuleDialog::rule() const
{
    return {m_textEdit->text().trimmed(), m_streamCombo->currentData().toULongLong(),
            m_enabledBox->isChecked()};
}

void AlertRuleDialog::setRule(const WatchedRule &rule)
{
    setWindowTitle(tr("Edit Alert Rule"));
    m_streamCombo->setCurrentIndex(streamIndex(rule.stream));
    m_enabledBox->setChecked(rule.enabled);
    m_textEdit->setText(rule.text);
}

int AlertRuleDialog::streamIndex(quint64 streamId)
{
    const int index = m_streamCombo->findData(QVariant::fromValue(streamId));
    if (index >= 0)
        return index;
    // A rule of a stream that has gone keeps its stream until the user picks another.
    m_streamCombo->addItem(tr("(removed stream)"), QVariant::fromValue(streamId));
    return m_streamCombo->count() - 1;
}

void AlertRuleDialog::validate()
{
    const QString text = m_textEdit->text().trimmed();
    QString error;
    const bool valid = !text.isEmpty() && AlertRule::parse(text, &error).has_value();
    // An empty text is not wrong yet, only unfinished.
    m_errorLabel->setText(valid || text.isEmpty() ? QString() : error);
    m_errorLabel->setVisible(!m_errorLabel->text().isEmpty());
    okButton()->setEnabled(valid);
}

QStringList AlertRuleDialog::completions() const
{
    return m_completions->stringList();
}

void AlertRuleDialog::updateCompletions()
{
    const quint64 id = m_streamCombo->currentData().toULongLong();
    QStringList keys;
    for (const Stream *stream : m_workspace->streams()) {
        if (id != 0 && stream->id() != id)
            continue;
        for (const QString &key : stream->fields()->fieldPaths()) {
            if (!keys.contains(key))
                keys.append(key);
        }
    }
    keys.sort();
    keys += {QStringLiteral("stale "), QStringLiteral("down "), QStringLiteral("idreset"),
             QStringLiteral("reconnects > ")};
    m_completions->setStringList(keys);
}
