#pragma once

#include <QDialog>
#include <QUrl>

class QLabel;

// Help ▸ About EventScope: the name and icon, the version, the Qt it runs on and was built with,
// the licence and the project's homepage.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    static QUrl homepage();
    // The text shown, as rich text.
    QString text() const;

private:
    QLabel *m_textLabel;
};
