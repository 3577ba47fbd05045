#include "ReadoutLabel.h"

#include <QPainter>

void ReadoutLabel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    update();
}

QSize ReadoutLabel::sizeHint() const
{
    return {fontMetrics().averageCharWidth() * 40, fontMetrics().height()};
}

QSize ReadoutLabel::minimumSizeHint() const
{
    return {0, fontMetrics().height()};
}

void ReadoutLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(rect(), Qt::AlignLeft | Qt::AlignVCenter,
                     fontMetrics().elidedText(m_text, Qt::ElideMiddle, width()));
}
