#include "ChartPanelToolBar.h"

#include "AxisTicks.h"
#include "ReadoutLabel.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QToolButton>

namespace {

// Short enough for a tool button.
QString compact(double value)
{
    const QString text = ValueFormat::readout(value);
    return text.size() <= 8 ? text : QString::number(value, 'g', 4);
}

} // namespace

ChartPanelToolBar::ChartPanelToolBar(QWidget *parent)
    : QWidget(parent)
{
    m_readout = new ReadoutLabel(this);
    m_readout->setObjectName(QStringLiteral("readout"));
    m_readout->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_readout->setToolTip(tr("Time and value of the point nearest the cursor"));

    m_windowCombo = new QComboBox(this);
    m_windowCombo->setObjectName(QStringLiteral("timeWindow"));
    ChartPanel::addWindowChoices(m_windowCombo);
    m_windowCombo->setToolTip(tr("Time window shown while following the newest data (Ctrl+wheel zooms it)"));
    connect(m_windowCombo, &QComboBox::activated, this, [this](int index) {
        Q_EMIT timeWindowChosen(ChartPanel::TimeWindow(m_windowCombo->itemData(index).toInt()));
    });

    m_pauseButton = new QToolButton(this);
    m_pauseButton->setObjectName(QStringLiteral("pause"));
    m_pauseButton->setCheckable(true);
    m_pauseButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_pauseButton, &QToolButton::toggled, this, &ChartPanelToolBar::pauseToggled);

    m_resetButton = new QToolButton(this);
    m_resetButton->setObjectName(QStringLiteral("resetZoom"));
    m_resetButton->setText(tr("Reset zoom"));
    m_resetButton->setToolTip(tr("Back to the chosen window, following the newest data (Esc or double-click)"));
    m_resetButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_resetButton, &QToolButton::clicked, this, &ChartPanelToolBar::resetClicked);

    m_yButton = new QToolButton(this);
    m_yButton->setObjectName(QStringLiteral("yRange"));
    m_yButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_yButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_yButton);
    menu->setToolTipsVisible(true);
    m_autoScaleAction = menu->addAction(tr("&Auto scale"));
    m_autoScaleAction->setObjectName(QStringLiteral("yAutoScale"));
    m_autoScaleAction->setCheckable(true);
    m_autoScaleAction->setToolTip(tr("Fit the value axis to the visible data"));
    connect(m_autoScaleAction, &QAction::triggered, this, &ChartPanelToolBar::autoScaleToggled);
    QAction *fixedBounds = menu->addAction(tr("&Fixed bounds…"));
    fixedBounds->setObjectName(QStringLiteral("yFixedBounds"));
    fixedBounds->setToolTip(tr("Enter the lowest and highest value to show"));
    connect(fixedBounds, &QAction::triggered, this, &ChartPanelToolBar::fixedBoundsRequested);
    m_currentRangeAction = menu->addAction(tr("Use &current range"));
    m_currentRangeAction->setObjectName(QStringLiteral("yUseCurrentRange"));
    m_currentRangeAction->setToolTip(tr("Keep the value axis at what it shows now"));
    connect(m_currentRangeAction, &QAction::triggered, this, &ChartPanelToolBar::useCurrentRangeRequested);
    connect(menu, &QMenu::aboutToShow, this, &ChartPanelToolBar::valueMenuAboutToShow);
    m_yButton->setMenu(menu);

    // On screen the title stands here, beside the readout, which leaves the plot its height;
    // exported images draw it in the chart.
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("panelTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 0, 4, 0);
    layout->addWidget(m_title);
    layout->addSpacing(12);
    layout->addWidget(m_readout, 1);
    layout->addWidget(m_yButton);
    layout->addWidget(m_windowCombo);
    layout->addWidget(m_pauseButton);
    layout->addWidget(m_resetButton);

    setTimeWindow(ChartPanel::OneMinute);
    setState(false, true, false);
    setValueAxisState(true, {0, 1}, false);
}

void ChartPanelToolBar::setTimeWindow(ChartPanel::TimeWindow window)
{
    m_windowCombo->setCurrentIndex(m_windowCombo->findData(int(window)));
}

void ChartPanelToolBar::setState(bool hasSeries, bool following, bool zoomed)
{
    const QSignalBlocker blocker(m_pauseButton);
    m_pauseButton->setChecked(!following);
    m_pauseButton->setText(following ? tr("Pause") : tr("Resume"));
    m_pauseButton->setToolTip(following ? tr("Freeze the view; data keeps arriving (Space)")
                                        : tr("Follow the newest data again (Space)"));
    m_windowCombo->setEnabled(hasSeries);
    m_pauseButton->setEnabled(hasSeries);
    m_resetButton->setEnabled(hasSeries && (!following || zoomed));
}

void ChartPanelToolBar::setValueAxisState(bool autoScale, std::pair<double, double> fixedRange, bool shown)
{
    const QSignalBlocker blocker(m_autoScaleAction);
    m_autoScaleAction->setChecked(autoScale);
    m_currentRangeAction->setEnabled(shown);
    if (autoScale) {
        m_yButton->setText(tr("Y: Auto"));
        m_yButton->setToolTip(tr("Value axis fitted to the visible data"));
    } else {
        m_yButton->setText(tr("Y: %1 – %2").arg(compact(fixedRange.first), compact(fixedRange.second)));
        m_yButton->setToolTip(tr("Value axis fixed from %1 to %2")
                                  .arg(ValueFormat::readout(fixedRange.first), ValueFormat::readout(fixedRange.second)));
    }
}

void ChartPanelToolBar::setTitle(const QString &title)
{
    m_title->setText(title);
    m_title->setVisible(!title.isEmpty());
}
