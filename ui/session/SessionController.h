#pragma once

#include "SessionData.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class QAction;
class QMenu;
class QWidget;
class Workspace;

// Sessions as the user handles them: save, save as, open, recent files, the last session at
// start, the values of secret headers a session did not hold, and the question before unsaved
// changes are lost. The workspace writes the streams; the window adds its layout.
class SessionController : public QObject
{
    Q_OBJECT

public:
    using LayoutWriter = std::function<void(SessionData &)>;
    using LayoutReader = std::function<void(const SessionData &)>;

    SessionController(Workspace *workspace, QWidget *window, LayoutWriter writeLayout,
                      LayoutReader readLayout, QObject *parent = nullptr);

    SessionData session() const;
    // Replaces every stream and the layout.
    void applySession(const SessionData &session, QStringList *withheld = nullptr);
    bool save(const QString &path, QString *errorMessage = nullptr);
    // Opens without asking for withheld secrets: they stay empty and a message says so.
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
    QAction *m_openAction;
    QAction *m_saveAction;
    QAction *m_saveAsAction;
    QAction *m_storeSecretsAction;
    QMenu *m_recentMenu;
};
