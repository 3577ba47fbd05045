#include "StreamsPane.h"

#include "ActionFactory.h"
#include "CaptureStore.h"
#include "CertificatePin.h"
#include "CertificateTrustDialog.h"
#include "DemoServer.h"
#include "EventSource.h"
#include "Preferences.h"
#include "Stream.h"
#include "StreamListModel.h"
#include "SubscriptionDialog.h"
#include "TableViews.h"
#include "Workspace.h"

#include <QAction>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

StreamsPane::StreamsPane(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_model(new StreamListModel(workspace, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_view = TableViews::create(this);
    m_view->setObjectName(QStringLiteral("streamView"));
    m_view->setModel(m_model);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setIconSize(QSize(12, 12));
    // Room between the right-aligned count and the ID next to it; without a border rule the
    // padding is ignored.
    m_view->setStyleSheet(QStringLiteral("QTableView::item { padding-right: 6px; border: 0; }"));
    layout->addWidget(m_view);
    sizeColumns();
    createActions();
}

void StreamsPane::sizeColumns()
{
    QHeaderView *header = m_view->horizontalHeader();
    const auto width = [this](const QString &sample) { return TableViews::textWidth(this, sample); };
    header->resizeSection(StreamListModel::NameColumn, width(QStringLiteral("127.0.0.1:8080/events")));
    // The state elides; its tooltip has the whole reason.
    header->resizeSection(StreamListModel::StateColumn, width(QStringLiteral("Reconnecting in 2.4 s (attempt 3 — HTTP 503)")));
    header->resizeSection(StreamListModel::EventsColumn, width(QStringLiteral("0,000,000")));
    header->resizeSection(StreamListModel::EventRateColumn, width(tr("Events/s")));
    header->resizeSection(StreamListModel::ByteRateColumn, width(QStringLiteral("000.0 KB/s")));
    for (int column : {StreamListModel::ReconnectsColumn, StreamListModel::AttemptsColumn,
                       StreamListModel::GapsColumn, StreamListModel::IdResetsColumn})
        header->resizeSection(column, width(tr("Reconnects")));
    header->resizeSection(StreamListModel::LastEventIdColumn, width(QStringLiteral("000000")));
    header->resizeSection(StreamListModel::AgeColumn, width(tr("Last event")));
    header->setSectionsMovable(true);

    // However small the window, the table shows its header and four rows (and the horizontal
    // scroll bar its columns need); the dock can be made larger and keeps its size.
    const int rows = 4 * m_view->verticalHeader()->defaultSectionSize();
    const int scrollBar = m_view->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_view);
    m_view->setMinimumHeight(header->sizeHint().height() + rows + scrollBar + 2 * m_view->frameWidth());
}

void StreamsPane::createActions()
{
    auto make = [this](const QString &text, const QString &name, const QKeySequence &shortcut,
                       const QString &toolTip, auto slot) {
        QAction *action = ActionFactory::make(this, text, name, shortcut, toolTip);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_addAction = make(tr("&Add Stream\u2026"), QStringLiteral("addStreamAction"), QKeySequence::New,
                       tr("Subscribe to a text/event-stream URL"), &StreamsPane::showAddDialog);
    m_addAction->setShortcutContext(Qt::ApplicationShortcut);
    m_demoAction = make(tr("Start &Demo Stream"), QStringLiteral("startDemoAction"), {},
                        tr("Serve the demo stream from inside EventScope and subscribe to it"), [this] {
                            if (Stream *demo = m_workspace->startDemo())
                                selectStream(demo);
                            else
                                Q_EMIT message(m_workspace->demoServer()->errorString(), 0);
                        });
    m_demoServerAction = ActionFactory::make(this, tr("Demo &Server Running"), QStringLiteral("demoServerAction"), {},
                                             tr("Uncheck to stop the built-in demo server and watch its stream "
                                                "reconnect; check to serve again on the same port"));
    m_demoServerAction->setCheckable(true);
    m_demoServerAction->setVisible(false); // until the demo is started
    connect(m_demoServerAction, &QAction::toggled, this, [this](bool running) {
        if (!m_workspace->setDemoServerRunning(running))
            Q_EMIT message(m_workspace->demoServer()->errorString(), 0);
        else
            Q_EMIT message(running ? tr("Demo server listening again on port %1").arg(m_workspace->demoServer()->port())
                                   : tr("Demo server stopped; its stream reconnects once the server runs again"),
                           5000);
    });
    connect(m_workspace, &Workspace::demoServerRunningChanged, this, [this](bool running) {
        const QSignalBlocker blocker(m_demoServerAction);
        m_demoServerAction->setChecked(running);
        m_demoServerAction->setVisible(true);
    });
    m_editAction = make(tr("&Edit Stream\u2026"), QStringLiteral("editStreamAction"), QKeySequence(Qt::Key_F2),
                        tr("Change the URL, headers or reconnection of the selected stream"),
                        &StreamsPane::showEditDialog);
    m_removeAction = make(tr("&Remove Stream"), QStringLiteral("removeStreamAction"), QKeySequence::Delete,
                          tr("Close and remove the selected stream and what it captured"),
                          [this] { removeStreamInteractive(selectedStream()); });
    m_trustCertificateAction = make(tr("&Trust Certificate\u2026"), QStringLiteral("trustCertificateAction"), {},
                                    tr("Show the certificate that the selected stream's server offered and failed "
                                       "verification, and trust exactly that one for this stream"),
                                    &StreamsPane::showTrustCertificateDialog);
    // Delete in the search field or a spin box edits text; only the stream table removes streams.
    m_removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(m_removeAction);
    m_connectAction = make(tr("&Connect"), QStringLiteral("connectAction"), QKeySequence(Qt::Key_F5),
                           tr("Connect the selected stream (again)"), [this] {
                               if (Stream *stream = selectedStream())
                                   stream->open();
                           });
    m_disconnectAction = make(tr("&Disconnect"), QStringLiteral("disconnectAction"), QKeySequence(Qt::SHIFT | Qt::Key_F5),
                              tr("Close the selected stream's connection"), [this] {
                                  if (Stream *stream = selectedStream())
                                      stream->close();
                              });
    m_connectAllAction = make(tr("Connect &All"), QStringLiteral("connectAllAction"), QKeySequence(Qt::CTRL | Qt::Key_F5),
                              tr("Connect every stream"), [this] {
                                  for (Stream *stream : m_workspace->streams())
                                      stream->open();
                              });
    m_disconnectAllAction = make(tr("Disconnect A&ll"), QStringLiteral("disconnectAllAction"),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F5), tr("Close every stream's connection"),
                                 [this] {
                                     for (Stream *stream : m_workspace->streams())
                                         stream->close();
                                 });

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &StreamsPane::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &StreamsPane::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &StreamsPane::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &StreamsPane::updateActions); // states change
    connect(m_view, &QAbstractItemView::doubleClicked, this, &StreamsPane::showEditDialog);
    updateActions();
}

void StreamsPane::updateActions()
{
    const Stream *stream = selectedStream();
    const bool live = stream && !stream->isOffline();
    // The model's rows: a stream being removed has left them while the workspace still lists it.
    const bool any = m_model->rowCount() > 0;
    m_editAction->setEnabled(live);
    m_removeAction->setEnabled(stream != nullptr);
    m_trustCertificateAction->setEnabled(live && stream->source() && !stream->source()->offeredCertificate().isNull());
    m_connectAction->setEnabled(live);
    m_disconnectAction->setEnabled(live);
    m_connectAllAction->setEnabled(any);
    m_disconnectAllAction->setEnabled(any);
}

Stream *StreamsPane::selectedStream() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->stream(rows.first().row());
}

void StreamsPane::selectStream(const Stream *stream)
{
    const int row = m_model->rowOf(stream);
    if (row >= 0)
        m_view->selectRow(row);
}

bool StreamsPane::removeStreamInteractive(Stream *stream)
{
    if (!stream)
        return false;
    stream->flush();
    const qsizetype captured = stream->capture()->size();
    if (captured > 0) {
        QMessageBox question(QMessageBox::Question, tr("Remove Stream"),
                             tr("Remove %1 and the %2 events it captured?")
                                 .arg(stream->name(), QLocale().toString(captured)),
                             QMessageBox::NoButton, window());
        question.setObjectName(QStringLiteral("removeStreamQuestion"));
        question.setInformativeText(tr("Its events leave the log, the charts and the capture. Export them "
                                       "first (Ctrl+E) to keep them."));
        QPushButton *remove = question.addButton(tr("Remove"), QMessageBox::DestructiveRole);
        question.addButton(QMessageBox::Cancel);
        question.setDefaultButton(QMessageBox::Cancel);
        question.exec();
        if (question.clickedButton() != remove)
            return false;
    }
    m_workspace->removeStream(stream);
    return true;
}

void StreamsPane::showAddDialog()
{
    SubscriptionDialog dialog(window());
    // A new stream starts from the reconnection the user prefers.
    const Preferences preferences = Preferences::load();
    EventSourceOptions defaults;
    defaults.reconnectMode = preferences.reconnectMode;
    defaults.maxBackoffMs = preferences.maxBackoffMs;
    dialog.setOptions(defaults);
    QList<QUrl> taken;
    for (const Stream *stream : m_workspace->streams()) {
        if (!stream->isOffline())
            taken.append(stream->url());
    }
    dialog.setTakenUrls(taken);
    if (dialog.exec() == QDialog::Accepted)
        selectStream(m_workspace->addStream(dialog.options(), dialog.nameFollowsUrl() ? QString() : dialog.name()));
}

void StreamsPane::showEditDialog()
{
    Stream *stream = selectedStream();
    if (!stream || stream->isOffline())
        return;
    SubscriptionDialog dialog(window());
    dialog.setWindowTitle(tr("Edit Stream"));
    dialog.setOptions(stream->options(), stream->givenName());
    QList<QUrl> taken;
    for (const Stream *other : m_workspace->streams()) {
        if (other != stream && !other->isOffline())
            taken.append(other->url());
    }
    dialog.setTakenUrls(taken);
    const Stream::Id id = stream->id();
    // The stream may have gone while the dialog was open.
    if (dialog.exec() == QDialog::Accepted && (stream = m_workspace->stream(id)))
        m_workspace->editStream(stream, dialog.options(), dialog.nameFollowsUrl() ? QString() : dialog.name());
}

void StreamsPane::showTrustCertificateDialog()
{
    Stream *stream = selectedStream();
    if (!stream || stream->isOffline() || !stream->source())
        return;
    const QSslCertificate certificate = stream->source()->offeredCertificate();
    if (certificate.isNull())
        return;
    CertificateTrustDialog dialog(stream->name(), certificate, stream->history().reason(), window());
    const Stream::Id id = stream->id();
    if (dialog.exec() != QDialog::Accepted || !(stream = m_workspace->stream(id)))
        return;
    EventSourceOptions options = stream->options();
    if (!options.pinnedCertificates.contains(dialog.pin()))
        options.pinnedCertificates.append(dialog.pin());
    m_workspace->editStream(stream, options, stream->givenName());
    stream->open(); // it had failed for good: a closed stream is not connected again by new settings
    Q_EMIT message(tr("Trusting certificate %1 for %2; connecting again")
                       .arg(CertificatePin::displayText(certificate).left(23) + QStringLiteral("\u2026"), stream->name()),
                   8000);
}
