#include "MonitoringDocks.h"

#include "AlertNotifier.h"
#include "AlertRulesModel.h"
#include "AlertsPane.h"
#include "ChartArea.h"
#include "ChartPanel.h"
#include "EventLogModel.h"
#include "FieldPicker.h"
#include "StatisticsModel.h"
#include "StatisticsPane.h"
#include "Stream.h"
#include "StreamListModel.h"
#include "Workspace.h"
#include "WorkspaceAlerts.h"

#include <QDockWidget>
#include <QMainWindow>

#include <limits>

namespace {

Stream *streamOf(Workspace *workspace, const StreamFieldStore *store)
{
    for (Stream *stream : workspace->streams()) {
        if (stream->fields() == store)
            return stream;
    }
    return nullptr;
}

} // namespace

MonitoringDocks::MonitoringDocks(QMainWindow *window, Workspace *workspace, ChartArea *area, FieldPicker *picker,
                                 EventLogModel *log, StreamListModel *streams)
    : QObject(window)
    , m_workspace(workspace)
    , m_area(area)
    , m_alertsPane(new AlertsPane(workspace, window))
    , m_statisticsPane(new StatisticsPane(window))
    , m_alertsDock(new QDockWidget(tr("Alerts"), window))
    , m_statisticsDock(new QDockWidget(tr("Statistics"), window))
{
    WorkspaceAlerts *alerts = workspace->alerts();
    m_alertsDock->setObjectName(QStringLiteral("alertsDock"));
    m_alertsDock->setWidget(m_alertsPane);
    m_statisticsDock->setObjectName(QStringLiteral("statisticsDock"));
    m_statisticsDock->setWidget(m_statisticsPane);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_alertsDock);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_statisticsDock);
    connect(m_statisticsDock, &QDockWidget::visibilityChanged, this, [this](bool shown) {
        m_statisticsShown = shown;
        if (shown)
            updateStatistics();
    });

    new AlertNotifier(alerts, this);
    connect(alerts, &WorkspaceAlerts::transition, log,
            [log](const AlertHistoryEntry &entry) { log->appendAlertTransition(entry.stream, entry.transition); });
    streams->setAlertLookup([alerts](quint64 id) { return AlertRulesModel::firingRuleTexts(alerts, id); });
    connect(alerts, &WorkspaceAlerts::transition, streams, &StreamListModel::refresh);

    const auto unitOf = [workspace](const StreamFieldStore *store, const QString &key) {
        const Stream *stream = streamOf(workspace, store);
        return stream ? stream->unit(key) : QString();
    };
    picker->setUnitLookup(unitOf);
    connect(picker, &FieldPicker::unitChangeRequested, this,
            [this, picker](StreamFieldStore *store, const QString &key, const QString &unit) {
                if (Stream *stream = streamOf(m_workspace, store)) {
                    stream->setUnit(key, unit);
                    m_workspace->setModified();
                    picker->updateUnits();
                }
            });

    StatisticsModel *statistics = m_statisticsPane->model();
    statistics->setUnitLookup(unitOf);
    m_statisticsPane->setPlottedLookup([area](const StreamFieldStore *store, const QString &key) {
        return area->plottedFields(const_cast<StreamFieldStore *>(store)).contains(key);
    });
    for (Stream *stream : workspace->streams())
        statistics->addStream(stream->fields(), stream->name());
    connect(workspace, &Workspace::streamAdded, statistics,
            [statistics](Stream *stream) { statistics->addStream(stream->fields(), stream->name()); });
    connect(workspace, &Workspace::streamAboutToBeRemoved, statistics,
            [statistics](Stream *stream) { statistics->removeStream(stream->fields()); });
    connect(workspace, &Workspace::streamChanged, statistics,
            [statistics](Stream *stream) { statistics->renameStream(stream->fields(), stream->name()); });
    connect(workspace, &Workspace::textTicked, this, &MonitoringDocks::updateStatistics);
}

void MonitoringDocks::sessionApplied()
{
    m_alertsPane->syncSettings();
}

void MonitoringDocks::updateStatistics()
{
    if (!m_statisticsShown)
        return;
    // The visible window: the widest span the charts show, on the receive clock.
    qint64 from = std::numeric_limits<qint64>::max();
    qint64 to = std::numeric_limits<qint64>::min();
    for (ChartPanel *panel : m_area->panels()) {
        const auto [first, last] = panel->timeRange();
        from = std::min(from, first);
        to = std::max(to, last);
    }
    if (from <= to)
        m_statisticsPane->setRange(from, to);
    m_statisticsPane->refresh();
}
