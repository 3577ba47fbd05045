#pragma once

#include "SessionData.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class QAction;
class QMenu;
class QWidget;
class SecretStore;
class Workspace;

// Sessions as the user handles them: save, save as, open, recent files, the last session at
// start, the question before unsaved changes are lost, and the secret values a session file does
// not hold: kept in the secret store (the system keyring) where there is one, asked for when the
// session opens where there is not. The workspace writes the streams; the window adds its layout.
class SessionController : public QObject
{
    Q_OBJECT

public:
    using LayoutWriter = std::function<void(SessionData &)>;
    using LayoutReader = std::function<void(const SessionData &)>;

    SessionController(Workspace *workspace, QWidget *window, LayoutWriter writeLayout,
                      LayoutReader readLayout, QObject *parent = nullptr);

    SessionData session() const;
    // Where secrets go instead of the file (unless the user opted to store them there); none: they
    // are asked for when the session opens. Not owned.
    void setSecretStore(SecretStore *store) { m_secrets = store; }
    // Replaces every stream and the layout.
    void applySession(const SessionData &session, QStringList *withheld = nullptr);
    bool save(const QString &path, QString *errorMessage = nullptr);
    // Opens without asking for withheld secrets: those the secret store does not have stay empty
    // and a message says so.
    bool open(const QString &path, QString *errorMessage = nullptr);
    // The session used last, when it still exists.
    bool restoreLast();
    QString path() const { return m_path; }

    // When there are unsaved changes, asks whether to save them first (Save / Discard /
    // Cancel); true when the caller may go on.
    bool mayDiscardChanges(const QString &title);

    QAction *openAction() const { return m_openAction; }
    QAction *saveAction() const { return m_saveAction; }
    QAction *saveAsAction() const { return m_saveAsAction; }
    QAction *storeSecretsAction() const { return m_storeSecretsAction; }
    QMenu *recentMenu() const { return m_recentMenu; }

public Q_SLOTS:
    bool saveInteractive();
    bool saveAs();
    void openInteractive();
    void askForWithheldSecrets();

Q_SIGNALS:
    void pathChanged(const QString &path);
    void message(const QString &text, int timeoutMs);

private:
    void setPath(const QString &path);
    void remember(const QString &path);
    void fillRecentMenu();
    void openAndAsk(const QString &path);

    Workspace *m_workspace;
    QWidget *m_window;
    LayoutWriter m_writeLayout;
    LayoutReader m_readLayout;
    QString m_path;
    SecretStore *m_secrets = nullptr;
    QAction *m_openAction;
    QAction *m_saveAction;
    QAction *m_saveAsAction;
    QAction *m_storeSecretsAction;
    QMenu *m_recentMenu;
};
