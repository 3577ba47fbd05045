#include "EventLogFilterModel.h"
#include "EventLogModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

constexpr quint64 A = 1;
constexpr quint64 B = 2;
constexpr quint64 C = 3;
constexpr auto QtTestReporting = QAbstractItemModelTester::FailureReportingMode::QtTest;

QList<CapturedEvent> makeEvent(const QString &type, const QString &id, const QString &data)
{
    CapturedEvent captured;
    captured.url = QStringLiteral("http://127.0.0.1:1/e");
    captured.event.type = type;
    captured.event.lastEventId = id;
    captured.event.data = data;
    captured.receivedAt = QDateTime::currentDateTimeUtc();
    return {captured};
}

ConnectionEvent makeConnection(ConnectionEvent::Kind kind, const QString &reason)
{
    ConnectionEvent event;
    event.kind = kind;
    event.timeMs = QDateTime::currentMSecsSinceEpoch();
    event.reason = reason;
    event.connection = 1;
    return event;
}

QStringList visibleIds(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, EventLogModel::IdColumn).data().toString());
    return ids;
}

// Event rows by ID, connection rows by their text.
QStringList visibleRows(const QAbstractItemModel &model)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, EventLogModel::DataColumn);
        const bool isEvent =
            index.data(EventLogModel::KindRole).toInt() == int(EventLogModel::RowKind::Event);
        rows.append(isEvent ? index.data(EventLogModel::IdRole).toString() : index.data().toString());
    }
    return rows;
}

} // namespace

class TestEventLogFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filters_data();
    void filters();
    void connectionRows_data();
    void connectionRows();
    void matchesWholeDataNotPreview();
    void filtersRowsAsTheyArrive();
    void followsTheCap();
    void followsStreamRemoval();
    void settersRefilterExistingRows();
    void alertRows_data();
    void alertRows();
    void commentRows_data();
    void commentRows();
};

void TestEventLogFilter::filters_data()
{
    QTest::addColumn<bool>("allStreams");
    QTest::addColumn<QList<quint64>>("streams");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    const QStringList none;
    const QList<quint64> noStream;
    QTest::newRow("everything") << true << noStream << QString() << QString()
                                << QStringList{"1", "2", "3", "abc"};
    QTest::newRow("one stream") << false << QList<quint64>{A} << QString() << QString()
                                << QStringList{"1", "3"};
    QTest::newRow("two streams") << false << QList<quint64>{A, C} << QString() << QString()
                                 << QStringList{"1", "3", "abc"};
    QTest::newRow("no stream") << false << noStream << QString() << QString() << none;
    QTest::newRow("unknown stream") << false << QList<quint64>{99} << QString() << QString() << none;
    QTest::newRow("type") << true << noStream << "tick" << QString() << QStringList{"2", "3"};
    QTest::newRow("type is exact") << true << noStream << "tic" << QString() << none;
    QTest::newRow("text in data, any case") << true << noStream << QString() << "hello"
                                            << QStringList{"2"};
    QTest::newRow("text in id") << true << noStream << QString() << "AB" << QStringList{"abc"};
    QTest::newRow("text in type") << true << noStream << QString() << "TICK"
                                  << QStringList{"2", "3"};
    QTest::newRow("text in JSON") << true << noStream << QString() << "\"count\""
                                  << QStringList{"1"};
    QTest::newRow("stream and type") << false << QList<quint64>{A} << "tick" << QString()
                                     << QStringList{"3"};
    QTest::newRow("stream, type and text") << false << QList<quint64>{A, B} << "tick" << "o"
                                           << QStringList{"2", "3"};
    QTest::newRow("all three, no match") << false << QList<quint64>{B} << "message" << "x"
                                         << none;
    QTest::newRow("text matches nothing") << true << noStream << QString() << "zzz" << none;
}

void TestEventLogFilter::filters()
{
    QFETCH(bool, allStreams);
    QFETCH(QList<quint64>, streams);
    QFETCH(QString, type);
    QFETCH(QString, text);
    QFETCH(QStringList, expected);

    EventLogModel log;
    log.appendEvents(A, makeEvent("message", "1", "{\"count\": 1}"));
    log.appendEvents(B, makeEvent("tick", "2", "Hello World"));
    log.appendEvents(A, makeEvent("tick", "3", "other"));
    log.appendEvents(C, makeEvent("message", "abc", "x"));
    log.flush();

    EventLogFilterModel filter;
    QAbstractItemModelTester tester(&filter, QtTestReporting);
    filter.setSourceModel(&log);
    if (!allStreams)
        filter.setAcceptedStreams(QSet<quint64>(streams.begin(), streams.end()));
    filter.setEventType(type);
    filter.setSearchText(text);
    QCOMPARE(visibleIds(filter), expected);

    filter.acceptAllStreams();
    filter.setEventType({});
    filter.setSearchText({});
    QCOMPARE(visibleIds(filter), (QStringList{"1", "2", "3", "abc"}));
}

void TestEventLogFilter::connectionRows_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("connectionRowsOnly");
    QTest::addColumn<bool>("connectionRowsShown");
    QTest::addColumn<QList<quint64>>("streams"); // empty: all
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    const QString lost = QStringLiteral("Connection lost \u2014 HTTP 503");
    const QString opened = QStringLiteral("Opened (connection 1)");
    const QString failed = QStringLiteral("Failed: Content-Type text/html");
    const QList<quint64> all;
    QTest::newRow("all types: events and connection rows")
        << QString() << false << true << all << QString()
        << QStringList{"1", lost, "2", opened, "3", failed};
    QTest::newRow("connection rows hidden")
        << QString() << false << false << all << QString() << QStringList{"1", "2", "3"};
    QTest::newRow("pseudo-type: connection rows only")
        << QString() << true << true << all << QString() << QStringList{lost, opened, failed};
    QTest::newRow("pseudo-type wins over hiding")
        << QString() << true << false << all << QString() << QStringList{lost, opened, failed};
    QTest::newRow("an event type shows no connection row")
        << QStringLiteral("tick") << false << true << all << QString() << QStringList{"1", "3"};
    QTest::newRow("an event type named like the pseudo-type")
        << QStringLiteral("connection") << false << true << all << QString() << QStringList{"2"};
    QTest::newRow("connection rows of one stream")
        << QString() << true << true << QList<quint64>{B} << QString() << QStringList{failed};
    QTest::newRow("search finds a reason")
        << QString() << false << true << all << QStringLiteral("503") << QStringList{lost};
    QTest::newRow("search finds connection text and event data")
        << QString() << false << true << all << QStringLiteral("opened")
        << QStringList{opened, "3"};
    QTest::newRow("search within the pseudo-type")
        << QString() << true << true << all << QStringLiteral("text/html") << QStringList{failed};
}

void TestEventLogFilter::connectionRows()
{
    QFETCH(QString, type);
    QFETCH(bool, connectionRowsOnly);
    QFETCH(bool, connectionRowsShown);
    QFETCH(QList<quint64>, streams);
    QFETCH(QString, text);
    QFETCH(QStringList, expected);

    EventLogModel log;
    QAbstractItemModelTester logTester(&log, QtTestReporting);
    EventLogFilterModel filter;
    QAbstractItemModelTester tester(&filter, QtTestReporting);
    filter.setSourceModel(&log);
    log.appendEvents(A, makeEvent("tick", "1", "a"));
    log.appendConnectionEvent(A, makeConnection(ConnectionEvent::Kind::Lost, "HTTP 503"));
    log.appendEvents(A, makeEvent("connection", "2", "b"));
    log.appendConnectionEvent(A, makeConnection(ConnectionEvent::Kind::Opened, {}));
    log.appendEvents(B, makeEvent("tick", "3", "reopened"));
    log.appendConnectionEvent(B, makeConnection(ConnectionEvent::Kind::Failed,
                                                "Content-Type text/html"));
    log.flush();

    filter.setEventType(type);
    filter.setConnectionRowsOnly(connectionRowsOnly);
    filter.setConnectionRowsShown(connectionRowsShown);
    if (!streams.isEmpty())
        filter.setAcceptedStreams(QSet<quint64>(streams.begin(), streams.end()));
    filter.setSearchText(text);
    QCOMPARE(visibleRows(filter), expected);
    QCOMPARE(filter.connectionRowsOnly(), connectionRowsOnly);
    QCOMPARE(filter.connectionRowsShown(), connectionRowsShown);

    // Choosing an event type ends the pseudo-type.
    filter.setEventType(QStringLiteral("tick"));
    QVERIFY(!filter.connectionRowsOnly());
}

void TestEventLogFilter::matchesWholeDataNotPreview()
{
    EventLogModel log;
    const QString longData = QString(500, u'a') + QStringLiteral("needle");
    log.appendEvents(A, makeEvent("message", "1", longData));
    log.flush();
    QVERIFY(!log.index(0, EventLogModel::DataColumn).data().toString().contains("needle"));

    EventLogFilterModel filter;
    filter.setSourceModel(&log);
    filter.setSearchText(QStringLiteral("NEEDLE"));
    QCOMPARE(filter.rowCount(), 1);
}

void TestEventLogFilter::filtersRowsAsTheyArrive()
{
    EventLogModel log;
    EventLogFilterModel filter;
    QAbstractItemModelTester tester(&filter, QtTestReporting);
    filter.setSourceModel(&log);
    filter.setAcceptedStreams({A});
    filter.setSearchText(QStringLiteral("keep"));

    QSignalSpy resets(&filter, &QAbstractItemModel::modelReset);
    QSignalSpy layouts(&filter, &QAbstractItemModel::layoutChanged);
    QSignalSpy inserts(&filter, &QAbstractItemModel::rowsInserted);

    for (int tick = 0; tick < 3; ++tick) {
        for (int i = 0; i < 10; ++i) {
            const QString id = QStringLiteral("%1-%2").arg(tick).arg(i);
            log.appendEvents(i % 2 ? A : B, makeEvent("message", id, i % 3 ? "keep" : "drop"));
        }
        log.flush();
    }

    QStringList expected;
    for (int tick = 0; tick < 3; ++tick) {
        for (int i = 0; i < 10; ++i) {
            if (i % 2 && i % 3)
                expected.append(QStringLiteral("%1-%2").arg(tick).arg(i));
        }
    }
    QCOMPARE(visibleIds(filter), expected);
    QCOMPARE(inserts.count(), 3);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(layouts.count(), 0);
}

void TestEventLogFilter::followsTheCap()
{
    EventLogModel log;
    log.setMaximumRows(5);
    EventLogFilterModel filter;
    QAbstractItemModelTester tester(&filter, QtTestReporting);
    filter.setSourceModel(&log);
    filter.setEventType(QStringLiteral("even"));

    for (int i = 0; i < 12; ++i) {
        log.appendEvents(A, makeEvent(i % 2 ? "odd" : "even", QString::number(i), QString()));
        if (i % 3 == 2)
            log.flush();
    }
    log.flush();
    // The source keeps 7..11; of those, 8 and 10 are even.
    QCOMPARE(visibleIds(filter), (QStringList{"8", "10"}));
}

void TestEventLogFilter::followsStreamRemoval()
{
    EventLogModel log;
    EventLogFilterModel filter;
    QAbstractItemModelTester tester(&filter, QtTestReporting);
    filter.setSourceModel(&log);
    filter.setAcceptedStreams({A, B});
    for (int i = 0; i < 60; ++i)
        log.appendEvents(i % 3 == 0 ? A : (i % 3 == 1 ? B : C), makeEvent("m", QString::number(i), {}));
    log.flush();
    QCOMPARE(filter.rowCount(), 40);
    log.removeStream(A); // 20 separate runs: removed in one layout change
    QCOMPARE(filter.rowCount(), 20);
    QCOMPARE(visibleIds(filter).first(), QStringLiteral("1"));
    log.removeStream(C);
    QCOMPARE(filter.rowCount(), 20);
    log.removeStream(B);
    QCOMPARE(filter.rowCount(), 0);
}

void TestEventLogFilter::settersRefilterExistingRows()
{
    EventLogModel log;
    log.appendEvents(A, makeEvent("message", "1", "x"));
    log.flush();
    EventLogFilterModel filter;
    filter.setSourceModel(&log);
    filter.setSearchText(QStringLiteral("x"));
    filter.setAcceptedStreams({A});

    QSignalSpy layouts(&filter, &QAbstractItemModel::layoutChanged);
    QSignalSpy removes(&filter, &QAbstractItemModel::rowsRemoved);
    QSignalSpy resets(&filter, &QAbstractItemModel::modelReset);
    QCOMPARE(filter.rowCount(), 1);
    filter.setSearchText(QStringLiteral("y"));
    QCOMPARE(removes.count(), 1);
    QCOMPARE(layouts.count() + resets.count(), 0);
    QCOMPARE(filter.rowCount(), 0);
    QVERIFY(!filter.acceptsAllStreams());
    QCOMPARE(filter.acceptedStreams(), QSet<quint64>{A});
    filter.acceptAllStreams();
    QVERIFY(filter.acceptsAllStreams());
}

void TestEventLogFilter::alertRows_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("connectionRowsOnly");
    QTest::addColumn<bool>("alertRowsOnly");
    QTest::addColumn<bool>("alertRowsShown");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    const QString lost = QStringLiteral("Connection lost \u2014 HTTP 503");
    const QString fired = QStringLiteral("/count > 3 (value 4)");
    QTest::newRow("shown among everything") << QString() << false << false << true << QString()
                                            << QStringList{"1", lost, fired};
    QTest::newRow("hidden") << QString() << false << false << false << QString()
                            << QStringList{"1", lost};
    QTest::newRow("alerts only") << QString() << false << true << true << QString()
                                 << QStringList{fired};
    QTest::newRow("alerts only, even when hidden") << QString() << false << true << false << QString()
                                                   << QStringList{fired};
    QTest::newRow("connections only") << QString() << true << false << true << QString()
                                      << QStringList{lost};
    QTest::newRow("an event type") << "tick" << false << false << true << QString()
                                   << QStringList{"1"};
    QTest::newRow("text in the rule") << QString() << false << false << true << "COUNT >"
                                      << QStringList{fired};
    QTest::newRow("text in the detail") << QString() << false << false << true << "went up"
                                        << QStringList{fired};
}

void TestEventLogFilter::alertRows()
{
    QFETCH(QString, type);
    QFETCH(bool, connectionRowsOnly);
    QFETCH(bool, alertRowsOnly);
    QFETCH(bool, alertRowsShown);
    QFETCH(QString, text);
    QFETCH(QStringList, expected);

    EventLogModel log;
    EventLogFilterModel filter;
    QAbstractItemModelTester tester(&filter, QtTestReporting);
    filter.setSourceModel(&log);
    log.appendEvents(A, makeEvent("tick", "1", "a"));
    log.appendConnectionEvent(A, makeConnection(ConnectionEvent::Kind::Lost, "HTTP 503"));
    AlertTransition transition;
    transition.ruleText = QStringLiteral("/count > 3");
    transition.state = AlertTransition::State::Firing;
    transition.timeMs = QDateTime::currentMSecsSinceEpoch();
    transition.value = 4;
    transition.detail = QStringLiteral("the value went up");
    log.appendAlertTransition(B, transition);
    log.flush();

    filter.setEventType(type);
    filter.setConnectionRowsOnly(connectionRowsOnly);
    filter.setAlertRowsOnly(alertRowsOnly);
    filter.setAlertRowsShown(alertRowsShown);
    filter.setSearchText(text);
    QCOMPARE(visibleRows(filter), expected);
    QCOMPARE(filter.alertRowsOnly(), alertRowsOnly);
    // Each "only" ends the other; a type ends both.
    filter.setConnectionRowsOnly(true);
    QVERIFY(!filter.alertRowsOnly());
    filter.setAlertRowsOnly(true);
    QVERIFY(!filter.connectionRowsOnly());
    filter.setEventType(QString());
    QVERIFY(!filter.alertRowsOnly() && !filter.connectionRowsOnly());
}

void TestEventLogFilter::commentRows_data()
{
    QTest::addColumn<QString>("only"); // "", "comments", "connections"
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("commentRowsShown");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    const QString lost = QStringLiteral("Connection lost \u2014 HTTP 503");
    QTest::newRow("hidden by default") << QString() << QString() << false << QString()
                                       << QStringList{"1", lost};
    QTest::newRow("shown among everything") << QString() << QString() << true << QString()
                                            << QStringList{"heartbeat", "1", "ping 2", lost};
    QTest::newRow("comments only, even when hidden") << "comments" << QString() << false << QString()
                                                     << QStringList{"heartbeat", "ping 2"};
    QTest::newRow("comments only, searched") << "comments" << QString() << false << "PING"
                                             << QStringList{"ping 2"};
    QTest::newRow("an event type hides them") << QString() << "tick" << true << QString() << QStringList{"1"};
    QTest::newRow("connections only") << "connections" << QString() << true << QString() << QStringList{lost};
    QTest::newRow("search finds comment text when shown") << QString() << QString() << true << "beat"
                                                          << QStringList{"heartbeat"};
}

void TestEventLogFilter::commentRows()
{
    QFETCH(QString, only);
    QFETCH(QString, type);
    QFETCH(bool, commentRowsShown);
    QFETCH(QString, text);
    QFETCH(QStringList, expected);

    EventLogModel log;
    QAbstractItemModelTester logTester(&log, QtTestReporting);
    EventLogFilterModel filter;
    QAbstractItemModelTester tester(&filter, QtTestReporting);
    filter.setSourceModel(&log);
    QVERIFY(!filter.commentRowsShown());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    log.appendComments(A, {{QStringLiteral("heartbeat"), now, 1, {}}});
    log.appendEvents(A, makeEvent("tick", "1", "a"));
    log.appendComments(B, {{QStringLiteral("ping 2"), now, 1, {}}});
    log.appendConnectionEvent(A, makeConnection(ConnectionEvent::Kind::Lost, "HTTP 503"));
    log.flush();
    QCOMPARE(log.rowCount(), 4); // kept, whether shown or not
    const QModelIndex comment = log.index(0, EventLogModel::TypeColumn);
    QCOMPARE(comment.data(EventLogModel::KindRole).toInt(), int(EventLogModel::RowKind::Comment));
    QCOMPARE(comment.data().toString(), EventLogModel::commentTypeText());
    QCOMPARE(comment.data(EventLogModel::FullDataRole).toString(), QStringLiteral("heartbeat"));
    QVERIFY(comment.data(EventLogModel::TypeRole).toString().isEmpty()); // no event type of its own

    filter.setCommentRowsShown(commentRowsShown);
    filter.setEventType(type);
    if (only == u"comments")
        filter.setCommentRowsOnly(true);
    else if (only == u"connections")
        filter.setConnectionRowsOnly(true);
    filter.setSearchText(text);
    QCOMPARE(visibleRows(filter), expected);
    QCOMPARE(filter.commentRowsOnly(), only == u"comments");
}

QTEST_GUILESS_MAIN(TestEventLogFilter)

#include "tst_eventlogfilter.moc"
