#include "DerivedSeries.h"

#include "SeriesBuffer.h"

#include <QCoreApplication>

#include <cmath>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DerivedSpec", text); // the context lupdate gives its methods
}

bool isNameStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// The length of the name that begins `text`, 0 if none.
qsizetype nameLength(QStringView text)
{
    if (text.isEmpty() || !isNameStart(text.front()))
        return 0;
    qsizetype length = 1;
    while (length < text.size() && isNameChar(text.at(length)))
        ++length;
    return length;
}

// Where the arguments of "name(...)" begin: just after the '('; -1 if `text` is not written so.
qsizetype argumentsStart(QStringView text)
{
    const qsizetype name = nameLength(text);
    if (name == 0 || !text.endsWith(QLatin1Char(')')))
        return -1;
    qsizetype at = name;
    while (at < text.size() && text.at(at).isSpace())
        ++at;
    return at < text.size() && text.at(at) == QLatin1Char('(') ? at + 1 : -1;
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// The arguments split at the commas outside parentheses, trimmed; false when the parentheses
// do not pair up.
bool splitArguments(QStringView inner, QStringList *arguments)
{
    int depth = 0;
    qsizetype begin = 0;
    for (qsizetype i = 0; i < inner.size(); ++i) {
        const QChar c = inner.at(i);
        if (c == QLatin1Char('(')) {
            ++depth;
        } else if (c == QLatin1Char(')')) {
            if (--depth < 0)
                return false;
        } else if (c == QLatin1Char(',') && depth == 0) {
            arguments->append(inner.sliced(begin, i - begin).trimmed().toString());
            begin = i + 1;
        }
    }
    arguments->append(inner.sliced(begin).trimmed().toString());
    return depth == 0;
}

// A source as its canonical key: a nested spec normalised, a field key as it is.
bool sourceKey(const QString &argument, QString *key, QString *error)
{
    if (!DerivedSpec::looksLikeSpec(argument)) {
        *key = argument;
        return true;
    }
    const std::optional<DerivedSpec> nested = DerivedSpec::parse(argument, error);
    if (!nested)
        return false;
    *key = nested->key();
    return true;
}

constexpr qint64 LongestWindowMs = 366LL * 24 * 3600 * 1000 * 100;

} // namespace

QString DerivedSpec::key() const
{
    switch (kind) {
    case Rate:
        return QStringLiteral("rate(%1)").arg(sources.value(0));
    case Average:
        return QStringLiteral("avg(%1, %2)").arg(sources.value(0), durationText(windowMs));
    case Difference:
        return QStringLiteral("diff(%1, %2)").arg(sources.value(0), sources.value(1));
    case Ratio:
        return QStringLiteral("ratio(%1, %2)").arg(sources.value(0), sources.value(1));
    }
    return {};
}

bool DerivedSpec::looksLikeSpec(const QString &text)
{
    return argumentsStart(QStringView(text).trimmed()) >= 0;
}

std::optional<qint64> DerivedSpec::parseDuration(const QString &text)
{
    const QString trimmed = text.trimmed();
    qsizetype digits = 0;
    while (digits < trimmed.size() && (trimmed.at(digits).isDigit() || trimmed.at(digits) == QLatin1Char('.')))
        ++digits;
    bool ok = false;
    const double amount = trimmed.left(digits).toDouble(&ok);
    if (!ok)
        return std::nullopt;
    const QString unit = trimmed.sliced(digits).trimmed().toLower();
    double factor = 0;
    if (unit == QLatin1String("ms"))
        factor = 1;
    else if (unit == QLatin1String("s"))
        factor = 1000;
    else if (unit == QLatin1String("m"))
        factor = 60'000;
    else if (unit == QLatin1String("h"))
        factor = 3'600'000;
    else
        return std::nullopt;
    const double ms = std::round(amount * factor);
    if (!(ms >= 1) || ms > double(LongestWindowMs))
        return std::nullopt;
    return qint64(ms);
}

QString DerivedSpec::durationText(qint64 ms)
{
    return ms % 1000 == 0 ? QStringLiteral("%1s").arg(ms / 1000) : QStringLiteral("%1ms").arg(ms);
}

std::optional<DerivedSpec> DerivedSpec::parse(const QString &text, QString *error)
{
    const QStringView spec = QStringView(text).trimmed();
    const qsizetype start = argumentsStart(spec);
    if (start < 0) {
        fail(error, tr("'%1' is not a derived series: write rate(KEY), avg(KEY, DURATION), diff(A, B) "
                       "or ratio(A, B)").arg(spec.toString()));
        return std::nullopt;
    }
    const QString name = spec.left(nameLength(spec)).toString();
    QStringList arguments;
    if (!splitArguments(spec.sliced(start, spec.size() - start - 1), &arguments)) {
        fail(error, tr("unbalanced parentheses in '%1'").arg(spec.toString()));
        return std::nullopt;
    }
    const auto filled = [&arguments](qsizetype count) {
        if (arguments.size() != count)
            return false;
        for (const QString &argument : std::as_const(arguments)) {
            if (argument.isEmpty())
                return false;
        }
        return true;
    };

    DerivedSpec result;
    const QString lower = name.toLower();
    if (lower == QLatin1String("rate")) {
        if (!filled(1)) {
            fail(error, tr("rate() needs one field"));
            return std::nullopt;
        }
        result.kind = Rate;
    } else if (lower == QLatin1String("avg")) {
        if (!filled(2)) {
            fail(error, tr("avg() needs a field and a duration"));
            return std::nullopt;
        }
        result.kind = Average;
        const QString duration = arguments.takeLast();
        const std::optional<qint64> window = parseDuration(duration);
        if (!window) {
            qsizetype digits = 0;
            while (digits < duration.size() && (duration.at(digits).isDigit() || duration.at(digits) == QLatin1Char('.')))
                ++digits;
            const QString unit = duration.sliced(digits).trimmed();
            if (digits == 0)
                fail(error, tr("'%1' is not a duration (a number and ms, s, m or h)").arg(duration));
            else if (unit.isEmpty())
                fail(error, tr("the duration '%1' needs a unit (ms, s, m or h)").arg(duration));
            else if (!QStringList{QStringLiteral("ms"), QStringLiteral("s"), QStringLiteral("m"), QStringLiteral("h")}.contains(unit.toLower()))
                fail(error, tr("unknown unit '%1' (ms, s, m or h)").arg(unit));
            else
                fail(error, tr("the duration '%1' is out of range (1ms to 100 years)").arg(duration));
            return std::nullopt;
        }
        result.windowMs = *window;
    } else if (lower == QLatin1String("diff") || lower == QLatin1String("ratio")) {
        if (!filled(2)) {
            fail(error, tr("%1() needs two fields").arg(lower));
            return std::nullopt;
        }
        result.kind = lower == QLatin1String("diff") ? Difference : Ratio;
    } else {
        fail(error, tr("unknown function '%1' (rate, avg, diff or ratio)").arg(name));
        return std::nullopt;
    }
    for (const QString &argument : std::as_const(arguments)) {
        QString key;
        if (!sourceKey(argument, &key, error))
            return std::nullopt;
        result.sources.append(key);
    }
    return result;
}

DerivedSeries::DerivedSeries(DerivedSpec spec)
    : m_spec(std::move(spec))
{
}

void DerivedSeries::reset()
{
    m_previous.reset();
    m_window.clear();
    m_sum = 0;
    m_compensation = 0;
    m_removedSinceSum = 0;
    m_latestFirst.reset();
    m_latestSecond.reset();
}

std::optional<double> DerivedSeries::feed(qint64 timeMs, std::optional<double> first, std::optional<double> second)
{
    switch (m_spec.kind) {
    case DerivedSpec::Rate:
        return first ? rate(timeMs, *first) : std::nullopt;
    case DerivedSpec::Average:
        return first ? std::optional(average(timeMs, *first)) : std::nullopt;
    case DerivedSpec::Difference:
    case DerivedSpec::Ratio:
        if (!first && !second)
            return std::nullopt;
        if (first)
            m_latestFirst = first;
        if (second)
            m_latestSecond = second;
        if (!m_latestFirst || !m_latestSecond)
            return std::nullopt;
        if (m_spec.kind == DerivedSpec::Difference)
            return *m_latestFirst - *m_latestSecond;
        if (*m_latestSecond == 0)
            return std::nullopt;
        return *m_latestFirst / *m_latestSecond;
    }
    return std::nullopt;
}

std::optional<double> DerivedSeries::rate(qint64 timeMs, double value)
{
    if (!m_previous) {
        m_previous.emplace(timeMs, value);
        return std::nullopt;
    }
    const auto [previousTime, previousValue] = *m_previous;
    const qint64 dt = timeMs - previousTime;
    if (dt == 0)
        return std::nullopt;
    m_previous.emplace(timeMs, value);
    if (dt < 0)
        return std::nullopt;
    const double increase = value < previousValue ? value : value - previousValue;
    return increase / (double(dt) / 1000.0); // exact for whole seconds
}

void DerivedSeries::add(long double value)
{
    // Neumaier's compensated sum: what the rounding of each step loses is kept apart.
    const long double sum = m_sum + value;
    if (std::fabs(m_sum) >= std::fabs(value))
        m_compensation += (m_sum - sum) + value;
    else
        m_compensation += (value - sum) + m_sum;
    m_sum = sum;
}

void DerivedSeries::resum()
{
    m_sum = 0;
    m_compensation = 0;
    m_removedSinceSum = 0;
    for (const auto &sample : m_window)
        add(sample.second);
}

double DerivedSeries::average(qint64 timeMs, double value)
{
    m_window.emplace_back(timeMs, value);
    add(value);
    // (t - window, t]: a sample exactly one window old has left it. Subtracting overflows
    // nowhere: the window is at most a hundred years.
    while (m_window.front().first <= timeMs - m_spec.windowMs) {
        add(-(long double)m_window.front().second);
        m_window.pop_front();
        ++m_removedSinceSum;
    }
    // The compensation bounds the error by the values seen, not held: summing afresh once as
    // many samples have left as are held keeps it to the window's, at O(1) amortised.
    if (m_removedSinceSum > 64 && m_removedSinceSum > qsizetype(m_window.size()))
        resum();
    return double((m_sum + m_compensation) / (long double)m_window.size());
}

void DerivedSeries::replay(const SeriesBuffer *first, const SeriesBuffer *second, SeriesBuffer &out)
{
    const auto put = [&out](qint64 timeMs, std::optional<double> value) {
        if (value && std::isfinite(*value))
            out.append(timeMs, *value);
    };
    if (m_spec.sources.size() < 2) {
        if (!first)
            return;
        for (qsizetype i = 0; i < first->size(); ++i) {
            if (first->startsSegment(i)) {
                reset();
                out.markBreak();
            }
            put(first->timeAt(i), feed(first->timeAt(i), first->valueAt(i)));
        }
        return;
    }
    const qsizetype firstSize = first ? first->size() : 0;
    const qsizetype secondSize = second ? second->size() : 0;
    qsizetype i = 0;
    qsizetype j = 0;
    // One break cuts both sources, each before its next sample: the second source's break after
    // a reset is the same one, unless that source had a sample since.
    bool firstSinceReset = false;
    bool secondSinceReset = false;
    while (i < firstSize || j < secondSize) {
        qint64 timeMs;
        if (i < firstSize && j < secondSize)
            timeMs = qMin(first->timeAt(i), second->timeAt(j));
        else
            timeMs = i < firstSize ? first->timeAt(i) : second->timeAt(j);
        std::optional<double> a;
        std::optional<double> b;
        bool cut = false;
        if (i < firstSize && first->timeAt(i) == timeMs) {
            a = first->valueAt(i);
            cut = first->startsSegment(i) && firstSinceReset;
            ++i;
        }
        if (j < secondSize && second->timeAt(j) == timeMs) {
            b = second->valueAt(j);
            cut = cut || (second->startsSegment(j) && secondSinceReset);
            ++j;
        }
        if (cut) {
            reset();
            out.markBreak();
            firstSinceReset = false;
            secondSinceReset = false;
        }
        firstSinceReset = firstSinceReset || a.has_value();
        secondSinceReset = secondSinceReset || b.has_value();
        put(timeMs, feed(timeMs, a, b));
    }
}
