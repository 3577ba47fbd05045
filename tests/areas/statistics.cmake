# Statistics of the fields, derived series and units of the Fields area: each suite links only
# what it tests (the field picker's own additions are in tst_fieldpicker).
set(EVENTSCOPE_STATISTICS ${CMAKE_SOURCE_DIR}/ui/statistics)
eventscope_add_test(tst_statisticsmodel
    SOURCES ${EVENTSCOPE_STATISTICS}/StatisticsModel.cpp ${CMAKE_SOURCE_DIR}/ui/charts/ValueFormat.cpp
    LIBS Qt6::Gui)
eventscope_add_test(tst_statisticspane
    SOURCES ${EVENTSCOPE_STATISTICS}/StatisticsPane.cpp ${EVENTSCOPE_STATISTICS}/StatisticsModel.cpp
            ${CMAKE_SOURCE_DIR}/ui/charts/ValueFormat.cpp ${CMAKE_SOURCE_DIR}/ui/TableViews.cpp
    LIBS Qt6::Widgets)
eventscope_add_test(tst_derivedseriesdialog
    SOURCES ${EVENTSCOPE_STATISTICS}/DerivedSeriesDialog.cpp
    LIBS Qt6::Widgets)
foreach(suite tst_statisticsmodel tst_statisticspane tst_derivedseriesdialog)
    target_include_directories(${suite} PRIVATE ${EVENTSCOPE_STATISTICS} ${CMAKE_SOURCE_DIR}/ui/charts
                                                ${CMAKE_SOURCE_DIR}/ui)
endforeach()
