#pragma once

#include <QWidget>

class QAction;
class QTableView;
class Stream;
class StreamListModel;
class Workspace;

// The Streams dock: one row per stream, and what the user does with streams — add, edit,
// remove (asking first when events were captured), connect and disconnect, the demo stream, and
// trusting the certificate of a server that failed verification.
class StreamsPane : public QWidget
{
    Q_OBJECT

public:
    explicit StreamsPane(Workspace *workspace, QWidget *parent = nullptr);

    StreamListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    Stream *selectedStream() const;
    void selectStream(const Stream *stream);

    // Removes after asking when the stream captured events; false when the user kept it.
    bool removeStreamInteractive(Stream *stream);

    QAction *addAction() const { return m_addAction; }
    QAction *demoAction() const { return m_demoAction; }
    QAction *demoServerAction() const { return m_demoServerAction; }
    QAction *editAction() const { return m_editAction; }
    QAction *removeAction() const { return m_removeAction; }
    QAction *trustCertificateAction() const { return m_trustCertificateAction; }
    QAction *connectAction() const { return m_connectAction; }
    QAction *disconnectAction() const { return m_disconnectAction; }
    QAction *connectAllAction() const { return m_connectAllAction; }
    QAction *disconnectAllAction() const { return m_disconnectAllAction; }

public Q_SLOTS:
    void showAddDialog();
    void showEditDialog();
    // For a stream whose server's certificate failed verification: shows it and, on the user's
    // word, trusts exactly that certificate for that stream and connects again.
    void showTrustCertificateDialog();

Q_SIGNALS:
    void message(const QString &text, int timeoutMs);

private:
    void createActions();
    void updateActions();
    void sizeColumns();

    Workspace *m_workspace;
    StreamListModel *m_model;
    QTableView *m_view;
    QAction *m_addAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_demoServerAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_trustCertificateAction = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_connectAllAction = nullptr;
    QAction *m_disconnectAllAction = nullptr;
};
