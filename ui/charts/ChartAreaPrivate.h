#pragma once

#include "ChartArea.h"
#include "SeriesBuffer.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QMetaObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

class ChartAreaToolBar;
class QLabel;
class QPainter;
class QScrollArea;
class QSplitter;
class QStackedWidget;

// The streams of a ChartArea, their panels, and what is shared between them.
class ChartAreaPrivate
{
public:
    struct Stream
    {
        StreamFieldStore *store = nullptr;
        QString name;
        QStringList plotted;
        int colorIndex = -1; // the stream's colour slot, if it has one
        bool chosen = false; // plotted set by the user (or a saved session), not by default
        ChartPanel *panel = nullptr; // ChartPerStream only
        QList<QMetaObject::Connection> connections;
        QList<std::pair<qint64, qint64>> outages; // on the receive clock
        qint64 outageOffset = 0; // the clock offset the panel's outages were moved by
    };

    explicit ChartAreaPrivate(ChartArea *area) : q(area) { }

    void buildUi();
    Stream *find(const StreamFieldStore *store) const;
    ChartPanel *createPanel();
    void rebuildPanels();
    void updateSeries(Stream *stream);
    void updateSingleSeries();
    QList<PlotSeries> seriesOf(const Stream &stream, bool withStreamName);
    QColor colorFor(const Stream &stream, const QString &path);
    void fieldDiscovered(StreamFieldStore *store, const QString &path);
    void applyTheme();
    void updateState();
    qint64 clockOffset(const Stream *stream) const;
    void pushOutages();
    void refreshAll(qint64 nowMs, bool visibleOnly);
    void paint(QPainter *painter, const QSize &size);

    ChartArea *q;
    std::vector<std::unique_ptr<Stream>> streams;
    ChartArea::LayoutMode mode = ChartArea::ChartPerStream;
    ChartPanel::TimeWindow window = ChartPanel::OneMinute;
    bool paused = false;
    std::optional<bool> darkOverride;
    bool dark = false;
    QHash<const StreamFieldStore *, QHash<QString, QColor>> colors;
    int nextColor = 0;
    ChartPanel *single = nullptr;
    QTimer tick;
    std::optional<qint64> lastNow;

    QStackedWidget *stack = nullptr;
    QLabel *emptyHint = nullptr;
    QScrollArea *scroll = nullptr;
    QSplitter *splitter = nullptr;
    ChartAreaToolBar *toolBar = nullptr;
};
