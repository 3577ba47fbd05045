#include "CommandLineSpec.h"

#include <QCommandLineParser>
#include <QTextBoundaryFinder>

#include <algorithm>

namespace {

QString examplesText(const QList<CommandLineSpec::Example> &examples)
{
    QString text;
    for (const CommandLineSpec::Example &example : examples)
        text += QStringLiteral("\n  ") + example.command + QStringLiteral("\n      ") + example.meaning;
    return text;
}

// East Asian wide characters (CJK, Hangul, full-width forms): two columns in a terminal.
bool isWide(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x1100 && u <= 0x115f) || (u >= 0x2e80 && u <= 0xa4cf) || (u >= 0xac00 && u <= 0xd7a3)
        || (u >= 0xf900 && u <= 0xfaff) || (u >= 0xfe30 && u <= 0xfe4f) || (u >= 0xff00 && u <= 0xff60)
        || (u >= 0xffe0 && u <= 0xffe6);
}

int columns(QStringView text)
{
    return CommandLineSpec::terminalColumns(text);
}

// `text` without the spaces at its end.
QStringView withoutTrailingSpaces(QStringView text)
{
    while (!text.isEmpty() && text.back().isSpace())
        text.chop(1);
    return text;
}

// Greedy: as many pieces between Unicode's line break opportunities (UAX #14, which knows where
// Chinese may break) as fit in `width` columns.
QString wrappedLine(const QString &line, int width)
{
    QTextBoundaryFinder breaks(QTextBoundaryFinder::Line, line);
    QString out;
    qsizetype lineStart = 0;
    qsizetype pieceStart = 0;
    for (qsizetype at = breaks.toNextBoundary(); at != -1; at = breaks.toNextBoundary()) {
        const QStringView upToHere = QStringView(line).sliced(lineStart, at - lineStart);
        if (pieceStart > lineStart && columns(withoutTrailingSpaces(upToHere)) > width) {
            out += withoutTrailingSpaces(QStringView(line).sliced(lineStart, pieceStart - lineStart)) + u'\n';
            lineStart = pieceStart;
        }
        pieceStart = at;
    }
    return out + QStringView(line).sliced(lineStart);
}

// QCommandLineParser wraps descriptions after a number of characters, not columns: a Chinese
// one would run up to twice as far, past the edge of the terminal. A description with wide
// characters therefore gets its own line breaks, within the columns the parser leaves it
// (79 minus the indentation and the longest option names, as QCommandLineParser::helpText()).
QString wrapped(const QString &description, int width)
{
    if (columns(description) == description.size())
        return description;
    QStringList lines;
    for (const QString &line : description.split(u'\n'))
        lines.append(wrappedLine(line, width));
    return lines.join(u'\n');
}

qsizetype namesLength(const QCommandLineOption &option)
{
    if (option.flags() & QCommandLineOption::HiddenFromHelp)
        return 0;
    qsizetype length = 0;
    for (const QString &name : option.names())
        length += (name.size() == 1 ? 1 : 2) + name.size() + 2;
    length -= 2; // no ", " after the last name
    if (!option.valueName().isEmpty())
        length += option.valueName().size() + 3; // " <NAME>"
    return length;
}

} // namespace

int CommandLineSpec::terminalColumns(QStringView text)
{
    int width = 0;
    for (QChar c : text)
        width += isWide(c) ? 2 : 1;
    return width;
}

void CommandLineSpec::setUp(QCommandLineParser &parser) const
{
    QString text = summary;
    if (!description.isEmpty())
        text += QStringLiteral("\n\n") + description;
    if (!exitStatus.isEmpty())
        text += QStringLiteral("\n\n") + tr("Exit status:") + u'\n' + exitStatus;
    if (!examples.isEmpty())
        text += QStringLiteral("\n\n") + tr("Examples:") + examplesText(examples);
    parser.setApplicationDescription(text);
    // --help-all, which Qt adds too, is shorter than --version.
    qsizetype longestNames = std::max(namesLength(parser.addHelpOption()), namesLength(parser.addVersionOption()));
    for (const QCommandLineOption &option : options)
        longestNames = std::max(longestNames, namesLength(option));
    const int width = 79 - (2 + int(std::min<qsizetype>(50, longestNames + 1)) + 1) - 1;
    for (QCommandLineOption option : options) {
        option.setDescription(wrapped(option.description(), width));
        parser.addOption(option);
    }
    for (const Argument &argument : arguments)
        parser.addPositionalArgument(argument.name, wrapped(argument.description, width), argument.syntax);
}

QString CommandLineSpec::helpText(const QCommandLineParser &parser) const
{
    // Qt's usage line names the executable as it was called; a mode is a verb of "eventscope".
    QString text = parser.helpText();
    while (text.endsWith(u'\n'))
        text.chop(1);
    const qsizetype firstLineEnd = text.indexOf(QLatin1Char('\n'));
    QString command = QStringLiteral("eventscope");
    if (!mode.isEmpty())
        command += u' ' + mode;
    return tr("Usage: %1").arg(command + u' ' + synopsis) + text.mid(firstLineEnd);
}
