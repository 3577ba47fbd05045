// Connecting, receiving and closing hundreds of times, and subscribing and unsubscribing in the
// workspace, leaves no descriptor open (bench_cycles measures memory over 10,000 cycles).
#include "EventSource.h"
#include "ProcessFigures.h"
#include "ScriptedServer.h"
#include "Workspace.h"

#include <QEventLoop>
#include <QSignalSpy>
#include <QTest>

using Response = ScriptedServer::Response;

class TestConnectionCycles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void connectEventClose();
    void subscribeUnsubscribe();

private:
    std::unique_ptr<ScriptedServer> m_server;
    EventSourceOptions m_options;
};

void TestConnectionCycles::init()
{
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->start());
    m_server->script("/events", {Response::events().send("id: 1\ndata: {\"count\": 1}\n\n").end()});
    m_options = EventSourceOptions();
    m_options.url = m_server->url();
    m_options.jitter = false;
}

void TestConnectionCycles::connectEventClose()
{
    auto cycle = [this] {
        EventSource source(m_options);
        QSignalSpy events(&source, &EventSource::eventsReceived);
        source.open();
        QVERIFY(events.wait(15000));
        source.close();
    };
    cycle(); // what the first connection loads, every later one shares
    ProcessFigures::settle();
    const qsizetype before = ProcessFigures::openDescriptors();
    for (int i = 0; i < 300; ++i) {
        cycle();
        if (QTest::currentTestFailed())
            return;
    }
    ProcessFigures::settle();
    QTRY_COMPARE_WITH_TIMEOUT(ProcessFigures::openDescriptors(), before, 10000);
}

void TestConnectionCycles::subscribeUnsubscribe()
{
    Workspace workspace;
    workspace.setTickInterval(0);
    auto cycle = [&] {
        Stream *stream = workspace.addStream(m_options, {}, true);
        QSignalSpy events(stream->source(), &EventSource::eventsReceived);
        QVERIFY(events.wait(15000));
        workspace.tick();
        workspace.removeStream(stream);
    };
    cycle();
    ProcessFigures::settle();
    const qsizetype before = ProcessFigures::openDescriptors();
    for (int i = 0; i < 100; ++i) {
        cycle();
        if (QTest::currentTestFailed())
            return;
    }
    QCOMPARE(workspace.streams().size(), size_t(0));
    ProcessFigures::settle();
    QTRY_COMPARE_WITH_TIMEOUT(ProcessFigures::openDescriptors(), before, 10000);
}

QTEST_GUILESS_MAIN(TestConnectionCycles)
#include "tst_connectioncycles.moc"
