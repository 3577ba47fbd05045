#include "StatTileWidget.h"

#include "DisplayTime.h"

#include <QDateTime>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace {

constexpr int Margin = 8;
constexpr int AccentWidth = 4;

QColor blend(const QColor &a, const QColor &b, double amount)
{
    const auto mix = [amount](int from, int to) { return int(std::lround(from + (to - from) * amount)); };
    return QColor(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()));
}

} // namespace

StatTileWidget::StatTileWidget(QWidget *parent)
    : QWidget(parent)
    , m_accent(0x4a, 0x7b, 0xd0)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void StatTileWidget::setState(const StatTileState &state)
{
    m_state = state;
    setToolTip(m_state.hasData() ? m_state.readoutText() : QString());
    update();
}

void StatTileWidget::setName(const QString &name)
{
    if (name == m_name)
        return;
    m_name = name;
    update();
}

void StatTileWidget::setFiring(bool firing)
{
    if (firing == m_firing)
        return;
    m_firing = firing;
    update();
}

void StatTileWidget::setDarkTheme(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    update();
}

void StatTileWidget::setAccentColor(const QColor &color)
{
    if (!color.isValid() || color == m_accent)
        return;
    m_accent = color;
    update();
}

QColor StatTileWidget::levelColor(StatTileState::Level level)
{
    switch (level) {
    case StatTileState::Level::Warning:
        return QColor(0xe3, 0x9b, 0x0b);
    case StatTileState::Level::Critical:
        return QColor(0xd1, 0x34, 0x38);
    case StatTileState::Level::Ok:
        break;
    }
    return QColor(0x2e, 0xa0, 0x4f);
}

QColor StatTileWidget::backgroundColor() const
{
    const QColor base = m_dark ? QColor(0x1e, 0x21, 0x26) : QColor(0xfb, 0xfb, 0xfb);
    if (!m_state.hasData() || m_state.level() == StatTileState::Level::Ok)
        return base;
    // A tint, so that the text stays readable in either theme.
    return blend(base, levelColor(m_state.level()), m_dark ? 0.35 : 0.25);
}

QColor StatTileWidget::textColor() const
{
    return m_dark ? QColor(0xee, 0xee, 0xee) : QColor(0x20, 0x20, 0x20);
}

QColor StatTileWidget::accentColor() const
{
    if (m_state.hasData() && m_state.level() != StatTileState::Level::Ok)
        return levelColor(m_state.level());
    return m_accent;
}

QRect StatTileWidget::nameRect() const
{
    const int left = AccentWidth + Margin;
    const int right = m_firing ? badgeRect().left() - Margin : width() - Margin;
    return QRect(left, Margin / 2, std::max(0, right - left), fontMetrics().height() + 2);
}

QRect StatTileWidget::badgeRect() const
{
    if (!m_firing)
        return {};
    QFont font = this->font();
    font.setBold(true);
    const QFontMetrics metrics(font);
    const int w = metrics.horizontalAdvance(tr("FIRING")) + 10;
    return QRect(width() - Margin - w, Margin / 2, w, metrics.height() + 2);
}

QRect StatTileWidget::sparklineRect() const
{
    const int top = height() * 2 / 3;
    return QRect(AccentWidth + Margin, top, std::max(1, width() - AccentWidth - 2 * Margin),
                 std::max(1, height() - top - Margin / 2));
}

QRect StatTileWidget::valueRect() const
{
    const int top = nameRect().bottom() + 1;
    return QRect(AccentWidth + Margin, top, std::max(1, width() - AccentWidth - 2 * Margin),
                 std::max(1, sparklineRect().top() - top));
}

QList<QPolygonF> StatTileWidget::sparklinePolylines() const
{
    QList<QPolygonF> lines;
    const QList<QPointF> &points = m_state.sparkline();
    if (points.isEmpty())
        return lines;
    const QRectF area = QRectF(sparklineRect()).adjusted(0, 2, 0, -2);
    const double span = double(m_state.sparkToMs() - m_state.sparkFromMs());
    // Halves, so that the span of values near ±DBL_MAX does not overflow.
    const double low = m_state.sparkMin() / 2;
    const double range = m_state.sparkMax() / 2 - low;
    QPolygonF current;
    for (const QPointF &point : points) {
        if (std::isnan(point.y())) {
            if (!current.isEmpty())
                lines.append(current);
            current.clear();
            continue;
        }
        const double fx = span > 0 ? (point.x() - double(m_state.sparkFromMs())) / span : 1.0;
        // A constant sits in the middle.
        const double fy = range > 0 ? (point.y() / 2 - low) / range : 0.5;
        current.append(QPointF(area.left() + fx * area.width(), area.bottom() - fy * area.height()));
    }
    if (!current.isEmpty())
        lines.append(current);
    return lines;
}

QSize StatTileWidget::sizeHint() const
{
    return QSize(220, 140);
}

QSize StatTileWidget::minimumSizeHint() const
{
    return QSize(100, 70);
}

void StatTileWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), backgroundColor());
    painter.fillRect(QRect(0, 0, AccentWidth, height()), accentColor());

    painter.setPen(textColor());
    painter.drawText(nameRect(), Qt::AlignLeft | Qt::AlignVCenter,
                     fontMetrics().elidedText(m_name, Qt::ElideRight, nameRect().width()));

    if (m_firing) {
        QFont font = painter.font();
        font.setBold(true);
        painter.save();
        painter.setFont(font);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(levelColor(StatTileState::Level::Critical));
        painter.drawRoundedRect(badgeRect(), 4, 4);
        painter.setPen(Qt::white);
        painter.drawText(badgeRect(), Qt::AlignCenter, tr("FIRING"));
        painter.restore();
    }

    paintValue(painter);

    painter.setRenderHint(QPainter::Antialiasing);
    QColor line = accentColor();
    if (m_state.isStale())
        line.setAlphaF(0.45f);
    painter.setPen(QPen(line, 1.5));
    for (const QPolygonF &polyline : sparklinePolylines()) {
        if (polyline.size() == 1)
            painter.drawPoint(polyline.first());
        else
            painter.drawPolyline(polyline);
    }
}

void StatTileWidget::paintValue(QPainter &painter)
{
    const QRect area = valueRect();
    if (!m_state.hasData()) {
        QColor dim = textColor();
        dim.setAlphaF(0.6f);
        painter.setPen(dim);
        painter.drawText(area, Qt::AlignCenter, m_state.text());
        return;
    }
    QColor color = textColor();
    if (m_state.isStale())
        color.setAlphaF(0.5f);

    // The number as large as fits beside its unit.
    QFont big = font();
    big.setBold(true);
    QFont small = font();
    const QString number = m_state.numberText();
    const QString unit = m_state.unitText();
    const QString note = m_state.isStale()
        ? tr("stale \u2014 last at %1").arg(DisplayTime::clockText(m_state.valueTimeMs(), DisplayTime::Precision::Seconds))
        : QString();
    const int noteHeight = note.isEmpty() ? 0 : fontMetrics().height();
    int pixelSize = std::max(8, area.height() - noteHeight - 4);
    for (; pixelSize > 8; pixelSize -= 2) {
        big.setPixelSize(pixelSize);
        small.setPixelSize(std::max(8, pixelSize / 2));
        const int needed = QFontMetrics(big).horizontalAdvance(number)
            + (unit.isEmpty() ? 0 : QFontMetrics(small).horizontalAdvance(QLatin1Char(' ') + unit));
        if (needed <= area.width())
            break;
    }
    big.setPixelSize(pixelSize);
    small.setPixelSize(std::max(8, pixelSize / 2));
    const QFontMetrics bigMetrics(big);
    const QFontMetrics smallMetrics(small);
    const int numberWidth = bigMetrics.horizontalAdvance(number);
    const int unitWidth = unit.isEmpty() ? 0 : smallMetrics.horizontalAdvance(QLatin1Char(' ') + unit);
    const int left = area.left() + std::max(0, (area.width() - numberWidth - unitWidth) / 2);
    const int baseline = area.top() + (area.height() - noteHeight + bigMetrics.ascent() - bigMetrics.descent()) / 2;

    painter.setPen(color);
    painter.setFont(big);
    painter.drawText(QPoint(left, baseline), number);
    if (!unit.isEmpty()) {
        painter.setFont(small);
        painter.drawText(QPoint(left + numberWidth, baseline), QLatin1Char(' ') + unit);
    }
    painter.setFont(font());
    if (!note.isEmpty())
        painter.drawText(QRect(area.left(), area.bottom() - noteHeight, area.width(), noteHeight), Qt::AlignCenter, note);
}
