#pragma once

#include "PanelConfig.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

// The grid of panels the user arranges: rows from top to bottom, each a row of cells from left to
// right. Heights of rows and widths of cells within a row are relative weights (what the splitters
// between them show). A plain value with the editing operations the dashboard offers; every panel
// has a unique id, assigned on add and kept when it moves.
class DashboardLayout
{
    Q_DECLARE_TR_FUNCTIONS(DashboardLayout) // what reading a session's layout notes

public:
    struct Cell
    {
        PanelConfig panel;
        int weight = 1;
        friend bool operator==(const Cell &, const Cell &) = default;
    };
    struct Row
    {
        QList<Cell> cells;
        int weight = 1;
        friend bool operator==(const Row &, const Row &) = default;
    };
    struct Position
    {
        int row = -1;
        int column = -1;
        bool isValid() const { return row >= 0 && column >= 0; }
        friend bool operator==(const Position &, const Position &) = default;
    };
    enum class Direction { Left, Right, Up, Down };

    // At most this many panels in a row; a fuller row cannot take another.
    static constexpr int MaxColumns = 6;
    // The weight of a new row and of a cell in a new row: weights are integers on this scale per
    // cell (a splitter's pixel sizes fit on it too), so that scaling keeps its resolution.
    static constexpr int DefaultWeight = 100;
    // A weight as a layout holds it: rounded, at least 1, at most INT_MAX (NaN gives 1).
    static int clampWeight(double weight);

    const QList<Row> &rows() const { return m_rows; }
    bool isEmpty() const { return m_rows.isEmpty(); }
    int panelCount() const;
    QList<PanelConfig> panels() const; // row by row, left to right

    // Appends to `row` (clamped; -1 or past the end: a new row at the bottom); a full row starts a
    // new one below it. Returns the new panel's id.
    int addPanel(PanelConfig panel, int row = -1);
    bool removePanel(int id); // an emptied row goes too
    std::optional<PanelConfig> panel(int id) const;
    bool updatePanel(const PanelConfig &panel); // by id; false when there is none
    Position position(int id) const;

    // Moves a panel one step: left/right within its row (swapping with the neighbour); up/down into
    // the row above/below (appended there, or a new row when that one is full, or when there is none:
    // moving down from the bottom row makes a row of its own unless it is alone already).
    // A full row is passed: the new row stands beyond it. Up from the top row is false. A panel
    // that enters a row takes the mean width of the cells there.
    bool movePanel(int id, Direction direction);
    // Moves a panel to stand before the panel `beforeId` (in that panel's row), or at the end of
    // `row` when beforeId is 0. For drag and drop.
    // False when nothing changed or the target row is full (and is not the panel's own).
    bool movePanelTo(int id, int row, int beforeId);
    // Moves a panel into a row of its own, inserted before `row` (clamped; the row count: at the
    // bottom), counted before the panel leaves its row. For a drop between rows.
    bool movePanelToNewRow(int id, int row);

    // Sizes as a splitter reports them (values below 1 count as 1); ignored unless there is one
    // per row / per cell.
    void setRowWeights(const QList<int> &weights);
    void setCellWeights(int row, const QList<int> &weights);
    // Makes a panel wider (factor > 1) or narrower within its row, for a panel's menu: its weight
    // times `factor` against its neighbours', the row's total kept (at least DefaultWeight per
    // cell). False for a panel alone in its row (or row alone), a factor <= 0, 1 or not finite.
    bool scaleWidth(int id, double factor);
    bool scaleHeight(int id, double factor); // its whole row

    // Every series of `stream` goes; panels left without series stay (they say they are empty).
    // Connection timelines and event rates forget the stream in their stream list.
    void removeStream(quint64 stream);
    // Stream ids renamed through `map` (old id -> new id; ids not in the map are dropped), for
    // sessions (positions <-> ids).
    void mapStreams(const std::function<std::optional<quint64>(quint64)> &map);

    // The panels of every kind that show `stream`'s field `key`.
    QList<int> panelsShowing(quint64 stream, const QString &key) const;

    QJsonObject toJson() const;
    // Missing or unknown parts take defaults; `error` for what was skipped (unknown kinds).
    static DashboardLayout fromJson(const QJsonObject &json, QString *error = nullptr);

    // A first look at one stream with a numeric field: a time series of the field and a stat tile
    // of it in the first row, the connection timeline and the event rate in the second.
    static DashboardLayout defaultFor(quint64 stream, const QString &field);

    friend bool operator==(const DashboardLayout &, const DashboardLayout &) = default;

private:
    Cell *find(int id, Position *position = nullptr);
    void insertRow(int index, Cell cell);
    Cell take(Position at, bool *rowRemoved = nullptr);
    bool moveToNeighbourRow(Position at, int target);
    int m_nextId = 1;
    QList<Row> m_rows;
};
