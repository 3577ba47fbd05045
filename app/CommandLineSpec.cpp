#include "CommandLineSpec.h"

#include <QCommandLineParser>

namespace {

QString examplesText(const QList<CommandLineSpec::Example> &examples)
{
    QString text;
    for (const CommandLineSpec::Example &example : examples)
        text += QStringLiteral("\n  ") + example.command + QStringLiteral("\n      ") + example.meaning;
    return text;
}

} // namespace

void CommandLineSpec::setUp(QCommandLineParser &parser) const
{
    QString text = summary;
    if (!description.isEmpty())
        text += QStringLiteral("\n\n") + description;
    if (!exitStatus.isEmpty())
        text += QStringLiteral("\n\nExit status:\n") + exitStatus;
    if (!examples.isEmpty())
        text += QStringLiteral("\n\nExamples:") + examplesText(examples);
    parser.setApplicationDescription(text);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions(options);
    for (const Argument &argument : arguments)
        parser.addPositionalArgument(argument.name, argument.description, argument.syntax);
}

QString CommandLineSpec::helpText(const QCommandLineParser &parser) const
{
    // Qt's usage line names the executable as it was called; a mode is a verb of "eventscope".
    QString text = parser.helpText();
    while (text.endsWith(u'\n'))
        text.chop(1);
    const qsizetype firstLineEnd = text.indexOf(QLatin1Char('\n'));
    QString usage = QStringLiteral("Usage: eventscope");
    if (!mode.isEmpty())
        usage += u' ' + mode;
    return usage + u' ' + synopsis + text.mid(firstLineEnd);
}
