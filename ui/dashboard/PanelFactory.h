#pragma once

#include "PanelConfig.h"

class DashboardPanel;
class PanelSources;

// The panel class for each kind.
namespace PanelFactory {

DashboardPanel *create(const PanelConfig &config, const PanelSources *sources);

} // namespace PanelFactory
