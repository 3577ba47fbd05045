#include "SessionController.h"

#include "ActionFactory.h"
#include "EventSource.h"
#include "SessionFile.h"
#include "SessionSecrets.h"
#include "Stream.h"
#include "Workspace.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>

namespace {

const QString LastSessionKey = QStringLiteral("session/last");
const QString StoreSecretsKey = QStringLiteral("session/storeSecrets");

} // namespace

SessionController::SessionController(Workspace *workspace, QWidget *window, LayoutWriter writeLayout,
                                     LayoutReader readLayout, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_window(window)
    , m_writeLayout(std::move(writeLayout))
    , m_readLayout(std::move(readLayout))
{
    m_openAction = ActionFactory::make(this, tr("&Open Session\u2026"), QStringLiteral("openSessionAction"),
                                       QKeySequence::Open,
                                       tr("Replace the streams and layout by those of a session file"));
    connect(m_openAction, &QAction::triggered, this, &SessionController::openInteractive);
    m_saveAction = ActionFactory::make(this, tr("&Save Session"), QStringLiteral("saveSessionAction"),
                                       QKeySequence::Save,
                                       tr("Save the streams, plotted fields and layout to the session file"));
    connect(m_saveAction, &QAction::triggered, this, &SessionController::saveInteractive);
    m_saveAsAction = ActionFactory::make(this, tr("Save Session &As\u2026"), QStringLiteral("saveSessionAsAction"),
                                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                                         tr("Save the session to a new file"));
    connect(m_saveAsAction, &QAction::triggered, this, &SessionController::saveAs);
    m_storeSecretsAction = ActionFactory::make(
        this, tr("Store Secret Header &Values in Sessions"), QStringLiteral("storeSecretsAction"), {},
        tr("Warning: writes Authorization, Cookie and other secret header values to session files in plain text"));
    m_storeSecretsAction->setCheckable(true);
    m_storeSecretsAction->setChecked(QSettings().value(StoreSecretsKey, false).toBool());
    connect(m_storeSecretsAction, &QAction::toggled, this,
            [](bool on) { QSettings().setValue(StoreSecretsKey, on); });

    m_recentMenu = new QMenu(tr("Open &Recent"), window);
    m_recentMenu->setToolTipsVisible(true);
    m_recentMenu->menuAction()->setObjectName(QStringLiteral("recentSessionsAction"));
    m_recentMenu->menuAction()->setToolTip(tr("Sessions opened or saved lately"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &SessionController::fillRecentMenu);
    fillRecentMenu();
}

SessionData SessionController::session() const
{
    SessionData session = m_workspace->toSession();
    session.storeSecrets = m_storeSecretsAction->isChecked();
    if (m_writeLayout)
        m_writeLayout(session);
    return session;
}

void SessionController::applySession(const SessionData &session, QStringList *withheld)
{
    m_workspace->applySession(session, withheld);
    if (m_readLayout)
        m_readLayout(session);
    m_workspace->setModified(false);
}

bool SessionController::save(const QString &path, QString *errorMessage)
{
    const SessionData data = session();
    if (!SessionFile::save(path, data, errorMessage))
        return false;
    setPath(path);
    remember(path);
    m_workspace->setModified(false);
    const QString file = QDir::toNativeSeparators(path);
    SessionSecrets::StoreResult kept;
    if (!data.storeSecrets && m_secrets)
        kept = SessionSecrets::store(data, path, *m_secrets);
    if (data.storeSecrets) {
        Q_EMIT message(tr("Session saved to %1 (secret values included, in plain text)").arg(file), 5000);
    } else if (!kept.failed.isEmpty()) {
        Q_EMIT message(tr("Session saved to %1 without its secret values: the system keyring could not keep "
                          "them (%2), so they will be asked for when the session opens")
                           .arg(file, kept.error),
                       0);
    } else if (kept.written > 0) {
        Q_EMIT message(tr("Session saved to %1 (secret values in the system keyring)").arg(file), 5000);
    } else {
        Q_EMIT message(tr("Session saved to %1").arg(file), 5000);
    }
    return true;
}

bool SessionController::open(const QString &path, QString *errorMessage)
{
    std::optional<SessionData> loaded = SessionFile::load(path, errorMessage);
    if (!loaded)
        return false;
    int fromKeyring = 0;
    if (m_secrets) {
        QString why;
        fromKeyring = SessionSecrets::restore(*loaded, path, *m_secrets, &why);
    }
    QStringList withheld;
    applySession(*loaded, &withheld);
    setPath(path);
    remember(path);
    if (withheld.isEmpty()) {
        Q_EMIT message(fromKeyring > 0 ? tr("Opened session %1 (%n secret value(s) from the system keyring)", nullptr,
                                            fromKeyring)
                                             .arg(QDir::toNativeSeparators(path))
                                       : tr("Opened session %1").arg(QDir::toNativeSeparators(path)),
                       5000);
    } else {
        Q_EMIT message(tr("Opened session %1; secret values were not stored and are empty (%2): "
                          "edit the stream (F2) to enter them")
                           .arg(QFileInfo(path).fileName(), withheld.join(QStringLiteral(", "))),
                       0);
    }
    return true;
}

bool SessionController::restoreLast()
{
    const QString path = QSettings().value(LastSessionKey).toString();
    if (path.isEmpty() || !QFileInfo::exists(path))
        return false;
    QString error;
    if (!open(path, &error)) {
        Q_EMIT message(tr("Could not restore the last session: %1").arg(error), 0);
        return false;
    }
    return true;
}

bool SessionController::mayDiscardChanges(const QString &title)
{
    if (!m_workspace->isModified() || m_workspace->count() == 0)
        return true;
    QMessageBox question(QMessageBox::Question, title,
                         tr("The streams or the layout changed since the session was last saved."),
                         QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_window);
    question.setObjectName(QStringLiteral("unsavedChangesQuestion"));
    question.setInformativeText(tr("Save the session first? Captured events are not part of a "
                                   "session: export them (Ctrl+E) to keep them."));
    question.setDefaultButton(QMessageBox::Save);
    switch (question.exec()) {
    case QMessageBox::Save:
        return saveInteractive();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

bool SessionController::saveInteractive()
{
    if (m_path.isEmpty())
        return saveAs();
    QString error;
    if (save(m_path, &error))
        return true;
    QMessageBox::warning(m_window, tr("Save Session"), error);
    return false;
}

bool SessionController::saveAs()
{
    const QString start = m_path.isEmpty() ? QDir::home().filePath(tr("session.eventscope")) : m_path;
    QString path = QFileDialog::getSaveFileName(
        m_window, tr("Save Session"), start,
        tr("EventScope sessions (*.eventscope);;JSON files (*.json);;All files (*)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".eventscope");
    QString error;
    if (save(path, &error))
        return true;
    QMessageBox::warning(m_window, tr("Save Session"), error);
    return false;
}

void SessionController::openInteractive()
{
    if (!mayDiscardChanges(tr("Open Session")))
        return;
    const QString start = m_path.isEmpty() ? QDir::homePath() : QFileInfo(m_path).path();
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Session"), start,
                                                      tr("EventScope sessions (*.eventscope *.json);;All files (*)"));
    if (!path.isEmpty())
        openAndAsk(path);
}

void SessionController::openAndAsk(const QString &path)
{
    QString error;
    if (!open(path, &error)) {
        QMessageBox::warning(m_window, tr("Open Session"), error);
        return;
    }
    askForWithheldSecrets();
}

void SessionController::askForWithheldSecrets()
{
    for (Stream *stream : m_workspace->streams()) {
        if (stream->isOffline())
            continue;
        EventSourceOptions options = stream->options();
        bool changed = false;
        for (HttpHeader &header : options.headers) {
            if (!header.second.isEmpty() || !options.isSecretHeader(header.first))
                continue;
            bool ok = false;
            const QString value = QInputDialog::getText(
                m_window, tr("Secret Header"),
                tr("The session did not store the value of %1 for %2.\nEnter it, or cancel to leave it empty:")
                    .arg(QString::fromLatin1(header.first), stream->name()),
                QLineEdit::Password, QString(), &ok);
            if (ok && !value.isEmpty()) {
                header.second = value.toUtf8();
                changed = true;
            }
        }
        if (options.secretBody && options.body.isEmpty()) {
            bool ok = false;
            const QString value = QInputDialog::getMultiLineText(
                m_window, tr("Secret Request Body"),
                tr("The session did not store the request body of %1.\nEnter it, or cancel to leave it empty:")
                    .arg(stream->name()),
                QString(), &ok);
            if (ok && !value.isEmpty()) {
                options.body = value.toUtf8();
                changed = true;
            }
        }
        if (changed)
            m_workspace->editStream(stream, options, stream->givenName());
    }
}

void SessionController::setPath(const QString &path)
{
    if (path == m_path)
        return;
    m_path = path;
    Q_EMIT pathChanged(path);
}

void SessionController::remember(const QString &path)
{
    QSettings settings;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    SessionFile::addRecentSession(settings, absolute);
    settings.setValue(LastSessionKey, absolute);
}

void SessionController::fillRecentMenu()
{
    m_recentMenu->clear();
    QSettings settings;
    const QStringList recent = SessionFile::recentSessions(settings);
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent.at(i);
        QAction *action = m_recentMenu->addAction(tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(action->toolTip());
        connect(action, &QAction::triggered, this, [this, path] {
            if (mayDiscardChanges(tr("Open Session")))
                openAndAsk(path);
        });
    }
    if (recent.isEmpty()) {
        QAction *none = m_recentMenu->addAction(tr("No recent sessions"));
        none->setToolTip(tr("Sessions you open or save appear here"));
        none->setEnabled(false);
    }
}
