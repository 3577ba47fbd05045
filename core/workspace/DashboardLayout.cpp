#include "DashboardLayout.h"

#include <QSet>

#include <cmath>
#include <limits>

namespace {

template<typename Item>
int meanWeight(const QList<Item> &items)
{
    if (items.isEmpty())
        return DashboardLayout::DefaultWeight;
    qint64 sum = 0;
    for (const Item &item : items)
        sum += item.weight;
    return int(qMax<qint64>(1, (sum + items.size() / 2) / items.size()));
}

// Grows items[index] by `factor` against its neighbours. The total is kept (raised to
// DefaultWeight per item when it was smaller) so that repeated steps keep their integer resolution.
template<typename Item>
bool scaleWeights(QList<Item> &items, qsizetype index, double factor)
{
    if (items.size() < 2 || !std::isfinite(factor) || factor <= 0 || factor == 1)
        return false;
    double total = 0;
    for (const Item &item : items)
        total += item.weight;
    const double target = qMax(total, double(DashboardLayout::DefaultWeight) * double(items.size()));
    const double grown = double(items.at(index).weight) * factor;
    const double others = total - items.at(index).weight;
    // ratio = others / grown, written so that a huge or tiny factor stays finite.
    const double ratio = others / grown;
    const double ownShare = std::isfinite(ratio) ? 1 / (1 + ratio) : 0;
    const double othersShare = std::isfinite(ratio) ? ratio / (1 + ratio) : 1;
    bool changed = false;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const double raw = i == index ? target * ownShare
                                      : target * othersShare * (items.at(i).weight / others);
        const int weight = DashboardLayout::clampWeight(raw);
        changed = changed || weight != items.at(i).weight;
        items[i].weight = weight;
    }
    return changed;
}

} // namespace

int DashboardLayout::clampWeight(double weight)
{
    if (!(weight >= 1))
        return 1;
    if (weight >= double(std::numeric_limits<int>::max()))
        return std::numeric_limits<int>::max();
    return int(std::llround(weight));
}

int DashboardLayout::panelCount() const
{
    int count = 0;
    for (const Row &row : m_rows)
        count += int(row.cells.size());
    return count;
}

QList<PanelConfig> DashboardLayout::panels() const
{
    QList<PanelConfig> list;
    for (const Row &row : m_rows) {
        for (const Cell &cell : row.cells)
            list.append(cell.panel);
    }
    return list;
}

DashboardLayout::Cell *DashboardLayout::find(int id, Position *position)
{
    const Position at = this->position(id);
    if (!at.isValid())
        return nullptr;
    if (position)
        *position = at;
    return &m_rows[at.row].cells[at.column];
}

DashboardLayout::Position DashboardLayout::position(int id) const
{
    if (id <= 0)
        return {};
    for (int r = 0; r < m_rows.size(); ++r) {
        const QList<Cell> &cells = m_rows.at(r).cells;
        for (int c = 0; c < cells.size(); ++c) {
            if (cells.at(c).panel.id == id)
                return {r, c};
        }
    }
    return {};
}

std::optional<PanelConfig> DashboardLayout::panel(int id) const
{
    const Position at = position(id);
    if (!at.isValid())
        return std::nullopt;
    return m_rows.at(at.row).cells.at(at.column).panel;
}

int DashboardLayout::addPanel(PanelConfig panel, int row)
{
    panel.id = m_nextId++;
    Cell cell{panel, DefaultWeight};
    if (row < 0 || row >= m_rows.size()) {
        insertRow(int(m_rows.size()), cell);
    } else if (m_rows.at(row).cells.size() >= MaxColumns) {
        insertRow(row + 1, cell);
    } else {
        cell.weight = meanWeight(m_rows.at(row).cells);
        m_rows[row].cells.append(cell);
    }
    return panel.id;
}

void DashboardLayout::insertRow(int index, Cell cell)
{
    cell.weight = DefaultWeight;
    const int weight = meanWeight(m_rows);
    m_rows.insert(qBound(0, index, int(m_rows.size())), Row{{cell}, weight});
}

DashboardLayout::Cell DashboardLayout::take(Position at, bool *rowRemoved)
{
    QList<Cell> &cells = m_rows[at.row].cells;
    Cell cell = cells.takeAt(at.column);
    const bool emptied = cells.isEmpty();
    if (emptied)
        m_rows.removeAt(at.row);
    if (rowRemoved)
        *rowRemoved = emptied;
    return cell;
}

bool DashboardLayout::removePanel(int id)
{
    Position at;
    if (!find(id, &at))
        return false;
    take(at);
    return true;
}

bool DashboardLayout::updatePanel(const PanelConfig &panel)
{
    Cell *cell = find(panel.id);
    if (!cell)
        return false;
    cell->panel = panel;
    return true;
}

bool DashboardLayout::movePanel(int id, Direction direction)
{
    Position at;
    if (!find(id, &at))
        return false;
    QList<Cell> &cells = m_rows[at.row].cells;
    switch (direction) {
    case Direction::Left:
        if (at.column == 0)
            return false;
        cells.swapItemsAt(at.column, at.column - 1);
        return true;
    case Direction::Right:
        if (at.column + 1 >= cells.size())
            return false;
        cells.swapItemsAt(at.column, at.column + 1);
        return true;
    case Direction::Up:
        if (at.row == 0)
            return false;
        return moveToNeighbourRow(at, at.row - 1);
    case Direction::Down:
        if (at.row + 1 >= m_rows.size()) {
            if (cells.size() == 1)
                return false;
            insertRow(int(m_rows.size()), take(at));
            return true;
        }
        return moveToNeighbourRow(at, at.row + 1);
    }
    return false;
}

bool DashboardLayout::moveToNeighbourRow(Position at, int target)
{
    const bool upwards = target < at.row;
    bool removed = false;
    Cell cell = take(at, &removed);
    if (removed && !upwards)
        --target;
    if (m_rows.at(target).cells.size() >= MaxColumns) {
        // A full row is passed: the panel gets a row of its own beyond it, so every step moves it.
        insertRow(upwards ? target : target + 1, cell);
        return true;
    }
    cell.weight = meanWeight(m_rows.at(target).cells);
    m_rows[target].cells.append(cell);
    return true;
}

bool DashboardLayout::movePanelTo(int id, int row, int beforeId)
{
    Position from;
    if (!find(id, &from) || beforeId == id)
        return false;
    const QList<Row> before = m_rows;
    const bool alone = m_rows.at(from.row).cells.size() == 1;
    if (beforeId != 0) {
        const Position target = position(beforeId);
        if (!target.isValid())
            return false;
        if (target.row != from.row && m_rows.at(target.row).cells.size() >= MaxColumns)
            return false;
        Cell cell = take(from);
        const Position now = position(beforeId);
        if (target.row != from.row)
            cell.weight = meanWeight(m_rows.at(now.row).cells);
        m_rows[now.row].cells.insert(now.column, cell);
    } else if (row < 0 || row >= m_rows.size()) {
        if (alone && from.row + 1 == m_rows.size())
            return false;
        insertRow(int(m_rows.size()), take(from));
    } else {
        if (row != from.row && m_rows.at(row).cells.size() >= MaxColumns)
            return false;
        bool removed = false;
        Cell cell = take(from, &removed);
        if (removed && from.row < row)
            --row;
        if (row != from.row || removed)
            cell.weight = meanWeight(m_rows.at(row).cells);
        m_rows[row].cells.append(cell);
    }
    return m_rows != before;
}

bool DashboardLayout::movePanelToNewRow(int id, int row)
{
    Position from;
    if (!find(id, &from))
        return false;
    row = qBound(0, row, int(m_rows.size()));
    const bool alone = m_rows.at(from.row).cells.size() == 1;
    if (alone && (row == from.row || row == from.row + 1))
        return false;
    bool removed = false;
    Cell cell = take(from, &removed);
    if (removed && from.row < row)
        --row;
    insertRow(row, cell);
    return true;
}

void DashboardLayout::setRowWeights(const QList<int> &weights)
{
    if (weights.size() != m_rows.size())
        return;
    for (qsizetype i = 0; i < weights.size(); ++i)
        m_rows[i].weight = qMax(1, weights.at(i));
}

void DashboardLayout::setCellWeights(int row, const QList<int> &weights)
{
    if (row < 0 || row >= m_rows.size() || weights.size() != m_rows.at(row).cells.size())
        return;
    for (qsizetype i = 0; i < weights.size(); ++i)
        m_rows[row].cells[i].weight = qMax(1, weights.at(i));
}

bool DashboardLayout::scaleWidth(int id, double factor)
{
    Position at;
    if (!find(id, &at))
        return false;
    return scaleWeights(m_rows[at.row].cells, at.column, factor);
}

bool DashboardLayout::scaleHeight(int id, double factor)
{
    Position at;
    if (!find(id, &at))
        return false;
    return scaleWeights(m_rows, at.row, factor);
}

void DashboardLayout::removeStream(quint64 stream)
{
    mapStreams([stream](quint64 id) -> std::optional<quint64> {
        if (id == stream)
            return std::nullopt;
        return id;
    });
}

void DashboardLayout::mapStreams(const std::function<std::optional<quint64>(quint64)> &map)
{
    for (Row &row : m_rows) {
        for (Cell &cell : row.cells) {
            QList<PanelSeries> series;
            for (PanelSeries item : std::as_const(cell.panel.series)) {
                if (const std::optional<quint64> mapped = map(item.stream)) {
                    item.stream = *mapped;
                    series.append(item);
                }
            }
            cell.panel.series = series;
            QList<quint64> streams;
            for (quint64 stream : std::as_const(cell.panel.streams)) {
                if (const std::optional<quint64> mapped = map(stream))
                    streams.append(*mapped);
            }
            cell.panel.streams = streams;
        }
    }
}

QList<int> DashboardLayout::panelsShowing(quint64 stream, const QString &key) const
{
    QList<int> ids;
    for (const Row &row : m_rows) {
        for (const Cell &cell : row.cells) {
            for (const PanelSeries &series : cell.panel.series) {
                if (series.stream == stream && series.key == key) {
                    ids.append(cell.panel.id);
                    break;
                }
            }
        }
    }
    return ids;
}

DashboardLayout DashboardLayout::defaultFor(quint64 stream, const QString &field)
{
    DashboardLayout layout;
    QList<PanelSeries> series;
    if (!field.isEmpty())
        series.append(PanelSeries{stream, field, 0});
    PanelConfig timeSeries;
    timeSeries.kind = PanelConfig::Kind::TimeSeries;
    timeSeries.series = series;
    PanelConfig tile;
    tile.kind = PanelConfig::Kind::StatTile;
    tile.series = series;
    PanelConfig timeline;
    timeline.kind = PanelConfig::Kind::ConnectionTimeline;
    PanelConfig rate;
    rate.kind = PanelConfig::Kind::EventRate;
    layout.addPanel(timeSeries, -1);
    layout.addPanel(tile, 0);
    layout.addPanel(timeline, -1);
    layout.addPanel(rate, 1);
    return layout;
}
