#include "OutageShading.h"

#include <QChart>
#include <QGraphicsRectItem>
#include <QPen>

#include <algorithm>

namespace {

// Above the plot background, below the grid, axes and series of Qt Charts.
constexpr double BandZValue = 1.5;

} // namespace

OutageShading::OutageShading(QChart *chart)
    : m_chart(chart)
    , m_brush(QColor(255, 170, 0, 56))
{
}

void OutageShading::setSpans(const QList<std::pair<qint64, qint64>> &spans)
{
    m_spans = spans;
    std::sort(m_spans.begin(), m_spans.end());
}

bool OutageShading::hasOpenSpan() const
{
    return std::any_of(m_spans.cbegin(), m_spans.cend(), [](const auto &span) { return span.second < 0; });
}

void OutageShading::setBrush(const QBrush &brush)
{
    m_brush = brush;
    for (QGraphicsRectItem *item : m_items)
        item->setBrush(brush);
}

void OutageShading::layout(qint64 fromMs, qint64 toMs, qint64 nowMs, const QRectF &plotArea)
{
    std::vector<std::pair<double, double>> bands; // x in chart coordinates
    if (toMs > fromMs && plotArea.width() > 0) {
        const double scale = plotArea.width() / double(toMs - fromMs);
        const double minimumGap = plotArea.width() / (2.0 * MaximumBands);
        for (const auto &[start, stop] : std::as_const(m_spans)) {
            const qint64 end = stop < 0 ? std::max(start, nowMs) : stop;
            if (end < fromMs || start > toMs)
                continue;
            const double left = plotArea.left() + double(std::max(start, fromMs) - fromMs) * scale;
            const double right = plotArea.left() + double(std::min(end, toMs) - fromMs) * scale;
            if (!bands.empty() && left - bands.back().second < minimumGap)
                bands.back().second = std::max(bands.back().second, right);
            else
                bands.emplace_back(left, right);
        }
        // Still too many (at most about twice as many now): close the narrowest gaps.
        while (bands.size() > size_t(MaximumBands)) {
            size_t narrowest = 1;
            for (size_t i = 2; i < bands.size(); ++i) {
                if (bands[i].first - bands[i - 1].second < bands[narrowest].first - bands[narrowest - 1].second)
                    narrowest = i;
            }
            bands[narrowest - 1].second = std::max(bands[narrowest - 1].second, bands[narrowest].second);
            bands.erase(bands.begin() + qsizetype(narrowest));
        }
    }

    while (m_items.size() < bands.size()) {
        auto *item = new QGraphicsRectItem(m_chart);
        item->setPen(Qt::NoPen);
        item->setBrush(m_brush);
        item->setZValue(BandZValue);
        m_items.push_back(item);
    }
    for (size_t i = 0; i < m_items.size(); ++i) {
        if (i < bands.size()) {
            // At least a pixel wide, so that a short drop is still seen.
            const double width = std::max(1.0, bands[i].second - bands[i].first);
            m_items[i]->setRect(bands[i].first, plotArea.top(), width, plotArea.height());
            m_items[i]->show();
        } else {
            m_items[i]->hide();
        }
    }
}

QList<QRectF> OutageShading::bands() const
{
    QList<QRectF> list;
    for (const QGraphicsRectItem *item : m_items) {
        if (item->isVisible())
            list.append(item->rect());
    }
    return list;
}
