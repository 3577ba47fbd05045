# Number and unit formatting, and the ticks of logarithmic axes.
eventscope_add_test(tst_valueformat SOURCES ../ui/charts/ValueFormat.cpp)
target_include_directories(tst_valueformat PRIVATE ${CMAKE_SOURCE_DIR}/ui/charts)
eventscope_add_test(tst_logticks SOURCES ../ui/charts/AxisTicks.cpp ../ui/charts/LogTicks.cpp ../ui/charts/ValueFormat.cpp)
target_include_directories(tst_logticks PRIVATE ${CMAKE_SOURCE_DIR}/ui/charts)
