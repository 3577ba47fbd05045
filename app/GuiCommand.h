#pragma once

// `eventscope [--demo] [URL...]`: the dashboard. Needs a QApplication already constructed.
int runGuiCommand();
