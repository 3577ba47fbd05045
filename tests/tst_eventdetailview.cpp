#include "EventDetailView.h"
#include "EventLogModel.h"

#include <QFontDatabase>
#include <QTest>

class TestEventDetailView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void body_data();
    void body();
    void header();
    void emptyShowsPlaceholder();
    void showsModelIndex();
};

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
    SseEvent event;
    event.type = QStringLiteral("update");
    event.lastEventId = QStringLiteral("7");
    event.data = QString(300, u'a') + QStringLiteral("\nend");
    log.append(QStringLiteral("stream one"), event);
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

QTEST_MAIN(TestEventDetailView)

#include "tst_eventdetailview.moc"
