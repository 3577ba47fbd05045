#include "EventLogExporter.h"
#include "EventLogFilterModel.h"
#include "EventLogModel.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString StreamA = QStringLiteral("http://127.0.0.1:8080/a");
const QString StreamB = QStringLiteral("http://127.0.0.1:8080/b");

constexpr quint64 IdA = 1;
constexpr quint64 IdB = 2;

QList<CapturedEvent> makeEvent(const QString &url, const QString &type, const QString &data,
                               const QString &id, const QDateTime &at, int connection = 0)
{
    CapturedEvent captured;
    captured.url = url;
    captured.event.type = type;
    captured.event.data = data;
    captured.event.lastEventId = id;
    captured.receivedAt = at;
    captured.connection = connection;
    return {captured};
}

QList<QJsonObject> readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QJsonObject> objects;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            return {};
        objects.append(document.object());
    }
    return objects;
}

} // namespace

class TestEventLogExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void roundTrip();
    void onlyFilteredRows();
    void connectionRowsAreNotEvents();
    void commentsGoOutWhenShown();
    void emptyLog();
    void missingFolder();
    void readOnlyFolder();

private:
    void fill(EventLogModel &model);

    QDateTime m_start;
    QString m_longData;
};

void TestEventLogExporter::init()
{
    m_start = QDateTime(QDate(2026, 11, 23), QTime(19, 0, 0, 125), Qt::UTC);
    // Longer than any preview: the export carries the whole payload.
    m_longData = QStringLiteral("{\"blob\": \"%1\"}").arg(QString(10000, u'x'));
}

void TestEventLogExporter::fill(EventLogModel &model)
{
    // The names are what the log shows; the export carries the URLs.
    model.setStreamName(IdA, QStringLiteral("Stream A"));
    model.setStreamName(IdB, QStringLiteral("Stream B"));
    model.appendEvents(IdA, makeEvent(StreamA, QStringLiteral("message"),
                                      QStringLiteral("{\"count\": 1}"), QStringLiteral("1"),
                                      m_start, 1));
    model.appendEvents(IdB, makeEvent(StreamB, QStringLiteral("tick"),
                                      QStringLiteral("line one\nline \"two\"\t\u00e9\u2603"),
                                      QString(), m_start.addMSecs(1), 2));
    model.appendEvents(IdA, makeEvent(StreamA, QStringLiteral("message"), m_longData,
                                      QStringLiteral("3"), m_start.addMSecs(2)));
    model.flush();
}

void TestEventLogExporter::roundTrip()
{
    EventLogModel model;
    fill(model);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(2, 0).data(EventLogModel::FullDataRole).toString(), m_longData);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("events.jsonl"));
    QString error;
    QCOMPARE(EventLogExporter::exportJsonLines(model, path, &error), 3);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const QList<QJsonObject> lines = readLines(path);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0).value("url").toString(), StreamA);
    QCOMPARE(lines.at(0).value("type").toString(), QStringLiteral("message"));
    QCOMPARE(lines.at(0).value("data").toString(), QStringLiteral("{\"count\": 1}"));
    QCOMPARE(lines.at(0).value("lastEventId").toString(), QStringLiteral("1"));
    QCOMPARE(lines.at(0).value("receivedAt").toString(), QStringLiteral("2026-11-23T19:00:00.125Z"));
    QCOMPARE(lines.at(0).value("connection").toInt(), 1);

    QCOMPARE(lines.at(1).value("url").toString(), StreamB);
    QCOMPARE(lines.at(1).value("type").toString(), QStringLiteral("tick"));
    QCOMPARE(lines.at(1).value("data").toString(),
             QStringLiteral("line one\nline \"two\"\t\u00e9\u2603"));
    QCOMPARE(lines.at(1).value("lastEventId").toString(), QString());
    QCOMPARE(lines.at(1).value("receivedAt").toString(), QStringLiteral("2026-11-23T19:00:00.126Z"));
    QCOMPARE(lines.at(1).value("connection").toInt(), 2);

    QCOMPARE(lines.at(2).value("data").toString(), m_longData);
    QCOMPARE(lines.at(2).value("connection").toInt(), 0); // not known
    // The record schema's keys, no others.
    QCOMPARE(lines.at(2).keys(),
             (QStringList{QStringLiteral("connection"), QStringLiteral("data"),
                          QStringLiteral("lastEventId"), QStringLiteral("receivedAt"),
                          QStringLiteral("type"), QStringLiteral("url")}));
}

void TestEventLogExporter::onlyFilteredRows()
{
    EventLogModel model;
    fill(model);
    EventLogFilterModel filter;
    filter.setSourceModel(&model);
    filter.setAcceptedStreams({IdA});
    QCOMPARE(filter.rowCount(), 2);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("shown.jsonl"));
    QString error;
    QCOMPARE(EventLogExporter::exportJsonLines(filter, path, &error), 2);
    QList<QJsonObject> lines = readLines(path);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0).value("lastEventId").toString(), QStringLiteral("1"));
    QCOMPARE(lines.at(1).value("lastEventId").toString(), QStringLiteral("3"));
    QCOMPARE(lines.at(1).value("data").toString(), m_longData);

    filter.acceptAllStreams();
    filter.setEventType(QStringLiteral("tick"));
    QCOMPARE(EventLogExporter::exportJsonLines(filter, path, &error), 1);
    lines = readLines(path);
    QCOMPARE(lines.size(), 1); // replaced, not appended
    QCOMPARE(lines.at(0).value("url").toString(), StreamB);
}

void TestEventLogExporter::connectionRowsAreNotEvents()
{
    EventLogModel model;
    ConnectionEvent lost;
    lost.kind = ConnectionEvent::Kind::Lost;
    lost.timeMs = m_start.toMSecsSinceEpoch();
    lost.reason = QStringLiteral("HTTP 503");
    model.appendConnectionEvent(IdA, lost);
    fill(model);
    lost.kind = ConnectionEvent::Kind::Opened;
    model.appendConnectionEvent(IdB, lost);
    model.flush();
    QCOMPARE(model.rowCount(), 5);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("events.jsonl"));
    QString error;
    QCOMPARE(EventLogExporter::exportJsonLines(model, path, &error), 3);
    const QList<QJsonObject> lines = readLines(path);
    QCOMPARE(lines.size(), 3);
    for (const QJsonObject &line : lines)
        QVERIFY(!line.value("url").toString().isEmpty());
    QCOMPARE(lines.at(0).value("lastEventId").toString(), QStringLiteral("1"));

    // Only connection rows shown: nothing to write, and that is no error.
    EventLogFilterModel filter;
    filter.setSourceModel(&model);
    filter.setConnectionRowsOnly(true);
    QCOMPARE(filter.rowCount(), 2);
    QCOMPARE(EventLogExporter::exportJsonLines(filter, path, &error), 0);
    QCOMPARE(QFileInfo(path).size(), 0);
}

void TestEventLogExporter::commentsGoOutWhenShown()
{
    EventLogModel model;
    const QString url = QStringLiteral("http://127.0.0.1:8080/events");
    model.appendComments(IdA, {{QStringLiteral("heartbeat"), m_start, 1, url}});
    fill(model);
    model.flush();
    EventLogFilterModel filter;
    filter.setSourceModel(&model);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("events.jsonl"));
    // Hidden (the default): not written.
    QCOMPARE(EventLogExporter::exportJsonLines(filter, path), 3);
    QCOMPARE(readLines(path).size(), 3);
    // Shown: written as record --comments writes them, in their place.
    filter.setCommentRowsShown(true);
    QCOMPARE(EventLogExporter::exportJsonLines(filter, path), 3);
    const QList<QJsonObject> lines = readLines(path);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0).keys(), (QStringList{"comment", "receivedAt", "url"}));
    QCOMPARE(lines.at(0).value("comment").toString(), QStringLiteral("heartbeat"));
    QCOMPARE(lines.at(0).value("url").toString(), url);
    QCOMPARE(QDateTime::fromString(lines.at(0).value("receivedAt").toString(), Qt::ISODateWithMs), m_start);
}

void TestEventLogExporter::emptyLog()
{
    EventLogModel model;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("none.jsonl"));
    QCOMPARE(EventLogExporter::exportJsonLines(model, path), 0);
    QVERIFY(QFileInfo::exists(path));
    QCOMPARE(QFileInfo(path).size(), 0);
}

void TestEventLogExporter::missingFolder()
{
    EventLogModel model;
    fill(model);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("missing/events.jsonl"));
    QString error;
    QCOMPARE(EventLogExporter::exportJsonLines(model, path, &error), -1);
    QVERIFY2(error.startsWith(QStringLiteral("Cannot export the events to %1: ")
                                  .arg(QDir::toNativeSeparators(path))),
             qPrintable(error));
    QVERIFY(!QFileInfo::exists(path));
    QCOMPARE(model.rowCount(), 3);
}

void TestEventLogExporter::readOnlyFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QFile::Permissions readOnly =
        QFile::ReadOwner | QFile::ExeOwner | QFile::ReadUser | QFile::ExeUser;
    QVERIFY(QFile::setPermissions(dir.path(), readOnly));
    {
        QFile probe(dir.filePath(QStringLiteral("probe")));
        if (probe.open(QIODevice::WriteOnly)) {
            probe.close();
            probe.remove();
            QFile::setPermissions(dir.path(), readOnly | QFile::WriteOwner | QFile::WriteUser);
            QSKIP("the folder stays writable (running as root?)");
        }
    }

    EventLogModel model;
    fill(model);
    const QString path = dir.filePath(QStringLiteral("events.jsonl"));
    QString error;
    const int written = EventLogExporter::exportJsonLines(model, path, &error);
    QFile::setPermissions(dir.path(), readOnly | QFile::WriteOwner | QFile::WriteUser);
    QCOMPARE(written, -1);
    const QString prefix =
        QStringLiteral("Cannot export the events to %1: ").arg(QDir::toNativeSeparators(path));
    QVERIFY2(error.startsWith(prefix), qPrintable(error));
    QVERIFY2(error.size() > prefix.size(), "the reason follows");
    QVERIFY(!QFileInfo::exists(path));
    QCOMPARE(model.rowCount(), 3); // the log is untouched
}

QTEST_MAIN(TestEventLogExporter)
#include "tst_eventlogexporter.moc"
