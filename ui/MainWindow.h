#pragma once

#include <QMainWindow>

#include <utility>

class CaptureController;
class ChartArea;
class ChartBinding;
class EventLogPane;
class FieldPicker;
class GlobalShortcuts;
class MonitoringDocks;
class QAction;
class QDockWidget;
class QLabel;
class QStackedWidget;
class SessionController;
class Stream;
class StreamsPane;
class Workspace;

// The dashboard's shell: it assembles the chart area, the Streams, Fields and Events docks, the
// menus and the status bar around a Workspace, and owns no data of its own.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    Workspace *workspace() const { return m_workspace; }
    StreamsPane *streamsPane() const { return m_streamsPane; }
    EventLogPane *eventLog() const { return m_eventLog; }
    ChartArea *chartArea() const { return m_chartArea; }
    FieldPicker *fieldPicker() const { return m_fieldPicker; }
    SessionController *sessions() const { return m_sessions; }
    CaptureController *captures() const { return m_captures; }
    QLabel *emptyStateLabel() const { return m_hintLabel; }
    QLabel *captureCountLabel() const { return m_captureCountLabel; }
    QAction *pauseAction() const { return m_pauseAction; }
    QAction *limitsAction() const { return m_limitsAction; }
    QAction *exportChartAction() const { return m_exportChartAction; }

    // "N of M streams open · X events/s"
    QString statusText() const;
    // "Captured N events · M dropped", summed over the streams.
    QString captureStatusText() const;

    // The time range the charts show, in receive time (first > second when there is none).
    std::pair<qint64, qint64> visibleChartRange() const;

    // The charts rendered at `size` (title, axes, legend; no buttons): SVG for a .svg path when
    // built with SVG support, else PNG.
    bool exportChartImage(const QString &path, const QSize &size, QString *errorMessage = nullptr);
    static bool svgExportAvailable();

    // Window geometry and dock layout of the last run.
    void restoreWindowSettings();
    void saveWindowSettings() const;

public Q_SLOTS:
    void exportChartInteractive();
    void showLimitsDialog();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createCentralArea();
    void createDocks();
    void createMenus();
    void connectWorkspace();
    void updateStatus();
    void updateTitle();
    void updateEmptyState();
    void updateLogStreams();
    void showMessage(const QString &text, int timeoutMs);

    Workspace *m_workspace;
    GlobalShortcuts *m_shortcuts;
    StreamsPane *m_streamsPane = nullptr;
    EventLogPane *m_eventLog = nullptr;
    ChartArea *m_chartArea = nullptr;
    ChartBinding *m_charts = nullptr;
    FieldPicker *m_fieldPicker = nullptr;
    SessionController *m_sessions = nullptr;
    CaptureController *m_captures = nullptr;
    QStackedWidget *m_centralStack = nullptr;
    QLabel *m_hintLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_captureCountLabel = nullptr;
    QDockWidget *m_streamsDock = nullptr;
    QDockWidget *m_fieldsDock = nullptr;
    QDockWidget *m_eventsDock = nullptr;
    MonitoringDocks *m_monitoring = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_resetZoomAction = nullptr;
    QAction *m_limitsAction = nullptr;
    QAction *m_exportChartAction = nullptr;
};
