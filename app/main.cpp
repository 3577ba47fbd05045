#include "GuiCommand.h"
#include "Preferences.h"
#include "RecordCommand.h"
#include "ServeCommand.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace {

// The translations of the language chosen in Preferences, or of the user's locale (LANG, LC_ALL,
// LC_MESSAGES): Qt's own, then ours.
void installTranslations()
{
    const QLocale locale = Preferences::load().translationLocale();
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *ours = new QTranslator(QCoreApplication::instance());
    if (ours->load(locale, QStringLiteral("eventscope"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
}

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("EventScope"));
    QCoreApplication::setApplicationName(QStringLiteral("eventscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(EVENTSCOPE_VERSION));
    installTranslations(); // after the names: the preferences are read from their settings
}

bool hasDisplay()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
        || qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}

} // namespace

int main(int argc, char *argv[])
{
    const char *command = argc > 1 ? argv[1] : "";
    if (std::strcmp(command, "record") == 0 || std::strcmp(command, "serve") == 0) {
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        const QStringList arguments = QCoreApplication::arguments();
        return std::strcmp(command, "record") == 0 ? runRecordCommand(arguments)
                                                   : runServeCommand(arguments);
    }

    const bool onlyHelp = std::any_of(argv + 1, argv + argc, [](const char *argument) {
        return std::strcmp(argument, "--help") == 0 || std::strcmp(argument, "-h") == 0
            || std::strcmp(argument, "--version") == 0 || std::strcmp(argument, "-v") == 0;
    });
    if (onlyHelp) {
        // Help and version need no window: no display, no platform plugin, nothing it warns about.
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        return runGuiCommand();
    }
    if (!hasDisplay()) {
        // Made only to speak the user's language: a QCoreApplication needs no display.
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        const QString message = QCoreApplication::translate(
            "main",
            "eventscope: no display found (set DISPLAY or WAYLAND_DISPLAY) - the dashboard needs one; without a "
            "display use\n"
            "  eventscope serve --demo                 serve the demo stream at http://127.0.0.1:8080/events\n"
            "  eventscope record URL... -o out.jsonl   record streams as JSON Lines\n");
        std::fputs(qPrintable(message), stderr);
        return 1;
    }
    QApplication app(argc, argv);
    setApplicationIdentity();
    return runGuiCommand();
}
