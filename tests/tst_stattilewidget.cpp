// StatTileWidget and StatTilePanel: the level's colours, the firing badge and the sparkline as
// painted, and the panel reading its field, unit, thresholds and alert through PanelSources.
#include "PanelSources.h"
#include "SeriesBuffer.h"
#include "SseEvent.h"
#include "StatTilePanel.h"
#include "StatTileWidget.h"
#include "StreamFieldStore.h"

#include <QAction>
#include <QImage>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using Level = PanelThreshold::Level;

namespace {

constexpr qint64 Now = 1'764'590'400'000;

// One stream with a field store; the alert on a field fires when told.
class FieldSources : public PanelSources
{
public:
    StreamFieldStore store;
    QString unitText;
    bool firing = false;
    qint64 clockOffset = 0;

    QList<quint64> streamIds() const override { return {1}; }
    const StreamFieldStore *fields(quint64 stream) const override { return stream == 1 ? &store : nullptr; }
    QString streamName(quint64) const override { return QStringLiteral("demo"); }
    QColor seriesColor(quint64, const QString &) const override { return QColor(0x4a, 0x7b, 0xd0); }
    QColor streamColor(quint64) const override { return Qt::blue; }
    QString unit(quint64, const QString &) const override { return unitText; }
    const ConnectionHistory *history(quint64) const override { return nullptr; }
    const StreamRateHistory *rates(quint64) const override { return nullptr; }
    qint64 startedAtMs(quint64) const override { return Now - 60'000; }
    QList<std::pair<qint64, qint64>> outages(quint64) const override { return {}; }
    qint64 clockOffsetMs(quint64) const override { return clockOffset; }
    QList<std::pair<qint64, QString>> typedEvents(quint64, const QStringList &, qint64, qint64) const override
    {
        return {};
    }
    QStringList eventTypes(quint64) const override { return {}; }
    bool isFiring(quint64 stream, const QString &key) const override
    {
        return firing && stream == 1 && key == QStringLiteral("/v");
    }

    void add(const QString &json, qint64 atMs) { store.addEvent({QStringLiteral("message"), json, QString()}, atMs); }
};

QImage picture(QWidget &widget)
{
    QImage image(widget.size(), QImage::Format_RGB32);
    image.fill(Qt::black);
    widget.render(&image);
    return image;
}

StatTileState stateFor(const SeriesBuffer &buffer, const QList<PanelThreshold> &steps, int width,
                       qint64 nowMs = Now, qint64 windowMs = 60'000)
{
    StatTileState state;
    state.setThresholds(steps);
    state.update(&buffer, nowMs, windowMs, width);
    return state;
}

PanelConfig tileConfig(const QList<PanelThreshold> &steps = {})
{
    PanelConfig config;
    config.kind = PanelConfig::Kind::StatTile;
    config.series = {{1, QStringLiteral("/v"), 0}};
    config.thresholds = steps;
    return config;
}

} // namespace

class tst_StatTileWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void levelBackground_data();
    void levelBackground();
    void firingBadge();
    void sparkline_data();
    void sparkline();
    void sparklineBreaks();
    void noData();
    void panelShowsField();
    void panelStringBecomesNumber();
    void panelThresholdsAndFiring();
    void panelClockOffset();
    void panelMenu();
};

void tst_StatTileWidget::levelBackground_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<Level>("level");
    QTest::addColumn<bool>("dark");

    for (bool dark : {false, true}) {
        const char *theme = dark ? "dark" : "light";
        QTest::addRow("%s: below all", theme) << 5.0 << Level::Ok << dark;
        QTest::addRow("%s: at the warning step", theme) << 10.0 << Level::Warning << dark;
        QTest::addRow("%s: above all", theme) << 1e300 << Level::Critical << dark;
    }
}

void tst_StatTileWidget::levelBackground()
{
    QFETCH(double, value);
    QFETCH(Level, level);
    QFETCH(bool, dark);
    SeriesBuffer buffer;
    buffer.append(Now, value);
    StatTileWidget tile;
    tile.resize(240, 150);
    tile.setDarkTheme(dark);
    tile.setState(stateFor(buffer, {{10, Level::Warning}, {20, Level::Critical}}, 200));
    QCOMPARE(tile.state().level(), level);

    const QImage image = picture(tile);
    // A corner of the name row holds nothing but the background; the left edge is the accent.
    const QColor background(image.pixel(tile.width() - 2, 1));
    QCOMPARE(background, tile.backgroundColor());
    const QColor accent(image.pixel(1, tile.height() / 2));
    if (level == Level::Ok) {
        QCOMPARE(accent, QColor(0x4a, 0x7b, 0xd0)); // the series' own colour
    } else {
        QCOMPARE(accent, StatTileWidget::levelColor(level));
        // Tinted towards the level's colour, away from the plain background.
        const QColor plain = dark ? QColor(0x1e, 0x21, 0x26) : QColor(0xfb, 0xfb, 0xfb);
        QVERIFY(background != plain);
        if (level == Level::Critical)
            QVERIFY(background.red() - background.blue() > plain.red() - plain.blue() + 20);
    }
}

void tst_StatTileWidget::firingBadge()
{
    SeriesBuffer buffer;
    buffer.append(Now, 1);
    StatTileWidget tile;
    tile.resize(240, 150);
    tile.setName(QStringLiteral("/v"));
    tile.setState(stateFor(buffer, {}, 200));
    QVERIFY(tile.badgeRect().isNull());
    const QRect badge = [&] {
        StatTileWidget probe;
        probe.resize(240, 150);
        probe.setFiring(true);
        return probe.badgeRect();
    }();
    QVERIFY(badge.isValid());
    const QPoint inside(badge.left() + 2, badge.center().y());
    QCOMPARE(QColor(picture(tile).pixel(inside)), tile.backgroundColor());

    tile.setFiring(true);
    QCOMPARE(tile.badgeRect(), badge);
    QCOMPARE(QColor(picture(tile).pixel(inside)), StatTileWidget::levelColor(Level::Critical));
    QVERIFY(tile.nameRect().right() < badge.left()); // the name gives way
}

void tst_StatTileWidget::sparkline_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<int>("highest"); // index of the point drawn highest

    QTest::newRow("rising") << QList<double>{1, 2, 3} << 2;
    QTest::newRow("spike in the middle") << QList<double>{0, 1.5e6, 0} << 1;
    QTest::newRow("tiny values") << QList<double>{3e-9, 1e-9, 2e-9} << 0;
    QTest::newRow("negative") << QList<double>{-50, -5, -500} << 1;
    QTest::newRow("extremes") << QList<double>{-1e300, 1e300, 0} << 1;
}

void tst_StatTileWidget::sparkline()
{
    QFETCH(QList<double>, values);
    QFETCH(int, highest);
    SeriesBuffer buffer;
    for (qsizetype i = 0; i < values.size(); ++i)
        buffer.append(Now - 30'000 + 10'000 * i, values.at(i));
    StatTileWidget tile;
    tile.resize(240, 150);
    tile.setState(stateFor(buffer, {}, tile.sparklineRect().width()));
    const QList<QPolygonF> lines = tile.sparklinePolylines();
    QCOMPARE(lines.size(), 1);
    const QPolygonF &line = lines.first();
    QCOMPARE(line.size(), values.size());
    const QRectF area(tile.sparklineRect());
    for (const QPointF &point : line) {
        QVERIFY(std::isfinite(point.x()) && std::isfinite(point.y()));
        QVERIFY2(area.adjusted(-0.5, -0.5, 0.5, 0.5).contains(point), qPrintable(QStringLiteral("%1,%2").arg(point.x()).arg(point.y())));
    }
    for (qsizetype i = 1; i < line.size(); ++i)
        QVERIFY(line.at(i).x() > line.at(i - 1).x());
    const auto top = std::min_element(line.cbegin(), line.cend(), [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
    QCOMPARE(int(top - line.cbegin()), highest);
}

void tst_StatTileWidget::sparklineBreaks()
{
    SeriesBuffer buffer;
    buffer.append(Now - 20'000, 7); // a constant sits in the middle
    buffer.append(Now - 15'000, 7);
    buffer.markBreak();
    buffer.append(Now - 5'000, 7);
    StatTileWidget tile;
    tile.resize(240, 150);
    tile.setState(stateFor(buffer, {}, 200));
    const QList<QPolygonF> lines = tile.sparklinePolylines();
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0).size(), 2);
    QCOMPARE(lines.at(1).size(), 1);
    QCOMPARE(lines.at(0).at(0).y(), lines.at(1).at(0).y());
    QVERIFY(qAbs(lines.at(0).at(0).y() - QRectF(tile.sparklineRect()).center().y()) <= 1.0);
}

void tst_StatTileWidget::noData()
{
    StatTileWidget tile;
    tile.resize(240, 150);
    StatTileState state;
    state.update(nullptr, Now, 60'000, 200);
    tile.setState(state);
    QVERIFY(tile.sparklinePolylines().isEmpty());
    QCOMPARE(tile.state().text(), QStringLiteral("No data yet"));
    QVERIFY(tile.toolTip().isEmpty());
    const QImage image = picture(tile);
    QCOMPARE(QColor(image.pixel(tile.width() - 2, 1)), tile.backgroundColor());
}

void tst_StatTileWidget::panelShowsField()
{
    FieldSources sources;
    sources.unitText = QStringLiteral("B/s");
    sources.add(QStringLiteral(R"({"v": 1000})"), Now - 2000);
    sources.add(QStringLiteral(R"({"v": 1500000})"), Now - 1000);
    StatTilePanel panel(&sources);
    panel.resize(240, 150);
    panel.setConfig(tileConfig());
    QCOMPARE(panel.defaultTitle(), QStringLiteral("demo /v"));
    panel.refresh({Now, 60'000, false});
    QCOMPARE(panel.tile()->state().text(), QStringLiteral("1.5 MB/s"));
    QCOMPARE(panel.tile()->name(), QStringLiteral("/v"));
    QVERIFY(!panel.tile()->state().isStale());

    // Minutes later with nothing new: stale, the value kept.
    panel.refresh({Now + 120'000, 60'000, false});
    QVERIFY(panel.tile()->state().isStale());
    QCOMPARE(panel.tile()->state().value(), 1.5e6);

    PanelConfig empty;
    empty.kind = PanelConfig::Kind::StatTile;
    panel.setConfig(empty);
    panel.refresh({Now, 60'000, false});
    QVERIFY(!panel.tile()->state().hasData());
    QCOMPARE(panel.defaultTitle(), QStringLiteral("Stat tile (drop a field here)"));
}

void tst_StatTileWidget::panelStringBecomesNumber()
{
    FieldSources sources;
    sources.add(QStringLiteral(R"({"v": "starting"})"), Now - 3000);
    StatTilePanel panel(&sources);
    panel.setConfig(tileConfig({{10, Level::Warning}}));
    panel.refresh({Now, 60'000, false});
    QVERIFY(!panel.tile()->state().hasData());
    sources.add(QStringLiteral(R"({"v": 12})"), Now - 1000);
    panel.refresh({Now, 60'000, false}); // no sourcesChanged(): found on the tick
    QVERIFY(panel.tile()->state().hasData());
    QCOMPARE(panel.tile()->state().value(), 12.0);
    QCOMPARE(panel.tile()->state().level(), Level::Warning);
}

void tst_StatTileWidget::panelThresholdsAndFiring()
{
    FieldSources sources;
    sources.add(QStringLiteral(R"({"v": -20})"), Now - 1000);
    StatTilePanel panel(&sources);
    panel.setConfig(tileConfig({{-40, Level::Critical}, {-10, Level::Warning}}));
    panel.refresh({Now, 60'000, false});
    QCOMPARE(panel.tile()->state().level(), Level::Critical);
    QVERIFY(!panel.tile()->isFiring());

    sources.firing = true;
    panel.refresh({Now, 60'000, false});
    QVERIFY(panel.tile()->isFiring());

    // New thresholds apply at once, without waiting for a tick.
    PanelConfig config = panel.config();
    config.thresholds = {{-30, Level::Warning}};
    panel.setConfig(config);
    QCOMPARE(panel.tile()->state().level(), Level::Warning);
}

void tst_StatTileWidget::panelClockOffset()
{
    // A payload clock an hour behind: its "now" is an hour earlier than the wall clock.
    FieldSources sources;
    sources.clockOffset = -3'600'000;
    sources.add(QStringLiteral(R"({"v": 3})"), Now - 3'600'000 - 1000);
    StatTilePanel panel(&sources);
    panel.setConfig(tileConfig());
    panel.refresh({Now, 60'000, false});
    QVERIFY(panel.tile()->state().hasData());
    QVERIFY(!panel.tile()->state().isStale());
    QCOMPARE(panel.tile()->state().sparkToMs(), Now - 3'600'000);
}

void tst_StatTileWidget::panelMenu()
{
    FieldSources sources;
    StatTilePanel panel(&sources);
    panel.setConfig(tileConfig());
    QMenu menu;
    panel.addMenuActions(&menu);
    QCOMPARE(menu.actions().size(), 1);
    QCOMPARE(menu.actions().first()->text(), QStringLiteral("Thresholds\u2026"));
    QVERIFY(panel.acceptsFields());
}

QTEST_MAIN(tst_StatTileWidget)
#include "tst_stattilewidget.moc"
