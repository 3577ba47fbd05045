#pragma once

#include "EventSourceOptions.h"

#include <QColor>
#include <QDialog>
#include <QList>
#include <QUrl>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class RequestEditor;
class QSpinBox;
class QTableWidget;

// Adds or edits one subscription: URL, name, request headers, method and body, reconnection settings,
// and the certificates trusted for it (listed, and forgotten on request).
//
// OK stays disabled while the URL or a header is unusable; the reason is shown under the URL at
// once, and while the URL field holds nothing but a scheme it says what to enter, as a hint rather
// than an alarm. A URL pasted into the prefilled "http://" replaces it. The name follows the URL
// (StreamUrl::defaultName()) until the user types one; clearing it makes it follow again.
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
    // What the name field holds, or StreamUrl::defaultName() of the URL when it is empty.
    QString name() const;
    // False once the user typed a name of their own.
    bool nameFollowsUrl() const { return m_nameFollowsUrl; }

    // URLs that are taken already (the subscription being edited excluded).
    void setTakenUrls(const QList<QUrl> &urls);

    // Empty when everything is usable.
    QString validationError() const;
    bool isValid() const { return validationError().isEmpty(); }

    QLineEdit *urlEdit() const { return m_urlEdit; }
    QLabel *messageLabel() const { return m_urlMessage; }
    QLineEdit *nameEdit() const { return m_nameEdit; }
    QTableWidget *headerTable() const { return m_headerTable; }
    QComboBox *policyCombo() const { return m_policyCombo; }
    QSpinBox *reconnectionTimeSpin() const { return m_reconnectionTimeSpin; }
    QSpinBox *idleTimeoutSpin() const { return m_idleTimeoutSpin; }
    QCheckBox *compressionCheck() const { return m_compressionCheck; }
    QSpinBox *headerTimeoutSpin() const { return m_headerTimeoutSpin; }
    QSpinBox *maxBackoffSpin() const { return m_maxBackoffSpin; }
    QLabel *trustedCertificatesLabel() const { return m_pinsLabel; }
    QPushButton *forgetCertificatesButton() const { return m_forgetPinsButton; }
    RequestEditor *requestEditor() const { return m_request; }
    QPushButton *okButton() const;

    void addHeader(const QString &name = {}, const QString &value = {}, bool secret = false);
    void removeSelectedHeaders();

    // The colour of an error under the URL; hints use the palette's.
    static QColor errorColor();

private:
    QString urlError() const;
    void validate();
    void urlTextChanged(const QString &text);
    void urlTextEdited(const QString &text);
    void showPins();

    EventSourceOptions m_base;
    QList<QUrl> m_takenUrls;
    QLineEdit *m_urlEdit;
    QLabel *m_urlMessage;
    QLineEdit *m_nameEdit;
    bool m_nameFollowsUrl = true;
    QString m_urlText;       // the URL field's text...
    QString m_urlTextBefore; // ...and what it was before its last change
    QTableWidget *m_headerTable;
    QPushButton *m_removeHeaderButton;
    RequestEditor *m_request;
    QComboBox *m_policyCombo;
    QSpinBox *m_reconnectionTimeSpin;
    QSpinBox *m_maxBackoffSpin;
    QSpinBox *m_idleTimeoutSpin;
    QSpinBox *m_headerTimeoutSpin;
    QCheckBox *m_compressionCheck;
    QList<QByteArray> m_pins; // certificates trusted despite errors, until forgotten here
    QLabel *m_pinsLabel;
    QPushButton *m_forgetPinsButton;
    QWidget *m_pinsRow;
    QFormLayout *m_form = nullptr;
    QDialogButtonBox *m_buttons;
};
