#pragma once

#include "ReconnectPolicy.h"
#include "SseParser.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QUrl>

#include <utility>

using HttpHeader = std::pair<QByteArray, QByteArray>;

// Everything a subscription is configured with; what the GUI dialog and `record` options fill in.
struct EventSourceOptions
{
    QUrl url;
    // The request's method and body: GET and none unless told otherwise. The body goes again,
    // unchanged, with every reconnection; its Content-Type is one of `headers`.
    QByteArray method = QByteArrayLiteral("GET");
    QByteArray body;
    bool secretBody = false; // kept out of session files unless secrets are stored, as secret headers are
    QList<HttpHeader> headers;
    // Header names (besides Authorization and Cookie) that never follow a redirect to another origin.
    QList<QByteArray> secretHeaderNames;
    ReconnectMode reconnectMode = ReconnectMode::Resilient;
    int reconnectionTimeMs = ReconnectPolicy::DefaultReconnectionTimeMs;
    int maxBackoffMs = ReconnectPolicy::DefaultMaxBackoffMs;
    bool jitter = true;
    // Off: the request asks for the stream uncompressed (Accept-Encoding: identity), because a
    // compressor between server and client holds events back until its buffer fills. On: Qt
    // offers the encodings it decodes, as browsers do.
    bool allowCompression = false;
    int idleTimeoutMs = 0; // 0: off
    // A server that accepts and never answers is connected to again after this long without a
    // response head (0: wait for ever, as a browser does).
    static constexpr int DefaultHeaderTimeoutMs = 30000;
    int headerTimeoutMs = DefaultHeaderTimeoutMs;
    QString lastEventId;   // sent on the first connection when not empty
    // Certificates trusted despite TLS errors, by SHA-256 (CertificatePin::normalized()); verification
    // stays on for every other certificate.
    QList<QByteArray> pinnedCertificates;
    qsizetype maxEventSize = SseParser::DefaultMaxEventSize;
    qint64 readBufferSize = 1 << 20;

    // Authorization, Cookie and Proxy-Authorization: credentials by their very names.
    static bool isCredentialHeaderName(QByteArrayView name);
    // A credential or one of secretHeaderNames: never sent to another origin, never written to a
    // session file unless the user stores secrets.
    bool isSecretHeader(QByteArrayView name) const;
};
