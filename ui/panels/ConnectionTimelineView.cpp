#include "ConnectionTimelineView.h"

#include "AxisTicks.h"
#include "ConnectionTimelineModel.h"
#include "DisplayTime.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace {

constexpr int Margin = 4;
constexpr int MarkerHitPixels = 3;

QColor textColor(bool dark)
{
    return dark ? QColor(0xdd, 0xdd, 0xdd) : QColor(0x30, 0x30, 0x30);
}

QColor backgroundColor(bool dark)
{
    return dark ? QColor(0x1e, 0x21, 0x26) : QColor(0xfb, 0xfb, 0xfb);
}

QColor laneColor(bool dark)
{
    return dark ? QColor(0x2a, 0x2e, 0x35) : QColor(0xec, 0xec, 0xec);
}

} // namespace

ConnectionTimelineView::ConnectionTimelineView(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(DisplayTime::instance(), &DisplayTime::changed, this, qOverload<>(&QWidget::update));
}

void ConnectionTimelineView::setModel(ConnectionTimelineModel *model)
{
    if (m_model == model)
        return;
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_labelWidth = -1;
    if (m_model) {
        const auto changed = [this] {
            m_labelWidth = -1;
            updateGeometry();
            update();
        };
        connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
            m_labelWidth = -1;
            update();
        });
        connect(m_model, &QAbstractItemModel::modelReset, this, changed);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, changed);
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, changed);
        connect(m_model, &QObject::destroyed, this, [this] { m_model = nullptr; });
    }
    updateGeometry();
    update();
}

void ConnectionTimelineView::setDarkTheme(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    update();
}

QColor ConnectionTimelineView::bandColor(StreamStatus status)
{
    switch (status) {
    case StreamStatus::Open:
        return QColor(0x2e, 0xa0, 0x4f);
    case StreamStatus::Connecting:
        return QColor(0xc9, 0xa8, 0x3c);
    case StreamStatus::Reconnecting:
        return QColor(0xe8, 0x77, 0x2e);
    case StreamStatus::Failed:
        return QColor(0xd1, 0x34, 0x38);
    case StreamStatus::Offline:
        return QColor(0x4a, 0x7b, 0xd0);
    case StreamStatus::Ended:
    case StreamStatus::Closed:
        break;
    }
    return QColor(0x8c, 0x8c, 0x8c);
}

int ConnectionTimelineView::rowHeight() const
{
    return std::max(18, fontMetrics().height() + 8);
}

int ConnectionTimelineView::labelWidth() const
{
    if (m_labelWidth >= 0)
        return m_labelWidth;
    int widest = 0;
    for (int row = 0; m_model && row < m_model->rowCount(); ++row)
        widest = std::max(widest, fontMetrics().horizontalAdvance(m_model->index(row).data().toString()));
    // A swatch before the name; long names are elided rather than squeezing the lanes.
    m_labelWidth = std::min(widest + 3 * Margin + 10, width() / 3);
    return m_labelWidth;
}

void ConnectionTimelineView::resizeEvent(QResizeEvent *event)
{
    m_labelWidth = -1;
    QWidget::resizeEvent(event);
}

void ConnectionTimelineView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        m_labelWidth = -1;
    QWidget::changeEvent(event);
}

QRect ConnectionTimelineView::lanesArea() const
{
    const int axisHeight = fontMetrics().height() + 2 * Margin;
    return QRect(labelWidth(), Margin, std::max(1, width() - labelWidth() - Margin),
                 std::max(1, height() - axisHeight - Margin));
}

QRect ConnectionTimelineView::laneRect(int row) const
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return {};
    const QRect area = lanesArea();
    return QRect(area.left(), area.top() + row * rowHeight() + 2, area.width(), rowHeight() - 4);
}

QRect ConnectionTimelineView::axisRect() const
{
    const QRect area = lanesArea();
    return QRect(area.left(), area.bottom() + 1, area.width(), height() - area.bottom() - 1);
}

int ConnectionTimelineView::rowAt(const QPoint &pos) const
{
    for (int row = 0; m_model && row < m_model->rowCount(); ++row) {
        if (laneRect(row).contains(pos))
            return row;
    }
    return -1;
}

int ConnectionTimelineView::xForTime(qint64 timeMs) const
{
    const QRect area = lanesArea();
    if (!m_model || m_model->toMs() <= m_model->fromMs())
        return area.left();
    const double span = double(m_model->toMs() - m_model->fromMs());
    const double fraction = std::clamp(double(timeMs - m_model->fromMs()) / span, -1.0, 2.0);
    return area.left() + int(std::lround(fraction * (area.width() - 1)));
}

qint64 ConnectionTimelineView::timeAtX(int x) const
{
    const QRect area = lanesArea();
    if (!m_model || area.width() <= 1)
        return m_model ? m_model->fromMs() : 0;
    const double fraction = double(x - area.left()) / (area.width() - 1);
    return m_model->fromMs() + qint64(std::llround(fraction * double(m_model->toMs() - m_model->fromMs())));
}

QString ConnectionTimelineView::toolTipAt(const QPoint &pos) const
{
    const int row = rowAt(pos);
    if (row < 0)
        return {};
    const QRect area = lanesArea();
    const qint64 msPerPixel = area.width() > 1 ? (m_model->toMs() - m_model->fromMs()) / (area.width() - 1) : 0;
    return m_model->describeAt(row, timeAtX(pos.x()), MarkerHitPixels * msPerPixel);
}

QSize ConnectionTimelineView::sizeHint() const
{
    const int rows = m_model ? std::max(1, m_model->rowCount()) : 1;
    return QSize(480, rows * rowHeight() + fontMetrics().height() + 3 * Margin);
}

QSize ConnectionTimelineView::minimumSizeHint() const
{
    return QSize(160, rowHeight() + fontMetrics().height() + 3 * Margin);
}

bool ConnectionTimelineView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this, laneRect(rowAt(help->pos())));
        }
        return true;
    }
    return QWidget::event(event);
}

void ConnectionTimelineView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), backgroundColor(m_dark));
    if (!m_model)
        return;
    if (m_model->rowCount() == 0) {
        painter.setPen(textColor(m_dark));
        painter.drawText(lanesArea(), Qt::AlignCenter, tr("No streams"));
        return;
    }
    for (int row = 0; row < m_model->rowCount(); ++row)
        paintRow(painter, row);
    paintAxis(painter);
}

void ConnectionTimelineView::paintRow(QPainter &painter, int row)
{
    const QRect lane = laneRect(row);
    if (lane.top() > height())
        return;
    const QModelIndex index = m_model->index(row);
    // The name, after a swatch of the stream's colour.
    const QRect swatch(Margin, lane.center().y() - 5, 10, 10);
    painter.fillRect(swatch, index.data(ConnectionTimelineModel::ColorRole).value<QColor>());
    painter.setPen(textColor(m_dark));
    const QRect label(swatch.right() + Margin, lane.top(), lane.left() - swatch.right() - 2 * Margin, lane.height());
    painter.drawText(label, Qt::AlignVCenter | Qt::AlignLeft,
                     fontMetrics().elidedText(index.data().toString(), Qt::ElideRight, label.width()));

    painter.fillRect(lane, laneColor(m_dark));
    for (const TimelineBand &band : m_model->bands(row)) {
        const int left = xForTime(band.startMs);
        // A band shorter than a pixel still shows.
        const int right = std::max(left + 1, xForTime(band.endMs));
        painter.fillRect(QRect(QPoint(left, lane.top()), QPoint(right - 1, lane.bottom())), bandColor(band.status));
    }
    for (const TimelineMarker &marker : m_model->markers(row)) {
        const int x = xForTime(marker.timeMs);
        if (marker.kind == TimelineMarker::Kind::IdReset) {
            painter.setPen(QPen(QColor(0x9b, 0x59, 0xb6), 2));
            painter.drawLine(x, lane.top() - 2, x, lane.bottom() + 2);
        } else {
            painter.setPen(QPen(textColor(m_dark), 1));
            painter.drawLine(x, lane.top(), x, lane.top() + lane.height() / 3);
            painter.drawLine(x, lane.bottom() - lane.height() / 3, x, lane.bottom());
        }
    }
}

void ConnectionTimelineView::paintAxis(QPainter &painter)
{
    const QRect axis = axisRect();
    painter.setPen(textColor(m_dark));
    painter.drawLine(axis.topLeft(), axis.topRight());
    const int maxTicks = std::clamp(axis.width() / 90, 2, 10);
    const AxisTicks::TickSet ticks = AxisTicks::timeTicks(m_model->fromMs(), m_model->toMs(), maxTicks, DisplayTime::zone());
    for (const AxisTicks::Tick &tick : ticks.ticks) {
        const int x = xForTime(qint64(tick.value));
        painter.drawLine(x, axis.top(), x, axis.top() + 3);
        const int textWidth = fontMetrics().horizontalAdvance(tick.label);
        const int left = std::clamp(x - textWidth / 2, axis.left(), axis.right() - textWidth);
        painter.drawText(QRect(left, axis.top() + 3, textWidth + 1, axis.height() - 3),
                         Qt::AlignLeft | Qt::AlignTop, tick.label);
    }
}
