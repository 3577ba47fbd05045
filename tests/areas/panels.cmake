# Stat tile and connection timeline. The state, model and dialog suites link only what they test;
# the widget suites link the ui library for the panels around them.
set(EVENTSCOPE_PANELS ${CMAKE_SOURCE_DIR}/ui/panels)
eventscope_add_test(tst_stattilestate
    SOURCES ${EVENTSCOPE_PANELS}/StatTileState.cpp ${CMAKE_SOURCE_DIR}/ui/charts/ValueFormat.cpp
    LIBS Qt6::Gui)
eventscope_add_test(tst_connectiontimelinemodel
    SOURCES ${EVENTSCOPE_PANELS}/ConnectionTimelineModel.cpp
    LIBS Qt6::Gui)
eventscope_add_test(tst_thresholddialog
    SOURCES ${EVENTSCOPE_PANELS}/ThresholdDialog.cpp
    LIBS Qt6::Widgets)
foreach(suite tst_stattilestate tst_connectiontimelinemodel tst_thresholddialog)
    target_include_directories(${suite} PRIVATE ${EVENTSCOPE_PANELS} ${CMAKE_SOURCE_DIR}/ui/charts)
endforeach()
eventscope_add_test(tst_stattilewidget GUI)
eventscope_add_test(tst_connectiontimelineview GUI)
