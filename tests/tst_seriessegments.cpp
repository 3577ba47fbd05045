#include "SeriesBuffer.h"
#include "SeriesSegments.h"

#include <QTest>

#include <cmath>

namespace {

QList<QPointF> pointsOf(const QString &spec)
{
    // "1 2 | 3" : x = index, y = the number; "|" is a break marker.
    QList<QPointF> points;
    int x = 0;
    for (const QString &token : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (token == QLatin1String("|"))
            points.append(QPointF(x, qQNaN()));
        else
            points.append(QPointF(x++, token.toDouble()));
    }
    return points;
}

QString specOf(const QList<QList<QPointF>> &segments)
{
    QStringList parts;
    for (const QList<QPointF> &segment : segments) {
        QStringList values;
        for (const QPointF &p : segment)
            values.append(QString::number(p.y()));
        parts.append(values.join(QLatin1Char(' ')));
    }
    return parts.join(QStringLiteral(" | "));
}

bool hasNaN(const QList<QPointF> &points)
{
    return std::any_of(points.cbegin(), points.cend(), [](const QPointF &p) { return std::isnan(p.y()); });
}

} // namespace

class TestSeriesSegments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data();
    void split();
    void splitCapsSegments();
    void windowPointsWithoutBreaks();
    void windowPointsCutAtBreaks();
    void edgeNeighboursOnlyWithinASegment_data();
    void edgeNeighboursOnlyWithinASegment();
};

void TestSeriesSegments::split_data()
{
    QTest::addColumn<QString>("points");
    QTest::addColumn<int>("maxSegments");
    QTest::addColumn<QString>("segments");

    QTest::newRow("empty") << QString() << 64 << QString();
    QTest::newRow("one segment") << QStringLiteral("1 2 3") << 64 << QStringLiteral("1 2 3");
    QTest::newRow("one break") << QStringLiteral("1 2 | 3 4") << 64 << QStringLiteral("1 2 | 3 4");
    QTest::newRow("single points") << QStringLiteral("1 | 2 | 3") << 64 << QStringLiteral("1 | 2 | 3");
    QTest::newRow("stray markers") << QStringLiteral("| 1 | | 2 |") << 64 << QStringLiteral("1 | 2");
    QTest::newRow("capped: oldest joined") << QStringLiteral("1 | 2 | 3 | 4") << 2 << QStringLiteral("1 2 3 | 4");
    QTest::newRow("cap of one") << QStringLiteral("1 | 2 | 3") << 1 << QStringLiteral("1 2 3");
}

void TestSeriesSegments::split()
{
    QFETCH(QString, points);
    QFETCH(int, maxSegments);
    QFETCH(QString, segments);
    QCOMPARE(specOf(SeriesSegments::split(pointsOf(points), maxSegments)), segments);
}

void TestSeriesSegments::splitCapsSegments()
{
    QString spec;
    for (int i = 0; i < 500; ++i)
        spec += QString::number(i) + QStringLiteral(" | ");
    const auto segments = SeriesSegments::split(pointsOf(spec));
    QCOMPARE(segments.size(), SeriesSegments::MaximumSegments);
    QCOMPARE(segments.first().size(), 500 - SeriesSegments::MaximumSegments + 1);
    QCOMPARE(segments.last().size(), 1);
    QCOMPARE(segments.last().first().y(), 499.0);
}

void TestSeriesSegments::windowPointsWithoutBreaks()
{
    SeriesBuffer buffer;
    for (qint64 t = 0; t <= 10'000; t += 1000)
        buffer.append(t, double(t / 1000));
    const QList<QPointF> points = SeriesSegments::windowPoints(buffer, 2'500, 6'500, 100);
    // 3..6 inside, 2 and 7 just outside.
    QCOMPARE(points.size(), 6);
    QCOMPARE(points.first(), QPointF(2000, 2));
    QCOMPARE(points.last(), QPointF(7000, 7));
    QVERIFY(!hasNaN(points));
    QVERIFY(SeriesSegments::windowPoints(SeriesBuffer(), 0, 1000, 10).isEmpty());
}

void TestSeriesSegments::windowPointsCutAtBreaks()
{
    SeriesBuffer buffer;
    for (qint64 t = 0; t < 30'000; t += 100) {
        if (t == 10'000 || t == 20'000)
            buffer.markBreak();
        buffer.append(t, double(t % 700));
    }
    const QList<QPointF> points = SeriesSegments::windowPoints(buffer, 0, 30'000, 200);
    const auto segments = SeriesSegments::split(points);
    QCOMPARE(segments.size(), 3);
    // No segment spans a break.
    for (const QList<QPointF> &segment : segments) {
        const bool first = segment.last().x() < 10'000;
        const bool second = segment.first().x() >= 10'000 && segment.last().x() < 20'000;
        const bool third = segment.first().x() >= 20'000;
        QVERIFY2(first || second || third,
                 qPrintable(QStringLiteral("%1..%2").arg(segment.first().x()).arg(segment.last().x())));
    }
}

void TestSeriesSegments::edgeNeighboursOnlyWithinASegment_data()
{
    QTest::addColumn<qint64>("breakAt");
    QTest::addColumn<bool>("before");
    QTest::addColumn<bool>("after");

    QTest::newRow("no break") << qint64(-1) << true << true;
    QTest::newRow("break at the first sample inside") << qint64(3000) << false << true;
    QTest::newRow("break inside") << qint64(5000) << true << true;
    QTest::newRow("break at the sample after") << qint64(7000) << true << false;
}

void TestSeriesSegments::edgeNeighboursOnlyWithinASegment()
{
    QFETCH(qint64, breakAt);
    QFETCH(bool, before);
    QFETCH(bool, after);

    SeriesBuffer buffer;
    for (qint64 t = 0; t <= 10'000; t += 1000) {
        if (t == breakAt)
            buffer.markBreak();
        buffer.append(t, double(t / 1000));
    }
    const QList<QPointF> points = SeriesSegments::windowPoints(buffer, 2'500, 6'500, 100);
    QCOMPARE(points.first() == QPointF(2000, 2), before);
    QCOMPARE(points.last() == QPointF(7000, 7), after);
}

QTEST_APPLESS_MAIN(TestSeriesSegments)
#include "tst_seriessegments.moc"
