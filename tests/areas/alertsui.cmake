# The alerts in the window: the Alerts dock's models, the rule dialog and the notifier. Each suite
# links only the sources it tests.
set(EVENTSCOPE_ALERTS_UI ${CMAKE_SOURCE_DIR}/ui/alerts)
eventscope_add_test(tst_alerthistorymodel
    SOURCES ${EVENTSCOPE_ALERTS_UI}/AlertHistoryModel.cpp
    LIBS Qt6::Gui)
eventscope_add_test(tst_alertrulesmodel
    SOURCES ${EVENTSCOPE_ALERTS_UI}/AlertRulesModel.cpp ${EVENTSCOPE_ALERTS_UI}/AlertHistoryModel.cpp
    LIBS Qt6::Gui)
eventscope_add_test(tst_alertruledialog
    SOURCES ${EVENTSCOPE_ALERTS_UI}/AlertRuleDialog.cpp ${EVENTSCOPE_ALERTS_UI}/AlertRulesModel.cpp
            ${EVENTSCOPE_ALERTS_UI}/AlertHistoryModel.cpp
    LIBS Qt6::Widgets)
eventscope_add_test(tst_alertnotifier
    SOURCES ${EVENTSCOPE_ALERTS_UI}/AlertNotifier.cpp
    LIBS Qt6::Widgets)
foreach(suite tst_alerthistorymodel tst_alertrulesmodel tst_alertruledialog tst_alertnotifier)
    target_include_directories(${suite} PRIVATE ${EVENTSCOPE_ALERTS_UI})
endforeach()
