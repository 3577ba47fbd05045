// ConnectionTimelineModel: status bands and markers of each stream's connection history over a
// time range, and the hover text, checked with QAbstractItemModelTester.
#include "ConnectionHistory.h"
#include "ConnectionTimelineModel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using Kind = ConnectionEvent::Kind;
using Events = QList<ConnectionEvent>;
using Bands = QList<TimelineBand>;

Q_DECLARE_METATYPE(ConnectionEvent)

namespace {

// 19:00:00 on the local clock, so that the hover texts read the same in every time zone.
const qint64 T0 = QDateTime(QDate(2026, 11, 23), QTime(19, 0, 0)).toMSecsSinceEpoch();

qint64 at(int seconds)
{
    return T0 + qint64(seconds) * 1000;
}

ConnectionEvent change(Kind kind, int seconds, const QString &reason = {}, int attempt = 0, int delayMs = 0)
{
    ConnectionEvent e;
    e.kind = kind;
    e.timeMs = at(seconds);
    e.reason = reason;
    e.attempt = attempt;
    e.delayMs = delayMs;
    return e;
}

// Opened -> Lost -> ReconnectScheduled x3 -> Opened -> IdReset -> Failed.
Events fullStory()
{
    return {
        change(Kind::Opened, 1),
        change(Kind::Lost, 10, QStringLiteral("Remote host closed the connection")),
        change(Kind::ReconnectScheduled, 10, QStringLiteral("Remote host closed the connection"), 1, 1000),
        change(Kind::ReconnectScheduled, 11, QStringLiteral("Connection refused"), 2, 2000),
        change(Kind::ReconnectScheduled, 13, QStringLiteral("Connection refused"), 3, 4000),
        change(Kind::Opened, 17),
        change(Kind::IdReset, 18, QStringLiteral("from 42 to 1")),
        change(Kind::Failed, 20, QStringLiteral("HTTP 404 Not Found")),
    };
}

ConnectionHistory historyOf(const Events &events)
{
    ConnectionHistory history;
    for (const ConnectionEvent &e : events)
        history.record(e);
    return history;
}

TimelineBand band(int from, int to, StreamStatus status, const QString &reason = {})
{
    return {at(from), at(to), status, reason};
}

QString describe(const Bands &bands)
{
    QStringList parts;
    for (const TimelineBand &b : bands)
        parts.append(QStringLiteral("[%1..%2 %3]").arg((b.startMs - T0) / 1000.0).arg((b.endMs - T0) / 1000.0).arg(int(b.status)));
    return parts.join(u' ');
}

} // namespace

class tst_ConnectionTimelineModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bands_data();
    void bands();
    void markers_data();
    void markers();
    void describeAt_data();
    void describeAt();
    void describeMarkers();
    void boundedHistory();
    void rows();
    void rangeAndRefresh();
};

void tst_ConnectionTimelineModel::bands_data()
{
    QTest::addColumn<Events>("events");
    QTest::addColumn<qint64>("startedAt");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<Bands>("expected");

    const QString refused = QStringLiteral("Connection refused");
    const QString closed = QStringLiteral("Remote host closed the connection");
    const QString notFound = QStringLiteral("HTTP 404 Not Found");
    QTest::newRow("full story") << fullStory() << T0 << T0 << at(30)
                                << Bands{band(0, 1, StreamStatus::Connecting), band(1, 10, StreamStatus::Open),
                                         band(10, 17, StreamStatus::Reconnecting, closed),
                                         band(17, 20, StreamStatus::Open), band(20, 30, StreamStatus::Failed, notFound)};
    QTest::newRow("range cuts bands in the middle")
        << fullStory() << T0 << at(5) << at(14)
        << Bands{band(5, 10, StreamStatus::Open), band(10, 14, StreamStatus::Reconnecting, closed)};
    QTest::newRow("range inside one band") << fullStory() << T0 << at(11) << at(12)
                                           << Bands{band(11, 12, StreamStatus::Reconnecting, closed)};
    QTest::newRow("range before the stream started") << fullStory() << T0 << at(-60) << at(-1) << Bands{};
    QTest::newRow("range across the start") << fullStory() << T0 << at(-60) << at(5)
                                            << Bands{band(0, 1, StreamStatus::Connecting), band(1, 5, StreamStatus::Open)};
    QTest::newRow("range after the last change") << fullStory() << T0 << at(25) << at(3600)
                                                 << Bands{band(25, 3600, StreamStatus::Failed, notFound)};
    QTest::newRow("never opened") << Events{} << T0 << T0 << at(60) << Bands{band(0, 60, StreamStatus::Connecting)};
    QTest::newRow("never opened, start unknown") << Events{} << qint64(0) << T0 << at(60) << Bands{};
    QTest::newRow("never opened, retrying")
        << Events{change(Kind::ReconnectScheduled, 2, refused, 1, 1000),
                  change(Kind::ReconnectScheduled, 3, refused, 2, 2000)}
        << T0 << T0 << at(10)
        << Bands{band(0, 2, StreamStatus::Connecting), band(2, 10, StreamStatus::Reconnecting, refused)};
    QTest::newRow("closed by the user")
        << Events{change(Kind::Opened, 1), change(Kind::Closed, 5)} << T0 << T0 << at(10)
        << Bands{band(0, 1, StreamStatus::Connecting), band(1, 5, StreamStatus::Open), band(5, 10, StreamStatus::Closed)};
    QTest::newRow("failed, then closed: still failed")
        << Events{change(Kind::Failed, 1, notFound), change(Kind::Closed, 5)} << T0 << T0 << at(10)
        << Bands{band(0, 1, StreamStatus::Connecting), band(1, 10, StreamStatus::Failed, notFound)};
    QTest::newRow("ended by the server")
        << Events{change(Kind::Opened, 1), change(Kind::EndedByServer, 4, QStringLiteral("Ended by server (204)"))}
        << T0 << T0 << at(10)
        << Bands{band(0, 1, StreamStatus::Connecting), band(1, 4, StreamStatus::Open),
                 band(4, 10, StreamStatus::Ended, QStringLiteral("Ended by server (204)"))};
    QTest::newRow("start unknown: from the first event")
        << Events{change(Kind::Opened, 3)} << qint64(0) << T0 << at(10) << Bands{band(3, 10, StreamStatus::Open)};
    QTest::newRow("an ID reset changes no band")
        << Events{change(Kind::Opened, 1), change(Kind::IdReset, 4, QStringLiteral("from 9 to 1"))} << T0 << T0 << at(10)
        << Bands{band(0, 1, StreamStatus::Connecting), band(1, 10, StreamStatus::Open)};
    QTest::newRow("events after the range's end are not yet")
        << fullStory() << T0 << T0 << at(12)
        << Bands{band(0, 1, StreamStatus::Connecting), band(1, 10, StreamStatus::Open),
                 band(10, 12, StreamStatus::Reconnecting, closed)};
    QTest::newRow("empty range") << fullStory() << T0 << at(5) << at(5) << Bands{};
}

void tst_ConnectionTimelineModel::bands()
{
    QFETCH(Events, events);
    QFETCH(qint64, startedAt);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(Bands, expected);
    const ConnectionHistory history = historyOf(events);

    ConnectionTimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRange(from, to);
    model.setStreams({{7, QStringLiteral("demo"), Qt::blue, &history, startedAt}});
    const Bands bands = model.bands(0);
    QVERIFY2(bands == expected, qPrintable(describe(bands) + QStringLiteral(" != ") + describe(expected)));
    QCOMPARE(model.index(0).data(ConnectionTimelineModel::BandsRole).value<Bands>(), expected);
    for (qsizetype i = 1; i < bands.size(); ++i)
        QCOMPARE(bands.at(i).startMs, bands.at(i - 1).endMs); // no gaps, no overlaps
}

void tst_ConnectionTimelineModel::markers_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<QStringList>("texts");

    QTest::newRow("all") << T0 << at(30)
                         << QStringList{"Reconnect attempt 1 in 1 s \u2014 Remote host closed the connection",
                                        "Reconnect attempt 2 in 2 s \u2014 Connection refused",
                                        "Reconnect attempt 3 in 4 s \u2014 Connection refused",
                                        "Event ID reset: from 42 to 1"};
    QTest::newRow("the range's ends are in") << at(11) << at(13)
                                             << QStringList{"Reconnect attempt 2 in 2 s \u2014 Connection refused",
                                                            "Reconnect attempt 3 in 4 s \u2014 Connection refused"};
    QTest::newRow("only the ID reset") << at(14) << at(30) << QStringList{"Event ID reset: from 42 to 1"};
    QTest::newRow("none") << at(21) << at(30) << QStringList{};
}

void tst_ConnectionTimelineModel::markers()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(QStringList, texts);
    const ConnectionHistory history = historyOf(fullStory());
    ConnectionTimelineModel model;
    model.setStreams({{1, QStringLiteral("demo"), Qt::red, &history, T0}});
    model.setRange(from, to);
    QStringList shown;
    for (const TimelineMarker &marker : model.markers(0)) {
        shown.append(marker.text);
        QCOMPARE(marker.kind, marker.text.startsWith(QStringLiteral("Event ID")) ? TimelineMarker::Kind::IdReset
                                                                                 : TimelineMarker::Kind::Reconnect);
        QVERIFY(marker.timeMs >= from && marker.timeMs <= to);
    }
    QCOMPARE(shown, texts);
}

void tst_ConnectionTimelineModel::describeAt_data()
{
    QTest::addColumn<int>("second");
    QTest::addColumn<QString>("text");

    QTest::newRow("before the stream started") << -5 << QString();
    QTest::newRow("connecting") << 0 << "Connecting since 19:00:00";
    QTest::newRow("open") << 5 << "Open since 19:00:01";
    QTest::newRow("first attempt")
        << 10 << "Reconnecting since 19:00:10 \u2014 Remote host closed the connection (attempt 1)\n"
                 "Reconnect attempt 1 in 1 s \u2014 Remote host closed the connection"; // a tick right there
    QTest::newRow("second attempt") << 12 << "Reconnecting since 19:00:10 \u2014 Connection refused (attempt 2)";
    QTest::newRow("third attempt") << 15 << "Reconnecting since 19:00:10 \u2014 Connection refused (attempt 3)";
    QTest::newRow("open again") << 19 << "Open since 19:00:17";
    QTest::newRow("failed") << 25 << "Failed since 19:00:20 \u2014 HTTP 404 Not Found";
    QTest::newRow("after now") << 31 << QString();
}

void tst_ConnectionTimelineModel::describeAt()
{
    QFETCH(int, second);
    const ConnectionHistory history = historyOf(fullStory());
    ConnectionTimelineModel model;
    model.setStreams({{1, QStringLiteral("demo"), Qt::red, &history, T0}});
    // A narrow range: the text names when the band began, before the range.
    model.setRange(at(14), at(30));
    QTEST(model.describeAt(0, at(second)), "text");
    QCOMPARE(model.describeAt(1, at(second)), QString());
    QCOMPARE(model.describeAt(-1, at(second)), QString());
}

void tst_ConnectionTimelineModel::describeMarkers()
{
    const ConnectionHistory history = historyOf(fullStory());
    ConnectionTimelineModel model;
    model.setStreams({{1, QStringLiteral("demo"), Qt::red, &history, T0}});
    model.setRange(T0, at(30));
    QCOMPARE(model.describeAt(0, at(18) + 400, 500), QStringLiteral("Open since 19:00:17\nEvent ID reset: from 42 to 1"));
    QCOMPARE(model.describeAt(0, at(18) + 400, 100), QStringLiteral("Open since 19:00:17"));
}

void tst_ConnectionTimelineModel::boundedHistory()
{
    // Far more changes than the history keeps: the oldest fall out.
    ConnectionHistory history;
    const int changes = ConnectionHistory::MaxEvents + 500;
    for (int i = 0; i < changes; ++i)
        history.record(change(i % 2 ? Kind::Lost : Kind::Opened, i + 1, QStringLiteral("lost")));
    QCOMPARE(history.events().size(), size_t(ConnectionHistory::MaxEvents));
    const qint64 oldestHeld = history.events().front().timeMs;
    QCOMPARE(oldestHeld, at(501));

    ConnectionTimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStreams({{1, QStringLiteral("busy"), Qt::red, &history, T0}});
    model.setRange(T0, at(changes + 10));
    const Bands bands = model.bands(0);
    // Nothing is claimed about the time whose history was dropped.
    QCOMPARE(bands.first().startMs, oldestHeld);
    QCOMPARE(bands.size(), qsizetype(ConnectionHistory::MaxEvents));
    QCOMPARE(bands.last().endMs, at(changes + 10));
    QCOMPARE(model.describeAt(0, at(100)), QString());
    QVERIFY(model.describeAt(0, oldestHeld).startsWith(QStringLiteral("Open since")));
}

void tst_ConnectionTimelineModel::rows()
{
    const ConnectionHistory open = historyOf({change(Kind::Opened, 1)});
    const ConnectionHistory failed = historyOf({change(Kind::Failed, 2, QStringLiteral("Wrong content type"))});
    ConnectionTimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRange(T0, at(10));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setStreams({{1, QStringLiteral("a"), Qt::red, &open, T0},
                      {2, QStringLiteral("b"), Qt::green, &failed, T0},
                      {3, QStringLiteral("offline"), Qt::blue, nullptr, T0}});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("a"));
    QCOMPARE(model.index(1).data(ConnectionTimelineModel::NameRole).toString(), QStringLiteral("b"));
    QCOMPARE(model.index(1).data(ConnectionTimelineModel::ColorRole).value<QColor>(), QColor(Qt::green));
    QCOMPARE(model.index(0).data(ConnectionTimelineModel::StatusRole).toInt(), int(StreamStatus::Open));
    QCOMPARE(model.index(1).data(ConnectionTimelineModel::StatusRole).toInt(), int(StreamStatus::Failed));
    QCOMPARE(model.index(1).data(ConnectionTimelineModel::StatusTextRole).toString(),
             QStringLiteral("Failed \u2014 Wrong content type"));
    QCOMPARE(model.index(2).data(ConnectionTimelineModel::StatusRole).toInt(), int(StreamStatus::Offline));
    QCOMPARE(model.index(2).data(ConnectionTimelineModel::StreamIdRole).toULongLong(), 3u);
    QVERIFY(model.bands(2).isEmpty());
    QCOMPARE(model.describeAt(2, at(5)), QString());

    // The same streams renamed: data changes, no reset.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setStreams({{1, QStringLiteral("a2"), Qt::red, &open, T0},
                      {2, QStringLiteral("b"), Qt::green, &failed, T0},
                      {3, QStringLiteral("offline"), Qt::blue, nullptr, T0}});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("a2"));

    // One removed.
    model.setStreams({{2, QStringLiteral("b"), Qt::green, &failed, T0}});
    QCOMPARE(reset.size(), 2);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data(ConnectionTimelineModel::StatusRole).toInt(), int(StreamStatus::Failed));
    model.setStreams({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_ConnectionTimelineModel::rangeAndRefresh()
{
    ConnectionHistory history;
    history.record(change(Kind::Opened, 1));
    ConnectionTimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStreams({{1, QStringLiteral("live"), Qt::red, &history, T0}});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setRange(T0, at(10));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.bands(0).size(), 2);
    model.setRange(T0, at(10)); // nothing new
    QCOMPARE(changed.size(), 1);

    // The history moves on; refresh() picks it up.
    history.record(change(Kind::Lost, 8, QStringLiteral("lost")));
    history.record(change(Kind::ReconnectScheduled, 9, QStringLiteral("Connection refused"), 1, 500));
    model.refresh();
    QCOMPARE(changed.size(), 2);
    QCOMPARE(model.bands(0).last().status, StreamStatus::Reconnecting);
    QCOMPARE(model.markers(0).size(), 1);
    QCOMPARE(model.markers(0).first().text, QStringLiteral("Reconnect attempt 1 in 0.5 s \u2014 Connection refused"));
    QCOMPARE(model.index(0).data(ConnectionTimelineModel::MarkersRole).value<QList<TimelineMarker>>(),
             model.markers(0));
}

QTEST_GUILESS_MAIN(tst_ConnectionTimelineModel)
#include "tst_connectiontimelinemodel.moc"
