#pragma once

#include "ConnectionEvent.h"

#include <QWidget>

class ConnectionTimelineModel;

// Paints a ConnectionTimelineModel: per stream a name and a lane of status bands with ticks for
// reconnections and ID resets, over a time axis; hovering a lane tells what the stream was doing.
class ConnectionTimelineView : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionTimelineView(QWidget *parent = nullptr);

    void setModel(ConnectionTimelineModel *model);
    ConnectionTimelineModel *model() const { return m_model; }
    void setDarkTheme(bool dark);
    bool isDarkTheme() const { return m_dark; }

    // Mid tones, readable on dark and light backgrounds alike.
    static QColor bandColor(StreamStatus status);

    // Geometry, in widget coordinates.
    QRect laneRect(int row) const;
    QRect axisRect() const;
    int rowAt(const QPoint &pos) const; // -1 outside every lane
    int xForTime(qint64 timeMs) const;
    qint64 timeAtX(int x) const;
    // What a tooltip at `pos` says: the model's describeAt() for the lane and time there.
    QString toolTipAt(const QPoint &pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    int rowHeight() const;
    int labelWidth() const;
    QRect lanesArea() const;
    void paintRow(QPainter &painter, int row);
    void paintAxis(QPainter &painter);

    ConnectionTimelineModel *m_model = nullptr;
    bool m_dark = false;
    mutable int m_labelWidth = -1; // -1: to be measured again
};
