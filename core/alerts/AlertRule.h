#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <optional>

// One alert rule, as an operator types it (the GUI's rule dialog and `record --alert` take the
// same text):
//   FIELD > X   FIELD >= X   FIELD < X   FIELD <= X   FIELD outside LOW..HIGH   [for DURATION]
//   stale DURATION          no event for that long
//   down DURATION           not open for that long
//   idreset [DURATION]      the ids went backwards; firing for DURATION (default 1m) after the last reset
//   reconnects > K in DURATION
// FIELD is a field key as the field store names it ("/count", "/cpu/load[0]", "alert:/latency_ms")
// or a derived series ("rate(/count)", "avg(/count, 10s)", "diff(/a, /b)", "ratio(/a, /b)").
// DURATION is a number with a unit: 500ms, 10s, 1.5m, 2h. Numbers read as JSON numbers do
// (-3, 0.9, 1e-9, 1e300); NaN and infinities are not numbers.
struct AlertRule
{
    Q_DECLARE_TR_FUNCTIONS(AlertRule) // the reasons a rule does not parse

public:
    enum class Kind { Above, AtLeast, Below, AtMost, Outside, Stale, Down, IdReset, Reconnects };

    Kind kind = Kind::Above;
    QString field;        // field rules only
    double threshold = 0; // Above, AtLeast, Below, AtMost
    double low = 0;       // Outside: fires below low or above high
    double high = 0;
    qint64 forMs = 0;      // field rules: the condition must hold this long first (0: at once)
    qint64 durationMs = 0; // Stale, Down, IdReset (hold), Reconnects (the window)
    int count = 0;         // Reconnects: fires with more than `count` in the window

    static constexpr qint64 DefaultIdResetHoldMs = 60'000;

    // nullopt with `error` naming what is wrong ("'/count >': a number is missing after '>'").
    static std::optional<AlertRule> parse(QStringView text, QString *error = nullptr);
    // The canonical text: parse(text()) gives this rule back.
    QString text() const;
    bool isFieldRule() const;

    // A number in its shortest exact form, as JSON allows it: 4, 0.9, -3, 1700000000000, 1e-09, 1e+300.
    static QString numberText(double value);
    // A duration as rules write it, in the largest exact unit: 500ms, 10s, 90s, 2m, 1h.
    static QString durationText(qint64 ms);
    // A duration for people: 350 ms, 4.2 s, 3 min 20 s, 2 h 5 min.
    static QString readableDuration(qint64 ms);

    friend bool operator==(const AlertRule &, const AlertRule &) = default;
};
