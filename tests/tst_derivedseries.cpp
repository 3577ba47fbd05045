#include "DerivedSeries.h"
#include "SeriesBuffer.h"
#include "SseEvent.h"
#include "StreamFieldStore.h"

#include <QLocale>
#include <QSignalSpy>
#include <QTest>

namespace {

// Real receive times: a Unix time in milliseconds, and offsets from it in the tables.
constexpr qint64 T0 = 1'795'460'400'000;

// One step of a feed: "OFFSET PAYLOAD" (a "message" event received at T0 + OFFSET),
// "OFFSET:TYPE PAYLOAD" for another event type, or "|" for a break (breakSeries()).
void feed(StreamFieldStore &store, const QStringList &steps)
{
    for (const QString &step : steps) {
        if (step == QLatin1String("|")) {
            store.breakSeries();
            continue;
        }
        const qsizetype space = step.indexOf(QLatin1Char(' '));
        const QString when = step.left(space);
        const qsizetype colon = when.indexOf(QLatin1Char(':'));
        SseEvent event;
        event.data = step.mid(space + 1);
        if (colon >= 0)
            event.type = when.mid(colon + 1);
        store.addEvent(event, T0 + when.left(colon).toLongLong());
    }
}

// A series as "OFFSET=VALUE ...", " | " before a sample that starts a segment; values written
// shortest-exact, so that equal text means equal doubles.
QString samples(const StreamFieldStore &store, const QString &key)
{
    const SeriesBuffer *buffer = store.buffer(key);
    if (!buffer)
        return QStringLiteral("(no series)");
    QStringList parts;
    for (qsizetype i = 0; i < buffer->size(); ++i) {
        const QString sample = QStringLiteral("%1=%2").arg(buffer->timeAt(i) - T0).arg(
            QString::number(buffer->valueAt(i), 'g', QLocale::FloatingPointShortest));
        parts.append(buffer->startsSegment(i) ? QStringLiteral("| ") + sample : sample);
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace

class tst_DerivedSeries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void series_data();
    void series();
    void sameSeriesWhenAddedAfterTheSamples_data() { series_data(); }
    void sameSeriesWhenAddedAfterTheSamples();
    void clearAndRefeedGiveTheSameSeries_data() { series_data(); }
    void clearAndRefeedGiveTheSameSeries();
    void normalisation_data();
    void normalisation();
    void invalidSpecs_data();
    void invalidSpecs();
    void isDerivedKey_data();
    void isDerivedKey();
    void listedAndDiscovered();
    void sourceSeenLater();
    void nestedAddsItsSource();
    void removeDropsDependents();
    void outsideTheFieldCap();
    void pointCapApplies();
    void replotOnAnotherClock();
};

void tst_DerivedSeries::series_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QString>("expected");

    // rate: change per second.
    QTest::newRow("rate steady")
        << "rate(/count)" << QStringList{"0 {\"count\": 0}", "1000 {\"count\": 1}", "2000 {\"count\": 2}", "3000 {\"count\": 3}"}
        << "1000=1 2000=1 3000=1";
    QTest::newRow("rate uneven dt")
        << "rate(/count)" << QStringList{"0 {\"count\": 0}", "250 {\"count\": 5}", "1250 {\"count\": 6}"}
        << "250=20 1250=1";
    QTest::newRow("rate counter reset")
        << "rate(/count)"
        << QStringList{"0 {\"count\": 0}", "1000 {\"count\": 10}", "2000 {\"count\": 20}", "3000 {\"count\": 5}",
                       "4000 {\"count\": 15}"}
        << "1000=10 2000=10 3000=5 4000=10";
    QTest::newRow("rate across a break")
        << "rate(/count)"
        << QStringList{"0 {\"count\": 0}", "1000 {\"count\": 1}", "|", "5000 {\"count\": 100}", "6000 {\"count\": 102}"}
        << "1000=1 | 6000=2";
    QTest::newRow("rate dt 0 gives nothing")
        << "rate(/count)"
        << QStringList{"0 {\"count\": 0}", "1000 {\"count\": 10}", "1000 {\"count\": 20}", "2000 {\"count\": 30}"}
        << "1000=10 2000=20";
    QTest::newRow("rate clock back starts afresh")
        << "rate(/count)"
        << QStringList{"0 {\"count\": 0}", "2000 {\"count\": 20}", "1000 {\"count\": 25}", "3000 {\"count\": 45}"}
        << "2000=10 3000=10";
    QTest::newRow("rate ns-scale values")
        << "rate(/ns)"
        << QStringList{"0 {\"ns\": 1700000000000000000}", "1000 {\"ns\": 1700000001000000000}",
                       "3000 {\"ns\": 1700000003000000000}"}
        << "1000=1e+09 3000=1e+09";
    QTest::newRow("rate millions and negatives")
        << "rate(/v)" << QStringList{"0 {\"v\": -3000000}", "500 {\"v\": -1000000}", "1500 {\"v\": 0}"}
        << "500=4e+06 1500=1e+06";
    QTest::newRow("rate skips strings")
        << "rate(/v)" << QStringList{"0 {\"v\": 0}", "1000 {\"v\": \"12\"}", "2000 not json", "4000 {\"v\": 40}"}
        << "4000=10";
    QTest::newRow("rate of a bare number") << "rate(/)" << QStringList{"0 1e-9", "1000 2e-9", "1500 4e-9"}
                                            << "1000=1e-09 1500=4e-09";

    // avg: mean of (t - D, t].
    QTest::newRow("avg window edges")
        << "avg(/v, 2s)" << QStringList{"0 {\"v\": 1}", "1000 {\"v\": 2}", "2000 {\"v\": 3}", "3000 {\"v\": 4}", "4999 {\"v\": 5}"}
        << "0=1 1000=1.5 2000=2.5 3000=3.5 4999=4.5";
    QTest::newRow("avg in ms")
        << "avg(/v, 1500ms)" << QStringList{"0 {\"v\": 1}", "1000 {\"v\": 3}", "1500 {\"v\": 8}"}
        << "0=1 1000=2 1500=5.5";
    QTest::newRow("avg restarts after a break")
        << "avg(/v, 10s)" << QStringList{"0 {\"v\": 1}", "1000 {\"v\": 3}", "|", "1500 {\"v\": 10}", "2000 {\"v\": 20}"}
        << "0=1 1000=2 | 1500=10 2000=15";
    QTest::newRow("avg keeps small values beside 1e300")
        << "avg(/v, 1s)" << QStringList{"0 {\"v\": 1e300}", "500 {\"v\": 1}", "1000 {\"v\": 1}", "1600 {\"v\": -1e-9}"}
        << "0=1e+300 500=5e+299 1000=1 1600=0.4999999995";
    QTest::newRow("avg of constants")
        << "avg(/v, 1m)" << QStringList{"0 {\"v\": 0.1}", "1000 {\"v\": 0.1}", "2000 {\"v\": 0.1}"}
        << "0=0.1 1000=0.1 2000=0.1";

    // diff and ratio: on either source's sample, with the other's latest.
    const QStringList interleaved{"0 {\"a\": 5}", "1000 {\"b\": 2}", "2000 {\"a\": 7}", "3000 {\"b\": 4}"};
    QTest::newRow("diff interleaved") << "diff(/a, /b)" << interleaved << "1000=3 2000=5 3000=3";
    QTest::newRow("ratio interleaved") << "ratio(/a, /b)" << interleaved << "1000=2.5 2000=3.5 3000=1.75";
    QTest::newRow("diff in one event")
        << "diff(/a, /b)" << QStringList{"0 {\"a\": 6, \"b\": 3}", "1000 {\"a\": 1, \"b\": 3}"} << "0=3 1000=-2";
    QTest::newRow("ratio by zero gives nothing")
        << "ratio(/a, /b)" << QStringList{"0 {\"a\": 1, \"b\": 0}", "1000 {\"b\": 2}", "2000 {\"b\": 0}", "3000 {\"a\": 3}"}
        << "1000=0.5";
    QTest::newRow("diff pairing cleared by a break")
        << "diff(/a, /b)" << QStringList{"0 {\"a\": 5, \"b\": 1}", "|", "1000 {\"a\": 7}", "2000 {\"b\": 2}", "3000 {\"a\": 9}"}
        << "0=4 | 2000=5 3000=7";
    QTest::newRow("diff of typed keys")
        << "diff(alert:/x, /count)" << QStringList{"0 {\"count\": 1}", "500:alert {\"x\": 10}", "1000 {\"count\": 4}"}
        << "500=9 1000=6";
    QTest::newRow("ratio of Unix times")
        << "ratio(/ms, /s)" << QStringList{"0 {\"ms\": 1795460400000, \"s\": 1795460400}"} << "0=1000";

    // Nested: a derived series of a derived series.
    QTest::newRow("avg of a rate")
        << "avg(rate(/c), 2s)" << QStringList{"0 {\"c\": 0}", "1000 {\"c\": 1}", "2000 {\"c\": 2}", "3000 {\"c\": 5}"}
        << "1000=1 2000=1 3000=2";
    QTest::newRow("diff of a rate and its field")
        << "diff(rate(/c), /c)" << QStringList{"0 {\"c\": 10}", "1000 {\"c\": 12}"} << "1000=-10";
}

void tst_DerivedSeries::series()
{
    QFETCH(QString, spec);
    QFETCH(QStringList, steps);
    QFETCH(QString, expected);
    StreamFieldStore store;
    QString error;
    QVERIFY2(store.addDerived(spec, &error), qPrintable(error));
    feed(store, steps);
    QCOMPARE(samples(store, spec), expected);
}

void tst_DerivedSeries::sameSeriesWhenAddedAfterTheSamples()
{
    QFETCH(QString, spec);
    QFETCH(QStringList, steps);
    QFETCH(QString, expected);
    // Added to a store that holds the samples already, it computes the history they give.
    StreamFieldStore store;
    feed(store, steps);
    QVERIFY(store.addDerived(spec));
    QCOMPARE(samples(store, spec), expected);
}

void tst_DerivedSeries::clearAndRefeedGiveTheSameSeries()
{
    QFETCH(QString, spec);
    QFETCH(QStringList, steps);
    QFETCH(QString, expected);
    StreamFieldStore store;
    QVERIFY(store.addDerived(spec));
    feed(store, steps);
    store.clearSamples();
    QCOMPARE(samples(store, spec), QString());
    QVERIFY(store.derivedKeys().contains(DerivedSpec::parse(spec)->key()));
    feed(store, steps);
    QCOMPARE(samples(store, spec), expected);
}

void tst_DerivedSeries::normalisation_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("key");
    QTest::newRow("canonical") << "rate(/count)" << "rate(/count)";
    QTest::newRow("spaces") << "  rate (  /count ) " << "rate(/count)";
    QTest::newRow("case") << "RATE(/count)" << "rate(/count)";
    QTest::newRow("avg ms to s") << "avg(/count,10000ms)" << "avg(/count, 10s)";
    QTest::newRow("avg minutes") << "avg( /count , 1m )" << "avg(/count, 60s)";
    QTest::newRow("avg hours") << "avg(/count, 2h)" << "avg(/count, 7200s)";
    QTest::newRow("avg fractional") << "avg(/count, 1.5s)" << "avg(/count, 1500ms)";
    QTest::newRow("avg unit case") << "avg(/count, 10 S)" << "avg(/count, 10s)";
    QTest::newRow("diff") << "diff(/a,/b)" << "diff(/a, /b)";
    QTest::newRow("ratio typed") << "ratio(  alert:/x ,/y)" << "ratio(alert:/x, /y)";
    QTest::newRow("nested") << "avg(rate( /c ),2s)" << "avg(rate(/c), 2s)";
    QTest::newRow("path with spaces") << "rate( /a b )" << "rate(/a b)";
    QTest::newRow("path with parentheses") << "rate(/f(x))" << "rate(/f(x))";
}

void tst_DerivedSeries::normalisation()
{
    QFETCH(QString, spec);
    QFETCH(QString, key);
    StreamFieldStore store;
    QSignalSpy discovered(&store, &StreamFieldStore::fieldDiscovered);
    QVERIFY(store.addDerived(spec));
    QCOMPARE(store.derivedKeys().last(), key);
    QCOMPARE(discovered.last().at(0).toString(), key);
    // An equivalent spec is the same series: nothing new.
    const qsizetype count = discovered.size();
    QVERIFY(store.addDerived(key));
    QVERIFY(store.addDerived(spec));
    QCOMPARE(discovered.size(), count);
    QCOMPARE(store.derivedKeys().count(key), 1);
    // And every spelling finds it.
    QVERIFY(store.hasField(spec));
    QCOMPARE(store.buffer(spec), store.buffer(key));
}

void tst_DerivedSeries::invalidSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown function") << "foo(/x)" << "unknown function 'foo'";
    QTest::newRow("rate empty") << "rate()" << "rate() needs one field";
    QTest::newRow("rate two") << "rate(/a, /b)" << "rate() needs one field";
    QTest::newRow("avg no duration") << "avg(/count)" << "avg() needs a field and a duration";
    QTest::newRow("avg no field") << "avg(, 10s)" << "avg() needs a field and a duration";
    QTest::newRow("avg unknown unit") << "avg(/count, 10x)" << "unknown unit 'x'";
    QTest::newRow("avg no unit") << "avg(/count, 10)" << "needs a unit";
    QTest::newRow("avg zero") << "avg(/count, 0s)" << "out of range";
    QTest::newRow("avg not a duration") << "avg(/count, soon)" << "is not a duration";
    QTest::newRow("diff one") << "diff(/a)" << "diff() needs two fields";
    QTest::newRow("ratio three") << "ratio(/a, /b, /c)" << "ratio() needs two fields";
    QTest::newRow("plain key") << "/count" << "is not a derived series";
    QTest::newRow("empty") << "" << "is not a derived series";
    QTest::newRow("unbalanced") << "rate((/a)" << "unbalanced parentheses";
    QTest::newRow("two calls") << "rate(/a) + rate(/b)" << "unbalanced parentheses";
    QTest::newRow("nested unknown") << "avg(foo(/x), 1s)" << "unknown function 'foo'";
}

void tst_DerivedSeries::invalidSpecs()
{
    QFETCH(QString, spec);
    QFETCH(QString, error);
    StreamFieldStore store;
    QSignalSpy discovered(&store, &StreamFieldStore::fieldDiscovered);
    QString message;
    QVERIFY(!store.addDerived(spec, &message));
    QVERIFY2(message.contains(error), qPrintable(message));
    QVERIFY(store.derivedKeys().isEmpty());
    QVERIFY(store.fieldPaths().isEmpty());
    QCOMPARE(discovered.size(), 0);
}

void tst_DerivedSeries::isDerivedKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("derived");
    QTest::newRow("rate") << "rate(/count)" << true;
    QTest::newRow("avg") << "avg(/count, 10s)" << true;
    QTest::newRow("nested") << "ratio(rate(/a), /b)" << true;
    QTest::newRow("plain") << "/count" << false;
    QTest::newRow("plain with parentheses") << "/f(x)" << false;
    QTest::newRow("typed") << "alert:/latency_ms" << false;
    QTest::newRow("unknown function") << "foo(/x)" << false;
}

void tst_DerivedSeries::isDerivedKey()
{
    QFETCH(QString, key);
    QFETCH(bool, derived);
    QCOMPARE(StreamFieldStore::isDerivedKey(key), derived);
}

void tst_DerivedSeries::listedAndDiscovered()
{
    StreamFieldStore store;
    feed(store, {"0 {\"count\": 1}"});
    QSignalSpy discovered(&store, &StreamFieldStore::fieldDiscovered);
    QSignalSpy changed(&store, &StreamFieldStore::changed);
    QVERIFY(store.addDerived(QStringLiteral("rate(/count)")));
    QCOMPARE(discovered.size(), 1);
    QCOMPARE(discovered.at(0).at(0).toString(), QStringLiteral("rate(/count)"));
    QVERIFY(changed.size() >= 1);
    QCOMPARE(store.fieldPaths(), (QStringList{"/count", "rate(/count)"}));
    QCOMPARE(store.derivedKeys(), QStringList{"rate(/count)"});
    QCOMPARE(store.fieldCount(), 2);
    QVERIFY(store.buffer(QStringLiteral("rate(/count)")));
    QVERIFY(store.buffer(QStringLiteral("rate(/count)")) != store.buffer(QStringLiteral("/count")));
    feed(store, {"1000 {\"count\": 3}"});
    QCOMPARE(samples(store, QStringLiteral("rate(/count)")), QStringLiteral("1000=2"));
    // A plain field appearing later is discovered as before, after the derived one.
    feed(store, {"2000 {\"count\": 4, \"z\": 1}"});
    QCOMPARE(store.fieldPaths(), (QStringList{"/count", "rate(/count)", "/z"}));
}

void tst_DerivedSeries::sourceSeenLater()
{
    StreamFieldStore store;
    QVERIFY(store.addDerived(QStringLiteral("diff(/a, metrics:/b)")));
    QCOMPARE(samples(store, QStringLiteral("diff(/a, metrics:/b)")), QString());
    feed(store, {"0 {\"a\": 10}", "1000:metrics {\"b\": 4}", "2000 {\"a\": 12}"});
    QCOMPARE(samples(store, QStringLiteral("diff(/a, metrics:/b)")), QStringLiteral("1000=6 2000=8"));
}

void tst_DerivedSeries::nestedAddsItsSource()
{
    StreamFieldStore store;
    QVERIFY(store.addDerived(QStringLiteral("avg(rate(/c), 2s)")));
    QCOMPARE(store.derivedKeys(), (QStringList{"rate(/c)", "avg(rate(/c), 2s)"}));
    feed(store, {"0 {\"c\": 0}", "1000 {\"c\": 4}"});
    QCOMPARE(samples(store, QStringLiteral("rate(/c)")), QStringLiteral("1000=4"));
    QCOMPARE(samples(store, QStringLiteral("avg(rate(/c), 2s)")), QStringLiteral("1000=4"));
}

void tst_DerivedSeries::removeDropsDependents()
{
    StreamFieldStore store;
    QVERIFY(store.addDerived(QStringLiteral("avg(rate(/c), 2s)")));
    QVERIFY(store.addDerived(QStringLiteral("diff(/c, /d)")));
    feed(store, {"0 {\"c\": 0, \"d\": 1}", "1000 {\"c\": 4, \"d\": 1}"});
    QVERIFY(!store.removeDerived(QStringLiteral("/c"))); // a plain field is not removed
    QVERIFY(!store.removeDerived(QStringLiteral("rate(/zzz)")));
    QSignalSpy changed(&store, &StreamFieldStore::changed);
    QVERIFY(store.removeDerived(QStringLiteral("rate( /c )")));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(store.derivedKeys(), QStringList{"diff(/c, /d)"});
    QCOMPARE(store.fieldPaths(), (QStringList{"diff(/c, /d)", "/c", "/d"}));
    QVERIFY(!store.buffer(QStringLiteral("avg(rate(/c), 2s)")));
    // What stays keeps computing.
    feed(store, {"2000 {\"c\": 7, \"d\": 2}"});
    QCOMPARE(samples(store, QStringLiteral("diff(/c, /d)")), QStringLiteral("0=-1 1000=3 2000=5"));
    QCOMPARE(samples(store, QStringLiteral("/c")), QStringLiteral("0=0 1000=4 2000=7"));
    // Added again, it starts from what the sources hold.
    QVERIFY(store.addDerived(QStringLiteral("rate(/c)")));
    QCOMPARE(samples(store, QStringLiteral("rate(/c)")), QStringLiteral("1000=4 2000=3"));
}

void tst_DerivedSeries::outsideTheFieldCap()
{
    StreamFieldStore store;
    store.setFieldCap(1);
    QVERIFY(store.addDerived(QStringLiteral("rate(/a)")));
    QVERIFY(store.addDerived(QStringLiteral("avg(/a, 1s)")));
    feed(store, {"0 {\"a\": 1, \"b\": 2}", "1000 {\"a\": 3, \"b\": 2}"});
    QCOMPARE(store.fieldPaths(), (QStringList{"rate(/a)", "avg(/a, 1s)", "/a"}));
    QCOMPARE(store.ignoredFieldSampleCount(), 2);
    QCOMPARE(samples(store, QStringLiteral("rate(/a)")), QStringLiteral("1000=2"));
}

void tst_DerivedSeries::pointCapApplies()
{
    StreamFieldStore store;
    store.setPointCap(2);
    QVERIFY(store.addDerived(QStringLiteral("avg(/v, 10s)")));
    QCOMPARE(store.buffer(QStringLiteral("avg(/v, 10s)"))->capacity(), 2);
    feed(store, {"0 {\"v\": 1}", "1000 {\"v\": 2}", "2000 {\"v\": 3}"});
    // The window keeps its samples; the buffer only the newest points.
    QCOMPARE(samples(store, QStringLiteral("avg(/v, 10s)")), QStringLiteral("1000=1.5 2000=2"));
    store.setPointCap(5);
    QCOMPARE(store.buffer(QStringLiteral("avg(/v, 10s)"))->capacity(), 5);
}

void tst_DerivedSeries::replotOnAnotherClock()
{
    // A payload clock clears the samples; the owner feeds the events again and the derived
    // series follow the new times.
    const QStringList steps{"0 {\"c\": 0, \"t\": 1795460500}", "7 {\"c\": 3, \"t\": 1795460502}"};
    StreamFieldStore store;
    QVERIFY(store.addDerived(QStringLiteral("rate(/c)")));
    feed(store, steps);
    QCOMPARE(samples(store, QStringLiteral("rate(/c)")), QStringLiteral("7=428.57142857142856"));
    store.setTimeSource(StreamFieldStore::PayloadField, QStringLiteral("/t"));
    QCOMPARE(samples(store, QStringLiteral("rate(/c)")), QString());
    feed(store, steps);
    QCOMPARE(samples(store, QStringLiteral("rate(/c)")), QStringLiteral("102000=1.5"));
}

QTEST_GUILESS_MAIN(tst_DerivedSeries)
#include "tst_derivedseries.moc"
