// ConnectionTimelineView and ConnectionTimelinePanel: bands painted in their status colour where
// their times fall, the tooltip at the hovered point, and the streams a panel shows.
#include "ConnectionHistory.h"
#include "ConnectionTimelineModel.h"
#include "ConnectionTimelinePanel.h"
#include "ConnectionTimelineView.h"
#include "PanelSources.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QImage>
#include <QTest>
#include <QToolTip>

#include <map>

namespace {

const qint64 T0 = QDateTime(QDate(2026, 11, 23), QTime(19, 0, 0)).toMSecsSinceEpoch();

qint64 at(int seconds)
{
    return T0 + qint64(seconds) * 1000;
}

ConnectionEvent change(ConnectionEvent::Kind kind, int seconds, const QString &reason = {}, int attempt = 0)
{
    ConnectionEvent e;
    e.kind = kind;
    e.timeMs = at(seconds);
    e.reason = reason;
    e.attempt = attempt;
    e.delayMs = 1000;
    return e;
}

// Connecting 0..1, open 1..10, reconnecting 10..20, failed from 20; an ID reset at 5.
void recordStory(ConnectionHistory &history)
{
    using Kind = ConnectionEvent::Kind;
    history.record(change(Kind::Opened, 1));
    history.record(change(Kind::IdReset, 5, QStringLiteral("from 42 to 1")));
    history.record(change(Kind::Lost, 10, QStringLiteral("Connection refused")));
    history.record(change(Kind::ReconnectScheduled, 10, QStringLiteral("Connection refused"), 1));
    history.record(change(Kind::ReconnectScheduled, 12, QStringLiteral("Connection refused"), 2));
    history.record(change(Kind::ReconnectScheduled, 14, QStringLiteral("Connection refused"), 3));
    history.record(change(Kind::Failed, 20, QStringLiteral("HTTP 404")));
}

// Streams with a connection history and nothing else.
class HistorySources : public PanelSources
{
public:
    std::map<quint64, ConnectionHistory> histories;
    QList<quint64> ids;

    QList<quint64> streamIds() const override { return ids; }
    const StreamFieldStore *fields(quint64) const override { return nullptr; }
    QString streamName(quint64 stream) const override { return QStringLiteral("stream %1").arg(stream); }
    QColor seriesColor(quint64, const QString &) const override { return Qt::blue; }
    QColor streamColor(quint64) const override { return Qt::blue; }
    QString unit(quint64, const QString &) const override { return {}; }
    const ConnectionHistory *history(quint64 stream) const override
    {
        const auto it = histories.find(stream);
        return it == histories.end() ? nullptr : &it->second;
    }
    const StreamRateHistory *rates(quint64) const override { return nullptr; }
    qint64 startedAtMs(quint64) const override { return T0; }
    QList<std::pair<qint64, qint64>> outages(quint64) const override { return {}; }
    qint64 clockOffsetMs(quint64) const override { return 0; }
    QList<std::pair<qint64, QString>> typedEvents(quint64, const QStringList &, qint64, qint64) const override
    {
        return {};
    }
    QStringList eventTypes(quint64) const override { return {}; }
    bool isFiring(quint64, const QString &) const override { return false; }
};

QImage picture(QWidget &widget)
{
    QImage image(widget.size(), QImage::Format_RGB32);
    image.fill(Qt::black);
    widget.render(&image);
    return image;
}

} // namespace

class tst_ConnectionTimelineView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void bandColours_data();
    void bandColours();
    void distinctColours();
    void timeMapping();
    void toolTip_data();
    void toolTip();
    void toolTipEvent();
    void panelStreams();
    void panelRange();

private:
    ConnectionHistory *m_history = nullptr;
    ConnectionTimelineModel *m_model = nullptr;
    ConnectionTimelineView *m_view = nullptr;
};

void tst_ConnectionTimelineView::init()
{
    m_history = new ConnectionHistory;
    recordStory(*m_history);
    m_model = new ConnectionTimelineModel;
    m_model->setRange(T0, at(30));
    m_model->setStreams({{1, QStringLiteral("demo"), Qt::magenta, m_history, T0},
                         {2, QStringLiteral("never opened"), Qt::cyan, nullptr, T0}});
    m_view = new ConnectionTimelineView;
    m_view->setModel(m_model);
    m_view->resize(640, 160);
}

void tst_ConnectionTimelineView::cleanup()
{
    delete m_view;
    delete m_model;
    delete m_history;
}

void tst_ConnectionTimelineView::bandColours_data()
{
    QTest::addColumn<int>("second");
    QTest::addColumn<StreamStatus>("status");
    QTest::addColumn<bool>("dark");

    for (bool dark : {false, true}) {
        const char *theme = dark ? "dark" : "light";
        QTest::addRow("%s: open", theme) << 6 << StreamStatus::Open << dark;
        QTest::addRow("%s: reconnecting", theme) << 16 << StreamStatus::Reconnecting << dark;
        QTest::addRow("%s: failed", theme) << 25 << StreamStatus::Failed << dark;
    }
}

void tst_ConnectionTimelineView::bandColours()
{
    QFETCH(int, second);
    QFETCH(StreamStatus, status);
    QFETCH(bool, dark);
    m_view->setDarkTheme(dark);
    const QImage image = picture(*m_view);
    const QPoint point(m_view->xForTime(at(second)), m_view->laneRect(0).center().y());
    QCOMPARE(QColor(image.pixel(point)), ConnectionTimelineView::bandColor(status));
    // The second stream has no history: its lane shows no band there.
    const QPoint empty(point.x(), m_view->laneRect(1).center().y());
    QVERIFY(QColor(image.pixel(empty)) != ConnectionTimelineView::bandColor(status));
}

void tst_ConnectionTimelineView::distinctColours()
{
    const QList<StreamStatus> shown{StreamStatus::Open, StreamStatus::Connecting, StreamStatus::Reconnecting,
                                    StreamStatus::Failed, StreamStatus::Closed};
    for (qsizetype i = 0; i < shown.size(); ++i) {
        for (qsizetype j = i + 1; j < shown.size(); ++j)
            QVERIFY(ConnectionTimelineView::bandColor(shown.at(i)) != ConnectionTimelineView::bandColor(shown.at(j)));
    }
    QCOMPARE(ConnectionTimelineView::bandColor(StreamStatus::Ended),
             ConnectionTimelineView::bandColor(StreamStatus::Closed));
}

void tst_ConnectionTimelineView::timeMapping()
{
    const QRect lane = m_view->laneRect(0);
    QVERIFY(lane.isValid());
    QCOMPARE(m_view->xForTime(T0), lane.left());
    QCOMPARE(m_view->xForTime(at(30)), lane.right());
    for (int second : {0, 7, 15, 30})
        QVERIFY(qAbs(m_view->timeAtX(m_view->xForTime(at(second))) - at(second)) <= 60);
    QCOMPARE(m_view->rowAt(lane.center()), 0);
    QCOMPARE(m_view->rowAt(m_view->laneRect(1).center()), 1);
    QCOMPARE(m_view->rowAt(m_view->axisRect().center()), -1);
    QVERIFY(m_view->laneRect(2).isNull());
}

void tst_ConnectionTimelineView::toolTip_data()
{
    QTest::addColumn<int>("second");
    QTest::addColumn<QString>("text");

    QTest::newRow("open") << 3 << "Open since 19:00:01";
    QTest::newRow("ID reset tick") << 5 << "Open since 19:00:01\nEvent ID reset: from 42 to 1";
    QTest::newRow("reconnecting") << 17 << "Reconnecting since 19:00:10 \u2014 Connection refused (attempt 3)";
    QTest::newRow("failed") << 27 << "Failed since 19:00:20 \u2014 HTTP 404";
}

void tst_ConnectionTimelineView::toolTip()
{
    QFETCH(int, second);
    const QPoint pos(m_view->xForTime(at(second)), m_view->laneRect(0).center().y());
    QTEST(m_view->toolTipAt(pos), "text");
    QCOMPARE(m_view->toolTipAt(QPoint(pos.x(), m_view->laneRect(1).center().y())), QString());
    QCOMPARE(m_view->toolTipAt(QPoint(pos.x(), m_view->axisRect().center().y())), QString());
}

void tst_ConnectionTimelineView::toolTipEvent()
{
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    const QPoint pos(m_view->xForTime(at(17)), m_view->laneRect(0).center().y());
    QHelpEvent help(QEvent::ToolTip, pos, m_view->mapToGlobal(pos));
    QCoreApplication::sendEvent(m_view, &help);
    QTRY_COMPARE_WITH_TIMEOUT(QToolTip::text(),
                              QStringLiteral("Reconnecting since 19:00:10 \u2014 Connection refused (attempt 3)"), 5000);

    const QPoint outside(pos.x(), m_view->axisRect().center().y());
    QHelpEvent away(QEvent::ToolTip, outside, m_view->mapToGlobal(outside));
    QCoreApplication::sendEvent(m_view, &away);
    QTRY_VERIFY_WITH_TIMEOUT(!QToolTip::isVisible(), 5000);
}

void tst_ConnectionTimelineView::panelStreams()
{
    HistorySources sources;
    sources.ids = {4, 5, 6};
    for (quint64 id : sources.ids)
        recordStory(sources.histories[id]);
    ConnectionTimelinePanel panel(&sources);
    PanelConfig config;
    config.kind = PanelConfig::Kind::ConnectionTimeline;
    panel.setConfig(config);
    QCOMPARE(panel.model()->rowCount(), 3); // every stream
    QCOMPARE(panel.model()->index(2).data().toString(), QStringLiteral("stream 6"));

    config.streams = {6, 4};
    panel.setConfig(config);
    QCOMPARE(panel.shownStreams(), (QList<quint64>{4, 6})); // in the workspace's order
    QCOMPARE(panel.model()->rowCount(), 2);

    // A stream added to the workspace shows on the next tick when every stream is shown.
    config.streams.clear();
    panel.setConfig(config);
    sources.ids.append(7);
    panel.refresh({at(30), 30'000, false});
    QCOMPARE(panel.model()->rowCount(), 4);
    QCOMPARE(panel.model()->index(3).data(ConnectionTimelineModel::StatusRole).toInt(), int(StreamStatus::Offline));
    QCOMPARE(panel.defaultTitle(), QStringLiteral("Connections"));
}

void tst_ConnectionTimelineView::panelRange()
{
    HistorySources sources;
    sources.ids = {1};
    recordStory(sources.histories[1]);
    ConnectionTimelinePanel panel(&sources);
    PanelConfig config;
    config.kind = PanelConfig::Kind::ConnectionTimeline;
    panel.setConfig(config);

    panel.refresh({at(30), 10'000, false});
    QCOMPARE(panel.model()->fromMs(), at(20));
    QCOMPARE(panel.model()->toMs(), at(30));
    QCOMPARE(panel.model()->bands(0).size(), 1);
    QCOMPARE(panel.model()->bands(0).first().status, StreamStatus::Failed);

    // A window of everything starts with the earliest stream.
    panel.refresh({at(3600), 0, false});
    QCOMPARE(panel.model()->fromMs(), T0);
    QCOMPARE(panel.model()->bands(0).first().status, StreamStatus::Connecting);

    // The history moves on between ticks at the same time range.
    sources.histories[1].record(change(ConnectionEvent::Kind::Closed, 40));
    panel.refresh({at(3600), 0, false});
    QCOMPARE(panel.model()->bands(0).last().status, StreamStatus::Failed); // closing keeps the failure
}

QTEST_MAIN(tst_ConnectionTimelineView)
#include "tst_connectiontimelineview.moc"
