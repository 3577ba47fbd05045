// Writes numbered events into a CaptureJournal and never closes it: tst_capturejournal kills it
// with SIGKILL to leave a journal behind.
//
// Usage: capture_journal_child PATH BATCHES BATCH_SIZE
// Prints "written N" on standard output after each batch has been appended, then waits forever.

#include "CaptureJournal.h"
#include "capture_journal_events.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() != 4)
        return 2;
    const QString path = arguments.at(1);
    const int batches = arguments.at(2).toInt();
    const int batchSize = arguments.at(3).toInt();

    auto *journal = new CaptureJournal(&app); // killed before anything closes it
    if (!journal->open(path))
        return 1;

    int batch = 0;
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, &app, [&] {
        if (batch == batches) {
            timer.stop();
            return;
        }
        QList<CapturedEvent> events;
        for (int i = 0; i < batchSize; ++i)
            events.append(journalTestEvent(batch * batchSize + i));
        if (!journal->append(events))
            QCoreApplication::exit(1);
        ++batch;
        std::printf("written %d\n", batch * batchSize);
        std::fflush(stdout);
    });
    timer.start(0);
    return QCoreApplication::exec();
}
