#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

// The URL of a stream as the user types or pastes it, and the name a stream gets by default.
class StreamUrl
{
    Q_DECLARE_TR_FUNCTIONS(StreamUrl)

public:
    // An http or https URL from what the user typed: trimmed, http:// when no scheme is given.
    // Invalid, with `errorMessage` saying why, for anything else, and for a scheme given twice
    // ("http://http://host/"), which QUrl would read as a host named "http".
    static QUrl fromUserInput(const QString &text, QString *errorMessage = nullptr);

    // host[:port]/path[?query]: the query is kept, since streams often differ only by it.
    static QString defaultName(const QUrl &url);

    // True for an http:// or https:// with nothing after it, as a URL field is prefilled.
    static bool isBareScheme(const QString &text);

    // "http://https://host/e" -> "https://host/e": of schemes repeated at the start, the last one.
    // Other text is returned unchanged.
    static QString withoutRepeatedScheme(const QString &text);
};
