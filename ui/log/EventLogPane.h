#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QWidget>

#include <utility>

class EventDetailView;
class EventLogFilterModel;
class EventLogModel;
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QTableView;

// The events pane: a filter bar (stream, type, search, follow tail, connection and alert rows,
// counts), the
// log table and the detail of the selected row.
//
// Follow Tail keeps the newest row in view. Scrolling up or selecting a row (click, keys, or
// programmatically) stops it; the rows in view then stay where they are while new rows arrive and
// old ones fall out at the cap. Turning it on again, or scrolling to the end, scrolls to the newest
// row and keeps following.
class EventLogPane : public QWidget
{
    Q_OBJECT

public:
    explicit EventLogPane(QWidget *parent = nullptr);
    ~EventLogPane() override;

    EventLogModel *model() const { return m_model; }
    EventLogFilterModel *filterModel() const { return m_filter; }
    QTableView *view() const { return m_view; }
    EventDetailView *detailView() const { return m_detailView; }
    QAction *followTailAction() const { return m_followTailAction; }
    // Checked (the default): connection rows are shown among the events of every type.
    QAction *connectionRowsAction() const { return m_connectionRowsAction; }
    // Checked (the default): alert rows (a rule firing or resolving) are shown among the events.
    QAction *alertRowsAction() const { return m_alertRowsAction; }
    // Unchecked (the default): comment rows wait in the log, hidden, until asked for.
    QAction *commentRowsAction() const { return m_commentRowsAction; }
    QComboBox *streamCombo() const { return m_streamCombo; }
    QComboBox *typeCombo() const { return m_typeCombo; }
    QLineEdit *searchEdit() const { return m_searchEdit; }
    QLabel *countLabel() const { return m_countLabel; }

    // The streams, in the order the stream filter offers them, and the names the log shows for
    // them. A stream missing from the list leaves the filter; its rows stay until
    // model()->removeStream().
    void setStreams(const QList<std::pair<quint64, QString>> &streams);

    // The log's cap, in rows (events and connection rows alike).
    void setMaximumRows(int rows);
    int maximumRows() const;

    bool isFollowingTail() const;
    // Moves the keyboard focus to the search field, its text selected.
    void focusSearch();
    // Selects the newest event row of the stream received at or before `receivedAtMs` (a point
    // clicked on a chart) among the rows shown, and stops following the tail. False when none.
    bool selectEvent(quint64 streamId, qint64 receivedAtMs);

    // "N shown · M dropped", or "N of H shown · M dropped" while a filter hides rows.
    QString countText() const;

    static QString allStreamsText();
    static QString allTypesText();
    static QString connectionEventsText();
    static QString alertEventsText();
    static QString commentRowsText();

private:
    void applyStreamFilter();
    void applyTypeFilter(const QString &text);
    void noteEventTypes(int first, int last);
    void followTail();
    void updateCountLabel();
    void rowsAboutToBeRemoved(int first, int last);
    void rowsRemoved();
    void currentRowChanged(const QModelIndex &current);
    void keepCurrentInView();

    EventLogModel *m_model;
    EventLogFilterModel *m_filter;
    QComboBox *m_streamCombo;
    QComboBox *m_typeCombo;
    QLineEdit *m_searchEdit;
    QLabel *m_countLabel;
    QTableView *m_view;
    EventDetailView *m_detailView;
    QAction *m_followTailAction;
    QAction *m_connectionRowsAction;
    QAction *m_alertRowsAction;
    QAction *m_commentRowsAction;
    QSet<QString> m_seenTypes;
    // While the model changes, selection and scroll changes are its doing, not the user's.
    bool m_modelChanging = false;
    int m_pixelsRemovedAbove = 0;
};
