#include "StreamListModel.h"

#include <QLocale>
#include <QPainter>
#include <QPixmap>

#include <cmath>

StreamListModel::StreamListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_tick.setInterval(DefaultUpdateIntervalMs);
    m_tick.setSingleShot(true);
    connect(&m_tick, &QTimer::timeout, this, &StreamListModel::tick);
}

StreamListModel::~StreamListModel() = default;

void StreamListModel::addSource(EventSource *source)
{
    if (!source || rowOf(source) >= 0)
        return;

    auto row = std::make_unique<Row>();
    row->source = source;
    row->url = source->url().toDisplayString();
    switch (source->readyState()) {
    case EventSource::ReadyState::Connecting: row->status = Status::Connecting; break;
    case EventSource::ReadyState::Open: row->status = Status::Open; break;
    case EventSource::ReadyState::Closed: row->status = Status::Closed; break;
    }
    row->lastEventId = source->lastEventId();
    Row *r = row.get();

    connect(source, &EventSource::readyStateChanged, this,
            [this, r](EventSource::ReadyState state, const QString &reason) {
                switch (state) {
                case EventSource::ReadyState::Open:
                    setStatus(r, Status::Open, reason);
                    break;
                case EventSource::ReadyState::Connecting:
                    // A scheduled reconnection is more telling than "Connecting".
                    if (r->status != Status::Reconnecting)
                        setStatus(r, Status::Connecting, reason);
                    break;
                case EventSource::ReadyState::Closed:
                    // failed() and closedByServer() say more than the bare state.
                    if (r->status != Status::Failed && r->status != Status::Ended)
                        setStatus(r, Status::Closed, reason);
                    break;
                }
            });
    connect(source, &EventSource::opened, this, [this, r] {
        if (r->status != Status::Open)
            setStatus(r, Status::Open, r->reason);
    });
    connect(source, &EventSource::reconnectScheduled, this,
            [this, r](int attempt, int delayMs, const QString &reason) {
                r->attempt = attempt;
                r->reconnectDeadline.setRemainingTime(delayMs);
                setStatus(r, Status::Reconnecting, reason);
            });
    connect(source, &EventSource::failed, this,
            [this, r](const QString &reason) { setStatus(r, Status::Failed, reason); });
    connect(source, &EventSource::closedByServer, this,
            [this, r](const QString &reason) { setStatus(r, Status::Ended, reason); });
    connect(source, &EventSource::eventReceived, this, [this, r](const SseEvent &event) {
        ++r->events;
        r->lastEventId = event.lastEventId;
        r->countersDirty = true;
        scheduleTick();
    });
    connect(source, &QObject::destroyed, this, [this, r] {
        const int index = rowOf(r);
        if (index < 0)
            return;
        beginRemoveRows({}, index, index);
        m_rows.erase(m_rows.begin() + index);
        endRemoveRows();
        Q_EMIT totalsChanged();
    });

    const int index = int(m_rows.size());
    beginInsertRows({}, index, index);
    m_rows.push_back(std::move(row));
    endInsertRows();
    Q_EMIT totalsChanged();
}

void StreamListModel::removeSource(EventSource *source)
{
    const int index = rowOf(source);
    if (index < 0)
        return;
    disconnect(source, nullptr, this, nullptr);
    beginRemoveRows({}, index, index);
    m_rows.erase(m_rows.begin() + index);
    endRemoveRows();
    Q_EMIT totalsChanged();
}

EventSource *StreamListModel::source(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[size_t(row)]->source.data() : nullptr;
}

int StreamListModel::rowOf(const EventSource *source) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (source && m_rows[i]->source == source)
            return int(i);
    }
    return -1;
}

int StreamListModel::rowOf(const Row *row) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].get() == row)
            return int(i);
    }
    return -1;
}

bool StreamListModel::contains(const QUrl &url) const
{
    const QString text = url.toDisplayString();
    for (const auto &row : m_rows) {
        if (row->url == text)
            return true;
    }
    return false;
}

StreamListModel::Status StreamListModel::status(int row) const
{
    return m_rows.at(size_t(row))->status;
}

QString StreamListModel::statusText(int row) const
{
    const Row &r = *m_rows.at(size_t(row));
    switch (r.status) {
    case Status::Connecting:
        return tr("Connecting");
    case Status::Open:
        return tr("Open");
    case Status::Reconnecting:
        return reconnectingText(int(r.reconnectDeadline.remainingTime()), r.attempt, r.reason);
    case Status::Failed:
        return r.reason.isEmpty() ? tr("Failed") : tr("Failed: %1").arg(r.reason);
    case Status::Ended:
        return r.reason.isEmpty() ? tr("Ended by server") : tr("Ended by server (%1)").arg(r.reason);
    case Status::Closed:
        return tr("Closed");
    }
    return {};
}

int StreamListModel::openCount() const
{
    int count = 0;
    for (const auto &row : m_rows)
        count += row->status == Status::Open ? 1 : 0;
    return count;
}

qint64 StreamListModel::totalEventCount() const
{
    qint64 total = 0;
    for (const auto &row : m_rows)
        total += row->events;
    return total;
}

void StreamListModel::setUpdateInterval(int ms)
{
    m_tick.setInterval(qMax(0, ms));
}

QString StreamListModel::reconnectingText(int remainingMs, int attempt, const QString &reason)
{
    QString detail = tr("attempt %1").arg(attempt);
    if (!reason.isEmpty())
        detail += QStringLiteral(" \u2014 ") + reason;
    if (remainingMs <= 0)
        return tr("Reconnecting (%1)").arg(detail);
    // Rounded up, so that "0.0 s" is never shown while waiting.
    const double seconds = std::ceil(remainingMs / 100.0) / 10.0;
    return tr("Reconnecting in %1 s (%2)").arg(QString::number(seconds, 'f', 1), detail);
}

QColor StreamListModel::statusColor(Status status)
{
    switch (status) {
    case Status::Open:
        return QColor(0x2e, 0xa0, 0x4f);
    case Status::Connecting:
    case Status::Reconnecting:
        return QColor(0xe3, 0x9b, 0x0b);
    case Status::Failed:
        return QColor(0xd1, 0x34, 0x38);
    case Status::Ended:
    case Status::Closed:
        break;
    }
    return QColor(0x8c, 0x8c, 0x8c);
}

QIcon StreamListModel::statusIcon(Status status) const
{
    QIcon &icon = m_icons[size_t(status)];
    if (icon.isNull()) {
        QPixmap pixmap(32, 32);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(statusColor(status));
        painter.drawEllipse(QRectF(6, 6, 20, 20));
        painter.end();
        icon = QIcon(pixmap);
    }
    return icon;
}

void StreamListModel::setStatus(Row *row, Status status, const QString &reason)
{
    const int index = rowOf(row);
    if (index < 0)
        return;
    const bool openChanged = (row->status == Status::Open) != (status == Status::Open);
    row->status = status;
    row->reason = reason;
    Q_EMIT dataChanged(this->index(index, 0), this->index(index, ColumnCount - 1));
    if (openChanged)
        Q_EMIT totalsChanged();
    if (status == Status::Reconnecting)
        scheduleTick();
}

void StreamListModel::scheduleTick()
{
    if (!m_tick.isActive())
        m_tick.start();
}

void StreamListModel::tick()
{
    bool countersChanged = false;
    bool countingDown = false;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        Row &row = *m_rows[i];
        if (row.countersDirty) {
            row.countersDirty = false;
            countersChanged = true;
            Q_EMIT dataChanged(index(int(i), EventsColumn), index(int(i), LastEventIdColumn),
                               {Qt::DisplayRole});
        }
        if (row.status == Status::Reconnecting) {
            // Repaint the countdown, and once more when it has run out.
            Q_EMIT dataChanged(index(int(i), StateColumn), index(int(i), StateColumn),
                               {Qt::DisplayRole});
            countingDown = countingDown || !row.reconnectDeadline.hasExpired();
        }
    }
    if (countersChanged)
        Q_EMIT totalsChanged();
    if (countingDown)
        scheduleTick();
}

int StreamListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StreamListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StreamListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = *m_rows[size_t(index.row())];

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case UrlColumn:
            return row.url;
        case StateColumn:
            return statusText(index.row());
        case EventsColumn:
            return QLocale().toString(row.events);
        case LastEventIdColumn:
            return row.lastEventId;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == StateColumn)
            return statusIcon(row.status);
        break;
    case Qt::ToolTipRole:
        return row.reason.isEmpty() ? statusText(index.row()) : row.reason;
    case Qt::TextAlignmentRole:
        if (index.column() == EventsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case StatusRole:
        return int(row.status);
    case StatusColorRole:
        return statusColor(row.status);
    }
    return {};
}

QVariant StreamListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole && section == EventsColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case UrlColumn:
        return tr("Stream");
    case StateColumn:
        return tr("State");
    case EventsColumn:
        return tr("Events");
    case LastEventIdColumn:
        return tr("Last event ID");
    }
    return {};
}
