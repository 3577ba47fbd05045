#pragma once

#include "DashboardPanel.h"

class ChartPanel;

// A time series panel: one or more fields, from one stream or several, on a left and an optional
// right value axis, each linear or logarithmic; outages of its streams shaded; events of chosen
// types drawn as vertical markers. Clicking a point names the event it came from.
class TimeSeriesPanel : public DashboardPanel
{
    Q_OBJECT

public:
    explicit TimeSeriesPanel(const PanelSources *sources, QWidget *parent = nullptr);

    void refresh(const PanelTick &tick) override;
    QString defaultTitle() const override;
    void addMenuActions(QMenu *menu) override;
    bool acceptsFields() const override { return true; }
    ChartPanel *chart() const override { return m_chart; }
    void render(QPainter *painter, const QRectF &target) override;
    void setDarkTheme(bool dark) override;
    void setPaused(bool paused) override;

    // Adds a field (on the left axis); nothing when it is there already.
    void addSeries(quint64 stream, const QString &key);
    // The streams whose series the panel shows, each once.
    QList<quint64> shownStreams() const;

Q_SIGNALS:
    // A point of `stream`'s series was clicked; `receivedAtMs` on the receive clock.
    void pointClicked(quint64 stream, const QString &key, qint64 receivedAtMs);

protected:
    void configChanged() override;

private:
    qint64 clockOffset() const;
    void updateMarkers(qint64 fromMs, qint64 toMs);

    ChartPanel *m_chart;
    QList<PanelSeries> m_shown; // the series handed to the chart, in its order
};
