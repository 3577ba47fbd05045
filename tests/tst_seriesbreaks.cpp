// SeriesBuffer's breaks: segments cut where a connection was lost, their decimation with NaN
// separators between segments, and how breaks follow the capacity.

#include "SeriesBuffer.h"
#include "RandomSeries.h"
#include "SeriesReference.h"

#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace RandomSeries;

namespace {

// With breaks: the held samples cut before every sample that starts a segment, each segment
// decimated as without breaks, the segments' points joined by a NaN point at the x of the point
// after. With `collapse` (ordered samples), two or more segments in a row that lie within one
// column, neither the first nor the last in the window, give only their smallest and largest
// samples, alone.
Points referenceDecimation(const SeriesBuffer &buffer, const QList<bool> &starts, qint64 from,
                           qint64 to, int columns, bool collapse)
{
    QList<QList<Sample>> segments; // their samples in the window
    for (const Sample &s : held(buffer)) {
        if (segments.isEmpty() || starts.at(s.index))
            segments.append(QList<Sample>());
        if (s.time >= from && s.time <= to)
            segments.last().append(s);
    }
    segments.removeIf([](const QList<Sample> &segment) { return segment.isEmpty(); });
    const auto columnOf = [&](const Sample &s) { return int((s.time - from) * columns / (to - from + 1)); };
    const auto inner = [&](qsizetype k) {
        return k > 0 && k + 1 < segments.size()
               && columnOf(segments.at(k).first()) == columnOf(segments.at(k).last());
    };
    QList<Points> runs;
    for (qsizetype i = 0; i < segments.size();) {
        qsizetype j = i;
        while (collapse && j < segments.size() && inner(j)
               && columnOf(segments.at(j).first()) == columnOf(segments.at(i).first()))
            ++j;
        if (j - i < 2) {
            runs.append(referenceDecimation(segments.at(i++), from, to, columns));
            continue;
        }
        Sample min = segments.at(i).first();
        Sample max = min;
        for (; i < j; ++i) {
            for (const Sample &s : segments.at(i)) {
                if (s.value < min.value)
                    min = s;
                if (s.value > max.value)
                    max = s;
            }
        }
        const auto point = [](const Sample &s) { return QPointF(double(s.time), s.value); };
        runs.append(Points{point(min.index < max.index ? min : max)});
        if (min.index != max.index)
            runs.append(Points{point(min.index < max.index ? max : min)});
    }
    Points points;
    for (const Points &run : std::as_const(runs)) {
        if (!points.isEmpty())
            points.append(QPointF(run.first().x(), qQNaN()));
        points += run;
    }
    return points;
}

// Appends and breaks as a script: "0:1 | 10:2" appends (0, 1), breaks, appends (10, 2).
void play(SeriesBuffer &buffer, const QString &script)
{
    for (const QString &step : script.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (step == QLatin1String("|")) {
            buffer.markBreak();
            continue;
        }
        const QStringList parts = step.split(QLatin1Char(':'));
        buffer.append(parts.at(0).toLongLong(), parts.at(1) == QLatin1String("nan") ? qQNaN()
                                                                                   : parts.at(1).toDouble());
    }
}

QList<qsizetype> segmentStarts(const SeriesBuffer &buffer)
{
    QList<qsizetype> starts;
    for (qsizetype i = 0; i < buffer.size(); ++i) {
        if (buffer.startsSegment(i))
            starts.append(i);
    }
    return starts;
}

// NaN points separate: never first, last or doubled, and each at the x of the point after it.
bool separatorsWellPlaced(const Points &points)
{
    for (qsizetype i = 0; i < points.size(); ++i) {
        if (!std::isnan(points.at(i).y()))
            continue;
        if (i == 0 || i + 1 == points.size() || std::isnan(points.at(i + 1).y())
            || points.at(i).x() != points.at(i + 1).x())
            return false;
    }
    return true;
}

} // namespace

class TestSeriesBreaks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void breaks_data();
    void breaks();
    void breakWaitsForTheNextSample();
    void breaksFollowCapacityAndClear();
    void decimationWithBreaks_data();
    void decimationWithBreaks();
    void breaksMatchTheReference_data();
    void breaksMatchTheReference();
    void spikesSurviveBreaks();
    void reconnectStormStaysBounded();
};

void TestSeriesBreaks::breaks_data()
{
    QTest::addColumn<qsizetype>("capacity");
    QTest::addColumn<QString>("script");
    QTest::addColumn<QList<qsizetype>>("starts");
    QTest::addColumn<QString>("points"); // decimated(), a column per millisecond

    using Starts = QList<qsizetype>;
    const qsizetype roomy = 100;
    QTest::newRow("break on an empty buffer is nothing") << roomy << "| 0:1 10:2" << Starts{} << "0:1 10:2";
    QTest::newRow("break after the first sample") << roomy << "0:1 | 10:2 20:3" << Starts{1}
                                                  << "0:1 |10 10:2 20:3";
    QTest::newRow("break in the middle") << roomy << "0:1 10:2 | 20:3 30:4" << Starts{2}
                                         << "0:1 10:2 |20 20:3 30:4";
    QTest::newRow("break before the last sample") << roomy << "0:1 10:2 | 20:3" << Starts{2}
                                                  << "0:1 10:2 |20 20:3";
    QTest::newRow("break at the end waits") << roomy << "0:1 10:2 |" << Starts{} << "0:1 10:2";
    QTest::newRow("several in a row are one") << roomy << "0:1 | | | 10:2" << Starts{1} << "0:1 |10 10:2";
    QTest::newRow("every sample a segment") << roomy << "0:1 | 10:2 | 20:3 | 30:4" << Starts{1, 2, 3}
                                            << "0:1 |10 10:2 |20 20:3 |30 30:4";
    QTest::newRow("an ignored value keeps the break") << roomy << "0:1 | 5:nan 10:2" << Starts{1}
                                                      << "0:1 |10 10:2";
    QTest::newRow("break between equal times") << roomy << "0:1 10:2 | 10:3 20:4" << Starts{2}
                                               << "0:1 10:2 |10 10:3 20:4";
    QTest::newRow("evicted with the sample after it") << qsizetype(3) << "0:1 | 10:2 20:3 | 30:4 40:5"
                                                      << Starts{1} << "20:3 |30 30:4 40:5";
    QTest::newRow("held while the sample after it is") << qsizetype(3) << "0:1 10:2 | 20:3 30:4 40:5"
                                                       << Starts{0} << "20:3 30:4 40:5";
    QTest::newRow("capacity one") << qsizetype(1) << "0:1 | 10:2 | 20:3" << Starts{0} << "20:3";
    QTest::newRow("going back in time after a break") << roomy << "50:1 60:2 | 0:3 10:4"
                                                      << Starts{2} << "50:1 60:2 |0 0:3 10:4";
}

void TestSeriesBreaks::breaks()
{
    QFETCH(qsizetype, capacity);
    QFETCH(QString, script);
    QFETCH(QList<qsizetype>, starts);
    QFETCH(QString, points);

    SeriesBuffer buffer(capacity);
    play(buffer, script);
    QCOMPARE(segmentStarts(buffer), starts);
    QCOMPARE(text(buffer.decimated(-1000, 1000, 2001)), points);
    // Breaks cut lines, not ranges.
    SeriesBuffer plain(capacity);
    play(plain, QString(script).remove(QLatin1Char('|')));
    QCOMPARE(text(buffer.valueRange(-1000, 1000)), text(plain.valueRange(-1000, 1000)));
}

void TestSeriesBreaks::breakWaitsForTheNextSample()
{
    SeriesBuffer buffer;
    play(buffer, "0:1 10:2 |");
    QCOMPARE(text(buffer.decimated(0, 100, 1)), QStringLiteral("0:1 10:2"));
    play(buffer, "20:3 30:4");
    QCOMPARE(segmentStarts(buffer), (QList<qsizetype>{2}));
    QCOMPARE(text(buffer.decimated(0, 100, 1)), QStringLiteral("0:1 10:2 |20 20:3 30:4"));
}

void TestSeriesBreaks::breaksFollowCapacityAndClear()
{
    // A flood with a break before every sample holds no more breaks than samples.
    SeriesBuffer flooded(7);
    for (qint64 t = 0; t < 100'003; ++t) {
        flooded.markBreak();
        flooded.append(t, 1);
    }
    QCOMPARE(segmentStarts(flooded), (QList<qsizetype>{0, 1, 2, 3, 4, 5, 6}));

    SeriesBuffer buffer(10);
    play(buffer, "0:0 | 1:1 2:2 | 3:3 4:4 | 5:5 6:6 7:7 | 8:8 9:9 10:10 11:11");
    QCOMPARE(heldTimes(buffer), range(2, 11));
    QCOMPARE(segmentStarts(buffer), (QList<qsizetype>{1, 3, 6}));
    buffer.setCapacity(6); // keeps 6..11
    QCOMPARE(segmentStarts(buffer), (QList<qsizetype>{2}));
    buffer.setCapacity(20);
    play(buffer, "| 12:12");
    QCOMPARE(segmentStarts(buffer), (QList<qsizetype>{2, 6}));
    QCOMPARE(text(buffer.decimated(0, 100, 101)), QStringLiteral("6:6 7:7 |8 8:8 9:9 10:10 11:11 |12 12:12"));

    // A pending break goes with clear() too.
    buffer.markBreak();
    buffer.clear();
    play(buffer, "0:1 10:2");
    QCOMPARE(segmentStarts(buffer), QList<qsizetype>{});
}

void TestSeriesBreaks::decimationWithBreaks_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<int>("columns");
    QTest::addColumn<QString>("points");

    // Segments 0:5 1:1 2:9 | 3:3 4:9 | 5:1 6:4 | 7:7 8:2 9:6, each keeping its own ends.
    // The two inner segments lie in the one column: their extremes stay, alone.
    QTest::newRow("many breaks in one column") << qint64(0) << qint64(9) << 1
                                               << "0:5 1:1 2:9 |4 4:9 |5 5:1 |7 7:7 8:2 9:6";
    QTest::newRow("window too wide for exact columns")
        << std::numeric_limits<qint64>::min() << std::numeric_limits<qint64>::max() << 1
        << "0:5 1:1 2:9 |4 4:9 |5 5:1 |7 7:7 8:2 9:6";
    QTest::newRow("a column per sample") << qint64(0) << qint64(9) << 10
                                         << "0:5 1:1 2:9 |3 3:3 4:9 |5 5:1 6:4 |7 7:7 8:2 9:6";
    QTest::newRow("a column holding a break, both sides") << qint64(0) << qint64(9) << 2
                                                          << "0:5 1:1 2:9 |3 3:3 4:9 |5 5:1 6:4 |7 7:7 8:2 9:6";
    QTest::newRow("window starting at a break") << qint64(3) << qint64(9) << 1
                                                << "3:3 4:9 |5 5:1 6:4 |7 7:7 8:2 9:6";
    QTest::newRow("window ending before a break") << qint64(0) << qint64(2) << 1 << "0:5 1:1 2:9";
    QTest::newRow("window ending after a break") << qint64(0) << qint64(3) << 1 << "0:5 1:1 2:9 |3 3:3";
    QTest::newRow("window inside a segment") << qint64(7) << qint64(8) << 5 << "7:7 8:2";
    QTest::newRow("window across one break") << qint64(4) << qint64(5) << 1 << "4:9 |5 5:1";
    QTest::newRow("window of one sample after a break") << qint64(5) << qint64(5) << 1 << "5:1";
}

void TestSeriesBreaks::decimationWithBreaks()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(int, columns);
    QFETCH(QString, points);

    SeriesBuffer buffer;
    play(buffer, "0:5 1:1 2:9 | 3:3 4:9 | 5:1 6:4 | 7:7 8:2 9:6");
    QCOMPARE(text(buffer.decimated(from, to, columns)), points);
    if (from < -1000 || to > 1000)
        return; // beyond the reference's arithmetic
    buffer.append(-1, 0); // out of order, the same segments through the full scan
    const QList<bool> starts{false, false, false, true, false, true, false, true, false, false, false};
    QCOMPARE(text(buffer.decimated(from, to, columns)),
             text(referenceDecimation(buffer, starts, from, to, columns, false)));
}

void TestSeriesBreaks::breaksMatchTheReference_data()
{
    QTest::addColumn<qsizetype>("capacity");
    QTest::addColumn<int>("appended");
    QTest::addColumn<int>("maxStep");
    QTest::addColumn<int>("disorder");
    QTest::addColumn<int>("breaks"); // one sample in `breaks` has a break before it
    QTest::addColumn<int>("columns");

    QTest::newRow("ordered") << qsizetype(5000) << 5000 << 3 << 0 << 200 << 300;
    QTest::newRow("ordered, wrapped ring") << qsizetype(3000) << 7777 << 3 << 0 << 100 << 300;
    QTest::newRow("ordered, breaks everywhere") << qsizetype(3000) << 7777 << 3 << 0 << 2 << 97;
    QTest::newRow("ordered, repeated times") << qsizetype(3000) << 7777 << 1 << 0 << 7 << 97;
    QTest::newRow("ordered, one column") << qsizetype(3000) << 7777 << 3 << 0 << 50 << 1;
    QTest::newRow("ordered, more columns than samples") << qsizetype(300) << 700 << 40 << 0 << 5 << 5000;
    QTest::newRow("out of order") << qsizetype(5000) << 5000 << 3 << 10 << 200 << 300;
    QTest::newRow("out of order, wrapped, breaks everywhere") << qsizetype(3000) << 7777 << 3 << 10 << 3 << 250;
    QTest::newRow("out of order, more columns than samples") << qsizetype(300) << 700 << 40 << 5 << 9 << 5000;
}

void TestSeriesBreaks::breaksMatchTheReference()
{
    QFETCH(qsizetype, capacity);
    QFETCH(int, appended);
    QFETCH(int, maxStep);
    QFETCH(int, disorder);
    QFETCH(int, breaks);
    QFETCH(int, columns);

    QRandomGenerator random(11);
    SeriesBuffer buffer(capacity);
    QList<bool> starts; // per sample appended: whether a break came before it
    qint64 time = 1'795'460'400'000;
    for (int i = 0; i < appended; ++i) {
        const bool cut = random.bounded(breaks) == 0;
        if (cut)
            buffer.markBreak();
        starts.append(cut && i > 0);
        appendRandomSample(buffer, random, time, maxStep, disorder, 1000);
    }
    starts = starts.mid(starts.size() - buffer.size());
    for (qsizetype i = 0; i < buffer.size(); ++i)
        QCOMPARE(buffer.startsSegment(i), starts.at(i));

    for (const auto &[from, to] : referenceWindows(buffer, maxStep)) {
        const Points actual = buffer.decimated(from, to, columns);
        QCOMPARE(text(actual), text(referenceDecimation(buffer, starts, from, to, columns, disorder == 0)));
        QVERIFY(separatorsWellPlaced(actual));
    }
}

void TestSeriesBreaks::spikesSurviveBreaks()
{
    constexpr int columns = 1200;
    const QList<qint64> breakTimes{100'000, 123'458, 500'000, 876'543};
    SeriesBuffer buffer(1'000'000);
    for (qint64 t = 0; t < 1'000'000; ++t) {
        if (breakTimes.contains(t))
            buffer.markBreak();
        buffer.append(t, t == 123'457 ? 1000.0 : t == 876'543 ? -1000.0 : double(t % 3));
    }
    const Points points = buffer.decimated(0, 999'999, columns);

    QVERIFY(separatorsWellPlaced(points));
    QVERIFY(points.size() <= 2 * columns + 2 + 4 * breakTimes.size());
    QVERIFY(points.contains(QPointF(123'457, 1000.0))); // the last sample before a break
    QVERIFY(points.contains(QPointF(876'543, -1000.0))); // the first after one
    QList<qint64> separators;
    for (qsizetype i = 0; i < points.size(); ++i) {
        if (std::isnan(points.at(i).y())) {
            separators.append(qint64(points.at(i).x()));
            // Each segment's ends are there: no line stops short of an outage.
            QCOMPARE(points.at(i - 1).x(), points.at(i).x() - 1);
            continue;
        }
        // Two points joined by a line never have a break between them.
        if (i > 0 && !std::isnan(points.at(i - 1).y())) {
            for (qint64 b : breakTimes)
                QVERIFY(!(points.at(i - 1).x() < double(b) && double(b) <= points.at(i).x()));
        }
    }
    QCOMPARE(separators, breakTimes);
    QCOMPARE(text(buffer.valueRange(0, 999'999)), text(-1000.0, 1000.0));
}

void TestSeriesBreaks::reconnectStormStaysBounded()
{
    // A server that closes after every event: each sample is a segment of its own.
    constexpr int columns = 1200;
    SeriesBuffer buffer(200'000);
    for (qint64 t = 0; t < 200'000; ++t) {
        buffer.markBreak();
        buffer.append(t, t == 77'777 ? 1e9 : t == 150'001 ? -1e9 : double(t % 5));
    }
    const Points points = buffer.decimated(0, 199'999, columns);
    QVERIFY2(points.size() <= 14 * columns, qPrintable(QString::number(points.size())));
    QVERIFY(separatorsWellPlaced(points));
    QVERIFY(points.contains(QPointF(77'777, 1e9)));
    QVERIFY(points.contains(QPointF(150'001, -1e9)));
    QCOMPARE(points.first(), QPointF(0, 0));
    QCOMPARE(points.last(), QPointF(199'999, 4));
}

QTEST_GUILESS_MAIN(TestSeriesBreaks)
#include "tst_seriesbreaks.moc"
