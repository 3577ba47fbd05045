#include "MarkerOverlay.h"

#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsLineItem>
#include <QGraphicsSimpleTextItem>
#include <QPen>

#include <algorithm>
#include <cmath>

namespace {

// Above the outage bands and the grid, below the hover crosshair.
constexpr double MarkerZValue = 6;
constexpr double LabelGap = 3;
constexpr double MaximumLabelWidth = 160;
constexpr double MinimumLabelWidth = 14;

} // namespace

MarkerOverlay::MarkerOverlay(QChart *chart)
    : m_chart(chart)
    , m_lineColor(0, 0, 0, 120)
    , m_textColor(Qt::black)
{
}

void MarkerOverlay::setMarkers(const QList<ChartMarker> &markers)
{
    m_markers = markers;
    std::stable_sort(m_markers.begin(), m_markers.end(),
                     [](const ChartMarker &a, const ChartMarker &b) { return a.timeMs < b.timeMs; });
}

void MarkerOverlay::setFont(const QFont &font)
{
    m_font = font;
    for (const Item &item : m_items)
        item.text->setFont(font);
}

void MarkerOverlay::setColors(const QColor &line, const QColor &text)
{
    m_lineColor = line;
    m_textColor = text;
    for (const Item &item : m_items) {
        item.line->setPen(QPen(line, 0, Qt::DashLine));
        item.text->setBrush(text);
    }
}

void MarkerOverlay::layout(qint64 fromMs, qint64 toMs, const QRectF &plotArea)
{
    struct Placed
    {
        double x;
        QString label;
    };
    std::vector<Placed> placed;
    if (toMs > fromMs && plotArea.width() >= 1) {
        const auto first = std::lower_bound(m_markers.cbegin(), m_markers.cend(), fromMs,
                                            [](const ChartMarker &m, qint64 t) { return m.timeMs < t; });
        for (auto it = first; it != m_markers.cend() && it->timeMs <= toMs; ++it) {
            const double fraction = double(it->timeMs - fromMs) / double(toMs - fromMs);
            const double x = std::floor(plotArea.left() + fraction * plotArea.width()) + 0.5;
            if (!placed.empty() && std::abs(placed.back().x - x) < 1)
                continue;
            placed.push_back({x, it->label});
            if (placed.size() == size_t(MaximumLines))
                break;
        }
    }

    while (m_items.size() < placed.size()) {
        Item item;
        item.line = new QGraphicsLineItem(m_chart);
        item.line->setZValue(MarkerZValue);
        item.line->setPen(QPen(m_lineColor, 0, Qt::DashLine));
        item.text = new QGraphicsSimpleTextItem(m_chart);
        item.text->setZValue(MarkerZValue);
        item.text->setFont(m_font);
        item.text->setBrush(m_textColor);
        m_items.push_back(item);
    }
    const QFontMetricsF metrics(m_font);
    for (size_t i = 0; i < m_items.size(); ++i) {
        const Item &item = m_items[i];
        if (i >= placed.size()) {
            item.line->hide();
            item.text->hide();
            continue;
        }
        const double x = placed[i].x;
        item.line->setLine(x, plotArea.top(), x, plotArea.bottom());
        item.line->show();
        const double next = i + 1 < placed.size() ? placed[i + 1].x : plotArea.right();
        const double room = std::min(MaximumLabelWidth, next - x - 2 * LabelGap);
        const QString text = room >= MinimumLabelWidth
            ? metrics.elidedText(placed[i].label, Qt::ElideRight, room)
            : QString();
        item.text->setText(text);
        item.text->setPos(x + LabelGap, plotArea.top() + 1);
        item.text->setVisible(!text.isEmpty());
    }
}

QList<QRectF> MarkerOverlay::lines() const
{
    QList<QRectF> list;
    for (const Item &item : m_items) {
        if (!item.line->isVisible())
            continue;
        const QLineF line = item.line->line();
        list.append(QRectF(line.x1() - 0.5, line.y1(), 1, line.y2() - line.y1()));
    }
    return list;
}

QStringList MarkerOverlay::labels() const
{
    QStringList list;
    for (const Item &item : m_items) {
        if (item.line->isVisible())
            list.append(item.text->isVisible() ? item.text->text() : QString());
    }
    return list;
}
