#include "RecordTestCase.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSignalSpy>
#include <QTest>

namespace RecordTest {

QList<QJsonObject> parseLines(const QByteArray &bytes)
{
    QList<QJsonObject> objects;
    if (bytes.isEmpty())
        return objects;
    if (!bytes.endsWith('\n')) {
        qWarning("output does not end with a newline");
        return {};
    }
    const QList<QByteArray> lines = bytes.chopped(1).split('\n');
    for (const QByteArray &line : lines) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            qWarning("not a JSON object (%s): %s", qPrintable(error.errorString()), line.constData());
            return {};
        }
        objects.append(document.object());
    }
    return objects;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString str(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

} // namespace RecordTest

using namespace RecordTest;

void RecordTestCase::initTestCase()
{
    m_binary = qEnvironmentVariable("EVENTSCOPE_BINARY");
    QVERIFY2(!m_binary.isEmpty(), "EVENTSCOPE_BINARY must name the eventscope executable (CTest sets it)");
    QVERIFY2(QFileInfo(m_binary).isExecutable(), qPrintable(m_binary));
}

void RecordTestCase::init()
{
    m_server = new ScriptedServer(this);
    QVERIFY(m_server->start());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void RecordTestCase::cleanup()
{
    for (QProcess *process : std::as_const(m_processes)) {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(Timeout);
        }
        delete process;
    }
    m_processes.clear();
    delete m_server;
    m_server = nullptr;
}

QProcess *RecordTestCase::startRecord(const QStringList &arguments)
{
    auto *process = new QProcess;
    m_processes.append(process);
    process->setProgram(m_binary);
    process->setArguments(QStringList{QStringLiteral("record")} + arguments);
    process->start();
    return process;
}

RecordTestCase::Result RecordTestCase::runRecord(const QStringList &arguments)
{
    QProcess *process = startRecord(arguments);
    QSignalSpy finished(process, &QProcess::finished);
    Result result;
    if (!finished.wait(Timeout)) {
        qWarning("eventscope record %s did not finish", qPrintable(arguments.join(QLatin1Char(' '))));
        return result;
    }
    result.exitCode = process->exitCode();
    result.exitStatus = process->exitStatus();
    result.out = process->readAllStandardOutput();
    result.err = process->readAllStandardError();
    return result;
}
