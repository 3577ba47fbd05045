#include "ManPage.h"

#include <QStringList>

namespace ManPage {

namespace {

// Text as roff shows it: backslashes escaped, hyphens as minus signs (so that options can be
// copied and searched), and no line that roff would read as a request.
QString escaped(QString text)
{
    text.replace(u'\\', QStringLiteral("\\e"));
    text.replace(u'-', QStringLiteral("\\-"));
    return text;
}

QString line(const QString &text)
{
    const QString out = escaped(text);
    return (out.startsWith(u'.') || out.startsWith(u'\'')) ? QStringLiteral("\\&") + out : out;
}

// Paragraphs separated by blank lines; lines indented by two spaces are kept as they are (tables,
// examples), the others are filled.
QString paragraphs(const QString &text)
{
    QString out;
    bool literal = false;
    for (const QString &source : text.split(u'\n')) {
        if (source.isEmpty()) {
            if (literal)
                out += QStringLiteral(".fi\n");
            literal = false;
            out += QStringLiteral(".PP\n");
            continue;
        }
        const bool indented = source.startsWith(QStringLiteral("  "));
        if (indented && !literal)
            out += QStringLiteral(".nf\n");
        else if (!indented && literal)
            out += QStringLiteral(".fi\n");
        literal = indented;
        out += line(source) + u'\n';
    }
    if (literal)
        out += QStringLiteral(".fi\n");
    return out;
}

QString optionTerm(const QCommandLineOption &option)
{
    QStringList names;
    for (const QString &name : option.names())
        names.append(QStringLiteral("\\fB%1%2\\fR").arg(name.size() == 1 ? QStringLiteral("\\-") : QStringLiteral("\\-\\-"),
                                                      escaped(name)));
    QString term = names.join(QStringLiteral(", "));
    if (!option.valueName().isEmpty())
        term += QStringLiteral(" \\fI%1\\fR").arg(escaped(option.valueName()));
    return term;
}

QString section(const CommandLineSpec &spec)
{
    QString out;
    out += QStringLiteral(".SH %1\n").arg(spec.mode.isEmpty() ? QStringLiteral("THE DASHBOARD")
                                                             : QStringLiteral("\"%1 %2\"")
                                                                   .arg(QStringLiteral("EVENTSCOPE"), spec.mode.toUpper()));
    out += line(spec.summary) + u'\n';
    if (!spec.description.isEmpty())
        out += QStringLiteral(".PP\n") + paragraphs(spec.description);
    out += QStringLiteral(".SS Options\n");
    for (const QCommandLineOption &option : spec.options) {
        if (option.flags() & QCommandLineOption::HiddenFromHelp)
            continue;
        out += QStringLiteral(".TP\n") + optionTerm(option) + u'\n' + line(option.description()) + u'\n';
    }
    out += QStringLiteral(".TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\nShow this mode's options and exit.\n");
    out += QStringLiteral(".TP\n\\fB\\-v\\fR, \\fB\\-\\-version\\fR\nShow the version and exit.\n");
    for (const CommandLineSpec::Argument &argument : spec.arguments)
        out += QStringLiteral(".TP\n\\fI%1\\fR\n%2\n").arg(escaped(argument.syntax), line(argument.description));
    if (!spec.exitStatus.isEmpty())
        out += QStringLiteral(".SS \"Exit status\"\n") + paragraphs(spec.exitStatus);
    if (!spec.examples.isEmpty()) {
        out += QStringLiteral(".SS Examples\n");
        for (const CommandLineSpec::Example &example : spec.examples)
            out += QStringLiteral(".TP\n.B %1\n%2\n").arg(escaped(example.command), line(example.meaning));
    }
    return out;
}

} // namespace

QString write(const QList<CommandLineSpec> &modes, const QString &version)
{
    QString out;
    out += QStringLiteral(".TH EVENTSCOPE 1 \"\" \"eventscope %1\" \"User Commands\"\n").arg(escaped(version));
    out += QStringLiteral(".nh\n.ad l\n"); // option names and JSON keys are not to be hyphenated
    out += QStringLiteral(".SH NAME\neventscope \\- live dashboard, recorder and server for Server\\-Sent Events\n");
    out += QStringLiteral(".SH SYNOPSIS\n");
    for (qsizetype i = 0; i < modes.size(); ++i) {
        if (i > 0)
            out += QStringLiteral(".br\n");
        const CommandLineSpec &spec = modes.at(i);
        out += QStringLiteral(".B eventscope%1\n").arg(spec.mode.isEmpty() ? QString() : u' ' + spec.mode);
        out += line(spec.synopsis) + u'\n';
    }
    for (const CommandLineSpec &spec : modes)
        out += section(spec);
    out += QStringLiteral(".SH FILES\n.TP\n.I ~/.config/EventScope/eventscope.conf\n"
                          "The dashboard's settings: window layout, recent sessions, limits.\n");
    out += QStringLiteral(".SH \"SEE ALSO\"\nThe usage guide: https://github.com/eventscope/eventscope#usage\n");
    return out;
}

} // namespace ManPage
