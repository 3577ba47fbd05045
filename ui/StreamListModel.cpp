#include "StreamListModel.h"

#include <QLocale>
#include <QPainter>
#include <QPixmap>

#include <cmath>
#include <limits>

StreamListModel::StreamListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_tick.setSingleShot(true);
    connect(&m_tick, &QTimer::timeout, this, &StreamListModel::tick);
    m_elapsed.start();
}

StreamListModel::~StreamListModel() = default;

void StreamListModel::addSource(EventSource *source, const QString &name)
{
    if (!source || rowOf(source) >= 0)
        return;

    auto row = std::make_unique<Row>();
    row->name = name;
    Row *r = row.get();
    observe(r, source);

    const int index = int(m_rows.size());
    beginInsertRows({}, index, index);
    m_rows.push_back(std::move(row));
    endInsertRows();
    Q_EMIT totalsChanged();
}

void StreamListModel::replaceSource(EventSource *old, EventSource *replacement, const QString &name)
{
    const int index = rowOf(old);
    if (index < 0 || !replacement || rowOf(replacement) >= 0)
        return;
    disconnect(old, nullptr, this, nullptr);
    Row *r = m_rows[size_t(index)].get();
    r->name = name;
    observe(r, replacement);
    Q_EMIT dataChanged(this->index(index, 0), this->index(index, ColumnCount - 1));
    Q_EMIT totalsChanged();
}

void StreamListModel::resetCounters(Row *r)
{
    r->attempt = 0;
    r->reason.clear();
    r->events = 0;
    r->reconnects = 0;
    r->gaps = 0;
    r->lastEventAtMs = -1;
    r->history.clear();
    r->buckets = {};
    r->bucketIndex = now() / RateBucketMs;
    // The bucket under way when counting starts is partial: rates begin with the next one.
    r->firstBucket = r->bucketIndex + 1;
    r->eventRate = 0;
    r->byteRate = 0;
    r->shownAgeSeconds = -1;
    r->countersDirty = false;
}

void StreamListModel::observe(Row *r, EventSource *source)
{
    resetCounters(r);
    r->source = source;
    r->url = source->url().toDisplayString();
    switch (source->readyState()) {
    case EventSource::ReadyState::Connecting: r->status = Status::Connecting; break;
    case EventSource::ReadyState::Open: r->status = Status::Open; break;
    case EventSource::ReadyState::Closed: r->status = Status::Closed; break;
    }
    r->lastEventId = source->lastEventId();

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
                ++r->reconnects;
                r->history.append({QDateTime::currentDateTime(), attempt, delayMs, reason});
                while (r->history.size() > MaxReconnectHistory)
                    r->history.removeFirst();
                setStatus(r, Status::Reconnecting, reason);
            });
    connect(source, &EventSource::failed, this,
            [this, r](const QString &reason) { setStatus(r, Status::Failed, reason); });
    connect(source, &EventSource::closedByServer, this,
            [this, r](const QString &reason) { setStatus(r, Status::Ended, reason); });
    connect(source, &EventSource::eventReceived, this,
            [this, r](const SseEvent &event) { countEvent(r, event); });
    connect(source, &EventSource::bytesArrived, this,
            [this, r](qint64 count) { countBytes(r, count); });
    connect(source, &QObject::destroyed, this, [this, r] {
        const int index = rowOf(r);
        if (index < 0)
            return;
        beginRemoveRows({}, index, index);
        m_rows.erase(m_rows.begin() + index);
        endRemoveRows();
        Q_EMIT totalsChanged();
    });
}

void StreamListModel::countEvent(Row *r, const SseEvent &event)
{
    bool previousOk = false;
    bool currentOk = false;
    const qint64 previous = r->lastEventId.toLongLong(&previousOk);
    const qint64 current = event.lastEventId.toLongLong(&currentOk);
    if (r->events > 0 && previousOk && currentOk && current > previous) {
        // Unsigned: the difference of any two qint64 fits.
        const quint64 step = quint64(current) - quint64(previous);
        constexpr quint64 max = quint64(std::numeric_limits<qint64>::max());
        if (step > 1)
            r->gaps = step - 1 > max - quint64(r->gaps) ? qint64(max) : r->gaps + qint64(step - 1);
    }
    ++r->events;
    r->lastEventId = event.lastEventId;
    const qint64 nowMs = now();
    r->lastEventAtMs = nowMs;
    advanceBuckets(r, nowMs);
    ++r->buckets[size_t(r->bucketIndex % (RateBuckets + 1))].events;
    r->countersDirty = true;
    scheduleTick();
}

void StreamListModel::countBytes(Row *r, qint64 count)
{
    advanceBuckets(r, now());
    r->buckets[size_t(r->bucketIndex % (RateBuckets + 1))].bytes += count;
    scheduleTick();
}

void StreamListModel::advanceBuckets(Row *r, qint64 nowMs) const
{
    const qint64 index = nowMs / RateBucketMs;
    if (index <= r->bucketIndex)
        return;
    const qint64 steps = qMin<qint64>(index - r->bucketIndex, RateBuckets + 1);
    for (qint64 i = 1; i <= steps; ++i)
        r->buckets[size_t((r->bucketIndex + i) % (RateBuckets + 1))] = {};
    r->bucketIndex = index;
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

QString StreamListModel::name(int row) const
{
    const Row &r = *m_rows.at(size_t(row));
    return r.name.isEmpty() && r.source ? defaultName(r.source->url()) : r.name;
}

void StreamListModel::setName(int row, const QString &name)
{
    if (row < 0 || row >= rowCount())
        return;
    m_rows[size_t(row)]->name = name;
    Q_EMIT dataChanged(index(row, NameColumn), index(row, NameColumn));
}

QString StreamListModel::defaultName(const QUrl &url)
{
    QString name = url.host();
    if (url.port() >= 0)
        name += u':' + QString::number(url.port());
    name += url.path();
    // Streams often differ only by their query ("?topic=a"): keep it, or their names collide.
    if (url.hasQuery())
        name += u'?' + url.query(QUrl::PrettyDecoded);
    return name;
}

double StreamListModel::eventRate(int row) const
{
    return m_rows.at(size_t(row))->eventRate;
}

double StreamListModel::byteRate(int row) const
{
    return m_rows.at(size_t(row))->byteRate;
}

int StreamListModel::reconnectCount(int row) const
{
    return m_rows.at(size_t(row))->reconnects;
}

qint64 StreamListModel::gapCount(int row) const
{
    return m_rows.at(size_t(row))->gaps;
}

QList<StreamListModel::Reconnection> StreamListModel::reconnectHistory(int row) const
{
    return m_rows.at(size_t(row))->history;
}

void StreamListModel::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
}

qint64 StreamListModel::now() const
{
    return m_clock ? m_clock() : m_elapsed.elapsed();
}

StreamListModel::Status StreamListModel::status(int row) const
{
    return m_rows.at(size_t(row))->status;
}

QString StreamListModel::statusText(int row) const
{
    const Row &r = *m_rows.at(size_t(row));
    if (!r.offlineText.isEmpty())
        return r.offlineText;
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

void StreamListModel::setOffline(int row, const QString &text, qint64 events, const QString &lastEventId)
{
    Row &r = *m_rows.at(size_t(row));
    r.offlineText = text;
    r.status = Status::Closed;
    r.events = events;
    r.lastEventId = lastEventId;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT totalsChanged();
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
    m_updateIntervalMs = qMax(0, ms);
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

QString StreamListModel::ageText(qint64 ms)
{
    if (ms < 0)
        return {};
    const qint64 seconds = ms / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
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

void StreamListModel::scheduleTick(int ms)
{
    const int interval = ms < 0 ? m_updateIntervalMs : ms;
    if (!m_tick.isActive() || m_tick.remainingTime() > interval)
        m_tick.start(interval);
}

void StreamListModel::refresh()
{
    m_tick.stop();
    tick();
}

void StreamListModel::tick()
{
    const qint64 nowMs = now();
    bool countersChanged = false;
    bool countingDown = false;
    bool ratesMove = false;  // a bucket with data is still in the window
    qint64 nextAgeMs = -1;   // when the next age text changes
    for (size_t i = 0; i < m_rows.size(); ++i) {
        Row &row = *m_rows[i];
        int first = ColumnCount;
        int last = -1;
        auto touch = [&first, &last](int column) {
            first = qMin(first, column);
            last = qMax(last, column);
        };

        if (row.countersDirty) {
            row.countersDirty = false;
            countersChanged = true;
            touch(EventsColumn);
            touch(LastEventIdColumn);
            touch(GapsColumn);
        }
        if (row.status == Status::Reconnecting) {
            // Repaint the countdown, and once more when it has run out.
            touch(StateColumn);
            touch(ReconnectsColumn);
            countingDown = countingDown || !row.reconnectDeadline.hasExpired();
        }

        advanceBuckets(&row, nowMs);
        const qint64 span = qMin<qint64>(RateBuckets, row.bucketIndex - row.firstBucket);
        Bucket sum;
        for (qint64 k = 1; k <= span; ++k) {
            const Bucket &bucket = row.buckets[size_t((row.bucketIndex - k) % (RateBuckets + 1))];
            sum.events += bucket.events;
            sum.bytes += bucket.bytes;
        }
        const double seconds = span > 0 ? span * RateBucketMs / 1000.0 : 1.0;
        const double eventRate = span > 0 ? sum.events / seconds : 0.0;
        const double byteRate = span > 0 ? sum.bytes / seconds : 0.0;
        if (eventRate != row.eventRate || byteRate != row.byteRate) {
            row.eventRate = eventRate;
            row.byteRate = byteRate;
            touch(EventRateColumn);
            touch(ByteRateColumn);
        }
        // Bytes still in the window, or in the bucket under way, change the rates later.
        const Bucket &current = row.buckets[size_t(row.bucketIndex % (RateBuckets + 1))];
        ratesMove = ratesMove || sum.events > 0 || sum.bytes > 0 || current.events > 0 || current.bytes > 0;

        if (row.lastEventAtMs >= 0) {
            const qint64 age = nowMs - row.lastEventAtMs;
            if (age / 1000 != row.shownAgeSeconds) {
                row.shownAgeSeconds = age / 1000;
                touch(AgeColumn);
            }
            const qint64 untilNext = 1000 - age % 1000;
            nextAgeMs = nextAgeMs < 0 ? untilNext : qMin(nextAgeMs, untilNext);
        }

        if (last >= 0)
            Q_EMIT dataChanged(index(int(i), first), index(int(i), last), {Qt::DisplayRole});
    }
    if (countersChanged)
        Q_EMIT totalsChanged();
    // Rates change only when a bucket is complete, ages once a second.
    qint64 next = countingDown ? m_updateIntervalMs : -1;
    if (ratesMove) {
        const qint64 untilBucket = RateBucketMs - nowMs % RateBucketMs;
        next = next < 0 ? untilBucket : qMin(next, untilBucket);
    }
    if (nextAgeMs >= 0)
        next = next < 0 ? nextAgeMs : qMin(next, nextAgeMs);
    if (next >= 0)
        scheduleTick(int(qMax<qint64>(next, 1)));
}

QString StreamListModel::toolTip(const Row &row, int rowIndex) const
{
    QString text = row.reason.isEmpty() ? statusText(rowIndex) : row.reason;
    if (row.history.isEmpty())
        return text;
    text += u"\n\n" + tr("Last reconnections:");
    const QLocale locale;
    for (auto it = row.history.crbegin(); it != row.history.crend(); ++it) {
        QString line = tr("%1  attempt %2, after %3 s")
                           .arg(it->time.toString(QStringLiteral("HH:mm:ss")))
                           .arg(it->attempt)
                           .arg(QString::number(it->delayMs / 1000.0, 'f', 1));
        if (!it->reason.isEmpty())
            line += QStringLiteral(" \u2014 ") + it->reason;
        text += u'\n' + line;
    }
    return text;
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
    const QLocale locale;

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return name(index.row());
        case UrlColumn:
            return row.url;
        case StateColumn:
            return statusText(index.row());
        case EventsColumn:
            return locale.toString(row.events);
        case EventRateColumn:
            return locale.toString(row.eventRate, 'f', row.eventRate < 10 ? 1 : 0);
        case ByteRateColumn:
            return tr("%1/s").arg(locale.formattedDataSize(qint64(std::llround(row.byteRate)), 1));
        case ReconnectsColumn:
            return locale.toString(row.reconnects);
        case LastEventIdColumn:
            return row.lastEventId;
        case GapsColumn:
            return locale.toString(row.gaps);
        case AgeColumn:
            return row.lastEventAtMs < 0 ? QString() : ageText(now() - row.lastEventAtMs);
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == StateColumn)
            return statusIcon(row.status);
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn:
        case UrlColumn:
            return row.url;
        case GapsColumn:
            return tr("Event IDs skipped between consecutive integer IDs");
        case AgeColumn:
            return tr("Time since the last event");
        }
        return toolTip(row, index.row());
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case EventsColumn:
        case EventRateColumn:
        case ByteRateColumn:
        case ReconnectsColumn:
        case GapsColumn:
        case AgeColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
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
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return QVariant::fromValue(
                   section == NameColumn || section == UrlColumn || section == StateColumn
                           || section == LastEventIdColumn
                       ? Qt::AlignLeft | Qt::AlignVCenter
                       : Qt::AlignRight | Qt::AlignVCenter);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case UrlColumn:
        return tr("URL");
    case StateColumn:
        return tr("State");
    case EventsColumn:
        return tr("Events");
    case EventRateColumn:
        return tr("Events/s");
    case ByteRateColumn:
        return tr("Bytes/s");
    case ReconnectsColumn:
        return tr("Reconnects");
    case LastEventIdColumn:
        return tr("Last event ID");
    case GapsColumn:
        return tr("Gaps");
    case AgeColumn:
        return tr("Last event");
    }
    return {};
}
