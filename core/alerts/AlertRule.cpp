#include "AlertRule.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace {

constexpr qint64 MaxDurationMs = 1'000'000'000'000; // about 31 years: longer is a typo

QString durationUnits()
{
    return AlertRule::tr("(use ms, s, m or h)");
}

// Reads a rule left to right; every failure names the whole rule.
class RuleReader
{
public:
    explicit RuleReader(QStringView text)
        : m_text(text.trimmed())
    {
    }

    QStringView text() const { return m_text; }
    bool atEnd() { skipSpaces(); return m_pos >= m_text.size(); }
    QStringView rest() { skipSpaces(); return m_text.mid(m_pos); }
    void skipToEnd() { m_pos = m_text.size(); }

    void skipSpaces()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }

    // A case-insensitive keyword, followed by the end or by anything but a letter.
    bool keyword(QLatin1StringView word)
    {
        skipSpaces();
        const QStringView here = m_text.mid(m_pos);
        if (!here.startsWith(word, Qt::CaseInsensitive))
            return false;
        if (here.size() > word.size() && here.at(word.size()).isLetter())
            return false;
        m_pos += word.size();
        return true;
    }

    bool symbol(QLatin1StringView text)
    {
        skipSpaces();
        if (!m_text.mid(m_pos).startsWith(text))
            return false;
        m_pos += text.size();
        return true;
    }

    // Up to the next space, or up to `stop` when it comes first.
    QStringView word(QStringView stop = {})
    {
        skipSpaces();
        const qsizetype begin = m_pos;
        while (m_pos < m_text.size() && !m_text.at(m_pos).isSpace()) {
            if (!stop.isEmpty() && m_text.mid(m_pos).startsWith(stop))
                break;
            ++m_pos;
        }
        return m_text.mid(begin, m_pos - begin);
    }

    // A field key, or a derived spec whose parentheses may hold spaces: up to a space or a
    // comparison outside the parentheses. Sets `unbalanced` when a ')' is missing.
    QStringView field(bool *unbalanced)
    {
        skipSpaces();
        const qsizetype begin = m_pos;
        int depth = 0;
        for (; m_pos < m_text.size(); ++m_pos) {
            const QChar c = m_text.at(m_pos);
            if (c == QLatin1Char('('))
                ++depth;
            else if (c == QLatin1Char(')') && depth > 0)
                --depth;
            else if (depth == 0 && (c.isSpace() || c == QLatin1Char('<') || c == QLatin1Char('>')))
                break;
        }
        *unbalanced = depth > 0;
        return m_text.mid(begin, m_pos - begin);
    }

private:
    QStringView m_text;
    qsizetype m_pos = 0;
};

QString quoted(QStringView text)
{
    return QLatin1Char('\'') + text.toString() + QLatin1Char('\'');
}

bool fail(const RuleReader &reader, QString *error, const QString &what)
{
    if (error)
        *error = quoted(reader.text()) + QStringLiteral(": ") + what;
    return false;
}

// A JSON number: no leading '+', no hex, no NaN or infinities, nothing too large for a double.
std::optional<double> readNumber(QStringView text, QString *what)
{
    static const QRegularExpression json(QStringLiteral("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$"));
    if (!json.match(text.toString()).hasMatch()) {
        *what = AlertRule::tr("%1 is not a number").arg(quoted(text));
        return std::nullopt;
    }
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value)) {
        *what = AlertRule::tr("%1 is too large for a number").arg(quoted(text));
        return std::nullopt;
    }
    return value;
}

// "500ms", "10s", "1.5m", "2h"; a space may stand between the number and the unit.
std::optional<qint64> readDuration(QStringView text, QString *what)
{
    static const QRegularExpression form(QStringLiteral("^([0-9]+(?:\\.[0-9]+)?)\\s*([A-Za-z]*)$"));
    const QRegularExpressionMatch match = form.match(text.toString());
    if (!match.hasMatch()) {
        *what = AlertRule::tr("%1 is not a duration %2").arg(quoted(text), durationUnits());
        return std::nullopt;
    }
    const QString number = match.captured(1);
    const QString unit = match.captured(2).toLower();
    double scale = 0;
    if (unit.isEmpty()) {
        *what = AlertRule::tr("a unit is missing after %1 %2").arg(number, durationUnits());
        return std::nullopt;
    }
    if (unit == QLatin1String("ms"))
        scale = 1;
    else if (unit == QLatin1String("s"))
        scale = 1000;
    else if (unit == QLatin1String("m"))
        scale = 60'000;
    else if (unit == QLatin1String("h"))
        scale = 3'600'000;
    if (scale == 0) {
        *what = AlertRule::tr("unknown unit '%1' %2").arg(match.captured(2), durationUnits());
        return std::nullopt;
    }
    const double ms = std::round(number.toDouble() * scale);
    if (ms < 1) {
        *what = AlertRule::tr("the duration must be at least 1ms, not %1").arg(text.toString());
        return std::nullopt;
    }
    if (ms > double(MaxDurationMs)) {
        *what = AlertRule::tr("the duration %1 is too long").arg(text.toString());
        return std::nullopt;
    }
    return qint64(ms);
}

bool isFieldKey(QStringView field)
{
    if (field.startsWith(QLatin1Char('/')) || field.startsWith(QLatin1Char('[')))
        return true;
    return field.contains(QLatin1String(":/")) || field.contains(QLatin1String(":["));
}

// What is wrong with a field, or an empty string.
QString fieldProblem(QStringView field)
{
    const qsizetype open = field.indexOf(QLatin1Char('('));
    if (open > 0 && field.endsWith(QLatin1Char(')'))) {
        static const QStringList functions = {QStringLiteral("rate"), QStringLiteral("avg"),
                                              QStringLiteral("diff"), QStringLiteral("ratio")};
        const QString name = field.left(open).toString();
        if (!functions.contains(name))
            return AlertRule::tr("unknown function '%1' (use rate, avg, diff or ratio)").arg(name);
        if (field.mid(open + 1).chopped(1).trimmed().isEmpty())
            return AlertRule::tr("a field is missing in %1").arg(quoted(field));
        return {};
    }
    if (!isFieldKey(field))
        return AlertRule::tr("%1 is not a field key (keys begin with '/', as in /count)").arg(quoted(field));
    return {};
}

bool readDurationAtEnd(RuleReader &reader, qint64 *ms, QString *error, const QString &missing)
{
    if (reader.atEnd())
        return fail(reader, error, missing);
    QString what;
    const std::optional<qint64> duration = readDuration(reader.rest(), &what);
    if (!duration)
        return fail(reader, error, what);
    reader.skipToEnd();
    *ms = *duration;
    return true;
}

bool parseFieldRule(RuleReader &reader, AlertRule *rule, QString *error)
{
    bool unbalanced = false;
    const QStringView field = reader.field(&unbalanced);
    if (unbalanced)
        return fail(reader, error, AlertRule::tr("a ')' is missing"));
    if (field.isEmpty()) {
        const QString op = reader.word().toString();
        return fail(reader, error, AlertRule::tr("a field is missing before '%1'").arg(op));
    }
    if (const QString problem = fieldProblem(field); !problem.isEmpty())
        return fail(reader, error, problem);
    rule->field = field.toString();

    using Kind = AlertRule::Kind;
    QString op;
    if (reader.symbol(QLatin1StringView(">="))) {
        rule->kind = Kind::AtLeast, op = QStringLiteral(">=");
    } else if (reader.symbol(QLatin1StringView(">"))) {
        rule->kind = Kind::Above, op = QStringLiteral(">");
    } else if (reader.symbol(QLatin1StringView("<="))) {
        rule->kind = Kind::AtMost, op = QStringLiteral("<=");
    } else if (reader.symbol(QLatin1StringView("<"))) {
        rule->kind = Kind::Below, op = QStringLiteral("<");
    } else if (reader.keyword(QLatin1StringView("outside"))) {
        rule->kind = Kind::Outside;
    } else {
        return fail(reader, error, AlertRule::tr("expected >, >=, <, <= or outside"));
    }

    QString what;
    if (rule->kind == Kind::Outside) {
        const QStringView low = reader.word(u"..");
        if (low.isEmpty() && !reader.symbol(QLatin1StringView("..")))
            return fail(reader, error, AlertRule::tr("LOW..HIGH is missing after 'outside'"));
        if (!low.isEmpty() && !reader.symbol(QLatin1StringView("..")))
            return fail(reader, error, AlertRule::tr("expected LOW..HIGH after 'outside'"));
        const QStringView high = reader.word();
        if (low.isEmpty() || high.isEmpty())
            return fail(reader, error, AlertRule::tr("expected LOW..HIGH after 'outside'"));
        const std::optional<double> lowValue = readNumber(low, &what);
        if (!lowValue)
            return fail(reader, error, what);
        const std::optional<double> highValue = readNumber(high, &what);
        if (!highValue)
            return fail(reader, error, what);
        if (!(*lowValue < *highValue))
            return fail(reader, error, AlertRule::tr("LOW must be below HIGH in '%1..%2'")
                                           .arg(low.toString(), high.toString()));
        rule->low = *lowValue;
        rule->high = *highValue;
    } else {
        const QStringView number = reader.word();
        if (number.isEmpty())
            return fail(reader, error, AlertRule::tr("a number is missing after '%1'").arg(op));
        const std::optional<double> value = readNumber(number, &what);
        if (!value)
            return fail(reader, error, what);
        rule->threshold = *value;
    }

    if (reader.atEnd())
        return true;
    if (!reader.keyword(QLatin1StringView("for")))
        return fail(reader, error, AlertRule::tr("unexpected %1 (only 'for DURATION' may follow)")
                                       .arg(quoted(reader.rest())));
    return readDurationAtEnd(reader, &rule->forMs, error, AlertRule::tr("a duration is missing after 'for'"));
}

bool parseReconnects(RuleReader &reader, AlertRule *rule, QString *error)
{
    rule->kind = AlertRule::Kind::Reconnects;
    if (!reader.symbol(QLatin1StringView(">")))
        return fail(reader, error, AlertRule::tr("expected '>' after 'reconnects', as in 'reconnects > 3 in 1m'"));
    const QStringView count = reader.word();
    if (count.isEmpty())
        return fail(reader, error, AlertRule::tr("a count is missing after '>'"));
    bool ok = false;
    const int value = count.toInt(&ok);
    if (!ok || value < 0 || count.startsWith(QLatin1Char('+')))
        return fail(reader, error, AlertRule::tr("%1 is not a whole number of reconnects").arg(quoted(count)));
    rule->count = value;
    if (!reader.keyword(QLatin1StringView("in")))
        return fail(reader, error, AlertRule::tr("expected 'in DURATION' after the count"));
    return readDurationAtEnd(reader, &rule->durationMs, error, AlertRule::tr("a duration is missing after 'in'"));
}

QString comparison(AlertRule::Kind kind)
{
    switch (kind) {
    case AlertRule::Kind::Above: return QStringLiteral(">");
    case AlertRule::Kind::AtLeast: return QStringLiteral(">=");
    case AlertRule::Kind::Below: return QStringLiteral("<");
    case AlertRule::Kind::AtMost: return QStringLiteral("<=");
    default: return {};
    }
}

} // namespace

std::optional<AlertRule> AlertRule::parse(QStringView text, QString *error)
{
    RuleReader reader(text);
    AlertRule rule;
    if (reader.atEnd()) {
        if (error)
            *error = QStringLiteral("'': ") + tr("the rule is empty");
        return std::nullopt;
    }
    bool ok = false;
    if (reader.keyword(QLatin1StringView("stale"))) {
        rule.kind = Kind::Stale;
        ok = readDurationAtEnd(reader, &rule.durationMs, error, AlertRule::tr("a duration is missing"));
    } else if (reader.keyword(QLatin1StringView("down"))) {
        rule.kind = Kind::Down;
        ok = readDurationAtEnd(reader, &rule.durationMs, error, AlertRule::tr("a duration is missing"));
    } else if (reader.keyword(QLatin1StringView("idreset"))) {
        rule.kind = Kind::IdReset;
        rule.durationMs = DefaultIdResetHoldMs;
        ok = reader.atEnd() || readDurationAtEnd(reader, &rule.durationMs, error, QString());
    } else if (reader.keyword(QLatin1StringView("reconnects"))) {
        ok = parseReconnects(reader, &rule, error);
    } else {
        ok = parseFieldRule(reader, &rule, error);
    }
    if (!ok)
        return std::nullopt;
    return rule;
}

QString AlertRule::text() const
{
    switch (kind) {
    case Kind::Stale:
        return QStringLiteral("stale ") + durationText(durationMs);
    case Kind::Down:
        return QStringLiteral("down ") + durationText(durationMs);
    case Kind::IdReset:
        return durationMs == DefaultIdResetHoldMs ? QStringLiteral("idreset")
                                                  : QStringLiteral("idreset ") + durationText(durationMs);
    case Kind::Reconnects:
        return QStringLiteral("reconnects > %1 in %2").arg(QString::number(count), durationText(durationMs));
    case Kind::Outside:
    case Kind::Above:
    case Kind::AtLeast:
    case Kind::Below:
    case Kind::AtMost:
        break;
    }
    QString text = kind == Kind::Outside
        ? QStringLiteral("%1 outside %2..%3").arg(field, numberText(low), numberText(high))
        : QStringLiteral("%1 %2 %3").arg(field, comparison(kind), numberText(threshold));
    if (forMs > 0)
        text += QStringLiteral(" for ") + durationText(forMs);
    return text;
}

bool AlertRule::isFieldRule() const
{
    switch (kind) {
    case Kind::Above:
    case Kind::AtLeast:
    case Kind::Below:
    case Kind::AtMost:
    case Kind::Outside:
        return true;
    case Kind::Stale:
    case Kind::Down:
    case Kind::IdReset:
    case Kind::Reconnects:
        return false;
    }
    return false;
}

QString AlertRule::numberText(double value)
{
    // Whole numbers that a double holds exactly read best in full: 1700000000000, not 1.7e+12.
    constexpr double exactIntegers = 9007199254740992.0; // 2^53
    if (std::trunc(value) == value && std::abs(value) <= exactIntegers)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString AlertRule::durationText(qint64 ms)
{
    if (ms > 0 && ms % 3'600'000 == 0)
        return QString::number(ms / 3'600'000) + QLatin1Char('h');
    if (ms > 0 && ms % 60'000 == 0)
        return QString::number(ms / 60'000) + QLatin1Char('m');
    if (ms > 0 && ms % 1000 == 0)
        return QString::number(ms / 1000) + QLatin1Char('s');
    return QString::number(ms) + QStringLiteral("ms");
}

QString AlertRule::readableDuration(qint64 ms)
{
    ms = qMax<qint64>(0, ms);
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    if (ms < 60'000) {
        const qint64 tenths = (ms + 50) / 100;
        return tenths % 10 == 0 || tenths >= 600 ? QStringLiteral("%1 s").arg(qMin<qint64>(tenths / 10, 59))
                                                 : QStringLiteral("%1.%2 s").arg(tenths / 10).arg(tenths % 10);
    }
    const qint64 seconds = ms / 1000;
    if (seconds < 3600) {
        const qint64 rest = seconds % 60;
        return rest == 0 ? QStringLiteral("%1 min").arg(seconds / 60)
                         : QStringLiteral("%1 min %2 s").arg(seconds / 60).arg(rest);
    }
    const qint64 minutes = (seconds / 60) % 60;
    return minutes == 0 ? QStringLiteral("%1 h").arg(seconds / 3600)
                        : QStringLiteral("%1 h %2 min").arg(seconds / 3600).arg(minutes);
}
