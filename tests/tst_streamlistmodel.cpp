// StreamListModel on a Workspace: rows that follow the workspace, state texts and colours, counters,
// rates and ages on injected clocks, id gaps and resets, reconnections, offline captures, and
// repaints of only the cells that changed. Streams are driven by a scripted server on 127.0.0.1.

#include "StreamListFixtures.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QHash>
#include <QIcon>
#include <QImage>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QPointer>
#include <QTest>

#include <cmath>
#include <limits>

using namespace StreamListFixtures;

class TestStreamListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void columns();
    void rowsFollowTheWorkspace();
    void stateTexts_data();
    void stateTexts();
    void reconnectingText_data();
    void reconnectingText();
    void ages_data();
    void ages();
    void ratesRampUpHoldAndDecay();
    void gapsAndIdResets_data();
    void gapsAndIdResets();
    void reconnections_data();
    void reconnections();
    void offlineCapture();
    void onlyChangedCellsAreAnnounced();
};

void TestStreamListModel::columns()
{
    Dashboard d;
    d.workspace.addStream(nowhere(), {}, false);
    QStringList headers;
    for (int column = 0; column < d.model.columnCount(); ++column) {
        headers.append(d.model.headerData(column, Qt::Horizontal).toString());
        // Words read from the left, numbers line up on the right; cells as their header.
        const bool left = column == Model::NameColumn || column == Model::StateColumn
            || column == Model::LastEventIdColumn || column == Model::UrlColumn;
        const auto header = d.model.headerData(column, Qt::Horizontal, Qt::TextAlignmentRole).value<Qt::Alignment>();
        QCOMPARE(bool(header & Qt::AlignLeft), left);
        QCOMPARE(bool(header & Qt::AlignRight), !left);
        QCOMPARE(bool(d.value(column, Qt::TextAlignmentRole).value<Qt::Alignment>() & Qt::AlignRight), !left);
        QVERIFY(!d.text(column, Qt::ToolTipRole).isEmpty());
    }
    QCOMPARE(headers.join(u'|'), QStringLiteral("Name|State|Events|Comments|Events/s|Bytes/s|Reconnects|Attempts|"
                                                "Last ID|Gaps|ID resets|Last event|Last byte|URL"));
}

void TestStreamListModel::rowsFollowTheWorkspace()
{
    Dashboard d;
    QSignalSpy inserted(&d.model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&d.model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&d.model, &QAbstractItemModel::dataChanged);
    QSignalSpy totals(&d.model, &Model::totalsChanged);
    const EventSourceOptions feed = fastOptions(QUrl(QStringLiteral("https://example.org/feed")));
    d.workspace.addStream(nowhere(QStringLiteral("/a?x=1")), {}, false);
    Stream *b = d.workspace.addStream(feed, QStringLiteral("Prices"), false);
    Stream *c = d.workspace.addStream(nowhere(QStringLiteral("/c")), {}, false);
    QCOMPARE(inserted.count(), 3);
    QVERIFY(totals.count() >= 3);
    QCOMPARE(d.text(Model::NameColumn), QStringLiteral("127.0.0.1:1/a?x=1"));
    QCOMPARE(d.texts({Model::NameColumn, Model::UrlColumn}, 1), QStringLiteral("Prices|https://example.org/feed"));
    QCOMPARE(d.value(Model::NameColumn, Model::StreamIdRole, 2).value<Stream::Id>(), c->id());
    QCOMPARE(d.model.stream(1), b);

    // Renamed and edited in place: the row repaints, nothing is inserted or removed.
    d.workspace.editStream(b, feed, QStringLiteral("Quotes"));
    QVERIFY(touched(changed, Model::NameColumn));
    for (const QList<QVariant> &args : std::as_const(changed))
        QCOMPARE(args.at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(d.text(Model::NameColumn, Qt::DisplayRole, 1), QStringLiteral("Quotes"));
    changed.clear();
    const QString v2 = QStringLiteral("https://example.org/v2/feed");
    d.workspace.editStream(b, fastOptions(QUrl(v2)), QString()); // no name given: the URL names it
    QVERIFY(touched(changed, Model::UrlColumn));
    QCOMPARE(d.texts({Model::NameColumn, Model::UrlColumn}, 1), QStringLiteral("example.org/v2/feed|") + v2);
    QCOMPARE(d.text(Model::NameColumn, Qt::ToolTipRole, 1), v2);
    QCOMPARE(inserted.count() + removed.count(), 3);

    // While the workspace announces a removal the row is still there; once it is gone the rows
    // below have moved up.
    QString aboutToGo;
    QString inItsPlace;
    connect(&d.model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [&](const QModelIndex &, int first) { aboutToGo = d.text(Model::NameColumn, Qt::DisplayRole, first); });
    connect(&d.model, &QAbstractItemModel::rowsRemoved, this, [&](const QModelIndex &, int first) {
        if (first < d.model.rowCount())
            inItsPlace = d.text(Model::NameColumn, Qt::DisplayRole, first);
    });
    d.workspace.removeStream(b);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    QCOMPARE(aboutToGo, QStringLiteral("example.org/v2/feed"));
    QCOMPARE(inItsPlace, QStringLiteral("127.0.0.1:1/c"));
    QCOMPARE(d.model.rowCount(), 2);
    QCOMPARE(d.model.stream(1), c);
    QCOMPARE(d.model.rowOf(b), -1);

    // A stream added after a removal goes last.
    QCOMPARE(d.model.rowOf(d.workspace.addStream(nowhere(QStringLiteral("/e")), {}, false)), 2);
    d.workspace.removeAllStreams();
    QCOMPARE(d.model.rowCount(), 0);
    d.workspace.tick();
}

void TestStreamListModel::stateTexts_data()
{
    QTest::addColumn<QList<Response>>("script");
    QTest::addColumn<int>("reconnectionTimeMs");
    QTest::addColumn<StreamStatus>("status"); // waited for; Connecting is looked at before any reply
    QTest::addColumn<bool>("closeByHand");    // once open
    QTest::addColumn<QString>("text"); // a pattern for the state cell and the tooltip's first line

    const auto stall = Response::events().send(eventsWithIds(1, 1)).stall();
    QTest::newRow("connecting") << QList<Response>{stall} << 10 << StreamStatus::Connecting << false
                                << "^Connecting$";
    QTest::newRow("open") << QList<Response>{stall} << 10 << StreamStatus::Open << false << "^Open$";
    QTest::newRow("reconnect scheduled")
        << QList<Response>{Response::status(503)} << 600000 << StreamStatus::Reconnecting << false
        << "^Reconnecting in \\d+\\.\\d s \\(attempt 1 \u2014 HTTP 503[^)]*\\)$";
    QTest::newRow("open after reconnecting") << QList<Response>{Response::status(503), stall} << 10
                                             << StreamStatus::Open << false << "^Open$";
    QTest::newRow("failed: not found") << QList<Response>{Response::status(404)} << 10 << StreamStatus::Failed << false
                                       << "^Failed: HTTP 404\\b.*$";
    QTest::newRow("failed: content type")
        << QList<Response>{Response::body(200, "text/html", "<html></html>")} << 10 << StreamStatus::Failed
        << false << "^Failed: Content-Type text/html \\(expected text/event-stream\\)$";
    QTest::newRow("ended by server") << QList<Response>{Response::status(204)} << 10 << StreamStatus::Ended
                                     << false << "^Ended by server \\(204\\)$";
    QTest::newRow("closed") << QList<Response>{stall} << 10 << StreamStatus::Closed << true << "^Closed$";
}

void TestStreamListModel::stateTexts()
{
    QFETCH(QList<Response>, script);
    QFETCH(int, reconnectionTimeMs);
    QFETCH(StreamStatus, status);
    QFETCH(bool, closeByHand);
    QFETCH(QString, text);

    Dashboard d;
    QVERIFY(d.serve(script));
    EventSourceOptions options = fastOptions(d.server.url());
    options.reconnectionTimeMs = reconnectionTimeMs;
    Stream *stream = d.add(false, options);
    const auto shownStatus = [&d] { return StreamStatus(d.value(Model::StateColumn, Model::StatusRole).toInt()); };
    QTRY_COMPARE_WITH_TIMEOUT(shownStatus(), closeByHand ? StreamStatus::Open : status, Timeout);
    if (closeByHand)
        stream->close();
    d.workspace.tick();

    QCOMPARE(shownStatus(), status);
    const QRegularExpression pattern(text);
    QVERIFY2(pattern.match(d.text(Model::StateColumn)).hasMatch(), qPrintable(d.text(Model::StateColumn)));
    QVERIFY2(pattern.match(d.model.statusText(0)).hasMatch(), qPrintable(d.model.statusText(0)));
    const QString toolTip = d.text(Model::StateColumn, Qt::ToolTipRole);
    QVERIFY2(pattern.match(toolTip.section(u'\n', 0, 0)).hasMatch(), qPrintable(toolTip));
    // A stream that had to reconnect lists when and why, and after how long.
    QCOMPARE(toolTip.contains(u"Last reconnections:"), !stream->history().recentReconnections(1).isEmpty());
    if (status == StreamStatus::Reconnecting)
        QVERIFY2(toolTip.contains(u"  attempt 1, after 600.0 s \u2014 HTTP 503"), qPrintable(toolTip));
    QCOMPARE(d.model.openCount(), status == StreamStatus::Open ? 1 : 0);

    // The state's colour, and its decoration: a dot of that colour.
    QCOMPARE(d.value(Model::StateColumn, Model::StatusColorRole).value<QColor>(), Model::statusColor(status));
    const QImage dot = d.value(Model::StateColumn, Qt::DecorationRole).value<QIcon>().pixmap(32, 32).toImage();
    QCOMPARE(dot.pixelColor(dot.width() / 2, dot.height() / 2), Model::statusColor(status));
    // Waiting is one colour, however it came about; so is a stream that is over. The rest differ.
    QCOMPARE(Model::statusColor(StreamStatus::Connecting), Model::statusColor(StreamStatus::Reconnecting));
    QCOMPARE(Model::statusColor(StreamStatus::Ended), Model::statusColor(StreamStatus::Closed));
    QSet<QRgb> colours;
    for (int s = 0; s <= int(StreamStatus::Offline); ++s)
        colours.insert(Model::statusColor(StreamStatus(s)).rgb());
    QCOMPARE(colours.size(), 5);
}

void TestStreamListModel::reconnectingText_data()
{
    QTest::addColumn<int>("remainingMs");
    QTest::addColumn<int>("attempt");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("text");

    QTest::newRow("tenths") << 2400 << 3 << "HTTP 503" << "Reconnecting in 2.4 s (attempt 3 \u2014 HTTP 503)";
    QTest::newRow("rounded up") << 2401 << 3 << "HTTP 503" << "Reconnecting in 2.5 s (attempt 3 \u2014 HTTP 503)";
    QTest::newRow("never 0.0") << 1 << 1 << "HTTP 503" << "Reconnecting in 0.1 s (attempt 1 \u2014 HTTP 503)";
    QTest::newRow("a minute") << 60000 << 7 << "refused" << "Reconnecting in 60.0 s (attempt 7 \u2014 refused)";
    QTest::newRow("no reason") << 1000 << 2 << "" << "Reconnecting in 1.0 s (attempt 2)";
    QTest::newRow("delay run out") << 0 << 4 << "HTTP 502" << "Reconnecting (attempt 4 \u2014 HTTP 502)";
    QTest::newRow("overdue") << -250 << 4 << "" << "Reconnecting (attempt 4)";
}

void TestStreamListModel::reconnectingText()
{
    QFETCH(int, remainingMs);
    QFETCH(int, attempt);
    QFETCH(QString, reason);
    QFETCH(QString, text);
    QCOMPARE(Model::reconnectingText(remainingMs, attempt, reason), text);
}

void TestStreamListModel::ages_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("expected");

    QTest::newRow("never") << qint64(-1) << QString();
    QTest::newRow("just now") << qint64(0) << QStringLiteral("0 s");
    QTest::newRow("under a second") << qint64(999) << QStringLiteral("0 s");
    QTest::newRow("seconds") << qint64(59999) << QStringLiteral("59 s");
    QTest::newRow("a minute") << qint64(60000) << QStringLiteral("1 min 0 s");
    QTest::newRow("minutes") << qint64(125000) << QStringLiteral("2 min 5 s");
    QTest::newRow("hours") << qint64(3 * 3600000 + 7 * 60000) << QStringLiteral("3 h 7 min");
}

void TestStreamListModel::ages()
{
    QFETCH(qint64, ms);
    QFETCH(QString, expected);
    QCOMPARE(Model::ageText(ms), expected);
}

void TestStreamListModel::ratesRampUpHoldAndDecay()
{
    constexpr int Batches = 12;
    constexpr int PerBatch = 5;
    Response response = Response::events();
    for (int batch = 0; batch < Batches; ++batch)
        response.hold().send(eventsWithIds(batch * PerBatch + 1, PerBatch));
    Dashboard d;
    QVERIFY(d.serve({response.stall()}));
    d.monotonic = 1000; // bucket 4 is under way: rates start with bucket 5
    Stream *stream = d.add(true);
    QTRY_COMPARE_WITH_TIMEOUT(stream->status(), StreamStatus::Open, Timeout);
    const StreamStatistics &stats = stream->statistics();
    const QLocale locale;
    const auto rates = [&locale](double events, double bytes) -> QString {
        return locale.toString(events, 'f', events < 10 ? 1 : 0) + u'|'
            + locale.formattedDataSize(qint64(std::llround(bytes)), 1) + QStringLiteral("/s");
    };
    const QList<int> rateColumns{Model::EventRateColumn, Model::ByteRateColumn};

    // One batch per bucket, in buckets 5 to 16; the bytes that arrived in each.
    QList<qint64> bytes;
    QSignalSpy totals(&d.model, &Model::totalsChanged);
    for (int batch = 0; batch < Batches; ++batch) {
        d.monotonic = 1260 + batch * BucketMs;
        const qint64 bytesBefore = stats.bytes();
        if (batch == 1) {
            // The first bucket is complete: a stream younger than the window is measured over its age.
            d.workspace.tick();
            QCOMPARE(d.texts(rateColumns), rates(20, bytes.at(0) * 1000.0 / BucketMs));
            QVERIFY(totals.count() > 0);
            QCOMPARE(d.model.totalEventRate(), 20.0);
        }
        d.server.release();
        QTRY_COMPARE_WITH_TIMEOUT(stats.events(), qint64((batch + 1) * PerBatch), Timeout);
        if (batch == 0) {
            d.workspace.tick();
            QCOMPARE(d.texts(rateColumns), rates(0, 0)); // the bucket under way does not count yet
        }
        bytes.append(stats.bytes() - bytesBefore);
    }

    // A full window: the last RateBuckets whole buckets.
    d.monotonic = 1260 + Batches * BucketMs;
    d.workspace.tick();
    const double windowSeconds = StreamStatistics::RateBuckets * BucketMs / 1000.0;
    qint64 windowBytes = 0;
    for (int batch = Batches - StreamStatistics::RateBuckets; batch < Batches; ++batch)
        windowBytes += bytes.at(batch);
    QCOMPARE(d.texts(rateColumns), rates(20, windowBytes / windowSeconds));
    QCOMPARE(d.texts({Model::EventsColumn, Model::LastEventIdColumn}), QStringLiteral("60|60"));

    // Quiet for a whole window: back to zero.
    totals.clear();
    d.monotonic += (StreamStatistics::RateBuckets + 1) * BucketMs;
    d.workspace.tick();
    QCOMPARE(d.texts(rateColumns), rates(0, 0));
    QCOMPARE(d.model.totalEventRate(), 0.0);
    QCOMPARE(totals.count(), 1);
}

void TestStreamListModel::gapsAndIdResets_data()
{
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QString>("gaps");
    QTest::addColumn<QString>("resets");

    QTest::newRow("consecutive") << QStringList{"1", "2", "3"} << "0" << "0";
    QTest::newRow("one hole") << QStringList{"1", "2", "5"} << "2" << "0";
    QTest::newRow("two holes") << QStringList{"1", "5", "9"} << "6" << "0";
    QTest::newRow("first event") << QStringList{"7"} << "0" << "0";
    QTest::newRow("not integers") << QStringList{"a", "b", "c"} << "0" << "0";
    QTest::newRow("integer after text") << QStringList{"1", "x", "5"} << "0" << "0";
    QTest::newRow("fraction") << QStringList{"1", "2.5", "4"} << "0" << "0";
    QTest::newRow("reset, then a hole") << QStringList{"100", "1", "2", "5"} << "2" << "1 reset";
    QTest::newRow("two resets") << QStringList{"5", "1", "9", "3"} << "7" << "2 resets";
    QTest::newRow("repeated id") << QStringList{"3", "3", "4"} << "0" << "0";
    QTest::newRow("empty id") << QStringList{"3", "", "5"} << "0" << "0";
    QTest::newRow("negative") << QStringList{"-3", "-1"} << "1" << "0";
    QTest::newRow("negative, going down") << QStringList{"-1", "-3"} << "0" << "1 reset";
    QTest::newRow("huge jump is capped")
        << QStringList{QString::number(std::numeric_limits<qint64>::min()),
                       QString::number(std::numeric_limits<qint64>::max())}
        << QLocale().toString(std::numeric_limits<qint64>::max()) << "0";
}

void TestStreamListModel::gapsAndIdResets()
{
    QFETCH(QStringList, ids);
    QFETCH(QString, gaps);
    QFETCH(QString, resets);

    QByteArray body;
    for (const QString &id : std::as_const(ids))
        body += eventWithId(id);
    Dashboard d;
    QVERIFY(d.serve({Response::events().send(body).stall()}));
    Stream *stream = d.add();
    QTRY_COMPARE_WITH_TIMEOUT(stream->statistics().events(), qint64(ids.size()), Timeout);
    d.workspace.tick();

    QCOMPARE(d.texts({Model::GapsColumn, Model::IdResetsColumn, Model::LastEventIdColumn, Model::EventsColumn}),
             (QStringList{gaps, resets, ids.last(), QString::number(ids.size())}.join(u'|')));
    QCOMPARE(d.value(Model::IdResetsColumn, Qt::ForegroundRole).isValid(), resets != u"0");
}

void TestStreamListModel::reconnections_data()
{
    QTest::addColumn<QList<Response>>("script");
    QTest::addColumn<int>("events");
    QTest::addColumn<QString>("counters"); // reconnects|attempts|gaps|ID resets
    QTest::addColumn<QString>("head");     // of the state's tooltip
    QTest::addColumn<QList<int>>("listed"); // the attempts in the state's tooltip, newest first
    QTest::addColumn<QString>("oldestReason"); // what the oldest one listed was about; the rest, 503

    const QString reconnected = QStringLiteral("Open\n\nLast reconnections:");
    QTest::newRow("lost, refused twice, back with a hole in the ids")
        << QList<Response>{Response::events().send(eventsWithIds(1, 2)).end(), Response::status(503),
                           Response::status(503), Response::events().send(eventWithId(QStringLiteral("6"))).stall()}
        << 3 << "1|3|3|0" << reconnected << QList<int>{3, 2, 1} << "ended";
    // Opened once, after many tries: no reconnection, and only the newest tries are listed.
    QList<Response> refused(15, Response::status(503));
    refused.append(Response::events().send(eventsWithIds(1, 3)).stall());
    QTest::newRow("refused fifteen times") << refused << 3 << "0|15|0|0" << reconnected
                                           << QList<int>{15, 14, 13, 12, 11, 10, 9, 8, 7, 6} << "503";
    QTest::newRow("server restarted")
        << QList<Response>{Response::events().send(eventsWithIds(41, 2)).end(),
                           Response::events().send(eventsWithIds(1, 2)).stall()}
        << 4 << "1|1|0|1 reset" << "Open\nID reset: 42 \u2192 1\n\nLast reconnections:" << QList<int>{1} << "ended";
}

void TestStreamListModel::reconnections()
{
    QFETCH(QList<Response>, script);
    QFETCH(int, events);
    QFETCH(QString, counters);
    QFETCH(QString, head);
    QFETCH(QList<int>, listed);
    QFETCH(QString, oldestReason);

    Dashboard d;
    QVERIFY(d.serve(script));
    EventSourceOptions options = fastOptions(d.server.url());
    options.maxBackoffMs = 10; // no doubling: quick attempts
    Stream *stream = d.add(false, options);
    QTRY_COMPARE_WITH_TIMEOUT(stream->statistics().events(), events, Timeout);
    QCOMPARE(d.model.statusText(0), QStringLiteral("Open"));
    d.workspace.tick();
    QCOMPARE(d.texts({Model::ReconnectsColumn, Model::AttemptsColumn, Model::GapsColumn, Model::IdResetsColumn}),
             counters);
    QCOMPARE(d.model.openCount(), 1);

    const QString toolTip = d.text(Model::StateColumn, Qt::ToolTipRole);
    QVERIFY2(toolTip.startsWith(head + u'\n'), qPrintable(toolTip));
    const QStringList lines = toolTip.sliced(head.size() + 1).split(u'\n');
    const QRegularExpression line(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d  attempt (\\d+), after 0\\.0 s \u2014 (.+)$"));
    QList<int> attempts;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch match = line.match(lines.at(i));
        QVERIFY2(match.hasMatch(), qPrintable(lines.at(i)));
        attempts.append(match.captured(1).toInt());
        QVERIFY2(match.captured(2).contains(i + 1 == lines.size() ? oldestReason : QStringLiteral("503")),
                 qPrintable(lines.at(i)));
    }
    QCOMPARE(attempts, listed);

    // An id that went backwards is flagged, and its cell says from where to where.
    if (!counters.endsWith(u"|0")) {
        QCOMPARE(d.value(Model::IdResetsColumn, Qt::ForegroundRole).value<QColor>(),
                 Model::statusColor(StreamStatus::Reconnecting));
        const QString resetToolTip = d.text(Model::IdResetsColumn, Qt::ToolTipRole);
        QVERIFY2(resetToolTip.contains(u"1 time") && resetToolTip.contains(u"42 \u2192 1"), qPrintable(resetToolTip));
    }
}

void TestStreamListModel::offlineCapture()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("old.jsonl")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    // Ids 1, 2, 4, then 1: a hole and a restart inside the file.
    int second = 0;
    for (const char *id : {"1", "2", "4", "1"}) {
        file.write(QByteArray(R"({"url":"http://127.0.0.1:1/old","type":"message","data":"{}","lastEventId":")")
                   + id + R"(","receivedAt":"2026-03-01T12:00:0)" + QByteArray::number(second++) + ".000Z\"}\n");
    }
    file.close();

    Dashboard d;
    QString error;
    QCOMPARE(d.workspace.openCapture(file.fileName(), &error).size(), 1);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (int i = 0; i < 3; ++i)
        d.workspace.tick();
    QCOMPARE(StreamStatus(d.value(Model::StateColumn, Model::StatusRole).toInt()), StreamStatus::Offline);
    QCOMPARE(d.texts({Model::NameColumn, Model::StateColumn, Model::EventsColumn, Model::LastEventIdColumn,
                      Model::GapsColumn, Model::IdResetsColumn, Model::ReconnectsColumn, Model::AttemptsColumn}),
             QStringLiteral("127.0.0.1:1/old (capture)|Offline capture|4|1|1|1 reset|0|0"));
    // Nothing arrives: no rates, no age.
    QCOMPARE(d.texts({Model::EventRateColumn, Model::ByteRateColumn, Model::AgeColumn}), QStringLiteral("||"));
    QCOMPARE(d.model.openCount(), 0);
    QCOMPARE(d.model.totalEventRate(), 0.0);
}

void TestStreamListModel::onlyChangedCellsAreAnnounced()
{
    Dashboard d;
    QVERIFY(d.serve({Response::events().hold().send(eventsWithIds(1, 100)).stall()}));
    d.workspace.addStream(nowhere(QStringLiteral("/idle")), {}, false);
    QSignalSpy changed(&d.model, &QAbstractItemModel::dataChanged);
    Stream *stream = d.add(true);
    QTRY_COMPARE_WITH_TIMEOUT(stream->status(), StreamStatus::Open, Timeout);
    QVERIFY(touched(changed, Model::StateColumn)); // at once, not on the next tick
    // Announced once: the next tick has nothing to add.
    changed.clear();
    d.workspace.tick();
    QCOMPARE(changed.count(), 0);
    // Time passing changes nothing shown while nothing arrived.
    d.monotonic += BucketMs;
    d.workspace.tick();
    QCOMPARE(changed.count(), 0);

    // Events are repainted on the tick, not one by one, and only in the row that got them.
    d.monotonic += BucketMs;
    d.server.release();
    QTRY_COMPARE_WITH_TIMEOUT(stream->statistics().events(), 100, Timeout);
    QCOMPARE(changed.count(), 0);
    d.workspace.tick();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
    for (int column : {Model::EventsColumn, Model::LastEventIdColumn, Model::AgeColumn})
        QVERIFY2(touched(changed, column), qPrintable(QString::number(column)));
    for (int column : {Model::NameColumn, Model::StateColumn, Model::UrlColumn})
        QVERIFY2(!touched(changed, column), qPrintable(QString::number(column)));
    QCOMPARE(d.text(Model::AgeColumn, Qt::DisplayRole, 1), QStringLiteral("0 s"));
    // Nothing new, the clocks standing still: nothing to repaint.
    changed.clear();
    d.model.refresh();
    d.model.refresh();
    QCOMPARE(changed.count(), 0);

    // The bucket completes: the rates change, and nothing before them.
    d.monotonic += 2 * BucketMs;
    d.workspace.tick();
    QCOMPARE(changed.count(), 1);
    QVERIFY(touched(changed, Model::EventRateColumn));
    QVERIFY(!touched(changed, Model::EventsColumn));

    // The age counts on the model's clock.
    changed.clear();
    d.monotonic += 3000;
    d.workspace.tick();
    QCOMPARE(d.text(Model::AgeColumn, Qt::DisplayRole, 1), QStringLiteral("3 s"));
    QVERIFY(touched(changed, Model::AgeColumn));
}

QTEST_MAIN(TestStreamListModel)
#include "tst_streamlistmodel.moc"
