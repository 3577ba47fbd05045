#include "EventSourceOptions.h"

#include <algorithm>

bool EventSourceOptions::isCredentialHeaderName(QByteArrayView name)
{
    return name.compare("Authorization", Qt::CaseInsensitive) == 0 || name.compare("Cookie", Qt::CaseInsensitive) == 0
        || name.compare("Proxy-Authorization", Qt::CaseInsensitive) == 0;
}

bool EventSourceOptions::isSecretHeader(QByteArrayView name) const
{
    return isCredentialHeaderName(name)
        || std::any_of(secretHeaderNames.cbegin(), secretHeaderNames.cend(),
                       [name](const QByteArray &secret) { return name.compare(secret, Qt::CaseInsensitive) == 0; });
}
