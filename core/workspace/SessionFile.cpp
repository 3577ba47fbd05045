#include "SessionFile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSaveFile>
#include <QSettings>

#include <cmath>
#include <limits>

namespace {

const QString RecentSessionsKey = QStringLiteral("recentSessions");

QString modeName(ReconnectMode mode)
{
    return mode == ReconnectMode::Strict ? QStringLiteral("strict") : QStringLiteral("resilient");
}

QString chartLayoutName(ChartArrangement layout)
{
    return layout == ChartArrangement::Single ? QStringLiteral("single") : QStringLiteral("perStream");
}

QJsonObject toJson(const SessionData &session)
{
    QJsonArray subscriptions;
    for (const SubscriptionSettings &sub : session.subscriptions) {
        QJsonArray headers;
        for (const SessionHeader &header : sub.headers) {
            const bool secret = header.secret || SessionFile::isSecretHeaderName(header.name);
            QJsonObject object{{QStringLiteral("name"), header.name},
                               {QStringLiteral("secret"), secret}};
            if (!secret || session.storeSecrets)
                object.insert(QStringLiteral("value"), header.value);
            headers.append(object);
        }
        QJsonObject object{
            {QStringLiteral("name"), sub.name},
            {QStringLiteral("url"), sub.url.toString()},
            {QStringLiteral("headers"), headers},
            {QStringLiteral("reconnectMode"), modeName(sub.reconnectMode)},
            {QStringLiteral("reconnectionTimeMs"), sub.reconnectionTimeMs},
            {QStringLiteral("idleTimeoutMs"), sub.idleTimeoutMs},
            {QStringLiteral("plottedFields"), QJsonArray::fromStringList(sub.plottedFields)},
            {QStringLiteral("timestampField"), sub.timestampField},
        };
        if (sub.lastEventId)
            object.insert(QStringLiteral("lastEventId"), *sub.lastEventId);
        if (!sub.method.isEmpty())
            object.insert(QStringLiteral("method"), sub.method);
        if (!sub.body.isEmpty() || sub.bodySecret) {
            object.insert(QStringLiteral("bodySecret"), sub.bodySecret);
            if (!sub.bodySecret || session.storeSecrets)
                object.insert(QStringLiteral("body"), sub.body);
        }
        if (sub.maxBackoffMs != ReconnectPolicy::DefaultMaxBackoffMs)
            object.insert(QStringLiteral("maxBackoffMs"), sub.maxBackoffMs);
        if (sub.allowCompression)
            object.insert(QStringLiteral("allowCompression"), true);
        if (sub.headerTimeoutMs != EventSourceOptions::DefaultHeaderTimeoutMs)
            object.insert(QStringLiteral("headerTimeoutMs"), sub.headerTimeoutMs);
        if (!sub.pinnedCertificates.isEmpty())
            object.insert(QStringLiteral("pinnedCertificates"), QJsonArray::fromStringList(sub.pinnedCertificates));
        if (sub.demo)
            object.insert(QStringLiteral("demo"), true);
        if (sub.colorIndex >= 0)
            object.insert(QStringLiteral("colorIndex"), sub.colorIndex);
        QJsonObject units;
        for (auto it = sub.units.cbegin(); it != sub.units.cend(); ++it)
            units.insert(it.key(), it.value());
        object.insert(QStringLiteral("units"), units);
        object.insert(QStringLiteral("derivedSeries"), QJsonArray::fromStringList(sub.derivedSeries));
        subscriptions.append(object);
    }
    QJsonArray alertRules;
    for (const AlertRuleSettings &rule : session.alertRules) {
        QJsonObject object{{QStringLiteral("text"), rule.text}, {QStringLiteral("enabled"), rule.enabled}};
        // Written only for one stream: a rule without it watches every stream.
        if (rule.stream >= 0)
            object.insert(QStringLiteral("stream"), rule.stream);
        alertRules.append(object);
    }
    return {
        {QStringLiteral("dashboard"), session.dashboard.toJson()},
        {QStringLiteral("alertRules"), alertRules},
        {QStringLiteral("alertNotifications"), session.alertNotifications},
        {QStringLiteral("alertSound"), session.alertSound},
        {QStringLiteral("version"), SessionData::CurrentVersion},
        {QStringLiteral("storeSecrets"), session.storeSecrets},
        {QStringLiteral("journal"), session.journal},
        {QStringLiteral("subscriptions"), subscriptions},
        {QStringLiteral("timeWindowMs"), session.timeWindowMs},
        {QStringLiteral("eventLogCap"), session.eventLogCap},
        {QStringLiteral("pointCap"), session.pointCap},
        {QStringLiteral("captureMaxEvents"), session.captureMaxEvents},
        {QStringLiteral("captureMaxMiB"), session.captureMaxMiB},
        {QStringLiteral("captureTotalMiB"), session.captureTotalMiB},
        {QStringLiteral("chartLayout"), chartLayoutName(session.chartLayout)},
        {QStringLiteral("layout"),
         QJsonObject{
             {QStringLiteral("state"), QString::fromLatin1(session.windowState.toBase64())},
             {QStringLiteral("geometry"), QString::fromLatin1(session.windowGeometry.toBase64())},
         }},
    };
}

// Reads typed values out of JSON objects, remembering the first mismatch with where it was.
class Reader
{
public:
    QString error;

    bool ok() const { return error.isEmpty(); }

    QJsonValue value(const QJsonObject &object, const QString &key, const QString &where,
                     bool required)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() && required && ok())
            error = QObject::tr("%1 is missing").arg(where + key);
        return value;
    }

    void fail(const QString &where, const QString &key, const char *expected)
    {
        if (ok())
            error = QObject::tr("%1 should be %2").arg(where + key, QObject::tr(expected));
    }

    void readString(const QJsonObject &object, const QString &key, const QString &where,
                    QString *target, bool required = false)
    {
        const QJsonValue v = value(object, key, where, required);
        if (v.isString())
            *target = v.toString();
        else if (!v.isUndefined())
            fail(where, key, "a string");
    }

    void readBool(const QJsonObject &object, const QString &key, const QString &where,
                  bool *target)
    {
        const QJsonValue v = value(object, key, where, false);
        if (v.isBool())
            *target = v.toBool();
        else if (!v.isUndefined())
            fail(where, key, "true or false");
    }

    template<typename Int>
    void readInt(const QJsonObject &object, const QString &key, const QString &where,
                 Int *target, bool required = false)
    {
        const QJsonValue v = value(object, key, where, required);
        if (v.isUndefined())
            return;
        const double d = v.toDouble(std::nan(""));
        if (!v.isDouble() || d != std::floor(d) || d < 0
            || d > double(std::numeric_limits<Int>::max())) {
            fail(where, key, "a whole number, 0 or more");
            return;
        }
        *target = Int(d);
    }

    void readStringList(const QJsonObject &object, const QString &key, const QString &where,
                        QStringList *target)
    {
        const QJsonValue v = value(object, key, where, false);
        if (v.isUndefined())
            return;
        if (!v.isArray()) {
            fail(where, key, "a list of strings");
            return;
        }
        QStringList list;
        for (const QJsonValue &item : v.toArray()) {
            if (!item.isString()) {
                fail(where, key, "a list of strings");
                return;
            }
            list.append(item.toString());
        }
        *target = list;
    }

    void readStringMap(const QJsonObject &object, const QString &key, const QString &where,
                       QHash<QString, QString> *target)
    {
        const QJsonValue v = value(object, key, where, false);
        if (v.isUndefined())
            return;
        const QJsonObject map = v.toObject();
        QHash<QString, QString> read;
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            if (!it.value().isString())
                break;
            read.insert(it.key(), it.value().toString());
        }
        if (!v.isObject() || read.size() != map.size()) {
            fail(where, key, "an object of strings");
            return;
        }
        *target = read;
    }

    void readBase64(const QJsonObject &object, const QString &key, const QString &where,
                    QByteArray *target)
    {
        QString text;
        readString(object, key, where, &text);
        const auto decoded = QByteArray::fromBase64Encoding(
            text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (decoded)
            *target = *decoded;
        else
            fail(where, key, "base64 text");
    }
};

SubscriptionSettings readSubscription(Reader &reader, const QJsonObject &object,
                                      const QString &where, int version)
{
    SubscriptionSettings sub;
    reader.readString(object, QStringLiteral("name"), where, &sub.name);
    QString url;
    reader.readString(object, QStringLiteral("url"), where, &url, true);
    sub.url = QUrl(url);

    const QJsonValue headers = reader.value(object, QStringLiteral("headers"), where, false);
    if (headers.isArray()) {
        const QJsonArray array = headers.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString headerWhere = where + QStringLiteral("headers[%1].").arg(i);
            if (!array.at(i).isObject()) {
                reader.fail(where, QStringLiteral("headers[%1]").arg(i), "an object");
                break;
            }
            const QJsonObject headerObject = array.at(i).toObject();
            SessionHeader header;
            reader.readString(headerObject, QStringLiteral("name"), headerWhere, &header.name,
                              true);
            reader.readString(headerObject, QStringLiteral("value"), headerWhere, &header.value);
            reader.readBool(headerObject, QStringLiteral("secret"), headerWhere, &header.secret);
            sub.headers.append(header);
        }
    } else if (!headers.isUndefined()) {
        reader.fail(where, QStringLiteral("headers"), "a list of objects");
    }

    QString mode = modeName(sub.reconnectMode);
    reader.readString(object, QStringLiteral("reconnectMode"), where, &mode);
    if (mode == QLatin1String("strict"))
        sub.reconnectMode = ReconnectMode::Strict;
    else if (mode == QLatin1String("resilient"))
        sub.reconnectMode = ReconnectMode::Resilient;
    else
        reader.fail(where, QStringLiteral("reconnectMode"), "\"resilient\" or \"strict\"");

    reader.readInt(object, QStringLiteral("reconnectionTimeMs"), where, &sub.reconnectionTimeMs);
    reader.readInt(object, QStringLiteral("idleTimeoutMs"), where, &sub.idleTimeoutMs);
    reader.readInt(object, QStringLiteral("maxBackoffMs"), where, &sub.maxBackoffMs);
    reader.readBool(object, QStringLiteral("allowCompression"), where, &sub.allowCompression);
    reader.readInt(object, QStringLiteral("headerTimeoutMs"), where, &sub.headerTimeoutMs);
    reader.readStringList(object, QStringLiteral("pinnedCertificates"), where, &sub.pinnedCertificates);
    reader.readString(object, QStringLiteral("method"), where, &sub.method);
    reader.readString(object, QStringLiteral("body"), where, &sub.body);
    reader.readBool(object, QStringLiteral("bodySecret"), where, &sub.bodySecret);
    if (object.contains(QStringLiteral("lastEventId"))) {
        QString id;
        reader.readString(object, QStringLiteral("lastEventId"), where, &id);
        sub.lastEventId = id;
    }
    reader.readStringList(object, QStringLiteral("plottedFields"), where, &sub.plottedFields);
    reader.readString(object, QStringLiteral("timestampField"), where, &sub.timestampField);
    reader.readBool(object, QStringLiteral("demo"), where, &sub.demo);
    reader.readInt(object, QStringLiteral("colorIndex"), where, &sub.colorIndex);
    if (version >= 2) {
        reader.readStringMap(object, QStringLiteral("units"), where, &sub.units);
        reader.readStringList(object, QStringLiteral("derivedSeries"), where, &sub.derivedSeries);
    }
    return sub;
}

QList<AlertRuleSettings> readAlertRules(Reader &reader, const QJsonObject &root)
{
    QList<AlertRuleSettings> rules;
    const QJsonValue value = reader.value(root, QStringLiteral("alertRules"), {}, false);
    if (value.isUndefined())
        return rules;
    if (!value.isArray()) {
        reader.fail({}, QStringLiteral("alertRules"), "a list of objects");
        return rules;
    }
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size() && reader.ok(); ++i) {
        const QString key = QStringLiteral("alertRules[%1]").arg(i);
        if (!array.at(i).isObject()) {
            reader.fail({}, key, "an object");
            break;
        }
        const QJsonObject object = array.at(i).toObject();
        const QString where = key + u'.';
        AlertRuleSettings rule;
        reader.readString(object, QStringLiteral("text"), where, &rule.text, true);
        reader.readInt(object, QStringLiteral("stream"), where, &rule.stream);
        reader.readBool(object, QStringLiteral("enabled"), where, &rule.enabled);
        rules.append(rule);
    }
    return rules;
}

// The dashboard is read leniently: what is damaged is skipped and reported, the session still loads.
DashboardLayout readDashboard(const QJsonObject &root, QStringList *problems)
{
    const QJsonValue value = root.value(QStringLiteral("dashboard"));
    if (value.isUndefined())
        return {};
    if (!value.isObject()) {
        problems->append(QObject::tr("dashboard should be an object; the dashboard was not restored"));
        return {};
    }
    QString error;
    DashboardLayout layout = DashboardLayout::fromJson(value.toObject(), &error);
    if (!error.isEmpty())
        problems->append(QObject::tr("dashboard: %1").arg(error));
    return layout;
}

} // namespace

bool SessionFile::isSecretHeaderName(const QString &name)
{
    return EventSourceOptions::isCredentialHeaderName(name.toLatin1());
}

std::optional<SessionData> SessionFile::load(const QString &path, QString *errorMessage,
                                             QStringList *warnings)
{
    if (warnings)
        warnings->clear();
    const auto failed = [&](const QString &message) -> std::optional<SessionData> {
        if (errorMessage)
            *errorMessage = message;
        return std::nullopt;
    };

    QFile file(path);
    if (!file.exists())
        return failed(QObject::tr("The session file %1 does not exist.").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return failed(QObject::tr("Cannot read the session file %1: %2")
                          .arg(path, file.errorString()));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failed(QObject::tr("%1 is not a session file: not valid JSON (%2 at byte %3).")
                          .arg(path, parseError.errorString())
                          .arg(parseError.offset));
    if (!document.isObject())
        return failed(QObject::tr("%1 is not a session file: expected a JSON object.").arg(path));

    const QJsonObject root = document.object();
    Reader reader;
    int version = 0;
    reader.readInt(root, QStringLiteral("version"), {}, &version, true);
    if (!reader.ok())
        return failed(QObject::tr("%1 is not a session file: %2.").arg(path, reader.error));
    if (version < SessionData::OldestReadableVersion || version > SessionData::CurrentVersion)
        return failed(QObject::tr("%1 is a version %2 session file; this version of EventScope "
                                  "reads versions %3 to %4.")
                          .arg(path)
                          .arg(version)
                          .arg(SessionData::OldestReadableVersion)
                          .arg(SessionData::CurrentVersion));

    SessionData session;
    reader.readBool(root, QStringLiteral("storeSecrets"), {}, &session.storeSecrets);
    reader.readBool(root, QStringLiteral("journal"), {}, &session.journal);
    reader.readInt(root, QStringLiteral("timeWindowMs"), {}, &session.timeWindowMs);
    reader.readInt(root, QStringLiteral("eventLogCap"), {}, &session.eventLogCap);
    reader.readInt(root, QStringLiteral("pointCap"), {}, &session.pointCap);
    reader.readInt(root, QStringLiteral("captureMaxEvents"), {}, &session.captureMaxEvents);
    reader.readInt(root, QStringLiteral("captureMaxMiB"), {}, &session.captureMaxMiB);
    reader.readInt(root, QStringLiteral("captureTotalMiB"), {}, &session.captureTotalMiB);
    QString chartLayout = chartLayoutName(session.chartLayout);
    reader.readString(root, QStringLiteral("chartLayout"), {}, &chartLayout);
    if (chartLayout == chartLayoutName(ChartArrangement::PerStream))
        session.chartLayout = ChartArrangement::PerStream;
    else if (chartLayout == chartLayoutName(ChartArrangement::Single))
        session.chartLayout = ChartArrangement::Single;
    else
        reader.fail({}, QStringLiteral("chartLayout"), "\"perStream\" or \"single\"");

    const QJsonValue layout = reader.value(root, QStringLiteral("layout"), {}, false);
    if (layout.isObject()) {
        const QString where = QStringLiteral("layout.");
        reader.readBase64(layout.toObject(), QStringLiteral("state"), where, &session.windowState);
        reader.readBase64(layout.toObject(), QStringLiteral("geometry"), where,
                          &session.windowGeometry);
    } else if (!layout.isUndefined()) {
        reader.fail({}, QStringLiteral("layout"), "an object");
    }

    const QJsonValue subscriptions =
        reader.value(root, QStringLiteral("subscriptions"), {}, true);
    if (subscriptions.isArray()) {
        const QJsonArray array = subscriptions.toArray();
        for (qsizetype i = 0; i < array.size() && reader.ok(); ++i) {
            const QString key = QStringLiteral("subscriptions[%1]").arg(i);
            if (!array.at(i).isObject()) {
                reader.fail({}, key, "an object");
                break;
            }
            session.subscriptions.append(
                readSubscription(reader, array.at(i).toObject(), key + u'.', version));
        }
    } else if (!subscriptions.isUndefined()) {
        reader.fail({}, QStringLiteral("subscriptions"), "a list of objects");
    }

    QStringList problems;
    if (version >= 2) {
        reader.readBool(root, QStringLiteral("alertNotifications"), {}, &session.alertNotifications);
        reader.readBool(root, QStringLiteral("alertSound"), {}, &session.alertSound);
        session.alertRules = readAlertRules(reader, root);
        session.dashboard = readDashboard(root, &problems);
    }

    if (!reader.ok())
        return failed(QObject::tr("%1 is not a valid session file: %2.").arg(path, reader.error));
    if (warnings) {
        for (const QString &problem : std::as_const(problems))
            warnings->append(QObject::tr("%1: %2.").arg(path, problem));
    }
    return session;
}

bool SessionFile::save(const QString &path, const SessionData &session, QString *errorMessage)
{
    QSaveFile file(path);
    const auto failed = [&] {
        if (errorMessage)
            *errorMessage = QObject::tr("Cannot save the session to %1: %2")
                                .arg(path, file.errorString());
        return false;
    };
    if (!file.open(QIODevice::WriteOnly))
        return failed();
    const QByteArray json = QJsonDocument(toJson(session)).toJson(QJsonDocument::Indented);
    if (file.write(json) != json.size())
        return failed();
    if (!file.commit())
        return failed();
    return true;
}

QStringList SessionFile::recentSessions(QSettings &settings)
{
    const QStringList stored = settings.value(RecentSessionsKey).toStringList();
    QStringList existing;
    for (const QString &path : stored) {
        if (QFileInfo::exists(path) && !existing.contains(path))
            existing.append(path);
    }
    while (existing.size() > MaximumRecentSessions)
        existing.removeLast();
    if (existing != stored)
        settings.setValue(RecentSessionsKey, existing);
    return existing;
}

void SessionFile::addRecentSession(QSettings &settings, const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = recentSessions(settings);
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > MaximumRecentSessions)
        list.removeLast();
    settings.setValue(RecentSessionsKey, list);
}
