#include "HoverLabel.h"

#include <QBrush>
#include <QChart>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QPen>

#include <algorithm>

namespace {

constexpr double LabelZValue = 1002; // above the crosshair and the point marker
constexpr double Padding = 4;
constexpr double CursorGap = 12;

} // namespace

HoverLabel::HoverLabel(QChart *chart)
    : m_box(new QGraphicsRectItem(chart))
    , m_text(new QGraphicsSimpleTextItem(m_box))
{
    m_box->setZValue(LabelZValue);
    m_box->hide();
    m_text->setPos(Padding, Padding);
}

void HoverLabel::setFont(const QFont &font)
{
    m_text->setFont(font);
}

void HoverLabel::setColors(const QColor &text, const QColor &background, const QColor &border)
{
    m_text->setBrush(text);
    m_box->setBrush(background);
    m_box->setPen(QPen(border, 0));
}

void HoverLabel::show(const QStringList &lines, double x, const QRectF &plotArea)
{
    if (lines.isEmpty()) {
        hide();
        return;
    }
    m_lines = lines;
    m_text->setText(lines.join(QLatin1Char('\n')));
    const QRectF text = m_text->boundingRect();
    const QSizeF size(text.width() + 2 * Padding, text.height() + 2 * Padding);
    double left = x + CursorGap;
    if (left + size.width() > plotArea.right())
        left = x - CursorGap - size.width();
    left = std::max(left, plotArea.left());
    m_box->setRect(0, 0, size.width(), size.height());
    m_box->setPos(left, plotArea.top() + CursorGap);
    m_box->show();
}

void HoverLabel::hide()
{
    m_lines.clear();
    m_box->hide();
}

bool HoverLabel::isVisible() const
{
    return m_box->isVisible();
}

QStringList HoverLabel::lines() const
{
    return m_box->isVisible() ? m_lines : QStringList();
}

QRectF HoverLabel::rect() const
{
    return m_box->mapRectToParent(m_box->rect());
}
