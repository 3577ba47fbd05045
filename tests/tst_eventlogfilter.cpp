#include "EventLogFilterModel.h"
#include "EventLogModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

SseEvent makeEvent(const QString &type, const QString &id, const QString &data)
{
    SseEvent event;
    event.type = type;
    event.lastEventId = id;
    event.data = data;
    return event;
}

QStringList visibleIds(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, EventLogModel::IdColumn).data().toString());
    return ids;
}

} // namespace

class TestEventLogFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filters_data();
    void filters();
    void matchesWholeDataNotPreview();
    void filtersRowsAsTheyArrive();
    void followsTheCap();
    void settersRefilterExistingRows();
};

void TestEventLogFilter::filters_data()
{
    QTest::addColumn<bool>("allStreams");
    QTest::addColumn<QStringList>("streams");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    const QStringList none;
    QTest::newRow("everything") << true << none << QString() << QString()
                                << QStringList{"1", "2", "3", "abc"};
    QTest::newRow("one stream") << false << QStringList{"A"} << QString() << QString()
                                << QStringList{"1", "3"};
    QTest::newRow("two streams") << false << QStringList{"A", "C"} << QString() << QString()
                                 << QStringList{"1", "3", "abc"};
    QTest::newRow("no stream") << false << none << QString() << QString() << none;
    QTest::newRow("type") << true << none << "tick" << QString() << QStringList{"2", "3"};
    QTest::newRow("type is exact") << true << none << "tic" << QString() << none;
    QTest::newRow("text in data, any case") << true << none << QString() << "hello"
                                            << QStringList{"2"};
    QTest::newRow("text in id") << true << none << QString() << "AB" << QStringList{"abc"};
    QTest::newRow("text in type") << true << none << QString() << "TICK"
                                  << QStringList{"2", "3"};
    QTest::newRow("text in JSON") << true << none << QString() << "\"count\""
                                  << QStringList{"1"};
    QTest::newRow("stream and type") << false << QStringList{"A"} << "tick" << QString()
                                     << QStringList{"3"};
    QTest::newRow("stream, type and text") << false << QStringList{"A", "B"} << "tick" << "o"
                                           << QStringList{"2", "3"};
    QTest::newRow("all three, no match") << false << QStringList{"B"} << "message" << "x"
                                         << none;
    QTest::newRow("text matches nothing") << true << none << QString() << "zzz" << none;
}

void TestEventLogFilter::filters()
{
    QFETCH(bool, allStreams);
    QFETCH(QStringList, streams);
    QFETCH(QString, type);
    QFETCH(QString, text);
    QFETCH(QStringList, expected);

    EventLogModel log;
    log.append(QStringLiteral("A"), makeEvent("message", "1", "{\"count\": 1}"));
    log.append(QStringLiteral("B"), makeEvent("tick", "2", "Hello World"));
    log.append(QStringLiteral("A"), makeEvent("tick", "3", "other"));
    log.append(QStringLiteral("C"), makeEvent("message", "abc", "x"));
    log.flush();

    EventLogFilterModel filter;
    QAbstractItemModelTester tester(&filter);
    filter.setSourceModel(&log);
    if (!allStreams)
        filter.setAcceptedStreams(QSet<QString>(streams.begin(), streams.end()));
    filter.setEventType(type);
    filter.setSearchText(text);
    QCOMPARE(visibleIds(filter), expected);

    filter.acceptAllStreams();
    filter.setEventType({});
    filter.setSearchText({});
    QCOMPARE(visibleIds(filter), (QStringList{"1", "2", "3", "abc"}));
}

void TestEventLogFilter::matchesWholeDataNotPreview()
{
    EventLogModel log;
    const QString longData = QString(500, u'a') + QStringLiteral("needle");
    log.append(QStringLiteral("A"), makeEvent("message", "1", longData));
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
    QAbstractItemModelTester tester(&filter);
    filter.setSourceModel(&log);
    filter.setAcceptedStreams({QStringLiteral("A")});
    filter.setSearchText(QStringLiteral("keep"));

    QSignalSpy resets(&filter, &QAbstractItemModel::modelReset);
    QSignalSpy layouts(&filter, &QAbstractItemModel::layoutChanged);
    QSignalSpy inserts(&filter, &QAbstractItemModel::rowsInserted);

    for (int tick = 0; tick < 3; ++tick) {
        for (int i = 0; i < 10; ++i) {
            const QString id = QStringLiteral("%1-%2").arg(tick).arg(i);
            log.append(i % 2 ? QStringLiteral("A") : QStringLiteral("B"),
                       makeEvent("message", id, i % 3 ? "keep" : "drop"));
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
    QAbstractItemModelTester tester(&filter);
    filter.setSourceModel(&log);
    filter.setEventType(QStringLiteral("even"));

    for (int i = 0; i < 12; ++i) {
        log.append(QStringLiteral("A"),
                   makeEvent(i % 2 ? "odd" : "even", QString::number(i), QString()));
        if (i % 3 == 2)
            log.flush();
    }
    log.flush();
    // The source keeps 7..11; of those, 8 and 10 are even.
    QCOMPARE(visibleIds(filter), (QStringList{"8", "10"}));
}

void TestEventLogFilter::settersRefilterExistingRows()
{
    EventLogModel log;
    log.append(QStringLiteral("A"), makeEvent("message", "1", "x"));
    log.flush();
    EventLogFilterModel filter;
    filter.setSourceModel(&log);
    filter.setSearchText(QStringLiteral("x"));
    filter.setAcceptedStreams({QStringLiteral("A")});

    QSignalSpy layouts(&filter, &QAbstractItemModel::layoutChanged);
    QSignalSpy removes(&filter, &QAbstractItemModel::rowsRemoved);
    QSignalSpy resets(&filter, &QAbstractItemModel::modelReset);
    QCOMPARE(filter.rowCount(), 1);
    filter.setSearchText(QStringLiteral("y"));
    QCOMPARE(removes.count(), 1);
    QCOMPARE(layouts.count() + resets.count(), 0);
    QCOMPARE(filter.rowCount(), 0);
    QVERIFY(!filter.acceptsAllStreams());
    filter.acceptAllStreams();
    QVERIFY(filter.acceptsAllStreams());
}

QTEST_GUILESS_MAIN(TestEventLogFilter)

#include "tst_eventlogfilter.moc"
