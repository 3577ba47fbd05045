// Workspace: adding, editing and removing streams, ids and colour slots, limits, counts, the
// captured events of several streams, offline captures, the display tick and the journal.

#include "FastOptions.h"
#include "CaptureStore.h"
#include "ScriptedServer.h"
#include "SeriesBuffer.h"
#include "Workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using Response = ScriptedServer::Response;

Q_DECLARE_METATYPE(Limits)

namespace {

constexpr int Timeout = 15000;
constexpr qint64 MiB = 1024 * 1024;

EventSourceOptions options(const QString &url)
{
    return fastOptions(QUrl(url));
}

QByteArray events(int count)
{
    QByteArray bytes;
    for (int i = 1; i <= count; ++i)
        bytes += "id: " + QByteArray::number(i) + "\ndata: {\"count\": " + QByteArray::number(i) + "}\n\n";
    return bytes;
}

// One JSON Lines capture line, as `record` writes it.
QByteArray line(const QString &url, int id, qint64 receivedAtMs)
{
    const QJsonObject object{
        {"url", url},
        {"type", "message"},
        {"data", QStringLiteral("{\"count\": %1}").arg(id)},
        {"lastEventId", QString::number(id)},
        {"receivedAt", QDateTime::fromMSecsSinceEpoch(receivedAtMs, Qt::UTC).toString(Qt::ISODateWithMs)},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

const QString UrlA = QStringLiteral("http://a.invalid/events");
const QString UrlB = QStringLiteral("http://b.invalid/events");
const qint64 T0 = 1'780'000'000'000;

// A at T0 + 0, 2, 4 s and B at T0 + 1, 3 s, written A first.
QByteArray twoStreamCapture()
{
    return line(UrlA, 1, T0) + line(UrlA, 2, T0 + 2000) + line(UrlA, 3, T0 + 4000) + line(UrlB, 1, T0 + 1000)
        + line(UrlB, 2, T0 + 3000);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QList<int> colorsOf(const Workspace &workspace)
{
    QList<int> colors;
    for (const Stream *stream : workspace.streams())
        colors.append(stream->colorIndex());
    return colors;
}

} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void addEditRemoveSignals();
    void removingAnOpenStreamSaysNothingAfterwards();
    void idsAreUniqueAndNeverReused();
    void colorSlots_data();
    void colorSlots();
    void boundedLimits_data();
    void boundedLimits();
    void limitsApplyToEveryStream();
    void countsAgreeWithTheStores();
    void captureBudgetDropsTheOldestOfAllStreams();
    void capturedEvents_data();
    void capturedEvents();
    void openCaptureGivesOfflineStreams();
    void openCaptureErrors_data();
    void openCaptureErrors();
    void tickFlushesEveryStream();
    void journalWritesTheLiveStreams();

private:
    QTemporaryDir m_home;
};

void TestWorkspace::initTestCase()
{
    // The journal goes to the application's data folder: a temporary one here.
    QVERIFY(m_home.isValid());
    qputenv("HOME", QFile::encodeName(m_home.path()));
    qunsetenv("XDG_DATA_HOME");
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(Workspace::journalDirectory().startsWith(m_home.path()), qPrintable(Workspace::journalDirectory()));
}

void TestWorkspace::addEditRemoveSignals()
{
    Workspace workspace;
    workspace.setTickInterval(0);
    QStringList log;
    connect(&workspace, &Workspace::streamAdded, this, [&](Stream *s) {
        log.append(QStringLiteral("added %1 at %2").arg(s->id()).arg(workspace.indexOf(s)));
    });
    connect(&workspace, &Workspace::streamChanged, this,
            [&](Stream *s) { log.append(QStringLiteral("changed %1").arg(s->id())); });
    connect(&workspace, &Workspace::streamAboutToBeRemoved, this, [&](Stream *s) {
        log.append(QStringLiteral("removing %1 at %2 of %3").arg(s->id()).arg(workspace.indexOf(s)).arg(workspace.count()));
    });
    connect(&workspace, &Workspace::streamRemoved, this, [&](Stream::Id id) {
        log.append(QStringLiteral("removed %1, %2 left").arg(id).arg(workspace.count()));
    });
    connect(&workspace, &Workspace::modifiedChanged, this,
            [&](bool modified) { log.append(modified ? QStringLiteral("modified") : QStringLiteral("saved")); });

    QVERIFY(!workspace.isModified());
    Stream *a = workspace.addStream(options(UrlA), QStringLiteral("a"), false);
    Stream *b = workspace.addStream(options(UrlB), {}, false);
    QCOMPARE(log, (QStringList{"added 1 at 0", "modified", "added 2 at 1"}));
    QCOMPARE(workspace.count(), 2);
    QCOMPARE(workspace.stream(a->id()), a);
    QCOMPARE(workspace.streamAt(1), b);
    QCOMPARE(a->parent(), &workspace);
    QVERIFY(workspace.containsUrl(QUrl(UrlA)));
    QVERIFY(!workspace.containsUrl(QUrl(UrlA), a));

    log.clear();
    workspace.setModified(false);
    workspace.editStream(b, options(UrlA + QStringLiteral("?v=2")), QStringLiteral("b2"));
    QCOMPARE(b->name(), QStringLiteral("b2"));
    QCOMPARE(b->url(), QUrl(UrlA + QStringLiteral("?v=2")));
    QVERIFY(log.size() >= 3);
    QCOMPARE(log.first(), QStringLiteral("saved"));
    QVERIFY(log.contains(QStringLiteral("changed 2")));
    QCOMPARE(log.last(), QStringLiteral("modified"));
    QVERIFY(!log.contains(QStringLiteral("changed 1")));

    log.clear();
    QPointer<Stream> removed(a);
    workspace.removeStream(a);
    QCOMPARE(log.filter(QStringLiteral("remov")), (QStringList{"removing 1 at 0 of 2", "removed 1, 1 left"}));
    QCOMPARE(workspace.stream(1), nullptr);
    QCOMPARE(workspace.indexOf(a), -1);
    workspace.removeStream(a); // not there any more: nothing
    QCOMPARE(log.filter(QStringLiteral("remov")).size(), 2);
    QTRY_VERIFY(removed.isNull()); // deleted later, not at once

    log.clear();
    workspace.removeAllStreams();
    QCOMPARE(log.filter(QStringLiteral("remov")), (QStringList{"removing 2 at 0 of 1", "removed 2, 0 left"}));
    QCOMPARE(workspace.count(), 0);
}

void TestWorkspace::removingAnOpenStreamSaysNothingAfterwards()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send(events(2)).stall()});
    Workspace workspace;
    workspace.setTickInterval(0);
    Stream *stream = workspace.addStream(fastOptions(server.url()));
    QTRY_COMPARE_WITH_TIMEOUT(stream->pendingCount(), 2, Timeout);

    bool announced = false;
    QStringList late;
    connect(&workspace, &Workspace::streamAboutToBeRemoved, this, [&] { announced = true; });
    connect(&workspace, &Workspace::eventsAdded, this, [&](Stream *s, const QList<CapturedEvent> &batch) {
        QCOMPARE(s, stream);
        QCOMPARE(batch.size(), 2);
        if (announced)
            late.append(QStringLiteral("eventsAdded"));
    });
    connect(&workspace, &Workspace::connectionEvent, this, [&](Stream *, const ConnectionEvent &event) {
        QCOMPARE(event.kind, ConnectionEvent::Kind::Closed);
        if (announced)
            late.append(QStringLiteral("connectionEvent"));
    });
    connect(&workspace, &Workspace::streamChanged, this, [&] {
        if (announced)
            late.append(QStringLiteral("streamChanged"));
    });
    workspace.removeStream(stream);
    // The last events and the close were told while the stream was still listed.
    QVERIFY2(late.isEmpty(), qPrintable(late.join(u',')));
    QCOMPARE(stream->status(), StreamStatus::Closed);
    QCOMPARE(stream->capture()->size(), 2);
}

void TestWorkspace::idsAreUniqueAndNeverReused()
{
    Workspace workspace;
    workspace.setTickInterval(0);
    QList<Stream::Id> ids;
    for (int i = 0; i < 3; ++i)
        ids.append(workspace.addStream(options(UrlA), {}, false)->id());
    QCOMPARE(ids, (QList<Stream::Id>{1, 2, 3}));
    workspace.removeStream(workspace.stream(3));
    workspace.removeStream(workspace.stream(2));
    ids.append(workspace.addStream(options(UrlA), {}, false)->id());
    workspace.removeAllStreams();
    ids.append(workspace.addStream(options(UrlA), {}, false)->id());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("capture.jsonl"));
    QVERIFY(writeFile(path, twoStreamCapture()));
    for (Stream *stream : workspace.openCapture(path))
        ids.append(stream->id());
    QCOMPARE(ids, (QList<Stream::Id>{1, 2, 3, 4, 5, 6, 7}));
}

void TestWorkspace::colorSlots_data()
{
    QTest::addColumn<QStringList>("steps"); // "+": add a stream; "-N": remove the N-th added
    QTest::addColumn<QList<int>>("colors"); // of the streams left, in order

    QTest::newRow("in order") << QStringList{"+", "+", "+"} << QList<int>{0, 1, 2};
    QTest::newRow("freed slot is taken again") << QStringList{"+", "+", "+", "-2", "+"} << QList<int>{0, 2, 1};
    QTest::newRow("lowest free first") << QStringList{"+", "+", "+", "+", "-1", "-3", "+", "+"}
                                       << QList<int>{1, 3, 0, 2};
    QTest::newRow("all removed") << QStringList{"+", "+", "-1", "-2", "+"} << QList<int>{0};
    QList<int> many;
    for (int i = 0; i <= Workspace::ColorSlots; ++i)
        many.append(i);
    QTest::newRow("more streams than slots") << QStringList(Workspace::ColorSlots + 1, "+") << many;
}

void TestWorkspace::colorSlots()
{
    QFETCH(QStringList, steps);
    QFETCH(QList<int>, colors);

    Workspace workspace;
    workspace.setTickInterval(0);
    QList<Stream *> added;
    for (const QString &step : std::as_const(steps)) {
        if (step == QLatin1String("+"))
            added.append(workspace.addStream(options(UrlA), {}, false));
        else
            workspace.removeStream(added.at(step.mid(1).toInt() - 1));
    }
    QCOMPARE(colorsOf(workspace), colors);
}

void TestWorkspace::boundedLimits_data()
{
    QTest::addColumn<Limits>("given");
    QTest::addColumn<Limits>("bounded");

    QTest::newRow("defaults") << Limits() << Limits();
    Limits low{0, 0, 0, 0};
    QTest::newRow("too low") << low << Limits{1, 1, Limits::MinimumLogRows, Limits::MinimumChartPoints};
    Limits negative{-5, -5, -5, -5};
    QTest::newRow("negative") << negative << Limits{1, 1, Limits::MinimumLogRows, Limits::MinimumChartPoints};
    Limits high{Limits::MaximumCaptureEvents + 1, Limits::MaximumCaptureMiB + 1, Limits::MaximumLogRows + 1,
                Limits::MaximumChartPoints + 1};
    QTest::newRow("too high") << high
                              << Limits{Limits::MaximumCaptureEvents, Limits::MaximumCaptureMiB,
                                        Limits::MaximumLogRows, Limits::MaximumChartPoints};
    Limits inRange{5, 2, 50, 200};
    QTest::newRow("in range") << inRange << inRange;
}

void TestWorkspace::boundedLimits()
{
    QFETCH(Limits, given);
    QFETCH(Limits, bounded);
    QVERIFY(given.bounded() == bounded);

    Workspace workspace;
    workspace.setTickInterval(0);
    workspace.setLimits(given);
    QVERIFY(workspace.limits() == bounded);
}

void TestWorkspace::limitsApplyToEveryStream()
{
    Workspace workspace;
    workspace.setTickInterval(0);
    Stream *before = workspace.addStream(options(UrlA), {}, false);
    QCOMPARE(before->capture()->maxEvents(), qsizetype(Limits::DefaultCaptureMaxEvents));
    QCOMPARE(before->capture()->maxBytes(), Limits::DefaultCaptureMaxMiB * MiB);
    QCOMPARE(before->fields()->pointCap(), qsizetype(Limits::DefaultChartPoints));
    workspace.setModified(false);

    QSignalSpy changed(&workspace, &Workspace::limitsChanged);
    const Limits limits{5, 2, 50, 200};
    workspace.setLimits(limits);
    QCOMPARE(changed.count(), 1);
    QVERIFY(changed.at(0).at(0).value<Limits>() == limits);
    QVERIFY(workspace.isModified());
    workspace.setLimits(limits);
    QCOMPARE(changed.count(), 1);

    Stream *after = workspace.addStream(options(UrlB), {}, false);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("capture.jsonl"));
    QVERIFY(writeFile(path, twoStreamCapture()));
    const QList<Stream *> offline = workspace.openCapture(path);
    for (Stream *stream : QList<Stream *>{before, after} + offline) {
        QCOMPARE(stream->capture()->maxEvents(), 5);
        QCOMPARE(stream->capture()->maxBytes(), 2 * MiB);
        QCOMPARE(stream->fields()->pointCap(), 200);
    }

    // Shrinking evicts from the streams that hold more, and counts what went.
    workspace.setLimits({2, 2, 50, 200});
    QCOMPARE(offline.at(0)->capture()->size(), 2);
    QCOMPARE(offline.at(0)->capture()->droppedCount(), 1);
    QCOMPARE(workspace.capturedDroppedCount(), 1);
}

void TestWorkspace::countsAgreeWithTheStores()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send(events(3)).stall()});
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("capture.jsonl"));
    QVERIFY(writeFile(path, twoStreamCapture()));

    Workspace workspace;
    workspace.setTickInterval(0);
    workspace.setLimits({2, 512, 1000, 1000});
    workspace.openCapture(path);
    QCOMPARE(workspace.capturedCount(), 4);
    QCOMPARE(workspace.capturedDroppedCount(), 1);

    Stream *live = workspace.addStream(fastOptions(server.url()));
    QTRY_COMPARE_WITH_TIMEOUT(live->pendingCount(), 3, Timeout);
    // What is pending counts as captured already.
    QCOMPARE(workspace.capturedCount(), 7);
    workspace.tick();
    QCOMPARE(workspace.capturedCount(), 6);
    QCOMPARE(workspace.capturedDroppedCount(), 2);

    qint64 held = 0;
    qint64 dropped = 0;
    for (const Stream *stream : workspace.streams()) {
        held += stream->capture()->size() + stream->pendingCount();
        dropped += stream->capture()->droppedCount();
    }
    QCOMPARE(workspace.capturedCount(), held);
    QCOMPARE(workspace.capturedDroppedCount(), dropped);
}

void TestWorkspace::captureBudgetDropsTheOldestOfAllStreams()
{
    // A's events are all older than B's: over the shared budget, A loses its oldest and B nothing.
    constexpr int PerStream = 40'000;
    QByteArray capture;
    for (int i = 1; i <= PerStream; ++i)
        capture += line(UrlA, i, T0 + i);
    for (int i = 1; i <= PerStream; ++i)
        capture += line(UrlB, i, T0 + 100'000'000 + i);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("capture.jsonl"));
    QVERIFY(writeFile(path, capture));

    Workspace workspace;
    workspace.setTickInterval(0);
    const QList<Stream *> streams = workspace.openCapture(path);
    QCOMPARE(streams.size(), 2);
    CaptureStore *a = streams.at(0)->capture();
    CaptureStore *b = streams.at(1)->capture();
    QCOMPARE(a->size() + b->size(), 2 * PerStream);
    const qint64 bytesOfB = b->byteSize();
    QVERIFY(a->byteSize() > MiB && bytesOfB > MiB); // several blocks each
    QVERIFY(workspace.capturedBytes() <= Limits::DefaultCaptureTotalMiB * MiB);

    Limits limits;
    limits.captureTotalMiB = 2;
    QSignalSpy changedA(a, &CaptureStore::eventsChanged);
    workspace.setLimits(limits);
    QVERIFY2(workspace.capturedBytes() <= 2 * MiB, qPrintable(QString::number(workspace.capturedBytes())));
    QCOMPARE(b->size(), PerStream);
    QCOMPARE(b->droppedCount(), 0);
    QVERIFY(a->size() < PerStream);
    QCOMPARE(a->size() + a->droppedCount(), PerStream);
    QCOMPARE(workspace.capturedDroppedCount(), a->droppedCount());
    // What is left of A is its newest events, the oldest gone first.
    QCOMPARE(a->at(a->size() - 1).event.lastEventId, QString::number(PerStream));
    QCOMPARE(a->at(0).event.lastEventId, QString::number(a->droppedCount() + 1));
    QVERIFY(!changedA.isEmpty());

    // Tighter than A can give: B's oldest follow, and each keeps its newest block.
    limits.captureTotalMiB = 1;
    workspace.setLimits(limits);
    QVERIFY(b->droppedCount() > 0);
    QCOMPARE(b->at(b->size() - 1).event.lastEventId, QString::number(PerStream));
    QVERIFY(a->size() > 0);
    QCOMPARE(a->size() + b->size() + workspace.capturedDroppedCount(), 2 * PerStream);

    // The session keeps the budget.
    QCOMPARE(workspace.toSession().captureTotalMiB, 1);
}

void TestWorkspace::capturedEvents_data()
{
    QTest::addColumn<QStringList>("streams"); // "a", "b", "x" (not there)
    QTest::addColumn<qint64>("fromMs");
    QTest::addColumn<qint64>("toMs");
    QTest::addColumn<QStringList>("expected"); // stream and id, in time order

    QTest::newRow("both, interleaved") << QStringList{"a", "b"} << 0LL << -1LL
                                       << QStringList{"a1", "b1", "a2", "b2", "a3"};
    QTest::newRow("order of ids does not matter") << QStringList{"b", "a"} << 0LL << -1LL
                                                  << QStringList{"a1", "b1", "a2", "b2", "a3"};
    QTest::newRow("one") << QStringList{"b"} << 0LL << -1LL << QStringList{"b1", "b2"};
    QTest::newRow("range, bounds included") << QStringList{"a", "b"} << T0 + 1000 << T0 + 3000
                                            << QStringList{"b1", "a2", "b2"};
    QTest::newRow("range of one stream") << QStringList{"a"} << T0 + 1 << T0 + 4000 << QStringList{"a2", "a3"};
    QTest::newRow("empty range") << QStringList{"a", "b"} << T0 + 4001 << T0 + 9000 << QStringList{};
    QTest::newRow("reversed range: all") << QStringList{"a"} << T0 + 3000 << T0 << QStringList{"a1", "a2", "a3"};
    QTest::newRow("unknown stream") << QStringList{"x"} << 0LL << -1LL << QStringList{};
}

void TestWorkspace::capturedEvents()
{
    QFETCH(QStringList, streams);
    QFETCH(qint64, fromMs);
    QFETCH(qint64, toMs);
    QFETCH(QStringList, expected);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("capture.jsonl"));
    QVERIFY(writeFile(path, twoStreamCapture()));
    Workspace workspace;
    workspace.setTickInterval(0);
    const QList<Stream *> opened = workspace.openCapture(path);
    QCOMPARE(opened.size(), 2);

    QList<Stream::Id> ids;
    for (const QString &name : std::as_const(streams))
        ids.append(name == QLatin1String("a")   ? opened.at(0)->id()
                   : name == QLatin1String("b") ? opened.at(1)->id()
                                                : Stream::Id(99));
    QStringList seen;
    for (const CapturedEvent &event : workspace.capturedEvents(ids, fromMs, toMs))
        seen.append((event.url == UrlA ? QStringLiteral("a") : QStringLiteral("b")) + event.event.lastEventId);
    QCOMPARE(seen, expected);
}

void TestWorkspace::openCaptureGivesOfflineStreams()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("capture.jsonl"));
    QVERIFY(writeFile(path, twoStreamCapture()));
    Workspace workspace;
    workspace.setTickInterval(0);
    QSignalSpy added(&workspace, &Workspace::streamAdded);
    QSignalSpy batches(&workspace, &Workspace::eventsAdded);

    QString error;
    QString warning;
    const QList<Stream *> opened = workspace.openCapture(path, &error, &warning);
    QCOMPARE(opened.size(), 2);
    QVERIFY(error.isEmpty());
    QVERIFY(warning.isEmpty());
    QCOMPARE(added.count(), 2);
    QCOMPARE(batches.count(), 2); // one batch per stream, at once
    QVERIFY(!workspace.isModified()); // a file that was looked at is not part of the session

    const QList<std::pair<QString, int>> expected{{UrlA, 3}, {UrlB, 2}};
    for (qsizetype i = 0; i < opened.size(); ++i) {
        Stream *stream = opened.at(i);
        QVERIFY(stream->isOffline());
        QCOMPARE(stream->status(), StreamStatus::Offline);
        QCOMPARE(stream->url(), QUrl(expected.at(i).first));
        QVERIFY2(stream->name().startsWith(Stream::defaultName(stream->url())), qPrintable(stream->name()));
        QCOMPARE(stream->capture()->size(), expected.at(i).second);
        QCOMPARE(stream->pendingCount(), 0);
        QCOMPARE(stream->fields()->buffer(QStringLiteral("/count"))->size(), expected.at(i).second);
        QCOMPARE(stream->capture()->at(0).receivedAt.toMSecsSinceEpoch(), i == 0 ? T0 : T0 + 1000);
    }
    QVERIFY(!workspace.containsUrl(QUrl(UrlA)));
    QVERIFY(workspace.toSession().subscriptions.isEmpty());

    // A damaged tail keeps what came before it, and says so.
    QVERIFY(writeFile(path, twoStreamCapture() + "{\"url\": 3}\n"));
    const QList<Stream *> again = workspace.openCapture(path, &error, &warning);
    QCOMPARE(again.size(), 2);
    QVERIFY(!warning.isEmpty());
    QCOMPARE(workspace.count(), 4);
}

void TestWorkspace::openCaptureErrors_data()
{
    QTest::addColumn<QByteArray>("content"); // "-" for no file
    QTest::addColumn<QString>("expected");

    QTest::newRow("missing file") << QByteArray("-") << "Cannot open the capture";
    QTest::newRow("empty file") << QByteArray() << "holds no events";
    QTest::newRow("bad first line") << QByteArray("{\"url\": 3}\n") << "Cannot open the capture";
}

void TestWorkspace::openCaptureErrors()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("capture.jsonl"));
    if (content != "-")
        QVERIFY(writeFile(path, content));
    Workspace workspace;
    workspace.setTickInterval(0);
    QString error;
    QVERIFY(workspace.openCapture(path, &error).isEmpty());
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    QCOMPARE(workspace.count(), 0);
}

void TestWorkspace::tickFlushesEveryStream()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/a", {Response::events().send(events(2)).stall()});
    server.script("/b", {Response::events().send(events(3)).stall()});
    Workspace workspace;
    workspace.setTickInterval(0);
    Stream *a = workspace.addStream(fastOptions(server.url("/a")));
    Stream *b = workspace.addStream(fastOptions(server.url("/b")));
    QTRY_COMPARE_WITH_TIMEOUT(a->pendingCount() + b->pendingCount(), 5, Timeout);

    QSignalSpy ticked(&workspace, &Workspace::ticked);
    QSignalSpy textTicked(&workspace, &Workspace::textTicked);
    QSignalSpy batches(&workspace, &Workspace::eventsAdded);
    workspace.tick();
    QCOMPARE(ticked.count(), 1);
    QCOMPARE(textTicked.count(), 1); // by hand, every tick is one for text too
    QCOMPARE(batches.count(), 2);
    QCOMPARE(a->pendingCount() + b->pendingCount(), 0);
    QCOMPARE(a->capture()->size(), 2);
    QCOMPARE(b->capture()->size(), 3);
    workspace.tick();
    QCOMPARE(ticked.count(), 2);
    QCOMPARE(batches.count(), 2);

    // The display tick runs by itself unless stopped.
    server.script("/c", {Response::events().send(events(1)).stall()});
    workspace.setTickInterval(Workspace::DefaultTickIntervalMs);
    Stream *c = workspace.addStream(fastOptions(server.url("/c")));
    QTRY_COMPARE_WITH_TIMEOUT(c->capture()->size(), 1, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(ticked.count() >= 2 + 3 * Workspace::TextTickEvery, Timeout);
    // Text refreshes on every TextTickEvery-th display tick.
    workspace.setTickInterval(0);
    const int running = int(ticked.count()) - 2;
    QCOMPARE(int(textTicked.count()) - 2, running / Workspace::TextTickEvery);
}

void TestWorkspace::journalWritesTheLiveStreams()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.script("/events", {Response::events().send(events(3)).stall()});
    QTemporaryDir dir;
    const QString capture = dir.filePath(QStringLiteral("capture.jsonl"));
    QVERIFY(writeFile(capture, twoStreamCapture()));

    Workspace workspace;
    workspace.setTickInterval(0);
    QSignalSpy journal(&workspace, &Workspace::journalChanged);
    QStringList paths;
    for (int round = 0; round < 3; ++round) {
        QString error;
        QVERIFY2(workspace.setJournalEnabled(true, &error), qPrintable(error));
        QVERIFY(workspace.isJournalEnabled());
        QVERIFY(workspace.setJournalEnabled(true)); // already on
        const QString path = workspace.journalPath();
        QCOMPARE(QFileInfo(path).absolutePath(), QDir(Workspace::journalDirectory()).absolutePath());
        QVERIFY(!paths.contains(path));
        paths.append(path);
        if (round == 0) {
            workspace.openCapture(capture); // offline: not journaled
            Stream *live = workspace.addStream(fastOptions(server.url()));
            QTRY_COMPARE_WITH_TIMEOUT(live->pendingCount(), 3, Timeout);
            workspace.tick();
        }
        QVERIFY(workspace.setJournalEnabled(false, &error));
        QVERIFY(!workspace.isJournalEnabled());
        QCOMPARE(workspace.journalPath(), QString());
    }
    QCOMPARE(journal.count(), 6);

    // The first journal holds the live stream's events; the next ones, opened and closed right
    // after, are files of their own and replace nothing.
    QList<QByteArray> lines;
    {
        QFile file(paths.at(0));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(paths.at(0)));
        lines = file.readAll().split('\n');
    }
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.last().isEmpty());
    for (int i = 0; i < 3; ++i) {
        const QJsonObject object = QJsonDocument::fromJson(lines.at(i)).object();
        QCOMPARE(object.value("url").toString(), server.url().toDisplayString());
        QCOMPARE(object.value("lastEventId").toString(), QString::number(i + 1));
    }
    for (int i = 1; i < 3; ++i) {
        QVERIFY(QFileInfo::exists(paths.at(i)));
        QCOMPARE(QFileInfo(paths.at(i)).size(), 0);
    }
    for (const QString &path : std::as_const(paths))
        QFile::remove(path);
}

QTEST_GUILESS_MAIN(TestWorkspace)

#include "tst_workspace.moc"
