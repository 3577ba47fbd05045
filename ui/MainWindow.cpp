#include "MainWindow.h"

#include "EventLogModel.h"
#include "EventSource.h"
#include "StreamListModel.h"
#include "SubscriptionDialog.h"

#include <QAction>
#include <QHeaderView>
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
    streamHeader->resizeSection(StreamListModel::UrlColumn,
                                textWidth(this, QStringLiteral("http://127.0.0.1:8080/events")));
    streamHeader->resizeSection(StreamListModel::StateColumn,
                                textWidth(this, QStringLiteral("Reconnecting in 2.4 s (attempt 3)")));
    streamHeader->resizeSection(StreamListModel::EventsColumn, textWidth(this, QStringLiteral("0,000,000")));
    streamHeader->resizeSection(StreamListModel::LastEventIdColumn, textWidth(this, tr("Last event ID")));
    streamHeader->resizeSection(StreamListModel::NameColumn, textWidth(this, QStringLiteral("127.0.0.1/events")));
    streamHeader->resizeSection(StreamListModel::EventRateColumn, textWidth(this, tr("Events/s")));
    streamHeader->resizeSection(StreamListModel::ByteRateColumn, textWidth(this, QStringLiteral("000.0 KB/s")));
    for (int column : {StreamListModel::ReconnectsColumn, StreamListModel::GapsColumn})
        streamHeader->resizeSection(column, textWidth(this, tr("Reconnects")));

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

    auto streamAction = [this](const QString &text, const QString &name, const QKeySequence &shortcut,
                               const QString &toolTip, void (MainWindow::*slot)()) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(shortcut);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(toolTip,
                                                         shortcut.toString(QKeySequence::NativeText)));
        action->setStatusTip(toolTip);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    addStreamAction->setObjectName(QStringLiteral("addStreamAction"));
    addStreamAction->setToolTip(tr("Subscribe to a text/event-stream URL (%1)")
                                    .arg(addStreamAction->shortcut().toString(QKeySequence::NativeText)));
    m_editStreamAction = streamAction(tr("&Edit Stream\u2026"), QStringLiteral("editStreamAction"),
                                      QKeySequence(Qt::CTRL | Qt::Key_E),
                                      tr("Change the URL, headers or reconnection of the selected stream"),
                                      &MainWindow::showEditStreamDialog);
    m_removeStreamAction = streamAction(tr("&Remove Stream"), QStringLiteral("removeStreamAction"),
                                        QKeySequence::Delete, tr("Close and remove the selected stream"),
                                        &MainWindow::removeSelectedStream);
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

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(addStreamAction);
    fileMenu->addSeparator();
    fileMenu->addAction(quitAction);

    QMenu *streamMenu = menuBar()->addMenu(tr("&Stream"));
    streamMenu->addAction(addStreamAction);
    streamMenu->addAction(m_editStreamAction);
    streamMenu->addAction(m_removeStreamAction);
    streamMenu->addSeparator();
    streamMenu->addAction(m_connectAction);
    streamMenu->addAction(m_disconnectAction);
    streamMenu->addAction(m_connectAllAction);
    streamMenu->addAction(m_disconnectAllAction);

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addAction(addStreamAction);
    toolBar->addAction(m_editStreamAction);
    toolBar->addAction(m_removeStreamAction);
    toolBar->addSeparator();
    toolBar->addAction(m_connectAction);
    toolBar->addAction(m_disconnectAction);
    toolBar->addAction(m_connectAllAction);
    toolBar->addAction(m_disconnectAllAction);

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
    const bool selected = selectedSource() != nullptr;
    const bool any = m_streamModel->rowCount() > 0;
    m_editStreamAction->setEnabled(selected);
    m_removeStreamAction->setEnabled(selected);
    m_connectAction->setEnabled(selected);
    m_disconnectAction->setEnabled(selected);
    m_connectAllAction->setEnabled(any);
    m_disconnectAllAction->setEnabled(any);
}

EventSource *MainWindow::addStream(const EventSourceOptions &options, const QString &name)
{
    auto *source = new EventSource(options, this);
    const QString stream = options.url.toDisplayString();
    EventLogModel *log = m_eventLogModel;
    connect(source, &EventSource::eventReceived, log,
            [log, stream](const SseEvent &event) { log->append(stream, event); });
    m_streamModel->addSource(source, name);
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
    if (!source)
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
    auto *replacement = new EventSource(options, this);
    const QString stream = options.url.toDisplayString();
    EventLogModel *log = m_eventLogModel;
    connect(replacement, &EventSource::eventReceived, log,
            [log, stream](const SseEvent &event) { log->append(stream, event); });
    m_streamModel->replaceSource(source, replacement, name);
    source->close();
    source->deleteLater();
    replacement->open();
    return replacement;
}

void MainWindow::removeSelectedStream()
{
    if (EventSource *source = selectedSource()) {
        m_streamModel->removeSource(source);
        source->close();
        source->deleteLater();
    }
}

void MainWindow::connectSelectedStream()
{
    if (EventSource *source = selectedSource())
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
        if (EventSource *source = m_streamModel->source(row))
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

void MainWindow::updateStatus()
{
    m_statusLabel->setText(statusText());
}

void MainWindow::followTail()
{
    if (m_followTail)
        m_eventLogView->scrollToBottom();
}
