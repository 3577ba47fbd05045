#include "ChartPanel.h"

#include "SeriesBuffer.h"
#include "YRangeDialog.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsEllipseItem>
#include <QGraphicsLayout>
#include <QGraphicsLineItem>
#include <QHBoxLayout>
#include <QHash>
#include <QKeyEvent>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QMenu>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QPainter>
#include <QPointer>
#include <QRubberBand>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

namespace {

constexpr qint64 MinimumSpanMs = 10;
constexpr qint64 EmptyAllSpanMs = 10'000;
constexpr double WheelZoomFactor = 0.8; // per notch
constexpr double KeyPanFraction = 0.1;
constexpr int MinimumDragPixels = 4;
constexpr int MinimumValueZoomPixels = 8;

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

qint64 ceilDiv(qint64 a, qint64 b)
{
    return -floorDiv(-a, b);
}

// 1, 2, 2.5 or 5 times a power of ten, at least `rough`.
double niceStep(double rough)
{
    if (!(rough > 0) || !std::isfinite(rough))
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    const double f = rough / magnitude;
    const double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
    return nice * magnitude;
}

int decimalsFor(double step)
{
    for (int decimals = 0; decimals < 12; ++decimals) {
        const double scaled = step * std::pow(10.0, decimals);
        if (std::abs(scaled - std::round(scaled)) <= 1e-6 * scaled)
            return decimals;
    }
    return 12;
}

QString timeFormatFor(qint64 fromMs, qint64 toMs)
{
    const qint64 span = toMs - fromMs;
    if (span < 5'000)
        return QStringLiteral("HH:mm:ss.zzz");
    if (span <= 20 * 60'000)
        return QStringLiteral("HH:mm:ss");
    const QDate first = QDateTime::fromMSecsSinceEpoch(fromMs).date();
    const QDate last = QDateTime::fromMSecsSinceEpoch(toMs).date();
    if (first == last)
        return QStringLiteral("HH:mm");
    if (span <= 3 * 86'400'000LL)
        return QStringLiteral("MMM d HH:mm");
    if (span <= 200 * 86'400'000LL)
        return QStringLiteral("MMM d");
    return QStringLiteral("yyyy-MM-dd");
}

// A tick interval a reader can count in: the smallest of these that is at least `minimumMs`.
qint64 niceTimeInterval(qint64 minimumMs)
{
    static constexpr qint64 second = 1000;
    static constexpr qint64 minute = 60 * second;
    static constexpr qint64 hour = 60 * minute;
    static constexpr qint64 day = 24 * hour;
    static constexpr qint64 intervals[] = {
        1, 2, 5, 10, 20, 50, 100, 200, 250, 500,
        second, 2 * second, 5 * second, 10 * second, 15 * second, 30 * second,
        minute, 2 * minute, 5 * minute, 10 * minute, 15 * minute, 30 * minute,
        hour, 2 * hour, 3 * hour, 6 * hour, 12 * hour,
        day, 2 * day, 7 * day, 14 * day, 28 * day, 91 * day, 182 * day, 364 * day,
    };
    for (const qint64 interval : intervals) {
        if (interval >= minimumMs)
            return interval;
    }
    return ceilDiv(minimumMs, 364 * day) * 364 * day;
}

// The most time labels that fit side by side, with room between them.
int maxTimeTicks(const QFont &font, const QString &format, int plotWidth)
{
    const QFontMetrics metrics(font);
    const QString widest = QDateTime(QDate(2000, 12, 28), QTime(23, 58, 58, 888)).toString(format);
    const int labelWidth = metrics.horizontalAdvance(widest) + 4 * metrics.averageCharWidth();
    return std::clamp(plotWidth / std::max(1, labelWidth) + 1, 2, 16);
}

// Evenly spaced ticks from one end of the axis to the other (all a QDateTimeAxis can draw): as
// few as give a round interval when the span allows one, else as many as fit.
int timeTickCount(qint64 span, int maxTicks)
{
    for (qint64 interval = niceTimeInterval(ceilDiv(span, maxTicks - 1)); interval <= span / 2;
         interval = niceTimeInterval(interval + 1)) {
        if (span % interval == 0)
            return int(span / interval) + 1;
    }
    return maxTicks;
}

// Whole numbers as they are, others with three digits or so after the integer part.
QString formatValue(double value)
{
    if (std::abs(value) < 1e15 && value == std::trunc(value))
        return QString::number(value, 'f', 0);
    const int integerDigits = value != 0 ? int(std::floor(std::log10(std::abs(value)))) + 1 : 1;
    return QString::number(value, 'g', std::clamp(integerDigits + 3, 6, 15));
}

// Short enough for a tool button.
QString formatCompact(double value)
{
    const QString text = formatValue(value);
    return text.size() <= 8 ? text : QString::number(value, 'g', 4);
}

// First index whose time is >= timeMs (samples in non-decreasing time order).
qsizetype lowerBound(const SeriesBuffer &buffer, qint64 timeMs)
{
    qsizetype low = 0;
    qsizetype high = buffer.size();
    while (low < high) {
        const qsizetype mid = low + (high - low) / 2;
        if (buffer.timeAt(mid) < timeMs)
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}

struct BufferState
{
    qsizetype size = -1;
    qint64 lastTime = 0;
    qint64 dropped = 0;

    friend bool operator==(const BufferState &, const BufferState &) = default;
};

struct SeriesState
{
    PlotSeries spec;
    QLineSeries *line = nullptr;
    BufferState seen;
    QList<QPointF> points;
};

struct NearestPoint
{
    int series = -1;
    QPointF point;
};

class PlotView;

// One line of text that elides in the middle rather than pushing the tool buttons away.
class ReadoutLabel : public QWidget
{
public:
    using QWidget::QWidget;

    void setText(const QString &text)
    {
        if (text == m_text)
            return;
        m_text = text;
        update();
    }
    QString text() const { return m_text; }
    void clear() { setText(QString()); }

    QSize sizeHint() const override
    {
        return {fontMetrics().averageCharWidth() * 40, fontMetrics().height()};
    }
    QSize minimumSizeHint() const override { return {0, fontMetrics().height()}; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(rect(), Qt::AlignLeft | Qt::AlignVCenter,
                         fontMetrics().elidedText(m_text, Qt::ElideMiddle, width()));
    }

private:
    QString m_text;
};

} // namespace

class ChartPanelPrivate
{
public:
    explicit ChartPanelPrivate(ChartPanel *panel);

    void buildUi();
    void redraw(bool force);
    void requestRedraw() { redraw(true); }
    void setFollowing(bool following);
    void setViewRange(qint64 fromMs, qint64 toMs);
    void updateButtons();
    void updateYButton();
    void editFixedBounds();
    void updateTimeAxis(qint64 fromMs, qint64 toMs, int plotWidth);
    void updateValueAxis(std::pair<double, double> range, int plotHeight);
    std::pair<double, double> targetValueRange(const std::vector<QList<QPointF>> &points,
                                               qint64 fromMs, qint64 toMs);
    qint64 followSpan(int plotWidth) const;

    QRectF plotRect() const; // chart coordinates, which are the view's
    QPointF chartPosition(const QPoint &viewPos) const;
    std::optional<std::pair<double, double>> valueAt(const QPointF &chartPos) const;
    QPointF positionOf(double timeMs, double value) const;
    std::optional<NearestPoint> nearest(double timeMs, double value) const;
    QString readoutFor(const NearestPoint &point) const;
    void hover(const QPoint &viewPos);
    void clearHover();

    // Interaction on the plot.
    void wheelZoom(const QPoint &viewPos, int angleDelta, bool values);
    void zoomAround(double timeFactor, double valueFactor, QPointF centre);

    ChartPanel *q;
    QChart *chart = nullptr;
    PlotView *view = nullptr;
    QDateTimeAxis *axisX = nullptr;
    QValueAxis *axisY = nullptr;
    QStackedWidget *stack = nullptr;
    QLabel *emptyLabel = nullptr;
    ReadoutLabel *readout = nullptr;
    QComboBox *windowCombo = nullptr;
    QToolButton *pauseButton = nullptr;
    QToolButton *resetButton = nullptr;
    QToolButton *yButton = nullptr;
    QAction *autoScaleAction = nullptr;
    QAction *fixedBoundsAction = nullptr;
    QAction *currentRangeAction = nullptr;
    QPointer<YRangeDialog> rangeDialog;
    QGraphicsEllipseItem *marker = nullptr;
    QGraphicsLineItem *crosshair = nullptr;

    QString title;
    std::vector<SeriesState> series;
    QHash<QString, QColor> colorByName;

    ChartPanel::TimeWindow window = ChartPanel::OneMinute;
    bool following = true;
    qint64 viewFrom = 0; // the time range while not following
    qint64 viewTo = 0;
    qint64 now = 0;

    bool autoScaleY = true;
    bool darkTheme = false;
    std::pair<double, double> fixedY{0, 1};
    std::optional<std::pair<double, double>> zoomY;
    std::optional<std::pair<double, double>> autoY;

    // What the last frame showed.
    bool shown = false;
    qint64 shownFrom = 0;
    qint64 shownTo = 0;
    int shownColumns = -1;
    std::pair<double, double> shownY{0, 1};
    QString timeFormat;
    int shownTickCount = -1;
    bool dirty = true;
    bool openGL = false;

    bool hovering = false;
    QPoint hoverPos;
};

namespace {

// The plot: rubber-band and wheel zoom, drag and arrow-key pan, hover readout.
class PlotView : public QChartView
{
public:
    PlotView(QChart *chart, ChartPanelPrivate *d, QWidget *parent)
        : QChartView(chart, parent), m_d(d)
    {
        setFrameShape(QFrame::NoFrame);
        setFocusPolicy(Qt::StrongFocus);
        setMouseTracking(true);
        setRenderHint(QPainter::Antialiasing, false);
    }

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    enum class Drag { None, Zoom, Pan };

    ChartPanelPrivate *m_d;
    QRubberBand *m_band = nullptr;
    Drag m_drag = Drag::None;
    QPoint m_origin;
    qint64 m_originFrom = 0;
    qint64 m_originTo = 0;
    std::pair<double, double> m_originY;
    bool m_panValues = false;
};

void PlotView::mousePressEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (!m_d->shown || !m_d->plotRect().contains(m_d->chartPosition(pos))) {
        QChartView::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    m_origin = pos;
    const bool pan = event->button() == Qt::MiddleButton || event->button() == Qt::RightButton
        || (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier));
    if (pan) {
        m_drag = Drag::Pan;
        m_originFrom = m_d->shownFrom;
        m_originTo = m_d->shownTo;
        m_originY = m_d->shownY;
        // Vertical panning only once the values were zoomed; otherwise a drag scrolls time and
        // the value axis keeps fitting the data.
        m_panValues = m_d->zoomY.has_value();
        viewport()->setCursor(Qt::ClosedHandCursor);
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
        const QRect plot = m_d->plotRect().toAlignedRect();
        const QPoint clamped(std::clamp(pos.x(), plot.left(), plot.right()),
                             std::clamp(pos.y(), plot.top(), plot.bottom()));
        m_band->setGeometry(QRect(m_origin, clamped).normalized());
    } else if (m_drag == Drag::Pan) {
        const QRectF plot = m_d->plotRect();
        const double msPerPixel = double(m_originTo - m_originFrom) / std::max(1.0, plot.width());
        const auto shift = qint64(std::llround((pos.x() - m_origin.x()) * msPerPixel));
        m_d->setFollowing(false);
        m_d->viewFrom = m_originFrom - shift;
        m_d->viewTo = m_originTo - shift;
        if (m_panValues) {
            const double perPixel = (m_originY.second - m_originY.first) / std::max(1.0, plot.height());
            const double valueShift = (pos.y() - m_origin.y()) * perPixel;
            m_d->zoomY = std::pair(m_originY.first + valueShift, m_originY.second + valueShift);
        }
        m_d->updateButtons();
        m_d->requestRedraw();
    }
    m_d->hover(pos);
    QChartView::mouseMoveEvent(event);
}

void PlotView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_drag == Drag::Zoom) {
        m_drag = Drag::None;
        const QRect band = m_band->geometry();
        m_band->hide();
        if (band.width() >= MinimumDragPixels) {
            const auto topLeft = m_d->valueAt(m_d->chartPosition(band.topLeft()));
            const auto bottomRight = m_d->valueAt(m_d->chartPosition(band.bottomRight()));
            if (topLeft && bottomRight) {
                if (band.height() >= MinimumValueZoomPixels)
                    m_d->q->zoomToValueRange(bottomRight->second, topLeft->second);
                m_d->q->zoomToRange(qint64(std::llround(topLeft->first)),
                                    qint64(std::llround(bottomRight->first)));
            }
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
    if (event->button() == Qt::LeftButton) {
        m_d->q->resetZoom();
        event->accept();
        return;
    }
    QChartView::mouseDoubleClickEvent(event);
}

void PlotView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0 || !m_d->shown) {
        QChartView::wheelEvent(event);
        return;
    }
    m_d->wheelZoom(event->position().toPoint(), delta, event->modifiers() & Qt::ControlModifier);
    event->accept();
}

void PlotView::keyPressEvent(QKeyEvent *event)
{
    ChartPanel *panel = m_d->q;
    switch (event->key()) {
    case Qt::Key_Left:
        panel->panBy(-KeyPanFraction);
        break;
    case Qt::Key_Right:
        panel->panBy(KeyPanFraction);
        break;
    case Qt::Key_Up:
        panel->panBy(0, KeyPanFraction);
        break;
    case Qt::Key_Down:
        panel->panBy(0, -KeyPanFraction);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_d->zoomAround(WheelZoomFactor, 1, m_d->plotRect().center());
        break;
    case Qt::Key_Minus:
        m_d->zoomAround(1 / WheelZoomFactor, 1, m_d->plotRect().center());
        break;
    case Qt::Key_Space:
        panel->setPaused(panel->isFollowing());
        break;
    case Qt::Key_Escape:
    case Qt::Key_Home:
        panel->resetZoom();
        break;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void PlotView::leaveEvent(QEvent *event)
{
    m_d->clearHover();
    QChartView::leaveEvent(event);
}

} // namespace

ChartPanelPrivate::ChartPanelPrivate(ChartPanel *panel)
    : q(panel)
{
}

void ChartPanelPrivate::buildUi()
{
    chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setDropShadowEnabled(false);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(6, 4, 10, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    QFont titleFont = q->font();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->legend()->setFont(q->font());

    axisX = new QDateTimeAxis;
    axisX->setLabelsFont(q->font());
    axisX->setTitleVisible(false);
    axisY = new QValueAxis;
    axisY->setLabelsFont(q->font());
    axisY->setTickType(QValueAxis::TicksDynamic);
    axisY->setTickAnchor(0);
    axisY->setMinorTickCount(0);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);

    crosshair = new QGraphicsLineItem(chart);
    crosshair->setPen(QPen(QColor(0, 0, 0, 90), 0, Qt::DashLine));
    crosshair->setZValue(1000);
    crosshair->hide();
    marker = new QGraphicsEllipseItem(-4, -4, 8, 8, chart);
    marker->setBrush(Qt::white);
    marker->setZValue(1001);
    marker->hide();

    view = new PlotView(chart, this, q);

    emptyLabel = new QLabel(q);
    emptyLabel->setAlignment(Qt::AlignCenter);
    emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    emptyLabel->setBackgroundRole(QPalette::Base);
    emptyLabel->setAutoFillBackground(true);

    stack = new QStackedWidget(q);
    stack->addWidget(emptyLabel);
    stack->addWidget(view);

    readout = new ReadoutLabel(q);
    readout->setObjectName(QStringLiteral("readout"));
    readout->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    readout->setToolTip(ChartPanel::tr("Time and value of the point nearest the cursor"));

    windowCombo = new QComboBox(q);
    windowCombo->setObjectName(QStringLiteral("timeWindow"));
    const struct
    {
        ChartPanel::TimeWindow window;
        QString text;
        QString toolTip;
    } windows[] = {
        {ChartPanel::TenSeconds, ChartPanel::tr("10 s"), ChartPanel::tr("The last 10 seconds")},
        {ChartPanel::OneMinute, ChartPanel::tr("1 min"), ChartPanel::tr("The last minute")},
        {ChartPanel::TenMinutes, ChartPanel::tr("10 min"), ChartPanel::tr("The last 10 minutes")},
        {ChartPanel::OneHour, ChartPanel::tr("1 h"), ChartPanel::tr("The last hour")},
        {ChartPanel::All, ChartPanel::tr("All"), ChartPanel::tr("Everything still held in memory")},
    };
    for (const auto &entry : windows) {
        windowCombo->addItem(entry.text, int(entry.window));
        windowCombo->setItemData(windowCombo->count() - 1, entry.toolTip, Qt::ToolTipRole);
    }
    windowCombo->setCurrentIndex(windowCombo->findData(int(window)));
    windowCombo->setToolTip(ChartPanel::tr("Time window shown while following the newest data"));
    QObject::connect(windowCombo, &QComboBox::activated, q, [this](int index) {
        q->setTimeWindow(ChartPanel::TimeWindow(windowCombo->itemData(index).toInt()));
    });

    pauseButton = new QToolButton(q);
    pauseButton->setObjectName(QStringLiteral("pause"));
    pauseButton->setCheckable(true);
    pauseButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QObject::connect(pauseButton, &QToolButton::toggled, q, [this](bool checked) { q->setPaused(checked); });

    resetButton = new QToolButton(q);
    resetButton->setObjectName(QStringLiteral("resetZoom"));
    resetButton->setText(ChartPanel::tr("Reset zoom"));
    resetButton->setToolTip(ChartPanel::tr("Back to the chosen window, following the newest data (Esc or double-click)"));
    resetButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QObject::connect(resetButton, &QToolButton::clicked, q, &ChartPanel::resetZoom);

    yButton = new QToolButton(q);
    yButton->setObjectName(QStringLiteral("yRange"));
    yButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    yButton->setPopupMode(QToolButton::InstantPopup);
    auto *yMenu = new QMenu(yButton);
    yMenu->setToolTipsVisible(true);
    autoScaleAction = yMenu->addAction(ChartPanel::tr("&Auto scale"));
    autoScaleAction->setObjectName(QStringLiteral("yAutoScale"));
    autoScaleAction->setCheckable(true);
    autoScaleAction->setToolTip(ChartPanel::tr("Fit the value axis to the visible data"));
    QObject::connect(autoScaleAction, &QAction::triggered, q, [this](bool checked) {
        if (checked) {
            q->setAutoScaleY(true);
        } else {
            const auto [min, max] = q->valueRange();
            q->setFixedYRange(min, max);
        }
    });
    fixedBoundsAction = yMenu->addAction(ChartPanel::tr("&Fixed bounds…"));
    fixedBoundsAction->setObjectName(QStringLiteral("yFixedBounds"));
    fixedBoundsAction->setToolTip(ChartPanel::tr("Enter the lowest and highest value to show"));
    QObject::connect(fixedBoundsAction, &QAction::triggered, q, [this] { editFixedBounds(); });
    currentRangeAction = yMenu->addAction(ChartPanel::tr("Use &current range"));
    currentRangeAction->setObjectName(QStringLiteral("yUseCurrentRange"));
    currentRangeAction->setToolTip(ChartPanel::tr("Keep the value axis at what it shows now"));
    QObject::connect(currentRangeAction, &QAction::triggered, q, [this] {
        const auto [min, max] = q->valueRange();
        q->setFixedYRange(min, max);
    });
    QObject::connect(yMenu, &QMenu::aboutToShow, q, [this] { updateYButton(); });
    yButton->setMenu(yMenu);

    auto *toolBar = new QHBoxLayout;
    toolBar->setContentsMargins(6, 0, 4, 0);
    toolBar->addWidget(readout, 1);
    toolBar->addWidget(yButton);
    toolBar->addWidget(windowCombo);
    toolBar->addWidget(pauseButton);
    toolBar->addWidget(resetButton);

    auto *layout = new QVBoxLayout(q);
    layout->setContentsMargins(0, 2, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(toolBar);
    layout->addWidget(stack, 1);

    updateButtons();
    updateYButton();
}

void ChartPanelPrivate::updateYButton()
{
    const QSignalBlocker blocker(autoScaleAction);
    autoScaleAction->setChecked(autoScaleY);
    currentRangeAction->setEnabled(shown && !series.empty());
    if (autoScaleY) {
        yButton->setText(ChartPanel::tr("Y: Auto"));
        yButton->setToolTip(ChartPanel::tr("Value axis fitted to the visible data"));
    } else {
        yButton->setText(ChartPanel::tr("Y: %1 – %2").arg(formatCompact(fixedY.first), formatCompact(fixedY.second)));
        yButton->setToolTip(ChartPanel::tr("Value axis fixed from %1 to %2")
                                .arg(formatValue(fixedY.first), formatValue(fixedY.second)));
    }
}

void ChartPanelPrivate::editFixedBounds()
{
    if (rangeDialog && rangeDialog->isVisible()) {
        rangeDialog->raise();
        rangeDialog->activateWindow();
        return;
    }
    rangeDialog = new YRangeDialog(q);
    rangeDialog->setAttribute(Qt::WA_DeleteOnClose);
    const auto [min, max] = q->valueRange();
    rangeDialog->setRange(min, max);
    YRangeDialog *dialog = rangeDialog;
    QObject::connect(dialog, &QDialog::accepted, q, [this, dialog] {
        const auto [low, high] = dialog->range();
        q->setFixedYRange(low, high);
    });
    dialog->open();
}

void ChartPanelPrivate::updateButtons()
{
    const QSignalBlocker blocker(pauseButton);
    pauseButton->setChecked(!following);
    pauseButton->setText(following ? ChartPanel::tr("Pause") : ChartPanel::tr("Resume"));
    pauseButton->setToolTip(following
                                ? ChartPanel::tr("Freeze the view; data keeps arriving (Space)")
                                : ChartPanel::tr("Follow the newest data again (Space)"));
    resetButton->setEnabled(!following || zoomY.has_value());
    const bool hasSeries = !series.empty();
    windowCombo->setEnabled(hasSeries);
    pauseButton->setEnabled(hasSeries);
    if (!hasSeries)
        resetButton->setEnabled(false);
}

void ChartPanelPrivate::setFollowing(bool follow)
{
    if (following == follow)
        return;
    if (!follow) {
        // Freeze what is on screen.
        if (shown) {
            viewFrom = shownFrom;
            viewTo = shownTo;
        } else {
            viewTo = now;
            viewFrom = now - followSpan(std::max(16, view->width() - 90));
        }
    }
    following = follow;
    // Antialiasing costs several times the drawing time: only on a still view.
    view->setRenderHint(QPainter::Antialiasing, !following);
    dirty = true;
    updateButtons();
    Q_EMIT q->followingChanged(following);
}

void ChartPanelPrivate::setViewRange(qint64 fromMs, qint64 toMs)
{
    if (toMs < fromMs)
        std::swap(fromMs, toMs);
    if (toMs - fromMs < MinimumSpanMs) {
        const qint64 middle = fromMs + (toMs - fromMs) / 2;
        fromMs = middle - MinimumSpanMs / 2;
        toMs = fromMs + MinimumSpanMs;
    }
    setFollowing(false);
    viewFrom = fromMs;
    viewTo = toMs;
    dirty = true;
}

qint64 ChartPanelPrivate::followSpan(int plotWidth) const
{
    const qint64 length = ChartPanel::windowLengthMs(window);
    if (length > 0)
        return length;
    std::optional<qint64> earliest;
    for (const SeriesState &s : series) {
        if (s.spec.buffer && !s.spec.buffer->isEmpty())
            earliest = std::min(earliest.value_or(std::numeric_limits<qint64>::max()), s.spec.buffer->firstTime());
    }
    if (!earliest || *earliest >= now)
        return EmptyAllSpanMs;
    // Rounded up to a whole number of tick intervals, so that the labels fall on round times.
    const qint64 span = std::max<qint64>(1000, now - *earliest);
    const int ticks = maxTimeTicks(axisX->labelsFont(), timeFormatFor(now - span, now), plotWidth);
    const qint64 interval = niceTimeInterval(ceilDiv(span, ticks - 1));
    return ceilDiv(span, interval) * interval;
}

QRectF ChartPanelPrivate::plotRect() const
{
    return chart->plotArea();
}

QPointF ChartPanelPrivate::chartPosition(const QPoint &viewPos) const
{
    return chart->mapFromScene(view->mapToScene(viewPos));
}

std::optional<std::pair<double, double>> ChartPanelPrivate::valueAt(const QPointF &chartPos) const
{
    const QRectF plot = plotRect();
    if (!shown || plot.width() < 1 || plot.height() < 1)
        return std::nullopt;
    const double time = shownFrom + (chartPos.x() - plot.left()) / plot.width() * double(shownTo - shownFrom);
    const double value = shownY.second - (chartPos.y() - plot.top()) / plot.height() * (shownY.second - shownY.first);
    return std::pair(time, value);
}

QPointF ChartPanelPrivate::positionOf(double timeMs, double value) const
{
    const QRectF plot = plotRect();
    const double spanX = std::max<double>(1, double(shownTo - shownFrom));
    const double spanY = shownY.second - shownY.first;
    const double x = plot.left() + (timeMs - double(shownFrom)) / spanX * plot.width();
    const double y = spanY > 0 ? plot.bottom() - (value - shownY.first) / spanY * plot.height() : plot.center().y();
    return {x, y};
}

std::optional<NearestPoint> ChartPanelPrivate::nearest(double timeMs, double value) const
{
    if (!shown)
        return std::nullopt;
    const QPointF target = positionOf(timeMs, value);
    std::optional<NearestPoint> best;
    double bestDistance = std::numeric_limits<double>::max();
    const double from = double(shownFrom);
    const double to = double(shownTo);
    for (int index = 0; index < int(series.size()); ++index) {
        const QList<QPointF> &points = series[size_t(index)].points;
        const auto start = std::lower_bound(points.cbegin(), points.cend(), timeMs,
                                            [](const QPointF &p, double t) { return p.x() < t; });
        auto consider = [&](const QPointF &point) {
            if (point.x() < from || point.x() > to)
                return true; // an edge point outside the view
            const QPointF position = positionOf(point.x(), point.y());
            const double dx = position.x() - target.x();
            if (dx * dx > bestDistance)
                return false;
            const double dy = position.y() - target.y();
            const double distance = dx * dx + dy * dy;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = NearestPoint{index, point};
            }
            return true;
        };
        for (auto it = start; it != points.cend(); ++it) {
            if (!consider(*it))
                break;
        }
        for (auto it = start; it != points.cbegin();) {
            --it;
            if (!consider(*it))
                break;
        }
    }
    return best;
}

QString ChartPanelPrivate::readoutFor(const NearestPoint &point) const
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(qint64(std::llround(point.point.x())));
    const bool days = QDateTime::fromMSecsSinceEpoch(shownFrom).date()
        != QDateTime::fromMSecsSinceEpoch(shownTo).date();
    const QString stamp = time.toString(days ? QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")
                                             : QStringLiteral("HH:mm:ss.zzz"));
    return stamp + QStringLiteral("  ") + series[size_t(point.series)].spec.name + QStringLiteral(" = ")
        + formatValue(point.point.y());
}

void ChartPanelPrivate::hover(const QPoint &viewPos)
{
    hovering = true;
    hoverPos = viewPos;
    const QPointF chartPos = chartPosition(viewPos);
    std::optional<NearestPoint> point;
    if (plotRect().contains(chartPos)) {
        if (const auto value = valueAt(chartPos))
            point = nearest(value->first, value->second);
    }
    if (!point) {
        readout->clear();
        marker->hide();
        crosshair->hide();
        return;
    }
    readout->setText(readoutFor(*point));
    const QPointF position = positionOf(point->point.x(), point->point.y());
    const QRectF plot = plotRect();
    marker->setPen(QPen(series[size_t(point->series)].spec.color, 2));
    marker->setPos(position);
    marker->show();
    crosshair->setLine(position.x(), plot.top(), position.x(), plot.bottom());
    crosshair->show();
}

void ChartPanelPrivate::clearHover()
{
    hovering = false;
    readout->clear();
    marker->hide();
    crosshair->hide();
}

void ChartPanelPrivate::zoomAround(double timeFactor, double valueFactor, QPointF centre)
{
    const auto at = valueAt(centre);
    if (!at)
        return;
    const double t = at->first;
    const auto from = qint64(std::llround(t - (t - double(shownFrom)) * timeFactor));
    const auto to = qint64(std::llround(t + (double(shownTo) - t) * timeFactor));
    if (valueFactor != 1) {
        const double v = at->second;
        zoomY = std::pair(v - (v - shownY.first) * valueFactor, v + (shownY.second - v) * valueFactor);
    }
    if (timeFactor != 1)
        setViewRange(from, to);
    else
        dirty = true;
    updateButtons();
    requestRedraw();
}

void ChartPanelPrivate::wheelZoom(const QPoint &viewPos, int angleDelta, bool values)
{
    const double factor = std::pow(WheelZoomFactor, angleDelta / 120.0);
    QPointF centre = chartPosition(viewPos);
    if (!plotRect().contains(centre))
        centre = plotRect().center();
    if (values)
        zoomAround(1, factor, centre);
    else
        zoomAround(factor, 1, centre);
}

std::pair<double, double> ChartPanelPrivate::targetValueRange(const std::vector<QList<QPointF>> &points,
                                                             qint64 fromMs, qint64 toMs)
{
    if (zoomY)
        return *zoomY;
    if (!autoScaleY)
        return fixedY;

    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (const QList<QPointF> &list : points) {
        for (const QPointF &p : list) {
            if (p.x() < double(fromMs) || p.x() > double(toMs) || !std::isfinite(p.y()))
                continue;
            low = std::min(low, p.y());
            high = std::max(high, p.y());
        }
    }
    if (low > high)
        return autoY.value_or(std::pair(0.0, 1.0));

    // Keep the current scale while the data fits it well, so that the plot does not twitch.
    if (autoY) {
        const auto [currentLow, currentHigh] = *autoY;
        const double span = currentHigh - currentLow;
        const double inner = span * 0.01;
        if (low >= currentLow + inner && high <= currentHigh - inner && high - low >= span * 0.5)
            return *autoY;
    }
    double span = high - low;
    double margin = span * 0.08;
    if (span <= 0)
        margin = low != 0 ? std::abs(low) * 0.1 : 1;
    const double padded = span + 2 * margin;
    const double grid = niceStep(padded / 20);
    autoY = std::pair(std::floor((low - margin) / grid) * grid, std::ceil((high + margin) / grid) * grid);
    return *autoY;
}

void ChartPanelPrivate::updateTimeAxis(qint64 fromMs, qint64 toMs, int plotWidth)
{
    axisX->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));
    const QString format = timeFormatFor(fromMs, toMs);
    if (format != timeFormat) {
        timeFormat = format;
        axisX->setFormat(format);
    }
    const int ticks = timeTickCount(toMs - fromMs, maxTimeTicks(axisX->labelsFont(), format, plotWidth));
    if (ticks != shownTickCount) {
        shownTickCount = ticks;
        axisX->setTickCount(ticks);
    }
}

void ChartPanelPrivate::updateValueAxis(std::pair<double, double> range, int plotHeight)
{
    if (!(range.second > range.first))
        range.second = range.first + 1;
    axisY->setRange(range.first, range.second);
    const int ticks = std::clamp(plotHeight / 40, 2, 10);
    const double interval = niceStep((range.second - range.first) / ticks);
    axisY->setTickInterval(interval);
    axisY->setLabelFormat(QStringLiteral("%.") + QString::number(decimalsFor(interval)) + QStringLiteral("f"));
}

void ChartPanelPrivate::redraw(bool force)
{
    // A panel out of sight (another tab) catches up when it is shown again.
    if (series.empty() || (!force && !q->isVisible()))
        return;
    const QRectF plot = plotRect();
    int width = int(plot.width());
    int height = int(plot.height());
    if (width < 16 || height < 16) { // not laid out yet
        width = std::max(16, view->width() - 90);
        height = std::max(16, view->height() - 70);
    }

    qint64 from = viewFrom;
    qint64 to = viewTo;
    qint64 span = std::max<qint64>(1, to - from);
    // One decimation column is `step` ms on a grid anchored at the epoch, so that a column keeps
    // its samples from frame to frame and the min/max envelope does not shimmer while scrolling.
    qint64 step = std::max<qint64>(1, ceilDiv(span, width - 2));
    if (following) {
        span = followSpan(width);
        step = std::max<qint64>(1, ceilDiv(span, width - 2));
        to = ceilDiv(now, step) * step;
        from = to - span;
    }
    const qint64 gridFrom = floorDiv(from, step) * step;
    const qint64 gridTo = ceilDiv(to, step) * step;
    const int columns = int(std::max<qint64>(1, (gridTo - gridFrom) / step));

    const bool rangeChanged = force || dirty || !shown || from != shownFrom || to != shownTo
        || columns != shownColumns;
    std::vector<bool> changed(series.size(), rangeChanged);
    bool anyChanged = rangeChanged;
    for (size_t i = 0; i < series.size(); ++i) {
        SeriesState &s = series[i];
        BufferState state;
        if (s.spec.buffer) {
            state.size = s.spec.buffer->size();
            state.lastTime = state.size > 0 ? s.spec.buffer->lastTime() : 0;
            state.dropped = s.spec.buffer->droppedCount();
        }
        if (state == s.seen)
            continue;
        // While the view stands still, only samples that can land inside it matter.
        const bool matters = following || s.seen.size <= 0 || s.seen.lastTime <= gridTo;
        s.seen = state;
        if (matters) {
            changed[i] = true;
            anyChanged = true;
        }
    }
    if (!anyChanged)
        return;

    std::vector<QList<QPointF>> points(series.size());
    for (size_t i = 0; i < series.size(); ++i) {
        const SeriesBuffer *buffer = series[i].spec.buffer;
        if (!changed[i]) {
            points[i] = series[i].points;
            continue;
        }
        if (!buffer || buffer->isEmpty())
            continue;
        // Columns are [gridFrom + k * step, gridFrom + (k + 1) * step).
        QList<QPointF> list = buffer->decimated(gridFrom, gridTo - 1, columns);
        // The neighbours just outside, so that lines run to the edges of the plot.
        const qsizetype before = lowerBound(*buffer, gridFrom) - 1;
        if (before >= 0)
            list.prepend(QPointF(double(buffer->timeAt(before)), buffer->valueAt(before)));
        const qsizetype after = lowerBound(*buffer, gridTo);
        if (after < buffer->size())
            list.append(QPointF(double(buffer->timeAt(after)), buffer->valueAt(after)));
        points[i] = std::move(list);
    }

    const std::pair<double, double> yRange = targetValueRange(points, from, to);
    const bool xChanged = !shown || from != shownFrom || to != shownTo;
    const bool yChanged = !shown || yRange != shownY || force;
    if (xChanged || yChanged) {
        // Every axis change recomputes the geometry of every series: do it on empty series and
        // fill them once afterwards.
        for (size_t i = 0; i < series.size(); ++i) {
            if (!series[i].points.isEmpty()) {
                series[i].line->replace(QList<QPointF>());
                series[i].points.clear();
                changed[i] = true;
            }
        }
        if (xChanged)
            updateTimeAxis(from, to, width);
        if (yChanged)
            updateValueAxis(yRange, height);
    }
    for (size_t i = 0; i < series.size(); ++i) {
        if (!changed[i])
            continue;
        series[i].points = points[i];
        series[i].line->replace(points[i]);
    }

    shown = true;
    shownFrom = from;
    shownTo = to;
    shownColumns = columns;
    shownY = {axisY->min(), axisY->max()};
    dirty = false;
    if (hovering)
        hover(hoverPos);
}

ChartPanel::ChartPanel(QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<ChartPanelPrivate>(this))
{
    d->buildUi();
    setTitle(QString());
    setSeries({});
}

ChartPanel::~ChartPanel()
{
    // The view owns the chart; it goes first, while the state its event handlers use is alive.
    if (d->openGL) {
        for (SeriesState &s : d->series)
            s.line->setUseOpenGL(false);
    }
    delete d->view;
    d->view = nullptr;
}

void ChartPanel::setTitle(const QString &title)
{
    d->title = title;
    d->chart->setTitle(title.toHtmlEscaped());
    const QString empty = tr("No numeric fields yet");
    d->emptyLabel->setText(title.isEmpty() ? empty
                                           : QStringLiteral("<b>%1</b><br><br>%2").arg(title.toHtmlEscaped(), empty));
}

QString ChartPanel::title() const
{
    return d->title;
}

QColor ChartPanel::colorForIndex(int index)
{
    // Matplotlib's "tab10": distinct on white and for the common colour-vision deficiencies.
    static const QColor palette[] = {
        QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c),
        QColor(0xd6, 0x27, 0x28), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
        QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f), QColor(0xbc, 0xbd, 0x22),
        QColor(0x17, 0xbe, 0xcf),
    };
    constexpr int count = int(std::size(palette));
    index = std::abs(index);
    const QColor base = palette[index % count];
    const int round = index / count;
    if (round == 0)
        return base;
    return round % 2 == 1 ? base.darker(140) : base.lighter(130);
}

void ChartPanel::setSeries(const QList<PlotSeries> &list)
{
    for (SeriesState &s : d->series) {
        d->chart->removeSeries(s.line);
        delete s.line;
    }
    d->series.clear();
    d->clearHover();

    int index = 0;
    for (const PlotSeries &spec : list) {
        SeriesState s;
        s.spec = spec;
        if (!s.spec.color.isValid())
            s.spec.color = d->colorByName.value(spec.name, colorForIndex(index));
        d->colorByName.insert(spec.name, s.spec.color);
        s.line = new QLineSeries;
        s.line->setName(spec.name);
        QPen pen(s.spec.color);
        pen.setWidthF(1.5);
        s.line->setPen(pen);
        s.line->setPointsVisible(false);
        d->chart->addSeries(s.line);
        s.line->attachAxis(d->axisX);
        s.line->attachAxis(d->axisY);
        if (d->openGL)
            s.line->setUseOpenGL(true);
        d->series.push_back(std::move(s));
        ++index;
    }
    d->stack->setCurrentWidget(d->series.empty() ? static_cast<QWidget *>(d->emptyLabel) : d->view);
    d->dirty = true;
    d->updateButtons();
    d->redraw(true);
    d->updateYButton();
}

QList<PlotSeries> ChartPanel::series() const
{
    QList<PlotSeries> list;
    for (const SeriesState &s : d->series)
        list.append(s.spec);
    return list;
}

void ChartPanel::setTimeWindow(TimeWindow window)
{
    if (window == d->window)
        return;
    d->window = window;
    d->windowCombo->setCurrentIndex(d->windowCombo->findData(int(window)));
    if (!d->following) {
        // Keep the right edge of the frozen view and show the new window up to it.
        const qint64 length = windowLengthMs(window);
        if (length > 0) {
            d->viewFrom = d->viewTo - length;
        } else {
            std::optional<qint64> earliest;
            for (const SeriesState &s : d->series) {
                if (s.spec.buffer && !s.spec.buffer->isEmpty())
                    earliest = std::min(earliest.value_or(std::numeric_limits<qint64>::max()), s.spec.buffer->firstTime());
            }
            if (earliest && *earliest < d->viewTo)
                d->viewFrom = *earliest;
        }
    }
    d->dirty = true;
    d->requestRedraw();
    Q_EMIT timeWindowChanged(window);
}

ChartPanel::TimeWindow ChartPanel::timeWindow() const
{
    return d->window;
}

qint64 ChartPanel::windowLengthMs(TimeWindow window)
{
    switch (window) {
    case TenSeconds:
        return 10'000;
    case OneMinute:
        return 60'000;
    case TenMinutes:
        return 600'000;
    case OneHour:
        return 3'600'000;
    case All:
        break;
    }
    return 0;
}

bool ChartPanel::isFollowing() const
{
    return d->following;
}

void ChartPanel::setPaused(bool paused)
{
    d->setFollowing(!paused);
    d->requestRedraw();
}

void ChartPanel::zoomToRange(qint64 fromMs, qint64 toMs)
{
    d->setViewRange(fromMs, toMs);
    d->updateButtons();
    d->requestRedraw();
}

void ChartPanel::zoomToValueRange(double min, double max)
{
    if (min > max)
        std::swap(min, max);
    if (!(max > min) || !std::isfinite(min) || !std::isfinite(max))
        return;
    d->zoomY = std::pair(min, max);
    d->dirty = true;
    d->updateButtons();
    d->requestRedraw();
}

void ChartPanel::panBy(double timeFraction, double valueFraction)
{
    if (!d->shown)
        return;
    if (timeFraction != 0) {
        const auto shift = qint64(std::llround(double(d->shownTo - d->shownFrom) * timeFraction));
        d->setViewRange(d->shownFrom + shift, d->shownTo + shift);
    }
    if (valueFraction != 0) {
        const double shift = (d->shownY.second - d->shownY.first) * valueFraction;
        d->zoomY = std::pair(d->shownY.first + shift, d->shownY.second + shift);
        d->dirty = true;
    }
    d->updateButtons();
    d->requestRedraw();
}

void ChartPanel::resetZoom()
{
    d->zoomY.reset();
    d->autoY.reset();
    d->setFollowing(true);
    d->dirty = true;
    d->updateButtons();
    d->requestRedraw();
}

void ChartPanel::setFixedYRange(double min, double max)
{
    if (!std::isfinite(min) || !std::isfinite(max))
        return;
    if (min > max)
        std::swap(min, max);
    const bool changed = d->autoScaleY || d->fixedY != std::pair(min, max);
    d->fixedY = {min, max};
    d->autoScaleY = false;
    d->zoomY.reset();
    d->dirty = true;
    d->updateButtons();
    d->updateYButton();
    d->requestRedraw();
    if (changed)
        Q_EMIT yRangeChanged(false, min, max);
}

void ChartPanel::setAutoScaleY(bool autoScale)
{
    const bool changed = d->autoScaleY != autoScale;
    d->autoScaleY = autoScale;
    d->autoY.reset();
    d->zoomY.reset();
    d->dirty = true;
    d->updateButtons();
    d->updateYButton();
    d->requestRedraw();
    if (changed)
        Q_EMIT yRangeChanged(autoScale, d->fixedY.first, d->fixedY.second);
}

bool ChartPanel::autoScaleY() const
{
    return d->autoScaleY;
}

std::pair<double, double> ChartPanel::fixedYRange() const
{
    return d->fixedY;
}

std::pair<qint64, qint64> ChartPanel::timeRange() const
{
    return {d->axisX->min().toMSecsSinceEpoch(), d->axisX->max().toMSecsSinceEpoch()};
}

std::pair<double, double> ChartPanel::valueRange() const
{
    return {d->axisY->min(), d->axisY->max()};
}

QString ChartPanel::timeLabelFormat() const
{
    return d->axisX->format();
}

QRect ChartPanel::plotArea() const
{
    const QRectF inScene = d->chart->mapRectToScene(d->plotRect());
    const QRect inView = d->view->mapFromScene(inScene).boundingRect();
    return QRect(d->view->viewport()->mapTo(this, inView.topLeft()), inView.size());
}

QList<QPointF> ChartPanel::displayedPoints(int seriesIndex) const
{
    if (seriesIndex < 0 || seriesIndex >= int(d->series.size()))
        return {};
    return d->series[size_t(seriesIndex)].points;
}

QString ChartPanel::readoutAt(qint64 timeMs, double value) const
{
    const auto point = d->nearest(double(timeMs), value);
    return point ? d->readoutFor(*point) : QString();
}

QString ChartPanel::readoutAtPosition(const QPoint &pos) const
{
    const QPoint viewPos = d->view->viewport()->mapFrom(this, pos);
    const QPointF chartPos = d->chartPosition(viewPos);
    if (!d->plotRect().contains(chartPos))
        return QString();
    const auto value = d->valueAt(chartPos);
    if (!value)
        return QString();
    const auto point = d->nearest(value->first, value->second);
    return point ? d->readoutFor(*point) : QString();
}

QString ChartPanel::readoutText() const
{
    return d->readout->text();
}

bool ChartPanel::openGLAvailable()
{
    static const bool available = [] {
        QOpenGLContext context;
        return context.create();
    }();
    return available;
}

bool ChartPanel::setOpenGLEnabled(bool enabled)
{
    if (enabled && !openGLAvailable())
        return false;
    if (d->openGL == enabled)
        return true;
    d->openGL = enabled;
    for (SeriesState &s : d->series)
        s.line->setUseOpenGL(enabled);
    return true;
}

void ChartPanel::setDarkTheme(bool dark)
{
    d->darkTheme = dark;
    const QColor background = dark ? QColor(0x1e, 0x21, 0x26) : QColor(Qt::white);
    const QColor text = dark ? QColor(0xdc, 0xde, 0xe2) : QColor(0x26, 0x26, 0x26);
    const QColor grid = dark ? QColor(0x3c, 0x41, 0x49) : QColor(0xe0, 0xe0, 0xe0);
    const QColor line = dark ? QColor(0x76, 0x7b, 0x84) : QColor(0x9a, 0x9a, 0x9a);
    d->chart->setBackgroundBrush(background);
    d->chart->setTitleBrush(text);
    d->chart->legend()->setLabelColor(text);
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(d->axisX), static_cast<QAbstractAxis *>(d->axisY)}) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(line);
    }
    d->view->setBackgroundBrush(background);
    d->crosshair->setPen(QPen(dark ? QColor(255, 255, 255, 110) : QColor(0, 0, 0, 90), 0, Qt::DashLine));
    d->marker->setBrush(background);
    d->dirty = true;
    d->requestRedraw();
}

bool ChartPanel::isDarkTheme() const
{
    return d->darkTheme;
}

QImage ChartPanel::grabImage()
{
    d->requestRedraw();
    const bool wasAntialiased = d->view->renderHints().testFlag(QPainter::Antialiasing);
    const bool markerVisible = d->marker->isVisible();
    d->marker->hide();
    d->crosshair->hide();
    d->view->setRenderHint(QPainter::Antialiasing, true);
    const QImage image = d->view->grab().toImage();
    d->view->setRenderHint(QPainter::Antialiasing, wasAntialiased);
    d->marker->setVisible(markerVisible);
    d->crosshair->setVisible(markerVisible);
    return image;
}

void ChartPanel::refresh(qint64 nowMs)
{
    d->now = nowMs;
    d->redraw(false);
}
