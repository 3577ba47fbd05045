#pragma once

#include "ConnectionEvent.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QIcon>
#include <QStringList>

#include <array>
#include <functional>

class Stream;
class Workspace;

// The workspace's streams, one row each: name, connection state, counters, rates, id gaps and
// resets. It owns nothing: rows follow the workspace, and counters are repainted on the
// workspace's display tick for the cells whose text changed, never once per event.
class StreamListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        StateColumn,
        EventsColumn,
        CommentsColumn,
        EventRateColumn,
        ByteRateColumn,
        ReconnectsColumn,
        AttemptsColumn,
        LastEventIdColumn,
        GapsColumn,
        IdResetsColumn,
        AgeColumn,
        LastByteColumn,
        UrlColumn,
        ColumnCount
    };
    enum Role {
        StatusRole = Qt::UserRole + 1, // StreamStatus as int
        StatusColorRole,               // QColor of the state decoration
        StreamIdRole,                  // quint64
    };

    static constexpr int MaxReconnectHistory = 10;
    static constexpr int MaxNoticeHistory = 5;
    // A request awaiting its response head says so once it has waited this long.
    static constexpr qint64 AwaitingHeadersShownAfterMs = 1000;

    explicit StreamListModel(Workspace *workspace, QObject *parent = nullptr);
    ~StreamListModel() override;

    Workspace *workspace() const { return m_workspace; }
    Stream *stream(int row) const;
    int rowOf(const Stream *stream) const;

    QString statusText(int row) const;
    int openCount() const;
    double totalEventRate() const;

    // The rules firing on a stream (their texts), for the badge of its state cell: "Open · 1 alert
    // firing" in red, the rules in its tooltip. Cells follow on the next refresh().
    using AlertLookup = std::function<QStringList(quint64 streamId)>;
    void setAlertLookup(AlertLookup lookup);
    static QString alertBadgeText(int firing);
    static QColor alertColor();

    // Milliseconds of the monotonic clock of the streams' statistics; for tests.
    void setClock(std::function<qint64()> clock);
    // Repaints what changed, as the workspace's tick does.
    void refresh();

    // "Reconnecting in 2.4 s (attempt 3 — HTTP 503)"; without the delay once it has run out.
    static QString reconnectingText(int remainingMs, int attempt, const QString &reason);
    static QString ageText(qint64 ms);
    // "Waiting for response headers · 12 s (attempt 2 — HTTP 503)".
    static QString awaitingHeadersText(qint64 waitedMs, int attempt, const QString &reason);
    static QColor statusColor(StreamStatus status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // The open count or a rate changed.
    void totalsChanged();

private:
    // A row's stream and the texts its cells were last announced with, so that a tick repaints
    // only the cells that changed. The model keeps its own rows: a stream being removed is still
    // in the workspace when its row goes.
    struct Row
    {
        Stream *stream = nullptr;
        std::array<QString, ColumnCount> shown;
    };

    std::array<QString, ColumnCount> shownTexts(const Stream &stream) const;
    QString displayText(const Stream &stream, int column) const;
    QString stateText(const Stream &stream) const;
    QStringList firingRules(const Stream &stream) const;
    QString toolTip(const Stream &stream, int column) const;
    QIcon statusIcon(StreamStatus status) const;
    qint64 now() const;

    Workspace *m_workspace;
    QList<Row> m_rows;
    std::function<qint64()> m_clock;
    AlertLookup m_alertLookup;
    mutable std::array<QIcon, 7> m_icons;
};
