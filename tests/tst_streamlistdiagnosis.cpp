// StreamListModel's diagnoses: the alert badge, waiting for response headers as a state of its
// own, notices in the row and its tooltip, and comments and the last byte, on a scripted server.
#include "StreamListFixtures.h"

#include <QIcon>
#include <QImage>
#include <QRegularExpression>
#include <QTest>

using namespace StreamListFixtures;

class TestStreamListDiagnosis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void alertBadge_data();
    void alertBadge();
    void awaitingHeadersIsAStateOfItsOwn();
    void noticesInTheRowAndTooltip();
    void commentsAndTheLastByte();
};

void TestStreamListDiagnosis::alertBadge_data()
{
    QTest::addColumn<QStringList>("firing");
    QTest::addColumn<QString>("badge");
    QTest::newRow("none") << QStringList() << QString();
    QTest::newRow("one") << QStringList{"/count > 3"} << QStringLiteral(" \u00B7 1 alert firing");
    QTest::newRow("three") << QStringList{"/count > 3", "stale 5s", "/cpu/load[0] >= 0.9 for 10s"}
                           << QStringLiteral(" \u00B7 3 alerts firing");
}

void TestStreamListDiagnosis::alertBadge()
{
    QFETCH(QStringList, firing);
    QFETCH(QString, badge);
    Dashboard d;
    QVERIFY(d.serve({Response::events().send("data: {\"count\": 5}\n\n").stall()}));
    Stream *open = d.add();
    Stream *other = d.workspace.addStream(nowhere(QStringLiteral("/other")), {}, false);
    QTRY_COMPARE_WITH_TIMEOUT(open->status(), StreamStatus::Open, Timeout);
    d.workspace.tick();
    QCOMPARE(d.text(Model::StateColumn), QStringLiteral("Open"));
    const QString otherState = d.text(Model::StateColumn, Qt::DisplayRole, 1);

    QSignalSpy changed(&d.model, &QAbstractItemModel::dataChanged);
    QHash<quint64, QStringList> lookup{{open->id(), firing}};
    d.model.setAlertLookup([&lookup](quint64 id) { return lookup.value(id); });
    QCOMPARE(d.text(Model::StateColumn), QStringLiteral("Open") + badge);
    QCOMPARE(d.model.statusText(0), QStringLiteral("Open") + badge);
    // Only the stream the rules fire on wears the badge.
    QCOMPARE(d.text(Model::StateColumn, Qt::DisplayRole, 1), otherState);
    QCOMPARE(touched(changed, Model::StateColumn), !firing.isEmpty());
    const QString tip = d.text(Model::StateColumn, Qt::ToolTipRole);
    for (const QString &rule : firing)
        QVERIFY2(tip.contains(rule), qPrintable(tip));
    const QVariant foreground = d.value(Model::StateColumn, Qt::ForegroundRole);
    if (firing.isEmpty())
        QVERIFY(!foreground.isValid());
    else
        QCOMPARE(foreground.value<QColor>(), Model::alertColor());

    // The rules resolve: the next refresh takes the badge off.
    lookup.clear();
    changed.clear();
    d.model.refresh();
    QCOMPARE(d.text(Model::StateColumn), QStringLiteral("Open"));
    QCOMPARE(touched(changed, Model::StateColumn), !firing.isEmpty());
    QVERIFY(!d.value(Model::StateColumn, Qt::ForegroundRole).isValid());
    Q_UNUSED(other)
}

void TestStreamListDiagnosis::awaitingHeadersIsAStateOfItsOwn()
{
    Dashboard d;
    QPointer<HttpResponseStream> held;
    d.server.route(QStringLiteral("/slow"), [&held](const HttpRequest &, HttpResponseStream *response) { held = response; });
    QVERIFY(d.server.start());
    Stream *stream = d.add(true, fastOptions(d.server.url("/slow")));
    QTRY_VERIFY_WITH_TIMEOUT(held, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(stream->awaitingHeadersSinceMs() >= 0, Timeout);
    d.model.refresh();
    QCOMPARE(d.text(Model::StateColumn), QStringLiteral("Connecting")); // not yet worth saying
    d.monotonic += 12000;
    d.model.refresh();
    QCOMPARE(d.text(Model::StateColumn), QStringLiteral("Waiting for response headers \u00B7 12 s"));
    QCOMPARE(Model::awaitingHeadersText(3000, 2, QStringLiteral("HTTP 503")),
             QStringLiteral("Waiting for response headers \u00B7 3 s (attempt 2 \u2014 HTTP 503)"));

    held->writeHead(200, {{"Content-Type", "text/event-stream"}});
    held->write(eventWithId(QStringLiteral("1")));
    QTRY_COMPARE_WITH_TIMEOUT(stream->status(), StreamStatus::Open, Timeout);
    d.model.refresh();
    QCOMPARE(d.text(Model::StateColumn), QStringLiteral("Open"));
}

void TestStreamListDiagnosis::noticesInTheRowAndTooltip()
{
    Dashboard d;
    QVERIFY(d.serve({Response::events().header("Content-Encoding", "deflate").send(qCompress(eventsWithIds(1, 2)).sliced(4)).stall()}));
    EventSourceOptions options = fastOptions(d.server.url());
    options.allowCompression = true;
    Stream *stream = d.add(false, options);
    QTRY_COMPARE_WITH_TIMEOUT(stream->statistics().events(), 2, Timeout);
    d.model.refresh();
    QCOMPARE(d.text(Model::StateColumn), QStringLiteral("Open \u00B7 ") + StreamNotice::shortText(StreamNotice::Kind::Compressed));
    const QString tip = d.text(Model::StateColumn, Qt::ToolTipRole);
    QVERIFY2(tip.contains(u"Notices:") && tip.contains(u"Content-Encoding: deflate"), qPrintable(tip));
}

void TestStreamListDiagnosis::commentsAndTheLastByte()
{
    Dashboard d;
    QVERIFY(d.serve({Response::events().send(": hb\n" + eventWithId(QStringLiteral("1"))).hold().send(": hb\n").stall()}));
    Stream *stream = d.add(true);
    QTRY_COMPARE_WITH_TIMEOUT(stream->statistics().events(), 1, Timeout);
    d.monotonic += 3000;
    d.model.refresh();
    QCOMPARE(d.texts({Model::EventsColumn, Model::CommentsColumn, Model::AgeColumn, Model::LastByteColumn}),
             QStringLiteral("1|1|3 s|3 s"));
    d.server.release();
    QTRY_COMPARE_WITH_TIMEOUT(stream->statistics().comments(), 2, Timeout);
    d.model.refresh();
    // A heartbeat is a byte, not an event.
    QCOMPARE(d.texts({Model::EventsColumn, Model::CommentsColumn, Model::AgeColumn, Model::LastByteColumn}),
             QStringLiteral("1|2|3 s|0 s"));
}

QTEST_MAIN(TestStreamListDiagnosis)
#include "tst_streamlistdiagnosis.moc"
