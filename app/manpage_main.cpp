// Writes eventscope(1) to standard output from the modes' own command lines; run by the build.
#include "GuiCommandLine.h"
#include "ManPage.h"
#include "RecordCommandLine.h"
#include "ServeCommandLine.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString page = ManPage::write({GuiCommandLine().spec(), RecordCommandLine().spec(), ServeCommandLine().spec()},
                                        QStringLiteral(EVENTSCOPE_VERSION));
    std::fputs(page.toUtf8().constData(), stdout);
    return std::fflush(stdout) == 0 ? 0 : 1;
}
