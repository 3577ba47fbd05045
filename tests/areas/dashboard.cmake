# The dashboard's grid and the frames around its panels.
eventscope_add_test(tst_dashboardview GUI)
target_include_directories(tst_dashboardview PRIVATE ${CMAKE_SOURCE_DIR}/ui/dashboard)
