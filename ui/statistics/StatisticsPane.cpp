#include "StatisticsPane.h"

#include "DisplayTime.h"
#include "TableViews.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

StatisticsPane::StatisticsPane(QWidget *parent)
    : QWidget(parent)
    , m_model(new StatisticsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(StatisticsModel::SortRole);

    m_rangeCombo = new QComboBox(this);
    m_rangeCombo->setObjectName(QStringLiteral("statisticsRange"));
    m_rangeCombo->addItem(tr("Visible window"), VisibleWindow);
    m_rangeCombo->setItemData(0, tr("The samples in the time range the charts show"), Qt::ToolTipRole);
    m_rangeCombo->addItem(tr("Whole history"), WholeHistory);
    m_rangeCombo->setItemData(1, tr("Every sample held"), Qt::ToolTipRole);
    auto *rangeCaption = new QLabel(tr("&Range:"), this);
    rangeCaption->setBuddy(m_rangeCombo);

    m_onlyPlotted = new QCheckBox(tr("&Only plotted fields"), this);
    m_onlyPlotted->setObjectName(QStringLiteral("onlyPlotted"));
    m_onlyPlotted->setChecked(true);

    m_rangeLabel = new QLabel(this);
    m_rangeLabel->setObjectName(QStringLiteral("statisticsRangeText"));
    m_rangeLabel->setToolTip(tr("The time range of the samples in the table"));

    m_view = TableViews::create(this);
    m_view->setObjectName(QStringLiteral("statistics"));
    m_view->setModel(m_proxy);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSortIndicator(-1, Qt::AscendingOrder); // the streams' order first
    m_view->setSortingEnabled(true);
    // Widths from samples, not from the rows: the table never measures what it shows.
    header->setStretchLastSection(false);
    header->setSectionResizeMode(StatisticsModel::FieldColumn, QHeaderView::Stretch);
    header->resizeSection(StatisticsModel::StreamColumn, TableViews::textWidth(this, QStringLiteral("localhost:8080")));
    for (int column = StatisticsModel::LastColumn; column <= StatisticsModel::StdDevColumn; ++column)
        header->resizeSection(column, TableViews::textWidth(this, QStringLiteral("-888.8 kB/s")));
    header->resizeSection(StatisticsModel::CountColumn, TableViews::textWidth(this, QStringLiteral("100,000")));
    header->resizeSection(StatisticsModel::RateColumn, TableViews::textWidth(this, QStringLiteral("-888.8 k")));

    auto *bar = new QHBoxLayout;
    bar->addWidget(rangeCaption);
    bar->addWidget(m_rangeCombo);
    bar->addWidget(m_onlyPlotted);
    bar->addStretch(1);
    bar->addWidget(m_rangeLabel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_rangeCombo, &QComboBox::currentIndexChanged, this, [this] {
        refresh();
        Q_EMIT rangeModeChanged(rangeMode());
    });
    connect(m_onlyPlotted, &QCheckBox::toggled, this, [this] {
        applyFilter();
        refresh();
    });
    applyFilter();
}

StatisticsPane::~StatisticsPane() = default;

void StatisticsPane::setRangeMode(RangeMode mode)
{
    m_rangeCombo->setCurrentIndex(m_rangeCombo->findData(mode));
}

StatisticsPane::RangeMode StatisticsPane::rangeMode() const
{
    return RangeMode(m_rangeCombo->currentData().toInt());
}

void StatisticsPane::setOnlyPlotted(bool only)
{
    m_onlyPlotted->setChecked(only);
}

bool StatisticsPane::onlyPlotted() const
{
    return m_onlyPlotted->isChecked();
}

void StatisticsPane::setPlottedLookup(StatisticsModel::FieldFilter isPlotted)
{
    m_isPlotted = std::move(isPlotted);
    applyFilter();
}

void StatisticsPane::applyFilter()
{
    if (onlyPlotted() && m_isPlotted)
        m_model->setFieldFilter(m_isPlotted);
    else
        m_model->setFieldFilter({});
}

void StatisticsPane::setRange(qint64 fromMs, qint64 toMs)
{
    m_visible = std::pair{fromMs, toMs};
}

void StatisticsPane::refresh()
{
    if (!isVisible())
        return;
    m_shown = rangeMode() == WholeHistory ? m_model->historySpan() : m_visible;
    if (m_shown)
        m_model->setRange(m_shown->first, m_shown->second);
    else
        m_model->setRange(1, 0); // nothing yet: no sample is in an empty range
    m_model->refresh();
    const QString text = m_shown ? rangeText(m_shown->first, m_shown->second) : tr("No samples");
    if (m_rangeLabel->text() != text)
        m_rangeLabel->setText(text);
}

QString StatisticsPane::rangeText(qint64 fromMs, qint64 toMs)
{
    return DisplayTime::spanText(fromMs, toMs, DisplayTime::Precision::Seconds);
}

void StatisticsPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}
