// DashboardLayout: the grid the user arranges — adding, removing, moving and resizing panels, the
// streams they name, and the JSON a session keeps of it.
#include "DashboardLayout.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <cmath>
#include <limits>

Q_DECLARE_METATYPE(DashboardLayout::Direction)

namespace {

// A layout written as its panel ids: rows separated by '|', cells by spaces ("1 2 | 3").
QString shape(const DashboardLayout &layout)
{
    QStringList rows;
    for (const DashboardLayout::Row &row : layout.rows()) {
        QStringList cells;
        for (const DashboardLayout::Cell &cell : row.cells)
            cells.append(QString::number(cell.panel.id));
        rows.append(cells.join(u' '));
    }
    return rows.join(QStringLiteral(" | "));
}

// Builds the layout `text` describes; panels are added in id order, so ids 1..n must all appear.
DashboardLayout layoutOf(const QString &text)
{
    struct Place { int row; int column; };
    QMap<int, Place> places;
    const QStringList rows = text.split(u'|', Qt::SkipEmptyParts);
    for (int r = 0; r < rows.size(); ++r) {
        const QStringList cells = rows.at(r).split(u' ', Qt::SkipEmptyParts);
        for (int c = 0; c < cells.size(); ++c)
            places.insert(cells.at(c).toInt(), {r, c});
    }
    // Adding in id order cannot place a panel before a lower id in its row, so build rows from
    // panels added in row order and then check that the ids came out as written.
    DashboardLayout layout;
    QMap<int, int> idOf; // written id -> assigned id
    for (int r = 0; r < rows.size(); ++r) {
        const QStringList cells = rows.at(r).split(u' ', Qt::SkipEmptyParts);
        for (int c = 0; c < cells.size(); ++c) {
            PanelConfig panel;
            panel.title = cells.at(c);
            idOf.insert(cells.at(c).toInt(), layout.addPanel(panel, c == 0 ? -1 : r));
        }
    }
    // Renumber through JSON so that the ids are the written ones.
    QJsonObject json = layout.toJson();
    QJsonArray jsonRows = json.value(QStringLiteral("rows")).toArray();
    for (qsizetype r = 0; r < jsonRows.size(); ++r) {
        QJsonObject row = jsonRows.at(r).toObject();
        QJsonArray panels = row.value(QStringLiteral("panels")).toArray();
        for (qsizetype c = 0; c < panels.size(); ++c) {
            QJsonObject panel = panels.at(c).toObject();
            panel.insert(QStringLiteral("id"), panel.value(QStringLiteral("title")).toString().toInt());
            panels[c] = panel;
        }
        row.insert(QStringLiteral("panels"), panels);
        jsonRows[r] = row;
    }
    json.insert(QStringLiteral("rows"), jsonRows);
    return DashboardLayout::fromJson(json);
}

PanelConfig seriesPanel(PanelConfig::Kind kind, QList<PanelSeries> series, QList<quint64> streams = {})
{
    PanelConfig panel;
    panel.kind = kind;
    panel.series = series;
    panel.streams = streams;
    return panel;
}

} // namespace

class tst_DashboardLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addPanelPlacesAndNumbers_data();
    void addPanelPlacesAndNumbers();
    void removePanelDropsEmptiedRows();
    void movePanel_data();
    void movePanel();
    void movePanelTo_data();
    void movePanelTo();
    void movePanelToNewRow_data();
    void movePanelToNewRow();
    void weightsFromSplitters();
    void scaleWidthKeepsTheRowTotal_data();
    void scaleWidthKeepsTheRowTotal();
    void clampWeight_data();
    void clampWeight();
    void removeAndMapStreams();
    void panelsShowing();
    void jsonRoundTrip();
    void jsonReadsLeniently_data();
    void jsonReadsLeniently();
    void jsonDuplicateIdsAreRenumbered();
    void defaultLayoutForTheDemo();
};

void tst_DashboardLayout::addPanelPlacesAndNumbers_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("expected");

    QTest::newRow("first panel") << QString() << -1 << "1";
    QTest::newRow("new row at the bottom") << "1" << -1 << "1 | 2";
    QTest::newRow("into the first row") << "1 | 2" << 0 << "1 3 | 2";
    QTest::newRow("row past the end") << "1" << 7 << "1 | 2";
    QTest::newRow("a full row starts one below") << "1 2 3 4 5 6 | 7" << 0 << "1 2 3 4 5 6 | 8 | 7";
}

void tst_DashboardLayout::addPanelPlacesAndNumbers()
{
    QFETCH(QString, start);
    QFETCH(int, row);
    QFETCH(QString, expected);
    DashboardLayout layout = layoutOf(start);
    QCOMPARE(shape(layout), start.simplified());
    const int id = layout.addPanel(PanelConfig{}, row);
    QCOMPARE(id, layout.panelCount());
    QCOMPARE(shape(layout), expected);
    QCOMPARE(layout.panel(id)->id, id);
}

void tst_DashboardLayout::removePanelDropsEmptiedRows()
{
    DashboardLayout layout = layoutOf("1 2 | 3 | 4");
    QVERIFY(layout.removePanel(3));
    QCOMPARE(shape(layout), QStringLiteral("1 2 | 4"));
    QVERIFY(layout.removePanel(1));
    QCOMPARE(shape(layout), QStringLiteral("2 | 4"));
    QVERIFY(!layout.removePanel(1));
    QVERIFY(!layout.removePanel(0));
    QVERIFY(layout.removePanel(2));
    QVERIFY(layout.removePanel(4));
    QVERIFY(layout.isEmpty());
    // Ids are not reused: a panel added later is not mistaken for one removed.
    QCOMPARE(layout.addPanel(PanelConfig{}), 5);
}

void tst_DashboardLayout::movePanel_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<int>("id");
    QTest::addColumn<DashboardLayout::Direction>("direction");
    QTest::addColumn<bool>("moved");
    QTest::addColumn<QString>("expected");
    using D = DashboardLayout::Direction;

    QTest::newRow("left") << "1 2 3" << 2 << D::Left << true << "2 1 3";
    QTest::newRow("left at the edge") << "1 2 3" << 1 << D::Left << false << "1 2 3";
    QTest::newRow("right") << "1 2 3" << 2 << D::Right << true << "1 3 2";
    QTest::newRow("right at the edge") << "1 2 3" << 3 << D::Right << false << "1 2 3";
    QTest::newRow("up joins the row above") << "1 | 2 3" << 3 << D::Up << true << "1 3 | 2";
    QTest::newRow("up empties its row") << "1 | 2" << 2 << D::Up << true << "1 2";
    QTest::newRow("up from the top") << "1 | 2" << 1 << D::Up << false << "1 | 2";
    QTest::newRow("down joins the row below") << "1 2 | 3" << 1 << D::Down << true << "2 | 3 1";
    QTest::newRow("down from the bottom makes a row") << "1 2" << 2 << D::Down << true << "1 | 2";
    QTest::newRow("down alone at the bottom") << "1 | 2" << 2 << D::Down << false << "1 | 2";
    QTest::newRow("down empties its row") << "1 | 2" << 1 << D::Down << true << "2 1";
    QTest::newRow("up past a full row") << "1 2 3 4 5 6 | 7" << 7 << D::Up << true << "7 | 1 2 3 4 5 6";
    QTest::newRow("down past a full row") << "7 | 1 2 3 4 5 6" << 7 << D::Down << true << "1 2 3 4 5 6 | 7";
    QTest::newRow("unknown panel") << "1 2" << 9 << D::Left << false << "1 2";
}

void tst_DashboardLayout::movePanel()
{
    QFETCH(QString, start);
    QFETCH(int, id);
    QFETCH(DashboardLayout::Direction, direction);
    QFETCH(bool, moved);
    QFETCH(QString, expected);
    DashboardLayout layout = layoutOf(start);
    QCOMPARE(layout.movePanel(id, direction), moved);
    QCOMPARE(shape(layout), expected);
}

void tst_DashboardLayout::movePanelTo_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<int>("id");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("beforeId");
    QTest::addColumn<bool>("moved");
    QTest::addColumn<QString>("expected");

    QTest::newRow("before a panel in its row") << "1 2 3" << 3 << 0 << 1 << true << "3 1 2";
    QTest::newRow("before a panel in another row") << "1 2 | 3" << 3 << 0 << 2 << true << "1 3 2";
    QTest::newRow("before itself") << "1 2" << 1 << 0 << 1 << false << "1 2";
    QTest::newRow("where it is already") << "1 2" << 1 << 0 << 2 << false << "1 2";
    QTest::newRow("end of a row") << "1 | 2 3" << 2 << 0 << 0 << true << "1 2 | 3";
    QTest::newRow("end of its own row") << "1 2 3" << 1 << 0 << 0 << true << "2 3 1";
    QTest::newRow("a new row at the bottom") << "1 2" << 1 << -1 << 0 << true << "2 | 1";
    QTest::newRow("alone at the bottom already") << "1 | 2" << 2 << -1 << 0 << false << "1 | 2";
    QTest::newRow("into a full row") << "1 2 3 4 5 6 | 7" << 7 << 0 << 1 << false << "1 2 3 4 5 6 | 7";
    QTest::newRow("unknown target") << "1 2" << 1 << 0 << 9 << false << "1 2";
}

void tst_DashboardLayout::movePanelTo()
{
    QFETCH(QString, start);
    QFETCH(int, id);
    QFETCH(int, row);
    QFETCH(int, beforeId);
    QFETCH(bool, moved);
    QFETCH(QString, expected);
    DashboardLayout layout = layoutOf(start);
    QCOMPARE(layout.movePanelTo(id, row, beforeId), moved);
    QCOMPARE(shape(layout), expected);
}

void tst_DashboardLayout::movePanelToNewRow_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<int>("id");
    QTest::addColumn<int>("row");
    QTest::addColumn<bool>("moved");
    QTest::addColumn<QString>("expected");

    QTest::newRow("on top") << "1 2 | 3" << 2 << 0 << true << "2 | 1 | 3";
    QTest::newRow("between rows") << "1 2 | 3" << 1 << 1 << true << "2 | 1 | 3";
    QTest::newRow("at the bottom") << "1 | 2 3" << 1 << 2 << true << "2 3 | 1";
    QTest::newRow("row count clamped") << "1 2" << 2 << 99 << true << "1 | 2";
    QTest::newRow("alone, just above itself") << "1 | 2" << 2 << 1 << false << "1 | 2";
    QTest::newRow("alone, just below itself") << "1 | 2" << 1 << 1 << false << "1 | 2";
}

void tst_DashboardLayout::movePanelToNewRow()
{
    QFETCH(QString, start);
    QFETCH(int, id);
    QFETCH(int, row);
    QFETCH(bool, moved);
    QFETCH(QString, expected);
    DashboardLayout layout = layoutOf(start);
    QCOMPARE(layout.movePanelToNewRow(id, row), moved);
    QCOMPARE(shape(layout), expected);
}

void tst_DashboardLayout::weightsFromSplitters()
{
    DashboardLayout layout = layoutOf("1 2 | 3");
    layout.setRowWeights({300, 0});
    QCOMPARE(layout.rows().at(0).weight, 300);
    QCOMPARE(layout.rows().at(1).weight, 1); // below 1 counts as 1
    layout.setRowWeights({5}); // not one per row: ignored
    QCOMPARE(layout.rows().at(0).weight, 300);
    layout.setCellWeights(0, {120, 480});
    QCOMPARE(layout.rows().at(0).cells.at(0).weight, 120);
    QCOMPARE(layout.rows().at(0).cells.at(1).weight, 480);
    layout.setCellWeights(1, {1, 2}); // not one per cell
    QCOMPARE(layout.rows().at(1).cells.at(0).weight, DashboardLayout::DefaultWeight);
    // A panel entering a row takes the mean width there.
    QVERIFY(layout.movePanel(3, DashboardLayout::Direction::Up));
    QCOMPARE(layout.rows().at(0).cells.at(2).weight, 300);
}

void tst_DashboardLayout::scaleWidthKeepsTheRowTotal_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<double>("factor");
    QTest::addColumn<bool>("changed");
    QTest::addColumn<int>("first");

    QTest::newRow("wider") << "1 2" << 1.5 << true << 120;
    QTest::newRow("narrower") << "1 2" << 0.5 << true << 67;
    QTest::newRow("factor 1") << "1 2" << 1.0 << false << 100;
    QTest::newRow("factor 0") << "1 2" << 0.0 << false << 100;
    QTest::newRow("negative") << "1 2" << -2.0 << false << 100;
    QTest::newRow("not finite") << "1 2" << std::numeric_limits<double>::infinity() << false << 100;
    QTest::newRow("alone in its row") << "1 | 2" << 2.0 << false << 100;
}

void tst_DashboardLayout::scaleWidthKeepsTheRowTotal()
{
    QFETCH(QString, start);
    QFETCH(double, factor);
    QFETCH(bool, changed);
    QFETCH(int, first);
    DashboardLayout layout = layoutOf(start);
    QCOMPARE(layout.scaleWidth(1, factor), changed);
    const QList<DashboardLayout::Cell> &cells = layout.rows().at(0).cells;
    QCOMPARE(cells.at(0).weight, first);
    if (cells.size() == 2)
        QCOMPARE(cells.at(0).weight + cells.at(1).weight, 2 * DashboardLayout::DefaultWeight);
}

void tst_DashboardLayout::clampWeight_data()
{
    QTest::addColumn<double>("weight");
    QTest::addColumn<int>("expected");
    QTest::newRow("ordinary") << 150.4 << 150;
    QTest::newRow("rounds") << 150.5 << 151;
    QTest::newRow("zero") << 0.0 << 1;
    QTest::newRow("negative") << -5.0 << 1;
    QTest::newRow("NaN") << std::nan("") << 1;
    QTest::newRow("huge") << 1e300 << std::numeric_limits<int>::max();
}

void tst_DashboardLayout::clampWeight()
{
    QFETCH(double, weight);
    QFETCH(int, expected);
    QCOMPARE(DashboardLayout::clampWeight(weight), expected);
}

void tst_DashboardLayout::removeAndMapStreams()
{
    DashboardLayout layout;
    const int series = layout.addPanel(seriesPanel(PanelConfig::Kind::TimeSeries,
                                                   {{7, "/count", 0}, {8, "/cpu", 1}, {7, "rate(/count)", 1}}));
    const int timeline = layout.addPanel(seriesPanel(PanelConfig::Kind::ConnectionTimeline, {}, {7, 8}));
    layout.removeStream(7);
    QCOMPARE(layout.panel(series)->series, (QList<PanelSeries>{{8, "/cpu", 1}}));
    QCOMPARE(layout.panel(timeline)->streams, QList<quint64>{8});
    QCOMPARE(layout.panelCount(), 2); // emptied panels stay

    layout.mapStreams([](quint64 id) -> std::optional<quint64> { return id == 8 ? std::optional<quint64>(0) : std::nullopt; });
    QCOMPARE(layout.panel(series)->series, (QList<PanelSeries>{{0, "/cpu", 1}}));
    QCOMPARE(layout.panel(timeline)->streams, QList<quint64>{0});
}

void tst_DashboardLayout::panelsShowing()
{
    DashboardLayout layout;
    const int a = layout.addPanel(seriesPanel(PanelConfig::Kind::TimeSeries, {{1, "/count", 0}, {2, "/count", 0}}));
    const int b = layout.addPanel(seriesPanel(PanelConfig::Kind::StatTile, {{1, "/count", 0}}));
    layout.addPanel(seriesPanel(PanelConfig::Kind::StatTile, {{1, "/other", 0}}));
    QCOMPARE(layout.panelsShowing(1, "/count"), (QList<int>{a, b}));
    QCOMPARE(layout.panelsShowing(2, "/count"), QList<int>{a});
    QVERIFY(layout.panelsShowing(3, "/count").isEmpty());
}

void tst_DashboardLayout::jsonRoundTrip()
{
    DashboardLayout layout;
    PanelConfig chart = seriesPanel(PanelConfig::Kind::TimeSeries, {{0, "/count", 0}, {1, "avg(/bytes, 10s)", 1}});
    chart.title = QStringLiteral("Load — 負載");
    chart.logScaleRight = true;
    chart.markerTypes = {"deploy", "alert"};
    PanelConfig tile = seriesPanel(PanelConfig::Kind::StatTile, {{0, "/latency_ms", 0}});
    tile.thresholds = {{-1e300, PanelThreshold::Level::Warning}, {1e-9, PanelThreshold::Level::Critical}};
    PanelConfig rate = seriesPanel(PanelConfig::Kind::EventRate, {}, {0, 1});
    rate.showBytes = false;
    layout.addPanel(chart);
    layout.addPanel(tile, 0);
    layout.addPanel(seriesPanel(PanelConfig::Kind::ConnectionTimeline, {}, {}));
    layout.addPanel(rate, 1);
    layout.setRowWeights({250, 90});
    layout.setCellWeights(0, {300, 100});

    const QByteArray text = QJsonDocument(layout.toJson()).toJson();
    QString error;
    const DashboardLayout read = DashboardLayout::fromJson(QJsonDocument::fromJson(text).object(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(read, layout);
    QCOMPARE(shape(read), QStringLiteral("1 2 | 3 4"));
    // The next id continues after the largest read.
    DashboardLayout grown = read;
    QCOMPARE(grown.addPanel(PanelConfig{}), 5);
}

void tst_DashboardLayout::jsonReadsLeniently_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expectedShape");
    QTest::addColumn<QString>("errorPart");

    QTest::newRow("empty object") << QByteArray("{}") << QString() << QString();
    QTest::newRow("rows not a list") << QByteArray(R"({"rows": 3})") << QString() << "rows should be a list";
    QTest::newRow("unknown kind skipped")
        << QByteArray(R"({"rows":[{"panels":[{"id":1,"kind":"pie"},{"id":2,"kind":"statTile"}]}]})")
        << "2" << "rows[0].panels[0]";
    QTest::newRow("row not an object")
        << QByteArray(R"({"rows":[5,{"panels":[{"id":4,"kind":"eventRate"}]}]})") << "4" << "rows[0] should be an object";
    QTest::newRow("bad weight")
        << QByteArray(R"({"rows":[{"weight":"wide","panels":[{"id":1,"kind":"timeSeries"}]}]})") << "1" << "weight should be a number";
    QTest::newRow("bad stream number")
        << QByteArray(R"({"rows":[{"panels":[{"id":1,"kind":"connectionTimeline","streams":[-1, 2.5, 3]}]}]})")
        << "1" << "should be a stream number";
    QTest::newRow("empty rows dropped")
        << QByteArray(R"({"rows":[{"panels":[]},{"panels":[{"id":1,"kind":"timeSeries"}]}]})") << "1" << QString();
    QTest::newRow("overfull row split")
        << QByteArray(R"({"rows":[{"panels":[{"id":1},{"id":2},{"id":3},{"id":4},{"id":5},{"id":6},{"id":7}]}]})")
        << "1 2 3 4 5 6 | 7" << "more than 6 panels";
}

void tst_DashboardLayout::jsonReadsLeniently()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expectedShape);
    QFETCH(QString, errorPart);
    QJsonParseError parse;
    const QJsonObject object = QJsonDocument::fromJson(json, &parse).object();
    QCOMPARE(parse.error, QJsonParseError::NoError);
    QString error;
    const DashboardLayout layout = DashboardLayout::fromJson(object, &error);
    QCOMPARE(shape(layout), expectedShape);
    if (errorPart.isEmpty())
        QVERIFY2(error.isEmpty(), qPrintable(error));
    else
        QVERIFY2(error.contains(errorPart), qPrintable(error));
}

void tst_DashboardLayout::jsonDuplicateIdsAreRenumbered()
{
    const QByteArray json = R"({"rows":[{"panels":[{"id":3,"kind":"timeSeries"},{"id":3,"kind":"statTile"},{"kind":"eventRate"}]}]})";
    const DashboardLayout layout = DashboardLayout::fromJson(QJsonDocument::fromJson(json).object());
    QCOMPARE(shape(layout), QStringLiteral("3 4 5"));
    QCOMPARE(layout.panel(4)->kind, PanelConfig::Kind::StatTile);
}

void tst_DashboardLayout::defaultLayoutForTheDemo()
{
    const DashboardLayout layout = DashboardLayout::defaultFor(5, QStringLiteral("/count"));
    QCOMPARE(shape(layout), QStringLiteral("1 2 | 3 4"));
    const QList<PanelConfig> panels = layout.panels();
    QCOMPARE(panels.at(0).kind, PanelConfig::Kind::TimeSeries);
    QCOMPARE(panels.at(0).series, (QList<PanelSeries>{{5, "/count", 0}}));
    QCOMPARE(panels.at(1).kind, PanelConfig::Kind::StatTile);
    QCOMPARE(panels.at(1).series, panels.at(0).series);
    QCOMPARE(panels.at(2).kind, PanelConfig::Kind::ConnectionTimeline);
    QCOMPARE(panels.at(3).kind, PanelConfig::Kind::EventRate);
    // Without a field yet, the charts wait for one.
    QVERIFY(DashboardLayout::defaultFor(5, QString()).panels().at(0).series.isEmpty());
}

QTEST_GUILESS_MAIN(tst_DashboardLayout)
#include "tst_dashboardlayout.moc"
