// SeriesBuffer without breaks: the bounded ring, min/max decimation against the reference,
// windows, out-of-order and equal times, value ranges.

#include "SeriesBuffer.h"
#include "RandomSeries.h"
#include "SeriesReference.h"

#include <QRandomGenerator>
#include <QtTest>

#include <limits>

using namespace RandomSeries;

class TestSeriesBuffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void capacityBoundsAFlood_data();
    void capacityBoundsAFlood();
    void capacityIsAtLeastOne();
    void setCapacity_data();
    void setCapacity();
    void clearForgetsEverything();
    void nonFiniteValuesAreIgnored();

    void spikesSurvive();
    void columnsHoldAtMostTwoPointsBesidesTheEnds_data();
    void columnsHoldAtMostTwoPointsBesidesTheEnds();
    void oneColumnKeepsEndsMinAndMax();
    void windowBoundsAreInclusive_data();
    void windowBoundsAreInclusive();
    void emptyWindows_data();
    void emptyWindows();
    void matchesTheReference_data();
    void matchesTheReference();
    void outOfOrderSamplesLandInTheirColumns_data();
    void outOfOrderSamplesLandInTheirColumns();
    void lateSampleInAFullRing_data();
    void lateSampleInAFullRing();
    void equalTimes_data();
    void equalTimes();
    void extremeWindows();

    void valueRange_data();
    void valueRange();
};

void TestSeriesBuffer::capacityBoundsAFlood_data()
{
    QTest::addColumn<qsizetype>("capacity");
    QTest::addColumn<qint64>("appended");

    QTest::newRow("under capacity") << qsizetype(10) << qint64(5);
    QTest::newRow("exactly full") << qsizetype(10) << qint64(10);
    QTest::newRow("one over") << qsizetype(10) << qint64(11);
    QTest::newRow("capacity one") << qsizetype(1) << qint64(1000);
    QTest::newRow("odd capacity, many laps") << qsizetype(7) << qint64(100'003);
    QTest::newRow("flood of a million") << qsizetype(1000) << qint64(1'000'000);
    QTest::newRow("default capacity, flooded") << SeriesBuffer::DefaultCapacity << qint64(1'234'567);
}

void TestSeriesBuffer::capacityBoundsAFlood()
{
    QFETCH(qsizetype, capacity);
    QFETCH(qint64, appended);

    SeriesBuffer buffer(capacity);
    for (qint64 i = 0; i < appended; ++i)
        buffer.append(i, double(i) / 2);

    const qsizetype held = qsizetype(qMin<qint64>(capacity, appended));
    QCOMPARE(buffer.capacity(), capacity);
    QCOMPARE(buffer.size(), held);
    QCOMPARE(buffer.droppedCount(), appended - held);
    QCOMPARE(buffer.firstTime(), appended - held);
    QCOMPARE(buffer.lastTime(), appended - 1);
    // The newest samples, oldest first, with their own values.
    for (qsizetype i = 0; i < buffer.size(); ++i) {
        const qint64 expected = appended - held + i;
        if (buffer.timeAt(i) != expected || buffer.valueAt(i) != double(expected) / 2)
            QFAIL(qPrintable(QStringLiteral("sample %1 is (%2, %3)")
                                 .arg(i).arg(buffer.timeAt(i)).arg(buffer.valueAt(i))));
    }
}

void TestSeriesBuffer::capacityIsAtLeastOne()
{
    SeriesBuffer buffer(0);
    QCOMPARE(buffer.capacity(), 1);
    buffer.append(1, 1);
    buffer.append(2, 2);
    QCOMPARE(buffer.size(), 1);
    QCOMPARE(buffer.lastTime(), 2);
    buffer.setCapacity(-5);
    QCOMPARE(buffer.capacity(), 1);
    QCOMPARE(buffer.size(), 1);
    QCOMPARE(buffer.droppedCount(), 1);
}

void TestSeriesBuffer::setCapacity_data()
{
    QTest::addColumn<qsizetype>("capacity");
    QTest::addColumn<qint64>("appended");
    QTest::addColumn<qsizetype>("newCapacity");

    QTest::newRow("shrink a wrapped buffer") << qsizetype(10) << qint64(25) << qsizetype(4);
    QTest::newRow("shrink a buffer that is not full") << qsizetype(10) << qint64(6) << qsizetype(4);
    QTest::newRow("shrink above the size") << qsizetype(10) << qint64(3) << qsizetype(5);
    QTest::newRow("shrink to one") << qsizetype(10) << qint64(25) << qsizetype(1);
    QTest::newRow("grow a wrapped buffer") << qsizetype(10) << qint64(25) << qsizetype(16);
    QTest::newRow("grow a buffer that is not full") << qsizetype(10) << qint64(4) << qsizetype(16);
    QTest::newRow("same capacity") << qsizetype(10) << qint64(25) << qsizetype(10);
}

void TestSeriesBuffer::setCapacity()
{
    QFETCH(qsizetype, capacity);
    QFETCH(qint64, appended);
    QFETCH(qsizetype, newCapacity);

    SeriesBuffer buffer(capacity);
    for (qint64 i = 0; i < appended; ++i)
        buffer.append(i, double(-i));
    const qsizetype before = buffer.size();

    buffer.setCapacity(newCapacity);
    const qsizetype kept = qMin(before, newCapacity);
    QCOMPARE(buffer.capacity(), newCapacity);
    QCOMPARE(buffer.size(), kept);
    // What the new cap pushed out counts as dropped, like what the old one did.
    QCOMPARE(buffer.droppedCount(), appended - kept);
    QCOMPARE(heldTimes(buffer), range(appended - kept, appended - 1));
    QCOMPARE(buffer.valueAt(0), double(-(appended - kept)));

    // Appending goes on from there: the buffer fills to its new cap, then keeps the newest.
    const qint64 more = 3 * newCapacity + 1;
    for (qint64 i = appended; i < appended + more; ++i)
        buffer.append(i, double(-i));
    const qint64 total = appended + more;
    QCOMPARE(buffer.size(), newCapacity);
    QCOMPARE(buffer.droppedCount(), total - newCapacity);
    QCOMPARE(heldTimes(buffer), range(total - newCapacity, total - 1));
    QCOMPARE(buffer.valueAt(newCapacity - 1), double(-(total - 1)));
}

void TestSeriesBuffer::clearForgetsEverything()
{
    SeriesBuffer buffer(4);
    for (int i = 0; i < 10; ++i)
        buffer.append(i, i);
    QCOMPARE(buffer.droppedCount(), 6);

    buffer.clear();
    QVERIFY(buffer.isEmpty());
    QCOMPARE(buffer.droppedCount(), 0);
    QCOMPARE(buffer.capacity(), 4);
    QVERIFY(buffer.decimated(0, 100, 10).isEmpty());
    QVERIFY(!buffer.valueRange(0, 100));

    for (int i = 0; i < 6; ++i)
        buffer.append(100 + i, i);
    QCOMPARE(heldTimes(buffer), range(102, 105));
    QCOMPARE(buffer.droppedCount(), 2);
}

void TestSeriesBuffer::nonFiniteValuesAreIgnored()
{
    SeriesBuffer buffer(10);
    buffer.append(1, 1);
    buffer.append(2, std::numeric_limits<double>::quiet_NaN());
    buffer.append(3, std::numeric_limits<double>::infinity());
    buffer.append(4, -std::numeric_limits<double>::infinity());
    buffer.append(5, 5);
    QCOMPARE(heldTimes(buffer), (Times{1, 5}));
    QCOMPARE(buffer.droppedCount(), 0);
}

void TestSeriesBuffer::spikesSurvive()
{
    SeriesBuffer buffer(1'000'000);
    for (qint64 t = 0; t < 1'000'000; ++t) {
        const double value = t == 123'457 ? 1000.0 : t == 876'543 ? -1000.0 : double(t % 3);
        buffer.append(t, value);
    }
    const Points points = buffer.decimated(0, 999'999, 1200);

    QVERIFY2(points.size() <= 2 * 1200 + 2, qPrintable(QString::number(points.size())));
    QVERIFY(points.contains(QPointF(123'457, 1000.0)));
    QVERIFY(points.contains(QPointF(876'543, -1000.0)));
    QCOMPARE(points.first(), QPointF(0, 0));
    QCOMPARE(points.last(), QPointF(999'999, 999'999 % 3));
    QCOMPARE(text(buffer.valueRange(0, 999'999)), text(-1000.0, 1000.0));
}

void TestSeriesBuffer::columnsHoldAtMostTwoPointsBesidesTheEnds_data()
{
    QTest::addColumn<int>("samples");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<int>("columns");

    QTest::newRow("dense") << 100'000 << qint64(0) << qint64(99'999) << 800;
    QTest::newRow("dense, window inside") << 100'000 << qint64(12'345) << qint64(67'890) << 333;
    QTest::newRow("sparse") << 500 << qint64(0) << qint64(499) << 2000;
    QTest::newRow("columns not dividing the span") << 10'007 << qint64(3) << qint64(10'001) << 7;
    QTest::newRow("window wider than the data") << 1000 << qint64(-50'000) << qint64(50'000) << 100;
}

void TestSeriesBuffer::columnsHoldAtMostTwoPointsBesidesTheEnds()
{
    QFETCH(int, samples);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(int, columns);

    SeriesBuffer buffer(samples);
    QRandomGenerator random(7);
    for (int t = 0; t < samples; ++t)
        buffer.append(t, random.bounded(1000.0));
    Points points = buffer.decimated(from, to, columns);
    QVERIFY(!points.isEmpty());

    // The window's first and last samples are there.
    const qint64 firstInWindow = qMax<qint64>(from, 0);
    const qint64 lastInWindow = qMin<qint64>(to, samples - 1);
    QCOMPARE(points.first().x(), double(firstInWindow));
    QCOMPARE(points.first().y(), buffer.valueAt(firstInWindow));
    QCOMPARE(points.last().x(), double(lastInWindow));
    QCOMPARE(points.last().y(), buffer.valueAt(lastInWindow));
    // In time order, inside the window.
    for (qsizetype i = 1; i < points.size(); ++i)
        QVERIFY(points.at(i - 1).x() < points.at(i).x());
    // Without those two, no column has more than two points.
    points.removeFirst();
    if (!points.isEmpty())
        points.removeLast();
    QList<int> perColumn(columns, 0);
    for (const QPointF &point : std::as_const(points)) {
        const int column = int((qint64(point.x()) - from) * columns / (to - from + 1));
        QVERIFY(++perColumn[column] <= 2);
    }
}

void TestSeriesBuffer::oneColumnKeepsEndsMinAndMax()
{
    SeriesBuffer buffer;
    const QList<double> values{5, 1, 9, 3, 9, 1, 4, 7, 2, 6};
    for (qsizetype i = 0; i < values.size(); ++i)
        buffer.append(1000 + i, values.at(i));

    // First, the first minimum, the first maximum, last; in time order.
    QCOMPARE(buffer.decimated(1000, 1009, 1),
             (Points{{1000, 5}, {1001, 1}, {1002, 9}, {1009, 6}}));
    QCOMPARE(buffer.decimated(1001, 1008, 1), (Points{{1001, 1}, {1002, 9}, {1008, 2}}));
    QCOMPARE(buffer.decimated(1004, 1004, 1), (Points{{1004, 9}}));
    // Columns below one are taken as one.
    QCOMPARE(buffer.decimated(1000, 1009, 0), buffer.decimated(1000, 1009, 1));
    QCOMPARE(buffer.decimated(1000, 1009, -3), buffer.decimated(1000, 1009, 1));
}

void TestSeriesBuffer::windowBoundsAreInclusive_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<Times>("expected");

    // Samples at 0, 10, ..., 100.
    QTest::newRow("exact bounds") << qint64(10) << qint64(30) << Times{10, 20, 30};
    QTest::newRow("bounds between samples") << qint64(11) << qint64(29) << Times{20};
    QTest::newRow("one instant") << qint64(50) << qint64(50) << Times{50};
    QTest::newRow("first sample only") << qint64(-5) << qint64(0) << Times{0};
    QTest::newRow("last sample only") << qint64(100) << qint64(1000) << Times{100};
    // A column spans more than all the data: first (the minimum) and last (the maximum).
    QTest::newRow("everything") << std::numeric_limits<qint64>::min()
                                << std::numeric_limits<qint64>::max() << Times{0, 100};
}

void TestSeriesBuffer::windowBoundsAreInclusive()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(Times, expected);

    SeriesBuffer buffer;
    for (qint64 t = 0; t <= 100; t += 10)
        buffer.append(t, double(t));

    // Enough columns to keep every sample, unless the window is wider than the data by far.
    const Points points = buffer.decimated(from, to, 1000);
    Times times;
    for (const QPointF &point : points) {
        times.append(qint64(point.x()));
        QCOMPARE(point.y(), point.x());
    }
    QCOMPARE(times, expected);
    QCOMPARE(text(buffer.valueRange(from, to)),
             text(double(expected.first()), double(expected.last())));
}

void TestSeriesBuffer::emptyWindows_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");

    QTest::newRow("before the data") << qint64(-100) << qint64(-1);
    QTest::newRow("after the data") << qint64(101) << qint64(200);
    QTest::newRow("between two samples") << qint64(41) << qint64(49);
    QTest::newRow("reversed") << qint64(60) << qint64(40);
}

void TestSeriesBuffer::emptyWindows()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);

    SeriesBuffer buffer;
    QVERIFY(buffer.decimated(from, to, 10).isEmpty());
    QVERIFY(!buffer.valueRange(from, to));

    for (qint64 t = 0; t <= 100; t += 10)
        buffer.append(t, 1);
    QVERIFY(buffer.decimated(from, to, 10).isEmpty());
    QVERIFY(!buffer.valueRange(from, to));

    buffer.append(5, 1); // out of order: the scan must find nothing either
    QVERIFY(buffer.decimated(from, to, 10).isEmpty());
    QVERIFY(buffer.decimated(from, to, 100).isEmpty());
    QVERIFY(!buffer.valueRange(from, to));
}

void TestSeriesBuffer::matchesTheReference_data()
{
    QTest::addColumn<qsizetype>("capacity");
    QTest::addColumn<int>("appended");
    QTest::addColumn<int>("maxStep");     // time steps drawn from [0, maxStep]
    QTest::addColumn<int>("disorder");    // one sample in `disorder` goes back in time (0: never)
    QTest::addColumn<int>("levels");      // distinct values, few to force ties
    QTest::addColumn<int>("columns");

    QTest::newRow("ordered") << qsizetype(5000) << 5000 << 3 << 0 << 1000 << 300;
    QTest::newRow("ordered, wrapped ring") << qsizetype(3000) << 7777 << 3 << 0 << 1000 << 300;
    QTest::newRow("ordered, repeated times") << qsizetype(3000) << 7777 << 1 << 0 << 1000 << 97;
    QTest::newRow("ordered, ties in value") << qsizetype(3000) << 7777 << 2 << 0 << 3 << 250;
    QTest::newRow("ordered, more columns than samples") << qsizetype(300) << 700 << 40 << 0 << 50 << 5000;
    QTest::newRow("ordered, one column") << qsizetype(3000) << 7777 << 3 << 0 << 1000 << 1;
    QTest::newRow("out of order") << qsizetype(5000) << 5000 << 3 << 10 << 1000 << 300;
    QTest::newRow("out of order, wrapped ring") << qsizetype(3000) << 7777 << 3 << 10 << 1000 << 300;
    QTest::newRow("out of order, ties") << qsizetype(3000) << 7777 << 2 << 4 << 3 << 250;
    QTest::newRow("out of order, more columns than samples") << qsizetype(300) << 700 << 40 << 5 << 50 << 5000;
    QTest::newRow("out of order, one column") << qsizetype(3000) << 7777 << 3 << 10 << 1000 << 1;
}

void TestSeriesBuffer::matchesTheReference()
{
    QFETCH(qsizetype, capacity);
    QFETCH(int, appended);
    QFETCH(int, maxStep);
    QFETCH(int, disorder);
    QFETCH(int, levels);
    QFETCH(int, columns);

    QRandomGenerator random(42);
    SeriesBuffer buffer(capacity);
    qint64 time = 1'795'460'400'000;
    for (int i = 0; i < appended; ++i)
        appendRandomSample(buffer, random, time, maxStep, disorder, levels);

    for (const auto &[from, to] : referenceWindows(buffer, maxStep)) {
        const Points expected = referenceDecimation(buffer, from, to, columns);
        QVERIFY(!expected.isEmpty());
        const Points actual = buffer.decimated(from, to, columns);
        if (actual != expected) {
            qDebug() << "window" << from << to << "got" << actual.size() << "points, expected"
                     << expected.size();
            QCOMPARE(actual, expected);
        }
    }
}

void TestSeriesBuffer::outOfOrderSamplesLandInTheirColumns_data()
{
    QTest::addColumn<int>("columns");
    QTest::addColumn<Points>("expected");

    // Samples (t, v) in arrival order: (0,0) (10,1) (5,2) (20,3) (15,4) (30,5) (25,-1).
    QTest::newRow("a column per sample")
        << 31 << Points{{0, 0}, {5, 2}, {10, 1}, {15, 4}, {20, 3}, {25, -1}, {30, 5}};
    QTest::newRow("more columns than samples")
        << 1000 << Points{{0, 0}, {5, 2}, {10, 1}, {15, 4}, {20, 3}, {25, -1}, {30, 5}};
    // Columns [0,10.33) [10.33,20.67) [20.67,31): {0,5,10} {15,20} {25,30}.
    QTest::newRow("three columns")
        << 3 << Points{{0, 0}, {5, 2}, {15, 4}, {20, 3}, {25, -1}, {30, 5}};
    QTest::newRow("one column") << 1 << Points{{0, 0}, {25, -1}, {30, 5}};
}

void TestSeriesBuffer::outOfOrderSamplesLandInTheirColumns()
{
    QFETCH(int, columns);
    QFETCH(Points, expected);

    SeriesBuffer buffer;
    const Points arrivals{{0, 0}, {10, 1}, {5, 2}, {20, 3}, {15, 4}, {30, 5}, {25, -1}};
    for (const QPointF &p : arrivals)
        buffer.append(qint64(p.x()), p.y());

    QCOMPARE(buffer.decimated(0, 30, columns), expected);
    QCOMPARE(text(buffer.valueRange(0, 30)), text(-1.0, 5.0));
    QCOMPARE(text(buffer.valueRange(5, 20)), text(1.0, 4.0));
    QCOMPARE(buffer.firstTime(), 0);
    QCOMPARE(buffer.lastTime(), 25);

    // Once the late samples have fallen out, the buffer is ordered again and still right.
    buffer.setCapacity(3);
    buffer.append(40, 7);
    buffer.append(50, 8);
    QCOMPARE(heldTimes(buffer), (Times{25, 40, 50}));
    buffer.append(60, 9);
    QCOMPARE(buffer.decimated(0, 100, 1000), (Points{{40, 7}, {50, 8}, {60, 9}}));
    QCOMPARE(text(buffer.valueRange(45, 100)), text(8.0, 9.0));
}

void TestSeriesBuffer::lateSampleInAFullRing_data()
{
    QTest::addColumn<int>("columns");

    QTest::newRow("fewer columns than samples") << 3;
    QTest::newRow("more columns than samples") << 100;
}

void TestSeriesBuffer::lateSampleInAFullRing()
{
    QFETCH(int, columns);

    SeriesBuffer buffer(5);
    for (qint64 t = 0; t < 8; ++t)
        buffer.append(t * 10, 1);
    buffer.append(45, 9); // arrives last, belongs between 40 and 50
    QCOMPARE(heldTimes(buffer), (Times{40, 50, 60, 70, 45}));

    const Points points = buffer.decimated(42, 48, columns);
    QCOMPARE(points, (Points{{45, 9}}));
    QCOMPARE(buffer.decimated(0, 100, columns), referenceDecimation(buffer, 0, 100, columns));
    QVERIFY(buffer.decimated(0, 100, columns).contains(QPointF(45, 9)));
    QCOMPARE(text(buffer.valueRange(42, 48)), text(9, 9));
    QCOMPARE(text(buffer.valueRange(0, 100)), text(1, 9));
}

void TestSeriesBuffer::equalTimes_data()
{
    QTest::addColumn<Points>("arrivals");
    QTest::addColumn<Points>("expected");

    // One column over [0, 10]: first, smallest, largest, last, ordered by time then arrival.
    QTest::newRow("ordered")
        << Points{{0, 0}, {10, 5}, {10, 3}, {10, 4}} << Points{{0, 0}, {10, 5}, {10, 4}};
    QTest::newRow("out of order")
        << Points{{0, 0}, {10, 5}, {5, 1}, {10, 3}, {10, 4}} << Points{{0, 0}, {10, 5}, {10, 4}};
    QTest::newRow("out of order, late first")
        << Points{{5, 2}, {0, 1}, {0, 0}, {10, 3}} << Points{{0, 1}, {0, 0}, {10, 3}};
    QTest::newRow("out of order, first neither smallest nor largest")
        << Points{{5, 9}, {0, 5}, {0, 1}, {0, 9}, {10, 3}}
        << Points{{0, 5}, {0, 1}, {5, 9}, {10, 3}};
}

void TestSeriesBuffer::equalTimes()
{
    QFETCH(Points, arrivals);
    QFETCH(Points, expected);

    SeriesBuffer buffer;
    for (const QPointF &p : arrivals)
        buffer.append(qint64(p.x()), p.y());
    QCOMPARE(buffer.decimated(0, 10, 1), expected);
    // With a column per instant too (more columns than samples), equal times keep arrival order.
    for (int columns : {1, 3, 100})
        QCOMPARE(buffer.decimated(0, 10, columns), referenceDecimation(buffer, 0, 10, columns));
}

void TestSeriesBuffer::extremeWindows()
{
    constexpr qint64 min = std::numeric_limits<qint64>::min();
    constexpr qint64 max = std::numeric_limits<qint64>::max();
    SeriesBuffer buffer;
    buffer.append(min, 1);
    buffer.append(-1, 2);
    buffer.append(0, 3);
    buffer.append(max, 4);

    // Too wide for exact column arithmetic: still every column's extremes, in time order.
    QCOMPARE(buffer.decimated(min, max, 1), (Points{{double(min), 1}, {double(max), 4}}));
    const Points wide = buffer.decimated(min, max, 1000);
    QCOMPARE(wide, (Points{{double(min), 1}, {-1, 2}, {0, 3}, {double(max), 4}}));
    QCOMPARE(buffer.decimated(max, max, 5), (Points{{double(max), 4}}));
    QCOMPARE(buffer.decimated(-1, 0, 2), (Points{{-1, 2}, {0, 3}}));
    QCOMPARE(text(buffer.valueRange(min, max)), text(1.0, 4.0));
}

void TestSeriesBuffer::valueRange_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");

    // Values at t = 0..9: 5 1 9 3 9 1 4 7 2 6.
    QTest::newRow("all") << qint64(0) << qint64(9) << 1.0 << 9.0;
    QTest::newRow("inclusive bounds") << qint64(3) << qint64(4) << 3.0 << 9.0;
    QTest::newRow("one sample") << qint64(6) << qint64(6) << 4.0 << 4.0;
    QTest::newRow("tail") << qint64(6) << qint64(100) << 2.0 << 7.0;
    QTest::newRow("head") << qint64(-100) << qint64(0) << 5.0 << 5.0;
    QTest::newRow("decreasing run") << qint64(7) << qint64(8) << 2.0 << 7.0;
}

void TestSeriesBuffer::valueRange()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(double, low);
    QFETCH(double, high);

    SeriesBuffer buffer(8);
    // The first two fall out: the ring has wrapped.
    for (double v : {100.0, -100.0})
        buffer.append(-50, v);
    const QList<double> values{5, 1, 9, 3, 9, 1, 4, 7, 2, 6};
    buffer.setCapacity(10);
    for (qsizetype i = 0; i < values.size(); ++i)
        buffer.append(i, values.at(i));
    QCOMPARE(buffer.droppedCount(), 2);

    QCOMPARE(text(buffer.valueRange(from, to)), text(low, high));
}

QTEST_GUILESS_MAIN(TestSeriesBuffer)
#include "tst_seriesbuffer.moc"
