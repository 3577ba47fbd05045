#include "MimeType.h"

#include <QtTest>

class TestMimeType : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isEventStream_data();
    void isEventStream();
};

void TestMimeType::isEventStream_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<bool>("expected");

    QTest::newRow("essence") << QByteArray("text/event-stream") << true;
    QTest::newRow("charset utf-8") << QByteArray("text/event-stream;charset=utf-8") << true;
    QTest::newRow("charset with space") << QByteArray("text/event-stream; charset=utf-8") << true;
    QTest::newRow("charset windows-1252 is ignored")
        << QByteArray("text/event-stream;charset=windows-1252") << true;
    QTest::newRow("several parameters") << QByteArray("text/event-stream; charset=utf-8; x=\"a;b\"")
                                        << true;
    QTest::newRow("trailing semicolon") << QByteArray("text/event-stream;") << true;
    QTest::newRow("upper case") << QByteArray("TEXT/EVENT-STREAM") << true;
    QTest::newRow("mixed case") << QByteArray("TEXT/Event-Stream") << true;
    QTest::newRow("surrounding spaces") << QByteArray("  text/event-stream  ") << true;
    QTest::newRow("surrounding tabs") << QByteArray("\ttext/event-stream\t") << true;
    QTest::newRow("space before the semicolon") << QByteArray("text/event-stream ;charset=utf-8")
                                                << true;

    QTest::newRow("text/x-bogus") << QByteArray("text/x-bogus") << false;
    QTest::newRow("x bogus") << QByteArray("x bogus") << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("only whitespace") << QByteArray("   ") << false;
    QTest::newRow("only parameters") << QByteArray(";charset=utf-8") << false;
    QTest::newRow("text/event-streamx") << QByteArray("text/event-streamx") << false;
    QTest::newRow("text/event-stream-foo") << QByteArray("text/event-stream-foo") << false;
    QTest::newRow("text/event-stream/x") << QByteArray("text/event-stream/x") << false;
    QTest::newRow("text/html") << QByteArray("text/html") << false;
    QTest::newRow("text/plain") << QByteArray("text/plain") << false;
    QTest::newRow("application/event-stream") << QByteArray("application/event-stream") << false;
    QTest::newRow("subtype only") << QByteArray("event-stream") << false;
    QTest::newRow("type only") << QByteArray("text/") << false;
    QTest::newRow("missing type") << QByteArray("/event-stream") << false;
    QTest::newRow("space inside before the slash") << QByteArray("text /event-stream") << false;
    QTest::newRow("space inside after the slash") << QByteArray("text/ event-stream") << false;
    QTest::newRow("space inside the subtype") << QByteArray("text/event stream") << false;
    QTest::newRow("vertical tab is not HTTP whitespace") << QByteArray("\vtext/event-stream")
                                                         << false;
    QTest::newRow("form feed is not HTTP whitespace") << QByteArray("text/event-stream\f") << false;
    QTest::newRow("NUL after the essence") << QByteArray("text/event-stream\0", 18) << false;
}

void TestMimeType::isEventStream()
{
    QFETCH(QByteArray, contentType);
    QFETCH(bool, expected);
    QCOMPARE(MimeType::isEventStream(contentType), expected);
}

QTEST_GUILESS_MAIN(TestMimeType)
#include "tst_mimetype.moc"
