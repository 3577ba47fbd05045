#pragma once

#include "CommandLineSpec.h"

#include <QList>
#include <QString>

// eventscope(1) in roff (man macros), written from the command lines of the modes themselves.
namespace ManPage {

// `modes`: the dashboard first, then record and serve.
QString write(const QList<CommandLineSpec> &modes, const QString &version);

} // namespace ManPage
