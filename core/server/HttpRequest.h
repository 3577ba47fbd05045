#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <utility>

// A request as the embedded server received it.
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // path and query, as sent
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body; // as Content-Length framed it; empty without one

    QString path() const;
    QUrlQuery query() const;
    // Case-insensitive; the first occurrence, or a null QByteArray.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
};
