#pragma once

#include "EventLogModel.h"

#include <QSet>
#include <QSortFilterProxyModel>
#include <QString>

#include <optional>

// Filters an EventLogModel by stream, by type and by text.
//
// By type a row passes when:
//   - no event type is chosen: every event, and the connection, alert and comment rows while they
//     are shown (setConnectionRowsShown(), setAlertRowsShown(): shown by default;
//     setCommentRowsShown(): hidden by default, heartbeats would crowd out the events);
//   - an event type is chosen: the events of exactly that type, no other row;
//   - connectionRowsOnly(), alertRowsOnly(), commentRowsOnly() (the "Connection events",
//     "Alerts" and "Comments" pseudo-types): those rows only.
//
// Only the filter setters re-filter every row; rows the source inserts on its display tick are
// filtered as they arrive by the proxy's own insertion handling.
class EventLogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit EventLogFilterModel(QObject *parent = nullptr);

    // Only rows of these streams pass (an empty set lets none through).
    void setAcceptedStreams(const QSet<quint64> &streamIds);
    // Rows of every stream pass; the default.
    void acceptAllStreams();
    bool acceptsAllStreams() const { return m_allStreams; }
    QSet<quint64> acceptedStreams() const { return m_streams; }

    // Only events of this type pass; an empty type lets every type through. Ends
    // connectionRowsOnly() and alertRowsOnly().
    void setEventType(const QString &type);
    QString eventType() const { return m_type; }

    // Each of these ends the others.
    void setConnectionRowsOnly(bool only) { setOnly(EventLogModel::RowKind::Connection, only); }
    bool connectionRowsOnly() const { return m_onlyKind == EventLogModel::RowKind::Connection; }
    void setAlertRowsOnly(bool only) { setOnly(EventLogModel::RowKind::Alert, only); }
    bool alertRowsOnly() const { return m_onlyKind == EventLogModel::RowKind::Alert; }
    void setCommentRowsOnly(bool only) { setOnly(EventLogModel::RowKind::Comment, only); }
    bool commentRowsOnly() const { return m_onlyKind == EventLogModel::RowKind::Comment; }

    void setConnectionRowsShown(bool shown);
    bool connectionRowsShown() const { return m_connectionRowsShown; }


    void setAlertRowsShown(bool shown);
    bool alertRowsShown() const { return m_alertRowsShown; }

    void setCommentRowsShown(bool shown);
    bool commentRowsShown() const { return m_commentRowsShown; }

    // Case-insensitive substring of the data, the ID, the type or, for connection and alert rows,
    // the text and the reason; empty matches everything.
    void setSearchText(const QString &text);
    QString searchText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void setOnly(EventLogModel::RowKind kind, bool only);

    QSet<quint64> m_streams;
    bool m_allStreams = true;
    QString m_type;
    std::optional<EventLogModel::RowKind> m_onlyKind;
    bool m_connectionRowsShown = true;
    bool m_alertRowsShown = true;
    bool m_commentRowsShown = false;
    QString m_text;
};
