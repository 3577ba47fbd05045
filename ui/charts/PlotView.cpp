#include "PlotView.h"

#include "ChartRange.h"

#include <QChart>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QRubberBand>
#include <QWheelEvent>

#include <algorithm>

namespace {

constexpr double KeyPanFraction = 0.1;
constexpr int MinimumDragPixels = 4;
constexpr int MinimumValueZoomPixels = 8;
constexpr int StatusMargin = 6;

} // namespace

PlotView::PlotView(QChart *chart, QWidget *parent)
    : QChartView(chart, parent)
{
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setRenderHint(QPainter::Antialiasing, false);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("chartStatus"));
    m_status->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_status->setContentsMargins(6, 2, 6, 2);
    m_status->setAutoFillBackground(true);
    m_status->setBackgroundRole(QPalette::ToolTipBase);
    m_status->setForegroundRole(QPalette::ToolTipText);
    m_status->hide();
    connect(chart, &QChart::plotAreaChanged, this, [this] { placeStatus(); });
}

void PlotView::setPlotActive(bool active)
{
    m_active = active;
    if (!active && m_drag == Drag::Zoom && m_band)
        m_band->hide();
    if (!active)
        m_drag = Drag::None;
}

QPointF PlotView::chartPosition(const QPoint &viewPos) const
{
    return chart()->mapFromScene(mapToScene(viewPos));
}

QPoint PlotView::viewPosition(const QPointF &chartPos) const
{
    return mapFromScene(chart()->mapToScene(chartPos));
}

QRectF PlotView::plotRect() const
{
    return chart()->plotArea();
}

void PlotView::setStatusText(const QString &text)
{
    if (text == m_status->text() && m_status->isHidden() == text.isEmpty())
        return;
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
    placeStatus();
}

QString PlotView::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

void PlotView::placeStatus()
{
    if (m_status->isHidden())
        return;
    m_status->adjustSize();
    const QRectF plot = plotRect();
    const QPoint topRight = viewPosition(plot.topRight());
    const int x = std::max(0, topRight.x() - m_status->width() - StatusMargin);
    m_status->move(x, std::max(0, topRight.y() + StatusMargin));
    m_status->raise();
}

void PlotView::mousePressEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (!m_active || !plotRect().contains(chartPosition(pos))) {
        QChartView::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    m_origin = pos;
    const bool pan = event->button() == Qt::MiddleButton || event->button() == Qt::RightButton
        || (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier));
    if (pan) {
        m_drag = Drag::Pan;
        viewport()->setCursor(Qt::ClosedHandCursor);
        Q_EMIT panStarted();
    } else if (event->button() == Qt::LeftButton) {
        m_drag = Drag::Zoom;
        if (!m_band)
            m_band = new QRubberBand(QRubberBand::Rectangle, viewport());
        m_band->setGeometry(QRect(pos, QSize()));
        m_band->show();
    }
    event->accept();
}

void PlotView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_drag == Drag::Zoom) {
        const QRect plot(viewPosition(plotRect().topLeft()), viewPosition(plotRect().bottomRight()));
        const QPoint clamped(std::clamp(pos.x(), plot.left(), plot.right()),
                             std::clamp(pos.y(), plot.top(), plot.bottom()));
        m_band->setGeometry(QRect(m_origin, clamped).normalized());
    } else if (m_drag == Drag::Pan) {
        Q_EMIT panMoved(QPointF(pos - m_origin));
    }
    if (m_active)
        Q_EMIT hovered(chartPosition(pos));
    QChartView::mouseMoveEvent(event);
}

void PlotView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_drag == Drag::Zoom) {
        m_drag = Drag::None;
        const QRect band = m_band->geometry();
        m_band->hide();
        if (band.width() >= MinimumDragPixels) {
            const QRectF rect(chartPosition(band.topLeft()), chartPosition(band.bottomRight()));
            Q_EMIT bandZoomRequested(rect, band.height() >= MinimumValueZoomPixels);
        } else if ((event->position().toPoint() - m_origin).manhattanLength() < MinimumDragPixels) {
            Q_EMIT clicked(chartPosition(m_origin));
        }
        event->accept();
        return;
    }
    if (m_drag == Drag::Pan) {
        m_drag = Drag::None;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void PlotView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (m_active && event->button() == Qt::LeftButton) {
        Q_EMIT resetRequested();
        event->accept();
        return;
    }
    QChartView::mouseDoubleClickEvent(event);
}

void PlotView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y() != 0 ? event->angleDelta().y() : event->angleDelta().x();
    if (!m_active || delta == 0 || !(event->modifiers() & Qt::ControlModifier)) {
        // Not ours: the scroll area around the charts, if any, scrolls.
        event->ignore();
        return;
    }
    QPointF centre = chartPosition(event->position().toPoint());
    if (!plotRect().contains(centre))
        centre = plotRect().center();
    Q_EMIT wheelZoomRequested(centre, ChartRange::wheelFactor(delta), event->modifiers() & Qt::ShiftModifier);
    event->accept();
}

void PlotView::keyPressEvent(QKeyEvent *event)
{
    if (!m_active) {
        QChartView::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Left:
        Q_EMIT keyPanRequested(-KeyPanFraction, 0);
        break;
    case Qt::Key_Right:
        Q_EMIT keyPanRequested(KeyPanFraction, 0);
        break;
    case Qt::Key_Up:
        Q_EMIT keyPanRequested(0, KeyPanFraction);
        break;
    case Qt::Key_Down:
        Q_EMIT keyPanRequested(0, -KeyPanFraction);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        Q_EMIT keyZoomRequested(ChartRange::WheelStepFactor);
        break;
    case Qt::Key_Minus:
        Q_EMIT keyZoomRequested(1 / ChartRange::WheelStepFactor);
        break;
    // Normally window shortcuts; these serve a panel on its own.
    case Qt::Key_Space:
        Q_EMIT pauseToggleRequested();
        break;
    case Qt::Key_Escape:
    case Qt::Key_Home:
        Q_EMIT resetRequested();
        break;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void PlotView::leaveEvent(QEvent *event)
{
    Q_EMIT hoverLeft();
    QChartView::leaveEvent(event);
}

void PlotView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    placeStatus();
}
