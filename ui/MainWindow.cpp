#include "MainWindow.h"

#include "CaptureStore.h"
#include "CaptureJournal.h"
#include "CaptureLimitsDialog.h"
#include "CaptureReader.h"
#include "ChartArea.h"
#include "DemoStream.h"
#include "EventDetailView.h"
#include "EventLogExporter.h"
#include "EventLogFilterModel.h"
#include "EventLogModel.h"
#include "EventSource.h"
#include "ExportDialog.h"
#include "FieldPicker.h"
#include "SessionFile.h"
#include "SseServer.h"
#include "StreamFieldStore.h"
#include "StreamListModel.h"
#include "SubscriptionDialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QProgressDialog>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#ifdef EVENTSCOPE_HAVE_SVG
#include <QSvgGenerator>
#endif

#include <algorithm>
#include <limits>

namespace {

const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
const QString LastSessionKey = QStringLiteral("session/last");
const QString StoreSecretsKey = QStringLiteral("session/storeSecrets");
const QString CaptureMaxEventsKey = QStringLiteral("capture/maxEvents");
const QString CaptureMaxMiBKey = QStringLiteral("capture/maxMiB");
constexpr qint64 MiB = 1024 * 1024;

static_assert(SessionData::DefaultCaptureMaxEvents == CaptureStore::DefaultMaxEvents);
static_assert(SessionData::DefaultCaptureMaxMiB * MiB == CaptureStore::DefaultMaxBytes);
constexpr int StatusIntervalMs = 500;

QTableView *createTableView(QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setShowGrid(false);
    view->setTextElideMode(Qt::ElideRight);
    view->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows, whatever the number of events.
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

int textWidth(const QWidget *widget, const QString &sample)
{
    return widget->fontMetrics().horizontalAdvance(sample) + 24;
}

QString withShortcut(const QString &toolTip, const QKeySequence &shortcut)
{
    if (shortcut.isEmpty())
        return toolTip;
    return QStringLiteral("%1 (%2)").arg(toolTip, shortcut.toString(QKeySequence::NativeText));
}

bool sameHeaderName(const QByteArray &a, const QByteArray &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

bool isSecretHeader(const EventSourceOptions &options, const QByteArray &name)
{
    if (SessionFile::isSecretHeaderName(QString::fromLatin1(name)))
        return true;
    return std::any_of(options.secretHeaderNames.cbegin(), options.secretHeaderNames.cend(),
                       [&name](const QByteArray &secret) { return sameHeaderName(secret, name); });
}

ChartPanel::TimeWindow timeWindowForMs(qint64 ms)
{
    if (ms <= 0)
        return ChartPanel::All;
    for (auto window : {ChartPanel::TenSeconds, ChartPanel::OneMinute, ChartPanel::TenMinutes,
                        ChartPanel::OneHour}) {
        if (ms <= ChartPanel::windowLengthMs(window))
            return window;
    }
    return ChartPanel::All;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_streamModel(new StreamListModel(this))
    , m_eventLogModel(new EventLogModel(this))
    , m_filterModel(new EventLogFilterModel(this))
{
    setWindowTitle(tr("EventScope"));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);

    // Centre: the charts, or what to do first while there is no stream.
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
    auto *addButton = new QPushButton(tr("Add Stream\u2026"), hintPage);
    auto *demoButton = new QPushButton(tr("Start Demo Stream"), hintPage);
    hintButtons->addWidget(addButton);
    hintButtons->addWidget(demoButton);
    hintButtons->addStretch(1);
    hintLayout->addLayout(hintButtons);
    hintLayout->addStretch(2);
    connect(addButton, &QPushButton::clicked, this, &MainWindow::showAddStreamDialog);
    connect(demoButton, &QPushButton::clicked, this, [this] { startDemo(); });
    m_centralStack->addWidget(hintPage);

    m_chartArea = new ChartArea(m_centralStack);
    m_chartArea->setObjectName(QStringLiteral("chartArea"));
    m_centralStack->addWidget(m_chartArea);
    setCentralWidget(m_centralStack);

    // Streams dock.
    m_streamView = createTableView(this);
    m_streamView->setObjectName(QStringLiteral("streamView"));
    m_streamView->setModel(m_streamModel);
    m_streamView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_streamView->setIconSize(QSize(12, 12));
    // Room between the right-aligned count and the ID next to it; without a border rule the
    // padding is ignored.
    m_streamView->setStyleSheet(
        QStringLiteral("QTableView::item { padding-right: 6px; border: 0; }"));
    QHeaderView *streamHeader = m_streamView->horizontalHeader();
    streamHeader->resizeSection(StreamListModel::UrlColumn,
                                textWidth(this, QStringLiteral("http://127.0.0.1:8080/events")));
    streamHeader->resizeSection(StreamListModel::StateColumn,
                                textWidth(this, QStringLiteral("Reconnecting in 2.4 s (attempt 3 — Connection refused)")));
    streamHeader->resizeSection(StreamListModel::EventsColumn, textWidth(this, QStringLiteral("0,000,000")));
    streamHeader->resizeSection(StreamListModel::LastEventIdColumn, textWidth(this, tr("Last event ID ")));
    streamHeader->resizeSection(StreamListModel::NameColumn, textWidth(this, QStringLiteral("127.0.0.1:8080/events")));
    streamHeader->resizeSection(StreamListModel::EventRateColumn, textWidth(this, tr("Events/s")));
    streamHeader->resizeSection(StreamListModel::ByteRateColumn, textWidth(this, QStringLiteral("000.0 KB/s")));
    for (int column : {StreamListModel::ReconnectsColumn, StreamListModel::GapsColumn})
        streamHeader->resizeSection(column, textWidth(this, tr("Reconnects")));

    m_streamsDock = new QDockWidget(tr("Streams"), this);
    m_streamsDock->setObjectName(QStringLiteral("streamsDock"));
    m_streamsDock->setWidget(m_streamView);
    addDockWidget(Qt::TopDockWidgetArea, m_streamsDock);

    // Fields dock.
    m_fieldPicker = new FieldPicker(m_chartArea, this);
    m_fieldsDock = new QDockWidget(tr("Fields"), this);
    m_fieldsDock->setObjectName(QStringLiteral("fieldsDock"));
    m_fieldsDock->setWidget(m_fieldPicker);
    addDockWidget(Qt::LeftDockWidgetArea, m_fieldsDock);

    // Events dock.
    m_eventsDock = new QDockWidget(tr("Events"), this);
    m_eventsDock->setObjectName(QStringLiteral("eventsDock"));
    m_eventsDock->setWidget(createEventsPane());
    addDockWidget(Qt::BottomDockWidgetArea, m_eventsDock);

    {
        const QSettings settings;
        m_captureMaxEvents =
            std::clamp<qint64>(settings.value(CaptureMaxEventsKey, m_captureMaxEvents).toLongLong(),
                               1, CaptureLimitsDialog::MaximumEvents);
        m_captureMaxMiB = qBound(1, settings.value(CaptureMaxMiBKey, m_captureMaxMiB).toInt(),
                                 CaptureLimitsDialog::MaximumMiB);
    }
    m_captureCountLabel = new QLabel(this);
    m_captureCountLabel->setObjectName(QStringLiteral("captureCountLabel"));
    statusBar()->addPermanentWidget(m_captureCountLabel);
    m_statusLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusLabel);
    m_statusTimer = new QTimer(this);
    m_statusTimer->setInterval(StatusIntervalMs);
    connect(m_statusTimer, &QTimer::timeout, this, [this] {
        updateStatus();
        updateLogCount();
        updateCaptureCount();
    });
    m_statusTimer->start();
    connect(m_streamModel, &StreamListModel::totalsChanged, this, &MainWindow::updateStatus);

    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_streamModel, signal, this, [this] {
            updateEmptyState();
            updateStreamFilter();
            updateStatus();
            updateCaptureCount();
        });
    }
    connect(m_streamModel, &QAbstractItemModel::modelReset, this, &MainWindow::updateStreamFilter);

    createActions();
    updateStatus();
    updateLogCount();
    updateCaptureCount();
    updateEmptyState();
    updateStreamFilter();

    const QSize available = screen() ? screen()->availableSize() : QSize(1400, 900);
    resize(qBound(800, available.width() * 9 / 10, 1600), qBound(600, available.height() * 9 / 10, 1000));
    resizeDocks({m_streamsDock, m_eventsDock}, {fontMetrics().height() * 7, height() * 3 / 10},
                Qt::Vertical);
    resizeDocks({m_fieldsDock}, {fontMetrics().horizontalAdvance(QLatin1Char('x')) * 34}, Qt::Horizontal);
}

MainWindow::~MainWindow()
{
    setJournalEnabled(false);
    // Streams go before the demo server they may be connected to, and before the chart area.
    delete m_fieldPicker;
    m_fieldPicker = nullptr;
    const QList<EventSource *> sources = findChildren<EventSource *>(Qt::FindDirectChildrenOnly);
    for (EventSource *source : sources) {
        source->close();
        delete source;
    }
    for (StreamFieldStore *store : std::as_const(m_stores))
        m_chartArea->removeStream(store);
    qDeleteAll(m_stores);
    m_stores.clear();
}

QWidget *MainWindow::createEventsPane()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->setSpacing(4);

    auto *filterBar = new QHBoxLayout;
    filterBar->setSpacing(6);
    m_streamFilter = new QComboBox(pane);
    m_streamFilter->setObjectName(QStringLiteral("streamFilterCombo"));
    m_streamFilter->setToolTip(tr("Show the events of one stream only"));
    m_streamFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_streamFilter->setMinimumContentsLength(14);
    m_typeFilter = new QComboBox(pane);
    m_typeFilter->setObjectName(QStringLiteral("typeFilterCombo"));
    m_typeFilter->setEditable(true);
    m_typeFilter->setInsertPolicy(QComboBox::NoInsert);
    m_typeFilter->addItem(tr("All types"));
    m_typeFilter->setMinimumContentsLength(10);
    m_typeFilter->setToolTip(tr("Show events of this type only: pick a type seen so far or type one"));
    m_searchEdit = new QLineEdit(pane);
    m_searchEdit->setObjectName(QStringLiteral("searchEdit"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchEdit->setPlaceholderText(tr("Search data, ID and type (Ctrl+F)"));
    m_searchEdit->setToolTip(tr("Show events whose data, ID or type contains this text"));
    m_logCapSpin = new QSpinBox(pane);
    m_logCapSpin->setObjectName(QStringLiteral("logCapSpin"));
    m_logCapSpin->setRange(10, 1000000);
    m_logCapSpin->setSingleStep(1000);
    m_logCapSpin->setGroupSeparatorShown(true);
    m_logCapSpin->setKeyboardTracking(false);
    m_logCapSpin->setPrefix(tr("Keep last "));
    m_logCapSpin->setSuffix(tr(" events"));
    m_logCapSpin->setValue(m_eventLogModel->maximumRows());
    m_logCapSpin->setToolTip(tr("The log keeps this many of the newest events; older ones are dropped"));
    m_logCountLabel = new QLabel(pane);
    m_logCountLabel->setObjectName(QStringLiteral("logCountLabel"));
    auto *followButton = new QToolButton(pane);

    filterBar->addWidget(new QLabel(tr("Stream:"), pane));
    filterBar->addWidget(m_streamFilter);
    filterBar->addWidget(new QLabel(tr("Type:"), pane));
    filterBar->addWidget(m_typeFilter);
    filterBar->addWidget(m_searchEdit, 1);
    filterBar->addWidget(followButton);
    filterBar->addWidget(m_logCapSpin);
    filterBar->addWidget(m_logCountLabel);
    layout->addLayout(filterBar);

    auto *splitter = new QSplitter(Qt::Horizontal, pane);
    splitter->setChildrenCollapsible(false);
    m_filterModel->setSourceModel(m_eventLogModel);
    m_eventLogView = createTableView(splitter);
    m_eventLogView->setObjectName(QStringLiteral("eventLogView"));
    m_eventLogView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_eventLogView->setModel(m_filterModel);
    QHeaderView *logHeader = m_eventLogView->horizontalHeader();
    logHeader->resizeSection(EventLogModel::TimeColumn, textWidth(this, QStringLiteral("00:00:00.000")));
    logHeader->resizeSection(EventLogModel::StreamColumn, textWidth(this, QStringLiteral("http://127.0.0.1:00000/events")));
    logHeader->resizeSection(EventLogModel::TypeColumn, textWidth(this, QStringLiteral("message")));
    logHeader->resizeSection(EventLogModel::IdColumn, textWidth(this, QStringLiteral("000000")));
    m_detailView = new EventDetailView(splitter);
    m_detailView->setObjectName(QStringLiteral("eventDetailView"));
    splitter->addWidget(m_eventLogView);
    splitter->addWidget(m_detailView);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({3000, 1000});
    layout->addWidget(splitter, 1);

    m_followTailAction = new QAction(tr("Follow &Tail"), this);
    m_followTailAction->setObjectName(QStringLiteral("followTailAction"));
    m_followTailAction->setCheckable(true);
    m_followTailAction->setChecked(true);
    m_followTailAction->setToolTip(tr("Keep the newest event in view; scrolling up stops following"));
    m_followTailAction->setStatusTip(m_followTailAction->toolTip());
    followButton->setDefaultAction(m_followTailAction);
    followButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_followTailAction, &QAction::toggled, this, [this](bool on) {
        if (on)
            followTail();
    });

    connect(m_streamFilter, &QComboBox::currentIndexChanged, this, &MainWindow::applyStreamFilter);
    connect(m_typeFilter, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        m_filterModel->setEventType(text == tr("All types") ? QString() : text.trimmed());
        updateLogCount();
    });
    connect(m_searchEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filterModel->setSearchText(text);
        updateLogCount();
    });
    connect(m_logCapSpin, &QSpinBox::valueChanged, this, [this](int rows) {
        m_eventLogModel->setMaximumRows(rows);
        updateLogCount();
    });

    QScrollBar *logScrollBar = m_eventLogView->verticalScrollBar();
    connect(logScrollBar, &QScrollBar::valueChanged, this, [this, logScrollBar](int value) {
        m_followTailAction->setChecked(value >= logScrollBar->maximum());
    });
    connect(m_filterModel, &QAbstractItemModel::rowsInserted, this, &MainWindow::followTail);
    connect(m_eventLogModel, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { noteEventTypes(first, last); });
    connect(m_eventLogView->selectionModel(), &QItemSelectionModel::currentRowChanged, m_detailView,
            [this](const QModelIndex &current) { m_detailView->showIndex(current); });
    return pane;
}

void MainWindow::createActions()
{
    auto makeAction = [this](const QString &text, const QString &name, const QKeySequence &shortcut,
                             const QString &toolTip) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(shortcut);
        action->setToolTip(withShortcut(toolTip, shortcut));
        action->setStatusTip(toolTip);
        return action;
    };
    auto streamAction = [&](const QString &text, const QString &name, const QKeySequence &shortcut,
                            const QString &toolTip, void (MainWindow::*slot)()) {
        QAction *action = makeAction(text, name, shortcut, toolTip);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };

    QAction *addStreamAction = streamAction(tr("&Add Stream\u2026"), QStringLiteral("addStreamAction"),
                                            QKeySequence::New, tr("Subscribe to a text/event-stream URL"),
                                            &MainWindow::showAddStreamDialog);
    QAction *demoAction = makeAction(tr("Start &Demo Stream"), QStringLiteral("startDemoAction"), {},
                                     tr("Serve the demo stream from inside EventScope and subscribe to it"));
    connect(demoAction, &QAction::triggered, this, [this] { startDemo(); });
    m_demoServerAction = makeAction(tr("Demo &Server Running"), QStringLiteral("demoServerAction"), {},
                                    tr("Uncheck to stop the built-in demo server and watch its stream "
                                       "reconnect; check to serve again on the same port"));
    m_demoServerAction->setCheckable(true);
    m_demoServerAction->setVisible(false); // until the demo is started
    connect(m_demoServerAction, &QAction::toggled, this, &MainWindow::setDemoServerRunning);
    m_editStreamAction = streamAction(tr("&Edit Stream\u2026"), QStringLiteral("editStreamAction"),
                                      QKeySequence(Qt::Key_F2),
                                      tr("Change the URL, headers or reconnection of the selected stream"),
                                      &MainWindow::showEditStreamDialog);
    m_removeStreamAction = streamAction(tr("&Remove Stream"), QStringLiteral("removeStreamAction"),
                                        QKeySequence::Delete, tr("Close and remove the selected stream"),
                                        &MainWindow::removeSelectedStream);
    // Delete in the search field or a spin box edits text; only the stream table removes streams.
    m_removeStreamAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_streamView->addAction(m_removeStreamAction);
    m_connectAction = streamAction(tr("&Connect"), QStringLiteral("connectAction"),
                                   QKeySequence(Qt::Key_F5), tr("Connect the selected stream (again)"),
                                   &MainWindow::connectSelectedStream);
    m_disconnectAction = streamAction(tr("&Disconnect"), QStringLiteral("disconnectAction"),
                                      QKeySequence(Qt::SHIFT | Qt::Key_F5),
                                      tr("Close the selected stream's connection"),
                                      &MainWindow::disconnectSelectedStream);
    m_connectAllAction = streamAction(tr("Connect &All"), QStringLiteral("connectAllAction"),
                                      QKeySequence(Qt::CTRL | Qt::Key_F5), tr("Connect every stream"),
                                      &MainWindow::connectAllStreams);
    m_disconnectAllAction = streamAction(tr("Disconnect A&ll"), QStringLiteral("disconnectAllAction"),
                                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F5),
                                         tr("Close every stream's connection"),
                                         &MainWindow::disconnectAllStreams);

    QAction *openAction = streamAction(tr("&Open Session\u2026"), QStringLiteral("openSessionAction"),
                                       QKeySequence::Open,
                                       tr("Replace the streams and layout by those of a session file"),
                                       &MainWindow::openSessionDialog);
    m_openCaptureAction = streamAction(
        tr("Open &Capture\u2026"), QStringLiteral("openCaptureAction"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
        tr("Show a capture file (JSON Lines, CSV or text/event-stream) as offline streams"),
        &MainWindow::openCaptureDialog);
    m_journalAction = makeAction(tr("&Journal Captured Events to Disk"), QStringLiteral("journalAction"), {},
                                 tr("Write every captured event to a file in the application's data "
                                    "folder as it arrives, so that a crash loses next to nothing"));
    m_journalAction->setCheckable(true);
    connect(m_journalAction, &QAction::toggled, this, [this](bool on) {
        QString error;
        if (!setJournalEnabled(on, &error) && isVisible())
            QMessageBox::warning(this, tr("Journal"), error);
    });
    QAction *saveAction = streamAction(tr("&Save Session"), QStringLiteral("saveSessionAction"),
                                       QKeySequence::Save,
                                       tr("Save the streams, plotted fields and layout to the session file"),
                                       &MainWindow::saveSessionInteractive);
    QAction *saveAsAction = streamAction(tr("Save Session &As\u2026"), QStringLiteral("saveSessionAsAction"),
                                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                                         tr("Save the session to a new file"), &MainWindow::saveSessionAs);
    m_storeSecretsAction = makeAction(tr("Store Secret Header &Values in Sessions"),
                                      QStringLiteral("storeSecretsAction"), {},
                                      tr("Warning: writes Authorization, Cookie and other secret header "
                                         "values to session files in plain text"));
    m_storeSecretsAction->setCheckable(true);
    m_storeSecretsAction->setChecked(QSettings().value(StoreSecretsKey, false).toBool());
    connect(m_storeSecretsAction, &QAction::toggled, this,
            [](bool on) { QSettings().setValue(StoreSecretsKey, on); });
    m_exportEventsAction = streamAction(
        tr("&Export Events\u2026"), QStringLiteral("exportEventsAction"), QKeySequence(Qt::CTRL | Qt::Key_E),
        tr("Write the captured events of chosen streams, all or the charts' visible range, as "
           "JSON Lines, CSV or text/event-stream"),
        &MainWindow::exportEventsInteractive);
    m_exportChartAction = streamAction(
        svgExportAvailable() ? tr("Export &Chart as PNG/SVG\u2026") : tr("Export &Chart as PNG\u2026"),
        QStringLiteral("exportChartAction"), {}, tr("Save the charts as they are shown as an image"),
        &MainWindow::exportChartInteractive);
    m_captureLimitsAction = makeAction(
        tr("Capture &Limits\u2026"), QStringLiteral("captureLimitsAction"), {},
        tr("Set how many events and how much memory each stream's capture keeps; older events "
           "beyond either bound are dropped and counted in the status bar"));
    connect(m_captureLimitsAction, &QAction::triggered, this, &MainWindow::showCaptureLimitsDialog);
    QAction *quitAction = makeAction(tr("&Quit"), QStringLiteral("quitAction"), QKeySequence::Quit,
                                     tr("Close every stream and quit"));
    quitAction->setMenuRole(QAction::QuitRole);
    connect(quitAction, &QAction::triggered, this, &QWidget::close);

    m_pauseAction = makeAction(tr("&Pause Charts"), QStringLiteral("pauseAction"),
                               QKeySequence(Qt::Key_Space),
                               tr("Freeze the charts' view; events keep being recorded"));
    m_pauseAction->setCheckable(true);
    // Text fields take Space for themselves before a window shortcut sees it.
    m_pauseAction->setShortcutContext(Qt::WindowShortcut);
    connect(m_pauseAction, &QAction::toggled, this, &MainWindow::setChartsPaused);
    connect(m_chartArea, &ChartArea::pausedChanged, m_pauseAction, &QAction::setChecked);
    QAction *resetZoomAction = makeAction(tr("&Reset Zoom"), QStringLiteral("resetZoomAction"),
                                          QKeySequence(Qt::CTRL | Qt::Key_0),
                                          tr("Follow the newest data again with the chosen time window"));
    connect(resetZoomAction, &QAction::triggered, m_chartArea, &ChartArea::resetZoom);
    QAction *findAction = makeAction(tr("&Find in Log"), QStringLiteral("findAction"),
                                     QKeySequence::Find, tr("Search the event log"));
    connect(findAction, &QAction::triggered, this, [this] {
        m_eventsDock->show();
        m_eventsDock->raise();
        m_searchEdit->setFocus(Qt::ShortcutFocusReason);
        m_searchEdit->selectAll();
    });
    QAction *clearLogAction = makeAction(tr("C&lear Log"), QStringLiteral("clearLogAction"), {},
                                         tr("Remove every event from the log"));
    connect(clearLogAction, &QAction::triggered, this, [this] {
        m_eventLogModel->clear();
        m_loggedEvents = 0;
        m_detailView->clear();
        updateLogCount();
    });

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->setToolTipsVisible(true);
    fileMenu->addAction(openAction);
    fileMenu->addAction(m_openCaptureAction);
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    m_recentMenu->setToolTipsVisible(true);
    m_recentMenu->menuAction()->setObjectName(QStringLiteral("recentSessionsAction"));
    m_recentMenu->menuAction()->setToolTip(tr("Sessions opened or saved lately"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fillRecentMenu();
    fileMenu->addAction(saveAction);
    fileMenu->addAction(saveAsAction);
    fileMenu->addAction(m_storeSecretsAction);
    fileMenu->addAction(m_journalAction);
    fileMenu->addAction(m_captureLimitsAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_exportEventsAction);
    fileMenu->addAction(m_exportChartAction);
    fileMenu->addSeparator();
    fileMenu->addAction(quitAction);

    QMenu *streamMenu = menuBar()->addMenu(tr("&Stream"));
    streamMenu->setToolTipsVisible(true);
    streamMenu->addAction(addStreamAction);
    streamMenu->addAction(demoAction);
    streamMenu->addAction(m_demoServerAction);
    streamMenu->addAction(m_editStreamAction);
    streamMenu->addAction(m_removeStreamAction);
    streamMenu->addSeparator();
    streamMenu->addAction(m_connectAction);
    streamMenu->addAction(m_disconnectAction);
    streamMenu->addAction(m_connectAllAction);
    streamMenu->addAction(m_disconnectAllAction);

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addAction(addStreamAction);
    toolBar->addAction(m_editStreamAction);
    toolBar->addAction(m_removeStreamAction);
    toolBar->addSeparator();
    toolBar->addAction(m_connectAction);
    toolBar->addAction(m_disconnectAction);
    toolBar->addAction(m_connectAllAction);
    toolBar->addAction(m_disconnectAllAction);
    toolBar->addSeparator();
    toolBar->addAction(m_demoServerAction);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->setToolTipsVisible(true);
    const std::pair<QDockWidget *, QString> docks[] = {
        {m_streamsDock, tr("Show or hide the stream table")},
        {m_fieldsDock, tr("Show or hide the field picker")},
        {m_eventsDock, tr("Show or hide the event log")},
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
    viewMenu->addAction(m_pauseAction);
    viewMenu->addAction(resetZoomAction);
    viewMenu->addSeparator();
    viewMenu->addAction(findAction);
    viewMenu->addAction(m_followTailAction);
    viewMenu->addAction(clearLogAction);
    // Menu shortcuts work while the menu bar is hidden only if the window has the actions.
    addActions({findAction, m_pauseAction, resetZoomAction, m_exportEventsAction, m_openCaptureAction});

    connect(m_streamView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateStreamActions);
    connect(m_streamModel, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateStreamActions);
    connect(m_streamModel, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateStreamActions);
    updateStreamActions();
}

EventSource *MainWindow::selectedSource() const
{
    const QModelIndexList rows = m_streamView->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_streamModel->source(rows.first().row());
}

void MainWindow::updateStreamActions()
{
    EventSource *source = selectedSource();
    const bool selected = source != nullptr;
    const bool live = selected && !isOfflineStream(source);
    const bool any = m_streamModel->rowCount() > 0;
    m_editStreamAction->setEnabled(live);
    m_removeStreamAction->setEnabled(selected);
    m_connectAction->setEnabled(live);
    m_disconnectAction->setEnabled(live);
    m_connectAllAction->setEnabled(any);
    m_disconnectAllAction->setEnabled(any);
}

StreamFieldStore *MainWindow::fieldStore(const EventSource *source) const
{
    return m_stores.value(source, nullptr);
}

CaptureStore *MainWindow::captureStore(const EventSource *source) const
{
    return m_captures.value(source, nullptr);
}

CaptureStore *MainWindow::newCaptureStore()
{
    auto *capture = new CaptureStore(this);
    capture->setMaxEvents(qsizetype(m_captureMaxEvents));
    capture->setMaxBytes(m_captureMaxMiB * MiB);
    return capture;
}

void MainWindow::setCaptureLimits(qint64 maxEvents, int maxMiB)
{
    m_captureMaxEvents = std::clamp<qint64>(maxEvents, 1, CaptureLimitsDialog::MaximumEvents);
    m_captureMaxMiB = qBound(1, maxMiB, CaptureLimitsDialog::MaximumMiB);
    QSettings settings;
    settings.setValue(CaptureMaxEventsKey, m_captureMaxEvents);
    settings.setValue(CaptureMaxMiBKey, m_captureMaxMiB);
    for (CaptureStore *capture : std::as_const(m_captures)) {
        capture->setMaxEvents(qsizetype(m_captureMaxEvents));
        capture->setMaxBytes(m_captureMaxMiB * MiB);
    }
    updateCaptureCount();
}

CaptureLimitsDialog *MainWindow::showCaptureLimitsDialog()
{
    auto *dialog = new CaptureLimitsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setMaxEvents(m_captureMaxEvents);
    dialog->setMaxMiB(m_captureMaxMiB);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { setCaptureLimits(dialog->maxEvents(), dialog->maxMiB()); });
    dialog->open();
    return dialog;
}

QString MainWindow::captureStatusText() const
{
    qint64 held = 0;
    qint64 dropped = 0;
    for (const CaptureStore *capture : m_captures) {
        held += capture->size();
        dropped += capture->droppedCount();
    }
    const QLocale locale;
    return tr("Captured %1 events \u00B7 %2 dropped")
        .arg(locale.toString(held), locale.toString(dropped));
}

void MainWindow::updateCaptureCount()
{
    m_captureCountLabel->setText(captureStatusText());
    const QLocale locale;
    QStringList lines{tr("Each stream keeps at most %1 events and %2 MiB; older events are "
                         "dropped and counted.")
                          .arg(locale.toString(m_captureMaxEvents), locale.toString(m_captureMaxMiB))};
    for (int row = 0; row < m_streamModel->rowCount(); ++row) {
        const CaptureStore *capture = captureStore(m_streamModel->source(row));
        if (!capture)
            continue;
        lines.append(tr("%1: %2 events (%3 MiB), %4 dropped")
                         .arg(m_streamModel->name(row), locale.toString(capture->size()),
                              locale.toString(double(capture->byteSize()) / MiB, 'f', 1),
                              locale.toString(capture->droppedCount())));
    }
    m_captureCountLabel->setToolTip(lines.join(u'\n'));
}

void MainWindow::connectSource(EventSource *source, StreamFieldStore *store, CaptureStore *capture)
{
    const QString stream = source->options().url.toDisplayString();
    connect(source, &EventSource::eventReceived, this,
            [this, source, stream, store, capture](const SseEvent &event) {
        ++m_loggedEvents;
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
        const int connection = source->connectionCount();
        m_eventLogModel->append(stream, event, now, connection);
        store->addEvent(event, nowMs);
        capture->append(CapturedEvent{stream, event, now, connection});
        if (m_journal)
            m_journalPending.append(capture->at(capture->size() - 1));
    });
    m_stores.insert(source, store);
    m_captures.insert(source, capture);
}

EventSource *MainWindow::addStream(const EventSourceOptions &options, const QString &name)
{
    auto *source = new EventSource(options, this);
    auto *store = new StreamFieldStore(this);
    connectSource(source, store, newCaptureStore());
    m_streamModel->addSource(source, name);
    const int row = m_streamModel->rowOf(source);
    m_chartArea->addStream(store, m_streamModel->name(row));
    source->open();
    return source;
}

EventSource *MainWindow::addStream(const QUrl &url)
{
    EventSourceOptions options;
    options.url = url;
    return addStream(options);
}

EventSource *MainWindow::startDemo(int intervalMs)
{
    if (!m_demoServer) {
        auto server = std::make_unique<SseServer>();
        auto demo = std::make_unique<DemoStream>(intervalMs);
        demo->attach(*server);
        if (!server->listen(QHostAddress::LocalHost, 0)) {
            statusBar()->showMessage(tr("Cannot start the demo server: %1").arg(server->errorString()));
            return nullptr;
        }
        m_demoPort = server->serverPort();
        m_demoServer = std::move(server);
        m_demoStream = std::move(demo);
        const QSignalBlocker blocker(m_demoServerAction);
        m_demoServerAction->setChecked(true);
        m_demoServerAction->setVisible(true);
    } else if (!m_demoServer->isListening() && !setDemoServerRunning(true)) {
        return nullptr;
    }
    const QUrl url = m_demoServer->url(QStringLiteral("/events"));
    for (int row = 0; row < m_streamModel->rowCount(); ++row) {
        if (EventSource *source = m_streamModel->source(row); source && source->url() == url)
            return source;
    }
    EventSourceOptions options;
    options.url = url;
    return addStream(options, tr("Demo"));
}

bool MainWindow::isDemoServerRunning() const
{
    return m_demoServer && m_demoServer->isListening();
}

bool MainWindow::setDemoServerRunning(bool running)
{
    bool ok = true;
    if (!m_demoServer) {
        ok = !running;
    } else if (running && !m_demoServer->isListening()) {
        ok = m_demoServer->listen(QHostAddress::LocalHost, m_demoPort);
        statusBar()->showMessage(
            ok ? tr("Demo server listening again on port %1").arg(m_demoPort)
               : tr("Cannot serve the demo stream on port %1 again: %2")
                     .arg(m_demoPort)
                     .arg(m_demoServer->errorString()));
    } else if (!running && m_demoServer->isListening()) {
        m_demoServer->close();
        statusBar()->showMessage(
            tr("Demo server stopped; its stream reconnects once the server runs again"));
    }
    const QSignalBlocker blocker(m_demoServerAction);
    m_demoServerAction->setChecked(isDemoServerRunning());
    return ok;
}

QString MainWindow::statusText() const
{
    double rate = 0;
    for (int row = 0; row < m_streamModel->rowCount(); ++row)
        rate += m_streamModel->eventRate(row);
    const QLocale locale;
    return tr("%1 of %2 streams open \u00B7 %3 events/s")
        .arg(m_streamModel->openCount())
        .arg(m_streamModel->rowCount())
        .arg(locale.toString(rate, 'f', rate > 0 && rate < 10 ? 1 : 0));
}

qint64 MainWindow::droppedLogEvents() const
{
    return qMax<qint64>(0, m_loggedEvents - m_eventLogModel->rowCount() - m_eventLogModel->pendingCount());
}

QUrl MainWindow::streamUrlFromUserInput(const QString &text, QString *errorMessage)
{
    auto fail = [errorMessage](const QString &message) {
        if (errorMessage)
            *errorMessage = message;
        return QUrl();
    };

    QString input = text.trimmed();
    if (input.isEmpty())
        return fail(tr("Enter the URL of a text/event-stream, e.g. http://127.0.0.1:8080/events."));
    if (!input.contains(QStringLiteral("://")))
        input.prepend(QStringLiteral("http://"));

    const QUrl url(input, QUrl::StrictMode);
    if (!url.isValid())
        return fail(tr("\"%1\" is not a valid URL: %2").arg(text.trimmed(), url.errorString()));
    const QString scheme = url.scheme().toLower();
    if (scheme != u"http" && scheme != u"https")
        return fail(tr("Only http and https URLs can be subscribed to, not %1.").arg(url.scheme()));
    if (url.host().isEmpty())
        return fail(tr("\"%1\" names no host.").arg(text.trimmed()));
    if (errorMessage)
        errorMessage->clear();
    return url;
}

void MainWindow::showAddStreamDialog()
{
    SubscriptionDialog dialog(this);
    QList<QUrl> taken;
    for (int row = 0; row < m_streamModel->rowCount(); ++row) {
        if (EventSource *source = m_streamModel->source(row))
            taken.append(source->url());
    }
    dialog.setTakenUrls(taken);
    if (dialog.exec() == QDialog::Accepted)
        addStream(dialog.options(), dialog.name());
}

void MainWindow::showEditStreamDialog()
{
    EventSource *source = selectedSource();
    if (!source || isOfflineStream(source))
        return;
    const int row = m_streamModel->rowOf(source);
    SubscriptionDialog dialog(this);
    dialog.setWindowTitle(tr("Edit Stream"));
    dialog.setOptions(source->options(), m_streamModel->name(row));
    QList<QUrl> taken;
    for (int i = 0; i < m_streamModel->rowCount(); ++i) {
        if (EventSource *other = m_streamModel->source(i); other && other != source)
            taken.append(other->url());
    }
    dialog.setTakenUrls(taken);
    if (dialog.exec() == QDialog::Accepted && m_streamModel->rowOf(source) >= 0)
        editStream(source, dialog.options(), dialog.name());
}

EventSource *MainWindow::editStream(EventSource *source, const EventSourceOptions &options,
                                    const QString &name)
{
    if (m_streamModel->rowOf(source) < 0)
        return nullptr;
    StreamFieldStore *store = m_stores.take(source);
    CaptureStore *capture = m_captures.take(source);
    auto *replacement = new EventSource(options, this);
    // Samples of another URL do not continue the old series.
    if (options.url != source->options().url)
        store->clearSamples();
    connectSource(replacement, store, capture);
    m_streamModel->replaceSource(source, replacement, name);
    source->close();
    source->deleteLater();
    m_chartArea->renameStream(store, m_streamModel->name(m_streamModel->rowOf(replacement)));
    updateStreamFilter();
    replacement->open();
    return replacement;
}

void MainWindow::removeStream(EventSource *source)
{
    if (!source || m_streamModel->rowOf(source) < 0)
        return;
    if (StreamFieldStore *store = m_stores.take(source)) {
        m_chartArea->removeStream(store);
        store->deleteLater();
    }
    if (CaptureStore *capture = m_captures.take(source))
        capture->deleteLater();
    m_offline.remove(source);
    m_streamModel->removeSource(source);
    source->close();
    source->deleteLater();
}

void MainWindow::removeSelectedStream()
{
    removeStream(selectedSource());
}

void MainWindow::removeAllStreams()
{
    while (m_streamModel->rowCount() > 0)
        removeStream(m_streamModel->source(m_streamModel->rowCount() - 1));
}

void MainWindow::connectSelectedStream()
{
    if (EventSource *source = selectedSource(); source && !isOfflineStream(source))
        source->open();
}

void MainWindow::disconnectSelectedStream()
{
    if (EventSource *source = selectedSource())
        source->close();
}

void MainWindow::connectAllStreams()
{
    for (int row = 0; row < m_streamModel->rowCount(); ++row) {
        if (EventSource *source = m_streamModel->source(row); source && !isOfflineStream(source))
            source->open();
    }
}

void MainWindow::disconnectAllStreams()
{
    for (int row = 0; row < m_streamModel->rowCount(); ++row) {
        if (EventSource *source = m_streamModel->source(row))
            source->close();
    }
}

void MainWindow::setChartsPaused(bool paused)
{
    m_chartArea->setPaused(paused);
    if (m_pauseAction->isChecked() != paused)
        m_pauseAction->setChecked(paused);
}

void MainWindow::updateStatus()
{
    m_statusLabel->setText(statusText());
}

void MainWindow::updateLogCount()
{
    const QLocale locale;
    const int shown = m_filterModel->rowCount();
    const int held = m_eventLogModel->rowCount();
    QString text = shown == held ? tr("%1 shown").arg(locale.toString(shown))
                                 : tr("%1 of %2 shown").arg(locale.toString(shown), locale.toString(held));
    text += tr(" \u00B7 %1 dropped").arg(locale.toString(droppedLogEvents()));
    m_logCountLabel->setText(text);
}

void MainWindow::updateEmptyState()
{
    m_centralStack->setCurrentIndex(m_streamModel->rowCount() > 0 ? 1 : 0);
}

void MainWindow::updateStreamFilter()
{
    const QString current = m_streamFilter->currentData().toString();
    const QSignalBlocker blocker(m_streamFilter);
    m_streamFilter->clear();
    m_streamFilter->addItem(tr("All streams"));
    for (int row = 0; row < m_streamModel->rowCount(); ++row) {
        if (EventSource *source = m_streamModel->source(row)) {
            const QString url = source->options().url.toDisplayString();
            m_streamFilter->addItem(m_streamModel->name(row), url);
            m_streamFilter->setItemData(m_streamFilter->count() - 1, url, Qt::ToolTipRole);
        }
    }
    const int index = current.isEmpty() ? 0 : m_streamFilter->findData(current);
    m_streamFilter->setCurrentIndex(qMax(0, index));
    applyStreamFilter();
}

void MainWindow::applyStreamFilter()
{
    const QString url = m_streamFilter->currentData().toString();
    if (url.isEmpty()) {
        if (!m_filterModel->acceptsAllStreams())
            m_filterModel->acceptAllStreams();
    } else if (m_filterModel->acceptsAllStreams() || m_filterModel->acceptedStreams() != QSet<QString>{url}) {
        m_filterModel->setAcceptedStreams({url});
    }
    updateLogCount();
}

void MainWindow::noteEventTypes(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const QString type =
            m_eventLogModel->index(row, 0).data(EventLogModel::TypeRole).toString();
        if (!type.isEmpty() && !m_seenTypes.contains(type)) {
            m_seenTypes.insert(type);
            m_typeFilter->addItem(type);
        }
    }
}

void MainWindow::followTail()
{
    if (m_followTailAction->isChecked())
        m_eventLogView->scrollToBottom();
}

SessionData MainWindow::session() const
{
    SessionData session;
    for (int row = 0; row < m_streamModel->rowCount(); ++row) {
        EventSource *source = m_streamModel->source(row);
        // A capture opened from a file is not a subscription.
        if (!source || isOfflineStream(source))
            continue;
        const EventSourceOptions &options = source->options();
        SubscriptionSettings sub;
        sub.name = m_streamModel->name(row);
        sub.url = options.url;
        for (const HttpHeader &header : options.headers) {
            sub.headers.append({QString::fromLatin1(header.first), QString::fromUtf8(header.second),
                                isSecretHeader(options, header.first)});
        }
        sub.reconnectMode = options.reconnectMode;
        sub.reconnectionTimeMs = options.reconnectionTimeMs;
        sub.idleTimeoutMs = options.idleTimeoutMs;
        if (!options.lastEventId.isEmpty())
            sub.lastEventId = options.lastEventId;
        if (StreamFieldStore *store = fieldStore(source)) {
            sub.plottedFields = m_chartArea->plottedFields(store);
            if (store->timeSource() == StreamFieldStore::PayloadField)
                sub.timestampField = store->timeFieldPath();
        }
        session.subscriptions.append(sub);
    }
    session.timeWindowMs = ChartPanel::windowLengthMs(m_chartArea->timeWindow());
    session.pointCap = int(qMin<qsizetype>(m_chartArea->pointCap(), std::numeric_limits<int>::max()));
    session.chartLayout = m_chartArea->layoutMode() == ChartArea::SingleChart ? ChartLayout::Single
                                                                              : ChartLayout::PerStream;
    session.eventLogCap = m_eventLogModel->maximumRows();
    session.windowState = saveState();
    session.windowGeometry = saveGeometry();
    session.storeSecrets = m_storeSecretsAction->isChecked();
    session.journal = isJournalEnabled();
    session.captureMaxEvents = m_captureMaxEvents;
    session.captureMaxMiB = m_captureMaxMiB;
    return session;
}

void MainWindow::applySession(const SessionData &session, QStringList *withheld)
{
    removeAllStreams();
    m_eventLogModel->clear();
    m_loggedEvents = 0;
    m_detailView->clear();

    if (!session.windowGeometry.isEmpty())
        restoreGeometry(session.windowGeometry);
    if (!session.windowState.isEmpty())
        restoreState(session.windowState);
    m_logCapSpin->setValue(session.eventLogCap);
    m_eventLogModel->setMaximumRows(session.eventLogCap);
    m_chartArea->setPointCap(session.pointCap);
    m_chartArea->setTimeWindow(timeWindowForMs(session.timeWindowMs));
    m_chartArea->setLayoutMode(session.chartLayout == ChartLayout::Single ? ChartArea::SingleChart
                                                                          : ChartArea::ChartPerStream);
    m_journalAction->setChecked(session.journal);
    setCaptureLimits(session.captureMaxEvents, session.captureMaxMiB);

    for (const SubscriptionSettings &sub : session.subscriptions) {
        EventSourceOptions options;
        options.url = sub.url;
        for (const SessionHeader &header : sub.headers) {
            const QByteArray name = header.name.toLatin1();
            options.headers.append({name, header.value.toUtf8()});
            if (header.secret && !SessionFile::isSecretHeaderName(header.name))
                options.secretHeaderNames.append(name);
            const bool secret = header.secret || SessionFile::isSecretHeaderName(header.name);
            if (secret && header.value.isEmpty() && withheld) {
                withheld->append(tr("%1: %2")
                                     .arg(sub.name.isEmpty() ? StreamListModel::defaultName(sub.url) : sub.name,
                                          header.name));
            }
        }
        options.reconnectMode = sub.reconnectMode;
        options.reconnectionTimeMs = sub.reconnectionTimeMs;
        options.idleTimeoutMs = sub.idleTimeoutMs;
        options.lastEventId = sub.lastEventId.value_or(QString());
        EventSource *source = addStream(options, sub.name);
        StreamFieldStore *store = fieldStore(source);
        if (!sub.timestampField.isEmpty())
            store->setTimeSource(StreamFieldStore::PayloadField, sub.timestampField);
        // An empty list would stop the first discovered field from being plotted.
        if (!sub.plottedFields.isEmpty())
            m_chartArea->setPlottedFields(store, sub.plottedFields);
    }
    updateStatus();
    updateLogCount();
}

bool MainWindow::saveSession(const QString &path, QString *errorMessage)
{
    if (!SessionFile::save(path, session(), errorMessage))
        return false;
    setSessionPath(path);
    rememberSession(path);
    statusBar()->showMessage(m_storeSecretsAction->isChecked()
                                 ? tr("Session saved to %1 (secret header values included)")
                                       .arg(QDir::toNativeSeparators(path))
                                 : tr("Session saved to %1").arg(QDir::toNativeSeparators(path)),
                             5000);
    return true;
}

bool MainWindow::openSession(const QString &path, QString *errorMessage)
{
    const std::optional<SessionData> loaded = SessionFile::load(path, errorMessage);
    if (!loaded)
        return false;
    QStringList withheld;
    applySession(*loaded, &withheld);
    setSessionPath(path);
    rememberSession(path);
    if (withheld.isEmpty()) {
        statusBar()->showMessage(tr("Opened session %1").arg(QDir::toNativeSeparators(path)), 5000);
    } else {
        statusBar()->showMessage(tr("Opened session %1; secret values were not stored and are "
                                    "empty (%2): edit the stream (F2) to enter them")
                                     .arg(QFileInfo(path).fileName(), withheld.join(QStringLiteral(", "))));
    }
    return true;
}

bool MainWindow::restoreLastSession()
{
    const QString path = QSettings().value(LastSessionKey).toString();
    if (path.isEmpty() || !QFileInfo::exists(path))
        return false;
    QString error;
    if (!openSession(path, &error)) {
        statusBar()->showMessage(tr("Could not restore the last session: %1").arg(error));
        return false;
    }
    return true;
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
    saveWindowSettings();
    event->accept();
}

void MainWindow::setSessionPath(const QString &path)
{
    m_sessionPath = path;
    setWindowTitle(path.isEmpty() ? tr("EventScope")
                                  : tr("%1 \u2014 EventScope").arg(QFileInfo(path).fileName()));
}

void MainWindow::rememberSession(const QString &path)
{
    QSettings settings;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    SessionFile::addRecentSession(settings, absolute);
    settings.setValue(LastSessionKey, absolute);
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    QSettings settings;
    const QStringList recent = SessionFile::recentSessions(settings);
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent.at(i);
        QAction *action = m_recentMenu->addAction(
            tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(action->toolTip());
        connect(action, &QAction::triggered, this, [this, path] {
            QString error;
            if (!openSession(path, &error))
                QMessageBox::warning(this, tr("Open Session"), error);
            else
                askForWithheldSecrets();
        });
    }
    if (recent.isEmpty()) {
        QAction *none = m_recentMenu->addAction(tr("No recent sessions"));
        none->setToolTip(tr("Sessions you open or save appear here"));
        none->setEnabled(false);
    }
}

void MainWindow::askForWithheldSecrets()
{
    for (int row = 0; row < m_streamModel->rowCount(); ++row) {
        EventSource *source = m_streamModel->source(row);
        if (!source)
            continue;
        EventSourceOptions options = source->options();
        bool changed = false;
        for (HttpHeader &header : options.headers) {
            if (!header.second.isEmpty() || !isSecretHeader(options, header.first))
                continue;
            bool ok = false;
            const QString value = QInputDialog::getText(
                this, tr("Secret Header"),
                tr("The session did not store the value of %1 for %2.\nEnter it, or cancel to "
                   "leave it empty:")
                    .arg(QString::fromLatin1(header.first), m_streamModel->name(row)),
                QLineEdit::Password, QString(), &ok);
            if (ok && !value.isEmpty()) {
                header.second = value.toUtf8();
                changed = true;
            }
        }
        if (changed)
            editStream(source, options, m_streamModel->name(row));
    }
}

void MainWindow::saveSessionInteractive()
{
    if (m_sessionPath.isEmpty()) {
        saveSessionAs();
        return;
    }
    QString error;
    if (!saveSession(m_sessionPath, &error))
        QMessageBox::warning(this, tr("Save Session"), error);
}

void MainWindow::saveSessionAs()
{
    const QString start = m_sessionPath.isEmpty()
        ? QDir::home().filePath(tr("session.eventscope"))
        : m_sessionPath;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save Session"), start,
        tr("EventScope sessions (*.eventscope);;JSON files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".eventscope");
    QString error;
    if (!saveSession(path, &error))
        QMessageBox::warning(this, tr("Save Session"), error);
}

int MainWindow::exportEvents(const QString &path, bool onlyShown, QString *errorMessage)
{
    // Events still waiting for the display tick belong to the log too.
    m_eventLogModel->flush();
    const QAbstractItemModel &rows = onlyShown ? static_cast<const QAbstractItemModel &>(*m_filterModel)
                                               : *m_eventLogModel;
    const int written = EventLogExporter::exportJsonLines(rows, path, errorMessage);
    if (written >= 0) {
        const QString file = QDir::toNativeSeparators(path);
        statusBar()->showMessage(written == 1 ? tr("Exported 1 event to %1").arg(file)
                                              : tr("Exported %1 events to %2").arg(written).arg(file),
                                 5000);
    }
    return written;
}

QList<CapturedEvent> MainWindow::capturedEvents(const QStringList &urls, qint64 fromMs,
                                                qint64 toMs) const
{
    const bool ranged = fromMs <= toMs;
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(fromMs, Qt::UTC);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(toMs, Qt::UTC);
    QList<CapturedEvent> events;
    int streams = 0;
    for (int row = 0; row < m_streamModel->rowCount(); ++row) {
        EventSource *source = m_streamModel->source(row);
        CaptureStore *capture = captureStore(source);
        if (!capture || !urls.contains(source->options().url.toDisplayString()))
            continue;
        ++streams;
        if (events.isEmpty() && !ranged)
            events = capture->events();
        else
            events.append(ranged ? capture->eventsBetween(from, to) : capture->events());
    }
    // Each store is in receive order; several streams interleave by receive time.
    if (streams > 1) {
        std::stable_sort(events.begin(), events.end(), [](const CapturedEvent &a, const CapturedEvent &b) {
            return a.receivedAt < b.receivedAt;
        });
    }
    return events;
}

std::pair<qint64, qint64> MainWindow::visibleChartRange() const
{
    qint64 from = std::numeric_limits<qint64>::max();
    qint64 to = std::numeric_limits<qint64>::min();
    for (StreamFieldStore *store : m_chartArea->streams()) {
        ChartPanel *panel = m_chartArea->panelFor(store);
        if (!panel || store->fieldPaths().isEmpty())
            continue;
        // A panel drawn on a payload clock is ahead of (or behind) the receive times.
        const auto [first, last] = panel->timeRange();
        const qint64 offset = store->clockOffsetMs();
        from = std::min(from, first - offset);
        to = std::max(to, last - offset);
    }
    return {from, to};
}

ExportJob *MainWindow::startExport(const QStringList &urls, const QString &path,
                                   ExportJob::Format format, qint64 fromMs, qint64 toMs,
                                   bool showProgress)
{
    if (m_exportJob)
        return nullptr;
    QStringList fieldPaths;
    if (format == ExportJob::Format::Csv) {
        for (int row = 0; row < m_streamModel->rowCount(); ++row) {
            EventSource *source = m_streamModel->source(row);
            StreamFieldStore *store = fieldStore(source);
            if (!store || !urls.contains(source->options().url.toDisplayString()))
                continue;
            for (const QString &field : m_chartArea->plottedFields(store)) {
                if (!fieldPaths.contains(field))
                    fieldPaths.append(field);
            }
        }
    }
    auto *job = new ExportJob(capturedEvents(urls, fromMs, toMs), path, format, fieldPaths, this);
    m_exportJob = job;
    const qsizetype total = job->eventCount();
    // Only a long export shows its progress; QProgressDialog waits before appearing.
    if (showProgress && total > 0) {
        auto *dialog = new QProgressDialog(tr("Exporting %1 events to %2\u2026")
                                               .arg(QLocale().toString(total), QFileInfo(path).fileName()),
                                           tr("Cancel"), 0, int(std::min<qsizetype>(total, std::numeric_limits<int>::max())),
                                           this);
        dialog->setObjectName(QStringLiteral("exportProgressDialog"));
        dialog->setWindowTitle(tr("Export Events"));
        dialog->setWindowModality(Qt::WindowModal);
        dialog->setMinimumDuration(500);
        dialog->setAutoClose(false);
        dialog->setAutoReset(false);
        connect(job, &ExportJob::progress, dialog, [dialog](qsizetype done, qsizetype) {
            dialog->setValue(int(std::min<qsizetype>(done, dialog->maximum())));
        });
        connect(dialog, &QProgressDialog::canceled, job, &ExportJob::cancel);
        m_exportProgress = dialog;
    }
    connect(job, &ExportJob::finished, this, [this, job, path](bool ok) {
        if (m_exportProgress)
            m_exportProgress->deleteLater();
        const QString file = QDir::toNativeSeparators(path);
        if (ok) {
            const qsizetype written = job->eventCount();
            statusBar()->showMessage(written == 1 ? tr("Exported 1 event to %1").arg(file)
                                                  : tr("Exported %1 events to %2")
                                                        .arg(QLocale().toString(written), file),
                                     5000);
        } else if (job->wasCancelled()) {
            statusBar()->showMessage(tr("Export to %1 cancelled; no file was written").arg(file), 5000);
        } else {
            statusBar()->showMessage(job->errorString());
            if (isVisible())
                QMessageBox::warning(this, tr("Export Events"),
                                     tr("%1\n\nThe captured events are unchanged.").arg(job->errorString()));
        }
        job->deleteLater();
    });
    job->start();
    return job;
}

void MainWindow::exportEventsInteractive()
{
    if (m_exportJob) {
        statusBar()->showMessage(tr("An export is still running"), 5000);
        return;
    }
    ExportDialog dialog(this);
    for (int row = 0; row < m_streamModel->rowCount(); ++row) {
        EventSource *source = m_streamModel->source(row);
        if (CaptureStore *capture = captureStore(source))
            dialog.addStream(m_streamModel->name(row), source->options().url.toDisplayString(), capture->size());
    }
    const auto [from, to] = visibleChartRange();
    dialog.setVisibleRange(from, to);
    const QString start = m_sessionPath.isEmpty() ? QDir::homePath() : QFileInfo(m_sessionPath).path();
    dialog.setFilePath(QDir(start).filePath(QStringLiteral("events.jsonl")));
    if (dialog.exec() != QDialog::Accepted)
        return;
    const bool ranged = dialog.visibleRangeOnly();
    startExport(dialog.selectedStreams(), dialog.filePath(), dialog.format(),
                ranged ? dialog.rangeFromMs() : 0, ranged ? dialog.rangeToMs() : -1);
}

bool MainWindow::svgExportAvailable()
{
#ifdef EVENTSCOPE_HAVE_SVG
    return true;
#else
    return false;
#endif
}

bool MainWindow::exportChartImage(const QString &path, QString *errorMessage)
{
    const auto fail = [&](const QString &reason) {
        if (errorMessage) {
            *errorMessage = tr("Cannot save the chart to %1: %2").arg(QDir::toNativeSeparators(path), reason);
        }
        return false;
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
#ifdef EVENTSCOPE_HAVE_SVG
    if (QFileInfo(path).suffix().compare(u"svg", Qt::CaseInsensitive) == 0) {
        QSvgGenerator generator;
        generator.setOutputDevice(&file);
        generator.setSize(m_chartArea->size());
        generator.setViewBox(QRect(QPoint(), m_chartArea->size()));
        generator.setTitle(windowTitle());
        QPainter painter(&generator);
        m_chartArea->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
        painter.end();
        if (!file.commit())
            return fail(file.errorString());
        return true;
    }
#endif
    const QImage image = m_chartArea->grabImage();
    if (image.isNull())
        return fail(tr("there is no chart to save"));
    if (!image.save(&file, "PNG"))
        return fail(file.error() != QFileDevice::NoError ? file.errorString() : tr("the image could not be encoded"));
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

void MainWindow::exportChartInteractive()
{
    const QString start = m_sessionPath.isEmpty() ? QDir::homePath() : QFileInfo(m_sessionPath).path();
    QString filter = tr("PNG images (*.png)");
    if (svgExportAvailable())
        filter += tr(";;SVG images (*.svg)");
    QString selected;
    QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"),
                                                QDir(start).filePath(QStringLiteral("chart.png")),
                                                filter, &selected);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += selected.contains(QStringLiteral("*.svg")) ? QStringLiteral(".svg") : QStringLiteral(".png");
    QString error;
    if (!exportChartImage(path, &error))
        QMessageBox::warning(this, tr("Export Chart"), error);
    else
        statusBar()->showMessage(tr("Chart saved to %1").arg(QDir::toNativeSeparators(path)), 5000);
}

bool MainWindow::openCapture(const QString &path, QString *errorMessage)
{
    QList<CapturedEvent> events;
    QString readError;
    const bool complete = CaptureReader::readFile(path, events, &readError);
    const QString file = QDir::toNativeSeparators(path);
    if (events.isEmpty()) {
        if (errorMessage) {
            *errorMessage = complete ? tr("%1 holds no events.").arg(file)
                                     : tr("Cannot open the capture %1: %2").arg(file, readError);
        }
        return false;
    }

    // One offline stream per URL, in the order they first appear; events a raw
    // text/event-stream capture does not attribute go to one named after the file.
    const QString unnamed = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString();
    QStringList urls;
    QHash<QString, QList<CapturedEvent>> byUrl;
    for (CapturedEvent &event : events) {
        if (event.url.isEmpty())
            event.url = unnamed;
        if (!event.receivedAt.isValid())
            event.receivedAt = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
        auto it = byUrl.find(event.url);
        if (it == byUrl.end()) {
            urls.append(event.url);
            it = byUrl.insert(event.url, {});
        }
        it->append(event);
    }

    for (const QString &url : std::as_const(urls)) {
        const QList<CapturedEvent> &streamEvents = byUrl[url];
        EventSourceOptions options;
        options.url = QUrl(url);
        // Never opened: it only gives the row and the filters their URL.
        auto *source = new EventSource(options, this);
        auto *store = new StreamFieldStore(this);
        CaptureStore *capture = newCaptureStore();
        m_stores.insert(source, store);
        m_captures.insert(source, capture);
        m_offline.insert(source);
        for (const CapturedEvent &event : streamEvents) {
            m_eventLogModel->append(url, event.event, event.receivedAt, event.connection);
            store->addEvent(event.event, event.receivedAt.toMSecsSinceEpoch());
        }
        m_loggedEvents += streamEvents.size();
        capture->append(streamEvents);

        const QString name = tr("%1 (capture)").arg(StreamListModel::defaultName(options.url));
        m_streamModel->addSource(source, name);
        const int row = m_streamModel->rowOf(source);
        m_streamModel->setOffline(row, tr("Offline capture"), streamEvents.size(),
                                  streamEvents.last().event.lastEventId);
        m_chartArea->addStream(store, m_streamModel->name(row));
        // The data is in the past: show all of it rather than follow the clock.
        if (ChartPanel *panel = m_chartArea->panelFor(store);
            panel && m_chartArea->layoutMode() == ChartArea::ChartPerStream) {
            panel->zoomToRange(streamEvents.first().receivedAt.toMSecsSinceEpoch(),
                               std::max(streamEvents.last().receivedAt.toMSecsSinceEpoch(),
                                        streamEvents.first().receivedAt.toMSecsSinceEpoch() + 1));
        }
    }
    updateStreamFilter();
    updateStatus();
    updateLogCount();
    const QLocale locale;
    const QString opened = tr("Opened %1 events of %2 stream(s) from %3")
                               .arg(locale.toString(events.size()))
                               .arg(urls.size())
                               .arg(file);
    statusBar()->showMessage(complete ? opened : tr("%1; the rest could not be read: %2").arg(opened, readError));
    return true;
}

QString MainWindow::journalDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("journal"));
}

bool MainWindow::isJournalEnabled() const
{
    return m_journal != nullptr;
}

QString MainWindow::journalPath() const
{
    return m_journal ? m_journal->path() : QString();
}

bool MainWindow::setJournalEnabled(bool enabled, QString *errorMessage)
{
    if (enabled == isJournalEnabled())
        return true;
    if (!enabled) {
        flushJournal();
        const QString path = m_journal->path();
        const bool closed = m_journal->close();
        const QString error = m_journal->errorString();
        m_journal.reset();
        m_journalPending.clear();
        if (m_journalTimer)
            m_journalTimer->stop();
        if (m_journalAction && m_journalAction->isChecked()) {
            const QSignalBlocker blocker(m_journalAction);
            m_journalAction->setChecked(false);
        }
        if (!closed && errorMessage)
            *errorMessage = tr("The journal %1 could not be completed: %2").arg(QDir::toNativeSeparators(path), error);
        return closed;
    }

    const QString folder = journalDirectory();
    const QString path = QDir(folder).filePath(
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("'capture-'yyyyMMdd-HHmmss-zzz'.jsonl'")));
    auto journal = std::make_unique<CaptureJournal>();
    if (!QDir().mkpath(folder) || !journal->open(path)) {
        if (errorMessage) {
            *errorMessage = tr("Cannot journal to %1: %2")
                                .arg(QDir::toNativeSeparators(folder),
                                     journal->errorString().isEmpty() ? tr("the folder cannot be created")
                                                                      : journal->errorString());
        }
        const QSignalBlocker blocker(m_journalAction);
        m_journalAction->setChecked(false);
        return false;
    }
    // Queued: the journal is inside append() when it reports.
    connect(journal.get(), &CaptureJournal::failed, this, [this](const QString &reason) {
        setJournalEnabled(false);
        statusBar()->showMessage(tr("The journal stopped: %1").arg(reason));
    }, Qt::QueuedConnection);
    m_journal = std::move(journal);
    if (!m_journalTimer) {
        m_journalTimer = new QTimer(this);
        // Batches are written a few times a second; the journal syncs them about once a second.
        m_journalTimer->setInterval(200);
        connect(m_journalTimer, &QTimer::timeout, this, &MainWindow::flushJournal);
    }
    m_journalTimer->start();
    if (!m_journalAction->isChecked()) {
        const QSignalBlocker blocker(m_journalAction);
        m_journalAction->setChecked(true);
    }
    statusBar()->showMessage(tr("Journaling captured events to %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

void MainWindow::flushJournal()
{
    if (!m_journal || m_journalPending.isEmpty())
        return;
    const QList<CapturedEvent> batch = std::exchange(m_journalPending, {});
    m_journal->append(batch);
}

bool MainWindow::recoverJournal(const QString &journalPath, QString *errorMessage)
{
    const CaptureJournal::Recovery recovery = CaptureJournal::recover(journalPath);
    QString capturePath = journalPath;
    if (capturePath.endsWith(CaptureJournal::journalSuffix()))
        capturePath.chop(CaptureJournal::journalSuffix().size());
    if (recovery.events.isEmpty()) {
        QFile::remove(journalPath);
        if (errorMessage) {
            *errorMessage = recovery.errorString.isEmpty()
                ? tr("The journal %1 held no complete event.").arg(QDir::toNativeSeparators(journalPath))
                : recovery.errorString;
        }
        return false;
    }
    // What reached the disk, without a torn last line, as an ordinary capture.
    const std::atomic_bool cancelled{false};
    QString writeError;
    if (ExportJob::write(recovery.events, capturePath, ExportJob::Format::Jsonl, {}, cancelled, {},
                         &writeError) != ExportJob::Result::Written) {
        if (errorMessage)
            *errorMessage = writeError;
        return false;
    }
    QFile::remove(journalPath);
    return openCapture(capturePath, errorMessage);
}

void MainWindow::offerJournalRecovery()
{
    const QStringList leftovers = CaptureJournal::findLeftovers(journalDirectory());
    if (leftovers.isEmpty())
        return;
    QMessageBox question(QMessageBox::Question, tr("Recover Captured Events"),
                         tr("EventScope did not close properly last time. %n journal(s) of captured "
                            "events were left behind:", nullptr, int(leftovers.size())),
                         QMessageBox::NoButton, this);
    QStringList names;
    for (const QString &path : leftovers)
        names.append(QFileInfo(path).fileName());
    question.setInformativeText(names.join(u'\n'));
    QPushButton *openButton = question.addButton(tr("Open"), QMessageBox::AcceptRole);
    QPushButton *discardButton = question.addButton(tr("Discard"), QMessageBox::DestructiveRole);
    question.addButton(tr("Later"), QMessageBox::RejectRole);
    question.setDefaultButton(openButton);
    question.exec();
    if (question.clickedButton() == openButton) {
        QStringList errors;
        for (const QString &path : leftovers) {
            QString error;
            if (!recoverJournal(path, &error))
                errors.append(error);
        }
        if (!errors.isEmpty())
            QMessageBox::warning(this, tr("Recover Captured Events"), errors.join(u'\n'));
    } else if (question.clickedButton() == discardButton) {
        for (const QString &path : leftovers)
            QFile::remove(path);
    }
}

void MainWindow::openCaptureDialog()
{
    const QString start = m_sessionPath.isEmpty() ? QDir::homePath() : QFileInfo(m_sessionPath).path();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Capture"), start,
        tr("Captures (*.jsonl *.csv *.sse *.txt *.journal);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openCapture(path, &error))
        QMessageBox::warning(this, tr("Open Capture"), error);
}

void MainWindow::openSessionDialog()
{
    const QString start = m_sessionPath.isEmpty() ? QDir::homePath() : QFileInfo(m_sessionPath).path();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Session"), start,
        tr("EventScope sessions (*.eventscope *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openSession(path, &error)) {
        QMessageBox::warning(this, tr("Open Session"), error);
        return;
    }
    askForWithheldSecrets();
}
