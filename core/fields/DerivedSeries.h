#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <deque>
#include <optional>
#include <utility>

// What a derived series computes, read from its spec: "rate(KEY)", "avg(KEY, DURATION)",
// "diff(A, B)" or "ratio(A, B)". KEY, A and B are field keys of one stream, or derived specs
// themselves. DURATION is a positive number with a unit: ms, s, m or h.
struct DerivedSpec
{
    enum Kind { Rate, Average, Difference, Ratio };

    Kind kind = Rate;
    QStringList sources; // one (rate, avg) or two (diff, ratio) canonical keys
    qint64 windowMs = 0; // avg only

    // The canonical spelling: "rate(/count)", "avg(/count, 10s)", "diff(/a, /b)", "ratio(/a, /b)".
    // Names and spaces are normalised, nested specs too; a duration is written in whole seconds
    // when it is one ("10000ms" and "1m" read "10s" and "60s"), otherwise in milliseconds.
    QString key() const;

    // Nothing, with `error` set, for text that is not a spec. Function names are case-insensitive.
    static std::optional<DerivedSpec> parse(const QString &text, QString *error = nullptr);
    // Whether `text` is written as a function call ("name(...)"): what plain field keys never are.
    static bool looksLikeSpec(const QString &text);
    // "10s", "250ms", "1.5m", "2h"; nothing for anything else or less than a millisecond.
    static std::optional<qint64> parseDuration(const QString &text);
    static QString durationText(qint64 ms);

    friend bool operator==(const DerivedSpec &, const DerivedSpec &) = default;
};

// The running state of one derived series: fed its sources' samples of one event at a time, it
// answers the derived sample of that event, if any. O(1) amortised per event.
//
// rate: (v - previous) per second, or v per second after a drop (a counter reset counts the
// increase from 0). A sample at the previous one's time gives nothing and is skipped; one earlier
// than it gives nothing and starts afresh (the clock went back).
// avg: the mean of the samples with time in (t - window, t], one per sample.
// diff/ratio: on a sample of either source, with the latest one of the other (both need one);
// a ratio by 0 gives nothing. When both sources have a sample in the same event they pair.
class SeriesBuffer;

class DerivedSeries
{
public:
    explicit DerivedSeries(DerivedSpec spec);

    const DerivedSpec &spec() const { return m_spec; }

    // `first` and `second`: the sources' samples in this event (second only for two sources).
    std::optional<double> feed(qint64 timeMs, std::optional<double> first, std::optional<double> second = {});
    // Forget every sample: after a break, or when the samples are cleared.
    void reset();
    // Feeds the samples the sources hold (null: none yet), in time order, into `out`, as if they
    // had come live: a break in a source starts afresh and is kept in `out`. Samples of two
    // sources at one time count as one event. Leaves the state at the newest samples, so that live
    // samples continue from there.
    void replay(const SeriesBuffer *first, const SeriesBuffer *second, SeriesBuffer &out);

private:
    std::optional<double> rate(qint64 timeMs, double value);
    double average(qint64 timeMs, double value);
    void add(long double value);
    void resum();

    DerivedSpec m_spec;
    // rate
    std::optional<std::pair<qint64, double>> m_previous;
    // avg: the samples in the window, and their sum compensated (Neumaier) in long double, so
    // that adding and removing large values (1e300) neither overflows nor erases the small ones.
    std::deque<std::pair<qint64, double>> m_window;
    long double m_sum = 0;
    long double m_compensation = 0;
    qsizetype m_removedSinceSum = 0;
    // diff, ratio
    std::optional<double> m_latestFirst;
    std::optional<double> m_latestSecond;
};
