# Fields: derived series, field statistics and the derived columns of a CSV export.
eventscope_add_test(tst_derivedseries)
eventscope_add_test(tst_fieldstatistics)
eventscope_add_test(tst_csvderived)
