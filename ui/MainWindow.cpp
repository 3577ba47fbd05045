#include "MainWindow.h"

#include "ActionFactory.h"
#include "CaptureController.h"
#include "ChartArea.h"
#include "ChartPanel.h"
#include "ChartBinding.h"
#include "ChartExportDialog.h"
#include "EventLogModel.h"
#include "EventLogPane.h"
#include "FieldPicker.h"
#include "GlobalShortcuts.h"
#include "HelpMenu.h"
#include "MonitoringDocks.h"
#include "Preferences.h"
#include "PreferencesController.h"
#include "LimitsDialog.h"
#include "SessionController.h"
#include "Stream.h"
#include "StreamListModel.h"
#include "StreamsPane.h"
#include "CaptureStore.h"
#include "Workspace.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QHeaderView>
#include <QToolBar>
#include <QVBoxLayout>

namespace {

const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
const QString LimitsKey = QStringLiteral("limits/");
constexpr qint64 MiB = 1024 * 1024;

Limits storedLimits()
{
    const QSettings settings;
    Limits limits;
    limits.captureMaxEvents = settings.value(LimitsKey + u"captureMaxEvents", limits.captureMaxEvents).toLongLong();
    limits.captureMaxMiB = settings.value(LimitsKey + u"captureMaxMiB", limits.captureMaxMiB).toInt();
    limits.captureTotalMiB = settings.value(LimitsKey + u"captureTotalMiB", limits.captureTotalMiB).toInt();
    limits.logRows = settings.value(LimitsKey + u"logRows", limits.logRows).toInt();
    limits.chartPoints = settings.value(LimitsKey + u"chartPoints", limits.chartPoints).toInt();
    return limits.bounded();
}

void storeLimits(const Limits &limits)
{
    QSettings settings;
    settings.setValue(LimitsKey + u"captureMaxEvents", limits.captureMaxEvents);
    settings.setValue(LimitsKey + u"captureMaxMiB", limits.captureMaxMiB);
    settings.setValue(LimitsKey + u"captureTotalMiB", limits.captureTotalMiB);
    settings.setValue(LimitsKey + u"logRows", limits.logRows);
    settings.setValue(LimitsKey + u"chartPoints", limits.chartPoints);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(new Workspace(this))
    , m_shortcuts(new GlobalShortcuts(this))
{
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    m_workspace->setLimits(storedLimits());
    m_workspace->setModified(false);

    createCentralArea();
    createDocks();
    auto *charts = new ChartBinding(m_workspace, m_chartArea, m_fieldPicker, this);
    m_charts = charts;
    m_sessions = new SessionController(
        m_workspace, this,
        [this, charts](SessionData &session) {
            charts->writeLayout(session);
            session.windowState = saveState();
            session.windowGeometry = saveGeometry();
        },
        [this, charts](const SessionData &session) {
            charts->readLayout(session);
            if (!session.windowGeometry.isEmpty())
                restoreGeometry(session.windowGeometry);
            if (!session.windowState.isEmpty())
                restoreState(session.windowState);
            m_monitoring->sessionApplied();
        },
        this);
    m_monitoring = new MonitoringDocks(this, m_workspace, m_chartArea, m_fieldPicker, m_eventLog->model(),
                                       m_streamsPane->model());
    connect(m_chartArea, &ChartArea::pointClicked, this, [this](StreamFieldStore *store, qint64 receivedAtMs) {
        for (const Stream *stream : m_workspace->streams()) {
            if (stream->fields() == store) {
                m_eventsDock->raise();
                m_eventLog->selectEvent(stream->id(), receivedAtMs);
            }
        }
    });
    tabifyDockWidget(m_eventsDock, m_monitoring->alertsDock());
    tabifyDockWidget(m_eventsDock, m_monitoring->statisticsDock());
    m_eventsDock->raise();
    m_captures = new CaptureController(
        m_workspace, this, [charts] { return charts->visibleRange(); },
        [charts](const Stream *stream) { return charts->plottedFields(stream); }, this);
    connect(m_captures, &CaptureController::captureOpened, charts, &ChartBinding::showWholeSpan);
    connect(m_sessions, &SessionController::message, this, &MainWindow::showMessage);
    connect(m_captures, &CaptureController::message, this, &MainWindow::showMessage);
    connect(m_streamsPane, &StreamsPane::message, this, &MainWindow::showMessage);
    connect(m_sessions, &SessionController::pathChanged, this, [this](const QString &path) {
        m_captures->setStartFolder(path.isEmpty() ? QDir::homePath() : QFileInfo(path).path());
        updateTitle();
    });

    // Counts grow with the capture: a label's text must not set the window's minimum width (at
    // 1024 px it pushed the window off the screen), so it is clipped when space runs out.
    m_captureCountLabel = new QLabel(this);
    m_captureCountLabel->setMinimumWidth(1);
    m_captureCountLabel->setObjectName(QStringLiteral("captureCountLabel"));
    statusBar()->addPermanentWidget(m_captureCountLabel);
    m_statusLabel = new QLabel(this);
    m_statusLabel->setMinimumWidth(1);
    m_statusLabel->setToolTip(tr("When events come faster than the charts can draw them, the charts take an even "
                                 "selection of each stream's events so that the window keeps answering; the capture "
                                 "and the log keep every event."));
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    statusBar()->addPermanentWidget(m_statusLabel);

    createMenus();
    connectWorkspace();
    updateStatus();
    updateTitle();
    updateEmptyState();

    const QSize available = screen() ? screen()->availableSize() : QSize(1400, 900);
    resize(qBound(800, available.width() * 9 / 10, 1600), qBound(600, available.height() * 9 / 10, 1000));
    // The Streams dock shows at least four rows and its header; the user's size is remembered.
    const int rowHeight = m_streamsPane->view()->verticalHeader()->defaultSectionSize();
    resizeDocks({m_streamsDock, m_eventsDock}, {rowHeight * 6 + 8, height() * 3 / 10}, Qt::Vertical);
    resizeDocks({m_fieldsDock}, {fontMetrics().horizontalAdvance(QLatin1Char('x')) * 44}, Qt::Horizontal);
}

MainWindow::~MainWindow()
{
    // The views go before the workspace whose streams they show.
    delete m_fieldPicker;
    m_fieldPicker = nullptr;
    m_workspace->removeAllStreams();
}

void MainWindow::createCentralArea()
{
    m_centralStack = new QStackedWidget(this);
    auto *hintPage = new QWidget(m_centralStack);
    hintPage->setBackgroundRole(QPalette::Base);
    hintPage->setAutoFillBackground(true);
    auto *hintLayout = new QVBoxLayout(hintPage);
    hintLayout->addStretch(1);
    m_hintLabel = new QLabel(
        tr("<p style=\"font-size: large\"><b>No streams yet</b></p>"
           "<p>Add a text/event-stream URL with <b>Stream \u25B8 Add Stream\u2026</b> (Ctrl+N),<br>"
           "open a saved session (Ctrl+O), or start the built-in demo stream<br>"
           "(<b>Stream \u25B8 Start Demo Stream</b>, or run <tt>eventscope --demo</tt>).</p>"),
        hintPage);
    m_hintLabel->setObjectName(QStringLiteral("emptyStateLabel"));
    m_hintLabel->setAlignment(Qt::AlignCenter);
    m_hintLabel->setTextFormat(Qt::RichText);
    hintLayout->addWidget(m_hintLabel);
    auto *hintButtons = new QHBoxLayout;
    hintButtons->addStretch(1);
    m_centralStack->addWidget(hintPage);
    m_chartArea = new ChartArea(m_centralStack);
    m_chartArea->setObjectName(QStringLiteral("chartArea"));
    m_chartArea->setTimeWindow(ChartPanel::windowForLength(Preferences::load().timeWindowMs));
    m_centralStack->addWidget(m_chartArea);
    setCentralWidget(m_centralStack);

    m_streamsPane = new StreamsPane(m_workspace, this);
    auto *addButton = new QPushButton(tr("Add Stream\u2026"), hintPage);
    auto *demoButton = new QPushButton(tr("Start Demo Stream"), hintPage);
    connect(addButton, &QPushButton::clicked, m_streamsPane->addAction(), &QAction::trigger);
    connect(demoButton, &QPushButton::clicked, m_streamsPane->demoAction(), &QAction::trigger);
    hintButtons->addWidget(addButton);
    hintButtons->addWidget(demoButton);
    hintButtons->addStretch(1);
    hintLayout->addLayout(hintButtons);
    hintLayout->addStretch(2);
}

void MainWindow::createDocks()
{
    m_streamsDock = new QDockWidget(tr("Streams"), this);
    m_streamsDock->setObjectName(QStringLiteral("streamsDock"));
    m_streamsDock->setWidget(m_streamsPane);
    addDockWidget(Qt::TopDockWidgetArea, m_streamsDock);

    m_fieldPicker = new FieldPicker(m_chartArea, this);
    m_fieldsDock = new QDockWidget(tr("Fields"), this);
    m_fieldsDock->setObjectName(QStringLiteral("fieldsDock"));
    m_fieldsDock->setWidget(m_fieldPicker);
    addDockWidget(Qt::LeftDockWidgetArea, m_fieldsDock);

    m_eventLog = new EventLogPane(this);
    m_eventLog->setMaximumRows(m_workspace->limits().logRows);
    m_eventsDock = new QDockWidget(tr("Events"), this);
    m_eventsDock->setObjectName(QStringLiteral("eventsDock"));
    m_eventsDock->setWidget(m_eventLog);
    addDockWidget(Qt::BottomDockWidgetArea, m_eventsDock);
}

void MainWindow::connectWorkspace()
{
    EventLogModel *log = m_eventLog->model();
    connect(m_workspace, &Workspace::eventsAdded, log,
            [log](Stream *stream, const QList<CapturedEvent> &events) { log->appendEvents(stream->id(), events); });
    connect(m_workspace, &Workspace::commentsAdded, log,
            [log](Stream *stream, const QList<StreamComment> &comments) { log->appendComments(stream->id(), comments); });
    connect(m_workspace, &Workspace::connectionEvent, log,
            [log](Stream *stream, const ConnectionEvent &event) { log->appendConnectionEvent(stream->id(), event); });
    // Rows enter the log on the text tick, with the tables and the status bar (about four times a
    // second): a log flush under load replaces thousands of rows, too much for every frame.
    connect(m_workspace, &Workspace::textTicked, log, &EventLogModel::flush);
    log->setFlushInterval(EventLogModel::FlushedByOwner);
    connect(m_workspace, &Workspace::streamAboutToBeRemoved, log,
            [log](Stream *stream) { log->removeStream(stream->id()); });
    connect(m_workspace, &Workspace::streamAdded, this, &MainWindow::updateLogStreams);
    connect(m_workspace, &Workspace::streamRemoved, this, &MainWindow::updateLogStreams);
    connect(m_workspace, &Workspace::streamChanged, this, &MainWindow::updateLogStreams);
    for (auto signal : {&Workspace::streamAdded, &Workspace::streamAboutToBeRemoved}) {
        connect(m_workspace, signal, this, [this] {
            // After the removal is through: a queued update sees the new count.
            QMetaObject::invokeMethod(this, &MainWindow::updateEmptyState, Qt::QueuedConnection);
        });
    }
    connect(m_workspace, &Workspace::limitsChanged, this, [this](const Limits &limits) {
        m_eventLog->setMaximumRows(limits.logRows);
        storeLimits(limits);
    });
    connect(m_workspace, &Workspace::modifiedChanged, this, &MainWindow::updateTitle);
    // On the same tick as the tables, so that the counts agree.
    connect(m_workspace, &Workspace::textTicked, this, &MainWindow::updateStatus);
    connect(m_streamsPane->model(), &StreamListModel::totalsChanged, this, &MainWindow::updateStatus);
}

void MainWindow::createMenus()
{
    StreamsPane *streams = m_streamsPane;
    m_pauseAction = ActionFactory::make(this, tr("&Pause Charts"), QStringLiteral("pauseAction"),
                                        QKeySequence(Qt::Key_Space),
                                        tr("Freeze the charts' view; events keep being recorded"));
    m_pauseAction->setCheckable(true);
    connect(m_pauseAction, &QAction::toggled, m_chartArea, &ChartArea::setPaused);
    connect(m_chartArea, &ChartArea::pausedChanged, m_pauseAction, &QAction::setChecked);
    m_resetZoomAction = ActionFactory::make(this, tr("&Follow Newest Data"), QStringLiteral("resetZoomAction"),
                                            QKeySequence(Qt::Key_Escape),
                                            tr("Undo zoom and pause: follow the newest data with the chosen time window"));
    connect(m_resetZoomAction, &QAction::triggered, m_chartArea, &ChartArea::resetZoom);
    QAction *findAction = ActionFactory::make(this, tr("&Find in Log"), QStringLiteral("findAction"),
                                              QKeySequence::Find, tr("Search the event log"));
    connect(findAction, &QAction::triggered, this, [this] {
        m_eventsDock->show();
        m_eventsDock->raise();
        m_eventLog->focusSearch();
    });
    QAction *clearLogAction = ActionFactory::make(this, tr("C&lear Log"), QStringLiteral("clearLogAction"), {},
                                                  tr("Remove every row from the log; the captured events stay"));
    connect(clearLogAction, &QAction::triggered, m_eventLog->model(), &EventLogModel::clear);
    m_limitsAction = ActionFactory::make(this, tr("&Limits\u2026"), QStringLiteral("limitsAction"), {},
                                         tr("How many events each stream's capture, the log and each chart "
                                            "series keep; what falls out is counted as dropped"));
    connect(m_limitsAction, &QAction::triggered, this, &MainWindow::showLimitsDialog);
    m_exportChartAction = ActionFactory::make(
        this, svgExportAvailable() ? tr("Export &Chart as PNG/SVG\u2026") : tr("Export &Chart as PNG\u2026"),
        QStringLiteral("exportChartAction"), {}, tr("Render the charts at a size you choose and save them as an image"));
    connect(m_exportChartAction, &QAction::triggered, this, &MainWindow::exportChartInteractive);
    auto *preferences = new PreferencesController(this, m_limitsAction, this);
    connect(preferences, &PreferencesController::message, this, [this](const QString &text) { showMessage(text, 5000); });
    QAction *quitAction = ActionFactory::make(this, tr("&Quit"), QStringLiteral("quitAction"), QKeySequence::Quit,
                                              tr("Close every stream and quit"));
    quitAction->setMenuRole(QAction::QuitRole);
    connect(quitAction, &QAction::triggered, this, &QWidget::close);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->setToolTipsVisible(true);
    fileMenu->addAction(m_sessions->openAction());
    fileMenu->addAction(m_captures->openCaptureAction());
    fileMenu->addMenu(m_sessions->recentMenu());
    fileMenu->addAction(m_sessions->saveAction());
    fileMenu->addAction(m_sessions->saveAsAction());
    fileMenu->addAction(m_sessions->storeSecretsAction());
    fileMenu->addSeparator();
    fileMenu->addAction(m_captures->journalAction());
    fileMenu->addAction(m_limitsAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_captures->exportAction());
    fileMenu->addAction(m_exportChartAction);
    fileMenu->addSeparator();
    fileMenu->addAction(preferences->action());
    fileMenu->addAction(quitAction);

    QMenu *streamMenu = menuBar()->addMenu(tr("&Stream"));
    streamMenu->setToolTipsVisible(true);
    streamMenu->addActions({streams->addAction(), streams->demoAction(), streams->demoServerAction(),
                            streams->editAction(), streams->removeAction(), streams->trustCertificateAction()});
    streamMenu->addSeparator();
    streamMenu->addActions({streams->connectAction(), streams->disconnectAction(), streams->connectAllAction(),
                            streams->disconnectAllAction()});

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addActions({streams->addAction(), streams->editAction(), streams->removeAction()});
    toolBar->addSeparator();
    toolBar->addActions({streams->connectAction(), streams->disconnectAction(), streams->connectAllAction(),
                         streams->disconnectAllAction()});
    toolBar->addSeparator();
    toolBar->addAction(streams->demoServerAction());

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->setToolTipsVisible(true);
    const std::pair<QDockWidget *, QString> docks[] = {
        {m_streamsDock, tr("Show or hide the stream table")},
        {m_fieldsDock, tr("Show or hide the field picker")},
        {m_eventsDock, tr("Show or hide the event log")},
        {m_monitoring->alertsDock(), tr("Show or hide the alert rules and their history")},
        {m_monitoring->statisticsDock(), tr("Show or hide the statistics of every field")},
    };
    for (const auto &[dock, toolTip] : docks) {
        QAction *toggle = dock->toggleViewAction();
        toggle->setToolTip(toolTip);
        toggle->setStatusTip(toolTip);
        viewMenu->addAction(toggle);
    }
    QAction *toolBarToggle = toolBar->toggleViewAction();
    toolBarToggle->setToolTip(tr("Show or hide the main tool bar"));
    viewMenu->addAction(toolBarToggle);
    viewMenu->addSeparator();
    viewMenu->addActions({m_pauseAction, m_resetZoomAction});
    viewMenu->addSeparator();
    viewMenu->addActions({findAction, m_eventLog->followTailAction(), m_eventLog->connectionRowsAction(), clearLogAction});

    // Shortcuts that work whatever has the focus, floating docks included.
    for (QAction *action : {streams->addAction(), m_sessions->openAction(), m_sessions->saveAction(),
                            m_sessions->saveAsAction(), m_captures->exportAction(), m_captures->openCaptureAction(),
                            m_pauseAction, m_resetZoomAction, findAction}) {
        m_shortcuts->add(action);
        addAction(action);
    }
    new HelpMenu(this, m_shortcuts); // the last menu
}

void MainWindow::updateLogStreams()
{
    QList<std::pair<quint64, QString>> streams;
    for (const Stream *stream : m_workspace->streams())
        streams.append({stream->id(), stream->name()});
    m_eventLog->setStreams(streams);
}

QString MainWindow::statusText() const
{
    const double rate = m_streamsPane->model()->totalEventRate();
    const QLocale locale;
    QString text = tr("%1 of %2 streams open \u00B7 %3 events/s")
                       .arg(m_streamsPane->model()->openCount())
                       .arg(m_workspace->count())
                       .arg(locale.toString(rate, 'f', rate > 0 && rate < 10 ? 1 : 0));
    if (const qint64 notCharted = m_workspace->notChartedCount(); notCharted > 0) {
        text += m_workspace->isShedding()
            ? tr(" \u00B7 overload: charts show a selection, %1 events not charted").arg(locale.toString(notCharted))
            : tr(" \u00B7 %1 events not charted").arg(locale.toString(notCharted));
    }
    return text;
}

QString MainWindow::captureStatusText() const
{
    const QLocale locale;
    return tr("Captured %1 events \u00B7 %2 dropped")
        .arg(locale.toString(m_workspace->capturedCount()), locale.toString(m_workspace->capturedDroppedCount()));
}

void MainWindow::updateStatus()
{
    m_statusLabel->setText(statusText());
    m_captureCountLabel->setText(captureStatusText());
    const Limits &limits = m_workspace->limits();
    const QLocale locale;
    QStringList lines{tr("Each stream keeps at most %1 events and %2 MiB, all streams together %3 MiB; older "
                         "events are dropped and counted (File \u25B8 Limits).")
                          .arg(locale.toString(limits.captureMaxEvents), locale.toString(limits.captureMaxMiB),
                               locale.toString(limits.captureTotalMiB))};
    for (const Stream *stream : m_workspace->streams()) {
        lines.append(tr("%1: %2 events (%3 MiB), %4 dropped")
                         .arg(stream->name(), locale.toString(stream->capture()->size()),
                              locale.toString(double(stream->capture()->byteSize()) / MiB, 'f', 1),
                              locale.toString(stream->capture()->droppedCount())));
    }
    m_captureCountLabel->setToolTip(lines.join(u'\n'));
}

void MainWindow::updateTitle()
{
    const QString path = m_sessions->path();
    setWindowTitle(path.isEmpty() ? tr("EventScope[*]") : tr("%1[*] \u2014 EventScope").arg(QFileInfo(path).fileName()));
    setWindowModified(m_workspace->isModified());
}

void MainWindow::updateEmptyState()
{
    m_centralStack->setCurrentIndex(m_workspace->count() > 0 ? 1 : 0);
}

void MainWindow::showMessage(const QString &text, int timeoutMs)
{
    statusBar()->showMessage(text, timeoutMs);
}

std::pair<qint64, qint64> MainWindow::visibleChartRange() const
{
    return m_charts->visibleRange();
}

void MainWindow::showLimitsDialog()
{
    auto *dialog = new LimitsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setLimits(m_workspace->limits());
    const EventLogModel *log = m_eventLog->model();
    dialog->setUsage(LimitsDialog::CaptureEvents, {m_workspace->capturedCount(), m_workspace->capturedDroppedCount()});
    dialog->setUsage(LimitsDialog::LogRows, {log->rowCount() + log->pendingCount(), log->droppedCount()});
    dialog->setUsage(LimitsDialog::CaptureMiB, {m_workspace->capturedBytes(), -1});
    dialog->setUsage(LimitsDialog::CaptureTotalMiB, {m_workspace->capturedBytes(), -1});
    dialog->setUsage(LimitsDialog::ChartPoints,
                     {m_workspace->chartSampleCount(), m_workspace->chartDroppedSampleCount()});
    connect(dialog, &QDialog::accepted, this, [this, dialog] { m_workspace->setLimits(dialog->limits()); });
    dialog->open();
}

bool MainWindow::svgExportAvailable()
{
#ifdef EVENTSCOPE_HAVE_SVG
    return true;
#else
    return false;
#endif
}

bool MainWindow::exportChartImage(const QString &path, const QSize &size, QString *errorMessage)
{
    return m_chartArea->saveImage(path, size, errorMessage);
}

void MainWindow::exportChartInteractive()
{
    ChartExportDialog dialog(m_chartArea->size(), this);
    dialog.setFilePath(QDir(m_sessions->path().isEmpty() ? QDir::homePath() : QFileInfo(m_sessions->path()).path())
                           .filePath(QStringLiteral("chart.png")));
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!exportChartImage(dialog.filePath(), dialog.imageSize(), &error))
        QMessageBox::warning(this, tr("Export Chart"), error);
    else
        showMessage(tr("Chart saved to %1").arg(QDir::toNativeSeparators(dialog.filePath())), 5000);
}

void MainWindow::restoreWindowSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(GeometryKey).toByteArray());
    restoreState(settings.value(StateKey).toByteArray());
}

void MainWindow::saveWindowSettings() const
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_sessions->mayDiscardChanges(tr("Quit EventScope"))) {
        event->ignore();
        return;
    }
    saveWindowSettings();
    event->accept();
}
