#include "StreamUrl.h"

#include "Stream.h"

#include <QRegularExpression>

namespace {

const QRegularExpression &repeatedScheme()
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(?:https?://)+(?=https?://)"),
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

} // namespace

QUrl StreamUrl::fromUserInput(const QString &text, QString *errorMessage)
{
    auto fail = [errorMessage](const QString &message) {
        if (errorMessage)
            *errorMessage = message;
        return QUrl();
    };

    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || isBareScheme(trimmed))
        return fail(tr("Enter the URL of a text/event-stream, e.g. http://127.0.0.1:8080/events."));
    static const QRegularExpression twoSchemes(
        QStringLiteral("^[a-z][a-z0-9+.-]*://[a-z][a-z0-9+.-]*://"),
        QRegularExpression::CaseInsensitiveOption);
    if (twoSchemes.match(trimmed).hasMatch()) {
        const qsizetype second = trimmed.indexOf(QStringLiteral("://")) + 3;
        return fail(tr("\"%1\" gives the scheme twice; did you mean %2?")
                        .arg(trimmed, trimmed.mid(second)));
    }

    QString input = trimmed;
    if (!input.contains(QStringLiteral("://")))
        input.prepend(QStringLiteral("http://"));

    const QUrl url(input, QUrl::StrictMode);
    if (!url.isValid())
        return fail(tr("\"%1\" is not a valid URL: %2").arg(trimmed, url.errorString()));
    const QString scheme = url.scheme().toLower();
    if (scheme != u"http" && scheme != u"https")
        return fail(tr("Only http and https URLs can be subscribed to, not %1.").arg(url.scheme()));
    if (url.host().isEmpty())
        return fail(tr("\"%1\" names no host.").arg(trimmed));
    if (errorMessage)
        errorMessage->clear();
    return url;
}

QString StreamUrl::defaultName(const QUrl &url)
{
    return Stream::defaultName(url);
}

bool StreamUrl::isBareScheme(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.compare(u"http://", Qt::CaseInsensitive) == 0
        || trimmed.compare(u"https://", Qt::CaseInsensitive) == 0;
}

QString StreamUrl::withoutRepeatedScheme(const QString &text)
{
    const QRegularExpressionMatch match = repeatedScheme().match(text);
    if (!match.hasMatch())
        return text;
    return text.mid(match.capturedEnd());
}
