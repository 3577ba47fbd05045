#include "DashboardView.h"

#include "DashboardPanel.h"
#include "PanelFrame.h"

#include <QInputDialog>
#include <QSplitter>
#include <QVBoxLayout>

namespace {

QList<int> rowWeights(const DashboardLayout &layout)
{
    QList<int> weights;
    for (const auto &row : layout.rows())
        weights.append(row.weight);
    return weights;
}

QList<int> cellWeights(const DashboardLayout::Row &row)
{
    QList<int> weights;
    for (const auto &cell : row.cells)
        weights.append(cell.weight);
    return weights;
}

} // namespace

DashboardView::DashboardView(PanelFactory factory, QWidget *parent)
    : QWidget(parent)
    , m_factory(std::move(factory))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    rebuild();
}

DashboardView::~DashboardView()
{
    // The frames live in the splitters; the splitters go with this widget.
    m_rebuilding = true;
}

void DashboardView::setDashboardLayout(const DashboardLayout &layout)
{
    m_layout = layout;
    rebuild();
}

void DashboardView::edit(const std::function<bool(DashboardLayout &)> &change)
{
    DashboardLayout changed = m_layout;
    if (!change(changed) || changed == m_layout)
        return;
    m_layout = changed;
    rebuild();
    Q_EMIT layoutEdited();
}

int DashboardView::addPanel(const PanelConfig &config, int row)
{
    int id = 0;
    edit([&](DashboardLayout &layout) {
        id = layout.addPanel(config, row);
        return true;
    });
    return id;
}

void DashboardView::updatePanel(const PanelConfig &config)
{
    edit([&](DashboardLayout &layout) { return layout.updatePanel(config); });
    if (DashboardPanel *shown = panel(config.id))
        shown->setConfig(config);
}

void DashboardView::removePanel(int id)
{
    edit([id](DashboardLayout &layout) { return layout.removePanel(id); });
}

void DashboardView::movePanel(int id, DashboardLayout::Direction direction)
{
    edit([&](DashboardLayout &layout) { return layout.movePanel(id, direction); });
}

void DashboardView::movePanelBefore(int id, int targetId)
{
    edit([&](DashboardLayout &layout) {
        const DashboardLayout::Position target = layout.position(targetId);
        return target.isValid() && layout.movePanelTo(id, target.row, targetId);
    });
}

QList<DashboardPanel *> DashboardView::panels() const
{
    QList<DashboardPanel *> list;
    for (const PanelConfig &config : m_layout.panels()) {
        if (PanelFrame *shown = m_frames.value(config.id))
            list.append(shown->panel());
    }
    return list;
}

DashboardPanel *DashboardView::panel(int id) const
{
    PanelFrame *shown = m_frames.value(id);
    return shown ? shown->panel() : nullptr;
}

PanelFrame *DashboardView::frame(int id) const
{
    return m_frames.value(id);
}

PanelFrame *DashboardView::frameFor(const PanelConfig &config)
{
    if (PanelFrame *existing = m_frames.value(config.id)) {
        existing->panel()->setConfig(config);
        return existing;
    }
    DashboardPanel *content = m_factory(config);
    content->setConfig(config);
    auto *created = new PanelFrame(content);
    const int id = config.id;
    connect(created, &PanelFrame::moveRequested, this, &DashboardView::movePanel);
    connect(created, &PanelFrame::panelDropped, this, &DashboardView::movePanelBefore);
    connect(created, &PanelFrame::removeRequested, this, &DashboardView::removePanel);
    connect(created, &PanelFrame::renameRequested, this, &DashboardView::rename);
    connect(created, &PanelFrame::fieldDropped, this, &DashboardView::fieldDropped);
    connect(created, &PanelFrame::widthScaleRequested, this, [this](int panelId, double factor) {
        edit([&](DashboardLayout &layout) { return layout.scaleWidth(panelId, factor); });
    });
    connect(created, &PanelFrame::heightScaleRequested, this, [this](int panelId, double factor) {
        edit([&](DashboardLayout &layout) { return layout.scaleHeight(panelId, factor); });
    });
    connect(content, &DashboardPanel::configEdited, this, [this, id](const PanelConfig &edited) {
        PanelConfig stored = edited;
        stored.id = id;
        edit([&](DashboardLayout &layout) { return layout.updatePanel(stored); });
    });
    m_frames.insert(id, created);
    Q_EMIT panelCreated(content);
    return created;
}

QList<QList<int>> DashboardView::structure() const
{
    QList<QList<int>> ids;
    for (const auto &row : m_layout.rows()) {
        ids.append(QList<int>());
        for (const auto &cell : row.cells)
            ids.last().append(cell.panel.id);
    }
    return ids;
}

void DashboardView::rebuild()
{
    m_rebuilding = true;
    if (m_rows && structure() == m_shownStructure) {
        // Same panels in the same places: settings and sizes only.
        const QList<DashboardLayout::Row> &rows = m_layout.rows();
        for (int r = 0; r < rows.size(); ++r) {
            for (const auto &cell : rows.at(r).cells)
                frameFor(cell.panel);
            if (auto *row = qobject_cast<QSplitter *>(m_rows->widget(r)))
                row->setSizes(cellWeights(rows.at(r)));
        }
        m_rows->setSizes(rowWeights(m_layout));
        m_rebuilding = false;
        return;
    }
    m_shownStructure = structure();
    QSplitter *old = m_rows;
    // Frames that stay are lifted out of the old splitters before those go.
    QHash<int, PanelFrame *> kept;
    for (const PanelConfig &config : m_layout.panels()) {
        if (PanelFrame *existing = m_frames.take(config.id)) {
            existing->setParent(nullptr);
            kept.insert(config.id, existing);
        }
    }
    qDeleteAll(m_frames);
    m_frames = kept;

    m_rows = new QSplitter(Qt::Vertical, this);
    m_rows->setObjectName(QStringLiteral("dashboardRows"));
    m_rows->setChildrenCollapsible(false);
    const QList<DashboardLayout::Row> &rows = m_layout.rows();
    for (int r = 0; r < rows.size(); ++r) {
        auto *row = new QSplitter(Qt::Horizontal, m_rows);
        row->setChildrenCollapsible(false);
        const QList<DashboardLayout::Cell> &cells = rows.at(r).cells;
        for (int c = 0; c < cells.size(); ++c) {
            PanelFrame *shown = frameFor(cells.at(c).panel);
            shown->setMoveOptions(c > 0, c + 1 < cells.size(), r > 0, r + 1 < rows.size() || cells.size() > 1);
            row->addWidget(shown);
        }
        row->setSizes(cellWeights(rows.at(r)));
        connect(row, &QSplitter::splitterMoved, this, &DashboardView::storeSizes);
    }
    m_rows->setSizes(rowWeights(m_layout));
    connect(m_rows, &QSplitter::splitterMoved, this, &DashboardView::storeSizes);
    layout()->addWidget(m_rows);
    delete old;
    m_rebuilding = false;
}

void DashboardView::storeSizes()
{
    if (m_rebuilding)
        return;
    DashboardLayout changed = m_layout;
    changed.setRowWeights(m_rows->sizes());
    for (int r = 0; r < m_rows->count(); ++r) {
        if (auto *row = qobject_cast<QSplitter *>(m_rows->widget(r)))
            changed.setCellWeights(r, row->sizes());
    }
    if (changed == m_layout)
        return;
    m_layout = changed; // the splitters show it already
    Q_EMIT layoutEdited();
}

void DashboardView::rename(int id)
{
    DashboardPanel *shown = panel(id);
    if (!shown)
        return;
    bool ok = false;
    const QString title = QInputDialog::getText(this, tr("Rename Panel"),
                                                tr("Title (empty: named after what it shows):"),
                                                QLineEdit::Normal, shown->config().title, &ok);
    if (!ok)
        return;
    PanelConfig config = shown->config();
    config.title = title.trimmed();
    updatePanel(config);
}
