#include "ChartAreaToolBar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QSpinBox>
#include <QToolButton>

#include <algorithm>

namespace {


} // namespace

ChartAreaToolBar::ChartAreaToolBar(QWidget *parent)
    : QWidget(parent)
{
    m_layoutCombo = new QComboBox(this);
    m_layoutCombo->setObjectName(QStringLiteral("layoutMode"));
    m_layoutCombo->addItem(tr("Chart per stream"), int(ChartArea::ChartPerStream));
    m_layoutCombo->addItem(tr("Single chart"), int(ChartArea::SingleChart));
    m_layoutCombo->addItem(tr("Dashboard"), int(ChartArea::Dashboard));
    m_layoutCombo->setItemData(0, tr("One chart for each stream, one above the other"), Qt::ToolTipRole);
    m_layoutCombo->setItemData(1, tr("Every stream's plotted fields in one chart"), Qt::ToolTipRole);
    m_layoutCombo->setItemData(2, tr("Panels you arrange: time series, stat tiles, connection timeline, event rate"),
                               Qt::ToolTipRole);
    m_layoutCombo->setToolTip(tr("How the streams are laid out"));
    connect(m_layoutCombo, &QComboBox::activated, this, [this](int index) {
        Q_EMIT layoutModeChosen(ChartArea::LayoutMode(m_layoutCombo->itemData(index).toInt()));
    });

    m_addPanelButton = new QToolButton(this);
    m_addPanelButton->setObjectName(QStringLiteral("addPanel"));
    m_addPanelButton->setText(tr("Add Panel"));
    m_addPanelButton->setToolTip(tr("Add a panel to the dashboard (drag fields from the Fields panel onto it)"));
    m_addPanelButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_addPanelButton->setPopupMode(QToolButton::InstantPopup);
    auto *addMenu = new QMenu(m_addPanelButton);
    struct Choice
    {
        PanelConfig::Kind kind;
        QString text;
        QString tip;
    };
    const Choice kinds[] = {
        {PanelConfig::Kind::TimeSeries, tr("Time Series"), tr("A chart of fields over time; drop more fields on it")},
        {PanelConfig::Kind::StatTile, tr("Stat Tile"), tr("A field's latest value in large, with a sparkline and threshold colours")},
        {PanelConfig::Kind::ConnectionTimeline, tr("Connection Timeline"),
         tr("Each stream's connection state over time, with reconnects and id resets")},
        {PanelConfig::Kind::EventRate, tr("Event Rate"), tr("Events and bytes per second of each stream")},
    };
    for (const Choice &choice : kinds) {
        QAction *action = addMenu->addAction(choice.text, this, [this, kind = choice.kind] { Q_EMIT addPanelChosen(kind); });
        action->setToolTip(choice.tip);
    }
    addMenu->setToolTipsVisible(true);
    m_addPanelButton->setMenu(addMenu);

    m_windowCombo = new QComboBox(this);
    m_windowCombo->setObjectName(QStringLiteral("timeWindow"));
    ChartPanel::addWindowChoices(m_windowCombo);
    m_windowCombo->setToolTip(tr("Time window of every chart while it follows the newest data"));
    connect(m_windowCombo, &QComboBox::activated, this, [this](int index) {
        Q_EMIT timeWindowChosen(ChartPanel::TimeWindow(m_windowCombo->itemData(index).toInt()));
    });

    m_pauseButton = new QToolButton(this);
    m_pauseButton->setObjectName(QStringLiteral("pauseAll"));
    m_pauseButton->setCheckable(true);
    m_pauseButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_pauseButton, &QToolButton::toggled, this, &ChartAreaToolBar::pauseToggled);

    m_resetButton = new QToolButton(this);
    m_resetButton->setObjectName(QStringLiteral("resetAll"));
    m_resetButton->setText(tr("Reset all"));
    m_resetButton->setToolTip(tr("Every chart back to its window, following the newest data"));
    m_resetButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_resetButton, &QToolButton::clicked, this, &ChartAreaToolBar::resetClicked);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 0);
    layout->addWidget(m_layoutCombo);
    layout->addWidget(m_addPanelButton);
    layout->addSpacing(8);
    auto *windowLabel = new QLabel(tr("Window:"), this);
    windowLabel->setBuddy(m_windowCombo);
    layout->addWidget(windowLabel);
    layout->addWidget(m_windowCombo);
    layout->addStretch(1);
    layout->addWidget(m_pauseButton);
    layout->addWidget(m_resetButton);
}

void ChartAreaToolBar::setState(ChartArea::LayoutMode mode, ChartPanel::TimeWindow window, bool paused,
                                bool hasStreams)
{
    m_layoutCombo->setCurrentIndex(m_layoutCombo->findData(int(mode)));
    m_windowCombo->setCurrentIndex(m_windowCombo->findData(int(window)));
    {
        const QSignalBlocker blocker(m_pauseButton);
        m_pauseButton->setChecked(paused);
    }
    m_pauseButton->setText(paused ? tr("Resume all") : tr("Pause all"));
    m_pauseButton->setToolTip(paused ? tr("Every chart follows the newest data again")
                                     : tr("Freeze every chart; data keeps arriving"));
    m_pauseButton->setEnabled(hasStreams);
    m_resetButton->setEnabled(hasStreams);
}
