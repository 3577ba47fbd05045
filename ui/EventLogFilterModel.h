#pragma once

#include <QSet>
#include <QSortFilterProxyModel>
#include <QString>

// Filters an EventLogModel by stream, event type and text.
//
// Only the filter setters re-filter every row; rows the source inserts on its display tick are
// filtered as they arrive by the proxy's own insertion handling.
class EventLogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit EventLogFilterModel(QObject *parent = nullptr);

    // Only events of these streams pass (an empty set lets none through).
    void setAcceptedStreams(const QSet<QString> &streams);
    // Events of every stream pass; the default.
    void acceptAllStreams();
    bool acceptsAllStreams() const { return m_allStreams; }
    QSet<QString> acceptedStreams() const { return m_streams; }

    // Only events of this type pass; an empty type lets every type through.
    void setEventType(const QString &type);
    QString eventType() const { return m_type; }

    // Case-insensitive substring of the data, the ID or the type; empty matches everything.
    void setSearchText(const QString &text);
    QString searchText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QSet<QString> m_streams;
    bool m_allStreams = true;
    QString m_type;
    QString m_text;
};
