#pragma once

#include <QObject>

class AlertsPane;
class ChartArea;
class EventLogModel;
class FieldPicker;
class QDockWidget;
class QMainWindow;
class StatisticsPane;
class StreamListModel;
class Workspace;

// The monitoring parts of the window: the Alerts and Statistics docks, desktop notifications,
// alert rows in the log, the firing badge on a stream's row, and the units the Fields dock sets.
// It connects what exists; it owns no data.
class MonitoringDocks : public QObject
{
    Q_OBJECT

public:
    MonitoringDocks(QMainWindow *window, Workspace *workspace, ChartArea *area, FieldPicker *picker,
                    EventLogModel *log, StreamListModel *streams);

    QDockWidget *alertsDock() const { return m_alertsDock; }
    QDockWidget *statisticsDock() const { return m_statisticsDock; }
    AlertsPane *alertsPane() const { return m_alertsPane; }
    StatisticsPane *statisticsPane() const { return m_statisticsPane; }
    // After a session was applied: the panes show the workspace's settings again.
    void sessionApplied();

private:
    void updateStatistics();

    Workspace *m_workspace;
    ChartArea *m_area;
    AlertsPane *m_alertsPane;
    StatisticsPane *m_statisticsPane;
    QDockWidget *m_alertsDock;
    QDockWidget *m_statisticsDock;
    // Whether the Statistics tab is the one showing: a tabbed dock behind another stays
    // isVisible() in Qt 6.4, and its figures cost a pass over every sample in the window.
    bool m_statisticsShown = false;
};
