#pragma once

#include "DashboardPanel.h"

class ConnectionTimelineModel;
class ConnectionTimelineView;

// When each stream was open, reconnecting, failed or closed over the time window:
// config().streams, or every stream.
class ConnectionTimelinePanel : public DashboardPanel
{
    Q_OBJECT

public:
    explicit ConnectionTimelinePanel(const PanelSources *sources, QWidget *parent = nullptr);

    void refresh(const PanelTick &tick) override;
    QString defaultTitle() const override;
    void setDarkTheme(bool dark) override;
    void setPaused(bool paused) override { m_paused = paused; }

    QList<quint64> shownStreams() const; // the configured ones, or every stream
    ConnectionTimelineModel *model() const { return m_model; }
    ConnectionTimelineView *view() const { return m_view; }

protected:
    void configChanged() override;

private:
    ConnectionTimelineModel *m_model;
    ConnectionTimelineView *m_view;
    QList<quint64> m_shownStreams;
    bool m_paused = false;
};
