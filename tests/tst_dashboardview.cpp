// DashboardView and PanelFrame: the grid of panels as the user edits it — from a panel's menu, by
// dropping a panel or a field on another, and with the splitters — and panels that survive edits.
#include "DashboardMime.h"
#include "DashboardPanel.h"
#include "DashboardView.h"
#include "PanelFrame.h"

#include <QAction>
#include <QLabel>
#include <QPointer>
#include <QDropEvent>
#include <QMenu>
#include <QSignalSpy>
#include <QSplitter>
#include <QTest>

namespace {

// A panel that shows nothing: enough to be framed, moved and configured.
class BlankPanel : public DashboardPanel
{
public:
    explicit BlankPanel(bool acceptsFields)
        : DashboardPanel(nullptr)
        , m_acceptsFields(acceptsFields)
    {
    }
    void refresh(const PanelTick &) override { }
    QString defaultTitle() const override { return QStringLiteral("Blank %1").arg(panelId()); }
    bool acceptsFields() const override { return m_acceptsFields; }
    int configChanges = 0;

protected:
    void configChanged() override { ++configChanges; }

private:
    bool m_acceptsFields;
};

QString shape(const DashboardLayout &layout)
{
    QStringList rows;
    for (const DashboardLayout::Row &row : layout.rows()) {
        QStringList cells;
        for (const DashboardLayout::Cell &cell : row.cells)
            cells.append(QString::number(cell.panel.id));
        rows.append(cells.join(u' '));
    }
    return rows.join(QStringLiteral(" | "));
}

// What the splitters show, in the same notation.
QString shownShape(const DashboardView &view)
{
    QStringList rows;
    QSplitter *splitter = view.rowSplitter();
    for (int r = 0; r < splitter->count(); ++r) {
        auto *row = qobject_cast<QSplitter *>(splitter->widget(r));
        QStringList cells;
        for (int c = 0; row && c < row->count(); ++c)
            cells.append(QString::number(qobject_cast<PanelFrame *>(row->widget(c))->panelId()));
        rows.append(cells.join(u' '));
    }
    return rows.join(QStringLiteral(" | "));
}

QAction *menuAction(PanelFrame *frame, const QStringList &path)
{
    QMenu *menu = frame->menu();
    Q_EMIT menu->aboutToShow();
    for (int i = 0; i < path.size(); ++i) {
        QAction *found = nullptr;
        for (QAction *action : menu->actions()) {
            if (action->text() == path.at(i))
                found = action;
        }
        if (!found)
            return nullptr;
        if (i + 1 == path.size())
            return found;
        menu = found->menu();
        if (!menu)
            return nullptr;
    }
    return nullptr;
}

bool drop(PanelFrame *target, QMimeData *data)
{
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::MoveAction, data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    if (!enter.isAccepted()) {
        delete data;
        return false;
    }
    QDropEvent dropped(QPointF(at), Qt::MoveAction, data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &dropped);
    delete data;
    return dropped.isAccepted();
}

} // namespace

class tst_DashboardView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsTheLayoutInSplitters();
    void menuMoves_data();
    void menuMoves();
    void menuOffersOnlyMovesThatExist();
    void removeFromTheMenu();
    void panelsSurviveEdits();
    void dropPanelOnPanelMovesIt();
    void dropFieldOnPanel_data();
    void dropFieldOnPanel();
    void splittersStoreWeights();
    void sizeFromTheMenu();
    void firingBadge();
    void settingALayoutIsNotAnEdit();

private:
    DashboardView *makeView();
    DashboardLayout grid(const QList<int> &rowSizes);

    DashboardView *m_view = nullptr;
    int m_created = 0;
    bool m_acceptsFields = true;
};

void tst_DashboardView::init()
{
    m_created = 0;
    m_acceptsFields = true;
}

void tst_DashboardView::cleanup()
{
    delete m_view;
    m_view = nullptr;
}

DashboardView *tst_DashboardView::makeView()
{
    m_view = new DashboardView([this](const PanelConfig &) -> DashboardPanel * {
        ++m_created;
        return new BlankPanel(m_acceptsFields);
    });
    m_view->resize(800, 600);
    return m_view;
}

DashboardLayout tst_DashboardView::grid(const QList<int> &rowSizes)
{
    DashboardLayout layout;
    for (int r = 0; r < rowSizes.size(); ++r) {
        for (int c = 0; c < rowSizes.at(r); ++c)
            layout.addPanel(PanelConfig{}, c == 0 ? -1 : r);
    }
    return layout;
}

void tst_DashboardView::showsTheLayoutInSplitters()
{
    DashboardView *view = makeView();
    view->setDashboardLayout(grid({2, 2}));
    QCOMPARE(shownShape(*view), QStringLiteral("1 2 | 3 4"));
    QCOMPARE(m_created, 4);
    QCOMPARE(view->panels().size(), 4);
    QCOMPARE(view->panel(3)->title(), QStringLiteral("Blank 3"));
    QCOMPARE(view->frame(3)->findChild<QLabel *>("panelTitle")->text(), QStringLiteral("Blank 3"));
}

void tst_DashboardView::menuMoves_data()
{
    QTest::addColumn<int>("panel");
    QTest::addColumn<QString>("direction");
    QTest::addColumn<QString>("expected");
    QTest::newRow("right") << 1 << "Right" << "2 1 | 3 4";
    QTest::newRow("left") << 4 << "Left" << "1 2 | 4 3";
    QTest::newRow("down") << 2 << "Down" << "1 | 3 4 2";
    QTest::newRow("up") << 3 << "Up" << "1 2 3 | 4";
}

void tst_DashboardView::menuMoves()
{
    QFETCH(int, panel);
    QFETCH(QString, direction);
    QFETCH(QString, expected);
    DashboardView *view = makeView();
    view->setDashboardLayout(grid({2, 2}));
    QSignalSpy edited(view, &DashboardView::layoutEdited);
    QAction *move = menuAction(view->frame(panel), {"Move", direction});
    QVERIFY(move);
    QVERIFY(move->isEnabled());
    move->trigger();
    QCOMPARE(edited.size(), 1);
    QCOMPARE(shape(view->dashboardLayout()), expected);
    QCOMPARE(shownShape(*view), expected);
}

void tst_DashboardView::menuOffersOnlyMovesThatExist()
{
    DashboardView *view = makeView();
    view->setDashboardLayout(grid({1, 1}));
    PanelFrame *top = view->frame(1);
    QVERIFY(!menuAction(top, {"Move", "Left"})->isEnabled());
    QVERIFY(!menuAction(top, {"Move", "Right"})->isEnabled());
    QVERIFY(!menuAction(top, {"Move", "Up"})->isEnabled());
    QVERIFY(menuAction(top, {"Move", "Down"})->isEnabled());
    // Alone in the bottom row: nowhere further down.
    QVERIFY(!menuAction(view->frame(2), {"Move", "Down"})->isEnabled());
    QVERIFY(menuAction(view->frame(2), {"Move", "Up"})->isEnabled());
}

void tst_DashboardView::removeFromTheMenu()
{
    DashboardView *view = makeView();
    view->setDashboardLayout(grid({2, 1}));
    QPointer<PanelFrame> removed = view->frame(3);
    QSignalSpy edited(view, &DashboardView::layoutEdited);
    menuAction(removed, {"Remove Panel"})->trigger();
    QCOMPARE(edited.size(), 1);
    QCOMPARE(shape(view->dashboardLayout()), QStringLiteral("1 2"));
    QCOMPARE(shownShape(*view), QStringLiteral("1 2"));
    QTRY_VERIFY(removed.isNull());
    QVERIFY(!view->panel(3));
}

void tst_DashboardView::panelsSurviveEdits()
{
    DashboardView *view = makeView();
    view->setDashboardLayout(grid({2, 2}));
    QList<DashboardPanel *> before = view->panels();
    view->movePanel(1, DashboardLayout::Direction::Down);
    view->movePanelBefore(4, 2);
    QCOMPARE(m_created, 4); // nothing made again: charts keep their zoom and history
    for (DashboardPanel *panel : std::as_const(before))
        QVERIFY(view->panels().contains(panel));

    PanelConfig config = *view->dashboardLayout().panel(2);
    config.title = QStringLiteral("Throughput");
    auto *panel = static_cast<BlankPanel *>(view->panel(2));
    const int changes = panel->configChanges;
    view->updatePanel(config);
    QCOMPARE(view->panel(2), panel);
    QCOMPARE(panel->configChanges, changes + 1);
    QCOMPARE(view->frame(2)->findChild<QLabel *>("panelTitle")->text(), QStringLiteral("Throughput"));
}

void tst_DashboardView::dropPanelOnPanelMovesIt()
{
    DashboardView *view = makeView();
    view->setDashboardLayout(grid({2, 2}));
    QSignalSpy edited(view, &DashboardView::layoutEdited);
    QVERIFY(drop(view->frame(1), DashboardMime::panelData(4)));
    QCOMPARE(shape(view->dashboardLayout()), QStringLiteral("4 1 2 | 3"));
    QCOMPARE(edited.size(), 1);
    // A panel dropped on itself is refused.
    QVERIFY(!drop(view->frame(4), DashboardMime::panelData(4)));
    QCOMPARE(edited.size(), 1);
}

void tst_DashboardView::dropFieldOnPanel_data()
{
    QTest::addColumn<bool>("acceptsFields");
    QTest::addColumn<quint64>("stream");
    QTest::addColumn<QString>("key");
    QTest::newRow("a field") << true << quint64(7) << "/cpu/load[0]";
    QTest::newRow("a typed field") << true << quint64(2) << "alert:/latency_ms";
    QTest::newRow("a derived series") << true << quint64(1) << "rate(/count)";
    QTest::newRow("a panel that takes no fields") << false << quint64(7) << "/count";
}

void tst_DashboardView::dropFieldOnPanel()
{
    QFETCH(bool, acceptsFields);
    QFETCH(quint64, stream);
    QFETCH(QString, key);
    m_acceptsFields = acceptsFields;
    DashboardView *view = makeView();
    view->setDashboardLayout(grid({2}));
    QSignalSpy dropped(view, &DashboardView::fieldDropped);
    QCOMPARE(drop(view->frame(2), DashboardMime::fieldData(stream, key)), acceptsFields);
    QCOMPARE(dropped.size(), acceptsFields ? 1 : 0);
    if (acceptsFields) {
        QCOMPARE(dropped.at(0).at(0).toInt(), 2);
        QCOMPARE(dropped.at(0).at(1).value<quint64>(), stream);
        QCOMPARE(dropped.at(0).at(2).toString(), key);
    }
}

void tst_DashboardView::splittersStoreWeights()
{
    DashboardView *view = makeView();
    view->setDashboardLayout(grid({2, 1}));
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view));
    QSignalSpy edited(view, &DashboardView::layoutEdited);
    auto *firstRow = qobject_cast<QSplitter *>(view->rowSplitter()->widget(0));
    firstRow->setSizes({600, 200});
    Q_EMIT firstRow->splitterMoved(600, 1); // what a drag of the handle reports
    QCOMPARE(edited.size(), 1);
    const DashboardLayout::Row &row = view->dashboardLayout().rows().at(0);
    QCOMPARE(row.cells.at(0).weight, firstRow->sizes().at(0));
    QCOMPARE(row.cells.at(1).weight, firstRow->sizes().at(1));
    QVERIFY(row.cells.at(0).weight > 2 * row.cells.at(1).weight);
    // The same sizes again change nothing.
    Q_EMIT firstRow->splitterMoved(600, 1);
    QCOMPARE(edited.size(), 1);
}

void tst_DashboardView::sizeFromTheMenu()
{
    DashboardView *view = makeView();
    view->setDashboardLayout(grid({2}));
    QSignalSpy edited(view, &DashboardView::layoutEdited);
    menuAction(view->frame(1), {"Size", "Wider"})->trigger();
    QCOMPARE(edited.size(), 1);
    const DashboardLayout::Row &row = view->dashboardLayout().rows().at(0);
    QVERIFY(row.cells.at(0).weight > row.cells.at(1).weight);
    // Taller does nothing for the only row.
    menuAction(view->frame(1), {"Size", "Taller"})->trigger();
    QCOMPARE(edited.size(), 1);
}

void tst_DashboardView::firingBadge()
{
    DashboardView *view = makeView();
    view->setDashboardLayout(grid({1}));
    view->show();
    PanelFrame *frame = view->frame(1);
    auto *badge = frame->findChild<QLabel *>("alertBadge");
    QVERIFY(badge);
    QVERIFY(!badge->isVisible());
    frame->setAlertFiring(true);
    QVERIFY(frame->isAlertFiring());
    QVERIFY(badge->isVisible());
    frame->setAlertFiring(false);
    QVERIFY(!badge->isVisible());
}

void tst_DashboardView::settingALayoutIsNotAnEdit()
{
    DashboardView *view = makeView();
    QSignalSpy edited(view, &DashboardView::layoutEdited);
    QSignalSpy created(view, &DashboardView::panelCreated);
    view->setDashboardLayout(grid({1, 2}));
    QCOMPARE(edited.size(), 0);
    QCOMPARE(created.size(), 3);
    const int id = view->addPanel(PanelConfig{}, 0);
    QCOMPARE(id, 4);
    QCOMPARE(edited.size(), 1);
    QCOMPARE(shownShape(*view), QStringLiteral("1 4 | 2 3"));
}

QTEST_MAIN(tst_DashboardView)
#include "tst_dashboardview.moc"
