#pragma once

#include "WorkspaceAlerts.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QCompleter;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStringListModel;
class Workspace;

// Adds or edits one alert rule: its text (checked as it is typed, with the field keys of the
// chosen stream to complete), the stream it watches, and whether it is enabled. OK stays disabled
// while the text does not parse; the parser's message is shown under the text.
class AlertRuleDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AlertRuleDialog(Workspace *workspace, QWidget *parent = nullptr);
    ~AlertRuleDialog() override;

    WatchedRule rule() const;
    void setRule(const WatchedRule &rule);

    QLineEdit *textEdit() const { return m_textEdit; }
    QComboBox *streamCombo() const { return m_streamCombo; }
    QCheckBox *enabledBox() const { return m_enabledBox; }
    QLabel *errorLabel() const { return m_errorLabel; }
    QPushButton *okButton() const;
    QCompleter *completer() const { return m_completer; }
    // What the completer offers: the field keys of the chosen stream (of every stream for "Every
    // stream"), then the rule keywords.
    QStringList completions() const;

    static QStringList examples();

private:
    void validate();
    void updateCompletions();
    int streamIndex(quint64 streamId);

    Workspace *m_workspace;
    QLineEdit *m_textEdit;
    QLabel *m_errorLabel;
    QComboBox *m_streamCombo;
    QCheckBox *m_enabledBox;
    QDialogButtonBox *m_buttons;
    QCompleter *m_completer;
    QStringListModel *m_completions;
};
