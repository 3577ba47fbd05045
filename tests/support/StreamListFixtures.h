#pragma once

// A workspace, its StreamListModel under QAbstractItemModelTester and a scripted server on
// 127.0.0.1, with clocks to inject: for the suites of the streams' list.

#include "FastOptions.h"
#include "ScriptedServer.h"
#include "Stream.h"
#include "StreamListModel.h"
#include "Workspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using Response = ScriptedServer::Response;
using Model = StreamListModel;

Q_DECLARE_METATYPE(QList<Response>)

namespace StreamListFixtures {

inline constexpr int Timeout = 20000;
inline constexpr int BucketMs = StreamStatistics::RateBucketMs;

// A subscription that is never opened.
inline EventSourceOptions nowhere(const QString &path = QStringLiteral("/events"))
{
    return fastOptions(QUrl(QStringLiteral("http://127.0.0.1:1") + path));
}

inline QByteArray eventWithId(const QString &id)
{
    return "id: " + id.toUtf8() + "\ndata: {}\n\n";
}

inline QByteArray eventsWithIds(int first, int count)
{
    QByteArray bytes;
    for (int id = first; id < first + count; ++id)
        bytes += eventWithId(QString::number(id));
    return bytes;
}

// True when one of the dataChanged signals in `spy` covers `column`.
inline bool touched(const QSignalSpy &spy, int column)
{
    for (const QList<QVariant> &args : spy) {
        if (args.at(0).value<QModelIndex>().column() <= column && column <= args.at(1).value<QModelIndex>().column())
            return true;
    }
    return false;
}

// A workspace whose display tick the test gives by hand, its model with a tester that checks it
// after every change, a scripted server, and clocks to inject.
struct Dashboard
{
    Dashboard() { workspace.setTickInterval(0); }

    bool serve(const QList<Response> &script)
    {
        server.script(QStringLiteral("/events"), script);
        return server.start();
    }

    // A stream of the scripted server, opened; its rates and ages on the test's clocks if `timed`.
    Stream *add(bool timed = false, EventSourceOptions options = {})
    {
        if (options.url.isEmpty())
            options = fastOptions(server.url());
        Stream *stream = workspace.addStream(options, {}, false);
        if (timed) {
            stream->setClocks([this] { return wall; }, [this] { return monotonic; });
            model.setClock([this] { return monotonic; });
        }
        stream->open();
        return stream;
    }

    QVariant value(int column, int role = Qt::DisplayRole, int row = 0) const
    {
        return model.data(model.index(row, column), role);
    }
    QString text(int column, int role = Qt::DisplayRole, int row = 0) const
    {
        return value(column, role, row).toString();
    }
    // The texts of a row's cells, joined by '|'.
    QString texts(const QList<int> &columns, int row = 0) const
    {
        QStringList list;
        for (int column : columns)
            list.append(text(column, Qt::DisplayRole, row));
        return list.join(u'|');
    }

    ScriptedServer server;
    qint64 wall = 1'800'000'000'000;
    qint64 monotonic = 1000;
    Workspace workspace;
    Model model{&workspace};
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
};

} // namespace StreamListFixtures
