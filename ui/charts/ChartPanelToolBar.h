#pragma once

#include "ChartPanel.h"

#include <QWidget>

#include <utility>

class QAction;
class QComboBox;
class QLabel;
class QToolButton;
class ReadoutLabel;

// The row above a chart: the hover readout, the value-axis menu, the time window, pause and
// reset. It shows the state it is given and reports what the user asked for.
class ChartPanelToolBar : public QWidget
{
    Q_OBJECT

public:
    explicit ChartPanelToolBar(QWidget *parent = nullptr);

    ReadoutLabel *readout() const { return m_readout; }

    void setTitle(const QString &title);
    void setTimeWindow(ChartPanel::TimeWindow window);
    void setState(bool hasSeries, bool following, bool zoomed);
    void setValueAxisState(bool autoScale, std::pair<double, double> fixedRange, bool shown);

Q_SIGNALS:
    void timeWindowChosen(ChartPanel::TimeWindow window);
    void pauseToggled(bool paused);
    void resetClicked();
    void autoScaleToggled(bool autoScale);
    void fixedBoundsRequested();
    void useCurrentRangeRequested();
    void valueMenuAboutToShow();

private:
    QLabel *m_title = nullptr;
    ReadoutLabel *m_readout = nullptr;
    QComboBox *m_windowCombo = nullptr;
    QToolButton *m_pauseButton = nullptr;
    QToolButton *m_resetButton = nullptr;
    QToolButton *m_yButton = nullptr;
    QAction *m_autoScaleAction = nullptr;
    QAction *m_currentRangeAction = nullptr;
};
