#pragma once

#include "DashboardPanel.h"

class ChartPanel;

// Events per second (and bytes per second, on the right axis) of each stream over time, one sample
// per whole second.
class EventRatePanel : public DashboardPanel
{
    Q_OBJECT

public:
    explicit EventRatePanel(const PanelSources *sources, QWidget *parent = nullptr);

    void refresh(const PanelTick &tick) override;
    QString defaultTitle() const override;
    void addMenuActions(QMenu *menu) override;
    ChartPanel *chart() const override { return m_chart; }
    void render(QPainter *painter, const QRectF &target) override;
    void setDarkTheme(bool dark) override;
    void setPaused(bool paused) override;

    QList<quint64> shownStreams() const; // the configured ones, or every stream

protected:
    void configChanged() override;

private:
    ChartPanel *m_chart;
    QList<quint64> m_shownStreams;
};
