#pragma once

#include "StatisticsModel.h"

#include <QString>
#include <QWidget>

#include <optional>
#include <utility>

class QCheckBox;
class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

// For a dock: the statistics of the streams' fields (StatisticsModel) in a table sortable by any
// column, over the visible window of the charts or the whole history, of every field or only the
// plotted ones (the default), with the range shown ("19:00:05 – 19:01:05"). It owns no data: the
// owner gives the streams to model(), the visible window to setRange(), and calls refresh() on
// its text tick. A hidden pane does not refresh; showing it does.
class StatisticsPane : public QWidget
{
    Q_OBJECT

public:
    enum RangeMode { VisibleWindow, WholeHistory };
    Q_ENUM(RangeMode)

    explicit StatisticsPane(QWidget *parent = nullptr);
    ~StatisticsPane() override;

    StatisticsModel *model() const { return m_model; }
    QSortFilterProxyModel *proxyModel() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QComboBox *rangeCombo() const { return m_rangeCombo; }
    QCheckBox *onlyPlottedCheck() const { return m_onlyPlotted; }
    QLabel *rangeLabel() const { return m_rangeLabel; }

    void setRangeMode(RangeMode mode);
    RangeMode rangeMode() const;
    void setOnlyPlotted(bool only);
    bool onlyPlotted() const;
    // Whether a stream's field is plotted, for "Only plotted fields" (without it, every field is).
    void setPlottedLookup(StatisticsModel::FieldFilter isPlotted);

    // The visible window on the receive clock (ms since the epoch), for VisibleWindow.
    void setRange(qint64 fromMs, qint64 toMs);
    // The range the table shows as of the last refresh; nullopt when there is none.
    std::optional<std::pair<qint64, qint64>> shownRange() const { return m_shown; }
    void refresh();

    // "19:00:05 – 19:01:05"; with dates when the ends are on different days.
    static QString rangeText(qint64 fromMs, qint64 toMs);

Q_SIGNALS:
    void rangeModeChanged(StatisticsPane::RangeMode mode);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void applyFilter();

    StatisticsModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_rangeCombo = nullptr;
    QCheckBox *m_onlyPlotted = nullptr;
    QLabel *m_rangeLabel = nullptr;
    StatisticsModel::FieldFilter m_isPlotted;
    std::optional<std::pair<qint64, qint64>> m_visible;
    std::optional<std::pair<qint64, qint64>> m_shown;
};
