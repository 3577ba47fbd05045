// SseParser against a literal transcription of the HTML Standard's algorithm (ReferenceSseParser.h)
// on random bodies made of the pieces that matter (field names, colons, spaces, every line end,
// BOMs, NULs, ill-formed and multi-byte UTF-8, digits), each fed whole, byte by byte and in random
// pieces. The fuzzer fuzz_differential does the same with bodies of its own choosing.
#include "ParserOutcome.h"

#include <QRandomGenerator>
#include <QTest>

namespace {

const QList<QByteArray> Pieces = {
    "data", "data:", "data: ", "id", "id:", "id: ", "event:", "event: ", "retry:", "retry: ", ":", ": ",
    " ", "\n", "\r", "\r\n", "\n\n", "\r\r", "x", "tick", "7", "42", "999999999999999999999",
    "\xEF\xBB\xBF", QByteArray("\0", 1), "\xFF", "\xE2\x82", "\xE2\x82\xAC", "\xF0\x9F\x93\x88", "\xC3",
    "{\"count\": 1}", "message", "data:data", "::", "Data:", "ID:", "id:\0", "\t",
};

QByteArray randomBody(QRandomGenerator &random, int pieces)
{
    QByteArray body;
    if (random.bounded(4) == 0)
        body += "\xEF\xBB\xBF";
    for (int i = 0; i < pieces; ++i)
        body += Pieces.at(random.bounded(int(Pieces.size())));
    return body;
}

QString describe(const ReferenceSse::Outcome &outcome)
{
    QStringList parts;
    for (const ReferenceSse::Event &event : outcome.events)
        parts.append(QStringLiteral("[%1|%2|%3]").arg(event.type, event.data, event.lastEventId));
    QStringList comments;
    for (const QString &comment : outcome.comments)
        comments.append(QString::fromLatin1(comment.toUtf8().toPercentEncoding()));
    return parts.join(u' ') + QStringLiteral(" comments=%1 id=%2 retry=%3")
                                  .arg(comments.join(u'|'), outcome.lastEventId,
                                       outcome.retry ? QString::number(*outcome.retry) : QStringLiteral("-"));
}

} // namespace

class TestSseParserDifferential : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void referenceReadsTheStandardsExamples();
    void randomBodies_data();
    void randomBodies();
};

void TestSseParserDifferential::referenceReadsTheStandardsExamples()
{
    // The transcription itself, on the examples of the standard (9.2.7) and the rules' corners.
    using ReferenceSse::interpret;
    const auto one = interpret("data: YHOO\ndata: +2\ndata: 10\n\n");
    QCOMPARE(one.events.size(), 1);
    QCOMPARE(one.events[0].data, QStringLiteral("YHOO\n+2\n10"));
    const auto three = interpret(": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n");
    QCOMPARE(three.events.size(), 2);
    QCOMPARE(three.events[0].lastEventId, QStringLiteral("1"));
    QCOMPARE(three.events[1].lastEventId, QString());
    QCOMPARE(three.events[1].data, QStringLiteral("second event"));
    const auto blank = interpret("data\n\ndata\ndata\n\ndata:");
    QCOMPARE(blank.events.size(), 2);
    QCOMPARE(blank.events[0].data, QString());
    QCOMPARE(blank.events[1].data, QStringLiteral("\n"));
    const auto spaces = interpret("data:test\n\ndata: test\n\n");
    QCOMPARE(spaces.events[0].data, spaces.events[1].data);
    QCOMPARE(interpret("retry: 1x\nretry: 250\n\n").retry, 250);
    QCOMPARE(interpret("id: a\0b\ndata: x\n\n").events.value(0).lastEventId, QString());
}

void TestSseParserDifferential::randomBodies_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("pieces");
    for (quint32 seed = 1; seed <= 40; ++seed)
        QTest::addRow("seed %u", seed) << seed << int(5 + seed * 3);
}

void TestSseParserDifferential::randomBodies()
{
    QFETCH(quint32, seed);
    QFETCH(int, pieces);
    QRandomGenerator random(seed);
    for (int round = 0; round < 50; ++round) {
        const QByteArray body = randomBody(random, pieces);
        const ReferenceSse::Outcome expected = ReferenceSse::interpret(body);
        QList<QList<qsizetype>> feeds = {{}, QList<qsizetype>(body.size(), 1)};
        for (int k = 0; k < 4; ++k) {
            QList<qsizetype> cuts;
            for (qsizetype left = body.size(); left > 0;) {
                const qsizetype cut = 1 + random.bounded(int(qMin<qsizetype>(left, 9)));
                cuts.append(cut);
                left -= cut;
            }
            feeds.append(cuts);
        }
        for (const QList<qsizetype> &cuts : feeds) {
            const ReferenceSse::Outcome actual = ReferenceSse::parseInPieces(body, cuts);
            if (actual != expected) {
                QFAIL(qPrintable(QStringLiteral("body %1 in %2 pieces\n  parser:    %3\n  reference: %4")
                                     .arg(QString::fromLatin1(body.toPercentEncoding()), QString::number(cuts.size() + 1),
                                          describe(actual), describe(expected))));
            }
        }
    }
}

QTEST_APPLESS_MAIN(TestSseParserDifferential)
#include "tst_sseparserdifferential.moc"
