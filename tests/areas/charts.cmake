# The chart panel's value axes, scales, markers and point selection.
eventscope_add_test(tst_chartpanelaxes GUI)
