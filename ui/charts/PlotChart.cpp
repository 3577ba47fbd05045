#include "PlotChart.h"

#include <QChart>
#include <QGraphicsLayout>
#include <QLegend>

namespace {

QChart *newChart(const QFont &font)
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setDropShadowEnabled(false);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(6, 4, 10, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    QFont titleFont = font;
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->legend()->setFont(font);
    return chart;
}

} // namespace

PlotChart::PlotChart(const QFont &font)
    : m_chart(newChart(font))
    , m_axes(m_chart)
    , m_lines(m_chart, m_axes.timeAxis(), m_axes.valueAxis(0), m_axes.valueAxis(1))
    , m_outages(m_chart)
    , m_markers(m_chart)
{
    m_axes.setLabelsFont(font);
    QFont markerFont = font;
    if (font.pointSizeF() > 0)
        markerFont.setPointSizeF(font.pointSizeF() * 0.9);
    m_markers.setFont(markerFont);
    setDarkTheme(false);
}

void PlotChart::setTitle(const QString &title)
{
    m_chart->setTitle(title.toHtmlEscaped());
}

void PlotChart::setDarkTheme(bool dark)
{
    m_dark = dark;
    const QColor text = dark ? QColor(0xdc, 0xde, 0xe2) : QColor(0x26, 0x26, 0x26);
    const QColor grid = dark ? QColor(0x3c, 0x41, 0x49) : QColor(0xe0, 0xe0, 0xe0);
    const QColor line = dark ? QColor(0x76, 0x7b, 0x84) : QColor(0x9a, 0x9a, 0x9a);
    m_chart->setBackgroundBrush(backgroundColor());
    m_chart->setTitleBrush(text);
    m_chart->legend()->setLabelColor(text);
    m_axes.setColors(text, grid, line);
    m_markers.setColors(dark ? QColor(255, 255, 255, 130) : QColor(0, 0, 0, 120), text);
    // Amber on light, a warmer and denser amber on dark: seen behind any series colour.
    m_outages.setBrush(dark ? QColor(255, 176, 32, 48) : QColor(255, 170, 0, 56));
}

QColor PlotChart::backgroundColor() const
{
    return m_dark ? QColor(0x1e, 0x21, 0x26) : QColor(Qt::white);
}

QRectF PlotChart::plotArea() const
{
    return m_chart->plotArea();
}
