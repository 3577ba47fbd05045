# The workspace's monitoring parts: the dashboard layout and the per-second rate history.
eventscope_add_test(tst_dashboardlayout)
eventscope_add_test(tst_streamratehistory)
eventscope_add_test(tst_workspacealerts)
