// The window at the sizes operators use (1024×700, 1600×1000, 1920×1080) with 1, 3 and 8
// streams: the docks are on screen, the Streams dock shows at least four rows, the log's search
// field has room, every chart keeps a readable height and the chart area scrolls when they do not
// fit, the status bar is whole, and a stream's state elides with the whole reason in its tooltip.

#include "CaptureStore.h"
#include "ChartArea.h"
#include "ChartPanel.h"
#include "EventLogPane.h"
#include "MainWindow.h"
#include "ScriptedServer.h"
#include "Stream.h"
#include "StreamListModel.h"
#include "StreamsPane.h"
#include "WindowStreams.h"
#include "Workspace.h"

#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using Response = ScriptedServer::Response;

using namespace WindowStreams;

namespace {

constexpr int ReadablePanelHeight = 200;

bool inside(const QWidget *widget, const QWidget *window)
{
    const QRect rect(widget->mapTo(window, QPoint(0, 0)), widget->size());
    return window->rect().contains(rect);
}

} // namespace

class TestWindowLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void nothingEssentialHidden_data();
    void nothingEssentialHidden();
    void stateElidesWithTheWholeReasonInItsTooltip();
};

void TestWindowLayout::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestWindowLayout::init()
{
    QSettings().clear();
}

void TestWindowLayout::nothingEssentialHidden_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("streams");
    for (const QSize size : {QSize(1024, 700), QSize(1600, 1000), QSize(1920, 1080)}) {
        for (int streams : {1, 3, 8}) {
            const QByteArray name = QByteArray::number(size.width()) + "x" + QByteArray::number(size.height()) + ", "
                + QByteArray::number(streams) + (streams == 1 ? " stream" : " streams");
            QTest::newRow(name.constData()) << size << streams;
        }
    }
}

void TestWindowLayout::nothingEssentialHidden()
{
    QFETCH(QSize, size);
    QFETCH(int, streams);

    ScriptedServer server;
    QVERIFY(server.start());
    MainWindow window;
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(window.size(), size);
    Workspace *workspace = window.workspace();
    for (int i = 0; i < streams; ++i) {
        const QString path = QStringLiteral("/s%1").arg(i);
        server.script(path, {numberEvents(5, "v", i * 10)});
        workspace->addStream(optionsFor(server.url(path)));
    }
    for (int i = 0; i < streams; ++i)
        QTRY_COMPARE_WITH_TIMEOUT(workspace->streamAt(i)->capture()->size(), 5, Timeout);
    ChartArea *charts = window.chartArea();
    QTRY_COMPARE_WITH_TIMEOUT(charts->panels().size(), streams, Timeout);

    for (const char *name : {"streamsDock", "fieldsDock", "eventsDock"}) {
        auto *dock = window.findChild<QDockWidget *>(QLatin1String(name));
        QVERIFY2(dock && dock->isVisible(), name);
        QVERIFY2(inside(dock, &window), name);
        QVERIFY2(dock->width() >= 200 && dock->height() >= 100, name);
    }

    // The Streams dock: its header and at least four rows.
    QTableView *table = window.streamsPane()->view();
    const int rowHeight = table->verticalHeader()->defaultSectionSize();
    QVERIFY2(table->viewport()->height() >= 4 * rowHeight,
             qPrintable(QStringLiteral("%1 < 4 × %2").arg(table->viewport()->height()).arg(rowHeight)));
    QVERIFY(table->horizontalHeader()->isVisible());

    // The log keeps room for a few rows.
    QTableView *log = window.eventLog()->view();
    QVERIFY(log->isVisible());
    QVERIFY(log->viewport()->height() >= 3 * log->verticalHeader()->defaultSectionSize());

    // The log's search field has room to be typed in.
    QLineEdit *search = window.eventLog()->searchEdit();
    QVERIFY(search->isVisible());
    QVERIFY2(search->width() >= 10 * search->fontMetrics().horizontalAdvance(QLatin1Char('x')),
             qPrintable(QString::number(search->width())));

    // Charts keep a readable height; the area scrolls when they do not fit.
    QVERIFY(charts->isVisible());
    QVERIFY(inside(charts, &window));
    QVERIFY(charts->width() >= 400);
    for (ChartPanel *panel : charts->panels())
        QVERIFY2(panel->height() >= ReadablePanelHeight, qPrintable(QString::number(panel->height())));
    auto *scroll = charts->findChild<QScrollArea *>();
    QVERIFY(scroll);
    const int needed = streams * ReadablePanelHeight;
    if (needed > scroll->viewport()->height())
        QVERIFY(scroll->verticalScrollBar()->maximum() > 0);

    // The status bar's counts are not cut, once the layout has caught up with their last text.
    for (const char *name : {"statusLabel", "captureCountLabel"}) {
        auto *label = window.findChild<QLabel *>(QLatin1String(name));
        QVERIFY2(label && label->isVisible(), name);
        QTRY_VERIFY2(label->width() >= label->sizeHint().width(),
                     qPrintable(QStringLiteral("%1: %2 < %3 for \"%4\"")
                                    .arg(QLatin1String(name)).arg(label->width())
                                    .arg(label->sizeHint().width()).arg(label->text())));
    }
}

void TestWindowLayout::stateElidesWithTheWholeReasonInItsTooltip()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script(QStringLiteral("/gone"), {Response::status(404)});
    MainWindow window;
    window.resize(1024, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.workspace()->addStream(optionsFor(server.url(QStringLiteral("/gone"))));
    StreamListModel *model = window.streamsPane()->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->statusText(0).startsWith(u"Failed: "), Timeout);

    QTableView *table = window.streamsPane()->view();
    QCOMPARE(table->textElideMode(), Qt::ElideRight);
    const QModelIndex state = model->index(0, StreamListModel::StateColumn);
    const QString reason = model->statusText(0);
    QCOMPARE(state.data().toString(), reason);
    QVERIFY2(state.data(Qt::ToolTipRole).toString().contains(reason),
             qPrintable(state.data(Qt::ToolTipRole).toString()));
    // The column does not grow past a readable share of the table for a long reason.
    QVERIFY(table->columnWidth(StreamListModel::StateColumn) < table->viewport()->width());
}

QTEST_MAIN(TestWindowLayout)
#include "tst_windowlayout.moc"
