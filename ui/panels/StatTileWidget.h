#pragma once

#include "StatTileState.h"

#include <QWidget>

// Paints a StatTileState: the value large with its unit, the series' name small, a sparkline of
// the window, the background and accent taken from the level, and a badge while an alert fires.
class StatTileWidget : public QWidget
{
    Q_OBJECT

public:
    explicit StatTileWidget(QWidget *parent = nullptr);

    void setState(const StatTileState &state);
    const StatTileState &state() const { return m_state; }
    void setName(const QString &name);
    QString name() const { return m_name; }
    void setFiring(bool firing);
    bool isFiring() const { return m_firing; }
    void setDarkTheme(bool dark);
    // The colour of the sparkline while the level is Ok (the series' colour).
    void setAccentColor(const QColor &color);

    static QColor levelColor(StatTileState::Level level);
    QColor backgroundColor() const; // for the current level and theme

    // Geometry, in widget coordinates: where each part is painted.
    QRect nameRect() const;
    QRect badgeRect() const; // empty while not firing
    QRect valueRect() const;
    QRect sparklineRect() const;
    // The sparkline as widget points, one polyline per segment.
    QList<QPolygonF> sparklinePolylines() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor textColor() const;
    QColor accentColor() const;
    void paintValue(QPainter &painter);

    StatTileState m_state;
    QString m_name;
    QColor m_accent;
    bool m_firing = false;
    bool m_dark = false;
};
