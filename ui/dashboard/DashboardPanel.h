#pragma once

#include "PanelConfig.h"

#include <QWidget>

class ChartPanel;
class PanelSources;
class QMenu;

// The display tick as panels see it.
struct PanelTick
{
    qint64 nowMs = 0;       // wall clock
    qint64 windowMs = 0;    // the time window chosen; 0 for all
    bool visibleOnly = true; // skip drawing what is scrolled out of sight
};

// One panel of the dashboard: shows what its PanelConfig names, read from PanelSources on the
// display tick. Each kind is a class of its own; the frame around it (title, menu, drag) is not
// its business.
class DashboardPanel : public QWidget
{
    Q_OBJECT

public:
    DashboardPanel(const PanelSources *sources, QWidget *parent = nullptr);

    const PanelConfig &config() const { return m_config; }
    int panelId() const { return m_config.id; }
    // The series, settings or streams changed.
    void setConfig(const PanelConfig &config);

    virtual void refresh(const PanelTick &tick) = 0;
    // The streams or their names, colours or fields changed.
    virtual void sourcesChanged();
    // What the title bar says when the user gave no title.
    virtual QString defaultTitle() const = 0;
    // The kind's own entries for the panel's menu (settings, scale, ...).
    virtual void addMenuActions(QMenu *menu) { Q_UNUSED(menu) }
    // Whether fields dropped on the panel are added to it.
    virtual bool acceptsFields() const { return false; }
    // The time-series chart inside, for the kinds that have one.
    virtual ChartPanel *chart() const { return nullptr; }
    // The panel alone for an exported picture.
    virtual void render(QPainter *painter, const QRectF &target);

    virtual void setDarkTheme(bool dark) { Q_UNUSED(dark) }
    virtual void setPaused(bool paused) { Q_UNUSED(paused) }

    QString title() const; // the given one, else defaultTitle()
    // Shown but scrolled out of sight, so that the display tick can skip it. The panel's own
    // region is empty too when an opaque child covers it, so its children are asked as well.
    bool isOutOfSight() const;

Q_SIGNALS:
    // The panel changed its own settings (from its menu): the owner stores them in the layout.
    void configEdited(const PanelConfig &config);
    void titleChanged();

protected:
    virtual void configChanged() = 0;
    const PanelSources *sources() const { return m_sources; }
    // The streams config().streams names, in the sources' order; every stream when it names none.
    QList<quint64> chosenStreams() const;
    // Stores a setting changed from the panel's menu and tells the owner.
    void editConfig(const PanelConfig &config);

private:
    const PanelSources *m_sources;
    PanelConfig m_config;
};
