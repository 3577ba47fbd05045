#pragma once

#include "EventSourceOptions.h"

#include <QMainWindow>
#include <QUrl>

class EventLogModel;
class EventSource;
class QAction;
class QLabel;
class QStackedWidget;
class QTableView;
class StreamListModel;

// The dashboard: the subscribed streams and their state on top, the live event log below.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Subscribes to a stream and opens it; the window owns the source.
    EventSource *addStream(const EventSourceOptions &options, const QString &name = {});
    EventSource *addStream(const QUrl &url);

    StreamListModel *streamModel() const { return m_streamModel; }
    EventLogModel *eventLogModel() const { return m_eventLogModel; }
    QTableView *streamView() const { return m_streamView; }
    QTableView *eventLogView() const { return m_eventLogView; }
    // "N of M streams open · X events"
    QString statusText() const;

    // What a user typed as a stream URL, checked; an invalid QUrl and a reason when unusable.
    // A missing scheme means http.
    static QUrl streamUrlFromUserInput(const QString &text, QString *errorMessage = nullptr);

public Q_SLOTS:
    void showAddStreamDialog();
    void showEditStreamDialog();
    // Replaces the stream's source by one with `options`; the row stays where it is.
    EventSource *editStream(EventSource *source, const EventSourceOptions &options,
                            const QString &name = {});
    void removeSelectedStream();
    void connectSelectedStream();
    void disconnectSelectedStream();
    void connectAllStreams();
    void disconnectAllStreams();

private:
    void createActions();
    void updateStatus();
    void followTail();
    EventSource *selectedSource() const;
    void updateStreamActions();

    StreamListModel *m_streamModel;
    EventLogModel *m_eventLogModel;
    QTableView *m_streamView;
    QTableView *m_eventLogView;
    QStackedWidget *m_logArea;
    QLabel *m_hintLabel;
    QLabel *m_statusLabel;
    bool m_followTail = true;
    QAction *m_editStreamAction = nullptr;
    QAction *m_removeStreamAction = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_connectAllAction = nullptr;
    QAction *m_disconnectAllAction = nullptr;
};
