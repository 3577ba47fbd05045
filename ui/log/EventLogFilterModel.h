#pragma once

#include <QSet>
#include <QSortFilterProxyModel>
#include <QString>

// Filters an EventLogModel by stream, by type and by text.
//
// By type a row passes when:
//   - no event type is chosen: every event, and the connection and alert rows while they are
//     shown (setConnectionRowsShown(), setAlertRowsShown(), the default);
//   - an event type is chosen: the events of exactly that type, no connection or alert row;
//   - connectionRowsOnly() (the "Connection events" pseudo-type): the connection rows only;
//   - alertRowsOnly() (the "Alerts" pseudo-type): the alert rows only.
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

    // Each of these ends the other.
    void setConnectionRowsOnly(bool only);
    bool connectionRowsOnly() const { return m_connectionRowsOnly; }

    void setConnectionRowsShown(bool shown);
    bool connectionRowsShown() const { return m_connectionRowsShown; }

    void setAlertRowsOnly(bool only);
    bool alertRowsOnly() const { return m_alertRowsOnly; }

    void setAlertRowsShown(bool shown);
    bool alertRowsShown() const { return m_alertRowsShown; }

    // Case-insensitive substring of the data, the ID, the type or, for connection and alert rows,
    // the text and the reason; empty matches everything.
    void setSearchText(const QString &text);
    QString searchText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QSet<quint64> m_streams;
    bool m_allStreams = true;
    QString m_type;
    bool m_connectionRowsOnly = false;
    bool m_connectionRowsShown = true;
    bool m_alertRowsOnly = false;
    bool m_alertRowsShown = true;
    QString m_text;
};
