#pragma once

#include <QString>
#include <QWidget>

// One line of text that elides in the middle rather than pushing its neighbours away.
class ReadoutLabel : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    void setText(const QString &text);
    QString text() const { return m_text; }
    void clear() { setText(QString()); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
};
