#include "PanelFrame.h"

#include "DashboardMime.h"
#include "DashboardPanel.h"

#include <QAction>
#include <QApplication>
#include <QDrag>
#include <QDragEnterEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QToolButton>
#include <QVBoxLayout>

PanelFrame::PanelFrame(DashboardPanel *panel, QWidget *parent)
    : QFrame(parent)
    , m_panel(panel)
{
    setFrameShape(QFrame::StyledPanel);
    setAcceptDrops(true);
    setObjectName(QStringLiteral("panelFrame"));

    m_titleBar = new QWidget(this);
    m_titleBar->setObjectName(QStringLiteral("panelTitleBar"));
    m_titleBar->setCursor(Qt::OpenHandCursor);
    m_titleBar->setToolTip(tr("Drag the title onto another panel to move this one there"));
    m_titleBar->installEventFilter(this);
    m_title = new QLabel(m_titleBar);
    m_title->setObjectName(QStringLiteral("panelTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setTextInteractionFlags(Qt::NoTextInteraction);
    m_title->setMinimumWidth(40);
    m_title->installEventFilter(this);
    m_badge = new QLabel(m_titleBar);
    m_badge->setObjectName(QStringLiteral("alertBadge"));
    m_badge->setText(tr("⚠ firing"));
    m_badge->setStyleSheet(QStringLiteral("QLabel { color: white; background: #c62828; border-radius: 3px; padding: 0 4px; }"));
    m_badge->setToolTip(tr("An alert rule on what this panel shows is firing"));
    m_badge->hide();

    m_menu = new QMenu(this);
    m_menuButton = new QToolButton(m_titleBar);
    m_menuButton->setObjectName(QStringLiteral("panelMenuButton"));
    m_menuButton->setText(QStringLiteral("⋮"));
    m_menuButton->setAutoRaise(true);
    m_menuButton->setPopupMode(QToolButton::InstantPopup);
    m_menuButton->setMenu(m_menu);
    m_menuButton->setToolTip(tr("Panel menu: settings, move, resize, remove"));
    connect(m_menu, &QMenu::aboutToShow, this, &PanelFrame::buildMenu);

    auto *titleLayout = new QHBoxLayout(m_titleBar);
    titleLayout->setContentsMargins(6, 2, 2, 2);
    titleLayout->setSpacing(6);
    titleLayout->addWidget(m_title, 1);
    titleLayout->addWidget(m_badge);
    titleLayout->addWidget(m_menuButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(1, 1, 1, 1);
    layout->setSpacing(0);
    layout->addWidget(m_titleBar);
    layout->addWidget(panel, 1);

    connect(panel, &DashboardPanel::titleChanged, this, &PanelFrame::updateTitle);
    updateTitle();
}

int PanelFrame::panelId() const
{
    return m_panel->panelId();
}

void PanelFrame::setMoveOptions(bool left, bool right, bool up, bool down)
{
    m_canMove[0] = left;
    m_canMove[1] = right;
    m_canMove[2] = up;
    m_canMove[3] = down;
}

void PanelFrame::setAlertFiring(bool firing)
{
    if (firing == m_firing)
        return;
    m_firing = firing;
    m_badge->setVisible(firing);
}

void PanelFrame::updateTitle()
{
    m_title->setText(m_panel->title());
    m_title->setToolTip(m_panel->title());
}

void PanelFrame::buildMenu()
{
    m_menu->clear();
    m_panel->addMenuActions(m_menu);
    if (!m_menu->isEmpty())
        m_menu->addSeparator();
    const int id = panelId();
    m_menu->addAction(tr("Rename…"), this, [this, id] { Q_EMIT renameRequested(id); });
    QMenu *move = m_menu->addMenu(tr("Move"));
    const std::pair<QString, DashboardLayout::Direction> moves[] = {
        {tr("Left"), DashboardLayout::Direction::Left},
        {tr("Right"), DashboardLayout::Direction::Right},
        {tr("Up"), DashboardLayout::Direction::Up},
        {tr("Down"), DashboardLayout::Direction::Down},
    };
    for (int i = 0; i < 4; ++i) {
        QAction *action = move->addAction(moves[i].first, this,
                                          [this, id, direction = moves[i].second] { Q_EMIT moveRequested(id, direction); });
        action->setEnabled(m_canMove[i]);
    }
    QMenu *size = m_menu->addMenu(tr("Size"));
    size->addAction(tr("Wider"), this, [this, id] { Q_EMIT widthScaleRequested(id, 1.5); });
    size->addAction(tr("Narrower"), this, [this, id] { Q_EMIT widthScaleRequested(id, 1 / 1.5); });
    size->addAction(tr("Taller"), this, [this, id] { Q_EMIT heightScaleRequested(id, 1.5); });
    size->addAction(tr("Shorter"), this, [this, id] { Q_EMIT heightScaleRequested(id, 1 / 1.5); });
    m_menu->addSeparator();
    m_menu->addAction(tr("Remove Panel"), this, [this, id] { Q_EMIT removeRequested(id); });
}

bool PanelFrame::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_titleBar && watched != m_title)
        return QFrame::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton) {
            m_pressed = true;
            m_pressPos = mouse->globalPosition().toPoint();
        }
        break;
    }
    case QEvent::MouseButtonRelease:
        m_pressed = false;
        break;
    case QEvent::MouseButtonDblClick:
        Q_EMIT renameRequested(panelId());
        return true;
    case QEvent::MouseMove: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (!m_pressed || (mouse->globalPosition().toPoint() - m_pressPos).manhattanLength() < QApplication::startDragDistance())
            break;
        m_pressed = false;
        auto *drag = new QDrag(this);
        drag->setMimeData(DashboardMime::panelData(panelId()));
        drag->setPixmap(grab().scaledToWidth(qMin(240, width()), Qt::SmoothTransformation));
        drag->exec(Qt::MoveAction);
        return true;
    }
    default:
        break;
    }
    return QFrame::eventFilter(watched, event);
}

void PanelFrame::dragEnterEvent(QDragEnterEvent *event)
{
    const QMimeData *data = event->mimeData();
    const auto dragged = DashboardMime::panel(data);
    const bool accept = (dragged && *dragged != panelId()) || (DashboardMime::field(data) && m_panel->acceptsFields());
    if (!accept)
        return;
    event->acceptProposedAction();
    setDropHighlight(true);
}

void PanelFrame::dragLeaveEvent(QDragLeaveEvent *event)
{
    setDropHighlight(false);
    QFrame::dragLeaveEvent(event);
}

void PanelFrame::dropEvent(QDropEvent *event)
{
    setDropHighlight(false);
    const QMimeData *data = event->mimeData();
    if (const auto dragged = DashboardMime::panel(data); dragged && *dragged != panelId()) {
        event->acceptProposedAction();
        Q_EMIT panelDropped(*dragged, panelId());
    } else if (const auto field = DashboardMime::field(data); field && m_panel->acceptsFields()) {
        event->acceptProposedAction();
        Q_EMIT fieldDropped(panelId(), field->first, field->second);
    }
}

void PanelFrame::setDropHighlight(bool on)
{
    setFrameShadow(on ? QFrame::Sunken : QFrame::Plain);
    setLineWidth(on ? 3 : 1);
    setStyleSheet(on ? QStringLiteral("#panelFrame { border: 2px solid palette(highlight); }") : QString());
}
