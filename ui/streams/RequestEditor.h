#pragma once

#include <QByteArray>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QPlainTextEdit;
class QPushButton;

// The method and body of a subscription's request: GET by default; POST, PUT, PATCH, REPORT or
// any token typed in; a body typed or loaded from a file (sent again, unchanged, with every
// reconnection), which can be marked secret so that sessions keep it out of their files.
class RequestEditor : public QWidget
{
    Q_OBJECT

public:
    explicit RequestEditor(QWidget *parent = nullptr);

    void setRequest(const QByteArray &method, const QByteArray &body, bool bodySecret);
    QByteArray method() const; // as typed, trimmed; GET when empty
    QByteArray body() const;   // UTF-8
    bool isBodySecret() const;
    // Empty when the request can be sent.
    QString validationError() const;

    // Replaces the body with the file's contents; false (and the reason) when it cannot be read.
    bool loadBody(const QString &path, QString *error = nullptr);

    QComboBox *methodCombo() const { return m_method; }
    QPlainTextEdit *bodyEdit() const { return m_body; }
    QCheckBox *secretCheck() const { return m_secret; }
    QPushButton *loadButton() const { return m_load; }

Q_SIGNALS:
    void changed();

private:
    void updateBodyState();

    QComboBox *m_method;
    QPlainTextEdit *m_body;
    QCheckBox *m_secret;
    QPushButton *m_load;
};
