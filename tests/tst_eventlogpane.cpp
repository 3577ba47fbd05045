#include "EventDetailView.h"
#include "EventLogFilterModel.h"
#include "EventLogModel.h"
#include "EventLogPane.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

namespace {

constexpr auto QtTestReporting = QAbstractItemModelTester::FailureReportingMode::QtTest;

QList<CapturedEvent> makeEvents(int from, int count, const QString &type = QStringLiteral("message"))
{
    QList<CapturedEvent> events;
    for (int id = from; id < from + count; ++id) {
        CapturedEvent captured;
        captured.url = QStringLiteral("http://127.0.0.1:1/e");
        captured.event.type = type;
        captured.event.lastEventId = QString::number(id);
        captured.event.data = QStringLiteral("{\"count\": %1}").arg(id);
        captured.receivedAt = QDateTime::currentDateTimeUtc();
        events.append(captured);
    }
    return events;
}

ConnectionEvent makeConnection(ConnectionEvent::Kind kind, const QString &reason = {})
{
    ConnectionEvent event;
    event.kind = kind;
    event.timeMs = QDateTime::currentMSecsSinceEpoch();
    event.reason = reason;
    event.connection = 1;
    return event;
}

bool isFullyVisible(const QTableView *view, const QModelIndex &index)
{
    return view->viewport()->rect().contains(view->visualRect(index));
}

} // namespace

class TestEventLogPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void selectEventOfAClickedPoint_data();
    void selectEventOfAClickedPoint();
    void selectionStopsFollowingAndStaysInView_data();
    void selectionStopsFollowingAndStaysInView();
    void followsTheTailUnlessScrolledUp();
    void keepsFollowingWhenTheSelectedRowFallsOut();
    void removedStreamKeepsTheOtherSelection();
    void streamComboListsNamesAndFilters();
    void typeComboOffersConnectionEvents();
    void connectionRowsCanBeHidden();
    void alertRowsAreAKindOfTheirOwn();
    void commentsAreOffUntilAskedFor();
    void countLabel_data();
    void countLabel();
    void narrowPaneKeepsEveryControlWhole_data();
    void narrowPaneKeepsEveryControlWhole();
    void detailShowsTheSelectedRow();
    void focusSearch();
    void clearEmptiesDetailAndCount();
};

void TestEventLogPane::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestEventLogPane::selectionStopsFollowingAndStaysInView_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("click") << QStringLiteral("click");
    QTest::newRow("keys") << QStringLiteral("keys");
    QTest::newRow("programmatic") << QStringLiteral("programmatic");
}

void TestEventLogPane::selectionStopsFollowingAndStaysInView()
{
    QFETCH(QString, how);

    // No model tester here: its checks on every one of the 130 batches would take the time.
    EventLogPane pane;
    pane.setMaximumRows(10000);
    pane.resize(900, 500);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QTableView *view = pane.view();
    QScrollBar *bar = view->verticalScrollBar();

    int next = 0;
    for (int batch = 0; batch < 80; ++batch) {
        pane.model()->appendEvents(1, makeEvents(next, 100));
        next += 100;
        pane.model()->flush();
    }
    QVERIFY(pane.isFollowingTail());
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());

    // A row a few above the newest one, in view.
    const QModelIndex last = pane.filterModel()->index(pane.filterModel()->rowCount() - 1, 0);
    QVERIFY(isFullyVisible(view, last));
    QModelIndex target = pane.filterModel()->index(last.row() - 3, EventLogModel::IdColumn);
    if (how == u"click") {
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(target).center());
    } else if (how == u"keys") {
        view->setFocus();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(last).center());
        pane.followTailAction()->setChecked(true);
        QTRY_COMPARE(bar->value(), bar->maximum());
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(view, Qt::Key_Up);
    } else {
        view->setCurrentIndex(target);
    }
    QCOMPARE(view->currentIndex().row(), target.row());
    QVERIFY(!pane.isFollowingTail());
    QVERIFY(!pane.followTailAction()->isChecked());

    const QPersistentModelIndex selected(view->currentIndex());
    const QString selectedId = selected.data(EventLogModel::IdRole).toString();
    QCOMPARE(selectedId, QString::number(next - 4));
    const int top = view->visualRect(selected).top();
    QVERIFY(isFullyVisible(view, selected));

    // 5,000 more rows: the cap of 10,000 drops 3,000 of the oldest on the way.
    for (int batch = 0; batch < 50; ++batch) {
        pane.model()->appendEvents(1, makeEvents(next, 100));
        next += 100;
        pane.model()->flush();
        QCoreApplication::processEvents();
        QVERIFY(selected.isValid());
        QCOMPARE(selected.data(EventLogModel::IdRole).toString(), selectedId);
        QVERIFY(view->selectionModel()->isSelected(selected));
        QCOMPARE(view->visualRect(selected).top(), top); // the view does not jump
        QVERIFY(!pane.isFollowingTail());
    }
    QCOMPARE(pane.model()->rowCount(), 10000);
    QCOMPARE(pane.model()->droppedCount(), 3000);
    QCOMPARE(selected.row(), 10000 - 5000 - 4);
    QVERIFY(isFullyVisible(view, selected));
    QCOMPARE(view->currentIndex(), QModelIndex(selected));

    // Following again: to the newest row, and along with the next ones.
    pane.followTailAction()->setChecked(true);
    QTRY_COMPARE(bar->value(), bar->maximum());
    for (int batch = 0; batch < 5; ++batch) {
        pane.model()->appendEvents(1, makeEvents(next, 100));
        next += 100;
        pane.model()->flush();
        QTRY_COMPARE(bar->value(), bar->maximum());
        QVERIFY(pane.isFollowingTail());
    }
    const QModelIndex newest = pane.filterModel()->index(pane.filterModel()->rowCount() - 1, 0);
    QCOMPARE(newest.data(EventLogModel::IdRole).toString(), QString::number(next - 1));
    QTRY_VERIFY(isFullyVisible(view, newest));
}

void TestEventLogPane::followsTheTailUnlessScrolledUp()
{
    EventLogPane pane;
    pane.resize(800, 400);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    EventLogModel *log = pane.model();
    log->appendEvents(1, makeEvents(0, 500));
    log->flush();
    QScrollBar *bar = pane.view()->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());

    bar->setValue(0);
    QVERIFY(!pane.isFollowingTail());
    log->appendEvents(1, makeEvents(500, 100));
    log->flush();
    QCoreApplication::processEvents();
    QCOMPARE(bar->value(), 0);

    // Scrolling to the end follows again.
    QCoreApplication::processEvents();
    bar->setValue(bar->maximum());
    QVERIFY(pane.isFollowingTail());
    log->appendEvents(1, makeEvents(600, 100));
    log->flush();
    QTRY_COMPARE(bar->value(), bar->maximum());
    QCOMPARE(log->rowCount(), 700);
    QVERIFY(pane.followTailAction()->isChecked());
}

void TestEventLogPane::keepsFollowingWhenTheSelectedRowFallsOut()
{
    EventLogPane pane;
    pane.setMaximumRows(200);
    QCOMPARE(pane.maximumRows(), 200);
    pane.resize(800, 400);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.model()->appendEvents(1, makeEvents(0, 200));
    pane.model()->flush();
    pane.view()->selectRow(0);
    QVERIFY(!pane.isFollowingTail());
    pane.followTailAction()->setChecked(true);

    // The selected row is the oldest: it falls out, and the view moves the current row. That is
    // the model's doing, not the user's, and following goes on.
    for (int batch = 0; batch < 5; ++batch) {
        pane.model()->appendEvents(1, makeEvents(200 + batch * 50, 50));
        pane.model()->flush();
        QVERIFY(pane.isFollowingTail());
    }
    QScrollBar *bar = pane.view()->verticalScrollBar();
    QTRY_COMPARE(bar->value(), bar->maximum());
}

void TestEventLogPane::removedStreamKeepsTheOtherSelection()
{
    EventLogPane pane;
    QAbstractItemModelTester filterTester(pane.filterModel(), QtTestReporting);
    pane.resize(800, 400);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    for (int i = 0; i < 300; ++i)
        pane.model()->appendEvents(quint64(1 + i % 2), makeEvents(i, 1));
    pane.model()->flush();
    const QModelIndex target = pane.filterModel()->index(291, EventLogModel::IdColumn); // stream 2
    pane.view()->setCurrentIndex(target);
    QVERIFY(!pane.isFollowingTail());
    const QPersistentModelIndex selected(target);

    // 150 separate runs of stream 1: they leave in one layout change, the selection stays.
    pane.model()->removeStream(1);
    QCOMPARE(pane.filterModel()->rowCount(), 150);
    QVERIFY(selected.isValid());
    QCOMPARE(selected.data().toString(), QStringLiteral("291"));
    QCOMPARE(pane.view()->currentIndex(), QModelIndex(selected));
    QVERIFY(pane.view()->selectionModel()->isSelected(selected));
    QVERIFY(!pane.isFollowingTail());
    QCOMPARE(pane.countText(), QStringLiteral("150 shown \u00B7 0 dropped"));
}

void TestEventLogPane::streamComboListsNamesAndFilters()
{
    EventLogPane pane;
    QAbstractItemModelTester filterTester(pane.filterModel(), QtTestReporting);
    QComboBox *combo = pane.streamCombo();
    QCOMPARE(combo->count(), 1);
    QCOMPARE(combo->itemText(0), EventLogPane::allStreamsText());

    pane.setStreams({{7, QStringLiteral("alpha")}, {9, QStringLiteral("beta")}});
    QCOMPARE(combo->count(), 3);
    QCOMPARE(combo->itemText(1), QStringLiteral("alpha"));
    QCOMPARE(combo->itemText(2), QStringLiteral("beta"));
    QCOMPARE(combo->itemData(2).toULongLong(), quint64(9));

    pane.model()->appendEvents(7, makeEvents(0, 3));
    pane.model()->appendEvents(9, makeEvents(3, 2));
    pane.model()->appendConnectionEvent(9, makeConnection(ConnectionEvent::Kind::Opened));
    pane.model()->flush();
    QCOMPARE(pane.filterModel()->rowCount(), 6);
    QCOMPARE(pane.model()->index(0, EventLogModel::StreamColumn).data().toString(), QStringLiteral("alpha"));

    combo->setCurrentIndex(2);
    QCOMPARE(pane.filterModel()->rowCount(), 3);
    QCOMPARE(pane.filterModel()->acceptedStreams(), QSet<quint64>{9});

    // A rename keeps the filter (it is by id) and shows the new name in the rows.
    pane.setStreams({{7, QStringLiteral("alpha")}, {9, QStringLiteral("gamma")}});
    QCOMPARE(combo->currentText(), QStringLiteral("gamma"));
    QCOMPARE(pane.filterModel()->rowCount(), 3);
    QCOMPARE(pane.filterModel()->index(0, EventLogModel::StreamColumn).data().toString(),
             QStringLiteral("gamma"));

    // A stream that leaves the list leaves the filter: all streams again.
    pane.setStreams({{7, QStringLiteral("alpha")}});
    QCOMPARE(combo->count(), 2);
    QCOMPARE(combo->currentIndex(), 0);
    QVERIFY(pane.filterModel()->acceptsAllStreams());
    pane.model()->removeStream(9);
    QCOMPARE(pane.filterModel()->rowCount(), 3);
}

void TestEventLogPane::typeComboOffersConnectionEvents()
{
    EventLogPane pane;
    QComboBox *types = pane.typeCombo();
    QVERIFY(types->isEditable());
    QCOMPARE(types->itemText(0), EventLogPane::allTypesText());
    QCOMPARE(types->itemText(1), EventLogPane::connectionEventsText());

    pane.model()->appendEvents(1, makeEvents(0, 2, QStringLiteral("tick")));
    pane.model()->appendConnectionEvent(1, makeConnection(ConnectionEvent::Kind::Lost, "HTTP 503"));
    pane.model()->appendEvents(1, makeEvents(2, 1, QStringLiteral("tock")));
    pane.model()->flush();
    QVERIFY(types->findText(QStringLiteral("tick")) > 4);
    QVERIFY(types->findText(QStringLiteral("tock")) > 4);
    // The connection row added no type of its own.
    QCOMPARE(types->count(), 7);

    types->setCurrentIndex(types->findText(QStringLiteral("tick")));
    QCOMPARE(pane.filterModel()->rowCount(), 2);
    types->setCurrentIndex(1);
    QVERIFY(pane.filterModel()->connectionRowsOnly());
    QCOMPARE(pane.filterModel()->rowCount(), 1);
    QCOMPARE(pane.filterModel()->index(0, EventLogModel::DataColumn).data().toString(),
             QStringLiteral("Connection lost \u2014 HTTP 503"));
    types->setEditText(QStringLiteral("tock"));
    QCOMPARE(pane.filterModel()->rowCount(), 1);
    types->setCurrentIndex(0);
    QCOMPARE(pane.filterModel()->rowCount(), 4);
}

void TestEventLogPane::connectionRowsCanBeHidden()
{
    EventLogPane pane;
    pane.model()->appendEvents(1, makeEvents(0, 2));
    pane.model()->appendConnectionEvent(1, makeConnection(ConnectionEvent::Kind::Failed, "x"));
    pane.model()->flush();
    QVERIFY(pane.connectionRowsAction()->isChecked());
    QCOMPARE(pane.filterModel()->rowCount(), 3);
    pane.connectionRowsAction()->setChecked(false);
    QCOMPARE(pane.filterModel()->rowCount(), 2);
    QCOMPARE(pane.countText(), QStringLiteral("2 of 3 shown \u00B7 0 dropped"));
    pane.connectionRowsAction()->setChecked(true);
    QCOMPARE(pane.filterModel()->rowCount(), 3);
}

void TestEventLogPane::countLabel_data()
{
    QTest::addColumn<int>("cap");
    QTest::addColumn<int>("events");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << 100 << 0 << QString() << QStringLiteral("0 shown \u00B7 0 dropped");
    QTest::newRow("all shown") << 100 << 10 << QString()
                               << QStringLiteral("10 shown \u00B7 0 dropped");
    QTest::newRow("some dropped") << 50 << 80 << QString()
                                  << QStringLiteral("50 shown \u00B7 30 dropped");
    QTest::newRow("filtered") << 100 << 20 << QStringLiteral("\"count\": 1")
                              << QStringLiteral("11 of 20 shown \u00B7 0 dropped");
    QTest::newRow("thousands") << 2000 << 1500 << QString()
                               << QStringLiteral("1,500 shown \u00B7 0 dropped");
}

void TestEventLogPane::narrowPaneKeepsEveryControlWhole_data()
{
    QTest::addColumn<int>("width");
    QTest::newRow("a 1024 px window's log") << 700;
    QTest::newRow("wide") << 1600;
}

void TestEventLogPane::narrowPaneKeepsEveryControlWhole()
{
    QFETCH(int, width);
    EventLogPane pane;
    pane.model()->appendEvents(1, makeEvents(0, 12345));
    pane.model()->flush();
    pane.resize(width, 400);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QCOMPARE(pane.countLabel()->text(), QStringLiteral("10,000 shown \u00B7 2,345 dropped"));
    QVERIFY2(pane.countLabel()->width() >= pane.countLabel()->sizeHint().width(),
             qPrintable(QStringLiteral("%1 < %2").arg(pane.countLabel()->width()).arg(pane.countLabel()->sizeHint().width())));
    for (const QAbstractButton *button : pane.findChildren<QAbstractButton *>()) {
        if (button->isVisibleTo(&pane) && !button->text().isEmpty())
            QVERIFY2(button->width() >= button->sizeHint().width(), qPrintable(button->text()));
    }
    // Room to type in: at least the minimum the field asks for.
    QVERIFY(pane.searchEdit()->width() >= pane.searchEdit()->minimumWidth());
}

void TestEventLogPane::countLabel()
{
    QFETCH(int, cap);
    QFETCH(int, events);
    QFETCH(QString, search);
    QFETCH(QString, expected);

    EventLogPane pane;
    pane.setMaximumRows(cap);
    pane.model()->appendEvents(1, makeEvents(0, events));
    pane.model()->flush();
    pane.searchEdit()->setText(search);
    QCOMPARE(pane.countLabel()->text(), expected);
    QCOMPARE(pane.countText(), expected);
    QVERIFY2(pane.countLabel()->toolTip().contains(QLocale().toString(cap)),
             qPrintable(pane.countLabel()->toolTip()));
    QVERIFY(pane.countLabel()->toolTip().contains(u"Limits"));
}

void TestEventLogPane::detailShowsTheSelectedRow()
{
    EventLogPane pane;
    pane.setStreams({{1, QStringLiteral("orders")}});
    QList<CapturedEvent> events = makeEvents(0, 1, QStringLiteral("tick"));
    events[0].event.data = QStringLiteral("{\"needle\":true}");
    pane.model()->appendEvents(1, events);
    pane.model()->appendConnectionEvent(1, makeConnection(ConnectionEvent::Kind::Lost, "HTTP 503"));
    pane.model()->flush();

    pane.view()->selectRow(0);
    QString detail = pane.detailView()->toPlainText();
    QVERIFY2(detail.contains(u"Stream: orders"), qPrintable(detail));
    QVERIFY2(detail.contains(u"Type:   tick"), qPrintable(detail));
    QVERIFY2(detail.contains(u"\n    \"needle\": true"), qPrintable(detail));

    pane.view()->selectRow(1);
    detail = pane.detailView()->toPlainText();
    QVERIFY2(detail.contains(u"Connection lost \u2014 HTTP 503"), qPrintable(detail));
    QVERIFY2(detail.contains(u"Reason:      HTTP 503"), qPrintable(detail));
}

void TestEventLogPane::focusSearch()
{
    EventLogPane pane;
    pane.show();
    QVERIFY(QTest::qWaitForWindowActive(&pane));
    QVERIFY(pane.searchEdit()->placeholderText().contains(u"Ctrl+F"));
    QVERIFY(pane.searchEdit()->isClearButtonEnabled());
    pane.searchEdit()->setText(QStringLiteral("old"));
    pane.view()->setFocus();
    QTRY_VERIFY(pane.view()->hasFocus());
    pane.focusSearch();
    QTRY_VERIFY(pane.searchEdit()->hasFocus());
    QCOMPARE(pane.searchEdit()->selectedText(), QStringLiteral("old"));
}

void TestEventLogPane::clearEmptiesDetailAndCount()
{
    EventLogPane pane;
    pane.setMaximumRows(10);
    pane.model()->appendEvents(1, makeEvents(0, 15));
    pane.model()->flush();
    pane.view()->selectRow(3);
    QVERIFY(!pane.detailView()->toPlainText().isEmpty());
    QCOMPARE(pane.countLabel()->text(), QStringLiteral("10 shown \u00B7 5 dropped"));
    pane.model()->clear();
    QVERIFY(pane.detailView()->toPlainText().isEmpty());
    QCOMPARE(pane.countLabel()->text(), QStringLiteral("0 shown \u00B7 0 dropped"));
}

void TestEventLogPane::alertRowsAreAKindOfTheirOwn()
{
    EventLogPane pane;
    QComboBox *types = pane.typeCombo();
    QCOMPARE(types->itemText(2), EventLogPane::alertEventsText());
    pane.model()->appendEvents(1, makeEvents(0, 2, QStringLiteral("tick")));
    AlertTransition transition;
    transition.ruleText = QStringLiteral("/count > 3");
    transition.state = AlertTransition::State::Firing;
    transition.timeMs = QDateTime::currentMSecsSinceEpoch();
    transition.value = 4;
    pane.model()->appendAlertTransition(1, transition);
    transition.state = AlertTransition::State::Resolved;
    pane.model()->appendAlertTransition(1, transition);
    pane.model()->appendConnectionEvent(1, makeConnection(ConnectionEvent::Kind::Lost, "HTTP 503"));
    pane.model()->flush();
    // Alert rows add no event type.
    QCOMPARE(types->count(), 6);
    QCOMPARE(pane.filterModel()->rowCount(), 5);

    QVERIFY(pane.alertRowsAction()->isChecked());
    pane.alertRowsAction()->setChecked(false);
    QCOMPARE(pane.filterModel()->rowCount(), 3);
    pane.alertRowsAction()->setChecked(true);
    QCOMPARE(pane.filterModel()->rowCount(), 5);

    types->setCurrentIndex(2);
    QVERIFY(pane.filterModel()->alertRowsOnly());
    QCOMPARE(pane.filterModel()->rowCount(), 2);
    QCOMPARE(pane.filterModel()->index(0, EventLogModel::TypeColumn).data().toString(),
             EventLogModel::alertTypeText(AlertTransition::State::Firing));
    QCOMPARE(pane.filterModel()->index(1, EventLogModel::TypeColumn).data().toString(),
             EventLogModel::alertTypeText(AlertTransition::State::Resolved));
    types->setCurrentIndex(1);
    QVERIFY(!pane.filterModel()->alertRowsOnly());
    QCOMPARE(pane.filterModel()->rowCount(), 1);
    types->setCurrentIndex(0);
    QCOMPARE(pane.filterModel()->rowCount(), 5);
}

void TestEventLogPane::commentsAreOffUntilAskedFor()
{
    EventLogPane pane;
    QComboBox *types = pane.typeCombo();
    QCOMPARE(types->itemText(3), EventLogPane::commentRowsText());
    QVERIFY(!pane.commentRowsAction()->isChecked());
    QVERIFY(pane.view()->actions().contains(pane.commentRowsAction())); // in the context menu
    QVERIFY(!pane.commentRowsAction()->toolTip().isEmpty());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    pane.model()->appendComments(1, {{QStringLiteral("heartbeat"), now, 1, {}}, {QStringLiteral("keep-alive"), now, 1, {}}});
    pane.model()->appendEvents(1, makeEvents(0, 2, QStringLiteral("tick")));
    pane.model()->flush();
    QCOMPARE(pane.filterModel()->rowCount(), 2);
    QCOMPARE(types->count(), 6); // comments add no event type

    pane.commentRowsAction()->setChecked(true);
    QCOMPARE(pane.filterModel()->rowCount(), 4);
    QCOMPARE(pane.filterModel()->index(0, EventLogModel::DataColumn).data().toString(), QStringLiteral("heartbeat"));
    pane.commentRowsAction()->setChecked(false);
    QCOMPARE(pane.filterModel()->rowCount(), 2);

    types->setCurrentIndex(3);
    QVERIFY(pane.filterModel()->commentRowsOnly());
    QCOMPARE(pane.filterModel()->rowCount(), 2);
    QCOMPARE(pane.filterModel()->index(1, EventLogModel::DataColumn).data().toString(), QStringLiteral("keep-alive"));
    types->setCurrentIndex(0);
    QCOMPARE(pane.filterModel()->rowCount(), 2);
}

void TestEventLogPane::selectEventOfAClickedPoint_data()
{
    QTest::addColumn<quint64>("stream");
    QTest::addColumn<qint64>("offsetMs"); // after the first event of the stream
    QTest::addColumn<QString>("expectedId"); // empty: nothing selected

    QTest::newRow("exactly at an event") << quint64(1) << qint64(2000) << "3";
    QTest::newRow("between two events") << quint64(1) << qint64(2500) << "3";
    QTest::newRow("after the last") << quint64(1) << qint64(60'000) << "4";
    QTest::newRow("the other stream") << quint64(2) << qint64(2500) << "13";
    QTest::newRow("before the first") << quint64(1) << qint64(-1) << QString();
    QTest::newRow("a stream not in the log") << quint64(9) << qint64(2000) << QString();
}

void TestEventLogPane::selectEventOfAClickedPoint()
{
    QFETCH(quint64, stream);
    QFETCH(qint64, offsetMs);
    QFETCH(QString, expectedId);
    EventLogPane pane;
    pane.resize(900, 500);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    const qint64 t0 = 1'796'299'200'000;
    // Stream 1 at t0 + 0..3 s (ids 1..4), stream 2 at t0 + 0.5..3.5 s (ids 11..14), interleaved.
    for (int i = 0; i < 4; ++i) {
        for (quint64 id : {quint64(1), quint64(2)}) {
            QList<CapturedEvent> events = makeEvents(int(id == 1 ? 1 : 11) + i, 1);
            events[0].receivedAt = QDateTime::fromMSecsSinceEpoch(t0 + i * 1000 + (id == 2 ? 500 : 0), Qt::UTC);
            pane.model()->appendEvents(id, events);
        }
    }
    pane.model()->flush();
    const qint64 base = t0 + (stream == 2 ? 500 : 0);
    QCOMPARE(pane.selectEvent(stream, base + offsetMs), !expectedId.isEmpty());
    if (expectedId.isEmpty()) {
        QVERIFY(pane.isFollowingTail());
        return;
    }
    const QModelIndex current = pane.view()->currentIndex();
    QCOMPARE(current.data(EventLogModel::IdRole).toString(), expectedId);
    QCOMPARE(current.data(EventLogModel::StreamIdRole).value<quint64>(), stream);
    QVERIFY(!pane.isFollowingTail());
}

QTEST_MAIN(TestEventLogPane)

#include "tst_eventlogpane.moc"
