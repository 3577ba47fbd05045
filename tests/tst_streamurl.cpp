#include "StreamUrl.h"

#include <QTest>

class TestStreamUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromUserInput_data();
    void fromUserInput();
    void defaultName_data();
    void defaultName();
    void withoutRepeatedScheme_data();
    void withoutRepeatedScheme();
    void isBareScheme_data();
    void isBareScheme();
};

void TestStreamUrl::fromUserInput_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // the URL, or "error:" and a part of the message

    QTest::newRow("http") << "http://127.0.0.1:8080/events" << "http://127.0.0.1:8080/events";
    QTest::newRow("https") << "https://example.org/sse?x=1" << "https://example.org/sse?x=1";
    QTest::newRow("upper-case scheme") << "HTTP://example.org/e" << "http://example.org/e";
    QTest::newRow("spaces around") << "  http://localhost/e  " << "http://localhost/e";
    QTest::newRow("tab and newline around") << "\thttp://localhost/e\n" << "http://localhost/e";
    QTest::newRow("no scheme") << "localhost:8080/events" << "http://localhost:8080/events";
    QTest::newRow("URL in the query") << "http://h/r?to=http://x/" << "http://h/r?to=http://x/";
    QTest::newRow("empty") << "" << "error:Enter the URL of a text/event-stream";
    QTest::newRow("blank") << "   " << "error:Enter the URL";
    QTest::newRow("scheme only") << "http://" << "error:Enter the URL";
    QTest::newRow("https only") << " https:// " << "error:Enter the URL";
    QTest::newRow("scheme twice") << "http://http://127.0.0.1:1/e"
                                  << "error:\"http://http://127.0.0.1:1/e\" gives the scheme twice; "
                                     "did you mean http://127.0.0.1:1/e?";
    QTest::newRow("http then https") << "http://https://x/e" << "error:did you mean https://x/e?";
    QTest::newRow("https then http") << "HTTPS://http://x/e" << "error:gives the scheme twice";
    QTest::newRow("ftp") << "ftp://example.org/x" << "error:Only http and https URLs";
    QTest::newRow("file") << "file:///tmp/x" << "error:Only http and https URLs";
    QTest::newRow("no host") << "http:///events" << "error:names no host";
    QTest::newRow("bad port") << "http://host:99999999/" << "error:is not a valid URL";
    QTest::newRow("space in host") << "http://a b/" << "error:is not a valid URL";
}

void TestStreamUrl::fromUserInput()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);

    QString error = QStringLiteral("stale");
    const QUrl url = StreamUrl::fromUserInput(input, &error);
    if (expected.startsWith(u"error:")) {
        QVERIFY2(!url.isValid(), qPrintable(url.toString()));
        QVERIFY2(error.contains(expected.mid(6)), qPrintable(error));
    } else {
        QVERIFY2(url.isValid(), qPrintable(error));
        QCOMPARE(url.toString(), expected);
        QVERIFY(error.isEmpty());
    }
    // The message is optional.
    QCOMPARE(StreamUrl::fromUserInput(input).isValid(), url.isValid());
}

void TestStreamUrl::defaultName_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");

    QTest::newRow("host and path") << "https://example.org/feed" << "example.org/feed";
    QTest::newRow("port") << "http://127.0.0.1:8080/events" << "127.0.0.1:8080/events";
    QTest::newRow("query kept") << "http://127.0.0.1:8080/events?stream=2"
                                << "127.0.0.1:8080/events?stream=2";
    QTest::newRow("encoded query readable") << "http://h/e?q=a%20b" << "h/e?q=a b";
    QTest::newRow("no path") << "http://h" << "h";
    QTest::newRow("fragment left out") << "http://h/e#top" << "h/e";
}

void TestStreamUrl::defaultName()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QCOMPARE(StreamUrl::defaultName(QUrl(url)), expected);
}

void TestStreamUrl::withoutRepeatedScheme_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("http twice") << "http://http://h/e" << "http://h/e";
    QTest::newRow("http then https") << "http://https://h/e" << "https://h/e";
    QTest::newRow("three times") << "http://https://http://h/e" << "http://h/e";
    QTest::newRow("any case") << "HTTP://Https://h/e" << "Https://h/e";
    QTest::newRow("once") << "http://h/e" << "http://h/e";
    QTest::newRow("bare scheme") << "http://" << "http://";
    QTest::newRow("URL in the path") << "http://h/http://x" << "http://h/http://x";
    QTest::newRow("plain text") << "h/e" << "h/e";
}

void TestStreamUrl::withoutRepeatedScheme()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(StreamUrl::withoutRepeatedScheme(text), expected);
}

void TestStreamUrl::isBareScheme_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("bare");

    QTest::newRow("http") << "http://" << true;
    QTest::newRow("https, spaces") << " https:// " << true;
    QTest::newRow("upper case") << "HTTP://" << true;
    QTest::newRow("with host") << "http://h" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("ftp") << "ftp://" << false;
}

void TestStreamUrl::isBareScheme()
{
    QFETCH(QString, text);
    QFETCH(bool, bare);
    QCOMPARE(StreamUrl::isBareScheme(text), bare);
}

QTEST_GUILESS_MAIN(TestStreamUrl)

#include "tst_streamurl.moc"
