#pragma once

#include "ChartArea.h"

#include <QWidget>

class QComboBox;
class QToolButton;

// The row above the chart area: arrangement, add a panel, shared time window, pause all, reset all.
// It shows the state it is given and reports what the user asked for.
class ChartAreaToolBar : public QWidget
{
    Q_OBJECT

public:
    explicit ChartAreaToolBar(QWidget *parent = nullptr);

    void setState(ChartArea::LayoutMode mode, ChartPanel::TimeWindow window, bool paused, bool hasStreams);

Q_SIGNALS:
    void layoutModeChosen(ChartArea::LayoutMode mode);
    void timeWindowChosen(ChartPanel::TimeWindow window);
    void pauseToggled(bool paused);
    void resetClicked();
    void addPanelChosen(PanelConfig::Kind kind);

private:
    QComboBox *m_layoutCombo = nullptr;
    QComboBox *m_windowCombo = nullptr;
    QToolButton *m_addPanelButton = nullptr;
    QToolButton *m_pauseButton = nullptr;
    QToolButton *m_resetButton = nullptr;
};
