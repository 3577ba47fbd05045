#pragma once

#include <QStringList>

// `eventscope serve --demo|--replay FILE ...`: `arguments` start with the program name, then "serve".
int runServeCommand(const QStringList &arguments);
