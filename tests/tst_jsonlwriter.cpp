#include "CapturedEvent.h"
#include "JsonlWriter.h"
#include "SseEventBatch.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QTemporaryFile>
#include <QTest>

class tst_JsonlWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void batchEventsWriteTheSameBytes_data() { roundTrip_data(); }
    void batchEventsWriteTheSameBytes();
    void keyOrderAndExactBytes();
    void escapesControlCharacters_data();
    void escapesControlCharacters();
    void loneSurrogatesStayValid_data();
    void loneSurrogatesStayValid();
    void timestamp_data();
    void timestamp();
    void nothingBeforeFlushEverythingAfter();
    void oneLinePerEventInOrder();
    void largeStringsAcrossEscapeBlocks();
    void flushReachesTheFile();
    void reportsWriteErrors();
};

namespace {

CapturedEvent makeEvent(const QString &data, const QString &type = QStringLiteral("message"),
                        const QString &id = QString(), const QString &url = QStringLiteral("http://127.0.0.1:1/events"))
{
    CapturedEvent captured;
    captured.url = url;
    captured.event.type = type;
    captured.event.data = data;
    captured.event.lastEventId = id;
    captured.receivedAt = QDateTime(QDate(2026, 11, 23), QTime(19, 0, 0, 123), Qt::UTC);
    captured.connection = 1;
    return captured;
}

QByteArray writeAll(const QList<CapturedEvent> &events)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    JsonlWriter writer(&buffer);
    writer.begin();
    for (const CapturedEvent &event : events)
        writer.write(event);
    if (!writer.flush())
        qWarning("flush failed: %s", qPrintable(writer.errorString()));
    return buffer.data();
}

QJsonObject parseLine(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError) {
        qWarning("invalid JSON at %d (%s): %s", error.offset, qPrintable(error.errorString()), line.constData());
        return {};
    }
    return document.object();
}

QString fromUnits(std::initializer_list<char16_t> units)
{
    return QString(reinterpret_cast<const QChar *>(std::data(units)), qsizetype(units.size()));
}

} // namespace

void tst_JsonlWriter::roundTrip_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("plain") << QStringLiteral("hello world");
    QTest::newRow("json payload") << QStringLiteral(R"({"count": 1, "time": "2026-11-23T19:00:00Z"})");
    QTest::newRow("quote and backslash") << QStringLiteral(R"(say "hi" \ C:\path\n)");
    QTest::newRow("U+0000") << fromUnits({u'a', 0x0000, u'b'});
    QTest::newRow("only U+0000") << fromUnits({0x0000});
    QTest::newRow("LF (multi-line data)") << QStringLiteral("line 1\nline 2\n\nline 4");
    QTest::newRow("CR") << QStringLiteral("a\rb");
    QTest::newRow("CRLF") << QStringLiteral("a\r\nb");
    QTest::newRow("tab, backspace, form feed") << QStringLiteral("\t\b\f");
    QTest::newRow("every C0 control") << [] {
        QString s;
        for (char16_t c = 0; c < 0x20; ++c)
            s.append(QChar(c));
        return s;
    }();
    QTest::newRow("DEL 0x7F") << fromUnits({u'x', 0x7f, u'y'});
    QTest::newRow("C1 control U+0085") << fromUnits({0x0085});
    QTest::newRow("Latin-1") << QStringLiteral("caf\u00e9 \u00fcber \u00ff");
    QTest::newRow("U+2028 U+2029") << fromUnits({u'a', 0x2028, u'b', 0x2029, u'c'});
    QTest::newRow("CJK") << QStringLiteral("\u65e5\u672c\u8a9e");
    QTest::newRow("U+FFFD replacement") << fromUnits({0xfffd});
    QTest::newRow("U+FEFF leading") << fromUnits({0xfeff, u'a'});
    QTest::newRow("U+FEFF inside") << fromUnits({u'a', 0xfeff, u'b'});
    QTest::newRow("U+FFFF") << fromUnits({0xffff});
    QTest::newRow("emoji (surrogate pair)") << QString::fromUtf8("\xf0\x9f\x98\x80 smile \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd");
    QTest::newRow("U+10FFFF") << fromUnits({0xdbff, 0xdfff});
    QTest::newRow("slash and html") << QStringLiteral("</script><!-- a/b -->");
    QTest::newRow("mixed") << fromUnits({u'"', 0x0000, u'\\', 0x001f, 0x007f, 0x00e9, 0x2028, 0xd83d, 0xde00, u'\n'});
}

void tst_JsonlWriter::roundTrip()
{
    QFETCH(QString, text);

    // The same awkward text in every string field.
    const CapturedEvent captured = makeEvent(text, text.isEmpty() ? QStringLiteral("t") : text, text,
                                             QStringLiteral("http://127.0.0.1:1/e?q=") + text);
    const QByteArray out = writeAll({captured});
    QVERIFY(out.endsWith('\n'));
    QCOMPARE(out.count('\n'), 1); // nothing in the strings may break the line
    QVERIFY(!out.contains('\r'));
    QVERIFY(!out.contains('\0'));

    const QJsonObject object = parseLine(out.chopped(1));
    QVERIFY(!object.isEmpty());
    QCOMPARE(object.value(QLatin1String("url")).toString(), captured.url);
    QCOMPARE(object.value(QLatin1String("type")).toString(), captured.event.type);
    QCOMPARE(object.value(QLatin1String("data")).toString(), text);
    QCOMPARE(object.value(QLatin1String("lastEventId")).toString(), text);
    // Valid UTF-8 through and through.
    QCOMPARE(QString::fromUtf8(out).toUtf8(), out);
}

void tst_JsonlWriter::batchEventsWriteTheSameBytes()
{
    QFETCH(QString, text);
    // A parsed batch holds well-formed UTF-8 only (a lone surrogate cannot arrive from the wire).
    const QByteArray utf8 = text.toUtf8();
    const QString wellFormed = QString::fromUtf8(utf8);
    if (wellFormed != text)
        QSKIP("not representable as well-formed UTF-8");

    // Long text too, so that escapes fall on the writer's block boundaries.
    for (const QByteArray &data : {utf8, utf8.repeated(700)}) {
        const QString dataText = QString::fromUtf8(data);
        SseEventBatch batch;
        batch.append("tick", data, utf8);
        batch.append("tick", data, utf8); // the same type and id: stored once
        const QString url = QStringLiteral("http://127.0.0.1:1/e?q=") + text;
        const CapturedEvent captured = makeEvent(dataText, QStringLiteral("tick"), text, url);

        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        JsonlWriter writer(&buffer);
        writer.begin();
        const qint64 ms = captured.receivedAt.toMSecsSinceEpoch();
        writer.writeBatchEvent(url, batch, 0, ms, 1);
        writer.writeBatchEvent(url, batch, 1, ms, 1);
        QVERIFY(writer.flush());
        QCOMPARE(buffer.data(), writeAll({captured, captured}));
    }
}

void tst_JsonlWriter::keyOrderAndExactBytes()
{
    CapturedEvent captured = makeEvent(QStringLiteral("{\"count\": 1}\nsecond line"), QStringLiteral("tick"),
                                       QStringLiteral("42"));
    captured.connection = 3;
    const QByteArray expected = R"({"url":"http://127.0.0.1:1/events","type":"tick","data":"{\"count\": 1}\nsecond line",)"
                                R"("lastEventId":"42","receivedAt":"2026-11-23T19:00:00.123Z","connection":3})"
                                "\n";
    QCOMPARE(writeAll({captured}), expected);
}

void tst_JsonlWriter::escapesControlCharacters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("literal");

    QTest::newRow("U+0000") << fromUnits({0x0000}) << QByteArray(R"("\u0000")");
    QTest::newRow("U+001F") << fromUnits({0x001f}) << QByteArray(R"("\u001f")");
    QTest::newRow("U+0001") << fromUnits({0x0001}) << QByteArray(R"("\u0001")");
    QTest::newRow("LF") << QStringLiteral("\n") << QByteArray(R"("\n")");
    QTest::newRow("CR") << QStringLiteral("\r") << QByteArray(R"("\r")");
    QTest::newRow("TAB") << QStringLiteral("\t") << QByteArray(R"("\t")");
    QTest::newRow("BS") << QStringLiteral("\b") << QByteArray(R"("\b")");
    QTest::newRow("FF") << QStringLiteral("\f") << QByteArray(R"("\f")");
    QTest::newRow("quote") << QStringLiteral("\"") << QByteArray(R"("\"")");
    QTest::newRow("backslash") << QStringLiteral("\\") << QByteArray(R"("\\")");
    QTest::newRow("DEL as is") << fromUnits({0x007f}) << QByteArray("\"\x7f\"");
    QTest::newRow("e acute as UTF-8") << fromUnits({0x00e9}) << QByteArray("\"\xc3\xa9\"");
    QTest::newRow("U+2028 as UTF-8") << fromUnits({0x2028}) << QByteArray("\"\xe2\x80\xa8\"");
    QTest::newRow("emoji as UTF-8") << fromUnits({0xd83d, 0xde00}) << QByteArray("\"\xf0\x9f\x98\x80\"");
    QTest::newRow("U+FEFF escaped") << fromUnits({0xfeff, u'a'}) << QByteArray(R"("\ufeffa")");
}

void tst_JsonlWriter::escapesControlCharacters()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, literal);

    const QByteArray out = writeAll({makeEvent(text)});
    QVERIFY2(out.contains(QByteArray(",\"data\":" + literal + ",")), out.constData());
}

void tst_JsonlWriter::loneSurrogatesStayValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("literal");

    QTest::newRow("lone high") << fromUnits({u'a', 0xd83d, u'b'}) << QByteArray(R"("a\ud83db")");
    QTest::newRow("lone low") << fromUnits({0xde00}) << QByteArray(R"("\ude00")");
    QTest::newRow("high at the end") << fromUnits({u'a', 0xd800}) << QByteArray(R"("a\ud800")");
    QTest::newRow("two highs then low") << fromUnits({0xd800, 0xd83d, 0xde00})
                                        << QByteArray("\"\\ud800\xf0\x9f\x98\x80\"");
}

void tst_JsonlWriter::loneSurrogatesStayValid()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, literal);

    const QByteArray out = writeAll({makeEvent(text)});
    QVERIFY2(out.contains(QByteArray(",\"data\":" + literal + ",")), out.constData());
    // Still a line that parses; the bytes are valid UTF-8.
    QVERIFY(!parseLine(out.chopped(1)).isEmpty());
    QCOMPARE(QString::fromUtf8(out).toUtf8(), out);
}

void tst_JsonlWriter::timestamp_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("contract example") << QDateTime(QDate(2026, 11, 23), QTime(19, 0, 0, 123), Qt::UTC)
                                      << QByteArray("2026-11-23T19:00:00.123Z");
    QTest::newRow("epoch") << QDateTime::fromMSecsSinceEpoch(0, Qt::UTC) << QByteArray("1970-01-01T00:00:00.000Z");
    QTest::newRow("leap day, end of day") << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), Qt::UTC)
                                          << QByteArray("2024-02-29T23:59:59.999Z");
    QTest::newRow("before the epoch") << QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59, 1), Qt::UTC)
                                      << QByteArray("1969-12-31T23:59:59.001Z");
    QTest::newRow("year 2000 March 1") << QDateTime(QDate(2000, 3, 1), QTime(0, 0, 0, 7), Qt::UTC)
                                       << QByteArray("2000-03-01T00:00:00.007Z");
    QTest::newRow("offset converted to UTC")
        << QDateTime(QDate(2026, 11, 23), QTime(20, 30, 0, 5), Qt::OffsetFromUTC, 3600)
        << QByteArray("2026-11-23T19:30:00.005Z");
}

void tst_JsonlWriter::timestamp()
{
    QFETCH(QDateTime, time);
    QFETCH(QByteArray, expected);

    CapturedEvent captured = makeEvent(QStringLiteral("x"));
    captured.receivedAt = time;
    const QByteArray out = writeAll({captured, captured});
    const QList<QByteArray> lines = out.split('\n');
    QCOMPARE(lines.size(), 3);
    for (int i = 0; i < 2; ++i) {
        const QJsonObject object = parseLine(lines.at(i));
        QCOMPARE(object.value(QLatin1String("receivedAt")).toString().toLatin1(), expected);
        QCOMPARE(QDateTime::fromString(object.value(QLatin1String("receivedAt")).toString(), Qt::ISODateWithMs),
                 time);
    }
    // Matches Qt's own ISO formatting.
    QCOMPARE(time.toUTC().toString(Qt::ISODateWithMs).toLatin1(), expected);
}

void tst_JsonlWriter::nothingBeforeFlushEverythingAfter()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    JsonlWriter writer(&buffer);
    writer.write(makeEvent(QStringLiteral("one")));
    writer.write(makeEvent(QStringLiteral("two")));
    QCOMPARE(buffer.data().size(), 0);
    QVERIFY(writer.flush());
    QCOMPARE(buffer.data().count('\n'), 2);
    QVERIFY(writer.flush()); // nothing pending: still fine, nothing added
    QCOMPARE(buffer.data().count('\n'), 2);
    writer.write(makeEvent(QStringLiteral("three")));
    QVERIFY(writer.flush());
    QCOMPARE(buffer.data().count('\n'), 3);
    QVERIFY(writer.errorString().isEmpty());
}

void tst_JsonlWriter::oneLinePerEventInOrder()
{
    QList<CapturedEvent> events;
    for (int i = 0; i < 1000; ++i) {
        CapturedEvent captured = makeEvent(QString::number(i), i % 2 ? QStringLiteral("odd") : QStringLiteral("message"),
                                           QString::number(i * 10));
        captured.connection = 1 + i / 100;
        captured.receivedAt = captured.receivedAt.addMSecs(i / 3);
        events.append(captured);
    }
    const QByteArray out = writeAll(events);
    QList<QByteArray> lines = out.split('\n');
    QCOMPARE(lines.takeLast(), QByteArray());
    QCOMPARE(lines.size(), events.size());
    for (int i = 0; i < lines.size(); ++i) {
        const QJsonObject object = parseLine(lines.at(i));
        QCOMPARE(object.keys().size(), 6);
        QCOMPARE(object.value(QLatin1String("data")).toString(), events.at(i).event.data);
        QCOMPARE(object.value(QLatin1String("type")).toString(), events.at(i).event.type);
        QCOMPARE(object.value(QLatin1String("lastEventId")).toString(), events.at(i).event.lastEventId);
        QCOMPARE(object.value(QLatin1String("connection")).toInt(), events.at(i).connection);
        QCOMPARE(QDateTime::fromString(object.value(QLatin1String("receivedAt")).toString(), Qt::ISODateWithMs),
                 events.at(i).receivedAt);
    }
}

void tst_JsonlWriter::largeStringsAcrossEscapeBlocks()
{
    // Escapes, multi-byte characters and surrogate pairs at every offset around internal block sizes.
    QString text;
    const QString pattern = fromUnits({u'a', 0x0000, u'"', 0x00e9, 0xd83d, 0xde00, u'\n', 0x4e2d, u'\\'});
    while (text.size() < 3 * 4096 + 17)
        text += pattern;
    for (const qsizetype cut : {qsizetype(4095), qsizetype(4096), qsizetype(4097), qsizetype(8191), text.size()}) {
        const QString part = text.left(cut);
        const QByteArray out = writeAll({makeEvent(part)});
        QCOMPARE(parseLine(out.chopped(1)).value(QLatin1String("data")).toString(), part);
    }
    // Above the write-through size: whole lines still come out, in order.
    const QString big(600 * 1024, QLatin1Char('x'));
    const QByteArray out = writeAll({makeEvent(big), makeEvent(big), makeEvent(QStringLiteral("last"))});
    const QList<QByteArray> lines = out.split('\n');
    QCOMPARE(lines.size(), 4);
    QCOMPARE(parseLine(lines.at(0)).value(QLatin1String("data")).toString(), big);
    QCOMPARE(parseLine(lines.at(2)).value(QLatin1String("data")).toString(), QStringLiteral("last"));
}

void tst_JsonlWriter::flushReachesTheFile()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    JsonlWriter writer(&file);
    writer.write(makeEvent(QStringLiteral("persisted")));
    QVERIFY(writer.flush());

    // Read through another handle: flush() must have left the QFile's own buffer.
    QFile reader(file.fileName());
    QVERIFY(reader.open(QIODevice::ReadOnly));
    const QByteArray content = reader.readAll();
    QCOMPARE(content.count('\n'), 1);
    QCOMPARE(parseLine(content.chopped(1)).value(QLatin1String("data")).toString(), QStringLiteral("persisted"));
}

void tst_JsonlWriter::reportsWriteErrors()
{
    QBuffer readOnly;
    readOnly.open(QIODevice::ReadOnly);
    JsonlWriter writer(&readOnly);
    writer.write(makeEvent(QStringLiteral("lost")));
    QTest::ignoreMessage(QtWarningMsg, "QIODevice::write (QBuffer): ReadOnly device");
    QVERIFY(!writer.flush());
    QVERIFY(!writer.errorString().isEmpty());
}

QTEST_GUILESS_MAIN(tst_JsonlWriter)
#include "tst_jsonlwriter.moc"
