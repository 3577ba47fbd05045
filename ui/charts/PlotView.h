#pragma once

#include <QChartView>

class QLabel;
class QRubberBand;

// The plot on screen and what the mouse and keyboard do on it, reported as requests in chart
// coordinates: a rubber band to zoom into, a drag to pan, a wheel or key zoom, a hover, a click
// (a left press and release without a drag). The
// panel decides what they mean. A plain wheel is left to the widgets around (a scroll area
// scrolls); Ctrl zooms time, Ctrl+Shift zooms values. A small label on the plot tells the state
// of the view ("Paused — Space resumes").
class PlotView : public QChartView
{
    Q_OBJECT

public:
    PlotView(QChart *chart, QWidget *parent = nullptr);

    // Off while nothing is plotted: the events go to QChartView.
    void setPlotActive(bool active);

    QPointF chartPosition(const QPoint &viewPos) const;
    QPoint viewPosition(const QPointF &chartPos) const;
    QRectF plotRect() const; // chart coordinates

    void setStatusText(const QString &text); // empty hides the label
    QString statusText() const;

Q_SIGNALS:
    void bandZoomRequested(const QRectF &chartRect, bool withValues);
    void panStarted();
    void panMoved(const QPointF &offset); // in pixels since panStarted()
    void wheelZoomRequested(const QPointF &chartPos, double factor, bool values);
    void keyPanRequested(double timeFraction, double valueFraction);
    void keyZoomRequested(double factor);
    void resetRequested();
    void pauseToggleRequested();
    void hovered(const QPointF &chartPos);
    void clicked(const QPointF &chartPos);
    void hoverLeft();

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    enum class Drag { None, Zoom, Pan };

    void placeStatus();

    QRubberBand *m_band = nullptr;
    QLabel *m_status = nullptr;
    Drag m_drag = Drag::None;
    QPoint m_origin;
    bool m_active = false;
};
