#pragma once

class QPalette;

// The look of the whole program: the desktop's own (style and palette as the platform gave them),
// or Fusion with a light or a dark palette. Widgets that draw their own colours — the charts,
// tiles and timelines — follow the palette they are given.
class ApplicationTheme
{
public:
    enum class Choice { System, Light, Dark };

    static void apply(Choice choice);
    static QPalette darkPalette();
};
