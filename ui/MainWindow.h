#pragma once

#include "CapturedEvent.h"
#include "EventSourceOptions.h"
#include "ExportJob.h"
#include "SessionData.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QMainWindow>
#include <QSet>
#include <QUrl>

#include <memory>
#include <utility>

class CaptureJournal;
class CaptureLimitsDialog;
class CaptureStore;
class ChartArea;
class DemoStream;
class EventDetailView;
class EventLogFilterModel;
class EventLogModel;
class EventSource;
class FieldPicker;
class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressDialog;
class QSpinBox;
class QStackedWidget;
class QTableView;
class QTimer;
class SseServer;
class StreamFieldStore;
class StreamListModel;

// The dashboard: live charts in the middle; the streams, the plotted fields and the event log
// (filters, detail) in docks around them; sessions saved to and opened from files.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Subscribes to a stream and opens it; the window owns the source.
    EventSource *addStream(const EventSourceOptions &options, const QString &name = {});
    EventSource *addStream(const QUrl &url);

    // Serves the demo stream from inside the application and subscribes to it.
    EventSource *startDemo(int intervalMs = 1000);
    bool isDemoServerRunning() const;

    StreamListModel *streamModel() const { return m_streamModel; }
    EventLogModel *eventLogModel() const { return m_eventLogModel; }
    EventLogFilterModel *eventFilterModel() const { return m_filterModel; }
    QTableView *streamView() const { return m_streamView; }
    QTableView *eventLogView() const { return m_eventLogView; }
    EventDetailView *eventDetailView() const { return m_detailView; }
    ChartArea *chartArea() const { return m_chartArea; }
    FieldPicker *fieldPicker() const { return m_fieldPicker; }
    StreamFieldStore *fieldStore(const EventSource *source) const;
    QComboBox *streamFilterCombo() const { return m_streamFilter; }
    QComboBox *typeFilterCombo() const { return m_typeFilter; }
    QLineEdit *searchEdit() const { return m_searchEdit; }
    QSpinBox *logCapSpin() const { return m_logCapSpin; }
    QLabel *logCountLabel() const { return m_logCountLabel; }
    QLabel *emptyStateLabel() const { return m_hintLabel; }
    QAction *followTailAction() const { return m_followTailAction; }
    QAction *pauseAction() const { return m_pauseAction; }
    QAction *storeSecretsAction() const { return m_storeSecretsAction; }
    QAction *demoServerAction() const { return m_demoServerAction; }
    QAction *exportEventsAction() const { return m_exportEventsAction; }
    QAction *exportChartAction() const { return m_exportChartAction; }
    // Every event a stream received, bounded per stream (oldest dropped first).
    CaptureStore *captureStore(const EventSource *source) const;
    // The bounds of every stream's capture, existing and new; kept in the settings and sessions.
    qint64 captureMaxEvents() const { return m_captureMaxEvents; }
    int captureMaxMiB() const { return m_captureMaxMiB; }
    void setCaptureLimits(qint64 maxEvents, int maxMiB);
    QAction *captureLimitsAction() const { return m_captureLimitsAction; }
    // "Captured N events · M dropped", summed over the streams; a permanent status bar label.
    QString captureStatusText() const;
    QLabel *captureCountLabel() const { return m_captureCountLabel; }

    // Writes the events the log holds (or only those its filters show) as JSON Lines; the
    // number written, or -1 with `errorMessage` set. The status bar tells how many went where.
    int exportEvents(const QString &path, bool onlyShown, QString *errorMessage = nullptr);

    // The captured events of the streams with these URLs received between fromMs and toMs
    // (toMs < fromMs: all of them), in receive order.
    QList<CapturedEvent> capturedEvents(const QStringList &urls, qint64 fromMs = 0,
                                        qint64 toMs = -1) const;
    // The time range the charts show, in receive time (first > second when there is none).
    std::pair<qint64, qint64> visibleChartRange() const;
    // Writes a snapshot of those events off the GUI thread; the job reports through its
    // signals and the status bar, and is deleted after finished(). Null while another runs.
    ExportJob *startExport(const QStringList &urls, const QString &path, ExportJob::Format format,
                           qint64 fromMs = 0, qint64 toMs = -1, bool showProgress = true);
    ExportJob *runningExport() const { return m_exportJob; }

    // Reads a capture file (any `record` format) into one offline stream per URL in it: the log,
    // the charts and the capture get the events with their original receive times. False with
    // `errorMessage` when nothing could be read; a damaged tail is reported in the status bar.
    bool openCapture(const QString &path, QString *errorMessage = nullptr);
    bool isOfflineStream(const EventSource *source) const { return m_offline.contains(source); }
    QAction *openCaptureAction() const { return m_openCaptureAction; }

    // Journal: every captured event also goes to a JSON Lines file in journalDirectory(), made
    // durable about once a second, so that a crash loses next to nothing.
    bool setJournalEnabled(bool enabled, QString *errorMessage = nullptr);
    bool isJournalEnabled() const;
    QString journalPath() const; // the capture the open journal becomes; empty when off
    QAction *journalAction() const { return m_journalAction; }
    static QString journalDirectory();
    // Journals a crash left behind: asks whether to open them as captures, discard them or
    // ask again next time.
    void offerJournalRecovery();
    // A leftover journal opened as a capture; it becomes an ordinary capture file.
    bool recoverJournal(const QString &journalPath, QString *errorMessage = nullptr);

    // The charts as an image: SVG for a .svg path when SVG support is built in, else PNG.
    bool exportChartImage(const QString &path, QString *errorMessage = nullptr);
    static bool svgExportAvailable();

    // "N of M streams open · X events/s"
    QString statusText() const;
    // Events that fell out of the log because of its cap.
    qint64 droppedLogEvents() const;

    // The dashboard as a session, and back; applying replaces every stream. `withheld` receives
    // "stream: header" for each secret whose value the session did not hold.
    SessionData session() const;
    void applySession(const SessionData &session, QStringList *withheld = nullptr);
    bool saveSession(const QString &path, QString *errorMessage = nullptr);
    // Opens without asking for withheld secrets: they stay empty and the status bar says so.
    bool openSession(const QString &path, QString *errorMessage = nullptr);
    QString sessionPath() const { return m_sessionPath; }
    // The session used last, when it still exists; false (and the empty state) otherwise.
    bool restoreLastSession();

    // Window geometry and dock layout of the last run.
    void restoreWindowSettings();
    void saveWindowSettings() const;

    // What a user typed as a stream URL, checked; an invalid QUrl and a reason when unusable.
    // A missing scheme means http.
    static QUrl streamUrlFromUserInput(const QString &text, QString *errorMessage = nullptr);

public Q_SLOTS:
    void showAddStreamDialog();
    void showEditStreamDialog();
    // Replaces the stream's source by one with `options`; the row stays where it is.
    EventSource *editStream(EventSource *source, const EventSourceOptions &options,
                            const QString &name = {});
    void removeStream(EventSource *source);
    void removeSelectedStream();
    void removeAllStreams();
    void connectSelectedStream();
    void disconnectSelectedStream();
    void connectAllStreams();
    void disconnectAllStreams();
    void setChartsPaused(bool paused);
    void saveSessionInteractive();
    void saveSessionAs();
    void openSessionDialog();
    // Stops the in-process demo server (its streams then reconnect) or has it listen again on
    // the port it had; false when there is no demo server or the port cannot be had.
    bool setDemoServerRunning(bool running);
    void exportEventsInteractive();
    void exportChartInteractive();
    void openCaptureDialog();
    // Opens the capture limits dialog without blocking; accepting it applies the limits.
    CaptureLimitsDialog *showCaptureLimitsDialog();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *createEventsPane();
    void createActions();
    void updateStatus();
    void updateLogCount();
    void updateCaptureCount();
    CaptureStore *newCaptureStore();
    void updateEmptyState();
    void updateStreamFilter();
    void applyStreamFilter();
    void noteEventTypes(int first, int last);
    void followTail();
    EventSource *selectedSource() const;
    void updateStreamActions();
    void connectSource(EventSource *source, StreamFieldStore *store, CaptureStore *capture);
    void fillRecentMenu();
    void rememberSession(const QString &path);
    void setSessionPath(const QString &path);
    void askForWithheldSecrets();
    void flushJournal();

    StreamListModel *m_streamModel;
    EventLogModel *m_eventLogModel;
    EventLogFilterModel *m_filterModel;
    QTableView *m_streamView = nullptr;
    QTableView *m_eventLogView = nullptr;
    EventDetailView *m_detailView = nullptr;
    ChartArea *m_chartArea = nullptr;
    FieldPicker *m_fieldPicker = nullptr;
    QStackedWidget *m_centralStack = nullptr;
    QLabel *m_hintLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_logCountLabel = nullptr;
    QLabel *m_captureCountLabel = nullptr;
    QComboBox *m_streamFilter = nullptr;
    QComboBox *m_typeFilter = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QSpinBox *m_logCapSpin = nullptr;
    QDockWidget *m_streamsDock = nullptr;
    QDockWidget *m_fieldsDock = nullptr;
    QDockWidget *m_eventsDock = nullptr;
    QMenu *m_recentMenu = nullptr;
    QTimer *m_statusTimer = nullptr;
    QHash<const EventSource *, StreamFieldStore *> m_stores;
    QHash<const EventSource *, CaptureStore *> m_captures;
    QSet<const EventSource *> m_offline;
    std::unique_ptr<CaptureJournal> m_journal;
    QList<CapturedEvent> m_journalPending;
    QTimer *m_journalTimer = nullptr;
    QPointer<ExportJob> m_exportJob;
    QPointer<QProgressDialog> m_exportProgress;
    QSet<QString> m_seenTypes;
    qint64 m_loggedEvents = 0;
    QString m_sessionPath;
    std::unique_ptr<SseServer> m_demoServer;
    std::unique_ptr<DemoStream> m_demoStream;
    quint16 m_demoPort = 0;
    QAction *m_demoServerAction = nullptr;
    QAction *m_exportEventsAction = nullptr;
    QAction *m_exportChartAction = nullptr;
    QAction *m_openCaptureAction = nullptr;
    QAction *m_journalAction = nullptr;
    QAction *m_captureLimitsAction = nullptr;
    qint64 m_captureMaxEvents = SessionData::DefaultCaptureMaxEvents;
    int m_captureMaxMiB = SessionData::DefaultCaptureMaxMiB;
    QAction *m_editStreamAction = nullptr;
    QAction *m_removeStreamAction = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_connectAllAction = nullptr;
    QAction *m_disconnectAllAction = nullptr;
    QAction *m_followTailAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_storeSecretsAction = nullptr;
};
