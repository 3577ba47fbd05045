#pragma once

#include "DashboardPanel.h"
#include "StatTileState.h"

class StatTileWidget;

// The newest value of one field, large, coloured by its thresholds, with a sparkline of the time
// window: the first of config().series.
class StatTilePanel : public DashboardPanel
{
    Q_OBJECT

public:
    explicit StatTilePanel(const PanelSources *sources, QWidget *parent = nullptr);

    void refresh(const PanelTick &tick) override;
    QString defaultTitle() const override;
    void addMenuActions(QMenu *menu) override;
    bool acceptsFields() const override { return true; }
    void setDarkTheme(bool dark) override;
    void setPaused(bool paused) override { m_paused = paused; }

    void editThresholds(); // the dialog of the menu entry
    StatTileWidget *tile() const { return m_tile; }
    const StatTileState &state() const { return m_state; }

protected:
    void configChanged() override;

private:
    StatTileState m_state;
    StatTileWidget *m_tile;
    PanelTick m_lastTick;
    bool m_paused = false;
};
