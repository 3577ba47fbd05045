#include "HttpRequest.h"

#include <QUrl>

namespace {

// The target in origin form ("/path?query"); an absolute-form target is reduced to it.
QByteArray originForm(const QByteArray &target)
{
    if (target.startsWith('/') || target == "*")
        return target;
    const QUrl url = QUrl::fromEncoded(target);
    QByteArray result = url.path(QUrl::FullyEncoded).toLatin1();
    if (result.isEmpty())
        result = "/";
    if (url.hasQuery())
        result += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    return result;
}

} // namespace

QString HttpRequest::path() const
{
    QByteArray form = originForm(target);
    const qsizetype end = form.indexOf('?');
    if (end >= 0)
        form.truncate(end);
    return QUrl::fromPercentEncoding(form);
}

QUrlQuery HttpRequest::query() const
{
    const QByteArray form = originForm(target);
    const qsizetype start = form.indexOf('?');
    if (start < 0)
        return {};
    return QUrlQuery(QString::fromLatin1(form.mid(start + 1)));
}

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (name.compare(key, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &entry : headers) {
        if (name.compare(entry.first, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}
