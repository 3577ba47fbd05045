// Where a person may have the focus when they press a window shortcut, for the suites of the
// window's shortcuts: the log's search field ("search"), the log ("log"), the stream table
// ("streams"), a chart ("chart"), or the log in a floating Events dock ("floating log").
#pragma once

#include "ChartArea.h"
#include "ChartPanel.h"
#include "EventLogPane.h"
#include "MainWindow.h"
#include "StreamsPane.h"
#include "WindowStreams.h"

#include <QDockWidget>
#include <QGraphicsView>
#include <QLineEdit>
#include <QStringView>
#include <QTest>
#include <QTableView>

namespace FocusPlaces {

struct Place
{
    QWidget *widget = nullptr;
    QWidget *window = nullptr; // the top-level window the widget is in
};

// An empty place when there is no such widget (or the dock did not float).
inline Place find(MainWindow &window, QStringView name)
{
    if (name == u"search")
        return {window.eventLog()->searchEdit(), &window};
    if (name == u"log")
        return {window.eventLog()->view(), &window};
    if (name == u"streams")
        return {window.streamsPane()->view(), &window};
    if (name == u"chart") {
        const auto panels = window.chartArea()->panels();
        return {panels.isEmpty() ? nullptr : panels.constFirst()->findChild<QGraphicsView *>(), &window};
    }
    QDockWidget *events = WindowStreams::dock(window, "eventsDock");
    events->setFloating(true);
    if (!QTest::qWaitFor([events] { return events->isVisible() && events->isWindow(); }, WindowStreams::Timeout))
        return {};
    return {window.eventLog()->view(), events};
}

// Activates the place's window and focuses its widget; the offscreen platform activates no window
// after another closed, as a window manager would. False when it did not take.
inline bool giveFocus(const Place &place)
{
    place.window->activateWindow();
    if (!QTest::qWaitForWindowActive(place.window))
        return false;
    place.widget->setFocus(Qt::OtherFocusReason);
    return QTest::qWaitFor([&place] { return place.widget->hasFocus(); }, WindowStreams::Timeout);
}

} // namespace FocusPlaces
