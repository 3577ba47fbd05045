// Connect / event / close cycles of EventSource, and subscribe / unsubscribe cycles of the
// workspace, against a server in this process: resident memory and open descriptors before and
// after, which must stay flat. Prints figures; asserts nothing (tst_connectioncycles checks the descriptors).
//   bench_cycles [CONNECTIONS=10000] [SUBSCRIPTIONS=1000]
#include "EventSource.h"
#include "ProcessFigures.h"
#include "SseServer.h"
#include "Workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QTimer>

#include <cstdio>

namespace {

using ProcessFigures::openDescriptors;
using ProcessFigures::residentKiB;
using ProcessFigures::settle;

void report(const char *what, int cycles, qint64 rssBefore, qsizetype fdsBefore, const QElapsedTimer &clock)
{
    settle();
    std::printf("%-34s %6d cycles in %5.1f s: RSS %6lld -> %6lld KiB (%+lld), descriptors %lld -> %lld\n", what, cycles,
                clock.elapsed() / 1000.0, qlonglong(rssBefore), qlonglong(residentKiB()),
                qlonglong(residentKiB() - rssBefore), qlonglong(fdsBefore), qlonglong(openDescriptors()));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int connections = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    const int subscriptions = argc > 2 ? QByteArray(argv[2]).toInt() : 1000;

    SseServer server;
    server.route(QStringLiteral("/events"), [](const HttpRequest &, HttpResponseStream *response) {
        response->writeHead(200, {{"Content-Type", "text/event-stream"}});
        response->write("id: 1\ndata: {\"count\": 1}\n\n");
        response->end();
    });
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 1;
    EventSourceOptions options;
    options.url = QUrl(QStringLiteral("http://127.0.0.1:%1/events").arg(server.serverPort()));
    options.reconnectionTimeMs = 1;
    options.jitter = false;

    // Warm up: the first connection loads what every later one shares.
    {
        EventSource source(options);
        QEventLoop loop;
        QObject::connect(&source, &EventSource::eventsReceived, &loop, &QEventLoop::quit);
        source.open();
        loop.exec();
    }
    settle();

    qint64 rss = residentKiB();
    qsizetype fds = openDescriptors();
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < connections; ++i) {
        auto source = std::make_unique<EventSource>(options);
        QEventLoop loop;
        QObject::connect(source.get(), &EventSource::eventsReceived, &loop, &QEventLoop::quit);
        source->open();
        loop.exec();
        source->close();
        source.reset();
        if (i % 100 == 99)
            settle();
    }
    report("EventSource connect/event/close", connections, rss, fds, clock);

    Workspace workspace;
    workspace.setTickInterval(0);
    rss = residentKiB();
    fds = openDescriptors();
    clock.restart();
    for (int i = 0; i < subscriptions; ++i) {
        Stream *stream = workspace.addStream(options, {}, true);
        QEventLoop loop;
        QObject::connect(stream->source(), &EventSource::eventsReceived, &loop, &QEventLoop::quit);
        loop.exec();
        workspace.tick();
        workspace.removeStream(stream);
        if (i % 100 == 99)
            settle();
    }
    report("Workspace subscribe/unsubscribe", subscriptions, rss, fds, clock);
    return 0;
}
