# The alert engine (rules, monitor, field feed) and `record --alert`.
eventscope_add_test(tst_alertrule)
eventscope_add_test(tst_alertmonitor)
eventscope_add_test(tst_alertfieldfeed)
eventscope_add_test(tst_recordalerts BINARY)
