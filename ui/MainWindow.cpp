#include "MainWindow.h"

#include "EventLogModel.h"
#include "EventSource.h"
#include "StreamListModel.h"

#include <QAction>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

namespace {

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

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_streamModel(new StreamListModel(this))
    , m_eventLogModel(new EventLogModel(this))
{
    setWindowTitle(tr("EventScope"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);

    m_streamView = createTableView(splitter);
    m_streamView->setModel(m_streamModel);
    m_streamView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_streamView->setIconSize(QSize(12, 12));
    // Room between the right-aligned count and the ID next to it; without a border rule the
    // padding is ignored.
    m_streamView->setStyleSheet(
        QStringLiteral("QTableView::item { padding-right: 6px; border: 0; }"));
    QHeaderView *streamHeader = m_streamView->horizontalHeader();
    streamHeader->setStretchLastSection(false);
    streamHeader->resizeSection(StreamListModel::UrlColumn,
                                textWidth(this, QStringLiteral("https://stream.example.org:8443/v1/events")));
    // The state and its reason take what is left.
    streamHeader->setSectionResizeMode(StreamListModel::StateColumn, QHeaderView::Stretch);
    streamHeader->resizeSection(StreamListModel::EventsColumn, textWidth(this, QStringLiteral("000,000,000")));
    streamHeader->resizeSection(StreamListModel::LastEventIdColumn, textWidth(this, tr("Last event ID") + QStringLiteral("00")));

    m_logArea = new QStackedWidget(splitter);
    m_hintLabel = new QLabel(tr("Add a stream with Ctrl+N or start with --demo"), m_logArea);
    m_hintLabel->setAlignment(Qt::AlignCenter);
    m_hintLabel->setEnabled(false);
    m_hintLabel->setFrameShape(QFrame::StyledPanel);
    m_hintLabel->setBackgroundRole(QPalette::Base);
    m_hintLabel->setAutoFillBackground(true);
    m_logArea->addWidget(m_hintLabel);

    m_eventLogView = createTableView(m_logArea);
    m_eventLogView->setModel(m_eventLogModel);
    QHeaderView *logHeader = m_eventLogView->horizontalHeader();
    logHeader->resizeSection(EventLogModel::TimeColumn, textWidth(this, QStringLiteral("00:00:00.000")));
    logHeader->resizeSection(EventLogModel::StreamColumn, textWidth(this, QStringLiteral("http://127.0.0.1:00000/events")));
    logHeader->resizeSection(EventLogModel::TypeColumn, textWidth(this, QStringLiteral("message")));
    logHeader->resizeSection(EventLogModel::IdColumn, textWidth(this, QStringLiteral("000000")));
    m_logArea->addWidget(m_eventLogView);

    splitter->addWidget(m_streamView);
    splitter->addWidget(m_logArea);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    setCentralWidget(splitter);

    QScrollBar *logScrollBar = m_eventLogView->verticalScrollBar();
    connect(logScrollBar, &QScrollBar::valueChanged, this,
            [this, logScrollBar](int value) { m_followTail = value >= logScrollBar->maximum(); });
    connect(m_eventLogModel, &QAbstractItemModel::rowsInserted, this, [this] {
        m_logArea->setCurrentWidget(m_eventLogView);
        followTail();
    });

    m_statusLabel = new QLabel(this);
    statusBar()->addWidget(m_statusLabel, 1);
    connect(m_streamModel, &StreamListModel::totalsChanged, this, &MainWindow::updateStatus);

    createActions();
    updateStatus();
    resize(1100, 700);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    auto *addStreamAction = new QAction(tr("&Add Stream\u2026"), this);
    addStreamAction->setShortcut(QKeySequence::New);
    addStreamAction->setStatusTip(tr("Subscribe to a text/event-stream URL"));
    connect(addStreamAction, &QAction::triggered, this, &MainWindow::showAddStreamDialog);

    auto *quitAction = new QAction(tr("&Quit"), this);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);
    connect(quitAction, &QAction::triggered, this, &QWidget::close);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(addStreamAction);
    fileMenu->addSeparator();
    fileMenu->addAction(quitAction);

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addAction(addStreamAction);
}

EventSource *MainWindow::addStream(const EventSourceOptions &options)
{
    auto *source = new EventSource(options, this);
    const QString stream = options.url.toDisplayString();
    EventLogModel *log = m_eventLogModel;
    connect(source, &EventSource::eventReceived, log,
            [log, stream](const SseEvent &event) { log->append(stream, event); });
    m_streamModel->addSource(source);
    m_logArea->setCurrentWidget(m_eventLogView);
    source->open();
    return source;
}

EventSource *MainWindow::addStream(const QUrl &url)
{
    EventSourceOptions options;
    options.url = url;
    return addStream(options);
}

QString MainWindow::statusText() const
{
    const QLocale locale;
    return tr("%1 of %2 streams open \u00B7 %3 events")
        .arg(m_streamModel->openCount())
        .arg(m_streamModel->rowCount())
        .arg(locale.toString(m_streamModel->totalEventCount()));
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
    QString text = QStringLiteral("http://");
    for (;;) {
        bool accepted = false;
        text = QInputDialog::getText(this, tr("Add Stream"),
                                     tr("URL of a text/event-stream:"), QLineEdit::Normal, text,
                                     &accepted);
        if (!accepted)
            return;
        QString error;
        const QUrl url = streamUrlFromUserInput(text, &error);
        if (url.isValid() && m_streamModel->contains(url))
            error = tr("Already subscribed to %1.").arg(url.toDisplayString());
        if (error.isEmpty()) {
            addStream(url);
            return;
        }
        QMessageBox::warning(this, tr("Add Stream"), error);
    }
}

void MainWindow::updateStatus()
{
    m_statusLabel->setText(statusText());
}

void MainWindow::followTail()
{
    if (m_followTail)
        m_eventLogView->scrollToBottom();
}
