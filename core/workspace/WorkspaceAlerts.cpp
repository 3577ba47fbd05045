#include "WorkspaceAlerts.h"
