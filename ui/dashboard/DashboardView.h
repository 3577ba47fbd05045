#pragma once

#include "DashboardLayout.h"

#include <QHash>
#include <QList>
#include <QWidget>

#include <functional>

class DashboardPanel;
class PanelFrame;
class QSplitter;

// The dashboard's grid: a DashboardLayout shown as rows of panels between splitters. The user
// moves panels from their menus or by dragging a title onto another panel, resizes them with the
// splitters or the menu, renames and removes them; each edit changes the layout and is announced
// with layoutEdited(). Panels are made by the factory given and kept while they stay in the layout.
class DashboardView : public QWidget
{
    Q_OBJECT

public:
    using PanelFactory = std::function<DashboardPanel *(const PanelConfig &config)>;

    explicit DashboardView(PanelFactory factory, QWidget *parent = nullptr);
    ~DashboardView() override;

    const DashboardLayout &dashboardLayout() const { return m_layout; }
    // Shows `layout` (not an edit: layoutEdited() is not emitted).
    void setDashboardLayout(const DashboardLayout &layout);

    // Edits, as the user makes them; each emits layoutEdited().
    int addPanel(const PanelConfig &config, int row = -1);
    void updatePanel(const PanelConfig &config);
    void removePanel(int id);
    void movePanel(int id, DashboardLayout::Direction direction);
    void movePanelBefore(int id, int targetId);

    QList<DashboardPanel *> panels() const; // row by row, left to right
    DashboardPanel *panel(int id) const;
    PanelFrame *frame(int id) const;
    QSplitter *rowSplitter() const { return m_rows; }

Q_SIGNALS:
    void layoutEdited();
    void fieldDropped(int panelId, quint64 stream, const QString &key);
    void panelCreated(DashboardPanel *panel);

private:
    void edit(const std::function<bool(DashboardLayout &)> &change);
    void rebuild();
    PanelFrame *frameFor(const PanelConfig &config);
    void rename(int id);
    void storeSizes();
    QList<QList<int>> structure() const;

    PanelFactory m_factory;
    DashboardLayout m_layout;
    QHash<int, PanelFrame *> m_frames;
    QSplitter *m_rows = nullptr;
    QList<QList<int>> m_shownStructure;
    bool m_rebuilding = false;
};
