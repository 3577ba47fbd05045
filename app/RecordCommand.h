#pragma once

#include <QStringList>

// `eventscope record [OPTIONS] URL...`: `arguments` start with the program name, then "record".
int runRecordCommand(const QStringList &arguments);
