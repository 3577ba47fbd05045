#pragma once

#include "EventSourceOptions.h"

#include <QUrl>

// Options for a stream in a test: reconnecting after 10 ms without jitter, so that reconnection
// tests wait for the server, not for the backoff.
inline EventSourceOptions fastOptions(const QUrl &url)
{
    EventSourceOptions options;
    options.url = url;
    options.reconnectionTimeMs = 10;
    options.jitter = false;
    return options;
}
