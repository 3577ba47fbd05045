// The harness of the `eventscope record` suites: the real binary in a QProcess against a
// ScriptedServer in the test process, with a fresh server and temporary directory per test.
#pragma once

#include "ScriptedServer.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace RecordTest {

constexpr int Timeout = 30000;

// One JSON object per line; empty (with a warning) when the bytes are not that.
QList<QJsonObject> parseLines(const QByteArray &bytes);
QByteArray readFile(const QString &path);
QString str(const QJsonObject &object, const char *key);

} // namespace RecordTest

// Derive a suite from this: QtTest finds initTestCase(), init() and cleanup() here, and the
// derived class declares only its test functions.
class RecordTestCase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

protected:
    struct Result
    {
        int exitCode = -1;
        QProcess::ExitStatus exitStatus = QProcess::CrashExit;
        QByteArray out;
        QByteArray err;
    };

    // Starts `eventscope record ARGS`; the server keeps serving while the test waits.
    QProcess *startRecord(const QStringList &arguments);
    // Runs it to the end, the event loop turning.
    Result runRecord(const QStringList &arguments);
    QString outputPath() const { return m_dir->filePath(QStringLiteral("out.jsonl")); }

    QString m_binary;
    ScriptedServer *m_server = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
    QList<QProcess *> m_processes;
};
