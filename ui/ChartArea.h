#pragma once

#include "ChartPanel.h"

#include <QColor>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>

class ChartAreaPrivate;
class StreamFieldStore;

// The central chart area: the streams' plotted fields, either one ChartPanel per stream or all
// of them in a single chart ("<stream> /path"). The time window, pause and point cap are shared;
// a display tick redraws the visible panels. Stores are not owned (one going away is removed).
class ChartArea : public QWidget
{
    Q_OBJECT

public:
    enum LayoutMode { ChartPerStream, SingleChart };
    Q_ENUM(LayoutMode)

    static constexpr int DefaultTickIntervalMs = 33;

    explicit ChartArea(QWidget *parent = nullptr);
    ~ChartArea() override;

    void addStream(StreamFieldStore *store, const QString &name);
    void removeStream(StreamFieldStore *store);
    void renameStream(StreamFieldStore *store, const QString &name);
    QList<StreamFieldStore *> streams() const; // in the order added
    QString streamName(StreamFieldStore *store) const;

    // Until set, the first field a stream discovers is plotted.
    void setPlottedFields(StreamFieldStore *store, const QStringList &paths);
    QStringList plottedFields(StreamFieldStore *store) const;

    void setLayoutMode(LayoutMode mode);
    LayoutMode layoutMode() const;

    void setTimeWindow(ChartPanel::TimeWindow window);
    ChartPanel::TimeWindow timeWindow() const;

    void setPaused(bool paused); // every panel; ingestion goes on
    bool isPaused() const;

    void setPointCap(qsizetype cap); // forwarded to every store
    qsizetype pointCap() const;

    // Follows the palette unless set (dark when QPalette::Window is dark).
    void setDarkTheme(bool dark);
    bool isDarkTheme() const;

    // The colour of a series stays with stream + path whatever the layout.
    QColor seriesColor(StreamFieldStore *store, const QString &path) const;

    QList<ChartPanel *> panels() const;
    ChartPanel *panelFor(StreamFieldStore *store) const; // the single panel in SingleChart

    void setTickInterval(int ms); // 0 stops the display tick
    int tickInterval() const;

    QImage grabImage(); // the whole area as shown

public Q_SLOTS:
    void refresh(qint64 nowMs); // what the display tick does, with the current time
    void resetZoom();

Q_SIGNALS:
    void streamAdded(StreamFieldStore *store);
    void streamRemoved(StreamFieldStore *store);
    void streamRenamed(StreamFieldStore *store, const QString &name);
    void plottedFieldsChanged(StreamFieldStore *store);
    void layoutModeChanged(ChartArea::LayoutMode mode);
    void timeWindowChanged(ChartPanel::TimeWindow window);
    void pausedChanged(bool paused);
    void pointCapChanged(qsizetype cap);

protected:
    void changeEvent(QEvent *event) override;

private:
    friend class ChartAreaPrivate;
    std::unique_ptr<ChartAreaPrivate> d;
};
