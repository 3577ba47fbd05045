#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringView>

class QCommandLineParser;

// One mode's command line as data: its parser is set up from it, its --help printed from it and
// the man page written from it, so that none of them can drift from the others.
struct CommandLineSpec
{
    Q_DECLARE_TR_FUNCTIONS(CommandLineSpec)

public:
    struct Argument
    {
        QString name;
        QString description;
        QString syntax; // as in the usage line, e.g. "URL..."
    };
    struct Example
    {
        QString command; // "eventscope record URL -o capture.jsonl"
        QString meaning;
    };

    QString mode;        // "record", "serve"; empty for the dashboard
    QString synopsis;    // what follows "eventscope MODE" in the usage line
    QString summary;     // one line
    QString description; // paragraphs, separated by blank lines
    QList<QCommandLineOption> options;
    QList<Argument> arguments;
    QList<Example> examples;
    QString exitStatus;

    // The help and version options, then the options and arguments.
    void setUp(QCommandLineParser &parser) const;
    // What --help prints.
    QString helpText(const QCommandLineParser &parser) const;

    // The columns `text` takes in a terminal: East Asian wide characters (CJK, Hangul, full-width
    // forms) two, others one.
    static int terminalColumns(QStringView text);
};
