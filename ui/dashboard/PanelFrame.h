#pragma once

#include "DashboardLayout.h"

#include <QFrame>
#include <QPoint>

class DashboardPanel;
class QLabel;
class QMenu;
class QToolButton;

// The frame around one dashboard panel: a title bar with the panel's menu (its own settings, then
// move, resize and remove), dragged by the title bar onto another panel to move it there, and a
// drop target for fields from the Fields dock. It asks; the dashboard decides.
class PanelFrame : public QFrame
{
    Q_OBJECT

public:
    explicit PanelFrame(DashboardPanel *panel, QWidget *parent = nullptr);

    DashboardPanel *panel() const { return m_panel; }
    int panelId() const;
    QToolButton *menuButton() const { return m_menuButton; }
    QMenu *menu() const { return m_menu; }
    // Which moves make sense where the panel stands now, for the menu.
    void setMoveOptions(bool left, bool right, bool up, bool down);
    // An alert on what the panel shows is firing: a badge in the title bar.
    void setAlertFiring(bool firing);
    bool isAlertFiring() const { return m_firing; }

Q_SIGNALS:
    void moveRequested(int panelId, DashboardLayout::Direction direction);
    void widthScaleRequested(int panelId, double factor);
    void heightScaleRequested(int panelId, double factor);
    void renameRequested(int panelId);
    void removeRequested(int panelId);
    void panelDropped(int draggedId, int targetId);
    void fieldDropped(int targetId, quint64 stream, const QString &key);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildMenu();
    void updateTitle();
    void setDropHighlight(bool on);

    DashboardPanel *m_panel;
    QWidget *m_titleBar;
    QLabel *m_title;
    QLabel *m_badge;
    QToolButton *m_menuButton;
    QMenu *m_menu;
    QPoint m_pressPos;
    bool m_pressed = false;
    bool m_firing = false;
    bool m_canMove[4] = {false, false, false, false};
};
