#pragma once

#include "ChartArea.h"
#include "PanelSources.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QMetaObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <deque>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

class ChartAreaToolBar;
class DashboardView;
class QLabel;
class QPainter;
class QScrollArea;
class QStackedWidget;

// The streams of a ChartArea and what its panels read of them.
class ChartAreaPrivate : public PanelSources
{
public:
    struct TypedEvent
    {
        qint64 timeMs;
        QString type;
        QString label;
    };
    static constexpr int MaxTypedEvents = 10'000;

    struct Stream
    {
        quint64 id = 0;
        StreamFieldStore *store = nullptr;
        QString name;
        QStringList plotted; // the arrangements made from plotted fields
        int colorIndex = -1; // the stream's colour slot, if it has one
        bool chosen = false; // plotted set by the user (or a saved session), not by default
        QList<QMetaObject::Connection> connections;
        QList<std::pair<qint64, qint64>> outages; // on the receive clock
        const ConnectionHistory *history = nullptr;
        const StreamRateHistory *rates = nullptr;
        qint64 startedAtMs = 0;
        std::deque<TypedEvent> typedEvents;
        QStringList eventTypes;
    };

    explicit ChartAreaPrivate(ChartArea *area) : q(area) { }

    void buildUi();
    Stream *find(const StreamFieldStore *store) const;
    Stream *find(quint64 id) const;
    DashboardPanel *createPanel(const PanelConfig &config);
    // The arrangements made from plotted fields: the layout they give.
    DashboardLayout arrangedLayout() const;
    void arrange(); // shows arrangedLayout() unless in Dashboard
    QStringList plottedIn(const Stream &stream) const; // what the layout shows of it
    void setPlotted(Stream *stream, const QStringList &keys);
    QColor colorFor(const Stream &stream, const QString &key) const;
    void fieldDiscovered(StreamFieldStore *store, const QString &key);
    void sourcesChanged();
    void applyTheme();
    void updateState();
    void refreshAll(qint64 nowMs, bool visibleOnly);
    void paint(QPainter *painter, const QSize &size);
    void layoutEdited();

    // PanelSources
    QList<quint64> streamIds() const override;
    const StreamFieldStore *fields(quint64 stream) const override;
    QString streamName(quint64 stream) const override;
    QColor seriesColor(quint64 stream, const QString &key) const override;
    QColor streamColor(quint64 stream) const override;
    QString unit(quint64 stream, const QString &key) const override;
    const ConnectionHistory *history(quint64 stream) const override;
    const StreamRateHistory *rates(quint64 stream) const override;
    qint64 startedAtMs(quint64 stream) const override;
    QList<std::pair<qint64, qint64>> outages(quint64 stream) const override;
    qint64 clockOffsetMs(quint64 stream) const override;
    QList<std::pair<qint64, QString>> typedEvents(quint64 stream, const QStringList &types, qint64 fromMs,
                                                  qint64 toMs) const override;
    QStringList eventTypes(quint64 stream) const override;
    bool isFiring(quint64 stream, const QString &key) const override;

    ChartArea *q;
    std::vector<std::unique_ptr<Stream>> streams;
    quint64 nextId = 1;
    ChartArea::LayoutMode mode = ChartArea::ChartPerStream;
    ChartPanel::TimeWindow window = ChartPanel::OneMinute;
    bool paused = false;
    std::optional<bool> darkOverride;
    bool dark = false;
    mutable QHash<quint64, QHash<QString, QColor>> colors;
    mutable int nextColor = 0;
    std::function<bool(quint64, const QString &)> firing;
    std::function<QString(quint64, const QString &)> unitOf;
    QTimer tick;
    std::optional<qint64> lastNow;
    bool arranging = false;

    QStackedWidget *stack = nullptr;
    QLabel *emptyHint = nullptr;
    QScrollArea *scroll = nullptr;
    DashboardView *view = nullptr;
    ChartAreaToolBar *toolBar = nullptr;
};
