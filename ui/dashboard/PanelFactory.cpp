#include "PanelFactory.h"

#include "ConnectionTimelinePanel.h"
#include "EventRatePanel.h"
#include "StatTilePanel.h"
#include "TimeSeriesPanel.h"

namespace PanelFactory {

DashboardPanel *create(const PanelConfig &config, const PanelSources *sources)
{
    switch (config.kind) {
    case PanelConfig::Kind::EventRate:
        return new EventRatePanel(sources);
    case PanelConfig::Kind::StatTile:
        return new StatTilePanel(sources);
    case PanelConfig::Kind::ConnectionTimeline:
        return new ConnectionTimelinePanel(sources);
    case PanelConfig::Kind::TimeSeries:
        break;
    }
    return new TimeSeriesPanel(sources);
}

} // namespace PanelFactory
