#include "DisplayTime.h"
#include "EventDetailView.h"
#include "EventLogModel.h"

#include <QFontDatabase>
#include <QTest>

class TestEventDetailView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void body_data();
    void body();
    void header();
    void emptyShowsPlaceholder();
    void showsModelIndex();
    void showsCommentRow();
    void showsConnectionRow_data();
    void showsConnectionRow();
};

void TestEventDetailView::initTestCase()
{
    DisplayTime::setUtc(true); // the times below are UTC, whatever zone the machine is in
}

void TestEventDetailView::body_data()
{
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("expected");

    QTest::newRow("object, key order kept") << R"({"z":1,"a":"x"})"
                                            << "{\n    \"z\": 1,\n    \"a\": \"x\"\n}";
    QTest::newRow("array") << "[1, 2]" << "[\n    1,\n    2\n]";
    QTest::newRow("nested and empty") << R"({"a":{"b":[]},"c":{}})"
                                       << "{\n    \"a\": {\n        \"b\": []\n    },\n"
                                          "    \"c\": {}\n}";
    QTest::newRow("big integer kept") << R"({"n":12345678901234567890})"
                                      << "{\n    \"n\": 12345678901234567890\n}";
    QTest::newRow("punctuation inside strings") << R"({"s":"a,b:{c}[\"d\"]"})"
                                                << "{\n    \"s\": \"a,b:{c}[\\\"d\\\"]\"\n}";
    QTest::newRow("already indented") << "{\n  \"a\" : 1\n}" << "{\n    \"a\": 1\n}";
    QTest::newRow("plain text") << "hello, world: {x}" << "hello, world: {x}";
    QTest::newRow("broken JSON") << R"({"a": )" << R"({"a": )";
    QTest::newRow("scalar") << "42" << "42";
    QTest::newRow("multi-line text") << "line 1\nline 2" << "line 1\nline 2";
    QTest::newRow("empty") << "" << "";
}

void TestEventDetailView::body()
{
    QFETCH(QString, data);
    QFETCH(QString, expected);

    EventDetailView view;
    SseEvent event;
    event.data = data;
    view.showEvent(QStringLiteral("s"), event, QDateTime::currentDateTimeUtc());
    const QString text = view.toPlainText();
    const qsizetype bodyStart = text.indexOf(QStringLiteral("\n\n"));
    QVERIFY(bodyStart > 0);
    QCOMPARE(text.mid(bodyStart + 2), expected);
}

void TestEventDetailView::header()
{
    EventDetailView view;
    SseEvent event;
    event.type = QStringLiteral("tick");
    event.lastEventId = QStringLiteral("42");
    event.data = QStringLiteral("x");
    const QDateTime at = QDateTime::fromString(QStringLiteral("2026-11-23T19:00:00.123Z"),
                                               Qt::ISODateWithMs);
    view.showEvent(QStringLiteral("demo"), event, at);

    const QStringList lines = view.toPlainText().split(u'\n');
    QCOMPARE(lines.value(0), QStringLiteral("Time:   2026-11-23T19:00:00.123Z"));
    QCOMPARE(lines.value(1), QStringLiteral("Stream: demo"));
    QCOMPARE(lines.value(2), QStringLiteral("Type:   tick"));
    QCOMPARE(lines.value(3), QStringLiteral("ID:     42"));
    QVERIFY(view.isReadOnly());
    QCOMPARE(view.font(), QFontDatabase::systemFont(QFontDatabase::FixedFont));
}

void TestEventDetailView::emptyShowsPlaceholder()
{
    EventDetailView view;
    QVERIFY(view.toPlainText().isEmpty());
    QCOMPARE(view.placeholderText(), QStringLiteral("Select an event to see it whole"));

    SseEvent event;
    event.data = QStringLiteral("x");
    view.showEvent(QStringLiteral("s"), event, QDateTime::currentDateTime());
    QVERIFY(!view.toPlainText().isEmpty());
    view.clear();
    QVERIFY(view.toPlainText().isEmpty());
}

void TestEventDetailView::showsModelIndex()
{
    EventLogModel log;
    CapturedEvent captured;
    captured.url = QStringLiteral("http://127.0.0.1:1/one");
    captured.event.type = QStringLiteral("update");
    captured.event.lastEventId = QStringLiteral("7");
    captured.event.data = QString(300, u'a') + QStringLiteral("\nend");
    captured.receivedAt = QDateTime::currentDateTimeUtc();
    const SseEvent &event = captured.event;
    log.setStreamName(4, QStringLiteral("stream one"));
    log.appendEvents(4, {captured});
    log.flush();

    EventDetailView view;
    view.showIndex(log.index(0, EventLogModel::DataColumn));
    const QString text = view.toPlainText();
    QVERIFY(text.contains(QStringLiteral("Stream: stream one")));
    QVERIFY(text.contains(QStringLiteral("Type:   update")));
    QVERIFY(text.contains(QStringLiteral("ID:     7")));
    QVERIFY2(text.endsWith(event.data), "the whole data, not the preview");

    view.showIndex({});
    QVERIFY(view.toPlainText().isEmpty());
}

void TestEventDetailView::showsCommentRow()
{
    EventLogModel log;
    log.setStreamName(4, QStringLiteral("stream one"));
    const QDateTime at(QDate(2026, 12, 4), QTime(5, 0, 1, 250), Qt::UTC);
    log.appendComments(4, {{QStringLiteral("heartbeat 17"), at, 1, QStringLiteral("http://127.0.0.1:1/one")}});
    log.flush();
    EventDetailView view;
    view.showIndex(log.index(0, EventLogModel::DataColumn));
    const QString text = view.toPlainText();
    QVERIFY2(text.contains(u"Stream: stream one") && text.contains(u"Type:   " + EventLogModel::commentTypeText())
                 && text.contains(u"2026-12-04T05:00:01.250") && text.endsWith(u"heartbeat 17"),
             qPrintable(text));
    QVERIFY(!text.contains(u"ID:")); // a comment has none
}

void TestEventDetailView::showsConnectionRow_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QStringList>("lines");

    using Kind = ConnectionEvent::Kind;
    QTest::newRow("lost") << int(Kind::Lost) << QStringLiteral("HTTP 503")
                          << QStringList{"Connection lost \u2014 HTTP 503", "Reason:      HTTP 503",
                                         "Connection:  2"};
    QTest::newRow("reconnecting")
        << int(Kind::ReconnectScheduled) << QStringLiteral("Connection refused")
        << QStringList{"Reconnecting in 2.5 s (attempt 3 \u2014 Connection refused)",
                       "Attempt:     3",
                       "Next try:    2026-11-23T19:00:02.500Z (after 2.5 s)"};
    QTest::newRow("failed") << int(Kind::Failed) << QStringLiteral("Content-Type text/html")
                            << QStringList{"Failed: Content-Type text/html",
                                           "Reason:      Content-Type text/html"};
}

void TestEventDetailView::showsConnectionRow()
{
    QFETCH(int, kind);
    QFETCH(QString, reason);
    QFETCH(QStringList, lines);

    ConnectionEvent event;
    event.kind = ConnectionEvent::Kind(kind);
    event.timeMs = QDateTime::fromString(QStringLiteral("2026-11-23T19:00:00.000Z"), Qt::ISODateWithMs)
                       .toMSecsSinceEpoch();
    event.reason = reason;
    event.connection = 2;
    event.attempt = 3;
    event.delayMs = 2500;
    EventLogModel log;
    log.setStreamName(1, QStringLiteral("orders"));
    log.appendConnectionEvent(1, event);
    log.flush();

    EventDetailView view;
    view.showIndex(log.index(0, EventLogModel::TypeColumn));
    const QStringList shown = view.toPlainText().split(u'\n');
    QCOMPARE(shown.value(0), QStringLiteral("Time:   2026-11-23T19:00:00.000Z"));
    QCOMPARE(shown.value(1), QStringLiteral("Stream: orders"));
    QCOMPARE(shown.value(2), QStringLiteral("Type:   ") + EventLogModel::connectionTypeText());
    for (const QString &line : std::as_const(lines))
        QVERIFY2(shown.contains(line), qPrintable(view.toPlainText()));
    QCOMPARE(shown.contains(QStringLiteral("Attempt:     3")),
             event.kind == ConnectionEvent::Kind::ReconnectScheduled);
}

QTEST_MAIN(TestEventDetailView)

#include "tst_eventdetailview.moc"
