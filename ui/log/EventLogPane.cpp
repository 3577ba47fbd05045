#include "EventLogPane.h"

#include "EventDetailView.h"
#include "EventLogFilterModel.h"
#include "EventLogModel.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

int textWidth(const QWidget *widget, const QString &sample)
{
    return widget->fontMetrics().horizontalAdvance(sample) + 24;
}

} // namespace

EventLogPane::EventLogPane(QWidget *parent)
    : QWidget(parent)
    , m_model(new EventLogModel(this))
    , m_filter(new EventLogFilterModel(this))
    , m_streamCombo(new QComboBox(this))
    , m_typeCombo(new QComboBox(this))
    , m_searchEdit(new QLineEdit(this))
    , m_countLabel(new QLabel(this))
    , m_view(new QTableView(this))
    , m_detailView(new EventDetailView(this))
    , m_followTailAction(new QAction(tr("Follow &Tail"), this))
    , m_connectionRowsAction(new QAction(tr("Connections"), this))
    , m_alertRowsAction(new QAction(tr("Alerts"), this))
    , m_commentRowsAction(new QAction(tr("Comments"), this))
{
    m_filter->setSourceModel(m_model);

    m_streamCombo->setObjectName(QStringLiteral("streamFilterCombo"));
    m_streamCombo->setToolTip(tr("Show the rows of one stream only"));
    // Long stream names elide here rather than squeezing the search field out of the bar.
    m_streamCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_streamCombo->setMinimumContentsLength(8);
    m_streamCombo->addItem(allStreamsText());

    m_typeCombo->setObjectName(QStringLiteral("typeFilterCombo"));
    m_typeCombo->setEditable(true);
    m_typeCombo->setInsertPolicy(QComboBox::NoInsert);
    m_typeCombo->setMinimumContentsLength(8);
    m_typeCombo->addItem(allTypesText());
    m_typeCombo->addItem(connectionEventsText());
    m_typeCombo->setItemData(1, tr("Only the changes of the streams' connections"), Qt::ToolTipRole);
    m_typeCombo->addItem(alertEventsText());
    m_typeCombo->setItemData(2, tr("Only the alert rules firing and resolving"), Qt::ToolTipRole);
    m_typeCombo->addItem(commentRowsText());
    m_typeCombo->setItemData(3, tr("Only the comments of the streams (lines such as \": heartbeat\")"),
                             Qt::ToolTipRole);
    m_typeCombo->insertSeparator(4);
    m_typeCombo->setToolTip(tr("Show events of this type only: pick a type seen so far or type "
                               "one; or only the connection changes, the alerts, or the comments"));

    m_searchEdit->setObjectName(QStringLiteral("searchEdit"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchEdit->setMinimumWidth(m_searchEdit->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 10);
    m_searchEdit->setPlaceholderText(tr("Search data, ID and type (Ctrl+F)"));
    m_searchEdit->setToolTip(tr("Show rows whose data, ID, type or connection reason contains "
                                "this text"));

    m_countLabel->setObjectName(QStringLiteral("logCountLabel"));
    // A line of its own under the rows: the filters keep their room at any width, and the counts,
    // which grow without bound, are clipped rather than widening the window (the tooltip has them).
    m_countLabel->setMinimumWidth(1);
    m_countLabel->setForegroundRole(QPalette::PlaceholderText);

    m_followTailAction->setObjectName(QStringLiteral("followTailAction"));
    m_followTailAction->setCheckable(true);
    m_followTailAction->setChecked(true);
    m_followTailAction->setToolTip(
        tr("Keep the newest row in view; scrolling up or selecting a row stops following"));
    m_followTailAction->setStatusTip(m_followTailAction->toolTip());
    auto *followButton = new QToolButton(this);
    followButton->setDefaultAction(m_followTailAction);
    followButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_connectionRowsAction->setObjectName(QStringLiteral("connectionRowsAction"));
    m_connectionRowsAction->setCheckable(true);
    m_connectionRowsAction->setChecked(true);
    m_connectionRowsAction->setToolTip(
        tr("Show when connections open, are lost, reconnect or fail, among the events"));
    m_connectionRowsAction->setStatusTip(m_connectionRowsAction->toolTip());
    auto *connectionsButton = new QToolButton(this);
    connectionsButton->setDefaultAction(m_connectionRowsAction);
    connectionsButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_alertRowsAction->setObjectName(QStringLiteral("alertRowsAction"));
    m_alertRowsAction->setCheckable(true);
    m_alertRowsAction->setChecked(true);
    m_alertRowsAction->setToolTip(tr("Show when alert rules fire and resolve, among the events"));
    m_alertRowsAction->setStatusTip(m_alertRowsAction->toolTip());
    // No button of its own: the filter bar must fit a 1024-pixel window. The type filter's
    // "Alerts" entry shows them alone; the table's context menu hides or shows them.

    m_commentRowsAction->setObjectName(QStringLiteral("commentRowsAction"));
    m_commentRowsAction->setCheckable(true);
    m_commentRowsAction->setChecked(false);
    m_commentRowsAction->setToolTip(tr("Show the streams' comments (\": heartbeat\") among the events"));
    m_commentRowsAction->setStatusTip(m_commentRowsAction->toolTip());
    // Like the alerts: in the context menu, and alone through the type filter's "Comments".

    auto *filterBar = new QHBoxLayout;
    filterBar->setSpacing(6);
    filterBar->addWidget(new QLabel(tr("Stream:"), this));
    filterBar->addWidget(m_streamCombo);
    filterBar->addWidget(new QLabel(tr("Type:"), this));
    filterBar->addWidget(m_typeCombo);
    filterBar->addWidget(m_searchEdit, 1);
    filterBar->addWidget(connectionsButton);
    filterBar->addWidget(followButton);

    m_view->setObjectName(QStringLiteral("eventLogView"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    // Per pixel: per item, the view aligns the last row with the bottom edge only while at the
    // end, and the rows in view would shift by a fraction of a row as soon as it is not.
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setAlternatingRowColors(true);
    m_view->setIconSize(QSize(10, 10)); // the colour marks of connection rows
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows, whatever the number of events.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(true);

    // Connected before the view and its selection model are: these run first on a removal, so
    // that the current row the selection model moves is known to be the model's doing.
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) { rowsAboutToBeRemoved(first, last); });
    const auto modelChanging = [this] { m_modelChanging = true; };
    connect(m_filter, &QAbstractItemModel::layoutAboutToBeChanged, this, modelChanging);
    connect(m_filter, &QAbstractItemModel::modelAboutToBeReset, this, modelChanging);
    m_view->setModel(m_filter);
    header->resizeSection(EventLogModel::TimeColumn, textWidth(this, QStringLiteral("00:00:00.000")));
    header->resizeSection(EventLogModel::StreamColumn,
                          textWidth(this, QStringLiteral("127.0.0.1:8080/events")));
    header->resizeSection(EventLogModel::TypeColumn,
                          textWidth(this, EventLogModel::connectionTypeText()) + 16);
    header->resizeSection(EventLogModel::IdColumn, textWidth(this, QStringLiteral("000000")));

    m_detailView->setObjectName(QStringLiteral("eventDetailView"));
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detailView);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({3000, 1000});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(filterBar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_countLabel);

    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &EventLogPane::rowsRemoved);
    const auto modelChanged = [this] {
        m_modelChanging = false;
        followTail();
    };
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, modelChanged);
    connect(m_filter, &QAbstractItemModel::modelReset, this, modelChanged);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &EventLogPane::followTail);
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { noteEventTypes(first, last); });
    connect(m_model, &QAbstractItemModel::modelReset, m_detailView, &EventDetailView::clear);
    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(m_model),
                                      static_cast<QAbstractItemModel *>(m_filter)}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &EventLogPane::updateCountLabel);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &EventLogPane::updateCountLabel);
        connect(model, &QAbstractItemModel::layoutChanged, this, &EventLogPane::updateCountLabel);
        connect(model, &QAbstractItemModel::modelReset, this, &EventLogPane::updateCountLabel);
    }

    connect(m_followTailAction, &QAction::toggled, this, [this](bool on) {
        if (on)
            followTail();
    });
    QScrollBar *bar = m_view->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) {
        if (!m_modelChanging)
            m_followTailAction->setChecked(value >= bar->maximum());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EventLogPane::currentRowChanged);
    connect(m_view, &QAbstractItemView::pressed, this,
            [this] { m_followTailAction->setChecked(false); });

    connect(m_streamCombo, &QComboBox::currentIndexChanged, this, &EventLogPane::applyStreamFilter);
    connect(m_typeCombo, &QComboBox::currentTextChanged, this, &EventLogPane::applyTypeFilter);
    connect(m_searchEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setSearchText(text);
        keepCurrentInView();
    });
    connect(m_connectionRowsAction, &QAction::toggled, this, [this](bool shown) {
        m_filter->setConnectionRowsShown(shown);
        keepCurrentInView();
    });
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(m_connectionRowsAction);
    m_view->addAction(m_alertRowsAction);
    m_view->addAction(m_commentRowsAction);
    connect(m_alertRowsAction, &QAction::toggled, this, [this](bool shown) {
        m_filter->setAlertRowsShown(shown);
        keepCurrentInView();
    });
    connect(m_commentRowsAction, &QAction::toggled, this, [this](bool shown) {
        m_filter->setCommentRowsShown(shown);
        keepCurrentInView();
    });

    updateCountLabel();
}

EventLogPane::~EventLogPane() = default;

QString EventLogPane::allStreamsText()
{
    return tr("All streams");
}

QString EventLogPane::allTypesText()
{
    return tr("All types");
}

QString EventLogPane::commentRowsText()
{
    return tr("Comments");
}

QString EventLogPane::connectionEventsText()
{
    return tr("Connection events");
}

QString EventLogPane::alertEventsText()
{
    return tr("Alerts");
}

bool EventLogPane::selectEvent(quint64 streamId, qint64 receivedAtMs)
{
    // Rows are in receive order: the newest match is the last one at or before the time.
    for (int row = m_filter->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = m_filter->index(row, EventLogModel::TimeColumn);
        if (index.data(EventLogModel::KindRole).toInt() != int(EventLogModel::RowKind::Event)
            || index.data(EventLogModel::StreamIdRole).value<quint64>() != streamId)
            continue;
        if (index.data(EventLogModel::ReceivedAtRole).toDateTime().toMSecsSinceEpoch() > receivedAtMs)
            continue;
        m_view->setCurrentIndex(index);
        m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
        return true;
    }
    return false;
}

void EventLogPane::setStreams(const QList<std::pair<quint64, QString>> &streams)
{
    for (const auto &[id, name] : streams)
        m_model->setStreamName(id, name);

    const QVariant current = m_streamCombo->currentData();
    {
        const QSignalBlocker blocker(m_streamCombo);
        m_streamCombo->clear();
        m_streamCombo->addItem(allStreamsText());
        for (const auto &[id, name] : streams)
            m_streamCombo->addItem(name, QVariant::fromValue(id));
        const int index = current.isValid() ? m_streamCombo->findData(current) : 0;
        m_streamCombo->setCurrentIndex(qMax(0, index));
    }
    applyStreamFilter();
}

void EventLogPane::setMaximumRows(int rows)
{
    m_model->setMaximumRows(rows);
    updateCountLabel();
}

int EventLogPane::maximumRows() const
{
    return m_model->maximumRows();
}

bool EventLogPane::isFollowingTail() const
{
    return m_followTailAction->isChecked();
}

void EventLogPane::focusSearch()
{
    m_searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_searchEdit->selectAll();
}

QString EventLogPane::countText() const
{
    const QLocale locale;
    const int shown = m_filter->rowCount();
    const int held = m_model->rowCount();
    const QString text = shown == held
        ? tr("%1 shown").arg(locale.toString(shown))
        : tr("%1 of %2 shown").arg(locale.toString(shown), locale.toString(held));
    return text + tr(" \u00B7 %1 dropped").arg(locale.toString(m_model->droppedCount()));
}

void EventLogPane::updateCountLabel()
{
    m_countLabel->setText(countText());
    const QLocale locale;
    m_countLabel->setToolTip(
        tr("The log keeps the newest %1 rows, events and connection changes alike; older rows "
           "are dropped and counted (%2 since the log was cleared). The cap is set in Limits.")
            .arg(locale.toString(m_model->maximumRows()), locale.toString(m_model->droppedCount())));
}

void EventLogPane::applyStreamFilter()
{
    const QVariant id = m_streamCombo->currentData();
    if (!id.isValid())
        m_filter->acceptAllStreams();
    else
        m_filter->setAcceptedStreams({id.toULongLong()});
    keepCurrentInView();
}

void EventLogPane::applyTypeFilter(const QString &text)
{
    if (text == connectionEventsText()) {
        m_filter->setConnectionRowsOnly(true);
    } else if (text == alertEventsText()) {
        m_filter->setAlertRowsOnly(true);
    } else if (text == commentRowsText()) {
        m_filter->setCommentRowsOnly(true);
    } else {
        m_filter->setEventType(text == allTypesText() ? QString() : text.trimmed());
    }
    keepCurrentInView();
}

void EventLogPane::noteEventTypes(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_model->index(row, 0);
        if (index.data(EventLogModel::KindRole).toInt() != int(EventLogModel::RowKind::Event))
            continue;
        const QString type = index.data(EventLogModel::TypeRole).toString();
        if (!type.isEmpty() && !m_seenTypes.contains(type)) {
            m_seenTypes.insert(type);
            m_typeCombo->addItem(type);
        }
    }
}

void EventLogPane::followTail()
{
    if (m_followTailAction->isChecked())
        m_view->scrollToBottom();
}

void EventLogPane::keepCurrentInView()
{
    const QModelIndex current = m_view->currentIndex();
    if (!isFollowingTail() && current.isValid())
        m_view->scrollTo(current, QAbstractItemView::PositionAtCenter);
}

void EventLogPane::rowsAboutToBeRemoved(int first, int last)
{
    m_modelChanging = true;
    // The scroll value is the number of pixels above the view. Rows removed there would pull the
    // rows in view up; once they are gone the value goes down by their height.
    const QHeaderView *header = m_view->verticalHeader();
    const int top = header->sectionPosition(first);
    const int bottom = header->sectionPosition(last) + header->sectionSize(last);
    m_pixelsRemovedAbove = qMax(0, qMin(bottom, m_view->verticalScrollBar()->value()) - top);
}

void EventLogPane::rowsRemoved()
{
    if (!isFollowingTail() && m_pixelsRemovedAbove > 0) {
        QScrollBar *bar = m_view->verticalScrollBar();
        bar->setValue(bar->value() - m_pixelsRemovedAbove);
    }
    m_pixelsRemovedAbove = 0;
    m_modelChanging = false;
    followTail();
}

void EventLogPane::currentRowChanged(const QModelIndex &current)
{
    if (!m_modelChanging && current.isValid())
        m_followTailAction->setChecked(false);
    m_detailView->showIndex(current);
}
