#pragma once

#include "EventSourceOptions.h"

#include <QDialog>
#include <QList>
#include <QUrl>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

// Adds or edits one subscription: URL, name, request headers, reconnection settings.
//
// OK stays disabled while the URL or a header is unusable; the reason is shown under the field.
class SubscriptionDialog : public QDialog
{
    Q_OBJECT

public:
    enum HeaderColumn { HeaderNameColumn, HeaderValueColumn, HeaderSecretColumn };

    explicit SubscriptionDialog(QWidget *parent = nullptr);
    ~SubscriptionDialog() override;

    // Prefills every field, for editing; options the dialog does not show are kept.
    void setOptions(const EventSourceOptions &options, const QString &name = {});
    EventSourceOptions options() const;
    // What was typed, or StreamListModel::defaultName() of the URL.
    QString name() const;

    // URLs that are taken already (the subscription being edited excluded).
    void setTakenUrls(const QList<QUrl> &urls);

    // Empty when everything is usable.
    QString validationError() const;
    bool isValid() const { return validationError().isEmpty(); }

    QLineEdit *urlEdit() const { return m_urlEdit; }
    QLineEdit *nameEdit() const { return m_nameEdit; }
    QTableWidget *headerTable() const { return m_headerTable; }
    QComboBox *policyCombo() const { return m_policyCombo; }
    QSpinBox *reconnectionTimeSpin() const { return m_reconnectionTimeSpin; }
    QSpinBox *idleTimeoutSpin() const { return m_idleTimeoutSpin; }
    QPushButton *okButton() const;

    void addHeader(const QString &name = {}, const QString &value = {}, bool secret = false);
    void removeSelectedHeaders();

private:
    QString urlError() const;
    void validate();

    EventSourceOptions m_base;
    QList<QUrl> m_takenUrls;
    QLineEdit *m_urlEdit;
    QLabel *m_urlMessage;
    QLineEdit *m_nameEdit;
    QTableWidget *m_headerTable;
    QPushButton *m_removeHeaderButton;
    QComboBox *m_policyCombo;
    QSpinBox *m_reconnectionTimeSpin;
    QSpinBox *m_idleTimeoutSpin;
    QDialogButtonBox *m_buttons;
};
